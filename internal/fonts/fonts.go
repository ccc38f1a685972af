// Package fonts holds the text font every output is measured with: the four
// faces of Liberation Sans (metric-compatible with Arial, the usual council
// font), their TrueType data for embedding, and their advance widths.
//
// The PDF renderer draws and measures with these faces, the Excel renderer
// sizes rows with them (Excel shows Arial, LibreOffice Liberation Sans: the
// same widths), and the example generator sizes the example workbooks'
// rows the same way. Metrics are parsed once per process and are read-only.
package fonts

import (
	"fmt"
	"math"
	"sync"

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

// The faces, in the order renderers number them.
const (
	Regular Face = iota
	Bold
	Italic
	BoldItalic
	NumFaces
)

// FaceOf returns the face for a bold and an italic flag.
func FaceOf(bold, italic bool) Face {
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

// ttf is the TrueType data of each face, in Face order.
var ttf = [NumFaces][]byte{
	liberationsansregular.TTF,
	liberationsansbold.TTF,
	liberationsansitalic.TTF,
	liberationsansbolditalic.TTF,
}

// TTF returns the TrueType data of face, for embedding. The caller must
// not modify it.
func TTF(f Face) []byte {
	if f >= NumFaces {
		f = Regular
	}
	return ttf[f]
}

// planes is the number of characters covered: the Basic Multilingual
// Plane. Liberation Sans has no glyph above it.
const planes = 0x10000

// table holds the advance widths of one face.
type table struct {
	units [planes]uint16      // advance in font units
	milli [planes]uint16      // advance in thousandths of an em, rounded
	has   [planes / 64]uint64 // whether the face has a glyph
	upem  float64             // font units per em
}

// Metrics are the advance widths of the four faces.
type Metrics struct {
	faces [NumFaces]*table
}

var (
	once    sync.Once
	metrics *Metrics
	loadErr error
)

// Liberation returns the metrics of the embedded faces, parsed on first
// use (about 40 ms) and shared, read-only, after that.
func Liberation() (*Metrics, error) {
	once.Do(func() {
		m := &Metrics{}
		for i := range NumFaces {
			t, err := parse(ttf[i])
			if err != nil {
				loadErr = fmt.Errorf("reading embedded font face %d: %w", i, err)
				return
			}
			m.faces[i] = t
		}
		metrics = m
	})
	return metrics, loadErr
}

func parse(data []byte) (*table, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	upem := f.UnitsPerEm()
	if upem == 0 {
		return nil, fmt.Errorf("font has zero units per em")
	}
	var buf sfnt.Buffer
	t := &table{upem: float64(upem)}
	for r := rune(0x20); r < planes; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		// At ppem = units per em, an advance comes out in font units.
		adv, err := f.GlyphAdvance(&buf, gi, fixed.Int26_6(upem), font.HintingNone)
		if err != nil || adv < 0 || adv > math.MaxUint16 {
			continue
		}
		t.has[r/64] |= 1 << (uint(r) % 64)
		t.units[r] = uint16(adv)
		t.milli[r] = uint16(math.Round(1000 / float64(upem) * float64(adv)))
	}
	return t, nil
}

func (m *Metrics) face(f Face) *table {
	if f >= NumFaces {
		f = Regular
	}
	return m.faces[f]
}

// Has reports whether face f has a glyph for r. Control characters and
// characters above U+FFFF have none.
func (m *Metrics) Has(f Face, r rune) bool {
	if r < 0 || r >= planes {
		return false
	}
	return m.face(f).has[r/64]&(1<<(uint(r)%64)) != 0
}

// Em returns the advance of r in face f, in em (exact), and false when the
// face has no glyph for r.
func (m *Metrics) Em(f Face, r rune) (float64, bool) {
	if !m.Has(f, r) {
		return 0, false
	}
	t := m.face(f)
	return float64(t.units[r]) / t.upem, true
}

// Milli returns the advance widths of face f in thousandths of an em,
// rounded as PDF font dictionaries record them, indexed by character;
// characters the face lacks have 0. The table is shared and read-only.
func (m *Metrics) Milli(f Face) *[planes]uint16 { return &m.face(f).milli }

// StatusSymbols are shapes every face has that tell statuses apart on a
// paper printed in black and white; job files are pointed to them when a
// symbol they name cannot be drawn.
var StatusSymbols = []string{"●", "○", "■", "□", "▲", "▼", "►", "◄", "♦", "×", "!"}

// CanShow reports, as an error naming the first character missing, whether
// every face of the text font can draw s. A character a face lacks would
// print as a blank box in the PDF.
func CanShow(s string) error {
	m, err := Liberation()
	if err != nil {
		return err
	}
	for _, r := range s {
		for f := range NumFaces {
			if !m.Has(f, r) {
				return fmt.Errorf("the papers' font (Liberation Sans) has no %q (U+%04X)", r, r)
			}
		}
	}
	return nil
}
