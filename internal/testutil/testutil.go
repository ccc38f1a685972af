// Package testutil holds small helpers shared by agsreport's tests.
package testutil

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// NeedTool returns the path of an outside program a test needs (pdftotext,
// soffice, qpdf …). When the program is missing the test is skipped, unless
// AGSREPORT_REQUIRE_TOOLS is set (as CI sets it), where it fails: CI
// installs every such program, so a skip there would hide a test.
func NeedTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("AGSREPORT_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is needed by this test and is not installed", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

// NeedPython returns a Python 3 interpreter that can import module, trying
// the system's /usr/bin/python3 (where Debian's python3-* packages install)
// before python3 on the PATH. It skips or fails like NeedTool.
func NeedPython(t testing.TB, module string) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		p, err := exec.LookPath(py)
		if err != nil {
			continue
		}
		if exec.Command(p, "-c", "import "+module).Run() == nil {
			return p
		}
	}
	if os.Getenv("AGSREPORT_REQUIRE_TOOLS") != "" {
		t.Fatalf("python3 with %s is needed by this test and is not installed", module)
	}
	t.Skipf("python3 with %s is not installed", module)
	return ""
}

// Golden compares got with the golden file at path. With update set it
// rewrites the file instead. A difference fails the test, showing the first
// line that differs.
func Golden(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run with -update and review the diff):\n%s", path, FirstDiff(string(want), got))
	}
}

// FirstDiff describes the first line at which two texts differ, or returns
// "" when they are equal.
func FirstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant: %s\n got: %s", i+1, w, g)
		}
	}
	return ""
}

// Snapshot lists every file, folder and link under dir (hidden ones
// included) with the SHA-256 of each file's content or each link's target,
// one per line, sorted: two snapshots are equal when nothing under dir was
// added, removed or changed.
func Snapshot(t testing.TB, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.IsDir():
			lines = append(lines, rel+"/")
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			lines = append(lines, rel+" -> "+target)
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			lines = append(lines, fmt.Sprintf("%s %x", rel, sha256.Sum256(data)))
		default:
			lines = append(lines, rel+" "+d.Type().String())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// NeedNodeModules returns the folder of the npm packages a test runs with
// node (checks/node_modules, installed by `npm ci` in checks/, as CI does),
// given the path of the repository's checks folder from the test. It
// skips or fails like NeedTool when node or the packages are missing.
func NeedNodeModules(t testing.TB, checks string, packages ...string) string {
	t.Helper()
	NeedTool(t, "node")
	for _, p := range packages {
		if _, err := os.Stat(checks + "/node_modules/" + p + "/package.json"); err != nil {
			if os.Getenv("AGSREPORT_REQUIRE_TOOLS") != "" {
				t.Fatalf("npm package %s is needed by this test: run npm ci in %s", p, checks)
			}
			t.Skipf("npm package %s is not installed (npm ci in %s)", p, checks)
		}
	}
	return checks
}
