package sheet

import (
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

// readResult prints what ReadPlan read and every problem, for golden files.
func readResult(p *plan.Plan, probs *plan.Problems) string {
	var b strings.Builder
	b.WriteString(p.Dump())
	b.WriteString("-- problems\n")
	for _, s := range problemStrings(probs) {
		b.WriteString(s + "\n")
	}
	return b.String()
}

const amey = "Amey Lessons Learned"

func TestReadPlanGood(t *testing.T) {
	tests := []struct {
		name string
		// build writes the workbooks into dir and returns the spec to read.
		build func(t *testing.T, dir string) PlanSpec
	}{
		{
			// Separate sheets under title rows, merged cells down the
			// recommendation columns, a text target and a date-serial
			// target, an extra column, a spacer row and a note under the
			// table.
			name: "separate-sheets",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "plan.xlsx", bookOpts{},
					sheetDef{name: "Issues", rows: [][]any{
						{"Annual Governance Statement Action Plan 2017-18"},
						{},
						{"Issue Ref", "Governance Issue", "Description", "Target Date", "Overall Prospect", "Lead Manager", "Specific Measurable Actions"},
						{"CSLG", "Children's Services Leadership and Governance", "There is an issue.\r\n\r\nSecond paragraph.  ", "31st March 2018", "Good.", "Corporate Director", nil},
						{"AMEY", amey, "Following the Amey Litigation:\n• Contracts are clear\n• Staff are trained\n", serial(43190), "Fair.", "Director of Resources", "see action plan below"},
					}, merges: []string{"A1:G1"}},
					sheetDef{name: "Outcomes", rows: [][]any{
						{"Strategic outcomes"},
						{"Issue Ref", "Outcome No", "Strategic Outcome"},
						{"AMEY", 1, "Contracts are clear and robust"},
						{"AMEY", 2, "Staff are trained"},
					}},
					sheetDef{name: "Actions", rows: [][]any{
						{"Actions"},
						{nil},
						{"Issue Ref", "Outcome No", "Rec No", "Recommendation", "Report Refs", "Lead", "Target Date", "Action Ref", "Action", "Resources", "Status", "Notes"},
						{"CSLG", nil, nil, nil, nil, "Director", "As required", "Action 1", "Revise the plan.", nil, "on track", nil},
						{},
						{"AMEY", 1, 1, "For existing significant contracts", "R1, R5,R7", "All CD's", "By 31st October 2017", "1(i)", "List the contracts.", "Officer time", "Completed", "first"},
						{nil, nil, nil, nil, nil, nil, nil, "1(ii)", "Review them.", nil, "ONGOING", nil},
						{nil, 2, 2, "Train staff", "R2; R3", "HR", serial(43404), "2(i)", "Train.", nil, nil, nil},
						{},
						{"Key: COMPLETE = done"},
						{"Source: lessons learned report", "2017"},
					}, merges: []string{"A6:A8", "B6:B7", "C6:C7", "D6:D7", "E6:E7", "F6:F7", "G6:G7", "A1:L1"}},
				)
				return PlanSpec{Issues: spec(path, ""), Outcomes: spec(path, ""), Actions: spec(path, "")}
			},
		},
		{
			// One flat sheet: the issue's own columns repeat on each action,
			// the recommendation number is written in front of its text.
			name: "flat-sheet",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "flat.xlsx", bookOpts{},
					sheetDef{name: "Plan", rows: [][]any{
						{"Governance Issue", "Issue Description", "Lead Manager", "Strategic Outcome", "Recommendation", "Report Refs", "Action Ref", "Agreed Action", "Lead Officer", "Deadline", "RAG", "Progress update to January 2018"},
						{amey, "Litigation.", "Director", "1 Contracts are clear", "1 For existing contracts, review", "R1, R5", "1(i)", "List.", "All CD's", "31/10/2017", "Green", "Done in part."},
						{amey, "Litigation.", "Director", "1 Contracts are clear", "1 For existing contracts, review", "R1, R5", "1(ii)", "Review.", "All CD's", "From 1st October 2017", "red", "Late."},
						{"Children's Services", nil, "CD Children", nil, nil, nil, "Action 1", "Revise.", nil, "Ongoing", nil, nil},
					}},
				)
				return PlanSpec{Actions: spec(path, "")}
			},
		},
		{
			// Bands across the table (an issue's title, a note) are not
			// actions; an action with a blank issue cell belongs to the issue
			// above; a blank row between is skipped.
			name: "bands-and-carry",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "plan.xlsx", bookOpts{},
					sheetDef{name: "Action Plan", rows: [][]any{
						{"Issue", "Ref", "Action", "Status"},
						{"Governance issue: Budget"},
						{"Budget", "B1", "Set it.", "Not yet started"},
						{nil, "B2", "Report it.", nil},
						{},
						{"Governance issue: Risk"},
						{"Risk", "R1", "Register.", "Delayed"},
						{"Note: statuses as at 28 February 2018"},
					}, merges: []string{"A2:D2", "A6:D6", "A8:D8"}},
				)
				return PlanSpec{Actions: spec(path, "")}
			},
		},
		{
			// A CMT plan of issues only, on a sheet called "Action Plan",
			// read with every table optional; the theme is merged down.
			name: "issues-only",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "cmt.xlsx", bookOpts{},
					sheetDef{name: "Action Plan", rows: [][]any{
						{"Draft Annual Governance Action Plan 2014/15"},
						{},
						{"Theme", "Issue", "Description", "Lead Corporate/Assistant\nDirector", "Rationale", "Proposed Action 2014/15"},
						{"Governance", "Decision making", "Decisions are slow.", "ACX", "Because.", "Review the scheme."},
						{nil, "Risk", "Risks are not managed.", "ADR", "Audit said so.", "• Train\n• Report"},
						{"Finance", "Savings", "Savings are late.", "CFO", "Budget.", "Track them."},
					}, merges: []string{"A1:F1", "A4:A5"}},
				)
				mk := func() *TableSpec { s := spec(path, ""); s.Optional = true; return s }
				return PlanSpec{Issues: mk(), Outcomes: mk(), Recommendations: mk(), Actions: mk()}
			},
		},
		{
			// A workbook saved in the 1904 date system: serial 41728 is
			// 31 March 2018 there.
			name: "date1904",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "mac.xlsx", bookOpts{date1904: true},
					sheetDef{name: "Actions", rows: [][]any{
						{"Issue", "Action Ref", "Action", "Target"},
						{"Budget", "A1", "Set the budget.", serial(41728)},
					}},
				)
				return PlanSpec{Actions: spec(path, "")}
			},
		},
		{
			// Column names from the job, a header row the job names, a
			// separate recommendations sheet.
			name: "aliases",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "plan.xlsx", bookOpts{},
					sheetDef{name: "Recs", rows: [][]any{
						{"Issue Ref", "No.", "Recommendation:", "References"},
						{"AMEY", 1, "Review contracts", "R1;R2"},
					}},
					sheetDef{name: "Tasks", rows: [][]any{
						{"Issue Ref", "Recommendation No", "Task No", "Task", "Who", "When", "Where we are"},
						{"AMEY", 1, 7, "Review.", "CD", "March 2018", "Started."},
					}},
				)
				acts := spec(path, "Tasks")
				acts.Header = 1
				acts.Columns = map[string][]string{"ref": {"Task No"}, "description": {"Task"}, "lead": {"Who"}, "target": {"When"}, "progress": {"Where we are"}}
				return PlanSpec{Recommendations: spec(path, "recs"), Actions: acts}
			},
		},
		{
			// A CSV file saved by Excel with a byte-order mark and ";"
			// separators; a quoted cell holds two paragraphs.
			name: "csv",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeFile(t, dir, "plan.csv", []byte("\xEF\xBB\xBFAction Plan 2017-18;;;\r\n"+
					";;;\r\n"+
					"Issue;Action Ref;Action;Target Date;Status\r\n"+
					"Budget;A1;\"Set the budget.\r\n\r\nThen report it.\";31/03/2018;ongoing\r\n"+
					"Budget;A2;Report;As required;\r\n"))
				return PlanSpec{Actions: spec(path, "")}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var probs plan.Problems
			p := ReadPlan(tc.build(t, t.TempDir()), mustVocab(t), &probs)
			golden(t, "plan-"+tc.name+".golden", readResult(p, &probs))
		})
	}
}

func TestReadUpdatesGood(t *testing.T) {
	dir := t.TempDir()
	path := writeBook(t, dir, "amey.xlsx", bookOpts{},
		sheetDef{name: "Notes", rows: [][]any{{"Read me"}}},
		sheetDef{name: "Return", rows: [][]any{
			{"Progress return: February 2018"},
			{},
			{"Action Ref", "Status", "Progress Update", "Returned By"},
			{"1(i)", "complete", "All contracts listed.\n\n• 12 contracts\n• 3 reviews", "J Smith"},
			{"1(ii)", nil, nil, nil},
			{2, "ON TARGET", "Training booked.", nil},
			{nil, "ONGOING", "no ref here", nil},
		}},
	)
	var probs plan.Problems
	us := ReadUpdates(*spec(path, ""), "February 2018", mustVocab(t), &probs)
	var b strings.Builder
	for _, u := range us {
		b.WriteString(strings.Join([]string{u.Period, u.Ref, u.Status, u.Officer, u.Source.String()}, " | "))
		b.WriteString("\n" + u.Progress + "\n")
	}
	b.WriteString("-- problems\n")
	for _, s := range problemStrings(&probs) {
		b.WriteString(s + "\n")
	}
	golden(t, "updates.golden", b.String())
}
