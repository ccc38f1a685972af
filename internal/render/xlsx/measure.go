package xlsx

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/agsreport/agsreport/internal/fonts"
	"github.com/agsreport/agsreport/internal/report"
)

// Layout constants. Lengths are points unless named otherwise.
const (
	// maxRowHeight is the tallest row Excel accepts.
	maxRowHeight = 409.0
	// lineFactor is the height of one text line as a multiple of the font
	// size (LibreOffice spaces Liberation Sans lines at 1.11 em, Excel
	// Arial at about 1.15 em after pixel rounding).
	lineFactor = 1.17
	// cellPadding is the vertical space a cell needs above and below its text.
	cellPadding = 4.0
	// unitPoints is the width of one Excel column-width unit: the maximum
	// digit width of the workbook's default font. The default font is set to
	// Arial 11 (8 px at 96 dpi in Excel, 6.1 pt in LibreOffice with Liberation
	// Sans), because with Calibri the width depends on whether the machine
	// has Calibri or a metric twin: without one LibreOffice falls back to a
	// wider font and draws every column a third wider.
	unitPoints = 6.0
	// fitUnitPoints is the widest any target application draws one column
	// unit (LibreOffice: about 6.1 pt). The column grid is sized with it, so
	// that it fits the printable width at 100 % everywhere. Sheets keep
	// fit-to-width, but LibreOffice then never has to search for a scale:
	// a sheet even slightly too wide made it repaginate at each step of that
	// search (measured: a 10,000-action workbook took 117 s to convert to
	// PDF instead of 42 s).
	fitUnitPoints = 6.2
	// cellInset is the horizontal space a cell keeps free beside its text.
	cellInset = 5.0
	// widthSafety inflates measured text widths so that screen hinting and
	// LibreOffice's own wrapping never need more lines than estimated.
	widthSafety = 1.06
	// missingGlyphEm is the advance assumed for characters Liberation Sans
	// lacks (emoji and CJK are drawn from wide fallback fonts).
	missingGlyphEm = 1.0
)

// metrics measures text in Liberation Sans (package fonts).
type metrics struct {
	m *fonts.Metrics
	// ascii holds em's answers for ASCII characters, regular then bold:
	// row heights and column widths measure each cell's text many times
	// over, and this lookup made measuring about a third cheaper
	// (callgrind, 30-action build).
	ascii [2][utf8.RuneSelf]float64
}

// newMetrics returns the shared metrics of the embedded faces.
func newMetrics() (*metrics, error) {
	m, err := fonts.Liberation()
	if err != nil {
		return nil, fmt.Errorf("xlsx: measuring font: %w", err)
	}
	me := &metrics{m: m}
	for b, bold := range [2]bool{false, true} {
		for r := range rune(utf8.RuneSelf) {
			me.ascii[b][r] = me.measure(r, bold)
		}
	}
	return me, nil
}

// em returns the advance of r in em: 0 for a control character, and
// missingGlyphEm when the face has no glyph for it.
func (m *metrics) em(r rune, bold bool) float64 {
	if r >= 0 && r < utf8.RuneSelf {
		if bold {
			return m.ascii[1][r]
		}
		return m.ascii[0][r]
	}
	return m.measure(r, bold)
}

// measure is em without the ASCII table.
func (m *metrics) measure(r rune, bold bool) float64 {
	if r < ' ' {
		return 0
	}
	if w, ok := m.m.Em(fonts.FaceOf(bold, false), r); ok {
		return w
	}
	return missingGlyphEm
}

// textWidth returns the width in em of s.
func (m *metrics) textWidth(s string, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		w += m.em(r, bold)
	}
	return w
}

// lineCount estimates how many lines t takes when wrapped at width points in
// the given font size: bullets add "• ", a SpaceBefore line adds a blank
// line, and words wrap greedily at spaces; a word wider than the line breaks
// between characters. Empty text counts as one line.
func (m *metrics) lineCount(t report.Text, size, width float64, bold bool) int {
	if size <= 0 {
		size = 10
	}
	// Work in em: the line holds width/size em.
	limit := width / size / widthSafety
	if limit < 0.5 || math.IsNaN(limit) {
		limit = 0.5
	}
	n := 0
	for i, l := range t.Lines {
		if i > 0 && l.SpaceBefore {
			n++
		}
		n += m.wrapLine(l, limit, bold)
	}
	if n == 0 {
		n = 1
	}
	return n
}

// wrapLine counts the wrapped lines of one source line, limit in em.
func (m *metrics) wrapLine(l report.Line, limit float64, bold bool) int {
	n, _ := m.wrap(l, limit, bold, false)
	return n
}

// pos is a place in a line: run index and byte offset in that run.
type pos struct{ run, off int }

