package app

import (
	"strings"
	"testing"
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
