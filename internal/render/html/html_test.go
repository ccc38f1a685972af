package html

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/report/reporttest"
	"github.com/agsreport/agsreport/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// cases are the shared renderer documents plus this package's own: a chart,
// a status key, headings to renumber and text that looks like markup.
func cases() []reporttest.Case {
	return append(reporttest.Cases(),
		reporttest.Case{Name: "chart", Doc: chartDoc()},
		reporttest.Case{Name: "hostile", Doc: hostileDoc(`<script>alert("x")</script> & <b>bold</b> 'quoted'`)},
		reporttest.Case{Name: "outline", Doc: outlineDoc()},
	)
}

// chartDoc is a briefing-like paper: a status key and a stacked bar chart
// with a long category name, a missing value and a negative one.
func chartDoc() *report.Document {
	d := reporttest.Base("Chart")
	d.Sections = []report.Section{{Name: "Summary", Blocks: []report.Block{
		&report.Heading{Level: 1, Text: report.Plain("Summary of progress"), Bookmark: "Summary"},
		&report.StatusKey{Title: "Status key"},
		&report.Chart{
			Title:      "Actions by status and governance issue",
			Categories: []string{"Amey Lessons Learned", "Children’s Services Leadership and Governance arrangements review", "Empty"},
			Series: []report.Series{
				{Name: "COMPLETE", Colour: "#C6EFCE", Values: []float64{12, 3, 0}},
				{Name: "ON TARGET", Colour: "#DDEBF7", Values: []float64{5, -2}},
				{Name: "ONGOING", Values: []float64{9, 1, 0}},
			},
		},
	}}}
	return d
}

// hostileDoc puts s everywhere a document holds text.
func hostileDoc(s string) *report.Document {
	d := reporttest.Base(s)
	d.Meta.Author, d.Meta.Subject, d.Meta.Keywords = s, s, []string{s}
	d.Header = report.Running{Left: s, Right: "Page {page} of {pages}"}
	d.Footer = report.Running{Centre: s}
	d.Statuses = append(d.Statuses, report.Status{Name: s, Colour: `#FFF"><script>`})
	row := reporttest.Row(s, s)
	row.Cells[1].Status, row.Cells[1].Fill = s, "#1F3864"
	d.Sections = []report.Section{{Name: s, Blocks: []report.Block{
		&report.Heading{Level: 1, Text: report.Plain(s), Bookmark: s},
		&report.Paragraph{Text: report.Markup(s)},
		&report.Fields{Items: []report.Field{{Label: s, Value: report.Plain(s)}}},
		&report.Table{Name: s, Columns: []report.Column{{Title: s, Width: 1}, {Title: s, Width: 1, Status: true}},
			Groups: []report.Group{{Band: report.Plain(s), Bookmark: s, Rows: []report.Row{row}}}},
		&report.StatusKey{Title: s},
		&report.Chart{Title: s, Categories: []string{s}, Series: []report.Series{{Name: s, Colour: s, Values: []float64{1}}}},
	}}}
	return d
}

// outlineDoc has headings in an order the page must renumber: a kicker
// above the title, a skipped level, and a section with no heading.
func outlineDoc() *report.Document {
	d := reporttest.Base("Outline")
	d.Sections = []report.Section{
		{Name: "First", Blocks: []report.Block{
			&report.Heading{Level: 3, Text: report.Plain("Corporate Governance Group")},
			&report.Heading{Level: 1, Text: report.Plain("Progress update")},
			&report.Heading{Level: 3, Text: report.Plain("Skipped a level"), Bookmark: "Skipped"},
			&report.Paragraph{Text: report.Plain("Body text.")},
			&report.Heading{Level: 2, Text: report.Plain("Second level"), Bookmark: "Second"},
		}},
		{Name: "Second", Blocks: []report.Block{
			&report.Heading{Level: 2, Text: report.Plain("Starts at level two")},
			&report.Paragraph{Text: report.Plain("More body text.")},
		}},
		{Name: "No heading", Blocks: []report.Block{
			&report.Paragraph{Text: report.Plain("A section with no heading.")},
		}},
	}
	return d
}

