package sheet

import (
	"reflect"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

// fakeSource is one sheet of cells given as values, for the cell facts a
// test workbook cannot easily hold (fills, formulas without a saved value).
type fakeSource struct {
	data   [][]cell
	hidden map[int]bool
}

func (f *fakeSource) sheets() []string              { return []string{"Actions"} }
func (f *fakeSource) state(string) sheetState       { return sheetVisible }
func (f *fakeSource) merges(string) ([]area, error) { return nil, nil }
func (f *fakeSource) date1904() bool                { return false }
func (f *fakeSource) close()                        {}
func (f *fakeSource) rows(string, bool) (rowIter, error) {
	return &fakeRows{src: f}, nil
}

type fakeRows struct {
	src *fakeSource
	n   int
}

func (it *fakeRows) next() bool             { it.n++; return it.n <= len(it.src.data) }
func (it *fakeRows) row() int               { return it.n }
func (it *fakeRows) cells() ([]cell, error) { return it.src.data[it.n-1], nil }
func (it *fakeRows) hidden() bool           { return it.src.hidden[it.n] }
func (it *fakeRows) close() error           { return nil }

func cellsOf(ss ...string) []cell {
	out := make([]cell, len(ss))
	for i, s := range ss {
		out[i] = cell{text: s}
	}
	return out
}

// TestCellFacts reads status fills and formulas with no saved value.
func TestCellFacts(t *testing.T) {
	head := cellsOf("Ref", "Action", "Status")
	tests := []struct {
		name  string
		rows  [][]cell
		plan  []string
		probs []string
		notes []string
	}{
		{
			name: "a status kept only as a fill colour",
			rows: [][]cell{head,
				{{text: "1"}, {text: "Review."}, {fill: "C6EFCE"}},
				{{text: "2"}, {text: "Train."}, {fill: "00B050"}},
				{{text: "3"}, {text: "Report."}, {text: "ongoing", fill: "C6EFCE"}},
			},
			plan: []string{`issue "" title=""`, `  action "1" status=COMPLETE "Review."`, `  action "2" "Train."`, `  action "3" status=ONGOING "Report."`},
			probs: []string{
				`error: plan.xlsx: sheet "Actions", cell C3 ("Status"): the status cell has no words, only a fill colour, #00B050, which is the colour of no status: write the status in the cell, or give that status colour = "#00B050" under [statuses] in the job`,
			},
			notes: []string{`plan.xlsx: sheet "Actions", cell C2 ("Status"): the status cell has no words, only a fill colour, #C6EFCE: read as COMPLETE, the status of that colour in the job`},
		},
		{
			name: "a formula with no saved value",
			rows: [][]cell{head,
				{{text: "1"}, {text: "Review."}},
				{{formula: `"A"&ROW()`}, {text: "Train."}, {text: "Complete"}},
				{{text: "3", raw: "3", formula: "A2+2", cached: true}, {text: "Report."}},
			},
			plan: []string{`issue "" title=""`, `  action "1" "Review."`, `  action "3" "Report."`},
			probs: []string{
				`error: plan.xlsx: sheet "Actions", cell A3: the cell holds a formula, ="A"&ROW(), with no value saved in the file, so agsreport cannot read what it shows: open the workbook in Excel and save it (with Formulas > Calculation Options set to Automatic), then run again`,
			},
		},
		{
			name: "a ref that is a formula with no saved value gives one error",
			rows: [][]cell{head,
				{{formula: `"A"&ROW()`}, {text: "Train."}},
				{{text: "3"}, {text: "Report."}},
			},
			plan: []string{`issue "" title=""`, `  action "3" "Report."`},
			probs: []string{
				`error: plan.xlsx: sheet "Actions", cell A2: the cell holds a formula, ="A"&ROW(), with no value saved in the file, so agsreport cannot read what it shows: open the workbook in Excel and save it (with Formulas > Calculation Options set to Automatic), then run again`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var probs plan.Problems
			vocab := mustVocab(t)
			b := newBuilder(&plan.Plan{Statuses: vocab}, vocab, &probs)
			sp := &TableSpec{Path: "plan.xlsx", Name: "plan.xlsx"}
			_, rd := readTable(&fakeSource{data: tc.rows}, tableRequest{spec: sp, sheet: "Actions", kinds: []Kind{Actions}}, &probs, b.row)
			b.assemble()
			if got := planLines(b.p); !reflect.DeepEqual(got, tc.plan) {
				t.Errorf("plan:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tc.plan, "\n      "))
			}
			if got := problemStrings(&probs); !reflect.DeepEqual(got, tc.probs) && (len(got) > 0 || len(tc.probs) > 0) {
				t.Errorf("problems:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tc.probs, "\n      "))
			}
			var notes []string
			for _, n := range rd.Notes {
				notes = append(notes, n.String())
			}
			if !reflect.DeepEqual(notes, tc.notes) && (len(notes) > 0 || len(tc.notes) > 0) {
				t.Errorf("notes:\n got: %s\nwant: %s", strings.Join(notes, "\n      "), strings.Join(tc.notes, "\n      "))
			}
		})
	}
}

// TestHiddenRowsAreReadWithANote reads a plan whose completed actions are
// hidden rows: they are in the plan, and the reading says so.
func TestHiddenRowsAreReadWithANote(t *testing.T) {
	path := writeBook(t, t.TempDir(), "plan.xlsx", bookOpts{}, sheetDef{name: "Actions", rows: [][]any{
		{"Ref", "Action", "Status"},
		{"1", "Review.", "Complete"},
		{"2", "Train.", nil},
	}, hiddenRows: []int{2}})
	var probs plan.Problems
	p, rds := ReadPlanReadings(PlanSpec{Actions: spec(path, "")}, mustVocab(t), &probs)
	if got := len(p.Actions()); got != 2 {
		t.Errorf("%d actions, want 2", got)
	}
	want := []string{`plan.xlsx: sheet "Actions", row 2: the row is hidden in the workbook; it is read like the others (delete it, or move it below the table, to leave it out)`}
	var got []string
	for _, n := range rds[0].Notes {
		got = append(got, n.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("notes %q, want %q", got, want)
	}
}
