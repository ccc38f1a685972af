package sheet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

// actionsHeader is a valid header row of an actions sheet.
var actionsHeader = []any{"Issue Ref", "Action Ref", "Action", "Target Date", "Status"}

func TestReadPlanBad(t *testing.T) {
	tests := []struct {
		name  string
		build func(t *testing.T, dir string) PlanSpec
		want  []string
	}{
		{
			name: "file missing",
			build: func(t *testing.T, dir string) PlanSpec {
				return PlanSpec{Actions: spec(filepath.Join(dir, "plan.xlsx"), "")}
			},
			want: []string{`error: plan.xlsx: file not found`},
		},
		{
			name: "not a workbook",
			build: func(t *testing.T, dir string) PlanSpec {
				return PlanSpec{Actions: spec(writeFile(t, dir, "plan.xlsx", []byte("Dear colleague,\nplease find attached")), "")}
			},
			want: []string{`error: plan.xlsx: is not an Excel workbook (.xlsx) or CSV file`},
		},
		{
			name: "truncated",
			build: func(t *testing.T, dir string) PlanSpec {
				good := writeBook(t, dir, "good.xlsx", bookOpts{}, sheetDef{name: "Actions", rows: [][]any{actionsHeader}})
				data, err := os.ReadFile(good)
				if err != nil {
					t.Fatal(err)
				}
				return PlanSpec{Actions: spec(writeFile(t, dir, "plan.xlsx", data[:len(data)/2]), "")}
			},
			want: []string{`error: plan.xlsx: is damaged or incomplete (not a readable .xlsx file); open it in Excel and save it again`},
		},
		{
			name: "password-protected header",
			build: func(t *testing.T, dir string) PlanSpec {
				data := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, []byte(strings.Repeat("junk", 200))...)
				return PlanSpec{Actions: spec(writeFile(t, dir, "plan.xlsx", data), "")}
			},
			want: []string{`error: plan.xlsx: is password-protected (or an old .xls file); save it without a password as .xlsx`},
		},
		{
			name: "password-protected by excel",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "plan.xlsx", bookOpts{password: "secret"}, sheetDef{name: "Actions", rows: [][]any{actionsHeader}})
				return PlanSpec{Actions: spec(path, "")}
			},
			want: []string{`error: plan.xlsx: is password-protected (or an old .xls file); save it without a password as .xlsx`},
		},
		{
			name: "folder",
			build: func(t *testing.T, dir string) PlanSpec {
				if err := os.Mkdir(filepath.Join(dir, "plan.xlsx"), 0o755); err != nil {
					t.Fatal(err)
				}
				return PlanSpec{Actions: spec(filepath.Join(dir, "plan.xlsx"), "")}
			},
			want: []string{`error: plan.xlsx: is a folder, not a workbook`},
		},
		{
			name: "missing required column",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "plan.xlsx", bookOpts{}, sheetDef{name: "Actions", rows: [][]any{
					{"Action Plan 2017-18"},
					{},
					{"Issue Ref", "Action", "Lead", "Target Date"},
					{"AMEY", "Review.", "CD", "March 2018"},
				}})
				return PlanSpec{Actions: spec(path, "")}
			},
			want: []string{`error: plan.xlsx: sheet "Actions", row 3: no action ref column (a header such as "Action Ref", "Ref" or "Action No"), and no action text begins with a ref (such as 1(i), FS2 or A1.3); the headers found are "Issue Ref", "Action", "Lead", "Target Date"`},
		},
		{
			name: "unknown sheet",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "plan.xlsx", bookOpts{},
					sheetDef{name: "Issues", rows: [][]any{{"Issue Ref", "Governance Issue"}}},
					sheetDef{name: "Actions", rows: [][]any{actionsHeader}})
				return PlanSpec{Actions: spec(path, "Action Plan")}
			},
			want: []string{`error: plan.xlsx: there is no sheet "Action Plan"; the sheets are "Issues", "Actions"`},
		},
		{
			name: "empty sheet",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "plan.xlsx", bookOpts{}, sheetDef{name: "Actions"})
				return PlanSpec{Actions: spec(path, "")}
			},
			want: []string{`error: plan.xlsx: sheet "Actions": the sheet is empty`},
		},
		{
			name: "no header row",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "plan.xlsx", bookOpts{}, sheetDef{name: "Actions", rows: [][]any{
					{"Minutes of the meeting"},
					{"Present", "Apologies"},
				}})
				return PlanSpec{Actions: spec(path, "")}
			},
			want: []string{`error: plan.xlsx: sheet "Actions": no header row found: none of the first 30 rows has two of the column names expected for actions (such as "Action Ref" or "Action"); the first row with text has "Minutes of the meeting"`},
		},
		{
			name: "every data error in one run",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "plan.xlsx", bookOpts{},
					sheetDef{name: "Issues", rows: [][]any{
						{"Issue Ref", "Governance Issue"},
						{"AMEY", amey},
					}},
					sheetDef{name: "Actions", rows: [][]any{
						{"Action plan"},
						{},
						actionsHeader,
						{"AMEY", "1(i)", "List.", "31/02/2018", "COMPLETE"},
						{"AMEY", "1 (i)", "Again.", "By 31st Octobre 2017", "Amberish"},
						{"ICT", "9", "Unknown issue.", nil, nil},
						{"AMEY", nil, "No ref here.", "Ongoing", "ONGOING"},
					}},
				)
				return PlanSpec{Issues: spec(path, ""), Actions: spec(path, "")}
			},
			want: []string{
				`error: plan.xlsx: sheet "Actions", cell D4 ("Target Date"): "31/02/2018" is not a date (day/month/year)`,
				`error: plan.xlsx: sheet "Actions", cell D5 ("Target Date"): "31st Octobre 2017" is not a date: "Octobre" is not a month`,
				`error: plan.xlsx: sheet "Actions", cell E5 ("Status"): unknown status "Amberish" (the statuses are "COMPLETE", "ON TARGET", "ONGOING", "NOT STARTED", "BEHIND SCHEDULE"; add it as an alias under [statuses] in the job to accept it)`,
				`error: plan.xlsx: sheet "Actions", cell B7 ("Action Ref"): the row has no action ref; it is not read: "AMEY", "No ref here.", "Ongoing", "ONGOING"`,
				`error: plan.xlsx: sheet "Actions", cell A6 ("Issue Ref"): issue "ICT" is not in the issues table (sheet "Issues")`,
				`error: plan.xlsx: sheet "Actions", cell B5 ("Action Ref"): action ref "1 (i)" is already used at cell B4`,
			},
		},
		{
			name: "job column for no field",
			build: func(t *testing.T, dir string) PlanSpec {
				path := writeBook(t, dir, "plan.xlsx", bookOpts{}, sheetDef{name: "Actions", rows: [][]any{actionsHeader, {"A", "1", "Do."}}})
				s := spec(path, "")
				s.Columns = map[string][]string{"owner": {"Owner"}}
				return PlanSpec{Actions: s}
			},
			want: []string{`error: plan.xlsx: columns.owner: "owner" is not a field of the actions table (the fields are ref, issue, issue_title, issue_description, issue_lead, issue_prospect, theme, outcome, outcome_text, recommendation, recommendation_text, refs, description, lead, target, target_text, revised_target, revision_agreed, revision_by, resources, priority, percent, status, progress, carried_from)`},
		},
		{
			name: "two files wrong, each reported once",
			build: func(t *testing.T, dir string) PlanSpec {
				bad := spec(writeFile(t, dir, "plan.docx", []byte("PK\x03\x04 not really a zip")), "")
				return PlanSpec{Issues: bad, Actions: bad, Outcomes: spec(filepath.Join(dir, "outcomes.xlsx"), "")}
			},
			want: []string{
				`error: plan.docx: is damaged or incomplete (not a readable .xlsx file); open it in Excel and save it again`,
				`error: outcomes.xlsx: file not found`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var probs plan.Problems
			p := ReadPlan(tc.build(t, t.TempDir()), mustVocab(t), &probs)
			if p == nil {
				t.Fatal("ReadPlan returned nil")
			}
			checkProblems(t, &probs, tc.want)
		})
	}
}