// renderPage renders doc or fails the test.
func renderPage(t testing.TB, doc *report.Document) string {
	t.Helper()
	var b bytes.Buffer
	if _, err := Render(&b, doc); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			got := renderPage(t, c.Doc)
			testutil.Golden(t, filepath.Join("testdata", c.Name+".html"), got, *update)
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			if a, b := renderPage(t, c.Doc), renderPage(t, c.Doc); a != b {
				t.Errorf("two renders differ: %s", testutil.FirstDiff(a, b))
			}
		})
	}
}

// void reports whether an element has no end tag.
func void(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

// checkNesting tokenises page and checks that every element is closed in
// the order it was opened, that the only foreign elements are self-closed
// SVG shapes, and that nothing follows </html>.
func checkNesting(t testing.TB, page string) {
	t.Helper()
	z := xhtml.NewTokenizer(strings.NewReader(page))
	var stack []string
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			if !errors.Is(z.Err(), io.EOF) {
				t.Fatalf("tokenising: %v", z.Err())
			}
			if len(stack) > 0 {
				t.Errorf("elements left open at the end: %v", stack)
			}
			return
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			if !void(string(name)) {
				stack = append(stack, string(name))
			}
		case xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			if n := string(name); !void(n) && n != "line" && n != "rect" {
				t.Errorf("self-closing <%s/> outside SVG", n)
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				t.Fatalf("</%s> closes %v", name, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
}

// parse parses page, failing the test on error.
func parse(t testing.TB, page string) *xhtml.Node {
	t.Helper()
	n, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("parsing: %v", err)
	}
	return n
}

// all returns the elements under n (n included) for which keep is true, in
// document order.
func all(n *xhtml.Node, keep func(*xhtml.Node) bool) []*xhtml.Node {
	var out []*xhtml.Node
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && keep(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func tag(a atom.Atom) func(*xhtml.Node) bool {
	return func(n *xhtml.Node) bool { return n.DataAtom == a }
}

func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *xhtml.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

// text returns the text under n as a reader meets it: text nodes joined
// directly inside inline elements and with a space at every other element's
// edge; <style> is left out.
func text(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		inline := n.Type != xhtml.ElementNode
		if !inline {
			switch n.DataAtom {
			case atom.Style:
				return
			case atom.Strong, atom.Em, atom.A, atom.Span:
				inline = true
			}
		}
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		if !inline {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if !inline {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// docTexts lists every text the document asks to be shown.
func docTexts(d *report.Document) []string {
	texts := []string{d.Meta.Title}
	add := func(t report.Text) { texts = append(texts, t.String()) }
	for _, sec := range d.Sections {
		texts = append(texts, sec.Name)
		for _, bl := range sec.Blocks {
			switch x := bl.(type) {
			case *report.Heading:
				add(x.Text)
			case *report.Paragraph:
				add(x.Text)
			case *report.Fields:
				for _, f := range x.Items {
					texts = append(texts, f.Label)
					add(f.Value)
				}
			case *report.Table:
				texts = append(texts, x.Name)
				for _, c := range x.Columns {
					texts = append(texts, c.Title)
				}
				if x.Rows() == 0 {
					texts = append(texts, x.Empty)
				}
				for _, g := range x.Groups {
					add(g.Band)
					for _, r := range g.Rows {
						for _, c := range r.Cells {
							add(c.Text)
						}
					}
				}
			case *report.Chart:
				texts = append(texts, x.Title)
				texts = append(texts, x.Categories...)
				for _, s := range x.Series {
					texts = append(texts, s.Name)
				}
			case *report.StatusKey:
				texts = append(texts, x.Title)
				for _, s := range d.Statuses {
					texts = append(texts, s.Name)
				}
			}
		}
	}
	return texts
}

func TestStructure(t *testing.T) {
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			page := renderPage(t, c.Doc)
			checkNesting(t, page)
			root := parse(t, page)

			htmls := all(root, tag(atom.Html))
			if len(htmls) != 1 {
				t.Fatalf("%d <html> elements", len(htmls))
			}
			if lang, _ := attr(htmls[0], "lang"); lang != c.Doc.Meta.Language {
				t.Errorf("lang = %q, want %q", lang, c.Doc.Meta.Language)
			}
			if n := len(all(root, tag(atom.Script))); n > 0 {
				t.Errorf("%d <script> elements", n)
			}
			checkWords(t, c.Doc, text(root))
			checkIDs(t, root)
			checkHeadings(t, root)
			checkTables(t, c.Doc, root)
		})
	}
}

// checkWords checks that every word the document shows is in the page's
// text.
func checkWords(t *testing.T, d *report.Document, got string) {
	t.Helper()
	missing := 0
	for _, s := range docTexts(d) {
		for _, w := range strings.Fields(s) {
			w = strings.TrimPrefix(w, "•")
			if w != "" && !strings.Contains(got, w) {
				if missing++; missing <= 5 {
					t.Errorf("word %q missing from the page", w)
				}
			}
		}
	}
}

// checkIDs checks that ids are unique and that every in-page link and
// ARIA reference names one.
func checkIDs(t *testing.T, root *xhtml.Node) {
	t.Helper()
	ids := map[string]bool{}
	for _, n := range all(root, func(n *xhtml.Node) bool { _, ok := attr(n, "id"); return ok }) {
		id, _ := attr(n, "id")
		if id == "" || strings.ContainsAny(id, " \t\n") || ids[id] {
			t.Errorf("id %q is empty, has spaces or is repeated", id)
		}
		ids[id] = true
	}
	for _, n := range all(root, func(*xhtml.Node) bool { return true }) {
		for _, a := range n.Attr {
			var refs []string
			switch a.Key {
			case "aria-labelledby", "aria-describedby":
				refs = strings.Fields(a.Val)
			case "href":
				refs = []string{strings.TrimPrefix(a.Val, "#")}
			}
			for _, r := range refs {
				if !ids[r] {
					t.Errorf("<%s %s=%q> names no element", n.Data, a.Key, a.Val)
				}
			}
		}
	}
}

// checkHeadings checks that within each section the headings start at <h1>
// and never go down more than one level at a time.
func checkHeadings(t *testing.T, root *xhtml.Node) {
	t.Helper()
	isHeading := func(n *xhtml.Node) bool {
		return n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || n.DataAtom == atom.H3 ||
			n.DataAtom == atom.H4 || n.DataAtom == atom.H5 || n.DataAtom == atom.H6
	}
	// Over the whole page: one <h1>, first, and no level skipped.
	prev, h1s := 0, 0
	for _, h := range all(root, isHeading) {
		lv := int(h.Data[1] - '0')
		if lv > prev+1 {
			t.Errorf("<%s> %q follows h%d", h.Data, text(h), prev)
		}
		if lv == 1 {
			h1s++
		}
		prev = lv
	}
	if prev > 0 && h1s != 1 {
		t.Errorf("%d <h1> elements, want one per paper", h1s)
	}
	for _, sec := range all(root, tag(atom.Section)) {
		_, named := attr(sec, "aria-labelledby")
		has := len(all(sec, isHeading)) > 0
		if has && !named {
			t.Errorf("a section with headings is not labelled by one")
		}
		if !has && named {
			t.Errorf("a section without headings names one")
		}
	}
}

// checkTables checks each report table against the <table> written for it:
// one <th scope="col"> per column, one band per banded group, the row spans
// of the report, and a grid that is exactly one cell per column in every
// row.
func checkTables(t *testing.T, d *report.Document, root *xhtml.Node) {
	t.Helper()
	var want []*report.Table
	for _, sec := range d.Sections {
		for _, bl := range sec.Blocks {
			if x, ok := bl.(*report.Table); ok && len(x.Columns) > 0 {
				want = append(want, x)
			}
		}
	}
	got := all(root, func(n *xhtml.Node) bool { return n.DataAtom == atom.Table && !hasClass(n, "chart-data") })
	if len(got) != len(want) {
		t.Fatalf("%d tables, want %d", len(got), len(want))
	}
	for i, tbl := range got {
		rt := want[i]
		n := len(rt.Columns)
		heads := all(tbl, func(n *xhtml.Node) bool {
			s, _ := attr(n, "scope")
			return n.DataAtom == atom.Th && s == "col" && n.Parent != nil && n.Parent.Parent != nil && n.Parent.Parent.DataAtom == atom.Thead
		})
		if len(heads) != n {
			t.Errorf("table %d: %d <th scope=col>, want %d", i+1, len(heads), n)
		}
		if caps := all(tbl, tag(atom.Caption)); rt.Name != "" && (len(caps) != 1 || !strings.Contains(text(caps[0]), strings.Fields(rt.Name)[0])) {
			t.Errorf("table %d: caption missing", i+1)
		}
		// Expected spans, in order, of the cells that are drawn.
		var wantSpans []int
		bands := 0
		for _, g := range rt.Groups {
			if !g.Band.IsEmpty() || g.Bookmark != "" {
				bands++
			}
			for _, r := range g.Rows {
				for _, c := range r.Cells {
					if !c.Covered {
						wantSpans = append(wantSpans, max(c.Span, 1))
					}
				}
			}
		}
		var gotSpans []int
		gotBands := 0
		for _, body := range all(tbl, tag(atom.Tbody)) {
			var pending []int // rows still covered, by column
			for _, tr := range all(body, tag(atom.Tr)) {
				cells := all(tr, func(n *xhtml.Node) bool {
					return (n.DataAtom == atom.Td || n.DataAtom == atom.Th) && n.Parent == tr
				})
				if len(cells) == 1 {
					if s, _ := attr(cells[0], "scope"); s == "rowgroup" {
						gotBands++
						if cs, _ := attr(cells[0], "colspan"); cs != strconv.Itoa(n) {
							t.Errorf("table %d: band colspan %q, want %d", i+1, cs, n)
						}
						continue
					}
					if hasClass(cells[0], "empty") {
						continue
					}
				}
				if pending == nil {
					pending = make([]int, n)
				}
				width := 0
				for _, p := range pending {
					if p > 0 {
						width++
					}
				}
				for _, c := range cells {
					span := 1
					if v, ok := attr(c, "rowspan"); ok {
						span, _ = strconv.Atoi(v)
					}
					gotSpans = append(gotSpans, span)
					// Place the cell in the first free column.
					for col := range pending {
						if pending[col] == 0 {
							pending[col] = span
							break
						}
					}
					width++
				}
				if width != n {
					t.Errorf("table %d: a row covers %d columns, want %d", i+1, width, n)
				}
				for col := range pending {
					if pending[col] > 0 {
						pending[col]--
					}
				}
			}
		}
		if gotBands != bands {
			t.Errorf("table %d: %d band rows, want %d", i+1, gotBands, bands)
		}
		if fmt.Sprint(gotSpans) != fmt.Sprint(wantSpans) {
			t.Errorf("table %d: row spans\n got %v\nwant %v", i+1, gotSpans, wantSpans)
		}
		if rt.Rows() == 0 && rt.Empty != "" && !strings.Contains(text(tbl), rt.Empty) {
			t.Errorf("table %d: empty text %q not shown", i+1, rt.Empty)
		}
	}
}

func TestEscaping(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"script", `<script>alert("x")</script>`},
		{"end style", `</style><script>x</script>`},
		{"comment", `<!-- not a comment -->`},
		{"entity", `&amp; &lt; &#x3C;`},
		{"attribute break", `" onmouseover="x" '`},
		{"control characters", "nul\x00 bell\x07 del\x7f c1\u0085 bad\xff utf8"},
		{"noncharacter", "\uFFFE \uFDD0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := renderPage(t, hostileDoc(tt.text))
			checkNesting(t, page)
			root := parse(t, page)
			if n := len(all(root, tag(atom.Script))); n > 0 {
				t.Fatalf("%d <script> elements in the page", n)
			}
			if n := len(all(root, func(n *xhtml.Node) bool {
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") {
						return true
					}
				}
				return false
			})); n > 0 {
				t.Errorf("%d elements with event handler attributes", n)
			}
			// The text comes back whole, with bad characters as U+FFFD.
			want := strings.Fields(clean(tt.text))
			cell := all(root, tag(atom.Td))
			if len(cell) == 0 {
				t.Fatal("no cells")
			}
			if got := strings.Fields(text(cell[0])); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("cell text %q, want %q", got, want)
			}
			if strings.ContainsAny(page, "\x00\x07\x7f\u0085\uFFFE\uFDD0") {
				t.Error("the page holds control characters or noncharacters")
			}
		})
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en-GB", "en-GB"},
		{"cy", "cy"},
		{"", "en-GB"},
		{"  cy-GB ", "cy-GB"},
		{`en" onload="x`, "en-GB"},
		{"1en", "en-GB"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d := reporttest.OneRow()
			d.Meta.Language = tt.in
			root := parse(t, renderPage(t, d))
			if got, _ := attr(all(root, tag(atom.Html))[0], "lang"); got != tt.want {
				t.Errorf("lang %q, want %q", got, tt.want)
			}
		})
	}
}

