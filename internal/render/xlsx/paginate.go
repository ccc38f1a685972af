package xlsx

import (
	"math"

	"github.com/agsreport/agsreport/internal/report"
)

// Printed pages. The grid is sized to print at 100 % (see fitUnitPoints),
// so a row prints as tall as its height: the renderer knows where each page
// ends and places the page breaks itself, as the PDF renderer does, instead
// of leaving them to the spreadsheet program.

// defaultRowPoints is the height of a row with no height set (excelize's
// default row height).
const defaultRowPoints = 15.0

// pageSafety is the share of the page's body height the breaks fill:
// LibreOffice and Excel round row heights and place the running header and
// footer a little differently, and a page they find overfull gets a break
// of their own before ours.
const pageSafety = 0.94

// bodyHeight is the height in points of a printed page between the top and
// bottom margins.
func bodyHeight(p report.Page) float64 {
	_, w, h := paper(p.Size)
	if p.Landscape {
		h = w
	}
	h -= math.Max(p.Margins.Top, 0) + math.Max(p.Margins.Bottom, 0)
	if h < 50 || math.IsNaN(h) {
		h = 50
	}
	return h / 25.4 * 72 * pageSafety
}

// height is the printed height of row i (0-based).
func (s *sheet) height(i int) float64 {
	if h := s.rows[i].height; h > 0 {
		return h
	}
	return defaultRowPoints
}

// movable reports whether a page must not end after row i (0-based): a
// table header, a band, a heading, or an empty row (which would leave what
// comes before it alone just the same).
func (s *sheet) movable(i int) bool {
	return s.rows[i].keepNext || len(s.rows[i].cells) == 0
}

// paginate returns the page breaks of the sheet: the 1-based first row of
// every page after the first. Pages are filled row by row up to the body
// height (less the repeated header row on pages after it); a page does
// not end with a header, band or heading, and a chart is not cut. A row
// taller than a page gets a page of its own.
func (s *sheet) paginate(body float64) []int {
	var breaks []int
	start := 0 // 0-based first row of the page
	used := 0.0
	avail := body
	titled := func(start int) float64 {
		if s.headRow > 0 && start >= s.headRow {
			return body - s.height(s.headRow-1)
		}
		return body
	}
	for i := 0; i < len(s.rows); i++ {
		h := s.height(i)
		if used+h <= avail || i == start {
			used += h
			continue
		}
		b := i
		// A chart is kept whole: the page ends before its first row.
		if g := s.rows[b].together; g != 0 {
			for b > start && s.rows[b-1].together == g {
				b--
			}
		}
		for b-1 > start && s.movable(b-1) {
			b--
		}
		if b <= start {
			b = i
		}
		breaks = append(breaks, b+1)
		start = b
		avail = titled(start)
		used = 0
		i = b - 1
	}
	return breaks
}

// splitAtBreaks cuts every merged area that a page break crosses into one
// area per page and writes its value again at the top of each, so that a
// recommendation or lead spanning several actions is printed on every page
// its actions are, as the PDF does.
func (s *sheet) splitAtBreaks(breaks []int) {
	if len(breaks) == 0 {
		return
	}
	out := make([]area, 0, len(s.merges)+len(breaks))
	for _, m := range s.merges {
		c0, r0, c1, r1 := int(m[0]), int(m[1]), int(m[2]), int(m[3])
		if r1 == r0 {
			out = append(out, m)
			continue
		}
		top := r0
		for _, b := range breaks {
			if b <= top || b > r1 {
				continue
			}
			out = appendMerge(out, c0, top, c1, b-1)
			if v := s.value(c0, r0); v != nil {
				s.setValue(c0, b, v)
			}
			top = b
		}
		out = appendMerge(out, c0, top, c1, r1)
	}
	s.merges = out
}

// appendMerge adds a merged area unless it is one cell.
func appendMerge(out []area, c0, r0, c1, r1 int) []area {
	if c1 > c0 || r1 > r0 {
		out = append(out, newArea(c0, r0, c1, r1))
	}
	return out
}

// value returns the value of the cell at column c, row r (1-based), or nil.
func (s *sheet) value(c, r int) any {
	if r-1 >= len(s.rows) || c-1 >= len(s.rows[r-1].cells) {
		return nil
	}
	return s.rows[r-1].cells[c-1].value
}

// setValue sets the value of an existing cell, keeping its style.
func (s *sheet) setValue(c, r int, v any) {
	if r-1 >= len(s.rows) || c-1 >= len(s.rows[r-1].cells) {
		return
	}
	if cl := &s.rows[r-1].cells[c-1]; cl.set {
		cl.value = v
	}
}
