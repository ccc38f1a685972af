package xlsx

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/agsreport/agsreport/internal/report"
)

// A flat table (the action register) keeps one worksheet row per record,
// so that it filters and sorts as a list; a row cannot be taller than
// Excel's 409 pt, and text a row cannot show is not printed. Its columns
// are therefore sized from what they hold, not only from the template's
// relative widths (fitFlat): every column is at least as wide as its
// longest word and its widest date, number or status, so that nothing
// breaks inside a word or prints as ###, and a column with a text too tall
// for one row is widened until it fits, if need be in a smaller type
// (flatSize). Adding columns to the register used to narrow every column
// in proportion, so long progress texts lost their ends on paper and
// headings broke inside words.

// minFlatSize is the smallest type a flat table's cell is set in to fit
// its text into Excel's tallest row.
const minFlatSize = 5.0

// boldSafety widens bold header words beyond widthSafety: LibreOffice
// without Liberation Sans draws bold in a face wider than regular by more
// than Liberation's.
const boldSafety = 1.2

// minPrintScale is the smallest print scale a flat sheet is given so that
// its words fit across the page.
const minPrintScale = 0.7

// maxFloorShare is the most of the width the columns' longest words may
// keep when a long text needs room.
const maxFloorShare = 0.6

// maxMinShare caps the share of the width one column's longest word or
// value can claim, so that one unbroken string does not squeeze the rest.
const maxMinShare = 0.3

// fitFlat returns the grid widths (Excel units) of a sheet holding the flat
// table t, whose columns are the grid columns one for one, from the
// template widths w: each column at least its minimum width, the rest
// shared in proportion to w. The minimum is the widest of its longest word
// (header included), its widest value a number format shows (see
// unbreakable) and, for a column with a text too tall for Excel's tallest
// row, the width that fits that text into it. When those do not all fit
// across the page, the sheet is laid out wider and printed smaller, to
// scale (at least minPrintScale); when they still do not fit, the text is
// fitted at smaller sizes, half a point at a time down to minFlatSize, and
// then with long words allowed to wrap inside (dates, numbers and
// statuses are always whole); flatSize then sets those cells in the size
// that fits.
func (r *renderer) fitFlat(t *report.Table, w []float64) (widths []float64, scale float64) {
	n := len(w)
	if n == 0 || len(t.Columns) != n {
		return w, 1
	}
	page := 0.0
	for _, x := range w {
		page += x
	}
	total := page
	ts := r.table
	hard := make([]float64, n) // values a number format shows on one line
	soft := make([]float64, n) // words
	for ci, col := range t.Columns {
		// A heading's words are never broken, however many columns the
		// sheet has: a heading broken inside a word ("Comple te") is
		// hard to read and is not the heading the reader maps.
		hard[ci] = r.m.longestWord(report.Plain(col.Title), true) * boldSafety
		soft[ci] = hard[ci]
		for _, g := range t.Groups {
			for _, rw := range g.Rows {
				if ci >= len(rw.Cells) {
					continue
				}
				c := rw.Cells[ci]
				if one, ok := r.m.unbreakable(c); ok {
					hard[ci] = math.Max(hard[ci], one)
				} else {
					soft[ci] = math.Max(soft[ci], r.m.longestWord(c.Text, false))
				}
			}
		}
	}
	whole := make([]float64, n)
	values := make([]float64, n)
	for i := range n {
		values[i] = math.Min(units(hard[i]*ts*widthSafety+1), total*maxMinShare)
		whole[i] = math.Max(values[i], math.Min(units(soft[i]*ts*widthSafety+1), total*maxMinShare))
	}
	// When the words, and the widths that fit tall texts into one row, are
	// wider than the page together, the sheet is laid out wider and
	// printed smaller (down to minPrintScale).
	a := share(whole, w, page)
	over := r.flatOverflow(t, a)
	need := r.needWidths(over, ts, n, page/minPrintScale)
	needed := 0.0
	for i := range n {
		needed += math.Max(whole[i], need[i])
	}
	if len(over) == 0 && needed <= page {
		return a, 1 // fitWidths would measure the same widths again
	}
	scale = 1
	if needed > page {
		scale = math.Max(math.Floor(page/needed*100)/100, minPrintScale)
		total = math.Floor(page/scale*100) / 100
	}
	ws := make([]float64, n)
	for i := range w {
		ws[i] = w[i] * total / page
	}
	return r.fitWidths(t, ws, whole, values, total, overflow{a, over}), scale
}

// fitWidths is fitFlat's sharing of total among the columns, given their
// template widths w and their minimums with words whole and with only
// values whole: the minimums with words whole and the rest shared by w
// when every text fits into one row that way; else each column with a
// text too tall gets the width that fits it, at the largest size down to
// minFlatSize that leaves the others their words (or, failing that, their
// floor). known is flatOverflow's answer for widths already measured.
func (r *renderer) fitWidths(t *report.Table, w, whole, values []float64, total float64, known overflow) []float64 {
	n := len(w)
	ts := r.table
	a := share(whole, w, total)
	over := known.over
	if !slices.Equal(a, known.widths) {
		over = r.flatOverflow(t, a)
	}
	if len(over) == 0 {
		return a
	}
	// The floor each column keeps while others are widened: its longest
	// word, or when the words together take too much of the page, a
	// share of them (never less than its values).
	floor := make([]float64, n)
	sum := 0.0
	for i := range n {
		sum += whole[i]
	}
	for i := range n {
		floor[i] = whole[i]
		if sum > total*maxFloorShare {
			floor[i] = math.Max(values[i], whole[i]*total*maxFloorShare/sum)
		}
	}
	var need []float64
	for size := ts; size >= minFlatSize-0.01; size -= 0.5 {
		need = r.needWidths(over, size, n, total)
		for _, mins := range [][]float64{whole, floor} {
			m := make([]float64, n)
			sum := 0.0
			for i := range m {
				m[i] = math.Max(mins[i], need[i])
				sum += m[i]
			}
			if sum <= total {
				return share(m, w, total)
			}
		}
	}
	// Some text does not fit even at the smallest size: the columns that
	// need more than their floor get what the floors leave, in proportion
	// to what they need beyond them.
	m := make([]float64, n)
	room, extra := total, 0.0
	for i := range m {
		m[i] = floor[i]
		room -= floor[i]
		extra += math.Max(need[i]-floor[i], 0)
	}
	if room > 0 && extra > 0 {
		for i := range m {
			m[i] += math.Max(need[i]-floor[i], 0) * math.Min(1, room/extra)
		}
	}
	return share(m, w, total)
}

