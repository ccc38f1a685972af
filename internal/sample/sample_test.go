package sample

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/testutil"
)

// TestWriteNeverReplaces checks that a sample is written into a new folder,
// and that written into a folder holding a job of the user's it stops,
// naming the files, with the folder left as it was.
func TestWriteNeverReplaces(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	if err := Write(dir, Options{Actions: 3, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	for _, f := range Files {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	mine := t.TempDir()
	for name, text := range map[string]string{"report.toml": "title = \"mine\"", "plan.xlsx": "my plan", "notes.txt": "mine"} {
		if err := os.WriteFile(filepath.Join(mine, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := testutil.Snapshot(t, mine)
	err := Write(mine, Options{Actions: 3, Seed: 1})
	if want := mine + " already holds plan.xlsx, report.toml: a sample is written only into a new or empty folder"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want one containing %q", err, want)
	}
	if after := testutil.Snapshot(t, mine); after != before {
		t.Errorf("the folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}
