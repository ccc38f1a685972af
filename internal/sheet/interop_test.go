package sheet

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/testutil"
)

// readPlanDump reads a workbook as every kind of plan table, as a job that
// names only the workbook does, and returns the plan's dump and problems.
func readPlanDump(t *testing.T, path string) (string, []string) {
	t.Helper()
	s := spec(path, "")
	s.Optional = true
	var probs plan.Problems
	p := ReadPlan(PlanSpec{Issues: s, Outcomes: s, Recommendations: s, Actions: s}, nil, &probs)
	return p.Dump(), problemStrings(&probs)
}

// TestWorkbookSavedByLibreOffice reads the example plan as LibreOffice
// saves it (its own shared strings, styles and part layout) and checks it
// reads exactly as the original.
func TestWorkbookSavedByLibreOffice(t *testing.T) {
	soffice := testutil.NeedTool(t, "soffice")
	orig := filepath.Join("..", "..", "examples", "cumbria-2017-18", "plan.xlsx")
	dir := t.TempDir()
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "xlsx", "--outdir", filepath.Join(dir, "out"), orig)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	want, wantProbs := readPlanDump(t, orig)
	got, gotProbs := readPlanDump(t, filepath.Join(dir, "out", "plan.xlsx"))
	if got != want {
		t.Errorf("the plan as LibreOffice saved it reads differently: %s", testutil.FirstDiff(want, got))
	}
	if strings.Join(gotProbs, "\n") != strings.Join(wantProbs, "\n") {
		t.Errorf("problems %q, want %q", gotProbs, wantProbs)
	}
}

// TestWorkbookWrittenByOpenpyxl reads a plan written by openpyxl, as a
// council's own script would write it: dates as date cells, a merged issue
// column, a hidden sheet.
func TestWorkbookWrittenByOpenpyxl(t *testing.T) {
	py := testutil.NeedPython(t, "openpyxl")
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.xlsx")
	script := `import openpyxl, datetime, sys
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Actions"
ws.append(["Action plan 2024-25"])
ws.append([])
ws.append(["Issue Ref", "Action Ref", "Action", "Lead", "Target Date", "Status", "Raised"])
ws.append(["A", "1", "Review contracts.", "Director", datetime.date(2025, 3, 31), "Ongoing", datetime.date(2024, 5, 1)])
ws.append([None, "2", "Train staff.", "Director", "As required", "Complete", datetime.date(2024, 6, 1)])
ws.merge_cells("A4:A5")
ws["G4"].number_format = "dd/mm/yyyy"
ws["G5"].number_format = "d mmmm yyyy"
wb.create_sheet("Archive").sheet_state = "hidden"
wb.save(sys.argv[1])
`
	if out, err := exec.Command(py, "-c", script, path).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	src, err := openSource(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := src.state("Archive"); got != sheetHidden {
		t.Errorf("sheet Archive is %v, want hidden", got)
	}
	src.close()
	var probs plan.Problems
	p := ReadPlan(PlanSpec{Actions: spec(path, "Actions")}, nil, &probs)
	if len(probs.List) != 0 {
		t.Errorf("problems: %q", problemStrings(&probs))
	}
	acts := p.Actions()
	if len(acts) != 2 {
		t.Fatalf("%d actions, want 2:\n%s", len(acts), p.Dump())
	}
	if d := acts[0].Target.Due; d.String() != "2025-03-31" {
		t.Errorf("action 1 is due %v, want 2025-03-31", d)
	}
	if acts[1].Issue != "A" {
		t.Errorf("action 2 is not under issue A (merged down):\n%s", p.Dump())
	}
	var raised []string
	for _, a := range acts {
		for _, f := range a.Extra {
			if f.Name == "Raised" {
				raised = append(raised, f.Value)
			}
		}
	}
	if strings.Join(raised, "|") != "01/05/2024|1 June 2024" {
		t.Errorf("Raised shown as %q, want the dates as their formats show them", raised)
	}
}
