package sheet

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

// brief lines of a plan for the cases below: each issue with its theme and
// outcomes, then each action as ref | outcome | target | description.
func planLines(p *plan.Plan) []string {
	var out []string
	for _, is := range p.Issues {
		line := fmt.Sprintf("issue %q title=%q", is.ID, is.Title)
		if is.Theme != "" {
			line += fmt.Sprintf(" theme=%q", is.Theme)
		}
		if is.Lead != "" {
			line += fmt.Sprintf(" lead=%q", is.Lead)
		}
		out = append(out, line)
		for _, o := range is.Outcomes {
			out = append(out, fmt.Sprintf("  outcome %s %q", o.Number, o.Text))
		}
		for _, a := range is.Actions {
			line := fmt.Sprintf("  action %q", a.Ref)
			if a.Status != "" {
				line += " status=" + a.Status
			}
			if a.Outcome != "" {
				line += " outcome=" + a.Outcome
			}
			if a.Target.Text != "" {
				line += fmt.Sprintf(" target=%q", a.Target.Text)
				if !a.Target.Due.IsZero() {
					line += " due=" + a.Target.Due.Long()
				}
			}
			line += fmt.Sprintf(" %q", a.Description)
			for _, x := range a.Extra {
				line += fmt.Sprintf(" [%s=%q]", x.Name, x.Value)
			}
			out = append(out, line)
		}
	}
	return out
}

