package compose

import (
	"fmt"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

// benchPlan is a plan of n actions over n/200 issues, with two periods of
// updates, shaped like the sample plans.
func benchPlan(b *testing.B, n int) *plan.Plan {
	b.Helper()
	vocab, err := plan.NewVocabulary(plan.DefaultStatuses())
	if err != nil {
		b.Fatal(err)
	}
	p := &plan.Plan{Title: "AGS", Statuses: vocab, Periods: []string{"Q1", "Q2"}, Current: "Q2",
		AsAt: plan.Date{Year: 2024, Month: 9, Day: 30}}
	var ups []plan.Update
	for i := 0; i < n; i++ {
		if i%200 == 0 {
			id := fmt.Sprintf("I%d", i/200+1)
			is := &plan.Issue{ID: id, Title: "Issue " + id, Lead: "Director of Resources", Description: "Why the issue matters to the council."}
			for o := 1; o <= 4; o++ {
				is.Outcomes = append(is.Outcomes, &plan.Outcome{Number: fmt.Sprint(o), Text: "A strategic outcome the actions deliver"})
				is.Recommendations = append(is.Recommendations, &plan.Recommendation{Number: fmt.Sprint(o), Text: "A recommendation of the auditors."})
			}
			p.Issues = append(p.Issues, is)
		}
		is := p.Issues[len(p.Issues)-1]
		ref := fmt.Sprintf("%d(%d)", i/200+1, i%200+1)
		o := fmt.Sprint(i%4 + 1)
		is.Actions = append(is.Actions, &plan.Action{Ref: ref, Issue: is.ID, Outcome: o, Recommendation: o,
			Description: "Review the arrangements and report the findings to the committee.", Lead: "Head of Audit",
			Status: "ONGOING", Target: plan.Target{Text: "31 March 2025", Due: plan.Date{Year: 2025, Month: 3, Day: 31}}})
		ups = append(ups, plan.Update{Period: "Q1", Ref: ref, Status: "ON TARGET", Progress: "Work has started."},
			plan.Update{Period: "Q2", Ref: ref, Status: "ONGOING", Progress: "Work continues as planned."})
	}
	var probs plan.Problems
	plan.Merge(p, ups, &probs)
	p.Derive()
	return p
}

// BenchmarkCompose composes each built-in template from a plan of 10,000
// actions.
func BenchmarkCompose(b *testing.B) {
	p := benchPlan(b, 10000)
	for _, name := range Names() {
		tm, err := Library{}.Load(name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Compose(tm, p, Options{Title: "AGS", Name: name}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
