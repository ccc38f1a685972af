package report

import (
	"fmt"
	"strings"
	"testing"
)

// TestPlanDocument checks the heading levels of whole papers: one level-1
// heading, the paper's title, and no level skipped from one heading to
// the next, whatever levels the template gave.
func TestPlanDocument(t *testing.T) {
	h := func(level int, text string) Block { return &Heading{Level: level, Text: Plain(text)} }
	p := &Paragraph{Text: Plain("Body.")}
	tests := []struct {
		name     string
		sections [][]Block
		want     string // levels per section, "kicker" for 0
	}{
		{"kicker above the title", [][]Block{{h(3, "Group"), h(1, "Title"), h(2, "Issue")}}, "[kicker 1 2]"},
		{"a title per section", [][]Block{{h(1, "Cover"), h(2, "Summary")}, {h(1, "Exceptions"), h(2, "Overdue")}, {h(2, "Issue")}},
			"[1 2] [2 3] [2]"},
		{"two titles in one section", [][]Block{{h(1, "Title"), p, h(1, "Another"), h(2, "Under it")}}, "[1 2 2]"},
		{"no heading in the first section", [][]Block{{p}, {h(2, "Starts low"), h(3, "Below")}, {h(1, "Later")}}, "[] [1 2] [2]"},
		{"skipped level", [][]Block{{h(1, "Title"), h(3, "Skipped")}}, "[1 2]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &Document{}
			for _, bs := range tt.sections {
				doc.Sections = append(doc.Sections, Section{Blocks: bs})
			}
			var got []string
			for s, hp := range PlanDocument(doc) {
				var lv []string
				for i, bl := range doc.Sections[s].Blocks {
					if _, ok := bl.(*Heading); !ok {
						continue
					}
					if hp.Level[i] == 0 {
						lv = append(lv, "kicker")
					} else {
						lv = append(lv, fmt.Sprint(hp.Level[i]))
					}
				}
				got = append(got, "["+strings.Join(lv, " ")+"]")
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("levels %s, want %s", g, tt.want)
			}
		})
	}
}