// needWidths returns, per column, the width (Excel units) that shows each
// of the column's texts in over within Excel's tallest row at the given
// size; 0 for columns with none, total for a text no width up to total
// fits.
func (r *renderer) needWidths(over map[int][]report.Text, size float64, n int, total float64) []float64 {
	need := make([]float64, n)
	for ci, texts := range over {
		fits := func(x float64) bool {
			for _, tx := range texts {
				if r.m.textHeight(tx, size, x*unitPoints-cellInset, false) > maxRowHeight {
					return false
				}
			}
			return true
		}
		lo, hi := 1.0, total
		if !fits(hi) {
			need[ci] = hi
			continue
		}
		for hi-lo > 0.25 {
			if mid := (lo + hi) / 2; fits(mid) {
				hi = mid
			} else {
				lo = mid
			}
		}
		need[ci] = hi
	}
	return need
}

// units converts a text width in points to the column width in Excel
// units that holds it.
func units(pts float64) float64 { return (pts + cellInset) / unitPoints }

// share returns widths summing to total, each at least its minimum, the
// rest shared in proportion to weights (water-filling: a column whose
// share would be below its minimum gets its minimum and leaves the sharing).
// When the minimums alone exceed total they are scaled down to it.
func share(mins, weights []float64, total float64) []float64 {
	n := len(mins)
	out := make([]float64, n)
	sumMin := 0.0
	for _, m := range mins {
		sumMin += m
	}
	if sumMin >= total {
		for i, m := range mins {
			out[i] = round2(m * total / sumMin)
		}
		return out
	}
	fixed := make([]bool, n)
	for range n {
		rest, wsum := total, 0.0
		for i := range n {
			if fixed[i] {
				rest -= mins[i]
			} else {
				wsum += math.Max(weights[i], 0)
			}
		}
		changed := false
		for i := range n {
			if fixed[i] {
				out[i] = mins[i]
				continue
			}
			x := rest / float64(countFree(fixed))
			if wsum > 0 {
				x = rest * math.Max(weights[i], 0) / wsum
			}
			if x < mins[i] {
				fixed[i], changed = true, true
			}
			out[i] = x
		}
		if !changed {
			break
		}
	}
	for i := range out {
		out[i] = round2(out[i])
	}
	return out
}

func countFree(fixed []bool) int {
	n := 0
	for _, f := range fixed {
		if !f {
			n++
		}
	}
	return max(n, 1)
}

// overflow is what flatOverflow returned for the given widths.
type overflow struct {
	widths []float64
	over   map[int][]report.Text
}

// flatOverflow returns, by column, the texts of t that need a taller row
// than Excel allows at grid widths w in the table's type size.
func (r *renderer) flatOverflow(t *report.Table, w []float64) map[int][]report.Text {
	var out map[int][]report.Text
	for _, g := range t.Groups {
		for _, rw := range g.Rows {
			for ci, c := range rw.Cells {
				if ci < len(w) && r.m.textHeight(c.Text, r.table, w[ci]*unitPoints-cellInset, false) > maxRowHeight {
					if out == nil {
						out = make(map[int][]report.Text)
					}
					out[ci] = append(out[ci], c.Text)
				}
			}
		}
	}
	return out
}

// flatSize is the type size a flat table's cell is set in: the table's,
// or when its text needs a taller row than Excel allows, the largest size
// in half points down to minFlatSize at which it fits (minFlatSize when
// none does), with the height of its row at that size.
func (r *renderer) flatSize(t report.Text, width float64) (size, height float64) {
	size = r.table
	for {
		height = r.m.textHeight(t, size, width, false)
		if size <= minFlatSize || height <= maxRowHeight {
			return size, height
		}
		size = math.Max(size-0.5, minFlatSize)
	}
}

// longestWord returns the width in em of the widest word of t.
func (m *metrics) longestWord(t report.Text, bold bool) float64 {
	best := 0.0
	for _, l := range t.Lines {
		for _, run := range l.Runs {
			b, w := bold || run.Bold, 0.0
			for _, r := range run.Text {
				if unicode.IsSpace(r) {
					best, w = math.Max(best, w), 0
					continue
				}
				w += m.em(r, b)
			}
			best = math.Max(best, w)
		}
	}
	return best
}

// unbreakable returns the width in em of a cell whose value a number
// format shows on one line, never wrapped: a date (as dateFormat shows
// it), a typed number or a status with its symbol. ok is false for other
// cells.
func (m *metrics) unbreakable(c report.Cell) (em float64, ok bool) {
	switch {
	case !c.Date.IsZero():
		return m.textWidth(c.Date.Format("2 Jan 2006"), false), true
	case c.Value.Kind != report.NoValue || c.Symbol != "":
		return m.textWidth(strings.TrimSpace(c.Text.String()), false), true
	}
	return 0, false
}
