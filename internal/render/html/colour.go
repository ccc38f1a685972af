package html

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// rgb is a colour parsed from "#RRGGBB".
type rgb struct{ r, g, b uint8 }

var (
	black = rgb{0, 0, 0}
	white = rgb{0xFF, 0xFF, 0xFF}
)

// parseColour reads "#RRGGBB" (the "#" optional, any case). Anything else is
// not a colour, so nothing from the document reaches a style attribute
// unchecked.
func parseColour(s string) (rgb, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return rgb{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return rgb{}, false
	}
	return rgb{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

// String returns the colour as "#rrggbb".
func (c rgb) String() string { return fmt.Sprintf("#%02x%02x%02x", c.r, c.g, c.b) }

// luminance is the WCAG 2 relative luminance of c, from 0 (black) to 1
// (white).
func (c rgb) luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}

// contrastRatio is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func contrastRatio(a, b rgb) float64 {
	la, lb := a.luminance(), b.luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

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
