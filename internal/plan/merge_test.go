package plan

import (
	"strings"
	"testing"
	"time"
)

func testVocab(t *testing.T) *Vocabulary {
	t.Helper()
	v, err := NewVocabulary(DefaultStatuses())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func threeActions(t *testing.T) *Plan {
	t.Helper()
	is := &Issue{ID: "I1", Title: "Issue one"}
	for _, ref := range []string{"A1", "A2", "A3"} {
		is.Actions = append(is.Actions, &Action{Ref: ref, Issue: "I1", Status: "ONGOING",
			Source: Loc{File: "plan.xlsx", Sheet: "Actions", Row: 4}})
	}
	return &Plan{Statuses: testVocab(t), Issues: []*Issue{is}, Periods: []string{"Q1", "Q2"}, Current: "Q2"}
}

func at(row int) Loc { return Loc{File: "q2.xlsx", Sheet: "Return", Row: row} }

func TestMergeProblems(t *testing.T) {
	p := threeActions(t)
	var probs Problems
	Merge(p, []Update{
		{Period: "Q2", Ref: "a1 ", Status: "COMPLETE", Progress: "Done", Source: at(5)},
		{Period: "Q2", Ref: "FS9", Status: "ONGOING", Source: at(6)},
		{Period: "Q2", Ref: "A1", Status: "ONGOING", Source: at(7)},
		{Period: "Q2", Ref: "A2", Progress: "Some text", Source: at(8)},
		{Period: "Q2", Ref: "A3", Status: "BEHIND SCHEDULE", Source: at(9)},
	}, &probs)
	var got []string
	for _, pr := range probs.List {
		got = append(got, pr.Severity.String()+": "+pr.String())
	}
	want := []string{
		`error: q2.xlsx: sheet "Return", row 6: action "FS9" is not in the plan: correct the ref in the return, or set the row aside with ignore = [{ref = "FS9", reason = "…"}] in the job's [[updates]] block for Q2`,
		`error: q2.xlsx: sheet "Return", row 7: a second update for action "A1" in Q2 (the first is at q2.xlsx: sheet "Return", row 5)`,
		`warning: q2.xlsx: sheet "Return", row 8: the update for action "A2" has progress text but no status: the action keeps its last status, shown as at its period`,
		`warning: q2.xlsx: sheet "Return", row 9: the update for action "A3" has a status but no progress text: the papers show the earlier text with its period`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	a1 := p.Action("A1")
	if a1.Status != "COMPLETE" || a1.Progress != "Done" || len(a1.History) != 1 {
		t.Errorf("A1 = %q %q history %d", a1.Status, a1.Progress, len(a1.History))
	}
	if a2 := p.Action("A2"); a2.Status != "ONGOING" || a2.Progress != "Some text" {
		t.Errorf("A2 keeps its status and takes the text: %q %q", a2.Status, a2.Progress)
	}
}

func TestDerive(t *testing.T) {
	d := func(y, m, day int) Date { x, _ := MakeDate(y, time.Month(m), day); return x }
	tests := []struct {
		name    string
		target  Target
		updates []Update // for the one action
		want    Facts
	}{
		{"better", Target{}, []Update{{Period: "Q1", Status: "BEHIND SCHEDULE"}, {Period: "Q2", Status: "ON TARGET"}},
			Facts{Change: Better, PrevStatus: "BEHIND SCHEDULE", PrevPeriod: "Q1"}},
		{"worse", Target{}, []Update{{Period: "Q1", Status: "ON TARGET"}, {Period: "Q2", Status: "BEHIND SCHEDULE"}},
			Facts{Change: Worse, PrevStatus: "ON TARGET", PrevPeriod: "Q1"}},
		{"completed", Target{}, []Update{{Period: "Q1", Status: "ONGOING"}, {Period: "Q2", Status: "COMPLETE"}},
			Facts{Change: Completed, PrevStatus: "ONGOING", PrevPeriod: "Q1"}},
		{"new this period", Target{}, []Update{{Period: "Q2", Status: "ONGOING"}},
			Facts{Change: New}},
		{"no return", Target{}, []Update{{Period: "Q1", Status: "ONGOING"}},
			Facts{NoReturn: true, PrevStatus: "ONGOING", PrevPeriod: "Q1"}},
		{"closed earlier needs no return", Target{}, []Update{{Period: "Q1", Status: "COMPLETE"}},
			Facts{PrevStatus: "COMPLETE", PrevPeriod: "Q1"}},
		{"overdue", Target{Text: "By 31st January 2018", Due: d(2018, 1, 31)}, []Update{{Period: "Q2", Status: "ONGOING"}},
			Facts{Overdue: true, Change: New}},
		{"due on the as-at date is not overdue", Target{Text: "28/02/2018", Due: d(2018, 2, 28)}, []Update{{Period: "Q2", Status: "ONGOING"}},
			Facts{Change: New}},
		{"closed is never overdue", Target{Text: "By 31st January 2018", Due: d(2018, 1, 31)}, []Update{{Period: "Q2", Status: "COMPLETE"}},
			Facts{Change: New}},
		{"words are never overdue", Target{Text: "As required"}, []Update{{Period: "Q2", Status: "ONGOING"}},
			Facts{Change: New}},
		{"new progress text", Target{}, []Update{{Period: "Q1", Status: "ONGOING", Progress: "Consultation open."}, {Period: "Q2", Status: "ONGOING", Progress: "Consultation closed; 40 replies."}},
			Facts{PrevStatus: "ONGOING", PrevPeriod: "Q1", NewText: true}},
		{"new text with a change of status", Target{}, []Update{{Period: "Q1", Status: "ONGOING", Progress: "Open."}, {Period: "Q2", Status: "COMPLETE", Progress: "Closed."}},
			Facts{Change: Completed, PrevStatus: "ONGOING", PrevPeriod: "Q1", NewText: true}},
		{"the same text again, spaced differently, is not new", Target{}, []Update{{Period: "Q1", Status: "ONGOING", Progress: "Consultation open."}, {Period: "Q2", Status: "ONGOING", Progress: " Consultation\nopen. "}},
			Facts{PrevStatus: "ONGOING", PrevPeriod: "Q1"}},
		{"a status with no text is no new text", Target{}, []Update{{Period: "Q1", Status: "ONGOING", Progress: "Open."}, {Period: "Q2", Status: "ONGOING"}},
			Facts{PrevStatus: "ONGOING", PrevPeriod: "Q1"}},
		{"text after a period with none is new", Target{}, []Update{{Period: "Q1", Status: "ONGOING"}, {Period: "Q2", Status: "ONGOING", Progress: "Started."}},
			Facts{PrevStatus: "ONGOING", PrevPeriod: "Q1", NewText: true}},
		{"a new action's text is not marked twice", Target{}, []Update{{Period: "Q2", Status: "ONGOING", Progress: "Started."}},
			Facts{Change: New}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Action{Ref: "A1", Target: tt.target}
			p := &Plan{Statuses: testVocab(t), Issues: []*Issue{{ID: "I", Actions: []*Action{a}}},
				Periods: []string{"Q1", "Q2"}, Current: "Q2", AsAt: d(2018, 2, 28)}
			for i := range tt.updates {
				tt.updates[i].Ref = "A1"
			}
			var probs Problems
			Merge(p, tt.updates, &probs)
			p.Derive()
			if a.Facts != tt.want {
				t.Errorf("facts = %+v\nwant    %+v", a.Facts, tt.want)
			}
		})
	}
}

// TestRetargeted checks that a target revised in the period (an
// extension the job agrees with that period) is a change of the period,
// with the target it replaced, and that one revised in another period, or
// read from the plan with no period, is not.
func TestRetargeted(t *testing.T) {
	d := func(y, m, day int) Date { x, _ := MakeDate(y, time.Month(m), day); return x }
	march := Target{Text: "By 31st March 2018", Due: d(2018, 3, 31)}
	may := Target{Text: "31 May 2018", Due: d(2018, 5, 31)}
	june := Target{Text: "30 June 2018", Due: d(2018, 6, 30)}
	tests := []struct {
		name      string
		revisions []Revision
		want      Facts
	}{
		{"agreed this period", []Revision{{Target: may, Period: "q2"}},
			Facts{PrevStatus: "ONGOING", PrevPeriod: "Q1", Retargeted: true, WasTarget: march, NewTarget: may}},
		{"revised twice this period", []Revision{{Target: may, Period: "Q2"}, {Target: june, Period: "Q2"}},
			Facts{PrevStatus: "ONGOING", PrevPeriod: "Q1", Retargeted: true, WasTarget: march, NewTarget: june}},
		{"agreed last period", []Revision{{Target: may, Period: "Q1"}},
			Facts{PrevStatus: "ONGOING", PrevPeriod: "Q1"}},
		{"from the plan, with no period", []Revision{{Target: may}},
			Facts{PrevStatus: "ONGOING", PrevPeriod: "Q1"}},
		{"revised again this period", []Revision{{Target: may, Period: "Q1"}, {Target: june, Period: "Q2"}},
			Facts{PrevStatus: "ONGOING", PrevPeriod: "Q1", Retargeted: true, WasTarget: may, NewTarget: june}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Action{Ref: "A1", Target: march}
			for _, r := range tt.revisions {
				a.Revise(r)
			}
			p := &Plan{Statuses: testVocab(t), Issues: []*Issue{{ID: "I", Actions: []*Action{a}}},
				Periods: []string{"Q1", "Q2"}, Current: "Q2", AsAt: d(2018, 2, 28)}
			var probs Problems
			Merge(p, []Update{{Period: "Q1", Ref: "A1", Status: "ONGOING"}, {Period: "Q2", Ref: "A1", Status: "ONGOING"}}, &probs)
			p.Derive()
			if a.Facts != tt.want {
				t.Errorf("facts = %+v\nwant    %+v", a.Facts, tt.want)
			}
		})
	}
}

