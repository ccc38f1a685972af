package pdf

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// cases returns the shared documents plus this package's own: a chart,
// stacked fields with a status key, and odd page setups.
func cases() []reporttest.Case {
	return append(reporttest.Cases(),
		reporttest.Case{Name: "chart", Doc: chartDoc()},
		reporttest.Case{Name: "fields-key", Doc: fieldsDoc()},
		reporttest.Case{Name: "letter-portrait", Doc: letterDoc()},
		reporttest.Case{Name: "no-sections", Doc: reporttest.Base("Nothing")},
		reporttest.Case{Name: "spans-mixed", Doc: spansDoc()},
	)
}

// spansDoc has spans of one to four rows whose text is sometimes taller
// than the rows they cover, in two groups, so that spans meet page breaks
// in every way.
func spansDoc() *report.Document {
	d := reporttest.Base("Spans")
	var groups []report.Group
	for gi := 0; gi < 2; gi++ {
		var rows []report.Row
		for i := 0; len(rows) < 24; i++ {
			k := i%4 + 1
			for j := 0; j < k; j++ {
				r := reporttest.Row("", fmt.Sprintf("R%d.%d.%d %s", gi, i, j, reporttest.Words(5+(i*7+j*11)%45)), "ONGOING")
				if j == 0 {
					r.Cells[0] = report.Cell{Text: report.Markup(fmt.Sprintf("**S%d.%d** %s", gi, i, reporttest.Words(10+(i*13)%90))), Span: k, Fill: "#FFF2CC"}
				} else {
					r.Cells[0] = report.Cell{Covered: true}
				}
				rows = append(rows, r)
			}
		}
		groups = append(groups, report.Group{Band: report.Bold(fmt.Sprintf("Outcome %d", gi+1)), Rows: rows})
	}
	d.Sections = []report.Section{{Name: "Spans", Blocks: []report.Block{
		&report.Table{Columns: reporttest.Columns(3, true), Groups: groups},
	}}}
	return d
}

func chartDoc() *report.Document {
	d := reporttest.Base("Chart")
	var cats []string
	var a, b, c []float64
	for i := 1; i <= 30; i++ {
		cats = append(cats, fmt.Sprintf("Governance issue %d", i))
		a = append(a, float64(i%4))
		b = append(b, float64(i%3+1))
		c = append(c, float64(i%5))
	}
	d.Sections = []report.Section{{Name: "Chart", Blocks: []report.Block{
		&report.Heading{Level: 2, Text: report.Plain("Progress by issue"), Bookmark: "Progress"},
		&report.Chart{Title: "Actions by status", Categories: cats[:4], Series: []report.Series{
			{Name: "COMPLETE", Colour: "#C6EFCE", Values: a[:4]},
			{Name: "ON TARGET", Colour: "#1F3864", Values: b[:4]},
			{Name: "ONGOING", Values: []float64{1, math.NaN(), -2}},
		}},
		&report.Chart{Title: "Many issues", Categories: cats, Series: []report.Series{
			{Name: "COMPLETE", Colour: "#C6EFCE", Values: a},
			{Name: "ON TARGET", Colour: "#DDEBF7", Values: b},
			{Name: "ONGOING", Colour: "#FFF2CC", Values: c},
		}},
		&report.Chart{Title: "Nothing yet"},
	}}}
	return d
}

func fieldsDoc() *report.Document {
	d := reporttest.Base("Fields and key")
	d.Header = report.Running{Left: "Appendix 1 (A)", Centre: "Draft", Right: "{page}/{pages}"}
	d.Sections = []report.Section{
		{Name: "First", Blocks: []report.Block{
			&report.Heading{Level: 1, Text: report.Plain("Governance Issue – Leadership"), Bookmark: "Leadership"},
			&report.Fields{Items: []report.Field{
				{Label: "Description", Value: report.Markup(reporttest.Words(120))},
				{Label: "Overall prospect", Stacked: true, Value: report.Markup("**Summary outcome**\n" + reporttest.Words(70) + "\n\n• first point\n• second point, " + reporttest.Words(40))},
				{Label: "Lead Manager:", Value: report.Plain("Corporate Director")},
				{Label: "Bullets first", Value: report.Markup("- one\n- two")},
			}},
			&report.Paragraph{Text: report.Markup("A *small* note."), Small: true},
			&report.StatusKey{Title: "Key to status"},
		}},
		{Name: "Second", Blocks: []report.Block{
			&report.Heading{Level: 3, Text: report.Plain("A level three heading"), Bookmark: "Deep"},
			&report.Heading{Level: 2, Text: report.Plain("Then level two"), Bookmark: "Two"},
			&report.Paragraph{Text: report.Markup(reporttest.Words(30))},
		}},
	}
	return d
}

