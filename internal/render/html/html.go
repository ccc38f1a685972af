package html

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/agsreport/agsreport/internal/render"
	"github.com/agsreport/agsreport/internal/report"
)

// Render writes doc to w as one self-contained HTML5 page and returns an
// empty Info (a web page has no pages or sheets). The same document always
// gives the same bytes, and nothing is written to w unless the whole page
// was produced. Render fails only for a nil document or when w fails.
func Render(w io.Writer, doc *report.Document) (render.Info, error) {
	if doc == nil {
		return render.Info{}, errors.New("rendering HTML: no document")
	}
	if _, err := doc.Page.Paper(); err != nil {
		return render.Info{}, fmt.Errorf("rendering HTML %q: %w", doc.Meta.Title, err)
	}
	p := &page{doc: doc, st: resolveStyle(doc.Style)}
	p.document()
	if p.err != nil {
		return render.Info{}, fmt.Errorf("rendering HTML %q: %w", doc.Meta.Title, p.err)
	}
	if _, err := io.WriteString(w, p.b.String()); err != nil {
		return render.Info{}, fmt.Errorf("writing HTML %q: %w", doc.Meta.Title, err)
	}
	return render.Info{}, nil
}

// page is the state of one rendering.
type page struct {
	doc *report.Document
	err error // the first block that could not be written
	st  style
	b   strings.Builder
	ids ids
	toc []entry
}

// addEntry adds a table of contents entry and returns its level, which is
// never more than one below the previous entry's (as in the PDF outline).
func (p *page) addEntry(level int, title, id string) int {
	last := -1
	if n := len(p.toc); n > 0 {
		last = p.toc[n-1].level
	}
	level = max(0, min(level, last+1))
	p.toc = append(p.toc, entry{level: level, title: title, id: id})
	return level
}

