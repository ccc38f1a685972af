package pdf

import (
	"math"

	"github.com/agsreport/agsreport/internal/report"
)

// swatch is a coloured square with a wrapped label, as used by status keys
// and chart legends.
type swatch struct {
	colour RGB
	lines  []line
	w, h   float64
}

const (
	swatchW   = 6   // millimetres
	swatchGap = 1.5 // between swatch and label
	itemGap   = 6   // between items on a line
)

// swatches measures labelled swatches at size points.
func (f *flow) swatches(labels []string, colours []RGB, size float64) []swatch {
	out := make([]swatch, len(labels))
	room := f.bodyWidth() - swatchW - swatchGap
	for i, l := range labels {
		lines := f.wrap(report.Plain(l), size, room, false)
		w := 0.0
		for _, ln := range lines {
			w = max(w, ln.w)
		}
		out[i] = swatch{colour: colours[i], lines: lines, w: swatchW + swatchGap + w, h: max(blockHeight(lines), lineHeight(size))}
	}
	return out
}

// placeSwatches lays out swatches in rows across the body, breaking pages
// between rows. The swatches are tagged tag (Artifact in a status key,
// whose words carry the meaning); the labels as their lines say.
func (f *flow) placeSwatches(items []swatch, size float64, tag int32) {
	lh := lineHeight(size)
	for i := 0; i < len(items); {
		// Take as many items as fit on one line.
		j, w, h := i, 0.0, 0.0
		for j < len(items) {
			add := items[j].w
			if j > i {
				add += itemGap
			}
			if j > i && w+add > f.bodyWidth()+eps {
				break
			}
			w += add
			h = max(h, items[j].h)
			j++
		}
		f.ensure(h)
		x := f.g.BodyLeft()
		for k := i; k < j; k++ {
			it := items[k]
			sh := 0.7 * lh
			sy := f.y + (lh-sh)/2
			f.add(Box{Kind: FillBox, X: x, Y: sy, W: swatchW, H: sh, Colour: it.colour, Tag: tag})
			f.add(Box{Kind: FrameBox, X: x, Y: sy, W: swatchW, H: sh, Colour: RGB{R: 0x40, G: 0x40, B: 0x40}, Stroke: 0.2, Tag: tag})
			ly := f.y
			for n, ln := range it.lines {
				if n > 0 {
					ly += ln.gap
				}
				f.textLine(ln, x+swatchW+swatchGap, ly, f.st.text, false)
				ly += ln.h
			}
			x += it.w + itemGap
		}
		f.y += h + 0.5*lh
		i = j
	}
}

// statusKey lays out the document's statuses as swatches with their names;
// closed statuses say so in words, so colour is never the only signal.
func (f *flow) statusKey(k *report.StatusKey) {
	if len(f.doc.Statuses) == 0 {
		return
	}
	size := f.st.table
	labels := make([]string, len(f.doc.Statuses))
	colours := make([]RGB, len(f.doc.Statuses))
	for i, s := range f.doc.Statuses {
		labels[i] = s.Label()
		c, ok := parseColour(s.Colour)
		if !ok {
			c = RGB{R: 0xFF, G: 0xFF, B: 0xFF}
		}
		colours[i] = c
	}
	items := f.swatches(labels, colours, size)
	var title []line
	if k.Title != "" {
		title = f.wrap(report.Plain(k.Title), size, f.bodyWidth(), true)
		f.tagLines(f.sect, title, false)
	}
	// The key is read as a list of the status names.
	list := f.elem(roleL, f.sect)
	for i := range items {
		body := f.elem(roleLBody, f.elem(roleLI, list))
		f.tagLines(body, items[i].lines, true)
	}
	first := 0.0
	if len(items) > 0 {
		first = items[0].h
	}
	f.ensure(blockHeight(title) + first + lineHeight(size))
	f.y += 0.5 * lineHeight(size)
	f.flowLines(title, size)
	f.y += 0.3 * lineHeight(size)
	f.placeSwatches(items, size, Artifact)
	f.y += 0.5 * lineHeight(size)
}

