package html

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agsreport/agsreport/internal/report"
)

// clean returns s as text HTML may hold: invalid UTF-8, NUL and the other
// control characters (except tab and line feed), carriage returns aside,
// become U+FFFD; carriage returns are dropped.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r == utf8.RuneError || r == '\r' || badRune(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r':
		case r == utf8.RuneError && n <= 1, badRune(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// badRune reports whether r may not appear in an HTML document: controls
// other than tab and line feed, and the noncharacters.
func badRune(r rune) bool {
	if r == '\t' || r == '\n' {
		return false
	}
	if unicode.IsControl(r) {
		return true
	}
	return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE
}

// escape writes s cleaned and escaped for use as element text or as a
// double-quoted attribute value.
func escape(b *strings.Builder, s string) {
	s = clean(s)
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&quot;"
		case '\'':
			rep = "&#39;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// runs writes the runs of one line, bold as <strong> and italic as <em>.
func runs(b *strings.Builder, rs []report.Run) {
	for _, r := range rs {
		if r.Text == "" {
			continue
		}
		if r.Bold {
			b.WriteString("<strong>")
		}
		if r.Italic {
			b.WriteString("<em>")
		}
		escape(b, r.Text)
		if r.Italic {
			b.WriteString("</em>")
		}
		if r.Bold {
			b.WriteString("</strong>")
		}
	}
}

// inlineText writes t as phrasing content, for places that may not hold
// paragraphs (headings, labels, captions): lines are separated by <br>, and
// bullet lines start with "• ".
func inlineText(b *strings.Builder, t report.Text) {
	for i, l := range t.Lines {
		if i > 0 {
			b.WriteString("<br>")
		}
		if l.Bullet {
			b.WriteString("• ")
		}
		runs(b, l.Runs)
	}
}

// blockText writes t as flow content: a run of bullet lines is a <ul>, other
// lines make paragraphs, a new one at each blank line (SpaceBefore), and
// lines within a paragraph are separated by <br>. Empty text writes nothing.
func blockText(b *strings.Builder, t report.Text) {
	inP, inUL := false, false
	closeAll := func() {
		if inP {
			b.WriteString("</p>")
			inP = false
		}
		if inUL {
			b.WriteString("</ul>")
			inUL = false
		}
	}
	for _, l := range t.Lines {
		if l.Bullet {
			if inP || (inUL && l.SpaceBefore) {
				closeAll()
			}
			if !inUL {
				b.WriteString("<ul>")
				inUL = true
			}
			b.WriteString("<li>")
			runs(b, l.Runs)
			b.WriteString("</li>")
			continue
		}
		switch {
		case inP && !l.SpaceBefore:
			b.WriteString("<br>")
		default:
			closeAll()
			b.WriteString("<p>")
			inP = true
		}
		runs(b, l.Runs)
	}
	closeAll()
}

// flowText writes t for a place that may hold paragraphs (a cell, a
// value, a band): as plain lines separated by <br> when it is one paragraph
// without bullets, and through blockText otherwise.
func flowText(b *strings.Builder, t report.Text) {
	if isBlock(t) {
		blockText(b, t)
		return
	}
	inlineText(b, t)
}

// isBlock reports whether t has bullets or more than one paragraph.
func isBlock(t report.Text) bool {
	for _, l := range t.Lines {
		if l.Bullet || l.SpaceBefore {
			return true
		}
	}
	return false
}

// plainText returns the words of t without markup, lines joined by spaces.
func plainText(t report.Text) string {
	var b strings.Builder
	for i, l := range t.Lines {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, r := range l.Runs {
			b.WriteString(r.Text)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
