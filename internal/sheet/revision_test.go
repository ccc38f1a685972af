package sheet

import (
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

// TestRevisedTargets reads a plan that keeps revised targets beside the
// original ones, and checks, worked by hand at 30 June 2024: action 1 was
// due 31 March 2024, revised to 30 September 2024, so it is not overdue;
// action 2, never revised, due 31 May 2024, is; action 3's revision to
// 31 May 2024 has passed too.
func TestRevisedTargets(t *testing.T) {
	dir := t.TempDir()
	path := writeBook(t, dir, "plan.xlsx", bookOpts{}, sheetDef{name: "Actions", rows: [][]any{
		{"Ref", "Action", "Target Date", "Revised Target Date", "Extension Agreed", "Agreed By", "Status"},
		{"1", "Review contracts.", "31 March 2024", "30 September 2024", "12 June 2024", "Audit Committee", "ONGOING"},
		{"2", "Buy software.", "31 May 2024", nil, nil, nil, "ONGOING"},
		{"3", "Train staff.", "31 January 2024", "31 May 2024", nil, nil, "ONGOING"},
		{"4", "Report.", "31 January 2024", nil, "1 May 2024", nil, "ONGOING"},
	}})
	var probs plan.Problems
	p := ReadPlan(PlanSpec{Actions: spec(path, "")}, mustVocab(t), &probs)
	p.AsAt = plan.Date{Year: 2024, Month: 6, Day: 30}
	p.Derive()
	tests := []struct {
		ref, note string
		overdue   bool
	}{
		{"1", "Revised: 30 September 2024 (was 31 March 2024; extension agreed 12 June 2024 by Audit Committee)", false},
		{"2", "", true},
		{"3", "Revised: 31 May 2024 (was 31 January 2024)", true},
		{"4", "", true},
	}
	for _, tc := range tests {
		a := p.Action(tc.ref)
		if a == nil {
			t.Errorf("action %s not read", tc.ref)
			continue
		}
		if got := a.RevisedNote(); got != tc.note {
			t.Errorf("%s: RevisedNote() = %q, want %q", tc.ref, got, tc.note)
		}
		if a.Facts.Overdue != tc.overdue {
			t.Errorf("%s: overdue %v, want %v (judged on the current target %q)", tc.ref, a.Facts.Overdue, tc.overdue, a.Target.Text)
		}
	}
	want := `error: plan.xlsx: sheet "Actions", cell E5 ("Extension Agreed"): an extension agreed (1 May 2024) with no revised target beside it: give the revised target, or clear the cell`
	if got := strings.Join(problemStrings(&probs), "\n"); got != want {
		t.Errorf("problems:\n got: %s\nwant: %s", got, want)
	}
}
