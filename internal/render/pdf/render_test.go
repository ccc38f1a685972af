package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/report/reporttest"
	"github.com/agsreport/agsreport/internal/testutil"
)

func renderBytes(t testing.TB, doc *report.Document) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	info, err := Render(&buf, doc)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("output does not start with %%PDF-: %q", buf.Bytes()[:min(buf.Len(), 16)])
	}
	return buf.Bytes(), info.Pages
}

func TestRenderIsDeterministic(t *testing.T) {
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			a, pa := renderBytes(t, c.Doc)
			b, pb := renderBytes(t, c.Doc)
			if !bytes.Equal(a, b) || pa != pb {
				t.Fatalf("two renders differ (%d and %d bytes)", len(a), len(b))
			}
		})
	}
}

// TestRenderText reads each rendered paper back with pdftotext and checks
// the words a reader would look for.
func TestRenderText(t *testing.T) {
	pdftotext := testutil.NeedTool(t, "pdftotext")
	dir := t.TempDir()
	tests := map[string][]string{
		"one-row":           {"Governance Issue – One row", "Description:", "Column 1", "ON TARGET", "improvement plan", "COMPLETE (closed)", "Page 1 of 1"},
		"empty-table":       {"Nothing to report", "Column 2", "No actions.", "Page 1 of 1"},
		"tall-row":          {"Before the tall row.", "word2500", "After the tall row.", "Page 2 of", "Status"},
		"long-group":        {"Strategic Outcome 1: a group that runs over three pages (continued)", "Strategic Outcome 2: a short group", "Page 3 of"},
		"span-across-break": {"Performance and risk management", "Strategic Outcome 1 (continued)", "Page 2 of"},
		"unicode":           {"Gŵyl ŷd “quoted” £1,000", "Ŵ", "ŵ", "Ŷ", "ŷ", "€", "emoji ? and ? marks", "• a bullet line"},
		"formula-text":      {"=1+1", "+44 1228 606060", "-SUM(A1:A2)", "@risk register"},
		"chart":             {"Actions by status", "Governance issue 30", "Many issues (continued)", "ON TARGET"},
		"fields-key":        {"Appendix 1 (A)", "1/2", "2/2", "Summary outcome", "Lead Manager: Corporate Director"},
		"letter-portrait":   {"Heading kept with the table", "Oversized span", "stray covered cell"},
		"no-sections":       {"Page 1 of 1"},
		"spans-mixed":       {"Outcome 1 (continued)", "Outcome 2", "S1.0", "Page 2 of"},
	}
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			data, pages := renderBytes(t, c.Doc)
			path := filepath.Join(dir, c.Name+".pdf")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(pdftotext, "-layout", path, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			text := string(out)
			if n := strings.Count(text, "\f"); n != pages {
				t.Errorf("pdftotext saw %d pages, Render said %d", n, pages)
			}
			want, ok := tests[c.Name]
			if !ok {
				t.Fatalf("no expectations for case %q", c.Name)
			}
			flat := strings.Join(strings.Fields(text), " ")
			for _, w := range want {
				if !strings.Contains(text, w) && !strings.Contains(flat, w) {
					t.Errorf("pdftotext output lacks %q", w)
				}
			}
		})
	}
}

func TestRenderChecksWithQPDF(t *testing.T) {
	qpdf := testutil.NeedTool(t, "qpdf")
	dir := t.TempDir()
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			data, _ := renderBytes(t, c.Doc)
			path := filepath.Join(dir, c.Name+".pdf")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
				t.Fatalf("qpdf --check: %v\n%s", err, out)
			}
		})
	}
}

