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
	tests := []revisedCase{
		{"1", "Revised: 30 September 2024 (was 31 March 2024; extension agreed 12 June 2024 by Audit Committee)", false},
		{"2", "", true},
		{"3", "Revised: 31 May 2024 (was 31 January 2024)", true},
		{"4", "", true},
	}
	checkRevised(t, p, tests)
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
// an agreed line that is not a date, action 5 one agreed-by line for two
// revisions (it could belong to either): each is one located error. Action
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
		{"5", "Audit.", "31 January 2024", "30 June 2024\n31 July 2024", nil, "Audit Committee", "ONGOING"},
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
		`error: plan.xlsx: sheet "Actions", cell E3 ("Extension Agreed"): 3 lines, but the revised target beside it has 2: give one line for each revised target, oldest first ("–" where it is not known), so that each is shown with the revision it belongs to`,
		`error: plan.xlsx: sheet "Actions", cell E4 ("Extension Agreed"): line 1: the date the extension was agreed, "soon", is not a date`,
		`error: plan.xlsx: sheet "Actions", cell F6 ("Agreed By"): one line ("Audit Committee"), but the revised target beside it has 2: give one line for each revised target, oldest first ("–" where it is not known), so that each is shown with the revision it belongs to`,
	}
	if got := problemStrings(&probs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n got: %s\nwant: %s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, ref := range []string{"2", "3", "5"} {
		if n := len(p.Action(ref).Revisions); n != 0 {
			t.Errorf("action %s: %d revisions read from a row with an error, want none", ref, n)
		}
	}
}

// TestRevisedTargetWords reads revised targets written with words, and
// checks, worked by hand at 15 July 2025, that no word is lost and that
// each doubtful revision is a located warning. Action 1's revision keeps
// "subject to funding" and is due 30 June 2025, so it is overdue; action
// 2's "Q1 2025/26" is due at the quarter's end, 30 June 2025, overdue,
// and printed as written; action 3's "31/12/2025" says no more than its
// date, so it prints as the date, and the original "By 31st March 2025"
// prints as its date with no "By"; action 4's "TBC" has no date, so it
// is never overdue and is a warning at D5; action 5's revision to 30 June
// 2025 is earlier than the 30 September 2025 it replaces (a warning at
// D6) and was agreed on 1 August 2025, after the as-at date (a warning at
// E6).
func TestRevisedTargetWords(t *testing.T) {
	dir := t.TempDir()
	path := writeBook(t, dir, "plan.xlsx", bookOpts{}, sheetDef{name: "Actions", rows: [][]any{
		{"Ref", "Action", "Target Date", "Revised Target Date", "Extension Agreed", "Agreed By", "Status"},
		{"1", "Review contracts.", "31 March 2025", "30/06/2025 subject to funding", nil, nil, "ONGOING"},
		{"2", "Buy software.", "31 March 2025", "Q1 2025/26", nil, nil, "ONGOING"},
		{"3", "Train staff.", "By 31st March 2025", "31/12/2025", nil, nil, "ONGOING"},
		{"4", "Report.", "31 March 2025", "TBC", nil, nil, "ONGOING"},
		{"5", "Audit.", "30 September 2025", "30 June 2025", "1 August 2025", "CMT", "ONGOING"},
	}})
	var probs plan.Problems
	p := ReadPlan(PlanSpec{Actions: spec(path, "")}, mustVocab(t), &probs)
	p.AsAt = plan.Date{Year: 2025, Month: 7, Day: 15}
	plan.CheckRevisions(p, &probs)
	p.Derive()
	tests := []revisedCase{
		{"1", "Revised: 30/06/2025 subject to funding (was 31 March 2025)", true},
		{"2", "Revised: Q1 2025/26 (was 31 March 2025)", true},
		{"3", "Revised: 31 December 2025 (was 31 March 2025)", false},
		{"4", "Revised: TBC (was 31 March 2025)", false},
		{"5", "Revised: 30 June 2025 (was 30 September 2025; extension agreed 1 August 2025 by CMT)", true},
	}
	checkRevised(t, p, tests)
	want := []string{
		`warning: plan.xlsx: sheet "Actions", cell D5 ("Revised Target Date"): action 4: the revised target "TBC" has no date, so the action is never overdue while it stands: give the date agreed (the papers show it as written), or, if no new date has been agreed, clear the cell so that the target 31 March 2025 still applies`,
		`warning: plan.xlsx: sheet "Actions", cell D6 ("Revised Target Date"): action 5: the revised target "30 June 2025" is earlier than the target it replaces, 30 September 2025: check the date; if the action was brought forward on purpose, say so in its progress`,
		`warning: plan.xlsx: sheet "Actions", cell E6 ("Extension Agreed"): action 5: the revision to "30 June 2025" is recorded as agreed on 1 August 2025, after the as-at date of these papers (15 July 2025): check the date agreed (a decision not yet taken should not be recorded as agreed), or the job's as_at`,
	}
	if got := strings.Join(problemStrings(&probs), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n got: %s\nwant: %s", got, strings.Join(want, "\n"))
	}
}

// revisedCase is an action's revised note and whether it is overdue.
type revisedCase struct {
	ref, note string
	overdue   bool
}

// checkRevised checks each action's revised note and overdue fact.
func checkRevised(t *testing.T, p *plan.Plan, tests []revisedCase) {
	t.Helper()
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
}