// chartGeom is a chart measured for the body width.
type chartGeom struct {
	title, titleCont []line
	labels           [][]line
	labelW           float64
	rowH             []float64
	totals           []float64
	top, step        float64
	legend           []swatch
	legendH          float64
	axisH            float64
	colours          []RGB
}

func (f *flow) measureChart(ch *report.Chart) *chartGeom {
	size := f.st.table
	lh := lineHeight(size)
	cg := &chartGeom{axisH: lh + 2}
	titleSize := size + 1.5
	if ch.Title != "" {
		cg.title = f.wrap(report.Plain(ch.Title), titleSize, f.bodyWidth(), true)
		cg.titleCont = f.wrap(report.Plain(ch.Title+" (continued)"), titleSize, f.bodyWidth(), true)
	}
	maxLabel := 0.3 * f.bodyWidth()
	for _, c := range ch.Categories {
		lines := f.wrap(report.Plain(c), size, maxLabel, false)
		for _, ln := range lines {
			cg.labelW = max(cg.labelW, ln.w)
		}
		cg.labels = append(cg.labels, lines)
		cg.rowH = append(cg.rowH, max(blockHeight(lines), max(1.6*lh, 5))+2)
	}
	cg.totals = make([]float64, len(ch.Categories))
	for i := range cg.totals {
		for _, s := range ch.Series {
			cg.totals[i] += s.Value(i)
		}
	}
	cg.top, cg.step = ch.Axis()
	names := make([]string, len(ch.Series))
	cg.colours = make([]RGB, len(ch.Series))
	for i, s := range ch.Series {
		names[i] = s.Name
		cg.colours[i] = s.Fill(i)
	}
	cg.legend = f.swatches(names, cg.colours, size)
	for _, it := range cg.legend {
		cg.legendH = max(cg.legendH, it.h)
	}
	if len(cg.legend) > 0 {
		// A rough bound: legends rarely need more than a few lines.
		total := 0.0
		for _, it := range cg.legend {
			total += it.w + itemGap
		}
		lines := math.Ceil(total / f.bodyWidth())
		cg.legendH = lines*(cg.legendH+0.5*lh) + lh
	}
	return cg
}

func (f *flow) chartMinStart(ch *report.Chart) float64 {
	cg := f.measureChart(ch)
	h := blockHeight(cg.title) + cg.axisH + cg.legendH
	if len(cg.rowH) > 0 {
		h += cg.rowH[0]
	}
	return h
}

