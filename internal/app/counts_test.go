package app

import (
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/report"
)

// quarterlyBriefing composes the quarterly example's briefing.
func quarterlyBriefing(t *testing.T) *report.Document {
	t.Helper()
	l, err := Load(examples["cumbria-quarterly"])
	if err != nil {
		t.Fatal(err)
	}
	papers, err := Compose(l)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range papers {
		if p.Output.Template == "briefing" {
			return p.Doc
		}
	}
	t.Fatal("the quarterly example has no briefing")
	return nil
}

// TestQuarterlyBriefingCounts checks the briefing's counts against the
// quarterly example worked by hand: 26 actions in March 2018, of which 12
// complete (12/26 = 46.2%), 3 on target (11.5%, rounded half up to 12%),
// 9 ongoing (34.6%), 2 behind target (7.7%), and only 5(ii) overdue
// (3.8%): 4(iii)'s target was 31 March, but an extension to 31 May was
// agreed on 4 April.
func TestQuarterlyBriefingCounts(t *testing.T) {
	want := "All actions: 12 of 26 complete (46%); 3 of 26 on target (12%); 9 of 26 ongoing (35%); 2 of 26 behind target (8%); 1 of 26 overdue (4%)."
	for _, s := range quarterlyBriefing(t).Texts() {
		if strings.Contains(s, "All actions:") {
			if s != want {
				t.Errorf("the briefing says\n %s\nwant\n %s", s, want)
			}
			return
		}
	}
	t.Fatal("the briefing has no counts by status")
}

// listRows returns the rows of the briefing's table with the given name,
// each as its ref, its priority line and the cells of the named columns,
// joined with " | " (lines within a cell with " / ").
func listRows(t *testing.T, doc *report.Document, name string, columns ...string) []string {
	t.Helper()
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			tb, ok := b.(*report.Table)
			if !ok || tb.Name != name {
				continue
			}
			var out []string
			for _, g := range tb.Groups {
				for _, r := range g.Rows {
					parts := []string{strings.ReplaceAll(r.Cells[0].Text.String(), "\n", " / ")}
					for _, want := range columns {
						found := false
						for i, c := range tb.Columns {
							if c.Title == want {
								parts = append(parts, strings.ReplaceAll(r.Cells[i].Text.String(), "\n", " / "))
								found = true
							}
						}
						if !found {
							t.Fatalf("table %q has no column %q", name, want)
						}
					}
					out = append(out, strings.Join(parts, " | "))
				}
			}
			return out
		}
	}
	t.Fatalf("the briefing has no table %q", name)
	return nil
}

// TestQuarterlyBriefingLists checks the briefing's exception lists against
// the quarterly example worked by hand from its March 2018 return, its
// tracker (plan.xlsx) and its job:
//
//   - What changed: seven actions, the High priority one first, then the
//     Medium ones in plan order. Every one sent new text; 4(iii) also had
//     its target moved from 31 March to 31 May 2018 by the extension the
//     job agrees for March. The seventeen actions whose officers sent the
//     February text again with the same status are not listed, nor 11(i)
//     and 12(ii), which sent nothing.
//   - Overdue: 5(ii) alone (due 1 April; its request is not agreed).
//   - Worse: 5(ii) (High) before 4(iii) (Medium), each with its % complete
//     as the tracker types it: 0.85 → 85%, "50%" as text → 50%.
//   - Extensions: the two requests of the March return, High first.
func TestQuarterlyBriefingLists(t *testing.T) {
	doc := quarterlyBriefing(t)
	tests := []struct {
		table   string
		columns []string
		want    []string
	}{
		{"Changed", []string{"Change"}, []string{
			"5(ii) / Priority: High | ▼ Worse (was ON TARGET) / ¶ New progress text",
			"1(iv) / Priority: Medium | ¶ New progress text",
			"1(v) / Priority: Medium | ● Completed (was ON TARGET) / ¶ New progress text",
			"3(iii) / Priority: Medium | ● Completed (was ON TARGET) / ¶ New progress text",
			"4(ii) / Priority: Medium | ● Completed (was ON TARGET) / ¶ New progress text",
			"4(iii) / Priority: Medium | ▼ Worse (was ON TARGET) / ♦ New target 31 May 2018 (was 31 March 2018) / ¶ New progress text",
			"7(iii) / Priority: Medium | ▲ Better (was ONGOING) / ¶ New progress text",
		}},
		{"Overdue", []string{"Target", "% complete"}, []string{
			"5(ii) / Priority: High | By 1st April 2018 | 85%",
		}},
		{"Worse", []string{"Target", "% complete", "Was"}, []string{
			"5(ii) / Priority: High | By 1st April 2018 | 85% | ON TARGET",
			"4(iii) / Priority: Medium | Revised: 31 May 2018 (was 31 March 2018; extension agreed 4 April 2018 by Corporate Director Resources and Transformation) | 50% | ON TARGET",
		}},
		{"No return", nil, []string{
			"11(i) / Priority: High",
			"12(ii) / Priority: Low",
		}},
		{"Extensions", []string{"Extension"}, []string{
			"5(ii) / Priority: High | Asked for 30 June 2018: Trade Union discussion moved to late April; the policy then goes to Audit and Assurance Committee. Not agreed yet.",
			"4(iii) / Priority: Medium | Asked for 31 May 2018: Member training of 28 March postponed; Zurich can deliver it in May. Agreed 4 April 2018 by Corporate Director Resources and Transformation.",
		}},
	}
	for _, tt := range tests {
		got := listRows(t, doc, tt.table, tt.columns...)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", tt.table, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// TestQuarterlyBriefingActions checks what the briefing's full action
// table shows of the tracker's columns, worked by hand from plan.xlsx:
// 4(i)'s target revised in the plan, with when and by whom; % Complete
// typed as 1 with a percentage format, as 60, and as 0.85; and an action
// with no percentage.
func TestQuarterlyBriefingActions(t *testing.T) {
	got := map[string]string{}
	for _, row := range listRows(t, quarterlyBriefing(t), "Actions", "Target", "% complete") {
		ref, rest, _ := strings.Cut(row, " ")
		got[ref] = rest
	}
	for ref, want := range map[string]string{
		"4(i)":   "Revised: 31 March 2018 (was 31 January 2018; extension agreed 25 January 2018 by Audit and Assurance Committee) | 100%",
		"1(iv)":  "First report prepared by 31st May 2018 | 60%",
		"5(ii)":  "By 1st April 2018 / Overdue | 85%",
		"1(iii)": "Commence 31st January 2018 (for Q3) | ",
	} {
		if _, after, ok := strings.Cut(got[ref], " | "); !ok || after != want {
			t.Errorf("%s: %q, want … | %s", ref, got[ref], want)
		}
	}
}
