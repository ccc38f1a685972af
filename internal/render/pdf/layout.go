package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/agsreport/agsreport/internal/report"
)

// Kind is the kind of a Box.
type Kind uint8

// Box kinds.
const (
	TextBox  Kind = iota // one line of text in one face, size and colour
	FillBox              // a filled rectangle
	RuleBox              // a straight line from (X, Y) to (X+W, Y+H)
	FrameBox             // the outline of a rectangle
)

func (k Kind) String() string {
	switch k {
	case FillBox:
		return "fill"
	case RuleBox:
		return "rule"
	case FrameBox:
		return "frame"
	}
	return "text"
}

// RGB is a colour.
type RGB = report.RGB

// parseColour reads a document colour (see report.ParseColour).
func parseColour(s string) (RGB, bool) { return report.ParseColour(s) }

// Box is one thing drawn on a page. Coordinates are millimetres from the
// top-left corner of the page. For a TextBox, (X, Y) is the top-left corner
// of the line box, W the measured width of the text and H the line height;
// the text sits on a baseline inside that box.
type Box struct {
	Kind       Kind
	X, Y, W, H float64
	Text       string  // TextBox: the text, already made drawable
	Face       Face    // TextBox
	Size       float64 // TextBox: font size in points
	Colour     RGB     // text, fill or stroke colour
	Stroke     float64 // RuleBox and FrameBox: line width in millimetres
	// Running marks the running header and footer, which sit in the page
	// margins; every other box lies inside the body area.
	Running bool
	// Tag is the index in Layout.Elems of the structure element the box's
	// content belongs to, or Artifact.
	Tag int32
	// SpaceAfter is set on the last text of a line that another line of
	// the same text follows: a space is drawn after the text, invisible,
	// so that extracted text keeps the words apart. W leaves it out.
	SpaceAfter bool
}

// Mark is an outline entry (bookmark) pointing at a place on its page.
type Mark struct {
	Title string
	Level int // 0 is the top level; each mark is at most one level below the one before
	Y     float64
}

// Page is one laid-out page.
type Page struct {
	Boxes []Box
	Marks []Mark
}

// Geometry is the page size and margins in millimetres. The body area is
// the page less its margins.
type Geometry struct {
	Width, Height            float64
	Top, Right, Bottom, Left float64
}

// BodyTop and the other Body methods give the edges of the body area.
func (g Geometry) BodyTop() float64 { return g.Top }

// BodyBottom is the lower edge of the body area.
func (g Geometry) BodyBottom() float64 { return g.Height - g.Bottom }

// BodyLeft is the left edge of the body area.
func (g Geometry) BodyLeft() float64 { return g.Left }

// BodyRight is the right edge of the body area.
func (g Geometry) BodyRight() float64 { return g.Width - g.Right }

// Layout is a document laid out on pages.
type Layout struct {
	Geometry
	Landscape bool
	SizeName  string // the paper's name, e.g. "A4" (see report.Papers)
	Pages     []Page
	// Elems is the structure tree, the Document first (see Elem).
	Elems []Elem
	// Alts holds the alternative text of each Figure, by its index in
	// Elems.
	Alts map[int32]string
}