// TestRenderProperties checks the document properties and the outline.
func TestRenderProperties(t *testing.T) {
	pdfinfo := testutil.NeedTool(t, "pdfinfo")
	qpdf := testutil.NeedTool(t, "qpdf")
	doc := reporttest.LongGroup()
	data, pages := renderBytes(t, doc)
	path := filepath.Join(t.TempDir(), "props.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdfinfo, path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	info := string(out)
	for _, w := range []string{
		"Title:           Long group", "Author:          Test Council", "Subject:         Test paper",
		"Keywords:        test", "Creator:         agsreport", fmt.Sprintf("Pages:           %d", pages),
		"Page size:       841.89 x 595.28 pts (A4)", "CreationDate:    Wed Feb 28 00:00:00 2018",
	} {
		if !strings.Contains(info, w) {
			t.Errorf("pdfinfo lacks %q:\n%s", w, info)
		}
	}
	if !bytes.Contains(data, []byte("/Lang (en-GB)")) {
		t.Error("no /Lang en-GB in the catalogue")
	}
	out, err = exec.Command(qpdf, "--json", "--json-key=outlines", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	for _, w := range []string{`"title": "Long"`, `"title": "Strategic Outcome 1"`, `"title": "Strategic Outcome 2"`} {
		if !strings.Contains(string(out), w) {
			t.Errorf("outline lacks %s:\n%s", w, out)
		}
	}
}

func TestCleanText(t *testing.T) {
	m := metrics(t)
	tests := []struct {
		name, in, want string
	}{
		{"plain ascii is kept", "Action 1(ii)", "Action 1(ii)"},
		{"typography kept", "‘’ “” – — … £ € • ŵ ŷ", "‘’ “” – — … £ € • ŵ ŷ"},
		{"tab and no-break space", "a\tb\u00a0c", "a b c"},
		{"carriage return dropped", "a\rb", "ab"},
		{"emoji replaced", "ok 😀", "ok ?"},
		{"last plane replaced", "\U0010FFFD", "?"},
		{"missing glyphs replaced", "✓☃", "??"},
		{"invalid utf-8", "a\xffb\xe2\x80", "a?b??"},
		{"controls and zero width dropped", "a\x00b\x1b\u200bc\u00ad", "abc"},
		{"line break becomes space", "a\nb", "a b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := cleanText(tc.in, Regular, m)
			if got != tc.want {
				t.Errorf("cleanText(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("cleanText(%q) is not valid UTF-8", tc.in)
			}
		})
	}
}

// fixed is a Metrics in which every character is 1 mm wide at any size.
type monospace struct{}

func (monospace) Width(_ Face, _ float64, s string) float64 {
	return float64(utf8.RuneCountInString(s))
}
func (monospace) Has(_ Face, r rune) bool { return r < 0x10000 && r != '✓' }

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  report.Text
		width float64
		want  []string // each line's segments joined with "|"
	}{
		{"fits", report.Plain("one two"), 10, []string{"one two"}},
		{"breaks at spaces", report.Plain("one two three"), 8, []string{"one two", "three"}},
		{"exact fit", report.Plain("abc def"), 7, []string{"abc def"}},
		{"long word broken", report.Plain("abcdefghij"), 4, []string{"abcd", "efgh", "ij"}},
		{"runs keep faces", report.Markup("a **bold** word"), 20, []string{"a |bold|word"}}, // a space opening a segment only moves the pen
		{"glued runs move together", report.Markup("xx **bold**."), 6, []string{"xx", "bold|."}},
		{"bullet hangs", report.Markup("• aa bb cc"), 8, []string{"•|aa bb", "cc"}},
		{"lines kept", report.Plain("a\nb\n\nc"), 10, []string{"a", "b", "c"}},
		{"spaces collapse at breaks", report.Plain("aaa    bbb"), 4, []string{"aaa", "bbb"}},
		{"empty text", report.Text{}, 10, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := &flow{m: monospace{}}
			lines := f.wrap(tc.text, 10, tc.width, false)
			var got []string
			for _, l := range lines {
				var parts []string
				for _, s := range l.segs {
					parts = append(parts, s.text)
				}
				got = append(got, strings.Join(parts, "|"))
				if l.w > tc.width+1e-9 && len(l.segs) > 1 {
					t.Errorf("line %q is %.1f wide, more than %.1f", got[len(got)-1], l.w, tc.width)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestWrapGaps checks that a blank line gives space before the next line.
func TestWrapGaps(t *testing.T) {
	f := &flow{m: monospace{}}
	lines := f.wrap(report.Plain("a\n\nb"), 10, 10, false)
	if len(lines) != 2 || lines[0].gap != 0 || lines[1].gap <= 0 {
		t.Fatalf("gaps = %v, want 0 then positive", []float64{lines[0].gap, lines[len(lines)-1].gap})
	}
}

func TestWidthMatchesFont(t *testing.T) {
	m := metrics(t)
	tests := []struct {
		face Face
		s    string
		want float64 // millimetres at 10 pt, as fpdf measures
	}{
		{Regular, "Hello world", 17.444861},
		{Regular, "ŵŷ€“”", 8.621889},
		{Bold, "", 0},
	}
	for _, tc := range tests {
		if got := m.Width(tc.face, 10, tc.s); fmt.Sprintf("%.4f", got) != fmt.Sprintf("%.4f", tc.want) {
			t.Errorf("Width(%s, %q) = %.6f, want %.6f", tc.face, tc.s, got, tc.want)
		}
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{"", "plain", "emoji 😀🎉", "\xff\xfe\xe2\x80", "\t\r\n\u00a0", "**bold *italic* x**", "• bullet\n- dash",
		strings.Repeat("W", 400), "\U0010FFFD ✓ ☃", "{page} of {pages}", "\x00\x1b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := reporttest.Base(s)
		d.Meta.Keywords = []string{s}
		d.Meta.Language = s
		d.Header = report.Running{Left: s}
		row := reporttest.Row("1", s, "ON TARGET")
		row.Cells[0].Span = 2
		row2 := reporttest.Row("", s+s, "x")
		row2.Cells[0] = report.Cell{Covered: true}
		cols := reporttest.Columns(3, true)
		cols[1].Title = s
		d.Sections = []report.Section{{Name: s, Blocks: []report.Block{
			&report.Heading{Level: 1, Text: report.Markup(s), Bookmark: s},
			&report.Fields{Items: []report.Field{{Label: s, Value: report.Markup(s)}, {Label: "x", Value: report.Markup(s), Stacked: true}}},
			&report.Table{Columns: cols, Groups: []report.Group{{Band: report.Plain(s), Bookmark: s, Rows: []report.Row{row, row2}}}},
			&report.Chart{Title: s, Categories: []string{s}, Series: []report.Series{{Name: s, Values: []float64{1}}}},
		}}}
		var buf bytes.Buffer
		if _, err := Render(&buf, d); err != nil {
			t.Fatalf("Render: %v", err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
	})
}

// benchDoc is a table of rows×8 wrapped cells.
func benchDoc(rows int) *report.Document {
	d := reporttest.Base("Benchmark")
	cols := reporttest.Columns(8, true)
	var rs []report.Row
	for i := 0; i < rows; i++ {
		r := reporttest.Row(fmt.Sprintf("%d(i)", i), reporttest.Words(20+i%30), reporttest.Words(12), "Corporate Director",
			reporttest.Words(8+i%7), "31st March 2018", reporttest.Words(25+i%40), "ON TARGET")
		r.Cells[7].Fill = "#DDEBF7"
		rs = append(rs, r)
	}
	d.Sections = []report.Section{{Name: "Bench", Blocks: []report.Block{
		&report.Table{Columns: cols, Groups: []report.Group{{Band: report.Bold("Strategic Outcome 1"), Rows: rs}}},
	}}}
	return d
}

func BenchmarkRender(b *testing.B) {
	doc := benchDoc(2000)
	b.ReportAllocs()
	pages := 0
	for b.Loop() {
		info, err := Render(&bytes.Buffer{}, doc)
		if err != nil {
			b.Fatal(err)
		}
		pages = info.Pages
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkStructure measures the tagged-PDF post-pass alone: the
// structure tree, parent tree, page and catalog updates appended to a
// drawn 2,000-row paper (BenchmarkRender includes it, and the marked
// content written while drawing).
func BenchmarkStructure(b *testing.B) {
	l, d, src := fpdfFile(b, benchDoc(2000))
	offsets, xrefAt, err := readXref(src)
	if err != nil {
		b.Fatal(err)
	}
	pages, err := pageObjects(func(n int) ([]byte, error) { return objectDict(src, offsets, n) })
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		out, err := d.mk.update(src, offsets, xrefAt, len(offsets)+1, len(src), xrefAt, pages, d.extras, false)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(out))/1024, "KB-added")
	}
	b.ReportMetric(float64(len(l.Elems)), "elements")
}

// fpdfFile lays out and draws doc and returns the layout, the drawer, and
// the file fpdf wrote, not yet assembled.
func fpdfFile(tb testing.TB, doc *report.Document) (*Layout, *drawer, []byte) {
	tb.Helper()
	l, err := LayoutDocument(doc, metrics(tb))
	if err != nil {
		tb.Fatal(err)
	}
	d, err := drawPages(l, doc, false)
	if err != nil {
		tb.Fatal(err)
	}
	d.running(l.Pages)
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		tb.Fatal(err)
	}
	return l, d, buf.Bytes()
}

// BenchmarkLayout measures the layout pass alone.
func BenchmarkLayout(b *testing.B) {
	doc := benchDoc(2000)
	m, err := fontMetrics()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LayoutDocument(doc, m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDraw measures drawing a finished layout, with and without
// compression, to see what compression costs.
func BenchmarkDraw(b *testing.B) {
	doc := benchDoc(2000)
	m, err := fontMetrics()
	if err != nil {
		b.Fatal(err)
	}
	l, err := LayoutDocument(doc, m)
	if err != nil {
		b.Fatal(err)
	}
	for _, compress := range []bool{true, false} {
		b.Run(fmt.Sprintf("compress=%v", compress), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := draw(&bytes.Buffer{}, l, doc, compress); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestAssemble checks the assembled file: every stream compressed, page
// contents the drawer's, and files fpdf did not write as expected refused.
func TestAssemble(t *testing.T) {
	m := metrics(t)
	doc := reporttest.LongGroup()
	l, err := LayoutDocument(doc, m)
	if err != nil {
		t.Fatal(err)
	}
	var raw, packed bytes.Buffer
	if err := draw(&raw, l, doc, false); err != nil {
		t.Fatal(err)
	}
	if err := draw(&packed, l, doc, true); err != nil {
		t.Fatal(err)
	}
	if unfiltered.Find(raw.Bytes()) == nil {
		t.Fatal("the uncompressed file has no unfiltered stream: the check below would pass vacuously")
	}
	out := packed.Bytes()
	if len(out) >= raw.Len()/2 {
		t.Errorf("compressed file is %d bytes, uncompressed %d", len(out), raw.Len())
	}
	if loc := unfiltered.FindIndex(out); loc != nil {
		t.Errorf("an unfiltered stream is left: %q", out[loc[0]:loc[1]])
	}
	if n, want := bytes.Count(out, []byte("/Filter /FlateDecode /Length")), len(l.Pages); n < want {
		t.Errorf("%d streams compressed, want at least the %d pages", n, want)
	}
	d, err := drawPages(l, doc, true)
	if err != nil {
		t.Fatal(err)
	}
	got := pageContents(t, raw.Bytes())
	if len(got) != len(d.pages) {
		t.Fatalf("%d pages in the file, %d drawn", len(got), len(d.pages))
	}
	for i := range got {
		if !bytes.Equal(got[i], d.pages[i]) {
			t.Fatalf("page %d's content is not the drawer's", i+1)
		}
	}

	d, err = drawPages(l, doc, false)
	if err != nil {
		t.Fatal(err)
	}
	d.running(l.Pages)
	var fb bytes.Buffer
	if err := d.pdf.Output(&fb); err != nil {
		t.Fatal(err)
	}
	src := fb.Bytes()
	bad := []struct {
		name  string
		src   []byte
		pages [][]byte
	}{
		{"empty", nil, d.pages},
		{"no xref", []byte("%PDF-1.3\nstartxref\n0\n%%EOF\n"), d.pages},
		{"truncated", src[:len(src)/2], d.pages},
		{"stream length wrong", bytes.Replace(src, []byte("<</Length "), []byte("<</Length 9"), 1), d.pages},
		{"a page missing", src, d.pages[1:]},
		{"no content reference", bytes.ReplaceAll(src, []byte("/Contents "), []byte("/Kontents ")), d.pages},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			var w bytes.Buffer
			if err := assemble(&w, bytes.Clone(tc.src), tc.pages, d.extras, false, d.mk, &d.seen); err == nil {
				t.Error("no error")
			}
			if w.Len() > 0 {
				t.Errorf("%d bytes written despite the error", w.Len())
			}
		})
	}
}

var unfiltered = regexp.MustCompile(`obj\n<</Length [0-9]+>>\nstream`)

// pageContents returns the content stream of each page of an uncompressed
// file.
func pageContents(t *testing.T, src []byte) [][]byte {
	t.Helper()
	if i := bytes.Index(src, []byte("%%EOF\n")); i >= 0 {
		src = src[:i+len("%%EOF\n")] // fpdf's part, before the structure tree's update
	}
	offsets, _, err := readXref(src)
	if err != nil {
		t.Fatal(err)
	}
	object := func(n int) ([]byte, error) { return objectDict(src, offsets, n) }
	pages, err := pageObjects(object)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for _, p := range pages {
		dict, err := object(p)
		if err != nil {
			t.Fatal(err)
		}
		m := contentsRef.FindSubmatch(dict)
		if m == nil {
			t.Fatalf("page object %d has no contents", p)
		}
		var c int
		fmt.Sscan(string(m[1]), &c)
		at := offsets[c-1]
		head := regexp.MustCompile(`^[0-9]+ 0 obj\n<</Length ([0-9]+)>>\nstream\n`).FindSubmatch(src[at:])
		if head == nil {
			t.Fatalf("content object %d is not an unfiltered stream", c)
		}
		var n int
		fmt.Sscan(string(head[1]), &n)
		start := at + len(head[0])
		out = append(out, src[start:start+n])
	}
	return out
}

// TestContentMatchesFpdf draws the body of every test paper's pages
// twice, once with the drawer and once with fpdf's own calls (Text, Rect,
// Line, SetFont and the colour and line-width setters, as the draw pass
// made them before it wrote content streams itself), and compares the
// page contents byte for byte: a new fpdf that wrote its operators, or
// its page set-up, differently would show here. (The running header and
// footer are drawn the same way, in a second stream.)
func TestContentMatchesFpdf(t *testing.T) {
	m := metrics(t)
	for _, c := range append(cases(), reporttest.Case{Name: "bench", Doc: benchDoc(30)}) {
		t.Run(c.Name, func(t *testing.T) {
			l, err := LayoutDocument(c.Doc, m)
			if err != nil {
				t.Fatal(err)
			}
			d, err := drawPages(l, c.Doc, true)
			if err != nil {
				t.Fatal(err)
			}
			want := fpdfContents(t, l, c.Doc)
			if len(want) != len(d.pages) {
				t.Fatalf("fpdf drew %d pages, the drawer %d", len(want), len(d.pages))
			}
			for i := range want {
				if !bytes.Equal(d.pages[i], want[i]) {
					a, b := string(d.pages[i]), string(want[i])
					k := 0
					for k < min(len(a), len(b)) && a[k] == b[k] {
						k++
					}
					t.Fatalf("page %d differs at byte %d:\ndrawer: %q\nfpdf:   %q", i+1, k, a[max(0, k-80):min(len(a), k+80)], b[max(0, k-80):min(len(b), k+80)])
				}
			}
		})
	}
}

// fpdfContents draws the body of l's pages (the boxes not Running) with
// fpdf's calls and returns each page's content as fpdf writes it.
func fpdfContents(t *testing.T, l *Layout, doc *report.Document) [][]byte {
	t.Helper()
	pdf := newDocument(l.Landscape, l.SizeName, doc)
	if err := registerFaces(pdf, [numFaces]bool{true, true, true, true}); err != nil {
		t.Fatal(err)
	}
	mk := newMarker(l.Elems)
	var ops []byte
	mk.out = &ops
	flush := func() {
		for _, op := range strings.SplitAfter(string(ops), "\n") {
			if op != "" {
				pdf.RawWriteStr(strings.TrimSuffix(op, "\n"))
			}
		}
		ops = ops[:0]
	}
	for n := range l.Pages {
		p := &l.Pages[n]
		pdf.AddPage()
		mk.startPage()
		pdf.SetFont(fontFamily, "", 10)
		for _, m := range p.Marks {
			pdf.Bookmark(outlineTitle(m.Title), m.Level, m.Y)
		}
		var face Face
		var size float64
		var text, fill, stroke RGB
		var hasText, hasFill, hasStr bool
		width := 0.0
		for i := range p.Boxes {
			b := &p.Boxes[i]
			if b.Running {
				continue
			}
			switch b.Kind {
			case TextBox:
				if b.Text == "" {
					continue
				}
				mk.mark(b.Tag)
				flush()
				if size != b.Size || face != b.Face {
					pdf.SetFont(fontFamily, b.Face.style(), b.Size)
					face, size = b.Face, b.Size
				}
				if !hasText || text != b.Colour {
					pdf.SetTextColor(int(b.Colour.R), int(b.Colour.G), int(b.Colour.B))
					text, hasText = b.Colour, true
				}
				s := b.Text
				if b.SpaceAfter {
					s += " "
				}
				pdf.Text(b.X, b.Y+baseline(b.Size), codes(s))
			case FillBox:
				mk.mark(b.Tag)
				flush()
				if !hasFill || fill != b.Colour {
					pdf.SetFillColor(int(b.Colour.R), int(b.Colour.G), int(b.Colour.B))
					fill, hasFill = b.Colour, true
				}
				pdf.Rect(b.X, b.Y, b.W, b.H, "F")
			case RuleBox, FrameBox:
				mk.mark(b.Tag)
				flush()
				if !hasStr || stroke != b.Colour {
					pdf.SetDrawColor(int(b.Colour.R), int(b.Colour.G), int(b.Colour.B))
					stroke, hasStr = b.Colour, true
				}
				if width != b.Stroke {
					pdf.SetLineWidth(b.Stroke)
					width = b.Stroke
				}
				if b.Kind == RuleBox {
					pdf.Line(b.X, b.Y, b.X+b.W, b.Y+b.H)
				} else {
					pdf.Rect(b.X, b.Y, b.W, b.H, "D")
				}
			}
		}
		mk.end()
		flush()
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return pageContents(t, buf.Bytes())
}

// codes returns s as the two-byte character codes the drawer writes for
// the placeholder faces: UTF-16BE, as fpdf encodes text for a UTF-8 font.
func codes(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return string(b)
}

// TestRenderStreams checks that drawing each page as soon as it is laid
// out, reusing its boxes for the next, gives the same file as drawing a
// finished layout.
func TestRenderStreams(t *testing.T) {
	m := metrics(t)
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			l, err := LayoutDocument(c.Doc, m)
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			if err := draw(&want, l, c.Doc, true); err != nil {
				t.Fatal(err)
			}
			got, pages := renderBytes(t, c.Doc)
			if pages != len(l.Pages) {
				t.Errorf("Render made %d pages, the layout %d", pages, len(l.Pages))
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Error("streaming the pages changed the file")
			}
		})
	}
}
