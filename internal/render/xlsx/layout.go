package xlsx

import (
	"fmt"
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/report"
)

// layout lays out one section as a sheet.
func (r *renderer) layout(sec report.Section, name string) (*sheet, error) {
	widths, spans := grid(sec.Blocks, r.total)
	s := &sheet{name: name, widths: widths}
	for _, b := range sec.Blocks {
		if t, ok := b.(*report.Table); ok && t != nil && t.Flat {
			s.flat = true
			if len(spans) == 1 {
				s.widths, s.scale = r.fitFlat(t, widths)
			}
		}
	}
	for i, b := range sec.Blocks {
		if i > 0 && len(s.rows) > 0 {
			s.blank()
		}
		var err error
		switch x := b.(type) {
		case *report.Heading:
			if x != nil {
				err = r.heading(s, x)
			}
		case *report.Paragraph:
			if x != nil {
				err = r.paragraph(s, x)
			}
		case *report.Fields:
			if x != nil {
				err = r.fields(s, x)
			}
		case *report.Table:
			if x != nil {
				err = r.tableBlock(s, x, spans[x])
			}
		case *report.Chart:
			if x != nil {
				err = r.chart(s, x)
			}
		case *report.StatusKey:
			if x != nil {
				err = r.statusKey(s, x)
			}
		default:
			err = report.UnknownBlock(b)
		}
		if err != nil {
			return nil, fmt.Errorf("block %d: %w", i+1, err)
		}
	}
	return s, nil
}

// points is the text width in points of grid columns c0..c1 (1-based).
// Columns beyond the grid have Excel's default width.
func (r *renderer) points(s *sheet, c0, c1 int) float64 {
	w := 0.0
	for c := c0; c <= c1; c++ {
		if c-1 < len(s.widths) {
			w += s.widths[c-1]
		} else {
			w += 8.43
		}
	}
	return w*unitPoints - cellInset
}

// text places rich text over grid columns c0..c1 in new rows tall enough
// for it. Text taller than Excel's tallest row is split between source
// lines or words into several rows, one piece each, so that no printed
// page break falls inside a line of text.
//
// On a flat sheet the text goes into column c0 alone, unwrapped, one row,
// so that nothing is merged and the text runs on over the empty cells to
// its right.
func (r *renderer) text(s *sheet, c0, c1 int, t report.Text, k styleKey) error {
	if s.flat {
		k.wrap = false
		first, n := s.addRows(math.Min(linesHeight(max(len(t.Lines), 1), k.size), maxRowHeight))
		return r.place(s, c0, c0, first, first+n-1, t, k)
	}
	w := r.points(s, c0, c1)
	h := r.m.textHeight(t, k.size, w, k.bold)
	pieces := []report.Text{t}
	if h > maxRowHeight {
		pieces = r.m.split(t, k.size, w, k.bold, pieceLines(k.size))
	}
	for _, p := range pieces {
		if len(pieces) > 1 {
			h = r.m.textHeight(p, k.size, w, k.bold)
		}
		first, n := s.addRows(h)
		if err := r.place(s, c0, c1, first, first+n-1, p, k); err != nil {
			return err
		}
	}
	return nil
}

// place writes rich text with style k into an existing rectangle.
func (r *renderer) place(s *sheet, c0, c1, r0, r1 int, t report.Text, k styleKey) error {
	v, bold, italic := cellValue(t, k.size, k.colour, k.bold)
	k.bold, k.italic = bold, italic
	k.quote = needsQuote(v)
	id, err := r.st.id(k)
	if err != nil {
		return err
	}
	s.put(c0, c1, r0, r1, v, id)
	return nil
}

func (r *renderer) heading(s *sheet, h *report.Heading) error {
	lvl := h.Level
	if lvl < 1 {
		lvl = 1
	}
	if lvl > 3 {
		lvl = 3
	}
	first := len(s.rows) + 1
	err := r.text(s, 1, len(s.widths), h.Text, styleKey{size: r.headings[lvl-1], bold: true, wrap: true})
	s.keepFrom(first)
	return err
}