// TestMeasuredCases reads the layouts that printed wrong papers before
// (issue: "Never a wrong paper in silence"), as a new council keeps them,
// and asserts the reading and every message a person sees.
func TestMeasuredCases(t *testing.T) {
	head := []any{"Ref", "Action", "Lead", "Target Date", "Status", "Progress"}
	tests := []struct {
		name  string
		rows  [][]any
		merge []string
		set   func(s *TableSpec)
		plan  []string
		probs []string
		// notRead lists "row: reason" for each row not read.
		notRead []string
		notes   []string
	}{
		{
			name: "a key under the table is not an action",
			rows: [][]any{
				head,
				{"1", "Review contracts.", "CD", "31/03/2018", "Green", "Done."},
				{"2", "Train staff.", "HR", "31/03/2018", "amber", "Started."},
				{},
				{"Key: Green – on track; Amber – some slippage; Red – off track"},
			},
			plan: []string{
				`issue "" title=""`,
				`  action "1" status=ON TARGET target="31/03/2018" due=31 March 2018 "Review contracts."`,
				`  action "2" target="31/03/2018" due=31 March 2018 "Train staff."`,
			},
			probs: []string{
				`error: plan.xlsx: sheet "Actions", cell E3 ("Status"): unknown status "amber" (the statuses are "COMPLETE", "ON TARGET", "ONGOING", "NOT STARTED", "BEHIND SCHEDULE"; add it as an alias under [statuses] in the job to accept it)`,
			},
			notRead: []string{`5: under the table (a key, note, sign-off or total after the last action)`},
		},
		{
			name: "a sign-off and a total under the table, over two columns",
			rows: [][]any{
				head,
				{"1", "Review contracts.", "CD", "As required", nil, nil},
				{"Signed", "Chief Executive", nil, nil, nil, nil},
				{"Total", 1},
			},
			plan:    []string{`issue "" title=""`, `  action "1" target="As required" "Review contracts."`},
			notRead: []string{`3: under the table (a key, note, sign-off or total after the last action)`, `4: under the table (a key, note, sign-off or total after the last action)`},
		},
		{
			name: "outcome bands merged across the table become outcomes",
			rows: [][]any{
				{"Amey Lessons Learned"},
				head,
				{"Strategic Outcome 1: Contracts are clear and robust"},
				{"1(i)", "List the contracts.", "All CDs", nil, nil, nil},
				{"1(ii)", "Review them.", "All CDs", nil, nil, nil},
				{"Strategic Outcome 2: Staff are trained"},
				{"2(i)", "Train.", "HR", nil, nil, nil},
			},
			merge: []string{"A3:F3", "A6:F6"},
			plan: []string{
				`issue "" title=""`,
				`  outcome 1 "Contracts are clear and robust"`,
				`  outcome 2 "Staff are trained"`,
				`  action "1(i)" outcome=1 "List the contracts."`,
				`  action "1(ii)" outcome=1 "Review them."`,
				`  action "2(i)" outcome=2 "Train."`,
			},
			notRead: []string{`1: a title above the header row`},
		},
		{
			name: "a band the reader does not know is named in a warning",
			rows: [][]any{
				head,
				{"Contracts"},
				{"1", "List.", "CD", nil, nil, nil},
			},
			merge: []string{"A2:F2"},
			plan:  []string{`issue "" title=""`, `  action "1" "List."`},
			probs: []string{
				`warning: plan.xlsx: sheet "Actions", cell A2 ("Ref"): "Contracts" is not read (a band agsreport does not know): if it is a heading for the rows below it, say what it is with bands = "outcome", "theme" or "issue" in the job`,
			},
			notRead: []string{`2: a band agsreport does not know (see the warning)`},
		},
		{
			name: "the job says what bands are",
			rows: [][]any{
				head,
				{"Contracts are clear"},
				{"1", "List.", "CD", nil, nil, nil},
			},
			set:  func(s *TableSpec) { s.Bands = "outcome" },
			plan: []string{`issue "" title=""`, `  outcome 1 "Contracts are clear"`, `  action "1" outcome=1 "List."`},
		},
		{
			name: "a band with nothing under it is a warning",
			rows: [][]any{
				head,
				{"Strategic Outcome 1: Contracts"},
				{"1", "List.", "CD", nil, nil, nil},
				{"Strategic Outcome 2: Training"},
			},
			plan: []string{`issue "" title=""`, `  outcome 1 "Contracts"`, `  action "1" outcome=1 "List."`},
			probs: []string{
				`warning: plan.xlsx: sheet "Actions", cell A4 ("Ref"): the outcome band "Training" has no actions under it; it is not read`,
			},
			notRead: []string{`4: a band with nothing under it`},
		},
		{
			name: "issue and theme bands",
			rows: [][]any{
				{"Action", "Lead", "Ref"},
				{"Theme: Governance"},
				{"Issue 1 – Procurement"},
				{"Review.", "CD", "P1"},
				{"Issue 2: Risk"},
				{"Register.", "ADR", "R1"},
			},
			plan: []string{
				`issue "1" title="Procurement" theme="Governance"`,
				`  action "P1" "Review."`,
				`issue "2" title="Risk" theme="Governance"`,
				`  action "R1" "Register."`,
			},
		},
		{
			name: "the issue in a title row above the table",
			rows: [][]any{
				{"Appendix 1 (B)"},
				{"Governance Issue: Amey Lessons Learned"},
				{"Lead Manager:", "Director of Resources"},
				{"Action", "Lead"},
				{"Strategic Outcome 1: Contracts are clear"},
				{"1(i) List the contracts.", "All CDs"},
			},
			plan: []string{
				`issue "Amey Lessons Learned" title="Amey Lessons Learned" lead="Director of Resources"`,
				`  outcome 1 "Contracts are clear"`,
				`  action "1(i)" outcome=1 "List the contracts."`,
			},
			notRead: []string{`1: a title above the header row`},
		},
		{
			name: "refs at the start of the action text",
			rows: [][]any{
				{"Action", "Lead", "Target Date"},
				{"1(i) All 'Significant Contracts' are listed", "All CDs", "By 31st October 2017"},
				{"4 (iii) Review the register", "ADR", nil},
				{"FS2 Financial standing", "CFO", nil},
				{"A1.3: Train members", "DLS", nil},
				{"Train the rest", "DLS", nil},
			},
			plan: []string{
				`issue "" title=""`,
				`  action "1(i)" target="By 31st October 2017" due=31 October 2017 "All 'Significant Contracts' are listed"`,
				`  action "4(iii)" "Review the register"`,
				`  action "FS2" "Financial standing"`,
				`  action "A1.3" "Train members"`,
			},
			probs: []string{
				`error: plan.xlsx: sheet "Actions", cell A6 ("Action"): the action text does not begin with a ref (such as 1(i), FS2 or A1.3); it is not read: "Train the rest", "DLS"`,
			},
			notRead: []string{`6: the action text does not begin with a ref (such as 1(i), FS2 or A1.3)`},
		},
		{
			name: "refs in the text can be switched off",
			rows: [][]any{
				{"Action", "Lead"},
				{"1(i) All contracts", "All CDs"},
			},
			set: func(s *TableSpec) { s.RefInText = RefInTextNo },
			probs: []string{
				`error: plan.xlsx: sheet "Actions", row 1: no action ref column (a header such as "Action Ref", "Ref" or "Action No"); the headers found are "Action", "Lead"`,
			},
		},
		{
			name: "a mapped heading that is not in the sheet",
			rows: [][]any{
				{"Ref", "Action", "Status", "Q2 Update"},
				{"1", "Review.", nil, "Half done."},
			},
			set: func(s *TableSpec) { s.Columns = map[string][]string{"progress": {"Q3 Update"}} },
			probs: []string{
				`error: plan.xlsx: sheet "Actions", row 1: columns.progress: no heading "Q3 Update" in row 1; the headings there are "Ref", "Action", "Status", "Q2 Update"`,
			},
		},
		{
			name: "two columns with the same heading",
			rows: [][]any{
				{"Ref", "Action", "Update", "Update"},
				{"1", "Review.", "Old.", "New."},
			},
			probs: []string{
				`error: plan.xlsx: sheet "Actions", cell D1 ("Update"): the heading is also in column C, which is read as progress; say which column progress is with columns.progress = ["column D"] (the other is kept as an extra column)`,
			},
		},
		{
			name: "the job picks one of two columns with the same heading by letter",
			rows: [][]any{
				{"Ref", "Action", "Update", "Update"},
				{"1", "Review.", "Old.", "New."},
			},
			set:  func(s *TableSpec) { s.Columns = map[string][]string{"progress": {"column D"}} },
			plan: []string{`issue "" title=""`, `  action "1" "Review." [Update (C)="Old."]`},
		},
		{
			name: "a heading merged over two columns reads both",
			rows: [][]any{
				{"Ref", "Action", nil, "Lead"},
				{"1", "Review contracts.", "Then report.", "CD"},
			},
			merge: []string{"B1:C1"},
			plan:  []string{`issue "" title=""`, `  action "1" "Review contracts.\n\nThen report."`},
		},
		{
			name: "two-row headings: a group heading over quarters",
			rows: [][]any{
				{"Ref", "Action", "Lead", "Progress update", nil, nil},
				{nil, nil, nil, "Q1", "Q2", "Q3"},
				{"1", "Review.", "CD", "Started.", "Half done.", "Done."},
			},
			merge: []string{"D1:F1", "A1:A2", "B1:B2", "C1:C2"},
			set:   func(s *TableSpec) { s.Columns = map[string][]string{"progress": {"Progress update Q3"}} },
			plan:  []string{`issue "" title=""`, `  action "1" "Review." [Progress update Q1="Started."] [Progress update Q2="Half done."]`},
		},
		{
			name: "two-row headings: the job names the quarter by its sub-heading alone",
			rows: [][]any{
				{"Ref", "Action", "Lead", "Progress update", nil, nil},
				{nil, nil, nil, "Q1", "Q2", "Q3"},
				{"1", "Review.", "CD", "Started.", "Half done.", "Done."},
			},
			merge: []string{"D1:F1", "A1:A2", "B1:B2", "C1:C2"},
			set:   func(s *TableSpec) { s.Columns = map[string][]string{"progress": {"Q3"}} },
			plan:  []string{`issue "" title=""`, `  action "1" "Review." [Progress update Q1="Started."] [Progress update Q2="Half done."]`},
		},
		{
			name: "two-row headings: which quarter is the progress must be said",
			rows: [][]any{
				{"Ref", "Action", "Lead", "Progress update", nil, nil},
				{nil, nil, nil, "Q1", "Q2", "Q3"},
				{"1", "Review.", "CD", "Started.", "Half done.", "Done."},
			},
			merge: []string{"D1:F1"},
			plan:  []string{`issue "" title=""`, `  action "1" "Review." [Progress update Q1="Started."] [Progress update Q2="Half done."] [Progress update Q3="Done."]`},
			probs: []string{
				`error: plan.xlsx: sheet "Actions", cell D1 ("Progress update Q1"): columns D to F are all under "Progress update" (Q1, Q2, Q3): say which is the progress with columns.progress = ["Progress update Q3"] in the job (the others are kept as extra columns)`,
			},
		},
		{
			name: "a status at the start of the progress text, with no status column",
			rows: [][]any{
				{"Ref", "Action", "Progress to date"},
				{"1", "Review.", "Ongoing – the review has started."},
				{"2", "Report.", "Report drafted - due in June."},
			},
			plan:  []string{`issue "" title=""`, `  action "1" status=ONGOING "Review."`, `  action "2" "Report."`},
			notes: []string{`plan.xlsx: sheet "Actions", cell C2 ("Progress to date"): the table has no status column; the status ONGOING is read from the start of the progress text`},
		},
		{
			name: "text in a column with no heading is kept as an extra",
			rows: [][]any{
				{"Ref", "Action"},
				{"1", "Review.", "see minute 12"},
			},
			plan: []string{`issue "" title=""`, `  action "1" "Review." [Column C="see minute 12"]`},
		},
		{
			name: "a date typed as a number in the target column",
			rows: [][]any{
				head,
				{"1", "Review.", "CD", 45382, nil, nil},
				{"2", "Report.", "CD", 7, nil, nil},
			},
			plan: []string{
				`issue "" title=""`,
				`  action "1" target="31 March 2024" due=31 March 2024 "Review."`,
				`  action "2" target="7" "Report."`,
			},
			probs: []string{`error: plan.xlsx: sheet "Actions", cell D3 ("Target Date"): "7" is a number, not a date or words such as "Ongoing"`},
			notes: []string{`plan.xlsx: sheet "Actions", cell D2 ("Target Date"): 45382 is a number in a date column; read as the date it stands for, 31 March 2024 (give the cell a date format to show it as a date)`},
		},
		{
			name: "a row with content and no ref is an error quoting it",
			rows: [][]any{
				head,
				{"1", "Review.", "CD", nil, nil, nil},
				{nil, "Train staff.", "HR", nil, "ONGOING", "Booked."},
			},
			plan: []string{`issue "" title=""`, `  action "1" "Review."`},
			probs: []string{
				`error: plan.xlsx: sheet "Actions", cell A3 ("Ref"): the row has no action ref; it is not read: "Train staff.", "HR", "ONGOING", "Booked."`,
			},
			notRead: []string{`3: the row has no action ref`},
		},
		{
			name: "text in one column only is never an action",
			rows: [][]any{
				head,
				{"1", "Review.", "CD", nil, nil, nil},
				{nil, "continued from above"},
				{"2", "Report.", "CD", nil, nil, nil},
			},
			plan: []string{`issue "" title=""`, `  action "1" "Review."`, `  action "2" "Report."`},
			probs: []string{
				`warning: plan.xlsx: sheet "Actions", cell B3 ("Action"): "continued from above" is not read (text in one column only, not a action): if it is a heading for the rows below it, say what it is with bands = "outcome", "theme" or "issue" in the job`,
			},
			notRead: []string{`3: text in one column only, not a action`},
		},
		{
			name: "the job bounds the table with an end marker",
			rows: [][]any{
				head,
				{"1", "Review.", "CD", nil, nil, nil},
				{"Archived actions"},
				{"0", "Old.", "CD", nil, nil, nil},
			},
			set:  func(s *TableSpec) { s.End = "Archived" },
			plan: []string{`issue "" title=""`, `  action "1" "Review."`},
			notRead: []string{
				`3: the end of the table (end = "Archived" in the job)`,
				`4: below the table, which ends at row 3 (end = "Archived" in the job)`,
			},
		},
		{
			name: "the job bounds the table with its last row",
			rows: [][]any{
				head,
				{"1", "Review.", "CD", nil, nil, nil},
				{"0", "Old.", "CD", nil, nil, nil},
			},
			set:     func(s *TableSpec) { s.LastRow = 2 },
			plan:    []string{`issue "" title=""`, `  action "1" "Review."`},
			notRead: []string{`3: below the table, which ends at row 2 (last_row in the job)`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeBook(t, t.TempDir(), "plan.xlsx", bookOpts{}, sheetDef{name: "Actions", rows: tc.rows, merges: tc.merge})
			s := spec(path, "")
			if tc.set != nil {
				tc.set(s)
			}
			var probs plan.Problems
			p, rds := ReadPlanReadings(PlanSpec{Actions: s}, mustVocab(t), &probs)
			if got := planLines(p); !reflect.DeepEqual(got, tc.plan) && (len(got) > 0 || len(tc.plan) > 0) {
				t.Errorf("plan:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tc.plan, "\n      "))
			}
			if got := problemStrings(&probs); !reflect.DeepEqual(got, tc.probs) && (len(got) > 0 || len(tc.probs) > 0) {
				t.Errorf("problems:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tc.probs, "\n      "))
			}
			var notRead, notes []string
			for _, rd := range rds {
				for _, r := range rd.Rows {
					if r.As == RowNot {
						notRead = append(notRead, fmt.Sprintf("%d: %s", r.Row, r.What))
					}
				}
				for _, n := range rd.Notes {
					notes = append(notes, n.String())
				}
			}
			if !reflect.DeepEqual(notRead, tc.notRead) && (len(notRead) > 0 || len(tc.notRead) > 0) {
				t.Errorf("rows not read:\n got: %s\nwant: %s", strings.Join(notRead, "\n      "), strings.Join(tc.notRead, "\n      "))
			}
			if !reflect.DeepEqual(notes, tc.notes) && (len(notes) > 0 || len(tc.notes) > 0) {
				t.Errorf("notes:\n got: %s\nwant: %s", strings.Join(notes, "\n      "), strings.Join(tc.notes, "\n      "))
			}
		})
	}
}

func TestUTF16CSV(t *testing.T) {
	text := "Ref\tAction\tTarget Date\r\n1(i)\tReview “contracts”.\t31/03/2018\r\n"
	var le []byte
	le = append(le, 0xFF, 0xFE)
	for _, r := range text {
		le = append(le, byte(r), byte(r>>8))
	}
	path := writeFile(t, t.TempDir(), "plan.txt", le)
	var probs plan.Problems
	p := ReadPlan(PlanSpec{Actions: spec(path, "")}, mustVocab(t), &probs)
	want := []string{`issue "" title=""`, `  action "1(i)" target="31/03/2018" due=31 March 2018 "Review “contracts”."`}
	if got := planLines(p); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(probs.List) > 0 {
		t.Errorf("problems: %v", problemStrings(&probs))
	}
}

func TestSplitRef(t *testing.T) {
	tests := []struct{ in, ref, rest string }{
		{"1(i) All 'Significant Contracts'", "1(i)", "All 'Significant Contracts'"},
		{"4 (iii) Review", "4(iii)", "Review"},
		{"FS2 Financial standing", "FS2", "Financial standing"},
		{"A1.3: Train", "A1.3", "Train"},
		{"1.2 Do it", "1.2", "Do it"},
		{"3a) Report", "3a", "Report"},
		{"CCTV 24 hours", "", "CCTV 24 hours"},
		{"A review of contracts", "", "A review of contracts"},
		{"2 staff to be trained", "", "2 staff to be trained"},
		{"FS2", "", "FS2"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			ref, rest := splitRef(tc.in)
			if ref != tc.ref || rest != tc.rest {
				t.Errorf("splitRef(%q) = %q, %q; want %q, %q", tc.in, ref, rest, tc.ref, tc.rest)
			}
		})
	}
}
