package app

import (
	"fmt"
	"strings"
	"testing"
)

// TestLeadSpansFollowThePlan checks Appendix 1 (B) against the council's
// paper: a lead the plan merges over several actions (5(i), 6(i), 7(i),
// 7(ii), 12(i) …) is one spanning cell in the paper, and a lead the plan
// writes on each row is printed on each row.
func TestLeadSpansFollowThePlan(t *testing.T) {
	b := buildExample(t, examples["cumbria-2017-18"])
	var pp *Paper
	for i := range b.papers {
		if b.papers[i].Output.Template == "appendix-b" {
			pp = &b.papers[i]
		}
	}
	if pp == nil {
		t.Fatal("the example writes no appendix-b paper")
	}
	is := b.loaded.Plan.Issue("AMEY")
	if is == nil {
		t.Fatal("no issue AMEY")
	}
	// The plan's runs: consecutive actions of one outcome read from one
	// merged lead cell.
	var want []string
	for i := 0; i < len(is.Actions); {
		a := is.Actions[i]
		j := i + 1
		for m := a.Merged["lead"]; m != "" && j < len(is.Actions) && is.Actions[j].Merged["lead"] == m && is.Actions[j].Outcome == a.Outcome; j++ {
		}
		if j-i > 1 {
			want = append(want, fmt.Sprintf("%s: %d rows: %s", a.Ref, j-i, a.Lead))
		}
		i = j
	}
	if len(want) < 4 {
		t.Fatalf("the example plan merges the lead over %d runs of actions, want 4 (from 5(i), 6(i), 7(i) and 12(i)): %q", len(want), want)
	}
	tb := firstTable(pp.Doc.Sections[0])
	lead, ref := -1, -1
	for i, c := range tb.Columns {
		switch c.Title {
		case "Lead":
			lead = i
		case "Action":
			ref = i
		}
	}
	if lead < 0 || ref < 0 {
		t.Fatalf("no Lead or Action column in %q", tb.Name)
	}
	var got []string
	for _, g := range tb.Groups {
		for _, r := range g.Rows {
			if c := r.Cells[lead]; c.Span > 1 {
				got = append(got, fmt.Sprintf("%s: %d rows: %s", strings.Fields(r.Cells[ref].Text.String())[0], c.Span, c.Text.String()))
			}
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lead spans in the paper:\n%s\nwant the plan's merged leads:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
