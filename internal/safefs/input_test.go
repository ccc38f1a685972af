package safefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInput checks which paths a job may read, in a folder tree of a job
// folder, a shared folder beside it, and links between them.
func TestInput(t *testing.T) {
	top := t.TempDir()
	job := filepath.Join(top, "job")
	shared := filepath.Join(top, "shared")
	writeFiles(t, top, map[string]string{"job/plan.xlsx": "p", "job/data/q1.xlsx": "q", "shared/plan.xlsx": "s"})
	for _, l := range [][2]string{
		{"plan.xlsx", "job/inside.xlsx"},
		{"../shared/plan.xlsx", "job/outside.xlsx"},
		{"../shared", "job/sharedlink"},
		{"gone.xlsx", "job/dangling.xlsx"},
		{"../job/plan.xlsx", "shared/back.xlsx"},
	} {
		if err := os.Symlink(l[0], filepath.Join(top, l[1])); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	cases := []struct {
		name, path string
		allow      bool
		want       string // part of the error; "" for none
	}{
		{"a file in the folder", "job/plan.xlsx", false, ""},
		{"a file in a subfolder", "job/data/q1.xlsx", false, ""},
		{"a link within the folder", "job/inside.xlsx", false, ""},
		{"a link out of the folder", "job/outside.xlsx", false, "leads out of the job's folder, to " + shared + "/plan.xlsx"},
		{"a link out of the folder, allowed", "job/outside.xlsx", true, ""},
		{"a folder link out of the folder", "job/sharedlink/plan.xlsx", false, "leads out of the job's folder"},
		{"a path the job names outside its folder", "shared/plan.xlsx", false, ""},
		{"a link outside that leads back in", "shared/back.xlsx", false, ""},
		{"a dangling link", "job/dangling.xlsx", false, `is a link to "gone.xlsx", which does not exist`},
		{"a missing file", "job/none.xlsx", false, "file not found"},
		{"a folder", "job/data", false, "is a folder, not a workbook"},
		{"a device", "/dev/null", false, "is a device, not a workbook: agsreport reads only regular files"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.path
			if !filepath.IsAbs(p) {
				p = filepath.Join(top, p)
			}
			err := Input(p, "workbook", job, tc.allow)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Input(%s) = %v, want no error", tc.path, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("Input(%s) = %v, want an error containing %q", tc.path, err, tc.want)
			}
		})
	}
	var dl *DanglingError
	if err := Input(filepath.Join(job, "dangling.xlsx"), "workbook", job, false); !errors.As(err, &dl) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a dangling link gives %v, want a *DanglingError that counts as missing", err)
	}
}
