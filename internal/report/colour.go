package report

import (
	"fmt"
	"math"
)

// RGB is a colour. Colours travel in the tree as "#RRGGBB" strings (the
// form job files and templates use); ParseColour is the one reader of that
// form, used by the job and template checks and by every renderer, so that
// every format accepts and rejects the same colours.
type RGB struct{ R, G, B uint8 }

// String returns the colour as "#RRGGBB".
func (c RGB) String() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// ParseColour reads a colour written "#RRGGBB" (hex digits in either case).
// ok is false for anything else, including "" (no colour), so nothing from
// a document reaches an output's style unchecked.
func ParseColour(s string) (c RGB, ok bool) {
	if len(s) != 7 || s[0] != '#' {
		return RGB{}, false
	}
	var v [3]uint8
	for i := 0; i < 6; i++ {
		d, ok := hexDigit(s[1+i])
		if !ok {
			return RGB{}, false
		}
		v[i/2] = v[i/2]<<4 | d
	}
	return RGB{v[0], v[1], v[2]}, true
}

// IsColour reports whether s is a colour ParseColour reads.
func IsColour(s string) bool {
	_, ok := ParseColour(s)
	return ok
}

func hexDigit(b byte) (uint8, bool) {
	switch {
	case b >= '0' && b <= '9':
		return b - '0', true
	case b >= 'a' && b <= 'f':
		return b - 'a' + 10, true
	case b >= 'A' && b <= 'F':
		return b - 'A' + 10, true
	}
	return 0, false
}

// Luminance is the WCAG 2 relative luminance of c, from 0 (black) to 1
// (white).
func (c RGB) Luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// palette colours chart series that name no colour of their own.
var palette = [...]RGB{{0x44, 0x72, 0xC4}, {0xED, 0x7D, 0x31}, {0xA5, 0xA5, 0xA5}, {0xFF, 0xC0, 0x00}, {0x5B, 0x9B, 0xD5}, {0x70, 0xAD, 0x47}}

// Fill returns the colour of series number i (from 0) of a chart: its own
// Colour, or when that is not a colour, the palette's i-th, so that every
// renderer draws the same bars.
func (s Series) Fill(i int) RGB {
	if c, ok := ParseColour(s.Colour); ok {
		return c
	}
	return palette[((i%len(palette))+len(palette))%len(palette)]
}
