package html

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/agsreport/agsreport/internal/report"
)

// Chart geometry, in SVG user units (about pixels at full width).
const (
	chartW     = 720.0
	labelW     = 190.0 // category labels, right-aligned before the bars
	labelChars = 28    // characters per category label line
	chartFont  = 12.0
	barH       = 22.0
	rowGap     = 8.0
	charW      = 6.6 // estimated average advance at chartFont
)

// seriesColour is series i's colour (see report.Series.Fill).
func seriesColour(s report.Series, i int) rgb { return s.Fill(i) }

// segmentStroke is the outline of a bar segment (and its legend swatch)
// filled fill: black around a fill too light to stand out from the white
// page at 3:1, white (a gap) around one dark enough to, so that every
// segment is set apart from the page and from its neighbours by at least
// 3:1 (WCAG 1.4.11), whatever colours the job gives its statuses.
func segmentStroke(fill rgb) rgb {
	if contrastRatio(fill, white) < 3 {
		return black
	}
	return white
}

// wrapLabel breaks s into lines of at most width runes at spaces (a longer
// word is cut), keeping at most three lines; the last one kept ends in "…"
// when text was left out.
func wrapLabel(s string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		for utf8.RuneCountInString(w) > width {
			rs := []rune(w)
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			lines = append(lines, string(rs[:width]))
			w = string(rs[width:])
		}
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > 3 {
		lines = append(lines[:2], lines[2]+"…")
	}
	return lines
}

// chart writes a chart as a figure: an SVG stacked bar chart that
// assistive technology reads as one image with a title and a description
// stating every value, then the same numbers as a data table.
func (p *page) chart(b *strings.Builder, ch *report.Chart) {
	title := strings.TrimSpace(clean(ch.Title))
	if title == "" {
		title = "Chart"
	}
	capID := p.ids.make(title)
	titleID, descID := p.ids.make(capID+"-title"), p.ids.make(capID+"-desc")
	b.WriteString("<figure class=\"chart\" aria-labelledby=\"" + capID + "\">\n<figcaption id=\"" + capID + "\">")
	escape(b, title)
	b.WriteString("</figcaption>\n")

	cats := ch.Categories
	totals := make([]float64, len(cats))
	for c := range cats {
		for _, s := range ch.Series {
			totals[c] += s.Value(c)
		}
	}
	top, step := ch.Axis()

	// Rows: one per category, tall enough for its wrapped label.
	labels := make([][]string, len(cats))
	rowH := make([]float64, len(cats))
	y := 8.0
	for c, name := range cats {
		labels[c] = wrapLabel(clean(name), labelChars)
		rowH[c] = max(barH, float64(len(labels[c]))*chartFont*1.2) + rowGap
		y += rowH[c]
	}
	yAxis := y
	x0, x1 := labelW+10, chartW-20
	scale := (x1 - x0) / top

	// Legend items laid out in rows under the axis labels.
	type item struct {
		x, y float64
		c    rgb
		name string
	}
	var legend []item
	lx, ly := x0, yAxis+40
	for i, s := range ch.Series {
		name := clean(s.Name)
		w := 18 + 6 + float64(utf8.RuneCountInString(name))*charW
		if lx > x0 && lx+w > chartW {
			lx, ly = x0, ly+20
		}
		legend = append(legend, item{x: lx, y: ly, c: seriesColour(s, i), name: name})
		lx += w + 20
	}
	height := yAxis + 30
	if len(legend) > 0 {
		height = ly + 22
	}

	fmt.Fprintf(b, "<svg role=\"img\" aria-labelledby=\"%s\" aria-describedby=\"%s\" viewBox=\"0 0 %s %s\" width=\"%s\" height=\"%s\" xmlns=\"http://www.w3.org/2000/svg\">\n",
		titleID, descID, num(chartW), num(height), num(chartW), num(height))
	b.WriteString("<title id=\"" + titleID + "\">")
	escape(b, title)
	b.WriteString("</title>\n<desc id=\"" + descID + "\">")
	escape(b, chartDesc(ch, totals))
	b.WriteString("</desc>\n")
	fmt.Fprintf(b, "<g font-size=\"%s\" fill=\"#000\">\n", num(chartFont))
	// Grid lines and value axis labels.
	for k := 0; k <= 20; k++ {
		v := float64(k) * step
		if v > top*(1+1e-9) {
			break
		}
		gx := x0 + v*scale
		if k > 0 {
			fmt.Fprintf(b, "<line x1=\"%s\" y1=\"8\" x2=\"%s\" y2=\"%s\" stroke=\"#d9d9d9\"/>\n", num(gx), num(gx), num(yAxis))
		}
		fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>\n", num(gx), num(yAxis+18), report.FormatValue(v))
	}
	// Bars.
	y = 8
	for c := range cats {
		rh := rowH[c]
		ls := labels[c]
		ty := y + rh/2 - float64(len(ls)-1)*chartFont*1.2/2 + chartFont*0.35 - rowGap/2
		for i, l := range ls {
			fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" text-anchor=\"end\">", num(labelW), num(ty+float64(i)*chartFont*1.2))
			escape(b, l)
			b.WriteString("</text>\n")
		}
		by := y + (rh-rowGap-barH)/2
		bx := x0
		for si, s := range ch.Series {
			v := s.Value(c)
			if v <= 0 {
				continue
			}
			w := v * scale
			col := seriesColour(s, si)
			fmt.Fprintf(b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>\n",
				num(bx), num(by), num(w), num(barH), col, segmentStroke(col))
			label := report.FormatValue(v)
			if float64(len(label))*charW+6 <= w {
				fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" fill=\"%s\">%s</text>\n",
					num(bx+w/2), num(by+barH/2+chartFont*0.35), textOn(col), label)
			}
			bx += w
		}
		y += rh
	}
	fmt.Fprintf(b, "<line x1=\"%s\" y1=\"8\" x2=\"%s\" y2=\"%s\" stroke=\"#404040\"/>\n", num(x0), num(x0), num(yAxis))
	fmt.Fprintf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#404040\"/>\n", num(x0), num(yAxis), num(x1), num(yAxis))
	for _, it := range legend {
		// The swatch is drawn as the segments are, outline included.
		fmt.Fprintf(b, "<rect x=\"%s\" y=\"%s\" width=\"18\" height=\"12\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>\n",
			num(it.x), num(it.y-10), it.c, segmentStroke(it.c))
		fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\">", num(it.x+24), num(it.y))
		escape(b, it.name)
		b.WriteString("</text>\n")
	}
	b.WriteString("</g>\n</svg>\n")
	p.chartTable(b, ch, title, totals)
	b.WriteString("</figure>\n")
}

