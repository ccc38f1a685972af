package report

import (
	"strings"
)

// Text is rich text: a list of lines. Each source line of a cell is one Line,
// so line breaks typed in a cell are kept; a blank line becomes SpaceBefore
// on the line after it.
type Text struct {
	Lines []Line
}

// Line is one line of rich text. Renderers wrap long lines.
type Line struct {
	Runs        []Run
	Bullet      bool // drawn with a bullet and a hanging indent
	SpaceBefore bool // a blank line came before it
}

// Run is a stretch of text in one face.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
}

// Plain returns s as text with no markup: lines are kept, blank lines become
// spacing, and nothing else is interpreted.
func Plain(s string) Text {
	return parse(s, false)
}

// Bold returns s as one bold run per line.
func Bold(s string) Text {
	t := Plain(s)
	for i := range t.Lines {
		for j := range t.Lines[i].Runs {
			t.Lines[i].Runs[j].Bold = true
		}
	}
	return t
}

// Markup parses the inline markup officers may type into cells:
//
//   - **bold** and *italic* (also __bold__ and _italic_);
//   - a line starting with "• ", "- ", "* ", "– " (en dash), "▪ " or
//     Word's Symbol-font bullet (U+F0B7) is a bullet line;
//   - a blank line starts a new paragraph (space before the next line).
//
// "\r\n" and a lone "\r" end a line like "\n"; invalid UTF-8 becomes
// U+FFFD. Unclosed markers are kept as typed. Markup never fails.
func Markup(s string) Text {
	return parse(s, true)
}

func parse(s string, markup bool) Text {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var t Text
	gap := false
	for _, raw := range strings.Split(s, "\n") {
		line := strings.TrimRight(raw, " \t\u00a0")
		if strings.TrimSpace(line) == "" {
			if len(t.Lines) > 0 {
				gap = true
			}
			continue
		}
		l := Line{SpaceBefore: gap}
		gap = false
		if markup {
			trimmed := strings.TrimLeft(line, " \t")
			for _, b := range []string{"• ", "•\t", "- ", "* ", "\u2013 ", "\u25aa ", "\uf0b7 "} {
				if strings.HasPrefix(trimmed, b) {
					l.Bullet = true
					line = strings.TrimLeft(trimmed[len(b):], " \t")
					break
				}
			}
			l.Runs = inline(line)
		} else {
			l.Runs = []Run{{Text: line}}
		}
		t.Lines = append(t.Lines, l)
	}
	return t
}

// inline splits one line into runs at ** / __ (bold) and * / _ (italic)
// markers. A marker only opens when a matching closer follows on the line,
// and an underscore inside a word (snake_case) is not a marker.
func inline(s string) []Run {
	var runs []Run
	var cur strings.Builder
	bold, italic := false, false
	flush := func() {
		if cur.Len() > 0 {
			runs = append(runs, Run{Text: cur.String(), Bold: bold, Italic: italic})
			cur.Reset()
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c == '*' || c == '_' {
			double := i+1 < len(s) && s[i+1] == c
			marker := string(c)
			if double {
				marker += string(c)
			}
			if c == '_' && inWord(s, i, len(marker)) {
				cur.WriteString(marker)
				i += len(marker)
				continue
			}
			open := bold
			if !double {
				open = italic
			}
			if open || (closes(s[i+len(marker):], marker) && i+len(marker) < len(s) && s[i+len(marker)] != ' ') {
				flush()
				if double {
					bold = !bold
				} else {
					italic = !italic
				}
				i += len(marker)
				continue
			}
			cur.WriteString(marker)
			i += len(marker)
			continue
		}
		cur.WriteByte(c)
		i++
	}
	flush()
	if len(runs) == 0 {
		runs = []Run{{Text: ""}}
	}
	return runs
}

// closes reports whether rest holds a closing marker preceded by a non-space.
func closes(rest, marker string) bool {
	for j := 0; j+len(marker) <= len(rest); j++ {
		if rest[j:j+len(marker)] != marker || j == 0 || rest[j-1] == ' ' {
			continue
		}
		// A single marker must not be the first half of a double one.
		if len(marker) == 1 && ((j+1 < len(rest) && rest[j+1] == marker[0]) || rest[j-1] == marker[0]) {
			continue
		}
		return true
	}
	return false
}

func inWord(s string, i, n int) bool {
	isWord := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
	return i > 0 && isWord(s[i-1]) && i+n < len(s) && isWord(s[i+n])
}

// String returns the text without markup: lines joined by newlines, a blank
// line where SpaceBefore is set, bullets as "• ".
func (t Text) String() string {
	var b strings.Builder
	for i, l := range t.Lines {
		if i > 0 {
			b.WriteByte('\n')
			if l.SpaceBefore {
				b.WriteByte('\n')
			}
		}
		if l.Bullet {
			b.WriteString("• ")
		}
		for _, r := range l.Runs {
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

// IsEmpty reports whether the text has no visible characters.
func (t Text) IsEmpty() bool {
	for _, l := range t.Lines {
		for _, r := range l.Runs {
			if strings.TrimSpace(r.Text) != "" {
				return false
			}
		}
	}
	return true
}

// Append returns t followed by u; u's first line gets SpaceBefore when gap
// is set.
func (t Text) Append(u Text, gap bool) Text {
	out := Text{Lines: append(append([]Line(nil), t.Lines...), u.Lines...)}
	if gap && len(t.Lines) > 0 && len(u.Lines) > 0 {
		out.Lines[len(t.Lines)].SpaceBefore = true
	}
	return out
}
