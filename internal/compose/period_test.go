package compose

import (
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

// TestProgressCarriesItsPeriod checks the line that opens an action's
// progress on a paper whenever the text or status shown is not the paper's
// period's own.
func TestProgressCarriesItsPeriod(t *testing.T) {
	vocab, err := plan.NewVocabulary(plan.DefaultStatuses())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		baseline string // the plan's own period
		plan     [2]string
		updates  []plan.Update
		period   string
		want     string
	}{
		{"this period's text", "Q1", [2]string{"ONGOING", "Planned."},
			[]plan.Update{{Period: "Q2", Status: "ON TARGET", Progress: "Going well."}}, "Q2", "Going well."},
		{"the plan's own period", "Q1", [2]string{"ONGOING", "Planned."}, nil, "Q1", "Planned."},
		{"no update, text from the plan's period", "Q1", [2]string{"ONGOING", "Planned."}, nil, "Q2",
			"*No update this period. Last update, Q1:*\n\nPlanned."},
		{"no update, plan without a period", "", [2]string{"ONGOING", "Planned."}, nil, "Q2",
			"*No update this period. As recorded in the plan:*\n\nPlanned."},
		{"no update and no text at all", "", [2]string{"ONGOING", ""}, nil, "Q2",
			"*No update received for this period.*"},
		{"status with no text, none before", "", [2]string{"ONGOING", ""},
			[]plan.Update{{Period: "Q2", Status: "COMPLETE"}}, "Q2", "*Status updated this period, with no progress text.*"},
		{"text with no status, status from the plan", "", [2]string{"ONGOING", ""},
			[]plan.Update{{Period: "Q2", Progress: "Still going."}}, "Q2",
			"*No status given this period: ONGOING is the status recorded in the plan.*\n\nStill going."},
		{"an earlier paper rebuilt", "Q1", [2]string{"ONGOING", "Planned."},
			[]plan.Update{{Period: "Q2", Status: "ON TARGET", Progress: "Going well."}, {Period: "Q3", Status: "COMPLETE", Progress: "Done."}},
			"Q2", "Going well."},
		{"no periods at all", "", [2]string{"ONGOING", "Planned."}, nil, "", "Planned."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &plan.Action{Ref: "A1", Issue: "I", Status: tt.plan[0], Progress: tt.plan[1]}
			p := &plan.Plan{Statuses: vocab, Issues: []*plan.Issue{{ID: "I", Actions: []*plan.Action{a}}}, Baseline: tt.baseline}
			if tt.period != "" {
				p.Periods = []string{"Q2", "Q3"}
			}
			for i := range tt.updates {
				tt.updates[i].Ref = "A1"
			}
			var probs plan.Problems
			plan.Merge(p, tt.updates, &probs)
			if got := actionView(p, a, tt.period).Progress; got != tt.want {
				t.Errorf("progress = %q\nwant       %q", got, tt.want)
			}
		})
	}
}

// TestNarrativeCarriesItsPeriod checks the overall prospect's opening line.
func TestNarrativeCarriesItsPeriod(t *testing.T) {
	is := &plan.Issue{ID: "I", Prospect: "As the plan has it.", Description: "The issue."}
	p := &plan.Plan{Issues: []*plan.Issue{is}, Periods: []string{"Q1", "Q2", "Q3"}}
	var probs plan.Problems
	plan.MergeNarrative(p, []plan.IssueUpdate{
		{Period: "Q2", Issue: "I", Prospect: "Better by Q2.", Description: "The issue, restated."},
	}, &probs)
	if len(probs.List) != 0 {
		t.Fatal(probs.List)
	}
	tests := []struct {
		period, prospect, description string
	}{
		{"Q1", "*Not updated for Q1; as recorded in the plan:*\n\nAs the plan has it.", "The issue."},
		{"Q2", "Better by Q2.", "The issue, restated."},
		{"Q3", "*Not updated for Q3; last updated Q2:*\n\nBetter by Q2.", "*Not updated for Q3; last updated Q2:*\n\nThe issue, restated."},
	}
	for _, tt := range tests {
		v := issueView(p, is, tt.period)
		if v.Prospect != tt.prospect || v.Description != tt.description {
			t.Errorf("%s: prospect %q, description %q\nwant %q, %q", tt.period, v.Prospect, v.Description, tt.prospect, tt.description)
		}
	}
}

// TestBlankProgressOnAppendices: an action whose progress is blank must
// never be said to have had "No update received" when no returns were asked
// for (the job has no [[updates]], or the period is the plan's own); with
// returns, the line names the period, as the quarter's papers do.
func TestBlankProgressOnAppendices(t *testing.T) {
	vocab, err := plan.NewVocabulary(plan.DefaultStatuses())
	if err != nil {
		t.Fatal(err)
	}
	const plain = "*No progress recorded in the plan.*"
	tests := []struct {
		name     string
		baseline string   // the plan's own period
		periods  []string // periods of the job's [[updates]]
		updates  []plan.Update
		period   string // the paper's period
		want     string
	}{
		{"no returns, no period", "", nil, nil, "", plain},
		{"no returns, the job names a period", "", nil, nil, "Q3", plain},
		{"the plan's own period, no returns", "Q1", nil, nil, "Q1", plain},
		{"returns, none for the action", "", []string{"Q2"}, nil, "Q2", "*No update received for this period.*"},
		{"returns, status with no text", "", []string{"Q2"},
			[]plan.Update{{Period: "Q2", Ref: "A1", Status: "COMPLETE"}}, "Q2", "*Status updated this period, with no progress text.*"},
	}
	for _, name := range []string{"appendix-a", "appendix-b"} {
		tm, err := Library{}.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				a := &plan.Action{Ref: "A1", Issue: "I", Description: "Do it.", Status: "ONGOING"}
				p := &plan.Plan{Statuses: vocab, Baseline: tt.baseline, Periods: tt.periods, Current: tt.period,
					Issues: []*plan.Issue{{ID: "I", Title: "An issue", Actions: []*plan.Action{a}}}}
				var probs plan.Problems
				plan.Merge(p, tt.updates, &probs)
				doc, err := Compose(tm, p, Options{Title: "AGS", Name: name})
				if err != nil {
					t.Fatal(err)
				}
				got := doc.Dump()
				if !strings.Contains(got, tt.want) {
					t.Errorf("the paper does not show %q:\n%s", tt.want, got)
				}
				if tt.want == plain && strings.Contains(got, "No update") {
					t.Errorf("the paper says there was no update, with no returns asked for:\n%s", got)
				}
			})
		}
	}
}
