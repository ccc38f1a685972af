package docx

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agsreport/agsreport/internal/report"
)

// style is the document style with defaults filled in, as Word values:
// sizes in half-points, colours as "RRGGBB".
type style struct {
	body, table  int    // half-points
	heads        [3]int // half-points
	running      int    // half-points
	headerFill   string // "" for none
	headerColour string
	bandFill     string
	rule         string
	lineTwips    int // a body line's height, twips
	tableLine    int // a table line's height, twips
}

func resolveStyle(s report.Style) style {
	size := func(v, def float64) int {
		if v <= 0 || math.IsNaN(v) || v > 72 {
			v = def
		}
		return int(math.Round(v * 2))
	}
	st := style{
		body:    size(s.FontSize, 10),
		table:   size(s.TableFontSize, 9),
		running: 16,
		rule:    "000000",
	}
	defs := [3]float64{14, 12, 10.5}
	for i := range st.heads {
		st.heads[i] = size(s.HeadingSizes[i], defs[i])
	}
	st.headerFill, _ = colour(s.HeaderFill)
	st.headerColour, _ = colour(s.HeaderColour)
	st.bandFill, _ = colour(s.BandFill)
	if c, ok := colour(s.RuleColour); ok {
		st.rule = c
	}
	// 1.2 times the type size, as the PDF sets its lines.
	st.lineTwips = st.body * 12
	st.tableLine = st.table * 12
	return st
}

// colour reads a document colour ("#RRGGBB", see report.ParseColour) and
// returns it as Word writes colours, "RRGGBB"; ok is false for anything
// else, so nothing from the document reaches an attribute unchecked.
func colour(s string) (string, bool) {
	c, ok := report.ParseColour(s)
	if !ok {
		return "", false
	}
	return hex(c), true
}

// hex writes a colour as Word does, "RRGGBB".
func hex(c report.RGB) string { return c.String()[1:] }

// textOn returns black or white, whichever contrasts more with the fill
// "RRGGBB".
func textOn(fill string) string {
	c, ok := report.ParseColour("#" + fill)
	if !ok {
		return "000000"
	}
	black, white := report.RGB{}, report.RGB{R: 0xFF, G: 0xFF, B: 0xFF}
	if report.Contrast(c, white) > report.Contrast(c, black) {
		return "FFFFFF"
	}
	return "000000"
}

// page is the page setup in twips.
type page struct {
	w, h                     int
	top, right, bottom, left int
	header, footer           int // distance of the running header and footer from the edge
	landscape                bool
}

// bodyWidth is the width between the margins.
func (p page) bodyWidth() int { return p.w - p.left - p.right }

// twips converts millimetres to twentieths of a point.
func twips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

// pageSetup turns the report's page into twips. An empty size is A4;
// unset margins are 15 mm.
func pageSetup(p report.Page) (page, error) {
	paper, err := p.Paper()
	if err != nil {
		return page{}, err
	}
	w, h := twips(paper.Width), twips(paper.Height)
	if p.Landscape {
		w, h = h, w
	}
	pg := page{w: w, h: h, landscape: p.Landscape}
	m := p.Margins
	for _, v := range []float64{m.Top, m.Right, m.Bottom, m.Left} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return page{}, fmt.Errorf("page margins must be positive millimetres, got %v", m)
		}
	}
	// Unset margins are the PDF's 15 mm.
	margin := func(mm float64) int {
		if mm == 0 {
			mm = 15
		}
		return twips(min(mm, 1000))
	}
	pg.top, pg.right, pg.bottom, pg.left = margin(m.Top), margin(m.Right), margin(m.Bottom), margin(m.Left)
	if pg.bodyWidth() < twips(40) || pg.h-pg.top-pg.bottom < twips(40) {
		return page{}, fmt.Errorf("page margins %v leave less than 40 mm for the text", m)
	}
	// The running header and footer sit in the middle of their margins.
	pg.header = max(twips(3), pg.top/2-100)
	pg.footer = max(twips(3), pg.bottom/2-100)
	return pg, nil
}

// esc returns s cleaned and escaped for element text or a double-quoted
// attribute value: invalid UTF-8, control characters and the XML
// noncharacters become U+FFFD, tabs become spaces, carriage returns and
// line feeds are dropped (lines are paragraphs or breaks of their own).
func esc(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r' || r == '\n':
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case unicode.IsControl(r), r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