func letterDoc() *report.Document {
	d := reporttest.Base("Letter")
	d.Page = report.Page{Size: "Letter"}
	d.Style = report.Style{} // defaults everywhere
	long := strings.Repeat("Unbreakable", 20)
	rows := []report.Row{reporttest.Row("", long, "x", "y")}
	rows[0].Cells[0] = report.Cell{Text: report.Plain(reporttest.Words(900)), Span: 3}
	for i := 0; i < 2; i++ {
		r := reporttest.Row("", fmt.Sprintf("row %d", i+2), "x", "y")
		r.Cells[0] = report.Cell{Covered: true}
		rows = append(rows, r)
	}
	stray := reporttest.Row("", "stray covered cell", "", "")
	stray.Cells[0] = report.Cell{Covered: true}
	short := reporttest.Row("", "short row", "x")
	d.Sections = []report.Section{{Name: "Letter", Blocks: []report.Block{
		&report.Heading{Level: 9, Text: report.Plain("Heading kept with the table")},
		&report.Table{Columns: []report.Column{{Title: "Recommendation", Width: 2}, {Title: "Action", Width: 3}, {Title: "Lead", Width: -1, Align: report.Right}, {Title: "Status", Align: report.Centre}},
			Groups: []report.Group{{Band: report.Bold("Oversized span"), Rows: rows}, {Rows: []report.Row{stray, short}}}},
	}}}
	return d
}

func metrics(t testing.TB) Metrics {
	t.Helper()
	m, err := fontMetrics()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestLayoutGolden(t *testing.T) {
	m := metrics(t)
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			l, err := LayoutDocument(c.Doc, m)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", c.Name+".layout"), l.Dump())
			checkLayout(t, c.Doc, l, m, true)
		})
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run go test -update if the change is intended)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs in length: got %d lines, want %d", path, len(gl), len(wl))
	}
}