// TestBaseline follows three actions from a plan that holds their status
// as at Q4 through the first period of returns: the plan is what Q1 is
// compared with, and an action closed in the plan owes no return.
func TestBaseline(t *testing.T) {
	is := &Issue{ID: "I1"}
	for _, x := range [][2]string{{"FS1", "ON TARGET"}, {"FS2", "ONGOING"}, {"CY1", "COMPLETE"}, {"CY2", "ONGOING"}} {
		is.Actions = append(is.Actions, &Action{Ref: x[0], Issue: "I1", Status: x[1], Progress: x[0] + " as at Q4"})
	}
	p := &Plan{Statuses: testVocab(t), Issues: []*Issue{is}, Periods: []string{"Q1"}, Current: "Q1", Baseline: "Q4"}
	var probs Problems
	Merge(p, []Update{
		{Period: "Q1", Ref: "FS1", Status: "BEHIND SCHEDULE", Progress: "Slipped"},
		{Period: "Q1", Ref: "FS2", Status: "COMPLETE", Progress: "Done"},
	}, &probs)
	p.Derive()
	if len(probs.List) != 0 {
		t.Errorf("problems: %v", probs.List)
	}
	if got := strings.Join(p.Periods, ","); got != "Q4,Q1" {
		t.Errorf("periods = %s", got)
	}
	want := map[string]Facts{
		"FS1": {Change: Worse, PrevStatus: "ON TARGET", PrevPeriod: "Q4", NewText: true}, // "Slipped" after "FS1 as at Q4"
		"FS2": {Change: Completed, PrevStatus: "ONGOING", PrevPeriod: "Q4", NewText: true},
		"CY1": {PrevStatus: "COMPLETE", PrevPeriod: "Q4"},
		"CY2": {NoReturn: true, PrevStatus: "ONGOING", PrevPeriod: "Q4"},
	}
	for ref, w := range want {
		if got := p.Action(ref).Facts; got != w {
			t.Errorf("%s: facts = %+v\nwant       %+v", ref, got, w)
		}
	}
	// In the plan's own period every action stands as the plan has it.
	for _, a := range p.Actions() {
		if f := p.FactsAt(a, "Q4"); f.NoReturn || f.Change != Unchanged || f.PrevStatus != "" || f.NewText {
			t.Errorf("%s at Q4: %+v", a.Ref, f)
		}
	}
	st := p.StateOf(p.Action("CY2"), "Q1")
	if st.Status != "ONGOING" || st.StatusFrom != "Q4" || st.ProgressFrom != "Q4" || st.Update != nil {
		t.Errorf("CY2 state at Q1 = %+v", st)
	}
}

