package docx

import (
	"fmt"
	"math"
	"strings"

	"github.com/agsreport/agsreport/internal/report"
)

// Cell padding in twips: 1.5 mm at the sides and 1.2 mm above and below, as
// in the PDF.
const (
	padX = 85
	padY = 68
)

// table writes a table: a fixed grid filling the body width, a header row
// Word repeats at the top of every page, each group's band as a full-width
// row kept with the row after it, then the group's rows with spanning cells
// merged down. A table with no columns writes its Empty text; one with no
// rows writes a full-width row holding it.
func (d *docWriter) table(b *strings.Builder, t *report.Table) {
	n := len(t.Columns)
	if n == 0 {
		if e := strings.TrimSpace(t.Empty); e != "" {
			d.text(b, report.Plain(e), lineOpts{after: d.st.lineTwips / 2})
		}
		return
	}
	width := d.pg.bodyWidth()
	grid := gridWidths(t.Columns, width)
	border := func(side string) string {
		return `<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="` + d.st.rule + `"/>`
	}
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders>`, width)
	for _, s := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(border(s))
	}
	fmt.Fprintf(b, `</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="%d" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar>`,
		padY, padX, padY, padX)
	b.WriteString(`<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`)
	if name := strings.TrimSpace(t.Name); name != "" {
		b.WriteString(`<w:tblCaption w:val="` + esc(name) + `"/>`)
	}
	b.WriteString(`</w:tblPr><w:tblGrid>`)
	for _, w := range grid {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)

	// The header row, repeated on every page.
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
	for i, c := range t.Columns {
		d.cell(b, grid[i], cellOpts{fill: d.st.headerFill, span: 1}, report.Plain(c.Title),
			lineOpts{style: "TableText", bold: true, colour: d.st.headerColour, jc: jc(c.Align)})
	}
	b.WriteString(`</w:tr>`)

	for _, g := range t.Groups {
		d.group(b, t, g, grid, width)
	}
	if t.Rows() == 0 && strings.TrimSpace(t.Empty) != "" {
		b.WriteString(`<w:tr>`)
		d.cell(b, width, cellOpts{span: n}, report.Plain(strings.TrimSpace(t.Empty)), lineOpts{style: "TableText"})
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	// Space after the table; it also keeps two tables in a row apart, which
	// Word would otherwise join into one.
	fmt.Fprintf(b, `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/></w:pPr></w:p>`, d.st.lineTwips*3/4)
}

// group writes one group: its band, then its rows. Rows with fewer cells
// than columns are padded with empty cells; cells beyond the last column
// are not shown.
func (d *docWriter) group(b *strings.Builder, t *report.Table, g report.Group, grid []int, width int) {
	n := len(t.Columns)
	band := g.Band
	if band.IsEmpty() && strings.TrimSpace(g.Bookmark) != "" {
		band = report.Plain(strings.TrimSpace(g.Bookmark))
	}
	if !band.IsEmpty() {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		d.cell(b, width, cellOpts{span: n, fill: d.st.bandFill}, band, lineOpts{style: "TableText", keepNext: true})
		b.WriteString(`</w:tr>`)
	}
	sp := report.Spans(g.Rows, n)
	// The fill of the cell each merged-down cell continues, by column:
	// Word shades each cell of a merge on its own.
	fills := make([]string, n)
	for r, row := range g.Rows {
		b.WriteString(`<w:tr>`)
		for c := 0; c < n; c++ {
			if sp[r][c] == 0 {
				d.cell(b, grid[c], cellOpts{span: 1, fill: fills[c], merge: "continue"}, report.Text{}, lineOpts{style: "TableText"})
				continue
			}
			cell, _ := row.CellAt(c)
			if cell.Covered {
				cell = report.Cell{} // covered, but by nothing: drawn empty
			}
			o := cellOpts{span: 1}
			o.fill, _ = colour(cell.Fill)
			if sp[r][c] > 1 {
				o.merge = "restart"
			}
			fills[c] = o.fill
			text := cell.Text
			if text.IsEmpty() && strings.TrimSpace(cell.Status) != "" {
				text = report.Plain(strings.TrimSpace(cell.Status))
			}
			lo := lineOpts{style: "TableText", jc: jc(t.Columns[c].Align)}
			if o.fill != "" {
				lo.colour = textOn(o.fill)
			}
			d.cell(b, grid[c], o, text, lo)
		}
		b.WriteString(`</w:tr>`)
	}
}

// cellOpts are a cell's properties.
type cellOpts struct {
	span  int    // grid columns covered
	fill  string // "RRGGBB" or ""
	merge string // "restart", "continue" or ""
}

// cell writes one table cell of the given width holding text.
func (d *docWriter) cell(b *strings.Builder, width int, o cellOpts, text report.Text, lo lineOpts) {
	fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, width)
	if o.span > 1 {
		fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, o.span)
	}
	switch o.merge {
	case "restart":
		b.WriteString(`<w:vMerge w:val="restart"/>`)
	case "continue":
		b.WriteString(`<w:vMerge/>`)
	}
	if o.fill != "" {
		b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + o.fill + `"/>`)
	}
	b.WriteString(`</w:tcPr>`)
	d.text(b, text, lo)
	b.WriteString(`</w:tc>`)
}

// jc is Word's paragraph alignment for a column alignment.
func jc(a report.Align) string {
	switch a {
	case report.Centre:
		return "center"
	case report.Right:
		return "right"
	}
	return ""
}

// gridWidths scales the columns' relative widths to total twips; a
// missing or invalid width counts as 1, and the last column takes what
// rounding leaves.
func gridWidths(cols []report.Column, total int) []int {
	rel := func(w float64) float64 {
		if w <= 0 || math.IsNaN(w) || math.IsInf(w, 0) || w > 1e6 {
			return 1
		}
		return w
	}
	sum := 0.0
	for _, c := range cols {
		sum += rel(c.Width)
	}
	out := make([]int, len(cols))
	used := 0
	for i, c := range cols {
		if i == len(cols)-1 {
			out[i] = total - used
			break
		}
		out[i] = int(math.Round(float64(total) * rel(c.Width) / sum))
		used += out[i]
	}
	return out
}
