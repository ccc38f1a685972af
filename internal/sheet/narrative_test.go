package sheet

import (
	"fmt"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

// TestReadReturnNarrative reads a return with an Issues sheet: the issue
// narrative is read for the return's period, and anything else on the sheet
// is a located warning quoting it.
func TestReadReturnNarrative(t *testing.T) {
	dir := t.TempDir()
	path := writeBook(t, dir, "return.xlsx", bookOpts{},
		sheetDef{name: "Return", rows: [][]any{
			{"Action Ref", "Status", "Progress Update"},
			{"1(i)", "Complete", "Done."},
		}},
		sheetDef{name: "Issues", rows: [][]any{
			{"Issue Ref", "Overall Prospect", "Lead Manager", "Notes"},
			{"AMEY", "On track at the end of March.", "", ""},
			{"CSLG", "", "Director of Children's Services", "ask again"},
		}})
	var probs plan.Problems
	r := ReadReturn(*spec(path, ""), "March 2018", nil, &probs)
	if len(r.Updates) != 1 || r.Updates[0].Ref != "1(i)" {
		t.Errorf("updates = %+v", r.Updates)
	}
	want := plan.IssueUpdate{Period: "March 2018", Issue: "AMEY", Prospect: "On track at the end of March.",
		Source: plan.Loc{File: "return.xlsx", Sheet: "Issues", Row: 2, Col: 1, Header: "Issue Ref"}}
	if len(r.Issues) != 1 || r.Issues[0] != want {
		t.Errorf("issues = %+v\nwant %+v", r.Issues, want)
	}
	var got []string
	for _, p := range probs.List {
		got = append(got, fmt.Sprint(p.Severity, ": ", p))
	}
	wantProbs := []string{
		`warning: return.xlsx: sheet "Issues", cell C3 ("Lead Manager"): 2 cell(s) of the row are not read: "Director of Children's Services", "ask again"`,
	}
	if strings.Join(got, "\n") != strings.Join(wantProbs, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantProbs, "\n"))
	}
	if len(r.Readings) != 2 || r.Readings[1].Sheet != "Issues" {
		t.Errorf("readings: %d", len(r.Readings))
	}
}