// TestClosedInPlanOwesNoReturn checks the same rule for a plan that names
// no period of its own.
func TestClosedInPlanOwesNoReturn(t *testing.T) {
	p := threeActions(t)
	p.Action("A3").Status = "COMPLETE"
	var probs Problems
	Merge(p, []Update{{Period: "Q2", Ref: "A1", Status: "ONGOING", Progress: "x"}}, &probs)
	p.Derive()
	if f := p.Action("A3").Facts; f.NoReturn {
		t.Errorf("A3 is complete in the plan but counted as no return: %+v", f)
	}
	if f := p.Action("A2").Facts; !f.NoReturn {
		t.Errorf("A2 is open with no update: %+v", f)
	}
}

func TestStateAt(t *testing.T) {
	p := threeActions(t)
	var probs Problems
	Merge(p, []Update{
		{Period: "Q1", Ref: "A1", Status: "ON TARGET", Progress: "First"},
		{Period: "Q2", Ref: "A1", Status: "COMPLETE", Progress: "Second"},
	}, &probs)
	a := p.Action("A1")
	if s, pr, u := p.StateAt(a, "Q1"); s != "ON TARGET" || pr != "First" || u == nil {
		t.Errorf("Q1: %q %q %v", s, pr, u)
	}
	if s, pr, u := p.StateAt(a, "Q2"); s != "COMPLETE" || pr != "Second" || u == nil {
		t.Errorf("Q2: %q %q %v", s, pr, u)
	}
	if s, _, u := p.StateAt(p.Action("A2"), "Q2"); s != "ONGOING" || u != nil {
		t.Errorf("A2 without updates keeps the plan's status: %q %v", s, u)
	}
}

