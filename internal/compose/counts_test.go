package compose

import (
	"fmt"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/report"
)

func TestCounts(t *testing.T) {
	def, err := plan.NewVocabulary(plan.DefaultStatuses())
	if err != nil {
		t.Fatal(err)
	}
	twoClosed, err := plan.NewVocabulary([]plan.Status{{Name: "Done", Closed: true}, {Name: "Withdrawn", Closed: true}, {Name: "Open"}})
	if err != nil {
		t.Fatal(err)
	}
	act := func(status string, closed, overdue bool) *Action {
		return &Action{Status: status, Closed: closed, Overdue: overdue}
	}
	// 26 actions: 12 complete, 3 on target, 9 ongoing, 2 behind, two of
	// them overdue; the figures a committee paper quoted.
	var plan26 []*Action
	for i := 0; i < 12; i++ {
		plan26 = append(plan26, act("COMPLETE", true, false))
	}
	for i := 0; i < 3; i++ {
		plan26 = append(plan26, act("ON TARGET", false, false))
	}
	for i := 0; i < 9; i++ {
		plan26 = append(plan26, act("ONGOING", false, i < 1))
	}
	plan26 = append(plan26, act("BEHIND SCHEDULE", false, true), act("Behind", false, false))
	tests := []struct {
		name    string
		vocab   *plan.Vocabulary
		actions []*Action
		closed  string
		overdue string
		listed  string
	}{
		{"a year's plan", def, plan26, "12 of 26 complete (46%)", "2 of 26 overdue (8%)",
			"12 of 26 complete (46%); 3 of 26 on target (12%); 9 of 26 ongoing (35%); 2 of 26 behind schedule (8%)"},
		{"no actions", def, nil, "0 of 0 complete", "0 of 0 overdue", ""},
		{"half rounds up", def, []*Action{act("COMPLETE", true, false), act("ONGOING", false, false), act("ONGOING", false, false),
			act("ONGOING", false, false), act("ONGOING", false, false), act("ONGOING", false, false), act("ONGOING", false, false), act("ONGOING", false, false)},
			"1 of 8 complete (13%)", "0 of 8 overdue (0%)", "1 of 8 complete (13%); 7 of 8 ongoing (88%)"},
		{"two closed statuses", twoClosed, []*Action{act("Done", true, false), act("Withdrawn", true, false), act("Open", false, false)},
			"2 of 3 closed (67%)", "0 of 3 overdue (0%)", "1 of 3 done (33%); 1 of 3 withdrawn (33%); 1 of 3 open (33%)"},
		{"a status the vocabulary lacks", def, []*Action{act("COMPLETE", true, false), act("", false, false)},
			"1 of 2 complete (50%)", "0 of 2 overdue (0%)", "1 of 2 complete (50%); 1 of 2 no status (50%)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := countActions(tc.vocab, tc.actions)
			if got := c.Closed.String(); got != tc.closed {
				t.Errorf("Closed = %q, want %q", got, tc.closed)
			}
			if got := c.Overdue.String(); got != tc.overdue {
				t.Errorf("Overdue = %q, want %q", got, tc.overdue)
			}
			if got := c.Listed(); got != tc.listed {
				t.Errorf("Listed = %q, want %q", got, tc.listed)
			}
			if c.Closed.N+c.Open.N != c.Total {
				t.Errorf("closed %d + open %d != total %d", c.Closed.N, c.Open.N, c.Total)
			}
		})
	}
	c := countActions(def, plan26)
	if n, err := c.Of("behind"); err != nil || n.N != 2 {
		t.Errorf(`Of("behind") = %v, %v; want 2 by its alias`, n, err)
	}
	if _, err := c.Of("finished"); err == nil || !strings.Contains(err.Error(), "COMPLETE, ON TARGET") {
		t.Errorf(`Of("finished") = %v; want an error naming the statuses`, err)
	}
}

// TestOrderByPriority lists open actions highest priority first, worked by
// hand: 1(ii) High, then 2(i) 2 (medium), then 1(i) with no priority.
func TestOrderByPriority(t *testing.T) {
	p := testPlan(t)
	acts := p.Issues[0].Actions
	acts[0].Priority = plan.Priority{}                      // 1(i): none
	acts[1].Priority = plan.Priority{Text: "High", Rank: 1} // 1(ii)
	acts[2].Priority = plan.Priority{Text: "2", Rank: 2}    // 2(i)
	src := `
description = "test"
[[section]]
name = "Exceptions"
  [[section.block]]
  type = "table"
  rows = "actions"
  filter = "open"
  %s
    [[section.block.column]]
    title = "Ref"
    value = "{{.Action.Ref}} {{.Action.Priority}}"
`
	tests := []struct {
		name, order, want string
		reopen            bool // 1(i), first in the plan, is open
	}{
		{"plan order", "", "1(ii) High|2(i) 2", false},
		{"plan order, 1(i) open", "", "1(i)|1(ii) High|2(i) 2", true},
		{"by priority, 1(i) open and without one", `order = "priority"`, "1(ii) High|2(i) 2|1(i)", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := testPlan(t)
			for j, a := range q.Issues[0].Actions {
				a.Priority = acts[j].Priority
			}
			if tc.reopen {
				q.Issues[0].Actions[0].Status = "ONGOING"
				q.Issues[0].Actions[0].History = nil
			}
			doc, err := Compose(mustParse(t, fmt.Sprintf(src, tc.order)), q, Options{Name: "output 1", Period: "Q3"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range doc.Sections[0].Blocks {
				if tb, ok := b.(*report.Table); ok {
					for _, g := range tb.Groups {
						for _, r := range g.Rows {
							got = append(got, strings.TrimSpace(r.Cells[0].Text.String()))
						}
					}
				}
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("rows %q, want %q", g, tc.want)
			}
		})
	}
}