func (r *renderer) paragraph(s *sheet, p *report.Paragraph) error {
	size := r.body
	if p.Small {
		size = r.table
	}
	err := r.text(s, 1, len(s.widths), p.Text, styleKey{size: size, wrap: true})
	return err
}

// labelCols returns how many grid columns from start are needed to hold at
// least minUnits of width, leaving at least one column after them.
func labelCols(s *sheet, start int, minUnits float64) int {
	w, n := 0.0, 0
	for c := start; c <= len(s.widths)-1; c++ {
		w += s.widths[c-1]
		n++
		if w >= minUnits {
			break
		}
	}
	return n
}

func (r *renderer) fields(s *sheet, fs *report.Fields) error {
	k := labelCols(s, 1, 22)
	for _, it := range fs.Items {
		label := report.Plain(it.Label)
		lk := styleKey{size: r.body, bold: true, wrap: true}
		vk := styleKey{size: r.body, wrap: true}
		if it.Stacked || k == 0 {
			first := len(s.rows) + 1
			if err := r.text(s, 1, len(s.widths), label, lk); err != nil {
				return err
			}
			s.keepFrom(first)
			if err := r.text(s, 1, len(s.widths), it.Value, vk); err != nil {
				return err
			}
			continue
		}
		h := math.Max(r.m.textHeight(label, r.body, r.points(s, 1, k), true),
			r.m.textHeight(it.Value, r.body, r.points(s, k+1, len(s.widths)), false))
		first, n := s.addRows(h)
		if err := r.place(s, 1, k, first, first+n-1, label, lk); err != nil {
			return err
		}
		if err := r.place(s, k+1, len(s.widths), first, first+n-1, it.Value, vk); err != nil {
			return err
		}
	}
	return nil
}

// tableBlock lays out a table: header row, group bands, rows with spans,
// or the Empty text. The first table of a sheet gets the frozen panes,
// filter and print titles.
func (r *renderer) tableBlock(s *sheet, t *report.Table, sp []span) error {
	ncols := len(s.widths)
	ts := r.table
	first := s.headRow == 0
	if len(t.Columns) > 0 && len(sp) == len(t.Columns) {
		hk := styleKey{size: ts, bold: true, colour: r.doc.Style.HeaderColour, fill: r.doc.Style.HeaderFill,
			border: true, wrap: true}
		h := 0.0
		for i, c := range t.Columns {
			h = math.Max(h, r.m.textHeight(report.Plain(c.Title), ts, r.points(s, sp[i].first, sp[i].last), true))
		}
		hr, _ := s.addRows(math.Min(h, maxRowHeight))
		s.keepFrom(hr)
		for i, c := range t.Columns {
			k := hk
			k.align = c.Align
			if err := r.place(s, sp[i].first, sp[i].last, hr, hr, report.Plain(c.Title), k); err != nil {
				return err
			}
		}
		if first {
			s.headRow = hr
			s.lastCol = ncols
		}
	} else {
		sp = nil
	}
	if t.Rows() == 0 || sp == nil {
		if t.Empty != "" {
			if err := r.text(s, 1, ncols, report.Plain(t.Empty), styleKey{size: ts, italic: true, border: true, wrap: true}); err != nil {
				return err
			}
		}
	} else {
		for _, g := range t.Groups {
			var err error
			if t.Flat {
				err = r.flatGroup(s, t, sp, g)
			} else {
				err = r.group(s, t, sp, g)
			}
			if err != nil {
				return err
			}
		}
	}
	if first && s.headRow > 0 {
		s.lastRow = len(s.rows)
	}
	return nil
}