func TestContrast(t *testing.T) {
	tests := []struct {
		name   string
		fill   string
		want   rgb
		before float64 // least contrast expected
	}{
		{"complete green", "#C6EFCE", black, 4.5},
		{"on target blue", "#DDEBF7", black, 4.5},
		{"ongoing amber", "#FFF2CC", black, 4.5},
		{"behind target red", "#FFC7CE", black, 4.5},
		{"header navy", "#1F3864", white, 4.5},
		{"mid grey", "#777777", black, 4.5},
		{"pure red", "#FF0000", black, 4.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bg, ok := parseColour(tt.fill)
			if !ok {
				t.Fatalf("%q does not parse", tt.fill)
			}
			got := textOn(bg)
			if got != tt.want {
				t.Errorf("text on %s = %s, want %s", tt.fill, got, tt.want)
			}
			if r := contrastRatio(got, bg); r < tt.before {
				t.Errorf("contrast %.2f < %.1f", r, tt.before)
			}
		})
	}
	if r := contrastRatio(black, white); r < 20.99 || r > 21.01 {
		t.Errorf("black on white = %.3f, want 21", r)
	}
	// The better of black and white reaches 4.5:1 on every grey.
	for v := 0; v < 256; v++ {
		bg := rgb{R: uint8(v), G: uint8(v), B: uint8(v)}
		if r := contrastRatio(textOn(bg), bg); r < 4.5 {
			t.Errorf("grey %d: best contrast %.2f", v, r)
		}
	}
}