// checkLayout asserts what must hold for every document.
// When header is set, every page after a section's first must start with
// the table's header row.
func checkLayout(t *testing.T, doc *report.Document, l *Layout, m Metrics, header bool) {
	t.Helper()
	const tol = 0.01
	g := l.Geometry
	for pi, p := range l.Pages {
		for _, b := range p.Boxes {
			x0, y0, x1, y1 := math.Min(b.X, b.X+b.W), math.Min(b.Y, b.Y+b.H), math.Max(b.X, b.X+b.W), math.Max(b.Y, b.Y+b.H)
			if b.Running {
				if x0 < -tol || x1 > g.Width+tol || y0 < -tol || y1 > g.Height+tol || (y1 > g.BodyTop()+tol && y0 < g.BodyBottom()-tol) {
					t.Errorf("page %d: running box %+v is not in a margin", pi+1, b)
				}
				continue
			}
			if x0 < g.BodyLeft()-tol || x1 > g.BodyRight()+tol || y0 < g.BodyTop()-tol || y1 > g.BodyBottom()+tol {
				t.Errorf("page %d: box outside the body: %s %q at %.2f,%.2f %.2fx%.2f", pi+1, b.Kind, b.Text, b.X, b.Y, b.W, b.H)
			}
		}
		// No two text boxes, and no two fills, overlap.
		for _, kind := range []Kind{TextBox, FillBox} {
			var bs []Box
			for _, b := range p.Boxes {
				if b.Kind == kind {
					bs = append(bs, b)
				}
			}
			for i := range bs {
				for j := i + 1; j < len(bs); j++ {
					a, b := bs[i], bs[j]
					if a.X+tol < b.X+b.W && b.X+tol < a.X+a.W && a.Y+tol < b.Y+b.H && b.Y+tol < a.Y+a.H {
						t.Errorf("page %d: %s boxes overlap: %q at %.2f,%.2f and %q at %.2f,%.2f", pi+1, kind, a.Text, a.X, a.Y, b.Text, b.X, b.Y)
					}
				}
			}
		}
		// Every table on a page after a section's first starts with its
		// header row at the top of the body.
		if pi > 0 && len(p.Marks) == 0 || pi > 0 && p.Marks[0].Level > 0 {
			if top, ok := topText(p); ok && header && hasTable(doc) && !strings.HasPrefix(top.Text, headerTitle(doc)) {
				t.Errorf("page %d starts with %q, want the table header %q", pi+1, top.Text, headerTitle(doc))
			}
		}
	}
	// All the input's words are drawn, and nothing else but what the
	// layout adds (running lines, bullets, "(continued)", chart numbers).
	want := docWords(doc, m)
	got := map[string]int{}
	for _, p := range l.Pages {
		for _, b := range p.Boxes {
			if b.Kind == TextBox && !b.Running {
				for _, w := range strings.Fields(b.Text) {
					got[w]++
				}
			}
		}
	}
	// A word too wide for its cell is broken over lines: look for it in
	// the text of the layout joined up.
	var joined strings.Builder
	for _, p := range l.Pages {
		for _, b := range p.Boxes {
			if b.Kind == TextBox && !b.Running {
				joined.WriteString(strings.ReplaceAll(b.Text, " ", ""))
			}
		}
	}
	all := joined.String()
	for w, n := range want {
		if got[w] < n && !strings.Contains(all, w) {
			t.Errorf("word %q drawn %d times, want at least %d", w, got[w], n)
		}
	}
	for w := range got {
		if want[w] == 0 && !added(w) && !partOfWord(w, want) {
			t.Errorf("word %q drawn but not in the document", w)
		}
	}
	// Outline levels never jump.
	last := -1
	for _, p := range l.Pages {
		for _, mk := range p.Marks {
			if mk.Level > last+1 || mk.Level < 0 {
				t.Errorf("outline %q at level %d after level %d", mk.Title, mk.Level, last)
			}
			last = mk.Level
		}
	}
}

func added(w string) bool {
	if w == "(continued)" || w == bulletText || w == "-" {
		return true
	}
	_, err := fmt.Sscan(w, new(float64))
	return err == nil
}

func partOfWord(part string, words map[string]int) bool {
	for w := range words {
		if strings.Contains(w, part) {
			return true
		}
	}
	return false
}

func topText(p Page) (Box, bool) {
	var top Box
	ok := false
	for _, b := range p.Boxes {
		if b.Kind == TextBox && !b.Running && (!ok || b.Y < top.Y-0.01 || (math.Abs(b.Y-top.Y) < 0.01 && b.X < top.X)) {
			top, ok = b, true
		}
	}
	return top, ok
}

func hasTable(doc *report.Document) bool { return headerTitle(doc) != "" }

// headerTitle is the first column title of the document's first table.
func headerTitle(doc *report.Document) string {
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			if t, ok := b.(*report.Table); ok && len(t.Columns) > 0 {
				return strings.Fields(t.Columns[0].Title + " ?")[0]
			}
		}
	}
	return ""
}

