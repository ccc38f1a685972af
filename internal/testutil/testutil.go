// Package testutil holds small helpers shared by agsreport's tests.
package testutil

import (
	"os"
	"os/exec"
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
