package pdf

import (
	"math"
	"slices"

	"github.com/agsreport/agsreport/internal/report"
)

// eps absorbs rounding when comparing lengths in millimetres.
const eps = 1e-6

// tcell is a laid-out table cell.
type tcell struct {
	lines   []line
	h       float64 // height of the lines, padding excluded
	fill    RGB
	hasFill bool
	// span is 1 for an ordinary cell, the number of rows covered for a
	// spanning cell (itself included), and 0 for a covered cell.
	span int
}

// tall is the height the cell needs with its padding.
func (c *tcell) tall(st *style) float64 { return c.h + 2*st.padY }

// trow is a laid-out row.
type trow struct {
	cells []tcell
	h     float64 // natural height from the ordinary cells, padding included
}

// tgroup is a laid-out group. Its rows are measured one at a time, when
// the layout first needs them (see flow.row), and released once drawn, so
// that a long table's wrapped text is never all in memory.
type tgroup struct {
	band, bandCont   []line  // band text, and as repeated with " (continued)"
	bandH, bandContH float64 // bandContH is 0 when the band is too tall to repeat
	bookmark         string
	src              []report.Row
	rows             []trow // one per source row; cells nil until measured or once released
	measured         int    // rows [0, measured) have been measured
	// The spans reaching the next row to measure, per column: the row
	// that owns the span (-1 for none), the rows it may still cover, and
	// whether it was dissolved (see prepareTable).
	owner, left []int
	dissolved   []bool
}

// ttable is a table measured and ready to paginate.
type ttable struct {
	xs, ws  []float64 // left edge and width of each column
	aligns  []report.Align
	header  []tcell
	headerH float64
	groups  []tgroup
	empty   []line // shown when the table has no rows
	emptyH  float64
	nrows   int
	lh      float64 // one line at table size
	// capacity is the most a spanning cell may need and still span: the
	// body less the repeated header row and the tallest repeated band.
	capacity float64
	// repeat is set when the header row is small enough (a quarter of the
	// body at most) to repeat on every page.
	repeat bool
	// headerDrawn is set once the header row has been drawn; later copies
	// are artifacts.
	headerDrawn bool
	// body is the table's TBody element, which rows are tagged under as
	// they are placed.
	body int32
	// relG and relR locate the first row not yet released.
	relG, relR int
}

// prepareTable measures t: column widths, wrapped header and bands; its
// rows are measured later, in order, by row. A spanning cell covers only
// the rows below it that are marked Covered (at most Span-1 of them,
// within its group); a covered cell that no span reaches is drawn as an
// ordinary empty cell. A spanning cell whose text is taller than a page
// can hold is drawn as an ordinary cell of its first row, which then
// splits across pages.
func (f *flow) prepareTable(t *report.Table) *ttable {
	if tt, ok := f.tables[t]; ok {
		return tt
	}
	st := &f.st
	n := len(t.Columns)
	for _, g := range t.Groups {
		for _, r := range g.Rows {
			n = max(n, len(r.Cells))
		}
	}
	if n == 0 {
		n = 1
	}
	tt := &ttable{xs: make([]float64, n), ws: make([]float64, n), aligns: make([]report.Align, n), lh: lineHeight(st.table)}
	total := 0.0
	rel := make([]float64, n)
	for c := range rel {
		rel[c] = 1
		if c < len(t.Columns) {
			w := t.Columns[c].Width
			if w > 0 && !math.IsInf(w, 0) && !math.IsNaN(w) {
				rel[c] = w
			}
			tt.aligns[c] = t.Columns[c].Align
		}
		total += rel[c]
	}
	x := f.g.BodyLeft()
	for c := range rel {
		tt.xs[c] = x
		tt.ws[c] = rel[c] / total * f.bodyWidth()
		x += tt.ws[c]
	}

	tt.header = make([]tcell, n)
	hh := 0.0
	for c := range tt.header {
		if c < len(t.Columns) {
			lines := f.wrap(report.Plain(t.Columns[c].Title), st.table, tt.ws[c]-2*st.padX, true)
			tt.header[c] = tcell{lines: lines, h: blockHeight(lines), span: 1}
			hh = max(hh, tt.header[c].h)
		}
	}
	tt.headerH = max(hh, tt.lh) + 2*st.padY
	body := f.g.BodyBottom() - f.g.BodyTop()
	tt.repeat = tt.headerH <= body/4

	full := f.bodyWidth() - 2*st.padX
	maxCont := 0.0
	tt.groups = make([]tgroup, len(t.Groups))
	for gi, g := range t.Groups {
		tg := &tt.groups[gi]
		tg.bookmark, tg.src = g.Bookmark, g.Rows
		if !g.Band.IsEmpty() {
			tg.band = f.wrap(g.Band, st.table, full, true)
			tg.bandH = blockHeight(tg.band) + 2*st.padY
			tg.bandCont = f.wrap(continued(g.Band), st.table, full, true)
			tg.bandContH = blockHeight(tg.bandCont) + 2*st.padY
			if tg.bandContH > body/4 {
				tg.bandCont, tg.bandContH = nil, 0
			}
			maxCont = max(maxCont, tg.bandContH)
		}
		tt.nrows += len(g.Rows)
	}
	tt.capacity = body - tt.repeatH() - maxCont
	if tt.nrows == 0 && t.Empty != "" {
		tt.empty = f.wrap(report.Plain(t.Empty), st.table, full, false)
		tt.emptyH = max(blockHeight(tt.empty), tt.lh) + 2*st.padY
	}
	if f.tables == nil {
		f.tables = map[*report.Table]*ttable{}
	}
	f.tables[t] = tt
	return tt
}