// TestChartContrast checks that every bar segment and legend swatch of a
// chart stands out at 3:1 or more (WCAG 1.4.11): from the white page by
// its fill or its outline, and from its neighbours by an outline that
// contrasts with its own fill; on every grey, and on the example chart.
func TestChartContrast(t *testing.T) {
	ok := func(fill, stroke rgb) bool {
		page := contrastRatio(fill, white) >= 3 || contrastRatio(stroke, white) >= 3
		return page && contrastRatio(stroke, fill) >= 3
	}
	for v := 0; v < 256; v++ {
		c := rgb{R: uint8(v), G: uint8(v), B: uint8(v)}
		if s := segmentStroke(c); !ok(c, s) {
			t.Errorf("grey %d outlined %s does not stand out", v, s)
		}
	}
	page := renderPage(t, chartDoc())
	rects := regexp.MustCompile(`<rect [^>]*fill="(#[0-9A-F]{6})"[^>]*>`).FindAllStringSubmatch(page, -1)
	if len(rects) == 0 {
		t.Fatal("the chart has no segments")
	}
	for _, r := range rects {
		m := regexp.MustCompile(`stroke="(#[0-9A-F]{6})"`).FindStringSubmatch(r[0])
		if m == nil {
			t.Errorf("%s has no outline", r[0])
			continue
		}
		fill, _ := parseColour(r[1])
		stroke, _ := parseColour(m[1])
		if !ok(fill, stroke) {
			t.Errorf("%s does not stand out at 3:1", r[0])
		}
	}
}

