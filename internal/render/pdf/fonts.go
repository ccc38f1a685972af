package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/agsreport/agsreport/internal/fonts"
)

// Face is one of the four faces of the text font, numbered as in package
// fonts.
type Face uint8

// The faces of Liberation Sans.
const (
	Regular    = Face(fonts.Regular)
	Bold       = Face(fonts.Bold)
	Italic     = Face(fonts.Italic)
	BoldItalic = Face(fonts.BoldItalic)
	numFaces   = Face(fonts.NumFaces)
)

// faceOf returns the face for a bold and an italic flag.
func faceOf(bold, italic bool) Face { return Face(fonts.FaceOf(bold, italic)) }

func (f Face) String() string {
	switch f {
	case Bold:
		return "B"
	case Italic:
		return "I"
	case BoldItalic:
		return "BI"
	}
	return "R"
}

// style is the fpdf style string of the face.
func (f Face) style() string {
	if f == Regular {
		return ""
	}
	return f.String()
}

// Metrics measures text for the layout. Implementations must be safe for
// concurrent use if shared between goroutines.
type Metrics interface {
	// Width returns the advance width, in millimetres, of s set in face at
	// size points. s holds only characters for which Has is true.
	Width(face Face, size float64, s string) float64
	// Has reports whether face can draw r.
	Has(face Face, r rune) bool
}

// ptToMM converts points to millimetres.
const ptToMM = 25.4 / 72

// liberation measures with the embedded Liberation Sans faces (package
// fonts), in the thousandths of an em that the PDF's font dictionaries
// record, so that measured and drawn widths agree.
type liberation struct {
	m     *fonts.Metrics
	milli [numFaces]*[0x10000]uint16
}

// fontMetrics returns the metrics of the embedded faces; the result is
// read-only.
func fontMetrics() (*liberation, error) {
	m, err := fonts.Liberation()
	if err != nil {
		return nil, err
	}
	l := &liberation{m: m}
	for i := range numFaces {
		l.milli[i] = m.Milli(fonts.Face(i))
	}
	return l, nil
}

// Has reports whether face has a glyph for r.
func (m *liberation) Has(face Face, r rune) bool {
	if face >= numFaces {
		return false
	}
	return m.m.Has(fonts.Face(face), r)
}

// Width returns the width of s in millimetres at size points.
func (m *liberation) Width(face Face, size float64, s string) float64 {
	if face >= numFaces {
		face = Regular
	}
	t := m.milli[face]
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			w += int(t[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r < 0x10000 {
			w += int(t[r])
		}
	}
	return float64(w) * size / 1000 * ptToMM
}

// replacement stands for a character no face can draw.
const replacement = '?'

// cleanText returns s made safe to measure and draw in face: invalid UTF-8,
// characters above U+FFFF and characters the face lacks become "?"; tabs,
// no-break and other spaces become plain spaces; line breaks become spaces;
// carriage returns, other control characters and zero-width characters are
// dropped. When nothing needs changing s itself is returned.
func cleanText(s string, face Face, m Metrics) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f && m.Has(face, rune(c)) {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || cleanRune(r, face, m) != r {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n <= 1 {
			b.WriteRune(replacement)
			continue
		}
		if c := cleanRune(r, face, m); c >= 0 {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// cleanRune maps one character to what is drawn: itself, a substitute, or
// -1 to drop it.
func cleanRune(r rune, face Face, m Metrics) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
		return ' '
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return -1
	case r == 0xa0 || r == 0x202f || r == 0x205f || r == 0x3000 || (r >= 0x2000 && r <= 0x200a):
		return ' '
	case r == 0xad || (r >= 0x200b && r <= 0x200f) || r == 0x2060 || r == 0xfeff:
		return -1
	case r > 0xffff || !m.Has(face, r):
		return replacement
	}
	return r
}

// cleanMeta makes a string safe for PDF metadata and outline titles, which
// fpdf encodes as UTF-16 without surrogate pairs: invalid UTF-8 and
// characters above U+FFFF become "?", control characters become spaces.
func cleanMeta(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n <= 1, r > 0xffff:
			b.WriteRune(replacement)
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