// row returns row i of g, measuring it, and any unmeasured row before it,
// first.
func (f *flow) row(tt *ttable, g *tgroup, i int) *trow {
	for g.measured <= i {
		f.measureRow(tt, g, g.measured)
		g.measured++
	}
	return &g.rows[i]
}

// measureRow wraps the cells of row i of g and sizes the row: a spanning
// cell covers the Covered cells right below it, and one too tall for any
// page is dissolved into an ordinary cell, the cells it would have covered
// drawn as empty ordinary cells.
func (f *flow) measureRow(tt *ttable, g *tgroup, i int) {
	st := &f.st
	n := len(tt.ws)
	if g.rows == nil {
		g.rows = make([]trow, len(g.src))
		g.owner, g.left, g.dissolved = make([]int, n), make([]int, n), make([]bool, n)
		for c := range g.owner {
			g.owner[c] = -1
		}
	}
	r := &g.src[i]
	cells := make([]tcell, n)
	for c := range cells {
		var src report.Cell
		if c < len(r.Cells) {
			src = r.Cells[c]
		}
		if src.Covered && g.left[c] > 0 && g.owner[c] >= 0 {
			g.left[c]--
			if g.dissolved[c] {
				cells[c].span = 1
			}
			continue // span 0: covered
		}
		g.owner[c], g.left[c], g.dissolved[c] = -1, 0, false
		lines := f.wrap(src.Text, st.table, tt.ws[c]-2*st.padX, false)
		cell := tcell{lines: lines, h: blockHeight(lines), span: 1}
		cell.fill, cell.hasFill = parseColour(src.Fill)
		if src.Span > 1 {
			g.owner[c], g.left[c] = i, src.Span-1
			for k := i + 1; k < len(g.src) && cell.span < src.Span; k++ {
				if below := g.src[k].Cells; c >= len(below) || !below[c].Covered {
					break
				}
				cell.span++
			}
			if cell.span > 1 && cell.tall(st) > tt.capacity {
				cell.span, g.dissolved[c] = 1, true
			}
		}
		cells[c] = cell
	}
	h := tt.lh
	for c := range cells {
		if cells[c].span == 1 {
			h = max(h, cells[c].h)
		}
	}
	g.rows[i] = trow{cells: cells, h: h + 2*st.padY}
}

// release lets go of the measured text of the rows placed before row i of
// group gi that nothing on the current page still draws.
func (tt *ttable) release(tp *tpage, gi, i int, spans []open) {
	before := func(g1, r1, g2, r2 int) bool { return g1 < g2 || g1 == g2 && r1 < r2 }
	lg, lr := gi, i
	for c := range spans {
		if spans[c].on && before(gi, spans[c].row, lg, lr) {
			lr = spans[c].row
		}
	}
	if len(tp.pieces) > 0 {
		if p := &tp.pieces[0]; before(p.g, p.row, lg, lr) {
			lg, lr = p.g, p.row
		}
	}
	for _, s := range tp.segs {
		if before(s.g, s.row, lg, lr) {
			lg, lr = s.g, s.row
		}
	}
	for before(tt.relG, tt.relR, lg, lr) {
		g := &tt.groups[tt.relG]
		if tt.relR >= len(g.rows) {
			tt.relG, tt.relR = tt.relG+1, 0
			continue
		}
		g.rows[tt.relR] = trow{}
		tt.relR++
	}
}

