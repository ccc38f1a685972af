package compose

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/agsreport/agsreport/internal/fonts"
	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/report"
)

// TestWhatChanged builds the briefing for Q2 of a six-action plan and
// checks its "What changed since last time" list against the changes
// worked by hand:
//
//   - A1 (Low) restates its Q1 text with the same status: nothing changed,
//     not listed;
//   - A2 (no priority) keeps ONGOING with new text: ¶ only;
//   - A3 (High) falls from ON TARGET to BEHIND SCHEDULE, has a new target
//     agreed in Q2 (30 June 2018, was By 31st March 2018) and new text;
//   - A4 (Medium) is reported for the first time in Q2: + New, and its
//     text is not marked again;
//   - A5 (High) keeps its status and text, and has a new target agreed in
//     Q2: ♦ only;
//   - A6 (High) sent no Q2 return, and its target was revised in Q1: not
//     listed.
//
// Highest priority first, plan order within a priority, none last: A3, A5,
// A4, A2.
func TestWhatChanged(t *testing.T) {
	vocab, err := plan.NewVocabulary(plan.DefaultStatuses())
	if err != nil {
		t.Fatal(err)
	}
	day := func(y int, m time.Month, d int) plan.Date { x, _ := plan.MakeDate(y, m, d); return x }
	march := plan.Target{Text: "By 31st March 2018", Due: day(2018, 3, 31)}
	june := plan.Target{Text: "30 June 2018", Due: day(2018, 6, 30)}
	prio := func(s string) plan.Priority {
		p, err := plan.ParsePriority(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	is := &plan.Issue{ID: "I", Title: "Contracts"}
	for _, x := range []struct{ ref, priority string }{{"A1", "Low"}, {"A2", ""}, {"A3", "High"}, {"A4", "2"}, {"A5", "H"}, {"A6", "1"}} {
		is.Actions = append(is.Actions, &plan.Action{Ref: x.ref, Issue: "I", Description: "Action " + x.ref, Target: march, Priority: prio(x.priority)})
	}
	p := &plan.Plan{Statuses: vocab, Issues: []*plan.Issue{is}, Periods: []string{"Q1", "Q2"}, Current: "Q2", AsAt: day(2018, 4, 6)}
	p.Action("A3").Revise(plan.Revision{Target: june, Agreed: day(2018, 4, 4), By: "Audit Committee", Period: "Q2"})
	p.Action("A5").Revise(plan.Revision{Target: june, Period: "Q2"})
	p.Action("A6").Revise(plan.Revision{Target: june, Period: "Q1"})
	u := func(period, ref, status, text string) plan.Update {
		return plan.Update{Period: period, Ref: ref, Status: status, Progress: text}
	}
	var probs plan.Problems
	plan.Merge(p, []plan.Update{
		u("Q1", "A1", "ON TARGET", "Started."), u("Q2", "A1", "ON TARGET", "Started. "),
		u("Q1", "A2", "ONGOING", "Draft."), u("Q2", "A2", "ONGOING", "Draft agreed by CMT."),
		u("Q1", "A3", "ON TARGET", "Supplier chosen."), u("Q2", "A3", "BEHIND SCHEDULE", "Supplier withdrew."),
		u("Q2", "A4", "ONGOING", "Begun."),
		u("Q1", "A5", "ONGOING", "Waiting for the audit."), u("Q2", "A5", "ONGOING", "Waiting for the audit."),
		u("Q1", "A6", "ONGOING", "Scoped."),
	}, &probs)
	if len(probs.List) != 0 {
		t.Fatal(probs.List)
	}
	p.Derive()
	tm, err := Library{}.Load("briefing")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Compose(tm, p, Options{Title: "AGS", Name: "briefing"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"A3 | ▼ Worse (was ON TARGET) / ♦ New target 30 June 2018 (was 31 March 2018) / ¶ New progress text",
		"A5 | ♦ New target 30 June 2018 (was 31 March 2018)",
		"A4 | + New",
		"A2 | ¶ New progress text",
	}
	got := changedRows(t, doc)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("what changed:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// ChangeMark joins the same marks for use inline.
	for _, is := range p.Issues {
		v := actionView(p, is.Actions[2], "Q2")
		if want := "▼ Worse (was ON TARGET); ♦ New target 30 June 2018 (was 31 March 2018); ¶ New progress text"; v.ChangeMark != want {
			t.Errorf("A3's ChangeMark = %q, want %q", v.ChangeMark, want)
		}
	}
	// A paper for Q1 sees A6's revision as that period's change, and
	// nothing else: Q1 is the first period.
	doc, err = Compose(tm, p, Options{Title: "AGS", Name: "briefing", Period: "Q1"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(changedRows(t, doc), "\n"); got != "A6 | ♦ New target 30 June 2018 (was 31 March 2018)" {
		t.Errorf("what changed in Q1:\n%s", got)
	}
}

// changedRows returns the rows of the briefing's "Changed" table as "ref |
// marks", the marks' lines joined with " / ".
func changedRows(t *testing.T, doc *report.Document) []string {
	t.Helper()
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			tb, ok := b.(*report.Table)
			if !ok || tb.Name != "Changed" {
				continue
			}
			var out []string
			for _, g := range tb.Groups {
				for _, r := range g.Rows {
					ref := strings.Fields(r.Cells[0].Text.String())[0]
					out = append(out, ref+" | "+strings.ReplaceAll(r.Cells[3].Text.String(), "\n", " / "))
				}
			}
			return out
		}
	}
	t.Fatal("the briefing has no table of what changed")
	return nil
}

// TestRevisedTargetLeavesSpan: two actions read from one merged target
// cell print it once, spanning both, in Appendix 1 (B); once one of them
// has its target revised, each prints its own, the revised one with its
// note.
func TestRevisedTargetLeavesSpan(t *testing.T) {
	vocab, err := plan.NewVocabulary(plan.DefaultStatuses())
	if err != nil {
		t.Fatal(err)
	}
	day := func(y int, m time.Month, d int) plan.Date { x, _ := plan.MakeDate(y, m, d); return x }
	tm, err := Library{}.Load("appendix-b")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		revise bool
		want   []string // the Target Date cell of each row: text, or "covered"
	}{
		{"merged in the plan", false, []string{"By 31st March 2018 (spans 2)", "covered"}},
		{"one revised", true, []string{"By 31st March 2018", "Revised: 30 June 2018 (was 31 March 2018; extension agreed by Monitoring Officer)"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			march := plan.Target{Text: "By 31st March 2018", Due: day(2018, 3, 31)}
			is := &plan.Issue{ID: "I", Title: "Governance"}
			for _, ref := range []string{"6(i)", "6(ii)"} {
				is.Actions = append(is.Actions, &plan.Action{Ref: ref, Issue: "I", Description: "Review " + ref, Target: march,
					Merged: map[string]string{"target": "Actions!G20:G21"}})
			}
			if tt.revise {
				is.Actions[1].Revise(plan.Revision{Target: plan.Target{Text: "30 June 2018", Due: day(2018, 6, 30)}, By: "Monitoring Officer"})
			}
			p := &plan.Plan{Statuses: vocab, Issues: []*plan.Issue{is}}
			doc, err := Compose(tm, p, Options{Title: "AGS", Name: "appendix-b"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range doc.Sections {
				for _, b := range s.Blocks {
					tb, ok := b.(*report.Table)
					if !ok {
						continue
					}
					col := -1
					for i, c := range tb.Columns {
						if c.Title == "Target Date" {
							col = i
						}
					}
					for _, g := range tb.Groups {
						for _, r := range g.Rows {
							c := r.Cells[col]
							switch {
							case c.Covered:
								got = append(got, "covered")
							case c.Span > 1:
								got = append(got, fmt.Sprintf("%s (spans %d)", c.Text.String(), c.Span))
							default:
								got = append(got, c.Text.String())
							}
						}
					}
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("target cells:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestChangeMarksPrint: every mark of what changed is drawn by the papers'
// font in every face, so that no change prints as a blank box.
func TestChangeMarksPrint(t *testing.T) {
	marks := []string{retargetMark, newTextMark}
	for _, m := range statusMarks {
		marks = append(marks, m)
	}
	for _, m := range marks {
		if err := fonts.CanShow(m); err != nil {
			t.Errorf("%q: %v", m, err)
		}
	}
}
