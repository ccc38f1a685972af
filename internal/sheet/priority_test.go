package sheet

import (
	"strconv"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

// TestPriorityAndPercent reads a plan with a priority column in either
// vocabulary and a percent complete written each way councils write it,
// and checks each value, and that a value that is neither is a located
// error quoting it.
func TestPriorityAndPercent(t *testing.T) {
	dir := t.TempDir()
	path := writeBook(t, dir, "plan.xlsx", bookOpts{}, sheetDef{name: "Actions", rows: [][]any{
		{"Ref", "Action", "Priority", "% Complete"},
		{"1", "Review contracts.", "High", "85%"},
		{"2", "Buy software.", 2, 85},
		{"3", "Train staff.", "low", 0.85},
		{"4", "Report yearly.", nil, nil},
		{"5", "Escalate.", "Urgent", "most"},
		{"6", "Publish.", "M", 120},
	}})
	var probs plan.Problems
	p := ReadPlan(PlanSpec{Actions: spec(path, "")}, mustVocab(t), &probs)
	want := map[string][2]string{ // ref → rank, percent
		"1": {"1", "85%"}, "2": {"2", "85%"}, "3": {"3", "85%"}, "4": {"0", ""}, "5": {"0", ""}, "6": {"2", ""},
	}
	got := 0
	for _, a := range p.Actions() {
		w, ok := want[a.Ref]
		if !ok {
			t.Errorf("unexpected action %q", a.Ref)
			continue
		}
		got++
		if r := strconv.Itoa(a.Priority.Rank); r != w[0] {
			t.Errorf("%s: priority rank %s, want %s", a.Ref, r, w[0])
		}
		if s := a.Percent.String(); s != w[1] {
			t.Errorf("%s: percent %q, want %q", a.Ref, s, w[1])
		}
	}
	if got != len(want) {
		t.Errorf("read %d actions, want %d", got, len(want))
	}
	wantProbs := []string{
		`error: plan.xlsx: sheet "Actions", cell C6 ("Priority"): priority "Urgent" is not one of 1, 2, 3 or High, Medium, Low`,
		`error: plan.xlsx: sheet "Actions", cell D6 ("% Complete"): percent complete "most" is not a percentage such as 85%, 85 or 0.85`,
		`error: plan.xlsx: sheet "Actions", cell D7 ("% Complete"): percent complete "120" is not between 0% and 100%`,
	}
	if g := strings.Join(problemStrings(&probs), "\n"); g != strings.Join(wantProbs, "\n") {
		t.Errorf("problems:\n got: %s\nwant: %s", g, strings.Join(wantProbs, "\n"))
	}
}