// repeatH is the height of the header row on continuation pages.
func (tt *ttable) repeatH() float64 {
	if tt.repeat {
		return tt.headerH
	}
	return 0
}

// continued returns band text with " (continued)" appended to its last line.
func continued(t report.Text) report.Text {
	out := report.Text{Lines: append([]report.Line(nil), t.Lines...)}
	if n := len(out.Lines); n > 0 {
		last := out.Lines[n-1]
		last.Runs = append(append([]report.Run(nil), last.Runs...), report.Run{Text: " (continued)", Bold: true})
		out.Lines[n-1] = last
	}
	return out
}

// minSplit is the least room in which a row taller than a page starts
// rather than moving to the next page.
func (f *flow) minSplit(tt *ttable) float64 { return 3*tt.lh + 2*f.st.padY }

// rowStart is the room row i of g needs to start at the current position.
func (f *flow) rowStart(tt *ttable, g *tgroup, i int) float64 {
	if i >= len(g.src) {
		return 0
	}
	r := f.row(tt, g, i)
	// A row that fits on a page of its own moves there whole rather than
	// split, so all of it must fit for what comes before it to stay.
	need := r.h
	if r.h > f.capacity(tt, g) {
		need = math.Min(r.h, f.minSplit(tt))
	}
	for c := range r.cells {
		if r.cells[c].span > 1 {
			need = max(need, r.cells[c].tall(&f.st))
		}
	}
	return need
}

// tableMinStart is the room a table needs to start at the foot of a page:
// its header row, the first band and the start of the first row.
func (f *flow) tableMinStart(t *report.Table) float64 {
	tt := f.prepareTable(t)
	if tt.nrows == 0 {
		return tt.headerH + tt.emptyH
	}
	for gi := range tt.groups {
		g := &tt.groups[gi]
		if len(g.src) > 0 || g.bandH > 0 {
			return tt.headerH + g.bandH + f.rowStart(tt, g, 0)
		}
	}
	return tt.headerH
}

// piece is the part of a row drawn on one page: lines [from[c], to[c]) of
// each ordinary cell.
type piece struct {
	g, row   int
	y, h     float64
	from, to []int
}

// spanSeg is the part of a spanning cell drawn on one page.
type spanSeg struct {
	g, row, col int
	y0, y1      float64
	art         bool // a reprint after a page break
}

// bandBox is a group band placed on a page.
type bandBox struct {
	lines []line
	y, h  float64
	art   bool // a band repeated "(continued)"
}

// tpage collects what a table puts on the current page; it is turned into
// boxes when the page is full or the table ends, once heights are final.
type tpage struct {
	header  bool // the header row is drawn at headerY
	headerY float64
	bands   []bandBox
	pieces  []piece
	segs    []spanSeg
	ints    []int // holds the pieces' line ranges
}

// take returns n zeros from tp's ints, which are reused once the page's
// pieces are drawn.
func (tp *tpage) take(n int) []int {
	k := len(tp.ints)
	tp.ints = append(tp.ints, make([]int, n)...)
	return tp.ints[k : k+n : k+n]
}

// open is a span in progress on the current page.
type open struct {
	on       bool
	row, end int     // first and last row of the span
	y0       float64 // where its part on this page starts
	t        float64 // height its text needs
	printed  bool    // its text has been drawn on an earlier page
}

