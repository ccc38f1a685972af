package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// regenerate rewrites the committed example workbooks (make examples does the
// same); it is not -update, so that refreshing golden files never touches
// input workbooks.
var regenerate = flag.Bool("regenerate", false, "rewrite the committed example workbooks")

// examplesDir is the examples directory, seen from this package's folder.
const examplesDir = ".."

// TestCommittedWorkbooksAreCurrent regenerates every workbook and compares it
// byte for byte with the committed file, so the workbooks cannot drift from
// the text in this package.
func TestCommittedWorkbooksAreCurrent(t *testing.T) {
	if *regenerate {
		if _, err := generate(examplesDir); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	changed, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(changed) != len(books()) {
		t.Errorf("generate into an empty folder wrote %d files, want %d", len(changed), len(books()))
	}
	for _, b := range books() {
		got := readFile(t, filepath.Join(dir, b.Path))
		want := readFile(t, filepath.Join(examplesDir, b.Path))
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generated workbook: run go run ./examples/gen (or go test ./examples/gen -regenerate)", b.Path)
		}
	}
	again, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 0 {
		t.Errorf("second run rewrote %v; want no change", again)
	}
}

func TestDeterministic(t *testing.T) {
	for _, b := range books() {
		t.Run(b.Path, func(t *testing.T) {
			first, second := render(t, b), render(t, b)
			if !bytes.Equal(first, second) {
				t.Errorf("two renderings differ")
			}
		})
	}
}

// The Amey action refs, counted from seed 001: 5 + 2 + 3 + 3 + 2 + 2 + 3 + 1
// + 1 + 1 + 1 + 2 = 26.
var wantAmeyRefs = []string{
	"1(i)", "1(ii)", "1(iii)", "1(iv)", "1(v)",
	"2(i)", "2(ii)",
	"3(i)", "3(ii)", "3(iii)",
	"4(i)", "4(ii)", "4(iii)",
	"5(i)", "5(ii)",
	"6(i)", "6(ii)",
	"7(i)", "7(ii)", "7(iii)",
	"8(i)",
	"9(i)",
	"10(i)",
	"11(i)",
	"12(i)", "12(ii)",
}