// Dump writes the layout as stable text for golden tests: one line per
// page, mark and box, coordinates rounded to hundredths of a millimetre.
func (l *Layout) Dump() string {
	var b strings.Builder
	g := l.Geometry
	fmt.Fprintf(&b, "layout %s landscape=%v %sx%s margins=%s,%s,%s,%s pages=%d\n", l.SizeName, l.Landscape,
		num(g.Width), num(g.Height), num(g.Top), num(g.Right), num(g.Bottom), num(g.Left), len(l.Pages))
	for i, p := range l.Pages {
		fmt.Fprintf(&b, "page %d\n", i+1)
		for _, m := range p.Marks {
			fmt.Fprintf(&b, "  mark %d y=%s %q\n", m.Level, num(m.Y), m.Title)
		}
		for _, x := range p.Boxes {
			run := ""
			if x.Running {
				run = " running"
			}
			switch x.Kind {
			case TextBox:
				fmt.Fprintf(&b, "  text %s,%s w=%s h=%s %s %s %s%s %q\n", num(x.X), num(x.Y), num(x.W), num(x.H),
					x.Face, num(x.Size), x.Colour, run, x.Text)
			default:
				fmt.Fprintf(&b, "  %s %s,%s %sx%s %s", x.Kind, num(x.X), num(x.Y), num(x.W), num(x.H), x.Colour)
				if x.Kind != FillBox {
					fmt.Fprintf(&b, " stroke=%s", num(x.Stroke))
				}
				b.WriteString(run)
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// num formats a length for the dump.
func num(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	if s == "-0.00" {
		s = "0.00"
	}
	return s
}

// defaultMargin is used for any margin left at zero (millimetres).
const defaultMargin = 15

// geometry resolves the document's page setup.
func geometry(p report.Page) (Geometry, string, error) {
	pp, err := p.Paper()
	if err != nil {
		return Geometry{}, "", err
	}
	g := Geometry{Width: pp.Width, Height: pp.Height}
	name := pp.Name
	if p.Landscape {
		g.Width, g.Height = g.Height, g.Width
	}
	m := p.Margins
	g.Top, g.Right, g.Bottom, g.Left = orDefault(m.Top), orDefault(m.Right), orDefault(m.Bottom), orDefault(m.Left)
	for _, v := range []float64{g.Top, g.Right, g.Bottom, g.Left} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return Geometry{}, "", fmt.Errorf("page margins must be positive millimetres, got %v", m)
		}
	}
	if g.BodyRight()-g.BodyLeft() < 40 || g.BodyBottom()-g.BodyTop() < 40 {
		return Geometry{}, "", fmt.Errorf("page margins %v leave less than 40 mm for the text", m)
	}
	return g, name, nil
}

func orDefault(v float64) float64 {
	if v == 0 {
		return defaultMargin
	}
	return v
}

// style is the document style with defaults filled in.
type style struct {
	font, table    float64
	heads          [3]float64
	headerFill     RGB
	hasHeaderFill  bool
	headerColour   RGB
	bandFill       RGB
	hasBandFill    bool
	rule           RGB
	text, running  RGB
	padX, padY     float64 // cell padding, millimetres
	ruleWidth      float64
	runningSize    float64
	paragraphSpace float64 // factor of the line height after a paragraph
}

func resolveStyle(s report.Style) style {
	size := func(v, def float64) float64 {
		if v <= 0 || math.IsNaN(v) || v > 72 {
			return def
		}
		return v
	}
	st := style{
		font:           size(s.FontSize, 10),
		table:          size(s.TableFontSize, 9),
		padX:           1.5,
		padY:           1.2,
		ruleWidth:      0.2,
		runningSize:    8,
		running:        RGB{R: 0x59, G: 0x59, B: 0x59},
		paragraphSpace: 0.6,
	}
	defs := [3]float64{14, 12, 10.5}
	for i := range st.heads {
		st.heads[i] = size(s.HeadingSizes[i], defs[i])
	}
	st.headerFill, st.hasHeaderFill = parseColour(s.HeaderFill)
	st.headerColour, _ = parseColour(s.HeaderColour) // empty: black
	st.bandFill, st.hasBandFill = parseColour(s.BandFill)
	if c, ok := parseColour(s.RuleColour); ok {
		st.rule = c
	}
	return st
}

// lineHeight is the height of one line of text at size points, in
// millimetres.
func lineHeight(size float64) float64 { return size * 1.2 * ptToMM }

// baseline returns the distance from the top of a line box to the baseline
// for text at size points: the font's ascent (0.905 em) plus half the
// leading left over from its descent (0.212 em).
func baseline(size float64) float64 {
	em := size * ptToMM
	return (1.2-0.905-0.212)/2*em + 0.905*em
}

// LayoutDocument lays doc out on pages, measuring text with m. The result can be
// drawn by the PDF renderer or dumped for tests. Layout fails only on a page
// setup it cannot honour (an unknown size, margins that leave no room).
func LayoutDocument(doc *report.Document, m Metrics) (*Layout, error) {
	return layoutPages(doc, m, nil)
}

// layoutPages is LayoutDocument; with emit set, it hands each page to
// emit as soon as nothing more will be placed on it, with the structure
// elements so far, and reuses the page's boxes for the next page. The
// Layout returned then holds, on each page, only the running header and
// footer, which need the page count.
func layoutPages(doc *report.Document, m Metrics, emit func(p *Page, elems []Elem)) (*Layout, error) {
	if doc == nil {
		return nil, fmt.Errorf("laying out: no document")
	}
	g, name, err := geometry(doc.Page)
	if err != nil {
		return nil, fmt.Errorf("laying out %q: %w", doc.Meta.Title, err)
	}
	f := &flow{m: m, g: g, st: resolveStyle(doc.Style), doc: doc, lastMark: -1, emit: emit}
	f.elems = []Elem{{Role: roleDocument, Parent: -1}}
	plans := report.PlanDocument(doc)
	for si, sec := range doc.Sections {
		f.plan = plans[si]
		f.newPage()
		f.sect = f.elem(roleSect, 0)
		f.sectionLevel = 0
		if t := strings.TrimSpace(sec.Name); t != "" {
			f.mark(t, 0)
		}
		for i, bl := range sec.Blocks {
			f.at = i
			f.block(bl, sec.Blocks[i+1:])
		}
	}
	if f.err != nil {
		return nil, fmt.Errorf("laying out %q: %w", doc.Meta.Title, f.err)
	}
	if len(f.pages) == 0 {
		f.newPage()
	}
	if emit != nil {
		last := f.page()
		emit(last, f.elems)
		*last = Page{}
	}
	f.running()
	return &Layout{Geometry: g, Landscape: doc.Page.Landscape, SizeName: name, Pages: f.pages, Elems: f.elems, Alts: f.alts}, nil
}

// flow is the state of one layout run.
type flow struct {
	m   Metrics
	g   Geometry
	st  style
	doc *report.Document

	pages []Page
	y     float64 // where the next block starts on the current page
	// lastMark is the level of the last outline entry (-1 before the first),
	// sectionLevel the level of the last heading entry in this section.
	lastMark, sectionLevel int

	err   error              // the first block that could not be laid out
	elems []Elem             // the structure tree so far
	alts  map[int32]string   // see Layout.Alts
	sect  int32              // the Sect element of the current section
	plan  report.HeadingPlan // the heading levels of the current section
	at    int                // index of the block being laid out in its section

	scratch []atom // reused by wrap
	lineBuf []line // reused by wrap
	segBuf  []seg  // reused by wrap
	// lineArena and segArena hold the lines and segments wrap returns
	// (see keepLines).
	lineArena []line
	segArena  []seg
	layerBuf  []Box                     // reused by layer
	tables    map[*report.Table]*ttable // tables measured so far
	emit      func(*Page, []Elem)       // see layoutPages
}

func (f *flow) page() *Page { return &f.pages[len(f.pages)-1] }

func (f *flow) newPage() {
	var boxes []Box
	if n := len(f.pages); n > 0 {
		if last := &f.pages[n-1]; f.emit != nil {
			f.emit(last, f.elems)
			boxes = last.Boxes[:0]
			*last = Page{}
		} else {
			boxes = make([]Box, 0, len(last.Boxes)+16) // pages of a long table look alike
		}
	}
	f.pages = append(f.pages, Page{Boxes: boxes})
	f.y = f.g.BodyTop()
}

// atTop reports whether nothing has been placed on the current page.
func (f *flow) atTop() bool { return f.y <= f.g.BodyTop()+1e-9 }

// room is the height left on the current page.
func (f *flow) room() float64 { return f.g.BodyBottom() - f.y }

// bodyWidth is the width of the body area.
func (f *flow) bodyWidth() float64 { return f.g.BodyRight() - f.g.BodyLeft() }

// ensure starts a new page unless h fits in the room left or the page is
// still empty.
func (f *flow) ensure(h float64) {
	if h > f.room()+1e-9 && !f.atTop() {
		f.newPage()
	}
}

// mark adds an outline entry at the current position. Levels never jump by
// more than one below the previous entry, as PDF outlines require.
func (f *flow) mark(title string, level int) int {
	title = strings.TrimSpace(cleanMeta(title))
	if title == "" {
		return f.lastMark
	}
	if level > f.lastMark+1 {
		level = f.lastMark + 1
	}
	if level < 0 {
		level = 0
	}
	p := f.page()
	p.Marks = append(p.Marks, Mark{Title: title, Level: level, Y: f.y})
	f.lastMark = level
	return level
}

func (f *flow) add(b Box) {
	p := f.page()
	p.Boxes = append(p.Boxes, b)
}

// block lays out one block; rest holds the blocks after it in its section,
// the start of which a heading, or a short paragraph introducing a table or
// chart, is kept with (see keepStart).
func (f *flow) block(bl report.Block, rest []report.Block) {
	switch x := bl.(type) {
	case *report.Heading:
		f.heading(x, rest)
	case *report.Paragraph:
		if x == nil {
			return
		}
		size := f.st.font
		if x.Small {
			size = f.st.table
		}
		lines := f.wrap(x.Text, size, f.bodyWidth(), false)
		if len(rest) > 0 && len(lines) <= leadInLines && introduces(rest[0]) {
			f.ensure(blockHeight(lines) + f.st.paragraphSpace*lineHeight(size) + f.minStart(rest[0]))
		}
		f.tagLines(f.sect, lines, false)
		f.flowLines(lines, size)
		f.y += f.st.paragraphSpace * lineHeight(size)
	case *report.Fields:
		f.fields(x)
	case *report.Table:
		if x != nil {
			f.table(x)
		}
	case *report.Chart:
		if x != nil {
			f.chart(x)
			if len(x.Categories) > 0 {
				// The same numbers as a table, as in the HTML and Word
				// papers, so that no reader depends on the picture.
				data := x.DataTable()
				f.block(&report.Paragraph{Text: report.Plain(data.Name), Small: true}, []report.Block{data})
				f.block(data, nil)
			}
		}
	case *report.StatusKey:
		if x != nil {
			f.statusKey(x)
		}
	default:
		if f.err == nil {
			f.err = report.UnknownBlock(bl)
		}
	}
}

// leadInLines is the most lines a paragraph may have and still be kept
// with the table or chart after it, as a sentence introducing it.
const leadInLines = 3

// introduces reports whether bl is a block that a short paragraph before
// it introduces, and so is kept with.
func introduces(bl report.Block) bool {
	switch x := bl.(type) {
	case *report.Table:
		return x != nil
	case *report.Chart:
		return x != nil
	}
	return false
}

// keepStart is the least height the blocks of rest need at the foot of a
// page to start there: the first block's own least start, or, for a short
// paragraph introducing a table or chart, the whole paragraph and the start
// of what it introduces, so that a heading is not left at a page foot above
// an introduction whose table begins overleaf.
func (f *flow) keepStart(rest []report.Block) float64 {
	if len(rest) == 0 {
		return 0
	}
	if p, ok := rest[0].(*report.Paragraph); ok && p != nil && len(rest) > 1 && introduces(rest[1]) {
		size := f.st.font
		if p.Small {
			size = f.st.table
		}
		if lines := f.wrap(p.Text, size, f.bodyWidth(), false); len(lines) <= leadInLines {
			return blockHeight(lines) + f.st.paragraphSpace*lineHeight(size) + f.minStart(rest[1])
		}
	}
	return f.minStart(rest[0])
}

// minStart is the least height block needs at the foot of a page to start
// there, used to keep a heading with what follows it.
func (f *flow) minStart(bl report.Block) float64 {
	switch x := bl.(type) {
	case *report.Paragraph:
		if x == nil {
			return 0
		}
		size := f.st.font
		if x.Small {
			size = f.st.table
		}
		return 2 * lineHeight(size)
	case *report.Fields:
		return 2 * lineHeight(f.st.font)
	case *report.Table:
		if x == nil {
			return 0
		}
		return f.tableMinStart(x)
	case *report.Chart:
		if x == nil {
			return 0
		}
		return f.chartMinStart(x)
	case *report.StatusKey:
		return 2 * lineHeight(f.st.table)
	case *report.Heading:
		return lineHeight(f.st.font) * 2
	case nil:
		return 0 // no block follows
	default:
		if f.err == nil {
			f.err = report.UnknownBlock(bl)
		}
		return 0
	}
}

func (f *flow) heading(h *report.Heading, rest []report.Block) {
	if h == nil {
		return
	}
	level := h.Level
	if level < 1 {
		level = 1
	}
	if level > 3 {
		level = 3
	}
	size := f.st.heads[level-1]
	lines := f.wrap(h.Text, size, f.bodyWidth(), true)
	if role := headingRole(f.plan, f.at); role == roleP {
		f.tagLines(f.sect, lines, false)
	} else {
		f.tagLines(f.elem(role, f.sect), lines, true)
	}
	before := 0.0
	if !f.atTop() {
		before = 0.6 * lineHeight(size)
	}
	after := 0.35 * lineHeight(size)
	need := before + blockHeight(lines) + after
	need += f.keepStart(rest)
	f.ensure(need)
	if !f.atTop() {
		f.y += before
	}
	if h.Bookmark != "" {
		f.sectionLevel = f.mark(h.Bookmark, level)
	}
	f.flowLines(lines, size)
	f.y += after
}

// fields lays out label–value lines as paragraphs whose first run is the
// bold label.
func (f *flow) fields(fs *report.Fields) {
	if fs == nil {
		return
	}
	size := f.st.font
	for _, it := range fs.Items {
		label := strings.TrimSpace(it.Label)
		if label != "" && !strings.HasSuffix(label, ":") {
			label += ":"
		}
		var t report.Text
		switch {
		case label == "":
			t = it.Value
		case it.Stacked || len(it.Value.Lines) == 0 || it.Value.Lines[0].Bullet:
			t = report.Text{Lines: []report.Line{{Runs: []report.Run{{Text: label, Bold: true}}}}}
			t.Lines = append(t.Lines, it.Value.Lines...)
		default:
			first := it.Value.Lines[0]
			runs := append([]report.Run{{Text: label + " ", Bold: true}}, first.Runs...)
			t.Lines = append([]report.Line{{Runs: runs}}, it.Value.Lines[1:]...)
		}
		lines := f.wrap(t, size, f.bodyWidth(), false)
		f.tagLines(f.sect, lines, false)
		f.flowLines(lines, size)
		f.y += f.st.paragraphSpace * lineHeight(size)
	}
}

// flowLines places wrapped lines across the body width, starting new pages
// as needed. A gap before a line is dropped at the top of a page.
func (f *flow) flowLines(lines []line, size float64) {
	for i, ln := range lines {
		gap := ln.gap
		if i == 0 {
			gap = 0
		}
		if f.y+gap+ln.h > f.g.BodyBottom()+1e-9 && !f.atTop() {
			f.newPage()
		}
		if !f.atTop() {
			f.y += gap
		}
		f.textLine(ln, f.g.BodyLeft(), f.y, f.st.text, false)
		f.y += ln.h
	}
}

// textLine adds the boxes of one wrapped line whose left edge is at x and
// top at y, tagged as the line says or, with art, as an artifact.
func (f *flow) textLine(ln line, x, y float64, c RGB, art bool) {
	last := len(ln.segs) - 1
	for last >= 0 && ln.segs[last].text == "" {
		last--
	}
	for i, s := range ln.segs {
		if s.text == "" {
			continue
		}
		tag := ln.tag
		if s.run < 0 {
			tag = ln.lbl
		}
		if art {
			tag = Artifact
		}
		f.add(Box{Kind: TextBox, X: x + s.x, Y: y, W: s.w, H: ln.h, Text: s.text, Face: s.face, Size: ln.size, Colour: c, Tag: tag,
			SpaceAfter: s.spaceAfter || ln.more && i == last})
	}
}

// running adds the running header and footer to every page, now that the
// page count is known.
func (f *flow) running() {
	hd, ft := f.doc.Header, f.doc.Footer
	size := f.st.runningSize
	lh := lineHeight(size)
	total := strconv.Itoa(len(f.pages))
	for i := range f.pages {
		n := strconv.Itoa(i + 1)
		put := func(r report.Running, y float64) {
			slots := [3]string{r.Left, r.Centre, r.Right}
			for k, s := range slots {
				if s == "" {
					continue
				}
				s = strings.ReplaceAll(strings.ReplaceAll(s, "{page}", n), "{pages}", total)
				s = strings.TrimSpace(cleanText(s, Regular, f.m))
				if s == "" {
					continue
				}
				w := f.m.Width(Regular, size, s)
				x := f.g.BodyLeft()
				switch k {
				case 1:
					x = (f.g.BodyLeft()+f.g.BodyRight())/2 - w/2
				case 2:
					x = f.g.BodyRight() - w
				}
				f.pages[i].Boxes = append(f.pages[i].Boxes, Box{Kind: TextBox, X: x, Y: y, W: w, H: lh,
					Text: s, Face: Regular, Size: size, Colour: f.st.running, Running: true})
			}
		}
		// Centre the running lines in the margins, but never closer than
		// 2 mm to the page edge or 1 mm to the body.
		top := math.Max(2, math.Min(f.g.Top/2-lh/2, f.g.Top-lh-1))
		bottom := math.Min(f.g.Height-2-lh, math.Max(f.g.BodyBottom()+f.g.Bottom/2-lh/2, f.g.BodyBottom()+1))
		put(hd, top)
		put(ft, bottom)
	}
}