// table lays out a table: header row repeated on every page, bands kept
// with their first row and repeated "(continued)", rows moved whole to the
// next page when they do not fit, rows taller than a page split line by
// line, spanning cells reprinted on every page they reach.
func (f *flow) table(t *report.Table) {
	tt := f.prepareTable(t)
	defer delete(f.tables, t) // once placed, its measured lines are not needed
	f.tagTable(tt)
	f.ensure(f.tableMinStart(t))
	tp := &tpage{}
	f.tableHeader(tt, tp, true)
	if tt.nrows == 0 {
		if tt.emptyH > 0 {
			tp.bands = append(tp.bands, bandBox{lines: tt.empty, y: f.y, h: tt.emptyH})
			f.y += tt.emptyH
			f.flushTable(tt, tp, false)
		} else {
			f.flushTable(tt, tp, false)
		}
		f.y += 1.5 * lineHeight(f.st.font)
		return
	}
	for gi := range tt.groups {
		g := &tt.groups[gi]
		if g.bandH > 0 {
			f.tagBand(tt, g)
			if f.y+g.bandH+f.rowStart(tt, g, 0) > f.g.BodyBottom()+eps && len(tp.pieces)+len(tp.bands) > 0 {
				f.tableBreak(tt, tp, gi, nil, false)
			}
			if g.bookmark != "" {
				f.mark(g.bookmark, f.sectionLevel+1)
			}
			f.placeBand(tt, tp, gi, g.band)
		} else if g.bookmark != "" {
			f.mark(g.bookmark, f.sectionLevel+1)
		}
		spans := make([]open, len(tt.ws))
		for i := range g.src {
			f.tagRow(tt, f.row(tt, g, i))
			f.placeRow(tt, tp, gi, i, spans)
			tt.release(tp, gi, i, spans)
		}
	}
	f.flushTable(tt, tp, false)
	f.y += 1.5 * lineHeight(f.st.font)
}

// tagTable adds the table's structure elements: Table, then THead with
// the header row's TH cells (scope Column), then TBody, and in it the note
// shown when there are no rows. Bands and rows are tagged as they are
// placed (tagBand, tagRow), in order, so the tree reads as the table does.
func (f *flow) tagTable(tt *ttable) {
	// Room for a TR and its TDs per row and a TR and TH per band, at
	// least doubling the tree: grown a little at a time, a long paper's
	// tree would be copied many times over.
	if need := 4 + 2*len(tt.ws) + tt.nrows*(1+len(tt.ws)) + 2*len(tt.groups); cap(f.elems)-len(f.elems) < need {
		f.elems = slices.Grow(f.elems, max(need, cap(f.elems)))
	}
	table := f.elem(roleTable, f.sect)
	tr := f.elem(roleTR, f.elem(roleTHead, table))
	for c := range tt.header {
		th := f.elem(roleTH, tr)
		f.elems[th].Scope = columnScope
		f.tagLines(th, tt.header[c].lines, true)
	}
	tt.body = f.elem(roleTBody, table)
	if tt.nrows == 0 {
		if len(tt.empty) > 0 {
			f.tagSpanAll(tt, roleTD, tt.empty)
		}
		for gi := range tt.groups { // not drawn, but read
			if g := &tt.groups[gi]; g.bandH > 0 {
				f.tagBand(tt, g)
			}
		}
	}
}

// tagSpanAll adds a TR of the table's body holding one cell across every
// column, with lines in it.
func (f *flow) tagSpanAll(tt *ttable, role Role, lines []line) {
	cell := f.elem(role, f.elem(roleTR, tt.body))
	if n := len(tt.ws); n > 1 {
		f.elems[cell].ColSpan = int32(n)
	}
	if role == roleTH {
		f.elems[cell].Scope = columnScope
	}
	f.tagLines(cell, lines, true)
}

// tagBand adds a group's band: a TR with one TH across every column.
func (f *flow) tagBand(tt *ttable, g *tgroup) { f.tagSpanAll(tt, roleTH, g.band) }

// tagRow adds a row: a TR with a TD per cell drawn, with its RowSpan when
// it spans rows.
func (f *flow) tagRow(tt *ttable, r *trow) {
	tr := f.elem(roleTR, tt.body)
	for c := range r.cells {
		cell := &r.cells[c]
		if cell.span == 0 {
			continue
		}
		td := f.elem(roleTD, tr)
		if cell.span > 1 {
			f.elems[td].RowSpan = int32(cell.span)
		}
		f.tagLines(td, cell.lines, true)
	}
}

