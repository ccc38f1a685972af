package sheet

import (
	"reflect"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

// TestWhichSheets reads workbooks of several sheets: hidden sheets are
// never read unless named, several sheets of one layout can be one plan,
// and a sheet agsreport picks itself is warned about when others look the
// same.
func TestWhichSheets(t *testing.T) {
	head := []any{"Ref", "Action", "Lead"}
	book := func(dir string, sheets ...sheetDef) string {
		return writeBook(t, dir, "plan.xlsx", bookOpts{}, sheets...)
	}
	tests := []struct {
		name  string
		build func(dir string) *TableSpec
		plan  []string
		probs []string
	}{
		{
			name: "a hidden first sheet is not read",
			build: func(dir string) *TableSpec {
				return spec(book(dir,
					sheetDef{name: "Archive 2016", hidden: true, rows: [][]any{head, {"0", "Old.", "CD"}}},
					sheetDef{name: "Plan", rows: [][]any{head, {"1", "New.", "CD"}}}), "")
			},
			plan: []string{`issue "" title=""`, `  action "1" "New."`},
		},
		{
			name: "a hidden sheet the job names is read",
			build: func(dir string) *TableSpec {
				return spec(book(dir,
					sheetDef{name: "Plan", rows: [][]any{head, {"1", "New.", "CD"}}},
					sheetDef{name: "Archive 2016", hidden: true, rows: [][]any{head, {"0", "Old.", "CD"}}}), "Archive 2016")
			},
			plan: []string{`issue "" title=""`, `  action "0" "Old."`},
		},
		{
			name: "a hidden sheet named for its kind is passed over",
			build: func(dir string) *TableSpec {
				return spec(book(dir,
					sheetDef{name: "Cover", rows: [][]any{head, {"1", "New.", "CD"}}},
					sheetDef{name: "Actions", hidden: true, rows: [][]any{head, {"0", "Old.", "CD"}}}), "")
			},
			plan: []string{`issue "" title=""`, `  action "1" "New."`},
		},
		{
			name: "several sheets of one layout as one plan",
			build: func(dir string) *TableSpec {
				s := spec(book(dir,
					sheetDef{name: "Read me", rows: [][]any{{"How to fill in this workbook"}}},
					sheetDef{name: "Directorate A", rows: [][]any{head, {"A1", "Adults.", "DASS"}}},
					sheetDef{name: "Directorate B", rows: [][]any{{"Children"}, head, {"B1", "Children.", "DCS"}, {"A1", "Again.", "DCS"}}},
					sheetDef{name: "Directorate C", hidden: true, rows: [][]any{head, {"C1", "Hidden.", "X"}}}), "")
				s.Sheets = []string{"directorate *"}
				return s
			},
			plan: []string{`issue "" title=""`, `  action "A1" "Adults."`, `  action "B1" "Children."`},
			probs: []string{
				`error: plan.xlsx: sheet "Directorate B", cell A4 ("Ref"): action ref "A1" is already used at sheet "Directorate A", cell A2`,
			},
		},
		{
			name: "a pattern that matches nothing",
			build: func(dir string) *TableSpec {
				s := spec(book(dir, sheetDef{name: "Plan", rows: [][]any{head, {"1", "New.", "CD"}}}), "")
				s.Sheets = []string{"Dir*"}
				return s
			},
			probs: []string{`error: plan.xlsx: sheets: "Dir*" matches no visible sheet; the sheets are "Plan"`},
		},
		{
			name: "other sheets of the same layout are warned about",
			build: func(dir string) *TableSpec {
				return spec(book(dir,
					sheetDef{name: "Adults", rows: [][]any{head, {"A1", "Adults.", "DASS"}}},
					sheetDef{name: "Children", rows: [][]any{{"Children's Services"}, head, {"B1", "Children.", "DCS"}}},
					sheetDef{name: "Lists", rows: [][]any{{"Statuses"}, {"Green"}}}), "")
			},
			plan: []string{`issue "" title=""`, `  action "A1" "Adults."`},
			probs: []string{
				`warning: plan.xlsx: sheet "Adults": only this sheet is read, but "Children" also holds a table of actions: to read them too, list them with sheets = [...] in the job (a pattern such as "Directorate *" will do); to read only this one, name it with sheet = "Adults"`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var probs plan.Problems
			p := ReadPlan(PlanSpec{Actions: tc.build(t.TempDir())}, mustVocab(t), &probs)
			if got := planLines(p); !reflect.DeepEqual(got, tc.plan) && (len(got) > 0 || len(tc.plan) > 0) {
				t.Errorf("plan:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tc.plan, "\n      "))
			}
			if got := problemStrings(&probs); !reflect.DeepEqual(got, tc.probs) && (len(got) > 0 || len(tc.probs) > 0) {
				t.Errorf("problems:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tc.probs, "\n      "))
			}
		})
	}
}

// TestUnreadSheetsAreListed: the reading names every sheet of the workbook
// that was not read, and why, so that check -v shows a hidden archive.
func TestUnreadSheetsAreListed(t *testing.T) {
	path := writeBook(t, t.TempDir(), "plan.xlsx", bookOpts{},
		sheetDef{name: "Plan", rows: [][]any{{"Ref", "Action"}, {"1", "New."}}},
		sheetDef{name: "Lists", rows: [][]any{{"Green"}}},
		sheetDef{name: "Archive", hidden: true, rows: [][]any{{"Ref", "Action"}, {"0", "Old."}}})
	var probs plan.Problems
	_, rds := ReadPlanReadings(PlanSpec{Actions: spec(path, "Plan")}, mustVocab(t), &probs)
	want := []string{`"Lists" (not named in the job)`, `"Archive" (hidden; a hidden sheet is read only when the job names it)`}
	if len(rds) != 1 || !reflect.DeepEqual(rds[0].Unread, want) {
		t.Errorf("unread sheets %q, want %q", rds[0].Unread, want)
	}
}
