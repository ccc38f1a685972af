package main

import (
	"fmt"
	"strings"

	"github.com/agsreport/agsreport/internal/fonts"
)

// Sizes, in points. The workbooks' default font is Arial 11, so one unit
// of column width is 6 pt (Excel's 8 px digit at 96 dpi; LibreOffice draws
// Arial with its metric twin Liberation Sans, measured here). Cells are
// Arial 10. These are the calibration of internal/render/xlsx.
const (
	fontName    = "Arial"
	fontSize    = 10.0
	titleSize   = 14.0
	unitPoints  = 6.0
	cellInset   = 5.0  // horizontal space a cell keeps beside its text
	lineFactor  = 1.17 // line height as a multiple of the font size
	cellPadding = 4.0  // vertical space a cell keeps above and below its text
	widthSafety = 1.06 // measured widths are inflated by this much
	maxHeight   = 409.0
)

// measurer wraps text the way a spreadsheet does, with Liberation Sans
// advances (package fonts).
type measurer struct {
	m *fonts.Metrics
}

func newMeasurer() (*measurer, error) {
	m, err := fonts.Liberation()
	if err != nil {
		return nil, fmt.Errorf("measuring font: %w", err)
	}
	return &measurer{m: m}, nil
}

// em is the advance of r in em; a character the face lacks counts 1 em.
func (m *measurer) em(r rune, bold bool) float64 {
	if w, ok := m.m.Em(fonts.FaceOf(bold, false), r); ok {
		return w
	}
	return 1
}

// lines is how many lines text takes in a column of the given width (in
// column units) at the given size: each "\n" starts a line, words wrap
// whole at spaces, and a word longer than the line breaks inside. Empty
// text is one line.
func (m *measurer) lines(text string, width, size float64, bold bool) int {
	limit := (width*unitPoints - cellInset) / size / widthSafety // in em
	limit = max(limit, 0.5)
	space := m.em(' ', bold)
	n := 0
	for _, line := range strings.Split(text, "\n") {
		count, x := 1, 0.0
		for _, word := range strings.Fields(line) {
			w := 0.0
			for _, r := range word {
				w += m.em(r, bold)
			}
			if x > 0 && x+space+w > limit {
				count++
				x = 0
			}
			if x > 0 {
				x += space
			}
			for w > limit { // x is 0 here: the word started a line
				w -= limit
				count++
			}
			x += w
		}
		n += count
	}
	return n
}

// height is the row height in points that shows n lines at the size.
func height(n int, size float64) float64 {
	return min(float64(n)*size*lineFactor+cellPadding, maxHeight)
}
