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

// headingPlan is how the headings of one section are written.
type headingPlan struct {
	// level is the HTML heading level (1–3) of each heading block, by block
	// index, or 0 for a heading written as a styled line (a kicker).
	level map[int]int
	// first is the block index of the heading that labels the section, or
	// -1 when the section has no heading.
	first int
}

// planHeadings renumbers a section's headings so that its outline starts at
// <h1> and never skips a level: a heading is one level below the nearest
// heading before it that ranks above it in the report, or <h1> when there
// is none; headings of equal rank stay siblings. A heading that ranks below the section's first
// highest-ranked heading and comes before it with only headings between
// (such as a group name above the title) is a kicker, written as a line in
// its heading's style rather than as a heading.
func planHeadings(sec report.Section) headingPlan {
	hp := headingPlan{level: map[int]int{}, first: -1}
	top, topAt := 4, -1
	for i, bl := range sec.Blocks {
		if h, ok := bl.(*report.Heading); ok && h != nil && clampLevel(h.Level) < top {
			top, topAt = clampLevel(h.Level), i
		}
	}
	if topAt < 0 {
		return hp
	}
	// The first heading at the top level.
	for i, bl := range sec.Blocks {
		if h, ok := bl.(*report.Heading); ok && h != nil && clampLevel(h.Level) == top {
			topAt = i
			break
		}
	}
	kicker := map[int]bool{}
	for i := topAt - 1; i >= 0; i-- {
		h, ok := sec.Blocks[i].(*report.Heading)
		if !ok || h == nil {
			break
		}
		kicker[i] = true
	}
	// open holds the report and HTML levels of the headings still open.
	type level struct{ src, out int }
	var open []level
	for i, bl := range sec.Blocks {
		h, ok := bl.(*report.Heading)
		if !ok || h == nil {
			continue
		}
		if kicker[i] {
			hp.level[i] = 0
			continue
		}
		src := clampLevel(h.Level)
		for len(open) > 0 && open[len(open)-1].src >= src {
			open = open[:len(open)-1]
		}
		lv := 1
		if len(open) > 0 {
			lv = open[len(open)-1].out + 1
		}
		open = append(open, level{src, lv})
		hp.level[i] = lv
		if hp.first < 0 {
			hp.first = i
		}
	}
	return hp
}

// clampLevel brings a heading level into 1–3.
func clampLevel(l int) int { return min(max(l, 1), 3) }

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