// placeBand places a group band at the current position; a band taller
// than the room left (which only absurdly long band text makes) is split
// between lines over as many pages as it needs.
func (f *flow) placeBand(tt *ttable, tp *tpage, gi int, lines []line) {
	st := &f.st
	for from := 0; ; {
		avail := f.g.BodyBottom() - f.y - 2*st.padY
		used, k := 0.0, from
		for k < len(lines) {
			gap := lines[k].gap
			if k == from {
				gap = 0
			}
			if used+gap+lines[k].h > avail+eps {
				break
			}
			used += gap + lines[k].h
			k++
		}
		if k == from && len(tp.pieces)+len(tp.bands) == 0 && k < len(lines) {
			used, k = lines[k].h, k+1 // draw one line even if it does not fit
		}
		if k > from || len(lines) == 0 {
			h := max(used, tt.lh) + 2*st.padY
			tp.bands = append(tp.bands, bandBox{lines: lines[from:k], y: f.y, h: h})
			f.y += h
		}
		if k >= len(lines) {
			return
		}
		f.tableBreak(tt, tp, gi, nil, false)
		from = k
	}
}

// capacity is the height rows of g have on a page of their own.
func (f *flow) capacity(tt *ttable, g *tgroup) float64 {
	return f.g.BodyBottom() - f.g.BodyTop() - tt.repeatH() - g.bandContH
}

// placeRow places row i of group gi, breaking pages as needed.
func (f *flow) placeRow(tt *ttable, tp *tpage, gi, i int, spans []open) {
	g := &tt.groups[gi]
	r := f.row(tt, g, i)
	bottom := f.g.BodyBottom()
	for {
		y := f.y
		fresh := len(tp.pieces) == 0
		need, onFresh := r.h, r.h
		startOK := true
		for c := range spans {
			if spans[c].on && spans[c].end == i {
				need = max(need, spans[c].y0+spans[c].t-y)
				onFresh = max(onFresh, spans[c].t)
			}
			if cell := &r.cells[c]; cell.span > 1 {
				startOK = startOK && y+cell.tall(&f.st) <= bottom+eps
				onFresh = max(onFresh, cell.tall(&f.st))
			}
		}
		if startOK && y+need <= bottom+eps {
			f.openSpans(tt, r, gi, i, y, spans)
			tp.pieces = append(tp.pieces, f.wholePiece(tp, r, gi, i, y, need))
			f.y = y + need
			f.closeSpans(tp, gi, i, f.y, spans)
			return
		}
		if !fresh && (onFresh <= f.capacity(tt, g)+eps || bottom-y < f.minSplit(tt) || !startOK) {
			f.tableBreak(tt, tp, gi, spans, true)
			continue
		}
		f.splitRow(tt, tp, gi, i, spans)
		return
	}
}

// openSpans starts the spans of row i at y.
func (f *flow) openSpans(tt *ttable, r *trow, gi, i int, y float64, spans []open) {
	for c := range r.cells {
		if cell := &r.cells[c]; cell.span > 1 {
			spans[c] = open{on: true, row: i, end: i + cell.span - 1, y0: y, t: cell.tall(&f.st)}
		}
	}
}

// closeSpans ends the page parts of spans whose last row is i, at y1.
func (f *flow) closeSpans(tp *tpage, gi, i int, y1 float64, spans []open) {
	for c := range spans {
		if spans[c].on && spans[c].end == i {
			tp.segs = append(tp.segs, spanSeg{g: gi, row: spans[c].row, col: c, y0: spans[c].y0, y1: y1, art: spans[c].printed})
			spans[c].on = false
		}
	}
}

func (f *flow) wholePiece(tp *tpage, r *trow, gi, i int, y, h float64) piece {
	p := piece{g: gi, row: i, y: y, h: h, from: tp.take(len(r.cells)), to: tp.take(len(r.cells))}
	for c := range r.cells {
		p.to[c] = len(r.cells[c].lines)
	}
	return p
}