// document writes the whole page. The body is written first, so that the
// table of contents (gathered on the way) can be put before it.
func (p *page) document() {
	body := p.body()
	b := &p.b
	m := p.doc.Meta
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	escape(b, m.Lang())
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	title := strings.TrimSpace(m.Title)
	if title == "" {
		title = "Report"
	}
	b.WriteString("<title>")
	escape(b, title)
	b.WriteString("</title>\n")
	meta := func(name, content string) {
		if strings.TrimSpace(content) == "" {
			return
		}
		b.WriteString("<meta name=\"" + name + "\" content=\"")
		escape(b, strings.TrimSpace(content))
		b.WriteString("\">\n")
	}
	meta("author", m.Author)
	meta("description", m.Subject)
	meta("keywords", strings.Join(m.Keywords, ", "))
	meta("generator", "agsreport")
	if !m.Date.IsZero() {
		meta("dcterms.date", m.Date.Format("2006-01-02"))
	}
	b.WriteString("<style>\n")
	b.WriteString(stylesheet(p.doc, p.st))
	b.WriteString("</style>\n</head>\n<body>\n")
	if len(p.toc) > 0 {
		b.WriteString("<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
	}
	p.running("header", p.doc.Header)
	if len(p.toc) > 0 {
		b.WriteString("<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<p class=\"toc-title\" id=\"toc-title\">Contents</p>\n")
		tocHTML(b, p.toc)
		b.WriteString("</nav>\n")
	}
	b.WriteString("<main id=\"main\">\n")
	b.WriteString(body)
	b.WriteString("</main>\n")
	p.running("footer", p.doc.Footer)
	b.WriteString("</body>\n</html>\n")
}

// running writes a running header or footer for the screen: three slots,
// without page numbers.
func (p *page) running(tag string, r report.Running) {
	slots := [3]string{screenText(r.Left), screenText(r.Centre), screenText(r.Right)}
	if slots == [3]string{} {
		return
	}
	b := &p.b
	b.WriteString("<" + tag + " class=\"running\">")
	for i, s := range slots {
		b.WriteString([3]string{"<div class=\"l\">", "<div class=\"c\">", "<div class=\"r\">"}[i])
		escape(b, s)
		b.WriteString("</div>")
	}
	b.WriteString("</" + tag + ">\n")
}

// body writes the sections and gathers the table of contents; the ids it
// hands out are reserved first for the page's own elements.
func (p *page) body() string {
	for _, id := range []string{"main", "toc-title"} {
		p.ids.make(id)
	}
	var b strings.Builder
	plans := report.PlanDocument(p.doc)
	for i, sec := range p.doc.Sections {
		p.section(&b, sec, plans[i])
	}
	return b.String()
}

// section writes one section: its headings renumbered as hp says (see
// report.PlanDocument), labelled by its first heading or, without one, by
// its name.
func (p *page) section(b *strings.Builder, sec report.Section, hp report.HeadingPlan) {
	name := strings.TrimSpace(clean(sec.Name))
	secID := p.ids.make(name)
	if name != "" {
		p.addEntry(0, name, secID)
	}
	// Heading ids are made up front so the section can name its label.
	headIDs := map[int]string{}
	for i, bl := range sec.Blocks {
		if h, ok := bl.(*report.Heading); ok && h != nil {
			src := h.Bookmark
			if strings.TrimSpace(src) == "" {
				src = plainText(h.Text)
			}
			headIDs[i] = p.ids.make(src)
		}
	}
	b.WriteString("<section id=\"" + secID + "\"")
	switch {
	case hp.First >= 0:
		b.WriteString(" aria-labelledby=\"" + headIDs[hp.First] + "\"")
	case name != "":
		b.WriteString(" aria-label=\"")
		escape(b, name)
		b.WriteString("\"")
	}
	b.WriteString(">\n")
	// Table of contents levels follow the page's outline: a bookmarked
	// heading's entry sits below the entry of the nearest bookmarked heading
	// before it of a higher HTML level, or below the section's entry.
	type open struct{ h, toc int }
	base := open{0, -1}
	if name != "" {
		base.toc = 0
	}
	stack := []open{base}
	tocLevel := base.toc // of the last heading entry; group entries go below it
	for i, bl := range sec.Blocks {
		switch x := bl.(type) {
		case *report.Heading:
			if x == nil {
				continue
			}
			// A bookmark that repeats the section's name adds no entry.
			if t := strings.TrimSpace(clean(x.Bookmark)); t != "" && !strings.EqualFold(t, name) {
				hl := max(hp.Level[i], 1)
				for len(stack) > 1 && stack[len(stack)-1].h >= hl {
					stack = stack[:len(stack)-1]
				}
				tocLevel = p.addEntry(stack[len(stack)-1].toc+1, t, headIDs[i])
				stack = append(stack, open{hl, tocLevel})
			}
			p.heading(b, x, hp.Level[i], headIDs[i])
		case *report.Paragraph:
			if x == nil {
				continue
			}
			if x.Small {
				b.WriteString("<div class=\"small\">")
				blockText(b, x.Text)
				b.WriteString("</div>\n")
			} else {
				blockText(b, x.Text)
				b.WriteString("\n")
			}
		case *report.Fields:
			if x != nil {
				p.fields(b, x)
			}
		case *report.Table:
			if x != nil {
				p.table(b, x, tocLevel+1)
			}
		case *report.Chart:
			if x != nil {
				p.chart(b, x)
			}
		case *report.StatusKey:
			if x != nil {
				p.statusKey(b, x)
			}
		default:
			if p.err == nil {
				p.err = fmt.Errorf("section %q, block %d: %w", sec.Name, i+1, report.UnknownBlock(bl))
			}
		}
	}
	b.WriteString("</section>\n")
}

// heading writes a heading at HTML level lv, or as a kicker line when lv is
// 0. Its look follows its report level.
func (p *page) heading(b *strings.Builder, h *report.Heading, lv int, id string) {
	class := "l" + strconv.Itoa(clampLevel(h.Level))
	if lv == 0 {
		b.WriteString("<p class=\"kicker " + class + "\" id=\"" + id + "\">")
		inlineText(b, h.Text)
		b.WriteString("</p>\n")
		return
	}
	tag := "h" + strconv.Itoa(lv)
	b.WriteString("<" + tag + " class=\"" + class + "\" id=\"" + id + "\">")
	inlineText(b, h.Text)
	b.WriteString("</" + tag + ">\n")
}

// fields writes label–value lines as a description list. A label gets a
// colon, as in the PDF, unless it ends with one. A short value follows its
// label on the line, a value of several paragraphs or bullets hangs beside
// it, and a stacked value starts below it.
func (p *page) fields(b *strings.Builder, fs *report.Fields) {
	if len(fs.Items) == 0 {
		return
	}
	b.WriteString("<dl class=\"fields\">\n")
	for _, f := range fs.Items {
		label := strings.TrimSpace(f.Label)
		if label != "" && !strings.HasSuffix(label, ":") {
			label += ":"
		}
		switch {
		case f.Stacked:
			b.WriteString("<div class=\"field stacked\">")
		case isBlock(f.Value):
			b.WriteString("<div class=\"field\">")
		default:
			b.WriteString("<div class=\"field inline\">")
		}
		b.WriteString("<dt>")
		escape(b, label)
		b.WriteString("</dt> <dd>")
		flowText(b, f.Value)
		b.WriteString("</dd></div>\n")
	}
	b.WriteString("</dl>\n")
}

// statusKey lists the document's statuses, each with a swatch of its colour
// and its name; closed statuses say so in words.
func (p *page) statusKey(b *strings.Builder, k *report.StatusKey) {
	if len(p.doc.Statuses) == 0 {
		return
	}
	b.WriteString("<div class=\"status-key\">")
	title := strings.TrimSpace(k.Title)
	listID := ""
	if title != "" {
		listID = p.ids.make(title)
		b.WriteString("<p class=\"key-title\" id=\"" + listID + "\">")
		escape(b, title)
		b.WriteString("</p>")
	}
	if listID != "" {
		b.WriteString("<ul aria-labelledby=\"" + listID + "\">")
	} else {
		b.WriteString("<ul>")
	}
	for _, s := range p.doc.Statuses {
		b.WriteString("<li>")
		swatch(b, s.Colour)
		escape(b, s.Label())
		b.WriteString("</li>")
	}
	b.WriteString("</ul></div>\n")
}

// swatch writes a colour square hidden from assistive technology (the name
// beside it says what it means). An invalid colour draws an empty square.
func swatch(b *strings.Builder, colour string) {
	b.WriteString("<span class=\"swatch\" aria-hidden=\"true\"")
	if c, ok := parseColour(colour); ok {
		b.WriteString(" style=\"background-color:" + c.String() + "\"")
	}
	b.WriteString("></span>")
}

// table writes a table inside a labelled scrolling region. Group bookmarks
// become table of contents entries at bandLevel.
func (p *page) table(b *strings.Builder, t *report.Table, bandLevel int) {
	name := strings.TrimSpace(clean(t.Name))
	n := len(t.Columns)
	if n == 0 {
		if e := strings.TrimSpace(t.Empty); e != "" {
			blockText(b, report.Plain(e))
			b.WriteString("\n")
		}
		return
	}
	label := name
	if label == "" {
		label = "Table"
	}
	b.WriteString("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
	escape(b, label)
	fmt.Fprintf(b, "\">\n<table style=\"min-width:%dem\">\n", max(30, 7*n))
	if name != "" {
		b.WriteString("<caption>")
		escape(b, name)
		b.WriteString("</caption>\n")
	}
	total := 0.0
	for _, c := range t.Columns {
		total += colWidth(c.Width)
	}
	b.WriteString("<colgroup>")
	for _, c := range t.Columns {
		fmt.Fprintf(b, "<col style=\"width:%s%%\">", num(100*colWidth(c.Width)/total))
	}
	b.WriteString("</colgroup>\n<thead><tr>")
	for _, c := range t.Columns {
		b.WriteString("<th scope=\"col\"" + alignClass(c.Align, "") + ">")
		escape(b, c.Title)
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead>\n")
	for _, g := range t.Groups {
		p.group(b, t, g, bandLevel)
	}
	if t.Rows() == 0 && strings.TrimSpace(t.Empty) != "" {
		fmt.Fprintf(b, "<tbody><tr><td class=\"empty\" colspan=\"%d\">", n)
		escape(b, strings.TrimSpace(t.Empty))
		b.WriteString("</td></tr></tbody>\n")
	}
	b.WriteString("</table>\n</div>\n")
}

// colWidth is a column's relative width; a missing or invalid width counts
// as 1.
func colWidth(w float64) float64 {
	if w <= 0 || math.IsNaN(w) || math.IsInf(w, 0) || w > 1e6 {
		return 1
	}
	return w
}

// alignClass returns the class attribute for an alignment plus extra
// classes, or "" when there are none.
func alignClass(a report.Align, extra string) string {
	var cls []string
	switch a {
	case report.Centre:
		cls = append(cls, "c")
	case report.Right:
		cls = append(cls, "r")
	}
	if extra != "" {
		cls = append(cls, extra)
	}
	if len(cls) == 0 {
		return ""
	}
	return " class=\"" + strings.Join(cls, " ") + "\""
}

// spans returns the row span of each cell of a group's rows (see
// report.Spans).
func spans(rows []report.Row, n int) [][]int { return report.Spans(rows, n) }

// cellAt returns row's cell in column c, if the row has one.
func cellAt(row report.Row, c int) (report.Cell, bool) { return row.CellAt(c) }

// group writes one group as a <tbody>: its band as a full-width row header,
// then its rows. Rows with fewer cells than columns are padded with empty
// cells; cells beyond the last column are not shown.
func (p *page) group(b *strings.Builder, t *report.Table, g report.Group, bandLevel int) {
	n := len(t.Columns)
	bookmark := strings.TrimSpace(clean(g.Bookmark))
	if len(g.Rows) == 0 && g.Band.IsEmpty() && bookmark == "" {
		return
	}
	b.WriteString("<tbody>\n")
	if !g.Band.IsEmpty() || bookmark != "" {
		id := ""
		if bookmark != "" {
			id = p.ids.make(bookmark)
			p.addEntry(bandLevel, bookmark, id)
		}
		fmt.Fprintf(b, "<tr class=\"band\"><th scope=\"rowgroup\" colspan=\"%d\"", n)
		if id != "" {
			b.WriteString(" id=\"" + id + "\"")
		}
		b.WriteString(">")
		if g.Band.IsEmpty() {
			escape(b, bookmark)
		} else {
			flowText(b, g.Band)
		}
		b.WriteString("</th></tr>\n")
	}
	sp := spans(g.Rows, n)
	for r, row := range g.Rows {
		b.WriteString("<tr>")
		for c := 0; c < n; c++ {
			if sp[r][c] == 0 {
				continue
			}
			cell, _ := cellAt(row, c)
			p.cell(b, t.Columns[c], cell, sp[r][c])
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n")
}

// cell writes one table cell. A fill becomes the background under black or
// white text, whichever contrasts more; a status cell with no text shows its
// status name, so colour is never the only signal.
func (p *page) cell(b *strings.Builder, col report.Column, c report.Cell, span int) {
	extra := ""
	if col.Status || c.Status != "" {
		extra = "status"
	}
	if c.Covered {
		c = report.Cell{} // covered, but by nothing: drawn empty
	}
	b.WriteString("<td" + alignClass(col.Align, extra))
	if span > 1 {
		fmt.Fprintf(b, " rowspan=\"%d\"", span)
	}
	if fill, ok := parseColour(c.Fill); ok {
		fmt.Fprintf(b, " style=\"background-color:%s;color:%s\"", fill, textOn(fill))
	}
	b.WriteString(">")
	text := c.Text
	if text.IsEmpty() && strings.TrimSpace(c.Status) != "" {
		text = report.Plain(c.Status)
	}
	flowText(b, text)
	b.WriteString("</td>")
}
