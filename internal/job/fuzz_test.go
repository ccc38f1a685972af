package job

import (
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary text to the job decoder: it must never panic,
// and a failure must be an error, not a half-filled job.
func FuzzParse(f *testing.F) {
	f.Add("title = \"x\"\n[plan]\nworkbook = \"plan.xlsx\"\n")
	f.Add("title = 1\n[[output]]\ntemplate = \"appendix-b\"\nformats = [\"pdf\", 3]\n")
	f.Add("[statuses.A]\naliases = [\"B\"]\n[statuses.B]\n")
	f.Add("as_at = 2018-02-28\n[[updates]]\nworkbooks = [\"[\"]\nperiod = \"Q\"\n")
	f.Add("[plan.actions]\nheader = -3\ncolumns.ref = [1]\n")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, src string) {
		j, err := Parse(filepath.Join(dir, "report.toml"), []byte(src))
		if err == nil && j == nil {
			t.Fatal("no job and no error")
		}
		if err != nil && j != nil {
			t.Fatal("a job returned with an error")
		}
	})
}
