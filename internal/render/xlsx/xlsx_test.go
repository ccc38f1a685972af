package xlsx

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/report/reporttest"
)

var (
	update = flag.Bool("update", false, "rewrite the golden files in testdata")
	keep   = flag.String("keep", "", "also write every rendered workbook into this directory")
)

// cases are the shared documents plus the ones only spreadsheets need.
func cases() []reporttest.Case {
	return append(reporttest.Cases(),
		reporttest.Case{Name: "chart", Doc: chartDoc()},
		reporttest.Case{Name: "awkward-names", Doc: awkwardDoc()},
	)
}

// chartDoc has a stacked bar chart, a status key and a second section.
func chartDoc() *report.Document {
	d := reporttest.Base("Chart & key")
	d.Sections = []report.Section{
		{Name: "Summary", Blocks: []report.Block{
			&report.Heading{Level: 1, Text: report.Plain("Progress by issue")},
			&report.Chart{Title: "Actions by status", Categories: []string{"Amey", "Safeguarding", "=Finance"},
				Series: []report.Series{
					{Name: "COMPLETE", Colour: "#70AD47", Values: []float64{3, 1, 0}},
					{Name: "ON TARGET", Colour: "#5B9BD5", Values: []float64{2, 4, 1}},
					{Name: "ONGOING", Colour: "#FFC000", Values: []float64{1}},
				}},
			&report.StatusKey{Title: "Key"},
		}},
		{Name: "Summary", Blocks: []report.Block{
			&report.Paragraph{Text: report.Markup("A second sheet whose name clashes.")},
		}},
	}
	return d
}

// awkwardDoc has sheet names Excel refuses, statuses that would break a
// typed-in list, a running header with "&", and tables of different widths.
func awkwardDoc() *report.Document {
	d := reporttest.Base("Awkward")
	d.Header = report.Running{Left: "R&D {page}", Right: strings.Repeat("long ", 80)}
	d.Footer = report.Running{}
	d.Statuses = []report.Status{
		{Name: "Done, closed", Colour: "#C6EFCE", Closed: true},
		{Name: "=1+1", Colour: "#FFC7CE"},
		{Name: `Say "hi"`, Colour: "#FFEB9C"},
	}
	row := reporttest.Row("1", "**Bold** then *italic*\n• bullet", "=1+1")
	row.Cells[2].Status = "=1+1"
	wide := &report.Table{Name: "Wide", Columns: []report.Column{
		{Title: "Ref", Width: 1}, {Title: "Action", Width: 5}, {Title: "Status", Width: 2, Status: true},
	}, Groups: []report.Group{{Rows: []report.Row{row}}}}
	other := &report.Table{Name: "Other", Columns: []report.Column{{Title: "A", Width: 1}, {Title: "B", Width: 1}},
		Groups: []report.Group{{Rows: []report.Row{reporttest.Row("left", "right")}}}}
	d.Sections = []report.Section{
		{Name: "Plan: [draft] 'Q1'/2018? a name far too long for Excel", Blocks: []report.Block{
			&report.Fields{Items: []report.Field{
				{Label: "Overall prospect", Value: report.Plain("Good."), Stacked: true},
				{Label: "Lead", Value: report.Plain("Director")},
			}},
			wide, other,
		}},
		{Name: "History"},
		{Name: ""},
		{Name: "Lists"},
	}
	return d
}

func renderBytes(t testing.TB, doc *report.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	info, err := Render(&buf, doc)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if want := max(len(doc.Sections), 1); info.Sheets != want {
		t.Errorf("Info.Sheets = %d, want %d", info.Sheets, want)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			data := renderBytes(t, c.Doc)
			if *keep != "" {
				if err := os.WriteFile(filepath.Join(*keep, c.Name+".xlsx"), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got := dumpWorkbook(t, data)
			path := filepath.Join("testdata", c.Name+".cells")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden (run with -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("cell dump differs from %s (run with -update to accept):\n%s", path, firstDiff(string(want), got))
			}
		})
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d\nwant: %s\ngot:  %s", i+1, x, y)
		}
	}
	return "(no line differs)"
}

func TestDeterministic(t *testing.T) {
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			first := renderBytes(t, c.Doc)
			for i := 0; i < 3; i++ {
				if again := renderBytes(t, c.Doc); !bytes.Equal(first, again) {
					t.Fatalf("render %d differs from the first (%d vs %d bytes)", i+2, len(again), len(first))
				}
			}
		})
	}
}

