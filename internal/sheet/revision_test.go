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

// TestSeveralRevisionsInOneRow reads revisions kept one a line, as
// rollover writes an action revised more than once, worked by hand: action
// 1 was due 31 March 2024, revised to 30 June 2024 (agreed 14 March 2024,
// no one named) and then to 30 September 2024 (agreed by Audit Committee,
// no date). Action 2 has more agreed lines than revised targets, action 3
// an agreed line that is not a date: each is one located error. Action
// 4's revised target has a second line that is not a date, so the cell is
// one revised target, as before.
func TestSeveralRevisionsInOneRow(t *testing.T) {
	dir := t.TempDir()
	path := writeBook(t, dir, "plan.xlsx", bookOpts{}, sheetDef{name: "Actions", rows: [][]any{
		{"Ref", "Action", "Target Date", "Revised Target Date", "Extension Agreed", "Agreed By", "Status"},
		{"1", "Review contracts.", "31 March 2024", "30 June 2024\n30 September 2024", "14 March 2024\n–", "–\nAudit Committee", "ONGOING"},
		{"2", "Buy software.", "31 May 2024", "30 June 2024\n31 July 2024", "1 May 2024\n1 June 2024\n1 July 2024", nil, "ONGOING"},
		{"3", "Train staff.", "31 January 2024", "30 June 2024\n31 July 2024", "soon\n1 June 2024", nil, "ONGOING"},
		{"4", "Report.", "31 January 2024", "30 June 2024\nsubject to funding", nil, nil, "ONGOING"},
	}})
	var probs plan.Problems
	p := ReadPlan(PlanSpec{Actions: spec(path, "")}, mustVocab(t), &probs)
	a := p.Action("1")
	var got []string
	for _, r := range a.Revisions {
		got = append(got, r.Target.DueText()+" "+r.AgreedNote())
	}
	if want := "30 June 2024 agreed 14 March 2024|30 September 2024 agreed by Audit Committee"; strings.Join(got, "|") != want {
		t.Errorf("action 1's revisions are %q, want %q", strings.Join(got, "|"), want)
	}
	if a.Original.DueText() != "31 March 2024" || a.Target.DueText() != "30 September 2024" {
		t.Errorf("action 1: target %q, original %q", a.Target.DueText(), a.Original.DueText())
	}
	if n := len(p.Action("4").Revisions); n != 1 || !strings.Contains(p.Action("4").Target.Text, "subject to funding") {
		t.Errorf("action 4: %d revisions, target %q; want the cell read as one revised target", n, p.Action("4").Target.Text)
	}
	want := []string{
		`error: plan.xlsx: sheet "Actions", cell E3 ("Extension Agreed"): 3 lines, but the revised target beside it has 2: give one line for each revised target, oldest first ("–" where it is not known)`,
		`error: plan.xlsx: sheet "Actions", cell E4 ("Extension Agreed"): line 1: the date the extension was agreed, "soon", is not a date`,
	}
	if got := problemStrings(&probs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n got: %s\nwant: %s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, ref := range []string{"2", "3"} {
		if n := len(p.Action(ref).Revisions); n != 0 {
			t.Errorf("action %s: %d revisions read from a row with an error, want none", ref, n)
		}
	}
}