// chartDesc states the chart's numbers in words: each category with its
// series values and total.
func chartDesc(ch *report.Chart, totals []float64) string {
	if len(ch.Categories) == 0 {
		return "No data."
	}
	var parts []string
	for c, name := range ch.Categories {
		var vs []string
		for _, s := range ch.Series {
			vs = append(vs, strings.TrimSpace(s.Name)+" "+report.FormatValue(s.Value(c)))
		}
		part := strings.TrimSpace(name) + ": "
		if len(vs) > 0 {
			part += strings.Join(vs, ", ") + "; "
		}
		parts = append(parts, part+"total "+report.FormatValue(totals[c]))
	}
	return "Stacked bar chart. " + strings.Join(parts, ". ") + "."
}

// chartTable writes the chart's numbers as a table: one row per category,
// one column per series, and the total.
func (p *page) chartTable(b *strings.Builder, ch *report.Chart, title string, totals []float64) {
	if len(ch.Categories) == 0 {
		return
	}
	label := "Data for " + title
	b.WriteString("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
	escape(b, label)
	b.WriteString("\">\n<table class=\"chart-data\">\n<caption>")
	escape(b, label)
	b.WriteString("</caption>\n<thead><tr><th scope=\"col\">Category</th>")
	for _, s := range ch.Series {
		b.WriteString("<th scope=\"col\" class=\"num\">")
		escape(b, s.Name)
		b.WriteString("</th>")
	}
	b.WriteString("<th scope=\"col\" class=\"num\">Total</th></tr></thead>\n<tbody>\n")
	for c, name := range ch.Categories {
		b.WriteString("<tr><th scope=\"row\">")
		escape(b, name)
		b.WriteString("</th>")
		for _, s := range ch.Series {
			b.WriteString("<td class=\"num\">" + report.FormatValue(s.Value(c)) + "</td>")
		}
		b.WriteString("<td class=\"num\">" + report.FormatValue(totals[c]) + "</td></tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n</div>\n")
}