// docWords counts the words of every text in doc, cleaned as the layout
// cleans them.
func docWords(doc *report.Document, m Metrics) map[string]int {
	words := map[string]int{}
	addString := func(s string, bold bool) {
		for _, w := range strings.Fields(cleanText(s, faceOf(bold, false), m)) {
			words[w]++
		}
	}
	addText := func(t report.Text, bold bool) {
		for _, l := range t.Lines {
			for _, r := range l.Runs {
				addString(r.Text, bold || r.Bold)
			}
		}
	}
	addTable := func(x *report.Table) {
		for _, c := range x.Columns {
			addString(c.Title, true)
		}
		if x.Rows() == 0 {
			addString(x.Empty, false)
		}
		for _, g := range x.Groups {
			addText(g.Band, true)
			for _, r := range g.Rows {
				for _, c := range r.Cells {
					addText(c.Text, false)
				}
			}
		}
	}
	for _, s := range doc.Sections {
		for _, bl := range s.Blocks {
			switch x := bl.(type) {
			case *report.Heading:
				addText(x.Text, true)
			case *report.Paragraph:
				addText(x.Text, false)
			case *report.Fields:
				for _, f := range x.Items {
					label := strings.TrimSpace(f.Label)
					if label != "" && !strings.HasSuffix(label, ":") {
						label += ":"
					}
					addString(label, true)
					addText(f.Value, false)
				}
			case *report.Table:
				addTable(x)
			case *report.Chart:
				addString(x.Title, true)
				for _, c := range x.Categories {
					addString(c, false)
				}
				for _, s := range x.Series {
					addString(s.Name, false)
				}
				if len(x.Categories) > 0 {
					data := x.DataTable()
					addString(data.Name, false)
					addTable(data)
				}
			case *report.StatusKey:
				addString(x.Title, true)
				for _, st := range doc.Statuses {
					addString(st.Name, false)
					if st.Closed {
						addString("(closed)", false)
					}
				}
			}
		}
	}
	return words
}

// pagesWith lists the pages (from 1) with a text box starting with prefix.
func pagesWith(l *Layout, prefix string) []int {
	var out []int
	for i, p := range l.Pages {
		for _, b := range p.Boxes {
			if b.Kind == TextBox && strings.HasPrefix(b.Text, prefix) {
				out = append(out, i+1)
				break
			}
		}
	}
	return out
}

func TestContinuedBandsAndSpans(t *testing.T) {
	m := metrics(t)
	tests := []struct {
		name     string
		doc      *report.Document
		rows     string // prefix of the rows' text under the band or span
		band     string // band text, "" for none
		span     string // prefix of the spanning text, "" for none
		minPages int
	}{
		{"long group", reporttest.LongGroup(), "1(", "Strategic Outcome 1", "", 3},
		{"span across break", reporttest.SpanAcrossBreak(), "4(", "Strategic Outcome 1", "Performance", 2},
		{"tall row", reporttest.TallRow(), "word", "", "", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := LayoutDocument(tc.doc, m)
			if err != nil {
				t.Fatal(err)
			}
			rowPages := pagesWith(l, tc.rows)
			if len(rowPages) < tc.minPages {
				t.Fatalf("rows on pages %v, want at least %d pages", rowPages, tc.minPages)
			}
			cont := pagesWith(l, "(continued)")
			for _, p := range rowPages {
				if tc.band != "" && p != rowPages[0] && !contains(cont, p) {
					t.Errorf("page %d continues the group without a (continued) band", p)
				}
				if tc.span != "" && !contains(pagesWith(l, tc.span), p) {
					t.Errorf("page %d holds rows of the span without its text", p)
				}
				if top, _ := topText(l.Pages[p-1]); top.Text != "Column 1" {
					t.Errorf("page %d starts with %q, not the header row", p, top.Text)
				}
			}
			if tc.band == "" && len(cont) > 0 {
				t.Errorf("(continued) on pages %v of a table without bands", cont)
			}
		})
	}
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func TestLayoutErrors(t *testing.T) {
	m := metrics(t)
	tests := []struct {
		name string
		page report.Page
	}{
		{"unknown size", report.Page{Size: "B5"}},
		{"margins too wide", report.Page{Margins: report.Margins{Left: 100, Right: 100}}},
		{"negative margin", report.Page{Margins: report.Margins{Top: -5}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := reporttest.OneRow()
			d.Page = tc.page
			if _, err := LayoutDocument(d, m); err == nil {
				t.Fatal("no error")
			}
		})
	}
	if _, err := LayoutDocument(nil, m); err == nil {
		t.Error("nil document: no error")
	}
}