// group lays out one group: its band, then its rows. Row heights come from
// the cells that do not span; a spanning cell taller than the rows it covers
// spreads the difference evenly over them. A row taller than Excel allows
// becomes several physical rows with every cell merged down over them.
func (r *renderer) group(s *sheet, t *report.Table, sp []span, g report.Group) error {
	ts := r.table
	ncols := len(s.widths)
	if !g.Band.IsEmpty() {
		first := len(s.rows) + 1
		if err := r.text(s, 1, ncols, g.Band, styleKey{size: ts, bold: true, fill: r.doc.Style.BandFill, border: true, wrap: true}); err != nil {
			return err
		}
		s.keepFrom(first)
	}
	n := len(g.Rows)
	if n == 0 {
		return nil
	}
	nc := len(t.Columns)
	cell := func(ri, ci int) report.Cell {
		if ci < len(g.Rows[ri].Cells) {
			return g.Rows[ri].Cells[ci]
		}
		return report.Cell{}
	}
	// Work out spans: span[ri*nc+ci] is the row count a cell covers, 0 for
	// a cell covered by one above.
	spanOf := make([]int, n*nc)
	for ri := 0; ri < n; ri++ {
		for ci := 0; ci < nc; ci++ {
			if spanOf[ri*nc+ci] < 0 {
				continue
			}
			k := cell(ri, ci).Span
			if k < 1 {
				k = 1
			}
			if ri+k > n {
				k = n - ri
			}
			spanOf[ri*nc+ci] = k
			for j := 1; j < k; j++ {
				spanOf[(ri+j)*nc+ci] = -1
			}
		}
	}
	heights := make([]float64, n)
	minH := ts*lineFactor + cellPadding
	for ri := 0; ri < n; ri++ {
		h := minH
		for ci := 0; ci < nc; ci++ {
			if spanOf[ri*nc+ci] != 1 {
				continue
			}
			c := cell(ri, ci)
			if c.Covered {
				continue
			}
			h = math.Max(h, r.m.textHeight(c.Text, ts, r.points(s, sp[ci].first, sp[ci].last), false))
		}
		heights[ri] = h
	}
	for ri := 0; ri < n; ri++ {
		for ci := 0; ci < nc; ci++ {
			k := spanOf[ri*nc+ci]
			if k <= 1 {
				continue
			}
			need := r.m.textHeight(cell(ri, ci).Text, ts, r.points(s, sp[ci].first, sp[ci].last), false)
			have := 0.0
			for j := ri; j < ri+k; j++ {
				have += heights[j]
			}
			if need > have {
				extra := (need - have) / float64(k)
				for j := ri; j < ri+k; j++ {
					heights[j] += extra
				}
			}
		}
	}
	firsts := make([]int, n)
	lasts := make([]int, n)
	pieces := make([][][]report.Text, n) // [row][column] pieces of split cells
	for ri := 0; ri < n; ri++ {
		firsts[ri], lasts[ri], pieces[ri] = r.rowLines(s, t, sp, heights[ri], func(ci int) (report.Cell, bool) {
			return cell(ri, ci), spanOf[ri*nc+ci] == 1
		})
	}
	for ri := 0; ri < n; ri++ {
		for ci := 0; ci < nc; ci++ {
			k := spanOf[ri*nc+ci]
			if k < 1 {
				continue
			}
			c := cell(ri, ci)
			text := c.Text
			if c.Covered && k == 1 {
				text = report.Text{}
			}
			key := styleKey{size: ts, align: t.Columns[ci].Align, fill: c.Fill, border: true, wrap: true}
			if c.Symbol != "" && !c.Covered {
				text, key.prefix = c.StatusValue(), c.Symbol
			}
			if ci < len(pieces[ri]) && len(pieces[ri][ci]) > 1 {
				ps := pieces[ri][ci]
				for i, p := range ps {
					r0, r1 := firsts[ri]+i, firsts[ri]+i
					if i == len(ps)-1 {
						r1 = lasts[ri]
					}
					if err := r.place(s, sp[ci].first, sp[ci].last, r0, r1, p, key); err != nil {
						return err
					}
				}
				continue
			}
			if err := r.place(s, sp[ci].first, sp[ci].last, firsts[ri], lasts[ri+k-1], text, key); err != nil {
				return err
			}
		}
	}
	for ci, col := range t.Columns {
		if col.Status {
			s.status = append(s.status, statusRange{col: sp[ci].first, row0: firsts[0], row1: lasts[n-1]})
		}
	}
	return nil
}

