// Package fonts holds the text font every output is measured with: the four
// faces of Liberation Sans (metric-compatible with Arial, the usual council
// font), read once per process by agsreport's own TrueType reader: their
// advance widths, their descriptor facts, and subsets of them cut for
// embedding (Subset).
//
// The PDF renderer draws and measures with these faces, the Excel renderer
// sizes rows with them (Excel shows Arial, LibreOffice Liberation Sans: the
// same widths), and the example generator sizes the example workbooks'
// rows the same way. Metrics are parsed once per process and are read-only.
package fonts

import (
	"fmt"
	"sync"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
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

// planes is the number of characters covered: the Basic Multilingual
// Plane. Liberation Sans has no glyph above it.
const planes = 0x10000

// table holds one face: its parsed file and its advance widths.
type table struct {
	tt    *trueType
	milli [planes]uint16 // advance in thousandths of an em, rounded
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
// use (well under a millisecond) and shared, read-only, after that.
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

// parse reads a face. Control characters and surrogates have no glyph,
// whatever the font's character map says.
func parse(data []byte) (*table, error) {
	tt, err := parseTrueType(data)
	if err != nil {
		return nil, err
	}
	clear(tt.glyph[:0x20])
	clear(tt.glyph[0xD800:0xE000])
	t := &table{tt: tt}
	for r, g := range tt.glyph {
		if g != 0 {
			t.milli[r] = uint16(tt.milli(tt.advance(int(g))))
		}
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
	return m.face(f).tt.glyph[r] != 0
}

// Em returns the advance of r in face f, in em (exact), and false when the
// face has no glyph for r.
func (m *Metrics) Em(f Face, r rune) (float64, bool) {
	if r < 0 || r >= planes {
		return 0, false
	}
	tt := m.face(f).tt
	g := tt.glyph[r]
	if g == 0 {
		return 0, false
	}
	return float64(tt.advance(int(g))) / float64(tt.upem), true
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
