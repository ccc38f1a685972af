package report

import (
	"math"
	"strconv"
	"strings"
)

// Value returns the series' value for category i. Missing, negative and
// non-finite values read as zero, so that every renderer draws the same
// bars from the same chart.
func (s Series) Value(i int) float64 {
	if i < 0 || i >= len(s.Values) {
		return 0
	}
	v := s.Values[i]
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0
	}
	return min(v, math.MaxFloat64/1e6)
}

// Scale returns a chart axis's maximum and tick step for bars up to peak:
// about five ticks at 1, 2, 2.5 or 5 times a power of ten.
func Scale(peak float64) (top, step float64) {
	if peak <= 0 || math.IsNaN(peak) || math.IsInf(peak, 0) {
		return 1, 0.2
	}
	raw := peak / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	return math.Ceil(peak/step-1e-9) * step, step
}

// FormatValue formats a chart value for labels and tables.
func FormatValue(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }

// Axis returns the value axis's maximum and tick step for the chart's
// stacked bars, the same in every renderer: Scale of the largest bar, with
// whole-number steps when every value is a whole number, since half an
// action means nothing on a count axis.
func (c *Chart) Axis() (top, step float64) {
	peak, whole := 0.0, true
	for i := range c.Categories {
		sum := 0.0
		for _, s := range c.Series {
			v := s.Value(i)
			sum += v
			whole = whole && v == math.Trunc(v)
		}
		peak = max(peak, sum)
	}
	top, step = Scale(peak)
	if whole && step != math.Trunc(step) {
		step = math.Ceil(step)
		top = max(step, math.Ceil(peak/step-1e-9)*step)
	}
	return top, step
}

// DataTable is the chart's numbers as a table, for the renderers to print
// after the chart so that no reader depends on the picture: a row per
// category, a column per series and the total. Its Name is the chart's
// title with " (data)", or "Chart data" when the chart has no title.
func (c *Chart) DataTable() *Table {
	name := "Chart data"
	if t := strings.TrimSpace(c.Title); t != "" {
		name = t + " (data)"
	}
	cols := []Column{{Title: "Category", Width: 3}}
	for _, s := range c.Series {
		cols = append(cols, Column{Title: s.Name, Width: 1, Align: Right})
	}
	cols = append(cols, Column{Title: "Total", Width: 1, Align: Right})
	var rows []Row
	for i, cat := range c.Categories {
		row := Row{Cells: []Cell{{Text: Plain(cat)}}}
		total := 0.0
		for _, s := range c.Series {
			row.Cells = append(row.Cells, Cell{Text: Plain(FormatValue(s.Value(i)))})
			total += s.Value(i)
		}
		row.Cells = append(row.Cells, Cell{Text: Plain(FormatValue(total))})
		rows = append(rows, row)
	}
	return &Table{Name: name, Columns: cols, Groups: []Group{{Rows: rows}}}
}