// TestFormulaText checks that text looking like a formula stays text with
// its value unchanged, and that no cell of any case holds a formula.
func TestFormulaText(t *testing.T) {
	data := renderBytes(t, reporttest.FormulaText())
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	sheet := f.GetSheetList()[0]
	want := map[string]string{"equals": "=1+1", "plus": "+44 1228 606060", "minus": "-SUM(A1:A2)", "at": "@risk register"}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for i, r := range rows {
		if len(r) < 2 {
			continue
		}
		w, ok := want[r[0]]
		if !ok {
			continue
		}
		found++
		ref := fmt.Sprintf("B%d", i+1)
		if r[1] != w {
			t.Errorf("%s = %q, want %q", ref, r[1], w)
		}
		typ, err := f.GetCellType(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
			t.Errorf("%s has type %v, want text", ref, typ)
		}
		if fm, _ := f.GetCellFormula(sheet, ref); fm != "" {
			t.Errorf("%s holds formula %q", ref, fm)
		}
	}
	if found != len(want) {
		t.Errorf("found %d of %d formula-like cells", found, len(want))
	}
	for _, c := range cases() {
		data := renderBytes(t, c.Doc)
		if bytes.Contains(data, []byte("<f>")) {
			t.Errorf("%s: workbook has a formula element", c.Name)
		}
	}
}

