package app

import (
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/report"
)

// TestQuarterlyBriefingCounts checks the briefing's counts against the
// quarterly example worked by hand: 26 actions in March 2018, of which 12
// complete (12/26 = 46.2%), 3 on target (11.5%, rounded half up to 12%),
// 9 ongoing (34.6%), 2 behind target (7.7%), and 4(iii) and 5(ii) overdue.
func TestQuarterlyBriefingCounts(t *testing.T) {
	l, err := Load(examples["cumbria-quarterly"])
	if err != nil {
		t.Fatal(err)
	}
	papers, err := Compose(l)
	if err != nil {
		t.Fatal(err)
	}
	want := "All actions: 12 of 26 complete (46%); 3 of 26 on target (12%); 9 of 26 ongoing (35%); 2 of 26 behind target (8%); 2 of 26 overdue (8%)."
	for _, p := range papers {
		if p.Output.Template != "briefing" {
			continue
		}
		for _, s := range p.Doc.Texts() {
			if strings.Contains(s, "All actions:") {
				if s != want {
					t.Errorf("the briefing says\n %s\nwant\n %s", s, want)
				}
				return
			}
		}
		t.Fatal("the briefing has no counts by status")
	}
	t.Fatal("the quarterly example has no briefing")
}

// TestQuarterlyWhatChanged checks the briefing's "What changed since last
// time" against the quarterly example's facts worked by hand (see
// TestQuarterlyFacts): 1(v), 3(iii) and 4(ii) completed from ON TARGET,
// 4(iii) and 5(ii) fell from ON TARGET, 7(iii) rose from ONGOING; each
// marked with a symbol and words, not colour alone.
func TestQuarterlyWhatChanged(t *testing.T) {
	l, err := Load(examples["cumbria-quarterly"])
	if err != nil {
		t.Fatal(err)
	}
	papers, err := Compose(l)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"1(v) ● Completed (was ON TARGET)",
		"3(iii) ● Completed (was ON TARGET)",
		"4(ii) ● Completed (was ON TARGET)",
		"4(iii) ▼ Worse (was ON TARGET)",
		"5(ii) ▼ Worse (was ON TARGET)",
		"7(iii) ▲ Better (was ONGOING)",
	}
	for _, p := range papers {
		if p.Output.Template != "briefing" {
			continue
		}
		for _, s := range p.Doc.Sections {
			for _, b := range s.Blocks {
				tb, ok := b.(*report.Table)
				if !ok || tb.Name != "Changed" {
					continue
				}
				var got []string
				for _, g := range tb.Groups {
					for _, r := range g.Rows {
						got = append(got, r.Cells[0].Text.String()+" "+r.Cells[3].Text.String())
					}
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("what changed:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				return
			}
		}
		t.Fatal("the briefing has no table of what changed")
	}
	t.Fatal("the quarterly example has no briefing")
}