func TestCumbriaPlan(t *testing.T) {
	dir := generated(t)
	path := filepath.Join(dir, cumbriaPlan)

	issues := readTable(t, path, "Issues")
	checkHeader(t, issues, "Issue Ref", "Governance Issue", "Description", "Target Date", "Overall Prospect", "Lead Manager", "Specific Measurable Actions")
	if got := values(issues, "Issue Ref"); !slices.Equal(got, []string{"CSLG", "AMEY"}) {
		t.Errorf("issues = %q", got)
	}
	if got := values(issues, "Specific Measurable Actions"); got[1] != "see action plan below" {
		t.Errorf("AMEY measures = %q", got[1])
	}
	if desc := values(issues, "Description")[1]; strings.Count(desc, "\n• ") != 4 {
		t.Errorf("AMEY description has %d bullet lines, want the 4 outcomes:\n%s", strings.Count(desc, "\n• "), desc)
	}

	outcomes := readTable(t, path, "Outcomes")
	checkHeader(t, outcomes, "Issue Ref", "Outcome No", "Strategic Outcome")
	if got := values(outcomes, "Outcome No"); !slices.Equal(got, []string{"1", "2", "3", "4"}) {
		t.Errorf("outcomes = %q", got)
	}
	if got := values(outcomes, "Issue Ref"); !slices.Equal(got, []string{"AMEY", "AMEY", "AMEY", "AMEY"}) {
		t.Errorf("outcome issues (merged, filled down) = %q", got)
	}

	actions := readTable(t, path, "Actions")
	checkHeader(t, actions, "Issue Ref", "Outcome No", "Rec No", "Recommendation", "Report Refs", "Lead", "Target Date", "Action Ref", "Action", "Resources", "Status")
	var cslg, amey []string
	refsByRec := map[string]string{}
	recsByOutcome := map[string][]string{}
	statuses := map[string]int{}
	for _, r := range actions.rows {
		switch r[actions.col("Issue Ref")] {
		case "CSLG":
			cslg = append(cslg, r[actions.col("Action Ref")])
		case "AMEY":
			amey = append(amey, r[actions.col("Action Ref")])
			rec := r[actions.col("Rec No")]
			if prev, ok := refsByRec[rec]; ok && prev != r[actions.col("Report Refs")] {
				t.Errorf("rec %s: refs %q then %q", rec, prev, r[actions.col("Report Refs")])
			}
			refsByRec[rec] = r[actions.col("Report Refs")]
			o := r[actions.col("Outcome No")]
			if !slices.Contains(recsByOutcome[o], rec) {
				recsByOutcome[o] = append(recsByOutcome[o], rec)
			}
			statuses[r[actions.col("Status")]]++
			for _, c := range []string{"Lead", "Target Date", "Action", "Resources", "Recommendation"} {
				if r[actions.col(c)] == "" {
					t.Errorf("action %s: no %s", r[actions.col("Action Ref")], c)
				}
			}
		default:
			t.Errorf("row with issue %q", r[actions.col("Issue Ref")])
		}
	}
	if want := []string{"Action 1", "Action 2", "Action 3"}; !slices.Equal(cslg, want) {
		t.Errorf("CSLG actions = %q, want %q", cslg, want)
	}
	if !slices.Equal(amey, wantAmeyRefs) {
		t.Errorf("AMEY actions (%d) = %q, want %d: %q", len(amey), amey, len(wantAmeyRefs), wantAmeyRefs)
	}
	wantRefs := map[string]string{
		"1": "R1, R5, R7", "2": "R1", "3": "R2a, R2b", "4": "R3a, R3b, R3c, R3d, R3e, R4, R5",
		"5": "R5, R6", "6": "R2b, R10", "7": "R8a, R8b, R8c, R16", "8": "R9",
		"9": "R11, R13, R14", "10": "R12, R13", "11": "R15, R16, R17, R18, R19", "12": "R20",
	}
	for rec, want := range wantRefs {
		if refsByRec[rec] != want {
			t.Errorf("rec %s refs = %q, want %q", rec, refsByRec[rec], want)
		}
	}
	if len(refsByRec) != len(wantRefs) {
		t.Errorf("%d recommendations, want %d", len(refsByRec), len(wantRefs))
	}
	wantOutcomes := map[string][]string{"1": {"1", "2", "3", "4"}, "2": {"5", "6", "7", "8"}, "3": {"9", "10", "11"}, "4": {"12"}}
	for o, want := range wantOutcomes {
		if !slices.Equal(recsByOutcome[o], want) {
			t.Errorf("outcome %s recs = %q, want %q", o, recsByOutcome[o], want)
		}
	}
	wantStatuses := map[string]int{"COMPLETE": 9, "ON TARGET": 7, "ONGOING": 10}
	for s, n := range wantStatuses {
		if statuses[s] != n {
			t.Errorf("%d actions %s, want %d", statuses[s], s, n)
		}
	}
	if len(statuses) != len(wantStatuses) {
		t.Errorf("statuses = %v, want %v", statuses, wantStatuses)
	}

	// Merged cells where one seed value covers several actions.
	merges := mergesOf(t, path, "Actions")
	for _, want := range []struct{ col, first, last string }{
		{"Lead", "5(i)", "5(ii)"},
		{"Lead", "6(i)", "6(ii)"},
		{"Target Date", "6(i)", "6(ii)"},
		{"Lead", "7(i)", "7(iii)"},
		{"Lead", "12(i)", "12(ii)"},
		{"Recommendation", "1(i)", "1(v)"},
		{"Report Refs", "4(i)", "4(iii)"},
		{"Outcome No", "1(i)", "4(iii)"},
		{"Issue Ref", "1(i)", "12(ii)"},
	} {
		top, bottom := actions.cellOf(t, want.col, want.first), actions.cellOf(t, want.col, want.last)
		if !slices.Contains(merges, top+":"+bottom) {
			t.Errorf("no merged cell %s:%s (%s over %s–%s)", top, bottom, want.col, want.first, want.last)
		}
	}
}

