package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/returns"
)

// TestQuarterlyCycle runs a governance officer's quarter end to end: write
// the progress returns, have officers fill some of them in, read them back
// with no column mapping, and build the CMT briefing pack, whose exception
// lists must show what the officers said.
func TestQuarterlyCycle(t *testing.T) {
	ex, err := filepath.Abs("../../examples/cumbria-2017-18")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	job := filepath.Join(dir, "report.toml")
	body := fmt.Sprintf(`title = "Annual Governance Statement Action Plan 2017-18"
organisation = "Cumbria County Council"
period = "March 2018"
as_at = 2018-04-06
[plan]
workbook = %q
  [plan.issues]
  sheet = "Issues"
  [plan.outcomes]
  sheet = "Outcomes"
  [plan.actions]
  sheet = "Actions"
[[updates]]
period = "February 2018"
workbooks = [%q]
[[updates]]
period = "March 2018"
workbooks = ["returns/*.xlsx"]
optional = true
[statuses.COMPLETE]
closed = true
colour = "#C6EFCE"
[statuses."ON TARGET"]
colour = "#DDEBF7"
[statuses.ONGOING]
colour = "#FFF2CC"
[statuses."BEHIND TARGET"]
colour = "#FFC7CE"
[[output]]
template = "briefing"
issues = ["AMEY"]
formats = ["pdf", "xlsx"]
`, filepath.Join(ex, "plan.xlsx"), filepath.Join(ex, "updates/2018-02/*.xlsx"))
	if err := os.WriteFile(job, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}

	// 1. Write the returns.
	var out bytes.Buffer
	if err := Returns(&out, job, ReturnsOptions{OutputDir: filepath.Join(dir, "returns")}); err != nil {
		t.Fatalf("returns: %v\n%s", err, out.String())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "returns", "*.xlsx"))
	if len(files) < 3 {
		t.Fatalf("expected a return per lead officer, got %v", files)
	}

	// 2. Officers fill some in. Actions not listed stay blank: no return.
	fill := map[string][2]string{
		"1(iv)":  {"COMPLETE", "Summary report presented to CMT."},
		"4(ii)":  {"COMPLETE", "Training delivered in March."},
		"5(ii)":  {"BEHIND TARGET", "Trade Union discussion postponed."},
		"3(iii)": {"ongoing", "Workshops continue."}, // an alias spelt in lower case
		"1(iii)": {"Compete", "A status mistyped."},
	}
	fillReturns(t, filepath.Join(dir, "returns"), fill, nil, nil)
	// An open workbook's lock file is skipped with a note.
	if err := os.WriteFile(filepath.Join(dir, "returns", "~$lock.xlsx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}

	// 3. Read them back with no mapping. The mistyped status stops the
	// build, located at its cell, with the word it most likely meant.
	l, err := Load(job)
	if err != nil {
		t.Fatal(err)
	}
	if l.Problems.Errors() != 1 || !strings.Contains(l.Problems.List[0].String(), `sheet "Return", cell G`) ||
		!strings.Contains(l.Problems.List[0].Msg, `unknown status "Compete" (did you mean "COMPLETE"?`) {
		t.Fatalf("problems: %+v", l.Problems.List)
	}
	// The officer corrects it; the build goes on.
	for _, f := range files {
		wb, err := excelize.OpenFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := wb.GetRows(returns.Sheet)
		for i, r := range rows {
			if len(r) > 6 && r[6] == "Compete" {
				if err := wb.SetCellStr(returns.Sheet, fmt.Sprintf("G%d", i+1), "Complete"); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := wb.Save(); err != nil {
			t.Fatal(err)
		}
		wb.Close()
	}
	if l, err = Load(job); err != nil || l.Problems.Errors() != 0 {
		t.Fatalf("problems after the correction: %v %+v", err, l.Problems.List)
	}
	if len(l.Notes) != 1 || !strings.Contains(l.Notes[0], "~$lock.xlsx") {
		t.Errorf("lock file note: %v", l.Notes)
	}
	papers, err := Compose(l)
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string][]string{}
	for _, sec := range papers[0].Doc.Sections {
		for _, b := range sec.Blocks {
			if tb, ok := b.(*report.Table); ok && sec.Name == "Exceptions" {
				tables[tb.Name] = refs(tb)
			}
		}
	}
	want := map[string]string{
		"Completed": "1(iii) 1(iv) 4(ii)",
		"Worse":     "3(iii) 5(ii)",             // ON TARGET in February
		"Overdue":   "1(v) 3(iii) 4(iii) 5(ii)", // due by 1 April 2018, not closed
	}
	for name, refs := range want {
		if got := strings.Join(tables[name], " "); got != refs {
			t.Errorf("%s: got %q, want %q", name, got, refs)
		}
	}
	// Every open action without a filled-in row is listed as no return;
	// the filled ones are not.
	noReturn := tables["No return"]
	for ref := range fill {
		for _, r := range noReturn {
			if r == ref {
				t.Errorf("%s was returned but is listed under no return", ref)
			}
		}
	}
	if len(noReturn) == 0 {
		t.Error("no actions listed under no return")
	}
	if _, _, err := RenderAll(nil, papers, filepath.Join(dir, "out"), nil); err != nil {
		t.Fatal(err)
	}
}

// refs returns the first word of each row's first cell, sorted.
func refs(t *report.Table) []string {
	var out []string
	for _, g := range t.Groups {
		for _, r := range g.Rows {
			if f := strings.Fields(r.Cells[0].Text.String()); len(f) > 0 {
				out = append(out, f[0])
			}
		}
	}
	sort.Strings(out)
	return out
}