// flatGroup lays out the rows of a flat table: one worksheet row per
// record, each value whole in one cell, dates as dates, nothing merged.
// A row too tall to show all its text is as tall as Excel allows; the
// text is all in the cell. Bands and spans do not occur in flat tables
// (the template refuses them) and are ignored.
func (r *renderer) flatGroup(s *sheet, t *report.Table, sp []span, g report.Group) error {
	ts := r.table
	minH := ts*lineFactor + cellPadding
	first := len(s.rows) + 1
	sizes := make([]float64, len(t.Columns))
	for _, rw := range g.Rows {
		h := minH
		for ci := range t.Columns {
			sizes[ci] = ts
			if ci < len(rw.Cells) {
				w := r.points(s, sp[ci].first, sp[ci].last)
				var ch float64
				sizes[ci], ch = r.flatSize(rw.Cells[ci].Text, w)
				h = math.Max(h, ch)
			}
		}
		rn := len(s.rows) + 1
		s.rows = append(s.rows, row{height: roundHeight(h)})
		for ci, col := range t.Columns {
			var c report.Cell
			if ci < len(rw.Cells) {
				c = rw.Cells[ci]
			}
			key := styleKey{size: sizes[ci], align: col.Align, fill: c.Fill, border: true, wrap: true}
			if !c.Date.IsZero() {
				key.date = true
				id, err := r.st.id(key)
				if err != nil {
					return err
				}
				s.put(sp[ci].first, sp[ci].first, rn, rn, c.Date, id)
				continue
			}
			if num, f, ok := valueFormat(c.Value, c.Text.String()); ok {
				key.numFmt = f
				id, err := r.st.id(key)
				if err != nil {
					return err
				}
				s.put(sp[ci].first, sp[ci].first, rn, rn, num, id)
				continue
			}
			if c.Text.IsEmpty() {
				// An empty cell, not an empty string, so filters see a blank.
				id, err := r.st.id(key)
				if err != nil {
					return err
				}
				s.put(sp[ci].first, sp[ci].first, rn, rn, nil, id)
				continue
			}
			text := c.Text
			if c.Symbol != "" {
				text, key.prefix = c.StatusValue(), c.Symbol
			}
			if err := r.place(s, sp[ci].first, sp[ci].first, rn, rn, text, key); err != nil {
				return err
			}
		}
	}
	if len(g.Rows) > 0 {
		for ci, col := range t.Columns {
			if col.Status {
				s.status = append(s.status, statusRange{col: sp[ci].first, row0: first, row1: len(s.rows)})
			}
		}
	}
	return nil
}