// wrap counts the wrapped lines of one source line, limit in em, and when
// record is set returns where each wrapped line after the first starts (at
// the first character of the word moved down; breaks inside over-long words
// are counted but not returned).
func (m *metrics) wrap(l report.Line, limit float64, bold bool, record bool) (int, []pos) {
	lines := 1
	var breaks []pos
	x := 0.0 // width used on the current line
	if l.Bullet {
		x = m.textWidth(bullet, bold)
	}
	pendingSpace := 0.0
	word := 0.0
	inWord := false
	var start pos
	flushWord := func() {
		if !inWord {
			return
		}
		inWord = false
		if x > 0 && x+pendingSpace+word > limit {
			lines++
			x = 0
			pendingSpace = 0
			if record {
				breaks = append(breaks, start)
			}
		}
		x += pendingSpace
		pendingSpace = 0
		// A word wider than the line breaks between characters.
		for word > limit {
			if x > 0 {
				lines++
				x = 0
			}
			word -= limit
			lines++
		}
		x += word
		word = 0
	}
	for ri, run := range l.Runs {
		b := bold || run.Bold
		for off, r := range run.Text {
			if r == ' ' || r == '\t' {
				flushWord()
				pendingSpace += m.em(' ', b)
				continue
			}
			if r == '\n' {
				flushWord()
				lines++
				x, pendingSpace = 0, 0
				continue
			}
			if !inWord {
				inWord = true
				start = pos{ri, off}
			}
			word += m.em(r, b)
		}
	}
	flushWord()
	return lines, breaks
}

// split cuts t into pieces that each fit in maxLines wrapped lines at width
// points, breaking between source lines where it can and between words
// where a single source line is too long. Pieces keep their runs' faces.
// Text that fits is returned as one piece.
func (m *metrics) split(t report.Text, size, width float64, bold bool, maxLines int) []report.Text {
	if maxLines < 1 {
		maxLines = 1
	}
	limit := width / size / widthSafety
	if limit < 0.5 || math.IsNaN(limit) {
		limit = 0.5
	}
	var out []report.Text
	var cur report.Text
	used := 0
	flush := func() {
		if len(cur.Lines) > 0 {
			out = append(out, cur)
		}
		cur, used = report.Text{}, 0
	}
	add := func(l report.Line, n int) {
		gap := 0
		if l.SpaceBefore && len(cur.Lines) > 0 {
			gap = 1
		}
		if used+gap+n > maxLines {
			flush()
			gap = 0
		}
		if len(cur.Lines) == 0 {
			l.SpaceBefore = false
		}
		cur.Lines = append(cur.Lines, l)
		used += gap + n
	}
	for _, l := range t.Lines {
		n, breaks := m.wrap(l, limit, bold, true)
		if n <= maxLines || len(breaks) == 0 {
			add(l, n)
			continue
		}
		// Cut the line after every maxLines wrapped lines.
		var cuts []pos
		for i := maxLines - 1; i < len(breaks); i += maxLines {
			cuts = append(cuts, breaks[i])
		}
		for _, piece := range cutAt(l, cuts) {
			pn, _ := m.wrap(piece, limit, bold, false)
			add(piece, pn)
		}
	}
	flush()
	if len(out) == 0 {
		out = []report.Text{t}
	}
	return out
}

// cutAt splits l at the given positions (in order). The first piece keeps
// the bullet and spacing; spaces at the cuts are dropped.
func cutAt(l report.Line, cuts []pos) []report.Line {
	pieces := []report.Line{{Bullet: l.Bullet, SpaceBefore: l.SpaceBefore}}
	ci := 0
	for ri, r := range l.Runs {
		text := r.Text
		done := 0
		for ci < len(cuts) && cuts[ci].run == ri {
			off := min(max(cuts[ci].off, done), len(text))
			last := &pieces[len(pieces)-1]
			last.Runs = append(last.Runs, report.Run{Text: strings.TrimRight(text[done:off], " \t"), Bold: r.Bold, Italic: r.Italic})
			pieces = append(pieces, report.Line{})
			done = off
			ci++
		}
		last := &pieces[len(pieces)-1]
		last.Runs = append(last.Runs, report.Run{Text: text[done:], Bold: r.Bold, Italic: r.Italic})
	}
	return pieces
}

// textHeight is the row height in points that shows t wrapped at width
// points in the given font size.
func (m *metrics) textHeight(t report.Text, size, width float64, bold bool) float64 {
	return linesHeight(m.lineCount(t, size, width, bold), size)
}

// linesHeight is the row height in points of n lines in the given size.
func linesHeight(n int, size float64) float64 {
	return float64(n)*size*lineFactor + cellPadding
}

// pieceLines is how many lines of the given size go into each piece of a
// text too tall for one row: a third of Excel's tallest row, so that pieces
// pack printed pages well (a page break falls between rows, never inside
// one, and leaves at most one piece's height empty).
func pieceLines(size float64) int {
	return max(int((maxRowHeight-cellPadding)/(size*lineFactor))/3, 1)
}

// bullet starts a bullet line in cell text.
const bullet = "• "

// cleanText prepares run text for a cell: tabs become spaces, carriage
// returns and other control characters (which XML cannot hold) are dropped,
// and invalid UTF-8 becomes U+FFFD. Everything else is kept as typed.
func cleanText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c == 0x7f || c >= utf8.RuneSelf {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteByte('\n')
		case r < ' ', r == 0x7f, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			// dropped: not allowed in XML
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