// chart lays out a stacked horizontal bar chart: one bar per category with
// its label on the left, one segment per series, value labels inside the
// segments that have room, a value axis and a legend. A chart too tall for
// the page continues on the next with its title marked "(continued)".
func (f *flow) chart(ch *report.Chart) {
	cg := f.measureChart(ch)
	// The title is a paragraph before the figure (its repeats on later
	// pages are artifacts); the figure holds everything drawn below it and
	// is read as its alternative text, which gives every value.
	f.tagLines(f.sect, cg.title, false)
	fig := f.elem(roleFigure, f.sect)
	if f.alts == nil {
		f.alts = map[int32]string{}
	}
	f.alts[fig] = chartAlt(ch)
	for _, lines := range cg.labels {
		f.tagLines(fig, lines, true)
	}
	for i := range cg.legend {
		f.tagLines(fig, cg.legend[i].lines, true)
	}
	size := f.st.table
	lh := lineHeight(size)
	left, right := f.g.BodyLeft(), f.g.BodyRight()
	topLabel := f.m.Width(Regular, size, report.FormatValue(cg.top))
	x0 := left + cg.labelW + 3
	x1 := right - max(3, topLabel/2+1)
	if x1-x0 < 20 {
		x0 = max(left, x1-20)
	}
	scale := (x1 - x0) / cg.top
	axisColour := RGB{R: 0x40, G: 0x40, B: 0x40}
	gridColour := RGB{R: 0xD9, G: 0xD9, B: 0xD9}

	f.y += 0.5 * lh
	for i, cont := 0, false; i < len(ch.Categories) || (i == 0 && !cont); cont = true {
		title := cg.title
		if cont {
			title = cg.titleCont
		}
		first := 0.0
		if i < len(cg.rowH) {
			first = cg.rowH[i]
		}
		f.ensure(blockHeight(title) + first + cg.axisH + cg.legendH)
		f.flowLines(title, size+1.5)
		f.y += 0.3 * lh
		// Rows that fit above the axis and legend.
		yTop := f.y
		j := i
		for j < len(cg.rowH) && (j == i || f.y+cg.rowH[j]+cg.axisH+cg.legendH <= f.g.BodyBottom()+eps) {
			f.y += cg.rowH[j]
			j++
		}
		yAxis := f.y
		if j == i {
			break // no categories: the title alone
		}
		// Grid, then bars, then axes on top.
		for k := 0; k <= 20; k++ {
			v := float64(k) * cg.step
			if v > cg.top*(1+1e-9) {
				break
			}
			gx := x0 + v*scale
			if k > 0 {
				f.add(Box{Kind: RuleBox, X: gx, Y: yTop, W: 0, H: yAxis - yTop, Colour: gridColour, Stroke: 0.15, Tag: fig})
			}
			f.add(Box{Kind: RuleBox, X: gx, Y: yAxis, W: 0, H: 1, Colour: axisColour, Stroke: 0.2, Tag: fig})
			label := report.FormatValue(v)
			w := f.m.Width(Regular, size, label)
			lx := min(max(gx-w/2, left), right-w)
			f.add(Box{Kind: TextBox, X: lx, Y: yAxis + 1.2, W: w, H: lh, Text: label, Face: Regular, Size: size, Colour: f.st.text, Tag: fig})
		}
		y := yTop
		for c := i; c < j; c++ {
			rh := cg.rowH[c]
			labels := cg.labels[c]
			ly := y + (rh-blockHeight(labels))/2
			for n, ln := range labels {
				if n > 0 {
					ly += ln.gap
				}
				f.textLine(ln, x0-3-ln.w, ly, f.st.text, false)
				ly += ln.h
			}
			bh := rh - 2
			by := y + 1
			bx := x0
			for si, s := range ch.Series {
				v := s.Value(c)
				if v <= 0 {
					continue
				}
				w := v * scale
				f.add(Box{Kind: FillBox, X: bx, Y: by, W: w, H: bh, Colour: cg.colours[si], Tag: fig})
				label := report.FormatValue(v)
				if lw := f.m.Width(Regular, size, label); lw+1.5 <= w && lh <= bh {
					f.add(Box{Kind: TextBox, X: bx + (w-lw)/2, Y: by + (bh-lh)/2, W: lw, H: lh, Text: label,
						Face: Regular, Size: size, Colour: contrast(cg.colours[si]), Tag: fig})
				}
				bx += w
			}
			y += rh
		}
		f.add(Box{Kind: RuleBox, X: x0, Y: yTop, W: 0, H: yAxis - yTop, Colour: axisColour, Stroke: 0.3, Tag: fig})
		f.add(Box{Kind: RuleBox, X: x0, Y: yAxis, W: x1 - x0, H: 0, Colour: axisColour, Stroke: 0.3, Tag: fig})
		f.y = yAxis + cg.axisH + 0.5*lh
		f.placeSwatches(cg.legend, size, fig)
		i = j
		if i >= len(ch.Categories) {
			break
		}
	}
	f.y += 0.5 * lh
}

// contrast returns black or white, whichever reads better on c.
func contrast(c RGB) RGB {
	lum := 0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B)
	if lum < 140 {
		return RGB{R: 0xFF, G: 0xFF, B: 0xFF}
	}
	return RGB{}
}
