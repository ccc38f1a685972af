package sheet

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/plan"
)

// writeLargeBook streams a flat actions sheet of n rows under a title row,
// with the issue column merged over each block of ten actions.
func writeLargeBook(b *testing.B, n int) string {
	return writeBenchBook(b, n, false)
}

// writeBenchBook is writeLargeBook; with ownRec, the actions are all of one
// issue and each has a recommendation of its own, as a plan that numbers
// its recommendations by action has.
func writeBenchBook(b *testing.B, n int, ownRec bool) string {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		b.Fatal(err)
	}
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	must(sw.SetRow("A1", []any{"Action plan"}))
	must(sw.SetRow("A3", []any{"Issue Ref", "Action Ref", "Action", "Lead", "Target Date", "Status", "Progress Update", "Rec No"}))
	statuses := []string{"COMPLETE", "ongoing", "On track", ""}
	for i := 0; i < n; i++ {
		var target any = excelize.Cell{StyleID: dateStyle, Value: 43190 + i%400}
		if i%2 == 1 {
			target = "By 31st March 2018"
		}
		issue, rec := any(nil), any(nil)
		if i%10 == 0 && !ownRec {
			issue = fmt.Sprintf("I%d", i/10)
		}
		if ownRec {
			issue, rec = "I1", fmt.Sprintf("R%d", i+1)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+4)
		must(sw.SetRow(cell, []any{issue, fmt.Sprintf("%d(i)", i+1), "Review the contracts and report to the committee.",
			"Director", target, statuses[i%len(statuses)], "Work is under way.\n\n• first\n• second", rec}))
	}
	for i := 0; i+9 < n && !ownRec; i += 10 {
		must(sw.MergeCell(fmt.Sprintf("A%d", i+4), fmt.Sprintf("A%d", i+13)))
	}
	must(sw.Flush())
	path := filepath.Join(b.TempDir(), "large.xlsx")
	must(f.SaveAs(path))
	return path
}

// BenchmarkReadPlan50k reads a 50,000-row flat actions sheet.
func BenchmarkReadPlan50k(b *testing.B) {
	path := writeLargeBook(b, 50000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var probs plan.Problems
		p := ReadPlan(PlanSpec{Actions: spec(path, "")}, nil, &probs)
		if len(probs.List) != 0 || len(p.Actions()) != 50000 {
			b.Fatalf("read %d actions, problems %v", len(p.Actions()), problemStrings(&probs)[:min(3, len(probs.List))])
		}
	}
}

// BenchmarkReadPlanOwnRecommendations reads 20,000 actions of one issue,
// each with a recommendation of its own: linking each action to its
// recommendation must not scan the ones before it.
func BenchmarkReadPlanOwnRecommendations(b *testing.B) {
	const n = 20000
	path := writeBenchBook(b, n, true)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var probs plan.Problems
		p := ReadPlan(PlanSpec{Actions: spec(path, "")}, nil, &probs)
		if len(probs.List) != 0 || len(p.Actions()) != n || len(p.Issues) != 1 || len(p.Issues[0].Recommendations) != n {
			b.Fatalf("read %d actions, %d issues, problems %v", len(p.Actions()), len(p.Issues), problemStrings(&probs)[:min(3, len(probs.List))])
		}
	}
}