func checkProblems(t *testing.T, probs *plan.Problems, want []string) {
	t.Helper()
	got := problemStrings(probs)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}

func TestReadUpdatesBad(t *testing.T) {
	tests := []struct {
		name  string
		build func(t *testing.T, dir string) TableSpec
		want  []string
		refs  string // the refs read, joined by ","
	}{
		{
			name: "unknown status is an error, with the nearest word",
			build: func(t *testing.T, dir string) TableSpec {
				path := writeBook(t, dir, "return.xlsx", bookOpts{}, sheetDef{name: "Return", rows: [][]any{
					{"Action Ref", "Status", "Progress Update"},
					{"1(i)", "Amber", "Half done."},
					{"1(ii)", "Complete", "Done."},
					{"1(iii)", "Compete", "Done too."},
				}})
				return *spec(path, "")
			},
			want: []string{
				`error: return.xlsx: sheet "Return", cell B2 ("Status"): unknown status "Amber" (the statuses are "COMPLETE", "ON TARGET", "ONGOING", "NOT STARTED", "BEHIND SCHEDULE"; add it as an alias under [statuses] in the job to accept it)`,
				`error: return.xlsx: sheet "Return", cell B4 ("Status"): unknown status "Compete" (did you mean "COMPLETE"? the statuses are "COMPLETE", "ON TARGET", "ONGOING", "NOT STARTED", "BEHIND SCHEDULE"; add it as an alias under [statuses] in the job to accept it)`,
			},
			refs: "1(ii)",
		},
		{
			name: "no status or progress column",
			build: func(t *testing.T, dir string) TableSpec {
				path := writeBook(t, dir, "return.xlsx", bookOpts{}, sheetDef{name: "Sheet1", rows: [][]any{
					{"Action Ref", "Officer", "Date"},
					{"1(i)", "J Smith", "today"},
				}})
				return *spec(path, "")
			},
			want: []string{`error: return.xlsx: sheet "Sheet1", row 1: no status or progress column (a header such as "Status", "RAG" or "RAG Status"); the headers found are "Action Ref", "Officer", "Date"`},
		},
		{
			// A quote left open takes the rest of the file into the cell,
			// as Excel does, rather than failing.
			name: "csv with an open quote",
			build: func(t *testing.T, dir string) TableSpec {
				return *spec(writeFile(t, dir, "return.csv", []byte("Ref,Status,Progress\n1,COMPLETE,\"Done\n2,ONGOING,x\n")), "")
			},
			refs: "1",
		},
		{
			name: "csv with no header",
			build: func(t *testing.T, dir string) TableSpec {
				return *spec(writeFile(t, dir, "return.csv", []byte("1,COMPLETE,Done\n")), "")
			},
			want: []string{`error: return.csv: no header row found: none of the first 30 rows has two of the column names expected for a progress return (such as "Action Ref", "Status" or "Progress"); the first row with text has "1", "COMPLETE", "Done"`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var probs plan.Problems
			us := ReadUpdates(tc.build(t, t.TempDir()), "February 2018", mustVocab(t), &probs)
			checkProblems(t, &probs, tc.want)
			var refs []string
			for _, u := range us {
				refs = append(refs, u.Ref)
			}
			if got := strings.Join(refs, ","); got != tc.refs {
				t.Errorf("refs read: got %q, want %q", got, tc.refs)
			}
		})
	}
}
