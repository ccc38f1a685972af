package html

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/agsreport/agsreport/internal/report"
)

// ids hands out unique element ids made from text, in document order, so
// the same document always gets the same ids.
type ids struct {
	used map[string]bool
}

// make returns a new id made from s: lower-case letters and digits joined by
// hyphens, at most 48 runes, "part" when s has none, and "-2", "-3" …
// appended when the id was already taken.
func (x *ids) make(s string) string {
	if x.used == nil {
		x.used = map[string]bool{}
	}
	var b strings.Builder
	n, dash := 0, false
	for _, r := range clean(s) {
		if n >= 48 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
				n++
			}
			b.WriteRune(unicode.ToLower(r))
			n++
			dash = false
			continue
		}
		dash = true
	}
	base := b.String()
	if base == "" || unicode.IsDigit(rune(base[0])) {
		base = "part-" + base
		base = strings.TrimSuffix(base, "-")
	}
	id := base
	for i := 2; x.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	x.used[id] = true
	return id
}

// planHeadings renumbers a section's headings for HTML's <h1>–<h3> (see
// report.PlanHeadings).
func planHeadings(sec report.Section) report.HeadingPlan { return report.PlanHeadings(sec) }

// clampLevel brings a heading level into 1–3.
func clampLevel(l int) int { return report.ClampLevel(l) }

// entry is one line of the table of contents.
type entry struct {
	level int
	title string
	id    string
}

// tocHTML writes the entries as nested ordered lists. Levels deeper than
// one below the previous entry are raised, so the lists always nest.
func tocHTML(b *strings.Builder, es []entry) {
	depth := 0 // lists open
	for _, e := range es {
		lv := max(0, min(e.level, depth))
		if lv+1 > depth {
			if depth > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("<ol>")
			depth++
		} else {
			b.WriteString("</li>")
			for depth > lv+1 {
				b.WriteString("</ol></li>")
				depth--
			}
		}
		b.WriteString("\n<li><a href=\"#")
		escape(b, e.id)
		b.WriteString("\">")
		escape(b, e.title)
		b.WriteString("</a>")
	}
	if depth == 0 {
		return
	}
	b.WriteString("</li>")
	for ; depth > 1; depth-- {
		b.WriteString("</ol></li>")
	}
	b.WriteString("</ol>\n")
}