func TestCumbriaReturns(t *testing.T) {
	dir := generated(t)
	plan := readTable(t, filepath.Join(dir, cumbriaPlan), "Actions")
	planStatus := map[string]string{}
	for _, r := range plan.rows {
		planStatus[r[plan.col("Action Ref")]] = r[plan.col("Status")]
	}
	tests := []struct {
		name       string
		path       string
		refs       []string
		wantStatus bool
	}{
		{"January, Children's Services", cumbriaJanuary, []string{"Action 1", "Action 2", "Action 3"}, false},
		{"February, Amey", cumbriaFebruary, wantAmeyRefs, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ret := readTable(t, filepath.Join(dir, tt.path), "Return")
			checkHeader(t, ret, "Action Ref", "Status", "Progress Update")
			if got := values(ret, "Action Ref"); !slices.Equal(got, tt.refs) {
				t.Errorf("refs = %q, want %q", got, tt.refs)
			}
			for _, r := range ret.rows {
				ref, status, progress := r[0], r[1], r[2]
				if progress == "" {
					t.Errorf("%s: no progress text", ref)
				}
				switch {
				case tt.wantStatus && status == "":
					t.Errorf("%s: no status", ref)
				case tt.wantStatus && status != planStatus[ref]:
					t.Errorf("%s: status %q, plan has %q", ref, status, planStatus[ref])
				case !tt.wantStatus && status != "":
					t.Errorf("%s: status %q, the seed gives none", ref, status)
				}
			}
		})
	}
}

func TestCMTPlan(t *testing.T) {
	dir := generated(t)
	plan := readTable(t, filepath.Join(dir, cmtPlan), "Action Plan")
	checkHeader(t, plan, "Theme", "Issue", "Description", "Lead Corporate/Assistant Director", "Rationale", "Proposed Action 2014/15")
	want := [][2]string{
		{"SAFEGUARDING CHILDREN", "Safeguarding Children"},
		{"CONTRACT MANAGEMENT", "Major contract disputes"},
		{"CONTRACT MANAGEMENT", "Ineffective procurement and client contract management arrangements"},
		{"INFORMATION GOVERNANCE", "Information Security"},
		{"FINANCIAL RESILIENCE", "Medium Term Financial Plan"},
		{"FINANCIAL RESILIENCE", "Looked After Children"},
		{"FINANCIAL RESILIENCE", "Slippage in the Capital Programme"},
		{"WORKFORCE DEVELOPMENT", "Human resource and workforce development."},
		{"PARTNERSHIPS", "Partnerships"},
	}
	if len(plan.rows) != len(want) {
		t.Fatalf("%d issues, want %d", len(plan.rows), len(want))
	}
	for i, r := range plan.rows {
		if got := [2]string{r[0], r[1]}; got != want[i] {
			t.Errorf("row %d: theme, issue = %q, want %q", i+1, got, want[i])
		}
		for c, h := range plan.header {
			if r[c] == "" {
				t.Errorf("%s: no %s", r[1], h)
			}
		}
	}
}