// rowLines adds the physical rows of one table row of height h and returns
// the first and last. A row no taller than Excel allows is one row. A taller
// row is split: each cell whose own text is too tall is cut into pieces
// (returned per column), one piece per physical row; the other cells are
// merged down over all of them. A row tall only because of a spanning cell
// is shared evenly by as many rows as needed.
func (r *renderer) rowLines(s *sheet, t *report.Table, sp []span, h float64, cellAt func(ci int) (report.Cell, bool)) (int, int, [][]report.Text) {
	if h <= maxRowHeight {
		f, cnt := s.addRows(h)
		return f, f + cnt - 1, nil
	}
	ts := r.table
	pieces := make([][]report.Text, len(t.Columns))
	n := 0
	for ci := range t.Columns {
		c, single := cellAt(ci)
		if !single || c.Covered {
			continue
		}
		w := r.points(s, sp[ci].first, sp[ci].last)
		if r.m.textHeight(c.Text, ts, w, false) <= maxRowHeight {
			continue
		}
		pieces[ci] = r.m.split(c.Text, ts, w, false, pieceLines(ts))
		n = max(n, len(pieces[ci]))
	}
	if n <= 1 {
		f, cnt := s.addRows(h)
		return f, f + cnt - 1, nil
	}
	hs := make([]float64, n)
	for ci, ps := range pieces {
		w := r.points(s, sp[ci].first, sp[ci].last)
		for i, p := range ps {
			hs[i] = max(hs[i], r.m.textHeight(p, ts, w, false))
		}
	}
	sum := 0.0
	for _, x := range hs {
		sum += x
	}
	extra := max(h-sum, 0) / float64(n)
	first := len(s.rows) + 1
	for _, x := range hs {
		s.rows = append(s.rows, row{height: roundHeight(max(x, linesHeight(1, ts)) + extra)})
	}
	return first, first + n - 1, pieces
}

// chartRowPixels is Excel's default row height in pixels; chart rows keep it
// so that the chart anchor computed by excelize matches the sheet.
const chartRowPixels = 20

// chart places a native stacked bar chart with its data in a small table
// below it. A chart without categories or series shows only its title.
func (r *renderer) chart(s *sheet, c *report.Chart) error {
	title := report.Bold(c.Title)
	if len(c.Categories) == 0 || len(c.Series) == 0 {
		if !title.IsEmpty() {
			err := r.text(s, 1, len(s.widths), title, styleKey{size: r.body, bold: true, wrap: true})
			return err
		}
		return nil
	}
	heightPx := 90 + 28*len(c.Categories)
	if heightPx > 600 {
		heightPx = 600
	}
	rowsNeeded := (heightPx + chartRowPixels - 1) / chartRowPixels
	anchor := len(s.rows) + 1
	// The rows under the chart get an explicit 15 pt (20 px), the height
	// excelize assumes when it anchors the chart.
	for i := 0; i <= rowsNeeded; i++ {
		s.rows = append(s.rows, row{height: 15, together: len(s.charts) + 1})
	}
	widthPx := 0.0
	for _, w := range s.widths {
		widthPx += w * unitPoints * 4 / 3
	}
	widthPx = math.Min(math.Max(widthPx*0.8, 360), 960)

	// The data table: a header row of series names, one row per category.
	hk := styleKey{size: r.table, bold: true, colour: r.doc.Style.HeaderColour, fill: r.doc.Style.HeaderFill, border: true, wrap: true}
	dk := styleKey{size: r.table, border: true, wrap: true}
	nk := styleKey{size: r.table, border: true, align: report.Right}
	h := r.m.textHeight(report.Plain("Category"), r.table, r.points(s, 1, 1), true)
	for i, se := range c.Series {
		h = math.Max(h, r.m.textHeight(report.Plain(se.Name), r.table, r.points(s, i+2, i+2), true))
	}
	caption := "Figures for the chart"
	if t := cleanLine(c.Title); t != "" {
		caption = "Figures for the chart: " + t
	}
	capRow := len(s.rows) + 1
	if err := r.text(s, 1, len(s.widths), report.Bold(caption), styleKey{size: r.table, bold: true, wrap: true}); err != nil {
		return err
	}
	s.keepFrom(capRow)
	head, _ := s.addRows(math.Min(h, maxRowHeight))
	s.keepFrom(head)
	if err := r.place(s, 1, 1, head, head, report.Plain(""), hk); err != nil {
		return err
	}
	for i, se := range c.Series {
		if err := r.place(s, i+2, i+2, head, head, report.Plain(se.Name), hk); err != nil {
			return err
		}
	}
	numID, err := r.st.id(nk)
	if err != nil {
		return err
	}
	for ci, cat := range c.Categories {
		h := r.m.textHeight(report.Plain(cat), r.table, r.points(s, 1, 1), false)
		row, _ := s.addRows(math.Min(h, maxRowHeight))
		if err := r.place(s, 1, 1, row, row, report.Plain(cat), dk); err != nil {
			return err
		}
		for si, se := range c.Series {
			v := 0.0
			if ci < len(se.Values) && !math.IsNaN(se.Values[ci]) && !math.IsInf(se.Values[ci], 0) {
				v = se.Values[ci]
			}
			s.put(si+2, si+2, row, row, v, numID)
		}
	}
	last := head + len(c.Categories)
	ref := func(col, r0, r1 int) string {
		a, _ := excelize.CoordinatesToCellName(col, r0, true)
		if r1 == r0 {
			return quoteSheet(s.name) + "!" + a
		}
		b, _ := excelize.CoordinatesToCellName(col, r1, true)
		return quoteSheet(s.name) + "!" + a + ":" + b
	}
	// Labels in black, not the programs' faint grey, and the value axis in
	// whole steps when the values are counts.
	dark := excelize.Font{Color: "#000000", Size: 9, Family: fontFamily}
	top, step := c.Axis()
	zero := 0.0
	ch := &excelize.Chart{
		Type:      excelize.BarStacked,
		Dimension: excelize.ChartDimension{Width: uint(widthPx), Height: uint(heightPx)},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Format:    excelize.GraphicOptions{AltText: cleanLine(c.Title), Name: "Chart " + strconv.Itoa(len(s.charts)+1)},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: dark},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: dark, MajorUnit: step, Minimum: &zero, Maximum: &top},
	}
	ch.Legend.Font = &dark
	if t := cleanLine(c.Title); t != "" {
		ch.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: t, Font: &excelize.Font{Bold: true, Size: 12, Family: fontFamily, Color: "#000000"}}}}
	}
	for i, se := range c.Series {
		cs := excelize.ChartSeries{
			Name:       ref(i+2, head, head),
			Categories: ref(1, head+1, last),
			Values:     ref(i+2, head+1, last),
		}
		cs.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{se.Fill(i).String()}}
		ch.Series = append(ch.Series, cs)
	}
	s.charts = append(s.charts, chartPlace{row: anchor, chart: ch})
	return nil
}