func TestSheetNames(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"plain", []string{"Amey", "Safeguarding"}, []string{"Amey", "Safeguarding"}},
		{"forbidden characters", []string{"a/b\\c:d[e]f*g?h"}, []string{"a-b-c-d(e)fgh"}},
		{"apostrophe", []string{"Council's plan"}, []string{"Council’s plan"}},
		{"too long", []string{strings.Repeat("x", 40)}, []string{strings.Repeat("x", 31)}},
		{"empty and reserved", []string{"", "  ", "history"}, []string{"Sheet 1", "Sheet 2", "Sheet 3"}},
		{"duplicates ignore case", []string{"Plan", "plan", "PLAN"}, []string{"Plan", "plan (2)", "PLAN (3)"}},
		{"long duplicate", []string{strings.Repeat("y", 31), strings.Repeat("y", 31)}, []string{strings.Repeat("y", 31), strings.Repeat("y", 27) + " (2)"}},
		{"emoji counts twice", []string{strings.Repeat("😀", 20)}, []string{strings.Repeat("😀", 15)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sheetNames(tc.in)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("sheetNames(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestRunning(t *testing.T) {
	tests := []struct {
		name string
		in   report.Running
		want string
	}{
		{"page of pages", report.Running{Centre: "Page {page} of {pages}"}, "&CPage &P of &N"},
		{"ampersand", report.Running{Left: "R&D", Right: "x"}, "&LR&&D&Rx"},
		{"empty", report.Running{}, ""},
		{"newline", report.Running{Left: "a\nb"}, "&La b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := running(tc.in); got != tc.want {
				t.Errorf("running(%+v) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	if got := running(report.Running{Left: strings.Repeat("&", 300)}); utf16Len(got) > maxRunning {
		t.Errorf("long running header has %d units, want at most %d", utf16Len(got), maxRunning)
	}
}

func TestLineCount(t *testing.T) {
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		text  report.Text
		width float64
		want  int
	}{
		{"empty", report.Text{}, 100, 1},
		{"short", report.Plain("Action 1"), 100, 1},
		{"two source lines", report.Plain("a\nb"), 100, 2},
		{"blank line between", report.Plain("a\n\nb"), 100, 3},
		// 20 words of 5 chars at 10pt: 27pt each, 30pt with its space, so
		// three to a 100pt line (less a safety margin).
		{"wraps", report.Plain(strings.Repeat("abcde ", 20)), 100, 7},
		{"long word breaks", report.Plain(strings.Repeat("m", 60)), 100, 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := m.lineCount(tc.text, 10, tc.width, false); got != tc.want {
				t.Errorf("lineCount = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestRowHeights checks the height invariants on every case: no row is
// taller than Excel allows, and each tall row of the tall-row case is split
// into physical rows that are merged.
func TestRowHeights(t *testing.T) {
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			data := renderBytes(t, c.Doc)
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = f.Close() }()
			for _, sh := range f.GetSheetList() {
				rows, err := f.GetRows(sh)
				if err != nil {
					t.Fatal(err)
				}
				for i := range rows {
					h, err := f.GetRowHeight(sh, i+1)
					if err != nil {
						t.Fatal(err)
					}
					if h > maxRowHeight {
						t.Errorf("%s row %d height %g > %g", sh, i+1, h, maxRowHeight)
					}
				}
			}
		})
	}
	// The tall row's text is cut into pieces, one per physical row, each
	// fitting its row; together they hold every word in order; the row's
	// other cells are merged down over all the pieces.
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	doc := reporttest.TallRow()
	r := &renderer{doc: doc, m: m}
	r.setSizes()
	r.st = newStyles(excelize.NewFile(), "")
	s, err := r.layout(doc.Sections[0], "Tall")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	pieces := 0
	for ri, rw := range s.rows {
		if len(rw.cells) < 2 || !rw.cells[1].set {
			continue
		}
		text, ok := rw.cells[1].value.(string)
		if !ok || text == "" || text == "Column 2" {
			continue
		}
		got = append(got, strings.Fields(text)...)
		if strings.HasPrefix(text, "word") {
			pieces++
			if need := m.textHeight(report.Plain(text), r.table, r.points(s, 2, 2), false); need > rw.height {
				t.Errorf("row %d is %g pt, its piece needs %g pt", ri+1, rw.height, need)
			}
		}
	}
	var want []string
	for _, row := range doc.Sections[0].Blocks[0].(*report.Table).Groups[0].Rows {
		want = append(want, strings.Fields(row.Cells[1].Text.String())...)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("split text lost or reordered words: got %d words, want %d", len(got), len(want))
	}
	if pieces < 2 {
		t.Errorf("tall text in %d pieces, want several", pieces)
	}
	merged := false
	for _, mg := range s.merges {
		if mg[0] == 1 && int(mg[3]-mg[1])+1 == pieces {
			merged = true
		}
	}
	if !merged {
		t.Errorf("no column A cell merged over the %d pieces: %v", pieces, s.merges)
	}
}

// BenchmarkRender renders tables of wrapped text with bands and spanning
// cells: one sheet of 2,000 or 10,000 rows, or 50 sheets of 200 rows as
// the 10,000-action sample's Appendix B has.
func BenchmarkRender(b *testing.B) {
	for _, bc := range []struct {
		name   string
		rows   int
		rich   bool
		sheets int
	}{
		{"rich-2000", 2000, true, 1},
		{"plain-2000", 2000, false, 1},
		{"plain-10000", 10000, false, 1},
		{"rich-50x200", 200, true, 50},
	} {
		b.Run(bc.name, func(b *testing.B) {
			doc := benchDoc(bc.rows, bc.rich)
			for i := 1; i < bc.sheets; i++ {
				sec := doc.Sections[0]
				sec.Name = fmt.Sprintf("Issue %d", i+1)
				doc.Sections = append(doc.Sections, sec)
			}
			b.ReportAllocs()
			for b.Loop() {
				var buf bytes.Buffer
				if _, err := Render(&buf, doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchDoc is one table of rows actions in groups of 50 under bands, with
// a recommendation spanning every five rows; rich puts bold and italic
// runs into three cells of each row.
func benchDoc(rows int, rich bool) *report.Document {
	d := reporttest.Base("Benchmark")
	cols := []report.Column{
		{Title: "Recommendation", Width: 3}, {Title: "Ref", Width: 1}, {Title: "Action", Width: 5},
		{Title: "Lead", Width: 2}, {Title: "Target", Width: 1.5}, {Title: "Status", Width: 1.5, Status: true},
		{Title: "Progress", Width: 6},
	}
	var groups []report.Group
	for g := 0; g*50 < rows; g++ {
		grp := report.Group{Band: report.Bold(fmt.Sprintf("Strategic Outcome %d", g+1))}
		for i := 0; i < 50 && g*50+i < rows; i++ {
			n := g*50 + i
			bold, italic := "**", "*"
			if !rich {
				bold, italic = "", ""
			}
			row := reporttest.Row("", fmt.Sprintf("%d(%d)", g+1, i+1),
				"Review the "+bold+"governance"+bold+" arrangements. "+reporttest.Words(20+n%30),
				"Director of Finance", "31/03/2018", "ON TARGET",
				italic+"Update:"+italic+" "+reporttest.Words(30+n%50))
			if i%5 == 0 {
				row.Cells[0] = report.Cell{Text: report.Markup(fmt.Sprintf("%sR%d%s ", bold, n/5+1, bold) + reporttest.Words(25)), Span: 5}
			} else {
				row.Cells[0] = report.Cell{Covered: true}
			}
			row.Cells[5].Fill = "#DDEBF7"
			grp.Rows = append(grp.Rows, row)
		}
		groups = append(groups, grp)
	}
	d.Sections = []report.Section{{Name: "Actions", Blocks: []report.Block{
		&report.Heading{Level: 1, Text: report.Plain("Benchmark")},
		&report.Table{Name: "Actions", Columns: cols, Groups: groups},
	}}}
	return d
}

// TestEdgeDocuments renders malformed or extreme documents: each must
// render without error and read back.
func TestEdgeDocuments(t *testing.T) {
	huge := report.Text{Lines: []report.Line{{Runs: []report.Run{
		{Text: "bold ", Bold: true}, {Text: strings.Repeat("x", 40000)},
	}}}}
	tests := []struct {
		name   string
		blocks []report.Block
	}{
		{"no blocks", nil},
		{"table without columns", []report.Block{&report.Table{Empty: "Nothing."}}},
		{"odd widths and short rows", []report.Block{&report.Table{
			Columns: []report.Column{{Title: "a", Width: math.NaN()}, {Title: "b", Width: -1}, {Title: "c", Width: math.Inf(1)}},
			Groups: []report.Group{{Rows: []report.Row{
				{Cells: []report.Cell{{Text: report.Plain("only one")}}},
				{Cells: []report.Cell{{Covered: true}, {Text: report.Plain("x")}, {Text: report.Plain("y")}, {Text: report.Plain("extra")}}},
			}}},
		}}},
		{"span past the group end", []report.Block{&report.Table{
			Columns: reporttest.Columns(2, false),
			Groups:  []report.Group{{Rows: []report.Row{{Cells: []report.Cell{{Text: report.Plain("s"), Span: 9}, {}}}}}},
		}}},
		{"huge rich spanning cell", []report.Block{&report.Table{
			Columns: reporttest.Columns(2, true),
			Groups: []report.Group{{Rows: []report.Row{
				{Cells: []report.Cell{{Text: huge, Span: 2}, {Text: report.Plain("ONGOING")}}},
				{Cells: []report.Cell{{Covered: true}, {Text: report.Plain("COMPLETE")}}},
			}}},
		}}},
		{"long paragraph", []report.Block{&report.Paragraph{Text: report.Markup(reporttest.Words(6000))}}},
		{"nil blocks", []report.Block{(*report.Table)(nil), (*report.Heading)(nil)}},
		{"empty chart", []report.Block{&report.Chart{Title: "No data"}}},
		{"heading levels out of range", []report.Block{&report.Heading{Level: 0, Text: report.Plain("zero")}, &report.Heading{Level: 9, Text: report.Plain("nine")}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := reporttest.Base("Edge")
			d.Style = report.Style{} // every size and colour defaulted
			d.Sections = []report.Section{{Name: tc.name, Blocks: tc.blocks}}
			data := renderBytes(t, d)
			dump := dumpWorkbook(t, data)
			if !strings.Contains(dump, "sheet ") {
				t.Errorf("no sheet in the workbook:\n%s", dump)
			}
		})
	}
	t.Run("no sections", func(t *testing.T) {
		d := reporttest.Base("No sections")
		if info, err := Render(io.Discard, d); err != nil || info.Sheets != 1 {
			t.Errorf("Render = %+v, %v; want 1 sheet, no error", info, err)
		}
	})
	t.Run("nil document", func(t *testing.T) {
		if _, err := Render(io.Discard, nil); err == nil {
			t.Error("Render(nil) gave no error")
		}
	})
}

// TestGridFitsPage checks that the column grid fits the printable width at
// 100 % in LibreOffice (about 6.1 pt per column unit), so that fit-to-width
// never makes LibreOffice search for a scale (which made PDF conversion
// several times slower), and that it still fills most of the width.
func TestGridFitsPage(t *testing.T) {
	const libreOfficeUnit = 6.1 // points per column unit, Liberation Sans 11
	tests := []struct {
		name string
		page report.Page
	}{
		{"A4 landscape", report.Page{Size: "A4", Landscape: true, Margins: report.Margins{Left: 12, Right: 12, Top: 14, Bottom: 14}}},
		{"A4 portrait", report.Page{Size: "A4", Margins: report.Margins{Left: 20, Right: 20, Top: 20, Bottom: 20}}},
		{"A3 landscape", report.Page{Size: "A3", Landscape: true}},
		{"Letter portrait", report.Page{Size: "Letter", Margins: report.Margins{Left: 25.4, Right: 25.4}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := benchDoc(3, false)
			doc.Page = tc.page
			f, err := excelize.OpenReader(bytes.NewReader(renderBytes(t, doc)))
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			defer func() { _ = f.Close() }()
			cols, err := f.GetCols("Actions")
			if err != nil {
				t.Fatalf("GetCols: %v", err)
			}
			sum := 0.0
			for i := range cols {
				name, _ := excelize.ColumnNumberToName(i + 1)
				w, err := f.GetColWidth("Actions", name)
				if err != nil {
					t.Fatalf("GetColWidth %s: %v", name, err)
				}
				sum += w
			}
			printable := printableWidth(tc.page) / 25.4 * 72
			if got := sum * libreOfficeUnit; got > printable {
				t.Errorf("grid is %.1f pt wide in LibreOffice, page allows %.1f pt", got, printable)
			}
			if got := sum * unitPoints; got < 0.95*printable {
				t.Errorf("grid is %.1f pt wide in Excel, under 95%% of the %.1f pt page", got, printable)
			}
		})
	}
}
