package pdf

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face is one of the four faces of the text font.
type Face uint8

// The faces of Liberation Sans.
const (
	Regular Face = iota
	Bold
	Italic
	BoldItalic
	numFaces
)

// faceOf returns the face for a bold and an italic flag.
func faceOf(bold, italic bool) Face {
	switch {
	case bold && italic:
		return BoldItalic
	case bold:
		return Bold
	case italic:
		return Italic
	}
	return Regular
}

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

// fontData is the TrueType data of each face, in Face order.
var fontData = [numFaces][]byte{
	liberationsansregular.TTF,
	liberationsansbold.TTF,
	liberationsansitalic.TTF,
	liberationsansbolditalic.TTF,
}

// faceTable holds the advance widths of one face for the Basic
// Multilingual Plane, in thousandths of an em rounded as fpdf rounds them,
// and which characters the face has a glyph for.
type faceTable struct {
	width [0x10000]uint16
	has   [0x10000 / 64]uint64
}

// liberation measures with the embedded Liberation Sans faces.
type liberation struct {
	faces [numFaces]*faceTable
}

var (
	liberationOnce    sync.Once
	liberationMetrics *liberation
	liberationErr     error
)

// fontMetrics returns the metrics of the embedded faces, parsed once per
// process; the result is read-only.
func fontMetrics() (*liberation, error) {
	liberationOnce.Do(func() {
		m := &liberation{}
		for i, data := range fontData {
			t, err := parseFace(data)
			if err != nil {
				liberationErr = fmt.Errorf("reading embedded font face %s: %w", Face(i), err)
				return
			}
			m.faces[i] = t
		}
		liberationMetrics = m
	})
	return liberationMetrics, liberationErr
}

func parseFace(data []byte) (*faceTable, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	upem := f.UnitsPerEm()
	if upem == 0 {
		return nil, fmt.Errorf("font has zero units per em")
	}
	scale := 1000 / float64(upem)
	t := &faceTable{}
	for r := rune(0x20); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		adv, err := f.GlyphAdvance(&buf, gi, fixed.Int26_6(upem), font.HintingNone)
		if err != nil {
			continue
		}
		t.has[r/64] |= 1 << (uint(r) % 64)
		t.width[r] = uint16(math.Round(scale * float64(adv)))
	}
	return t, nil
}

// Has reports whether face has a glyph for r.
func (m *liberation) Has(face Face, r rune) bool {
	if face >= numFaces || r < 0 || r >= 0x10000 {
		return false
	}
	return m.faces[face].has[r/64]&(1<<(uint(r)%64)) != 0
}

// Width returns the width of s in millimetres at size points.
func (m *liberation) Width(face Face, size float64, s string) float64 {
	if face >= numFaces {
		face = Regular
	}
	t := m.faces[face]
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			w += int(t.width[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r < 0x10000 {
			w += int(t.width[r])
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