// splitRow places row i line by line over as many pages as it needs,
// starting at the current position.
func (f *flow) splitRow(tt *ttable, tp *tpage, gi, i int, spans []open) {
	g := &tt.groups[gi]
	r := &g.rows[i]
	st := &f.st
	bottom := f.g.BodyBottom()
	cursor := make([]int, len(r.cells))
	opened := false
	for {
		y := f.y
		fresh := len(tp.pieces) == 0
		avail := bottom - y - 2*st.padY
		p := piece{g: gi, row: i, y: y, from: tp.take(len(r.cells)), to: tp.take(len(r.cells))}
		copy(p.from, cursor)
		done, took := true, false
		content := 0.0
		for c := range r.cells {
			cell := &r.cells[c]
			k := cursor[c]
			if cell.span != 1 {
				p.to[c] = k
				continue
			}
			used := 0.0
			for k < len(cell.lines) {
				ln := &cell.lines[k]
				gap := ln.gap
				if k == cursor[c] {
					gap = 0
				}
				if used+gap+ln.h > avail+eps {
					break
				}
				used += gap + ln.h
				k++
			}
			if k == cursor[c] && k < len(cell.lines) && fresh {
				// Not even one line fits on an empty page: draw it anyway
				// so that layout always ends.
				used = cell.lines[k].h
				k++
			}
			took = took || k > cursor[c]
			cursor[c], p.to[c] = k, k
			content = max(content, used)
			if k < len(cell.lines) {
				done = false
			}
		}
		if (done || took || fresh) && !opened {
			// The row's spans start with its first piece.
			f.openSpans(tt, r, gi, i, y, spans)
			opened = true
		}
		if done {
			p.h = max(content, tt.lh) + 2*st.padY
			for c := range spans {
				if spans[c].on && spans[c].end == i {
					p.h = max(p.h, spans[c].y0+spans[c].t-y)
				}
			}
			tp.pieces = append(tp.pieces, p)
			f.y = y + p.h
			f.closeSpans(tp, gi, i, f.y, spans)
			return
		}
		if took || fresh {
			p.h = max(bottom-y, content+2*st.padY)
			tp.pieces = append(tp.pieces, p)
			f.y = y + p.h
		}
		f.tableBreak(tt, tp, gi, spans, true)
	}
}

// tableBreak ends the table's part on this page and starts the next page
// with the header row and, when band is set, the group's band marked
// "(continued)". Spans still open are stretched, if need be, so that their
// text fits above the break, and restart on the new page.
func (f *flow) tableBreak(tt *ttable, tp *tpage, gi int, spans []open, band bool) {
	if n := len(tp.pieces); n > 0 {
		last := &tp.pieces[n-1]
		for c := range spans {
			if spans[c].on {
				if need := spans[c].y0 + spans[c].t; last.y+last.h < need {
					last.h = need - last.y
				}
			}
		}
		for c := range spans {
			if spans[c].on {
				tp.segs = append(tp.segs, spanSeg{g: gi, row: spans[c].row, col: c, y0: spans[c].y0, y1: last.y + last.h, art: spans[c].printed})
				spans[c].printed = true
			}
		}
	}
	f.flushTable(tt, tp, true)
	f.newPage()
	f.tableHeader(tt, tp, tt.repeat)
	if g := &tt.groups[gi]; band && g.bandContH > 0 {
		tp.bands = append(tp.bands, bandBox{lines: g.bandCont, y: f.y, h: g.bandContH, art: true})
		f.y += g.bandContH
	}
	for c := range spans {
		if spans[c].on {
			spans[c].y0 = f.y
		}
	}
}

// tableHeader starts the table's part of a page, with the header row at
// the current position when draw is set.
func (f *flow) tableHeader(tt *ttable, tp *tpage, draw bool) {
	*tp = tpage{header: draw, headerY: f.y, bands: tp.bands[:0], pieces: tp.pieces[:0], segs: tp.segs[:0], ints: tp.ints[:0]}
	if draw {
		f.y += tt.headerH
	}
}

