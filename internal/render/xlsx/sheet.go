package xlsx

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/report"
)

// sheet is the laid-out content of one worksheet, built in memory before it
// is streamed out, so that every row's height is known when it is written.
type sheet struct {
	name    string
	index   int       // 0-based position among the workbook's sheets
	widths  []float64 // grid column widths in Excel units
	rows    []row     // rows[0] is row 1
	merges  []area    // merged areas, in the order they were made
	headRow int       // first table's header row, 0 when none
	lastRow int       // first table's last row
	lastCol int       // first table's last column
	status  []statusRange
	charts  []chartPlace
	// flat is set when the sheet holds a flat table (report.Table.Flat):
	// nothing on it is merged, so that it filters and sorts as a list.
	flat bool
	// scale is the print scale at most, 1 (or 0) for 100 %: a flat sheet
	// whose words do not fit across the page at 100 % is laid out wider,
	// and fitting it to the page's width prints it this much smaller or
	// less (see fitFlat); its page breaks allow for that.
	scale float64
}

// printScale is the sheet's print scale, 1 when none is set.
func (s *sheet) printScale() float64 {
	if s.scale > 0 && s.scale < 1 {
		return s.scale
	}
	return 1
}

// row is one worksheet row.
type row struct {
	height float64 // points; 0 keeps the default height
	cells  []cell  // index 0 is column A
	// keepNext keeps the row on the same printed page as the next one (a
	// table header, a band, a heading).
	keepNext bool
	// together is non-zero on rows printed on one page (a chart's rows).
	together int
}

// statusRange is a run of status cells of one column.
type statusRange struct {
	col, row0, row1 int
}

// chartPlace is a chart anchored at a cell with its data range.
type chartPlace struct {
	row   int // anchor row
	chart *excelize.Chart
}

// addRows appends rows for content of height h points and returns the first
// new row number and the count. A height over Excel's limit is shared by
// several rows, so that content merged down over them is fully visible.
func (s *sheet) addRows(h float64) (first, n int) {
	n = int(math.Ceil(h / maxRowHeight))
	if n < 1 {
		n = 1
	}
	per := roundHeight(h / float64(n))
	first = len(s.rows) + 1
	for i := 0; i < n; i++ {
		s.rows = append(s.rows, row{height: per})
	}
	return first, n
}

// keepFrom marks the rows from the 1-based row first to the last as kept
// with the row after them.
func (s *sheet) keepFrom(first int) {
	for i := max(first-1, 0); i < len(s.rows); i++ {
		s.rows[i].keepNext = true
	}
}

// blank appends an empty row of default height.
func (s *sheet) blank() { s.rows = append(s.rows, row{}) }

// roundHeight rounds up to a quarter point and caps at Excel's maximum.
func roundHeight(h float64) float64 {
	h = math.Ceil(h*4) / 4
	if h > maxRowHeight {
		h = maxRowHeight
	}
	if h < 1 || math.IsNaN(h) {
		h = 1
	}
	return h
}

// put writes value with style into the rectangle of columns c0..c1 and rows
// r0..r1 (1-based, inclusive): the value in the top-left cell, the style in
// every cell (so merged areas keep their borders and fill), and a merge when
// the rectangle is larger than one cell and the sheet is not flat.
func (s *sheet) put(c0, c1, r0, r1 int, value any, style int) {
	for r := r0; r <= r1; r++ {
		for r > len(s.rows) {
			s.blank()
		}
		cells := &s.rows[r-1].cells
		if n := len(*cells); n < c1 {
			// Rows usually fill the grid: room for all of it at once.
			*cells = slices.Grow(*cells, max(c1, len(s.widths))-n)[:c1]
			clear((*cells)[n:])
		}
		for c := c0; c <= c1; c++ {
			cl := cell{style: int32(style), set: true}
			if r == r0 && c == c0 {
				cl.value = value
			}
			(*cells)[c-1] = cl
		}
	}
	if (c1 > c0 || r1 > r0) && !s.flat {
		s.merges = append(s.merges, newArea(c0, r0, c1, r1))
	}
}

// area is a merged area: first column, first row, last column, last row,
// 1-based and inclusive. Sheets of tens of thousands of merged areas keep
// them in half the room ints would take.
type area [4]int32

func newArea(c0, r0, c1, r1 int) area {
	return area{int32(c0), int32(r0), int32(c1), int32(r1)}
}

// span is a run of grid columns, 1-based inclusive.
type span struct{ first, last int }