// TestText checks the shape of every cell text: no stray spaces at line
// ends, no leading spaces, at most one blank line in a row, bullets written
// "• ", and ditto only as a whole value.
func TestText(t *testing.T) {
	for _, b := range books() {
		for _, tb := range b.Tables {
			for r, row := range tb.Rows {
				for c, v := range row {
					where := fmt.Sprintf("%s %s row %d %s", b.Path, tb.Sheet, r+1, tb.Columns[c].Header)
					if v == ditto {
						continue
					}
					if strings.Contains(v, ditto) {
						t.Errorf("%s: ditto inside text %q", where, v)
					}
					if strings.ContainsAny(v, "\r\t\u00a0\uf0b7") || strings.Contains(v, "\n\n\n") {
						t.Errorf("%s: stray control, glyph or blank lines in %q", where, v)
					}
					for _, line := range strings.Split(v, "\n") {
						if line != strings.TrimSpace(line) {
							t.Errorf("%s: line %q has outer spaces", where, line)
						}
						if strings.HasPrefix(line, "•") && !strings.HasPrefix(line, "• ") {
							t.Errorf("%s: bullet line %q", where, line)
						}
					}
				}
			}
		}
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		name    string
		rows    [][]string
		want    []span
		wantErr bool
	}{
		{"none", [][]string{{"a", "b"}, {"c", "d"}}, nil, false},
		{"one column", [][]string{{"a", "b"}, {ditto, "d"}, {ditto, "e"}, {"f", "g"}}, []span{{0, 0, 2}}, false},
		{"two runs", [][]string{{"a", "b"}, {ditto, ditto}, {"c", "e"}, {ditto, "g"}}, []span{{0, 0, 1}, {0, 2, 3}, {1, 0, 1}}, false},
		{"short row", [][]string{{"a", "b"}, {ditto}}, []span{{0, 0, 1}}, false},
		{"ditto first", [][]string{{ditto, "b"}}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := table{Sheet: "S", Columns: []column{{"A", 5}, {"B", 5}}, Rows: tt.rows}
			got, err := tb.spans()
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("spans = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLines(t *testing.T) {
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("word ", 40)
	tests := []struct {
		name     string
		text     string
		width    float64
		min, max int
	}{
		{"empty", "", 10, 1, 1},
		{"short", "Officer time", 20, 1, 1},
		{"line breaks", "a\nb\n\nc", 20, 4, 4},
		{"wraps", long, 20, 8, 11},
		{"wider wraps less", long, 40, 3, 5},
		{"word longer than the line", strings.Repeat("x", 60), 10, 4, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := m.lines(tt.text, tt.width, fontSize, false); got < tt.min || got > tt.max {
				t.Errorf("lines = %d, want %d to %d", got, tt.min, tt.max)
			}
		})
	}
	if m.lines(long, 20, fontSize, true) < m.lines(long, 20, fontSize, false) {
		t.Errorf("bold text took fewer lines than regular")
	}
}

func TestHeightsCoverMergedText(t *testing.T) {
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	tb := table{
		Sheet:   "S",
		Columns: []column{{"A", 10}, {"B", 10}},
		Rows:    [][]string{{strings.Repeat("long text ", 30), "x"}, {ditto, "y"}, {ditto, "z"}},
	}
	spans, err := tb.spans()
	if err != nil {
		t.Fatal(err)
	}
	hs := tb.heights(m, spans)
	need := height(m.lines(tb.Rows[0][0], 10, fontSize, false), fontSize)
	if sum := hs[0] + hs[1] + hs[2]; sum < need {
		t.Errorf("rows %v sum to %.1f pt, merged text needs %.1f", hs, sum, need)
	}
}

// sheetTable is a sheet's header and data rows as a reader sees them, with
// merged cells filled down.
type sheetTable struct {
	header []string
	rows   [][]string
}

func (s sheetTable) col(name string) int { return slices.Index(s.header, name) }

// cellOf names the cell of column col in the data row whose Action Ref is ref.
func (s sheetTable) cellOf(t *testing.T, col, ref string) string {
	t.Helper()
	c, r := s.col(col), slices.IndexFunc(s.rows, func(row []string) bool { return row[s.col("Action Ref")] == ref })
	if c < 0 || r < 0 {
		t.Fatalf("no column %q or action %q", col, ref)
	}
	name, err := excelize.CoordinatesToCellName(c+1, firstData+r)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

func values(s sheetTable, name string) []string {
	var out []string
	if c := s.col(name); c >= 0 {
		for _, r := range s.rows {
			out = append(out, r[c])
		}
	}
	return out
}

func checkHeader(t *testing.T, s sheetTable, want ...string) {
	t.Helper()
	if !slices.Equal(s.header, want) {
		t.Errorf("header = %q, want %q", s.header, want)
	}
}

// readTable reads a sheet the way officers' workbooks are read: header on
// row 3, data below, merged cells filled from their top-left cell.
func readTable(t *testing.T, path, sheet string) sheetTable {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < headerRow {
		t.Fatalf("%s %s: %d rows", path, sheet, len(rows))
	}
	header := rows[headerRow-1]
	grid := make([][]string, len(rows))
	for i, r := range rows {
		grid[i] = make([]string, len(header))
		copy(grid[i], r)
	}
	for _, m := range merges {
		c1, r1, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		if err != nil {
			t.Fatal(err)
		}
		c2, r2, err := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err != nil {
			t.Fatal(err)
		}
		for r := r1; r <= r2 && r <= len(grid); r++ {
			for c := c1; c <= c2 && c <= len(header); c++ {
				grid[r-1][c-1] = m.GetCellValue()
			}
		}
	}
	if grid[titleRow-1][0] == "" {
		t.Errorf("%s %s: no title", path, sheet)
	}
	return sheetTable{header: header, rows: grid[firstData-1:]}
}

func mergesOf(t *testing.T, path, sheet string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range merges {
		out = append(out, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	return out
}

func generated(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := generate(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func render(t *testing.T, b book) []byte {
	t.Helper()
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	data, err := b.bytes(m)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