func TestLocString(t *testing.T) {
	tests := []struct {
		loc  Loc
		want string
	}{
		{Loc{File: "plan.xlsx", Sheet: "Actions", Row: 14, Col: 6, Header: "Target Date"}, `plan.xlsx: sheet "Actions", cell F14 ("Target Date")`},
		{Loc{File: "q3.xlsx", Sheet: "Return", Row: 7}, `q3.xlsx: sheet "Return", row 7`},
		{Loc{File: "plan.csv", Row: 2, Col: 28}, `plan.csv, cell AB2`},
		{Loc{File: "plan.xlsx"}, `plan.xlsx`},
	}
	for _, tt := range tests {
		if got := tt.loc.String(); got != tt.want {
			t.Errorf("got %s, want %s", got, tt.want)
		}
	}
}

func TestVocabulary(t *testing.T) {
	v := testVocab(t)
	if s, ok := v.Lookup("  on   TRACK "); !ok || s.Name != "ON TARGET" {
		t.Errorf("alias lookup ignoring case and spacing failed: %+v %v", s, ok)
	}
	if v.Rank("COMPLETE") != 0 || v.Rank("nonsense") != -1 {
		t.Errorf("ranks wrong")
	}
	if _, err := NewVocabulary([]Status{{Name: "A", Aliases: []string{"x"}}, {Name: "B", Aliases: []string{"X"}}}); err == nil ||
		err.Error() != `status "B": "X" is already a name or alias of "A"` {
		t.Errorf("duplicate alias: %v", err)
	}
}