func TestPageSizes(t *testing.T) {
	m := metrics(t)
	tests := []struct {
		page   report.Page
		w, h   float64
		margin float64
	}{
		{report.Page{}, 210, 297, defaultMargin},
		{report.Page{Size: "a3", Landscape: true}, 420, 297, defaultMargin},
		{report.Page{Size: "Letter", Margins: report.Margins{Top: 10, Right: 10, Bottom: 10, Left: 10}}, 215.9, 279.4, 10},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s landscape=%v", tc.page.Size, tc.page.Landscape), func(t *testing.T) {
			d := reporttest.OneRow()
			d.Page = tc.page
			l, err := LayoutDocument(d, m)
			if err != nil {
				t.Fatal(err)
			}
			if l.Width != tc.w || l.Height != tc.h || l.Left != tc.margin || l.Top != tc.margin {
				t.Errorf("got %gx%g margins %g/%g, want %gx%g margin %g", l.Width, l.Height, l.Left, l.Top, tc.w, tc.h, tc.margin)
			}
		})
	}
}

// TestSpansReprinted checks, in a document with many spans, that every page
// holding a row under a span also holds the span's text, and that no span
// text runs past the foot of its rows (which the overlap check in
// TestLayoutGolden would also catch).
func TestSpansReprinted(t *testing.T) {
	m := metrics(t)
	doc := spansDoc()
	l, err := LayoutDocument(doc, m)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for gi := 0; gi < 2; gi++ {
		for i := 0; ; i++ {
			rowPages := pagesWith(l, fmt.Sprintf("R%d.%d.", gi, i))
			if len(rowPages) == 0 {
				break
			}
			spanPages := pagesWith(l, fmt.Sprintf("S%d.%d", gi, i))
			for _, p := range rowPages {
				if !contains(spanPages, p) {
					t.Errorf("page %d holds rows of span S%d.%d but not its text", p, gi, i)
				}
			}
			if len(rowPages) > 1 {
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no span crossed a page break; the test document no longer tests anything")
	}
}

// TestHostileTables lays out tables no template would make — a band longer
// than a page, a header row too tall to repeat — and checks that nothing
// leaves the body and no text is lost, in a sensible number of pages.
func TestHostileTables(t *testing.T) {
	m := metrics(t)
	long := strings.Repeat("band line\n\n", 150)
	cols := reporttest.Columns(3, true)
	cols[0].Title = strings.Repeat("Title\n", 12)
	rows := []report.Row{reporttest.Row("1", strings.Repeat("\n\n• x", 400), "x"), reporttest.Row("2", "y", "z")}
	tests := []struct {
		name     string
		table    *report.Table
		maxPages int
		header   bool // the header row repeats
	}{
		{"band longer than a page", &report.Table{Columns: reporttest.Columns(3, true), Groups: []report.Group{{Band: report.Plain(long), Rows: rows}}}, 20, true},
		{"header too tall to repeat", &report.Table{Columns: cols, Groups: []report.Group{{Band: report.Plain("band"), Rows: rows}}}, 20, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := reporttest.Base("Hostile")
			d.Sections = []report.Section{{Name: "Hostile", Blocks: []report.Block{tc.table}}}
			l, err := LayoutDocument(d, m)
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Pages) > tc.maxPages {
				t.Errorf("%d pages, want at most %d", len(l.Pages), tc.maxPages)
			}
			checkLayout(t, d, l, m, tc.header)
		})
	}
}