// grid computes a section's grid columns: the union of the column edges of
// all its tables, so that every table column covers whole grid columns.
// total is the width of the grid in Excel units (a little less than the
// printable width, see fitUnitPoints). It also returns, per table
// (in block order), the grid span of each column.
func grid(blocks []report.Block, total float64) ([]float64, map[*report.Table][]span) {
	const defaultColumns = 8
	var cuts []float64
	var tables []*report.Table
	for _, b := range blocks {
		t, ok := b.(*report.Table)
		if !ok || t == nil || len(t.Columns) == 0 {
			continue
		}
		tables = append(tables, t)
		cuts = append(cuts, edges(t.Columns)...)
	}
	if len(tables) == 0 {
		w := make([]float64, defaultColumns)
		for i := range w {
			w[i] = round2(total / defaultColumns)
		}
		return w, nil
	}
	cuts = append(cuts, 0, 1)
	sort.Float64s(cuts)
	uniq := cuts[:1]
	for _, c := range cuts[1:] {
		if c-uniq[len(uniq)-1] > 1e-4 {
			uniq = append(uniq, c)
		}
	}
	uniq[len(uniq)-1] = 1
	widths := make([]float64, len(uniq)-1)
	for i := range widths {
		widths[i] = round2(total * (uniq[i+1] - uniq[i]))
	}
	index := func(x float64) int {
		best, bestD := 0, math.Inf(1)
		for i, c := range uniq {
			if d := math.Abs(c - x); d < bestD {
				best, bestD = i, d
			}
		}
		return best
	}
	spans := make(map[*report.Table][]span, len(tables))
	for _, t := range tables {
		e := append([]float64{0}, edges(t.Columns)...)
		sp := make([]span, len(t.Columns))
		for i := range t.Columns {
			a, b := index(e[i]), index(e[i+1])
			if b <= a {
				b = a + 1
			}
			if b > len(widths) {
				b = len(widths)
				if a >= b {
					a = b - 1
				}
			}
			sp[i] = span{a + 1, b}
		}
		spans[t] = sp
	}
	return widths, spans
}

// edges returns the right edges of columns as fractions of the table width.
// Columns without a positive width count as width 1.
func edges(cols []report.Column) []float64 {
	sum := 0.0
	w := make([]float64, len(cols))
	for i, c := range cols {
		w[i] = c.Width
		if !(w[i] > 0) || math.IsInf(w[i], 0) {
			w[i] = 1
		}
		sum += w[i]
	}
	out := make([]float64, len(cols))
	acc := 0.0
	for i := range w {
		acc += w[i]
		out[i] = acc / sum
	}
	return out
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// sheetNames turns section names into valid, unique worksheet names: at
// most 31 characters, none of []:*?/\, no apostrophe (typographic ’
// instead, so references never need escaping), not empty, not "History",
// unique ignoring case. reserved names are taken already.
func sheetNames(names []string, reserved ...string) []string {
	used := make(map[string]bool)
	for _, r := range reserved {
		used[strings.ToLower(r)] = true
	}
	out := make([]string, len(names))
	for i, n := range names {
		base := cleanSheetName(n)
		if base == "" || strings.EqualFold(base, "History") {
			base = "Sheet " + strconv.Itoa(i+1)
		}
		name := base
		for k := 2; used[strings.ToLower(name)]; k++ {
			suffix := " (" + strconv.Itoa(k) + ")"
			name = truncUTF16(base, 31-len(suffix)) + suffix
		}
		used[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

func cleanSheetName(n string) string {
	var b strings.Builder
	for _, r := range n {
		switch {
		case r == '[':
			b.WriteRune('(')
		case r == ']':
			b.WriteRune(')')
		case r == ':' || r == '/' || r == '\\':
			b.WriteRune('-')
		case r == '*' || r == '?':
		case r == '\'':
			b.WriteRune('’')
		case r < ' ' || r == 0x7f || r == 0xFFFE || r == 0xFFFF:
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	return strings.TrimSpace(truncUTF16(s, 31))
}

// truncUTF16 cuts s to at most n UTF-16 code units without splitting a
// character.
func truncUTF16(s string, n int) string {
	if len(s) <= n {
		return s // no character takes more UTF-16 units than UTF-8 bytes
	}
	units := 0
	for i, r := range s {
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		if units > n {
			return s[:i]
		}
	}
	return s
}

// quoteSheet quotes a sheet name for use in a cell reference.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
