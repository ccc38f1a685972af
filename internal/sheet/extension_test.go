package sheet

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/returns"
)

// TestReturnExtensionRequest writes agsreport's own return for a two-action
// plan, fills in a requested new target and a reason as an officer would
// (a date typed as text, a date cell, words that are no date, a reason
// with no date), and reads it back.
func TestReturnExtensionRequest(t *testing.T) {
	vocab := mustVocab(t)
	is := &plan.Issue{ID: "I1", Title: "Contracts", Lead: "Director"}
	is.Actions = []*plan.Action{
		{Ref: "A1", Issue: "I1", Lead: "Head of IT", Description: "First", Status: "ONGOING"},
		{Ref: "A2", Issue: "I1", Lead: "Head of IT", Description: "Second", Status: "ONGOING"},
	}
	p := &plan.Plan{Title: "Plan", Statuses: vocab, Issues: []*plan.Issue{is}}
	var mp plan.Problems
	plan.Merge(p, nil, &mp)
	rs := returns.Plan(p, "Q3")
	if len(rs) != 1 {
		t.Fatalf("%d returns, want 1", len(rs))
	}
	sept := plan.DateOf(time.Date(2024, time.September, 30, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		name string
		// A1's new status, requested target (text, or a date cell when
		// cell is set) and reason; A2 is left blank.
		status, requested, reason string
		cell                      bool
		want                      plan.Update // A1's update, Ref and Status aside
		wantErr                   string      // a located error's words, "" for none
	}{
		{name: "date as text", status: "ONGOING", requested: "30 September 2024", reason: "Supplier delay",
			want: plan.Update{Requested: plan.Target{Text: "30 September 2024", Due: sept}, Reason: "Supplier delay"}},
		{name: "date cell", status: "ONGOING", cell: true, reason: "Awaiting audit",
			want: plan.Update{Requested: plan.Target{Text: "30 September 2024", Due: sept}, Reason: "Awaiting audit"}},
		{name: "request alone", requested: "30/09/2024",
			want: plan.Update{Requested: plan.Target{Text: "30/09/2024", Due: sept}}},
		{name: "no request", status: "ONGOING", want: plan.Update{}},
		{name: "words, not a date", status: "ONGOING", requested: "Ongoing", reason: "Busy",
			wantErr: `the requested new target "Ongoing" is not a date`},
		{name: "reason with no date", status: "ONGOING", reason: "Busy",
			wantErr: "a reason for extension with no requested new target"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := returns.Workbook(rs[0], p, returns.Options{Period: "Q3", Title: "Plan"})
			if err != nil {
				t.Fatal(err)
			}
			fx, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			row := returns.HeaderRow + 1
			cols := returns.Columns("Q3")
			at := func(heading string) string {
				for i, c := range cols {
					if c == heading {
						return cellName(i+1, row)
					}
				}
				t.Fatalf("no column %q in the return", heading)
				return ""
			}
			set := func(heading, v string) {
				if v != "" {
					if err := fx.SetCellStr(returns.Sheet, at(heading), v); err != nil {
						t.Fatal(err)
					}
				}
			}
			set(returns.ColNewStatus, tt.status)
			set(returns.ColRequested, tt.requested)
			set(returns.ColReason, tt.reason)
			if tt.cell {
				if err := fx.SetCellValue(returns.Sheet, at(returns.ColRequested), time.Date(2024, 9, 30, 0, 0, 0, 0, time.UTC)); err != nil {
					t.Fatal(err)
				}
			}
			var buf bytes.Buffer
			if _, err := fx.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			fx.Close()
			path := writeFile(t, t.TempDir(), "return.xlsx", buf.Bytes())
			var probs plan.Problems
			ups := ReadUpdates(TableSpec{Path: path, Name: "return.xlsx"}, "Q3", vocab, &probs)
			if tt.wantErr != "" {
				if probs.Errors() != 1 || !strings.Contains(probs.List[0].Msg, tt.wantErr) {
					t.Fatalf("problems %v, want one error saying %q", probs.List, tt.wantErr)
				}
				if probs.List[0].Loc.File != "return.xlsx" || probs.List[0].Loc.Sheet != returns.Sheet || probs.List[0].Loc.Row != row {
					t.Errorf("the error is at %+v, want return.xlsx, sheet %s, row %d", probs.List[0].Loc, returns.Sheet, row)
				}
				if len(ups) != 0 {
					t.Errorf("updates %+v, want the row left out", ups)
				}
				return
			}
			if probs.Errors() != 0 {
				t.Fatalf("problems: %v", probs.List)
			}
			if len(ups) != 1 || ups[0].Ref != "A1" {
				t.Fatalf("updates %+v, want A1's alone", ups)
			}
			if ups[0].Requested != tt.want.Requested || ups[0].Reason != tt.want.Reason {
				t.Errorf("read requested %+v, reason %q; want %+v, %q", ups[0].Requested, ups[0].Reason, tt.want.Requested, tt.want.Reason)
			}
		})
	}
}