// TestBandKeptWithFirstRow lays out many groups whose first rows are tall
// enough that some band falls near the foot of a page: each band must be
// on the page where its first row starts, never left alone at a foot.
func TestBandKeptWithFirstRow(t *testing.T) {
	d := reporttest.Base("Bands")
	var groups []report.Group
	for i := 1; i <= 30; i++ {
		groups = append(groups, report.Group{
			Band: report.Bold(fmt.Sprintf("Theme%d band", i)),
			Rows: []report.Row{reporttest.Row(fmt.Sprintf("Start%d", i), reporttest.Words(40+i*7%50), "ONGOING")},
		})
	}
	d.Sections = []report.Section{{Name: "Bands", Blocks: []report.Block{
		&report.Table{Name: "T", Columns: reporttest.Columns(3, true), Groups: groups},
	}}}
	l, err := LayoutDocument(d, metrics(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Pages) < 3 {
		t.Fatalf("the test needs several pages, got %d", len(l.Pages))
	}
	for i := 1; i <= 30; i++ {
		band, row := pagesWith(l, fmt.Sprintf("Theme%d ", i)), pagesWith(l, fmt.Sprintf("Start%d", i))
		if len(band) == 0 || len(row) == 0 || band[0] != row[0] {
			t.Errorf("group %d: band on pages %v, first row starts on %v", i, band, row)
		}
	}
}

// TestIntroductionKeptWithTable lays out sections of a heading, a
// one-line introduction and a table after paragraphs of growing length, so
// that heading and introduction fall at every height of a page, the foot
// included: the heading, its introduction and the table's first row must
// always start on one page, and a long introduction is never held back.
func TestIntroductionKeptWithTable(t *testing.T) {
	d := reporttest.Base("Lead-ins")
	var blocks []report.Block
	for i := 1; i <= 40; i++ {
		blocks = append(blocks,
			&report.Paragraph{Text: report.Plain(reporttest.Words(20 + i*13%90))},
			&report.Heading{Level: 2, Text: report.Plain(fmt.Sprintf("Heading%d", i))},
			&report.Paragraph{Text: report.Plain(fmt.Sprintf("Intro%d actions whose target has passed.", i)), Small: true},
			&report.Table{Name: "T", Columns: reporttest.Columns(3, true), Groups: []report.Group{{
				Rows: []report.Row{reporttest.Row(fmt.Sprintf("First%d", i), reporttest.Words(30), "ONGOING")},
			}}},
		)
	}
	d.Sections = []report.Section{{Name: "Lead-ins", Blocks: blocks}}
	l, err := LayoutDocument(d, metrics(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Pages) < 4 {
		t.Fatalf("the test needs several pages, got %d", len(l.Pages))
	}
	moved := 0
	for i := 1; i <= 40; i++ {
		h, in, row := pagesWith(l, fmt.Sprintf("Heading%d", i)), pagesWith(l, fmt.Sprintf("Intro%d", i)), pagesWith(l, fmt.Sprintf("First%d", i))
		if len(h) == 0 || len(in) == 0 || len(row) == 0 || h[0] != in[0] || in[0] != row[0] {
			t.Errorf("section %d: heading on pages %v, introduction on %v, first row on %v", i, h, in, row)
		}
		if p := pagesWith(l, fmt.Sprintf("Heading%d", i)); len(p) > 0 && p[0] > 0 {
			prev := pagesWith(l, fmt.Sprintf("First%d", i-1))
			if len(prev) > 0 && prev[len(prev)-1] < p[0] {
				moved++
			}
		}
	}
	if moved == 0 {
		t.Error("no section started on a new page: the test does not reach a page foot")
	}
}

// TestTableRowsReleased checks that a long table keeps the wrapped text of
// only the rows near the page being laid out: each page's finished rows
// are released before the next is filled.
func TestTableRowsReleased(t *testing.T) {
	doc := benchDoc(600)
	tbl := doc.Sections[0].Blocks[0].(*report.Table)
	g, _, err := geometry(doc.Page)
	if err != nil {
		t.Fatal(err)
	}
	var f *flow
	pages, most := 0, 0
	f = &flow{m: metrics(t), g: g, st: resolveStyle(doc.Style), doc: doc, lastMark: -1, emit: func(*Page, []Elem) {
		pages++
		tt := f.tables[tbl]
		if tt == nil {
			t.Fatal("the table is not being laid out")
		}
		live := 0
		for _, r := range tt.groups[0].rows {
			if r.cells != nil {
				live++
			}
		}
		most = max(most, live)
	}}
	f.elems = []Elem{{Role: roleDocument, Parent: -1}}
	f.newPage()
	f.sect = f.elem(roleSect, 0)
	f.table(tbl)
	if pages < 50 {
		t.Fatalf("%d pages finished, want a long table", pages)
	}
	// A page of this table holds a few rows; the rows held at a page
	// break are that page's and the one moving to the next.
	if most > 8 {
		t.Errorf("%d rows' text held at once, want no more than a page's", most)
	}
	if f.err != nil {
		t.Fatal(f.err)
	}
}