func TestStatusCellText(t *testing.T) {
	d := reporttest.OneRow()
	page := renderPage(t, d)
	root := parse(t, page)
	var status *xhtml.Node
	for _, td := range all(root, tag(atom.Td)) {
		if hasClass(td, "status") {
			status = td
		}
	}
	if status == nil {
		t.Fatal("no status cell")
	}
	if got := text(status); got != "ON TARGET" {
		t.Errorf("status cell says %q", got)
	}
	style, _ := attr(status, "style")
	if style != "background-color:#DDEBF7;color:#000000" {
		t.Errorf("status cell style %q", style)
	}
}

func TestPlanHeadings(t *testing.T) {
	h := func(l int) report.Block { return &report.Heading{Level: l, Text: report.Plain("h")} }
	p := &report.Paragraph{Text: report.Plain("p")}
	tests := []struct {
		name   string
		blocks []report.Block
		want   []int // per heading, 0 for a kicker
	}{
		{"plain", []report.Block{h(1), h(2), h(3)}, []int{1, 2, 3}},
		{"kicker above title", []report.Block{h(3), h(1), h(2)}, []int{0, 1, 2}},
		{"two kickers", []report.Block{h(3), h(2), h(1), p}, []int{0, 0, 1}},
		{"text before", []report.Block{h(2), p, h(1)}, []int{1, 1}},
		{"skip", []report.Block{h(1), h(3), h(3), h(2)}, []int{1, 2, 2, 2}},
		{"starts at two", []report.Block{h(2), h(3), h(2)}, []int{1, 2, 1}},
		{"out of range", []report.Block{h(0), h(9)}, []int{1, 2}},
		{"none", []report.Block{p}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hp := planHeadings(report.Section{Blocks: tt.blocks})
			var got []int
			for i, bl := range tt.blocks {
				if _, ok := bl.(*report.Heading); ok {
					got = append(got, hp.Level[i])
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("levels %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTOC(t *testing.T) {
	tests := []struct {
		name   string
		levels []int
		want   string
	}{
		{"flat", []int{0, 0}, "<ol><li>a</li><li>b</li></ol>"},
		{"nested", []int{0, 1, 2, 1, 0}, "<ol><li>a<ol><li>b<ol><li>c</li></ol></li><li>d</li></ol></li><li>e</li></ol>"},
		{"deep start", []int{2, 3}, "<ol><li>a<ol><li>b</li></ol></li></ol>"},
		{"jump", []int{0, 3, 0}, "<ol><li>a<ol><li>b</li></ol></li><li>c</li></ol>"},
		{"none", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var es []entry
			for i, l := range tt.levels {
				es = append(es, entry{level: l, title: string(rune('a' + i)), id: "x"})
			}
			var b strings.Builder
			tocHTML(&b, es)
			got := strings.NewReplacer("\n", "", `<a href="#x">`, "", "</a>", "").Replace(b.String())
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestRunningText(t *testing.T) {
	tests := []struct {
		in, screen, print string
	}{
		{"Page {page} of {pages}", "", `"Page " counter(page) " of " counter(pages)`},
		{"Appendix 1 (B)", "Appendix 1 (B)", `"Appendix 1 \28 B\29 "`},
		{"Appendix 1B – page {page}", "Appendix 1B", `"Appendix 1B \2013  page " counter(page)`},
		{"{page}/{pages}", "", `counter(page) "\2f " counter(pages)`},
		{"</style>", "</style>", `"\3c \2f style\3e "`},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := screenText(tt.in); got != tt.screen {
				t.Errorf("screen %q, want %q", got, tt.screen)
			}
			if got := marginContent(tt.in); got != tt.print {
				t.Errorf("print %s, want %s", got, tt.print)
			}
		})
	}
}

func TestPageRule(t *testing.T) {
	tests := []struct {
		name string
		page report.Page
		want string
	}{
		{"A4 landscape", report.Page{Size: "A4", Landscape: true, Margins: report.Margins{Top: 14, Right: 12, Bottom: 14, Left: 12}}, "size: A4 landscape;\n  margin: 14mm 12mm 14mm 12mm;"},
		{"defaults", report.Page{}, "size: A4 portrait;\n  margin: 15mm 15mm 15mm 15mm;"},
		{"letter", report.Page{Size: "letter", Margins: report.Margins{Top: -1, Right: 10.5, Bottom: 1e9, Left: 20}}, "size: letter portrait;\n  margin: 15mm 10.5mm 15mm 20mm;"},
		{"unknown size", report.Page{Size: "B9"}, "size: A4 portrait;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pageRule(&report.Document{Page: tt.page}); !strings.Contains(got, tt.want) {
				t.Errorf("got %s\nwant it to contain %s", got, tt.want)
			}
		})
	}
}

func TestSpans(t *testing.T) {
	c := func(text string, span int) report.Cell { return report.Cell{Text: report.Plain(text), Span: span} }
	cov := report.Cell{Covered: true}
	tests := []struct {
		name string
		rows []report.Row
		want string
	}{
		{"none", []report.Row{{Cells: []report.Cell{c("a", 0), c("b", 1)}}}, "[[1 1]]"},
		{"span two", []report.Row{{Cells: []report.Cell{c("a", 2), c("b", 0)}}, {Cells: []report.Cell{cov, c("c", 0)}}}, "[[2 1] [0 1]]"},
		{"span past the group", []report.Row{{Cells: []report.Cell{c("a", 5), c("b", 0)}}, {Cells: []report.Cell{cov, c("c", 0)}}}, "[[2 1] [0 1]]"},
		{"span over text", []report.Row{{Cells: []report.Cell{c("a", 3), c("b", 0)}}, {Cells: []report.Cell{c("kept", 0), c("c", 0)}}}, "[[1 1] [1 1]]"},
		{"covered by nothing", []report.Row{{Cells: []report.Cell{cov, c("b", 0)}}}, "[[1 1]]"},
		{"short row", []report.Row{{Cells: []report.Cell{c("a", 2)}}, {}}, "[[1 1] [1 1]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmt.Sprint(spans(tt.rows, 2)); got != tt.want {
				t.Errorf("spans %s, want %s", got, tt.want)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	if _, err := Render(io.Discard, nil); err == nil {
		t.Error("a nil document rendered")
	}
	werr := errors.New("disk full")
	if _, err := Render(failWriter{werr}, reporttest.OneRow()); !errors.Is(err, werr) {
		t.Errorf("write error %v, want it to wrap %v", err, werr)
	}
}

type failWriter struct{ err error }

func (f failWriter) Write([]byte) (int, error) { return 0, f.err }

func FuzzRender(f *testing.F) {
	for _, s := range []string{"plain", "<script>x</script>", "**bold** *it*\n\n• a\n- b", "\x00\xff\r\n", "&#0;", "]]></svg>", "{page}"} {
		f.Add(s, s, 2)
	}
	f.Fuzz(func(t *testing.T, cell, head string, span int) {
		d := hostileDoc(cell)
		d.Sections[0].Blocks = append([]report.Block{&report.Heading{Level: span, Text: report.Markup(head), Bookmark: head}}, d.Sections[0].Blocks...)
		tbl := d.Sections[0].Blocks[4].(*report.Table)
		tbl.Groups[0].Rows = append(tbl.Groups[0].Rows, report.Row{Cells: []report.Cell{{Covered: true}, {Text: report.Markup(head), Span: span}}})
		tbl.Groups[0].Rows[0].Cells[0].Span = span
		page := renderPage(t, d)
		checkNesting(t, page)
		root := parse(t, page)
		if n := len(all(root, tag(atom.Script))); n > 0 {
			t.Fatalf("%d <script> elements", n)
		}
		got := text(root)
		for _, w := range strings.Fields(clean(plainText(report.Markup(cell)))) {
			if !strings.Contains(got, w) {
				t.Fatalf("word %q of the cell is missing", w)
			}
		}
	})
}

func BenchmarkRender(b *testing.B) {
	doc := reporttest.LongGroup()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if _, err := Render(&buf, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