// flushTable turns what the table placed on this page into boxes.
func (f *flow) flushTable(tt *ttable, tp *tpage, more bool) {
	st := &f.st
	start := len(f.page().Boxes)
	defer f.layer(start)
	left, right := f.g.BodyLeft(), f.g.BodyRight()
	rule := func(x, y, w, h float64) {
		f.add(Box{Kind: RuleBox, X: x, Y: y, W: w, H: h, Colour: st.rule, Stroke: st.ruleWidth})
	}
	// Header row.
	y := tp.headerY
	if !tp.header {
		// no header row on this page
	} else if st.hasHeaderFill {
		f.add(Box{Kind: FillBox, X: left, Y: y, W: right - left, H: tt.headerH, Colour: st.headerFill})
	}
	if tp.header {
		for c := range tt.header {
			f.cellLines(tt, c, tt.header[c].lines, 0, len(tt.header[c].lines), y, st.headerColour, tt.headerDrawn)
		}
		tt.headerDrawn = true
		rule(left, y, right-left, 0)
		rule(left, y+tt.headerH, right-left, 0)
		rule(left, y, 0, tt.headerH)
		for c := range tt.ws {
			rule(tt.xs[c]+tt.ws[c], y, 0, tt.headerH)
		}
	} else if len(tp.bands)+len(tp.pieces) > 0 {
		rule(left, y, right-left, 0) // close the top of the table
	}
	// Bands (and the empty-table row).
	for _, b := range tp.bands {
		if st.hasBandFill {
			f.add(Box{Kind: FillBox, X: left, Y: b.y, W: right - left, H: b.h, Colour: st.bandFill})
		}
		ly := b.y + st.padY
		for k, ln := range b.lines {
			if k > 0 {
				ly += ln.gap
			}
			f.textLine(ln, left+st.padX, ly, st.text, b.art)
			ly += ln.h
		}
		rule(left, b.y, 0, b.h)
		rule(right, b.y, 0, b.h)
		rule(left, b.y+b.h, right-left, 0)
	}
	// Row pieces: ordinary cells.
	for _, p := range tp.pieces {
		r := &tt.groups[p.g].rows[p.row]
		for c := range r.cells {
			cell := &r.cells[c]
			if cell.span != 1 {
				continue
			}
			f.cellBox(tt, c, cell, p.from[c], p.to[c], p.y, p.h, false)
		}
	}
	// Spanning cells, text reprinted on every page they reach.
	for _, s := range tp.segs {
		cell := &tt.groups[s.g].rows[s.row].cells[s.col]
		f.cellBox(tt, s.col, cell, 0, len(cell.lines), s.y0, s.y1-s.y0, s.art)
	}
	*tp = tpage{bands: tp.bands[:0], pieces: tp.pieces[:0], segs: tp.segs[:0], ints: tp.ints[:0]}
}

// cellBox draws one cell (fill, lines [from, to), right and bottom rules,
// and the left rule in the first column) in the rectangle of column c from
// y down h; with art its text is an artifact.
func (f *flow) cellBox(tt *ttable, c int, cell *tcell, from, to int, y, h float64, art bool) {
	st := &f.st
	x, w := tt.xs[c], tt.ws[c]
	if cell.hasFill {
		f.add(Box{Kind: FillBox, X: x, Y: y, W: w, H: h, Colour: cell.fill})
	}
	f.cellLines(tt, c, cell.lines, from, to, y, st.text, art)
	f.add(Box{Kind: RuleBox, X: x + w, Y: y, W: 0, H: h, Colour: st.rule, Stroke: st.ruleWidth})
	f.add(Box{Kind: RuleBox, X: x, Y: y + h, W: w, H: 0, Colour: st.rule, Stroke: st.ruleWidth})
	if c == 0 {
		f.add(Box{Kind: RuleBox, X: x, Y: y, W: 0, H: h, Colour: st.rule, Stroke: st.ruleWidth})
	}
}

// cellLines draws lines [from, to) of a cell of column c whose top is y,
// aligned as the column says; with art its text is an artifact.
func (f *flow) cellLines(tt *ttable, c int, lines []line, from, to int, y float64, col RGB, art bool) {
	st := &f.st
	inner := tt.ws[c] - 2*st.padX
	ly := y + st.padY
	for k := from; k < to && k < len(lines); k++ {
		ln := lines[k]
		if k > from {
			ly += ln.gap
		}
		off := 0.0
		switch tt.aligns[c] {
		case report.Centre:
			off = max(0, (inner-ln.w)/2)
		case report.Right:
			off = max(0, inner-ln.w)
		}
		f.textLine(ln, tt.xs[c]+st.padX+off, ly, col, art)
		ly += ln.h
	}
}

// layer reorders the boxes of the current page from index start on so that
// fills come first, rules over them and text on top, each kind keeping its
// order: a cell's fill must not hide its neighbour's rule.
func (f *flow) layer(start int) {
	p := f.page()
	boxes := p.Boxes[start:]
	out := f.layerBuf[:0]
	for _, k := range []Kind{FillBox, RuleBox, FrameBox, TextBox} {
		for _, b := range boxes {
			if b.Kind == k {
				out = append(out, b)
			}
		}
	}
	copy(boxes, out)
	f.layerBuf = out
}