// statusKey lists the statuses: the name in its colour, and "closed" beside
// those that count as closed.
func (r *renderer) statusKey(s *sheet, k *report.StatusKey) error {
	if k.Title != "" {
		if err := r.text(s, 1, len(s.widths), report.Plain(k.Title), styleKey{size: r.body, bold: true, wrap: true}); err != nil {
			return err
		}
	}
	nameCols := labelCols(s, 1, 18)
	noteFirst := nameCols + 1
	noteLast := noteFirst + labelCols(s, noteFirst, 12) - 1
	if noteLast < noteFirst {
		noteLast = noteFirst
	}
	if nameCols < 1 {
		nameCols = 1
	}
	for _, st := range r.doc.Statuses {
		name := report.Plain(st.Name)
		if st.Symbol != "" {
			name = report.Plain(st.Symbol + " " + st.Name)
		}
		nk := styleKey{size: r.table, bold: true, fill: st.Colour, border: true, wrap: true, align: report.Centre}
		note := report.Plain("")
		if st.Closed {
			note = report.Plain("closed")
		}
		h := math.Max(r.m.textHeight(name, r.table, r.points(s, 1, nameCols), true),
			r.m.textHeight(note, r.table, r.points(s, noteFirst, noteLast), false))
		first, n := s.addRows(h)
		if err := r.place(s, 1, nameCols, first, first+n-1, name, nk); err != nil {
			return err
		}
		if err := r.place(s, noteFirst, noteLast, first, first+n-1, note, styleKey{size: r.table, border: true, wrap: true}); err != nil {
			return err
		}
	}
	return nil
}
