package html

import "github.com/agsreport/agsreport/internal/report"

// rgb is a colour parsed from "#RRGGBB".
type rgb = report.RGB

var (
	black = rgb{R: 0, G: 0, B: 0}
	white = rgb{R: 0xFF, G: 0xFF, B: 0xFF}
)

// parseColour reads a document colour (see report.ParseColour). Anything
// else is not a colour, so nothing from the document reaches a style
// attribute unchecked.
func parseColour(s string) (rgb, bool) { return report.ParseColour(s) }

// contrastRatio is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func contrastRatio(a, b rgb) float64 { return report.Contrast(a, b) }

// textOn returns black or white, whichever contrasts more with the
// background bg. The better of the two always reaches at least 4.58:1, so
// text on any fill meets WCAG AA for normal text.
func textOn(bg rgb) rgb {
	if contrastRatio(black, bg) >= contrastRatio(white, bg) {
		return black
	}
	return white
}

// readable returns want when it contrasts with bg by at least 4.5:1, and
// otherwise textOn(bg).
func readable(want, bg rgb) rgb {
	if contrastRatio(want, bg) >= 4.5 {
		return want
	}
	return textOn(bg)
}
