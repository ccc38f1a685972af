package pdf

import (
	"fmt"
	"strings"

	"github.com/agsreport/agsreport/internal/report"
)

// Elem is one element of the structure tree of a tagged PDF: what a screen
// reader reads, in order. Layout builds the tree from the document as it
// places it (Layout.Elems); the draw pass ties the text it draws to the
// elements with marked content and writes the tree into the file.
//
// Element 0 is the Document; each element's Parent comes before it, and
// the children of an element are the elements naming it as Parent, in
// index order, which is reading order. Content is tied only to elements
// without child elements (headings, paragraphs, table cells, list labels
// and bodies, figures), so that content and children never interleave.
//
// An Elem is 16 bytes: a long paper has a few hundred thousand. A
// figure's alternative text is kept beside the tree (Layout.Alts).
type Elem struct {
	Role   Role
	Scope  Scope // TH
	Parent int32 // index of the parent element; -1 for the Document
	// RowSpan and ColSpan are the rows and columns a table cell covers,
	// when more than one.
	RowSpan, ColSpan int32
}

// Role is a standard structure type.
type Role uint8

// The structure types agsreport uses.
const (
	roleDocument Role = iota
	roleSect
	roleH1
	roleH2
	roleH3
	roleH4
	roleH5
	roleH6
	roleP
	roleL
	roleLI
	roleLbl
	roleLBody
	roleTable
	roleTHead
	roleTBody
	roleTR
	roleTH
	roleTD
	roleFigure
	numRoles
)

var roleNames = [numRoles]string{"Document", "Sect", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody",
	"Table", "THead", "TBody", "TR", "TH", "TD", "Figure"}

// String returns the structure type's name, as the PDF writes it.
func (r Role) String() string {
	if r < numRoles {
		return roleNames[r]
	}
	return "Div"
}

// Scope is the scope of a table header cell.
type Scope uint8

// The scopes: none, a column's header, a row's header.
const (
	noScope Scope = iota
	columnScope
	rowScope
)

// String returns the scope's name, as the PDF writes it ("" for none).
func (s Scope) String() string {
	switch s {
	case columnScope:
		return "Column"
	case rowScope:
		return "Row"
	}
	return ""
}

// Artifact is the Box.Tag of content that is not part of the document's
// text: running headers and footers, rules, fills, swatches, and text drawn
// again (table header rows on later pages, bands marked "(continued)",
// spanning cells reprinted after a page break), which a screen reader
// must read only once.
const Artifact int32 = 0

// elem adds an element under parent and returns its index.
func (f *flow) elem(role Role, parent int32) int32 {
	f.elems = append(f.elems, Elem{Role: role, Parent: parent})
	return int32(len(f.elems) - 1)
}

// tagLines ties wrapped lines to structure elements under parent. With
// leaf set and no bullet among the lines, the lines belong to parent
// itself (a heading, a table cell). Otherwise plain lines make P elements,
// a new one at each paragraph break, and bullet lines make a list: L, then
// per bullet an LI with an Lbl for the bullet and an LBody for its text.
func (f *flow) tagLines(parent int32, lines []line, leaf bool) {
	bullets := false
	for i := range lines {
		bullets = bullets || lines[i].bullet
	}
	if leaf && !bullets {
		for i := range lines {
			lines[i].tag, lines[i].lbl = parent, parent
		}
		return
	}
	var p, list, lbl, body int32 = -1, -1, -1, -1
	prev := -1
	for i := range lines {
		ln := &lines[i]
		fresh := ln.src != prev
		prev = ln.src
		if ln.bullet {
			if fresh {
				if list < 0 {
					list = f.elem(roleL, parent)
				}
				li := f.elem(roleLI, list)
				lbl = f.elem(roleLbl, li)
				body = f.elem(roleLBody, li)
				p = -1
			}
			ln.tag, ln.lbl = body, lbl
			continue
		}
		if fresh && (p < 0 || ln.para) {
			p = f.elem(roleP, parent)
			list = -1
		}
		ln.tag, ln.lbl = p, p
	}
}

// headingRole is the structure type of the heading at block index i of a
// section planned as hp: H1 for the paper's title, and no heading more
// than one level below the one before it, however a template numbers them
// (report.PlanDocument, as the HTML papers have them); P for a kicker,
// such as a group's name above the title.
func headingRole(hp report.HeadingPlan, i int) Role {
	lv, ok := hp.Level[i]
	if !ok || lv <= 0 {
		return roleP
	}
	return roleH1 + Role(min(lv, 6)-1)
}

// chartAlt is the alternative text of a chart: its title and every bar's
// values in words, so that nothing the chart shows is lost without it.
func chartAlt(ch *report.Chart) string {
	var b strings.Builder
	b.WriteString("Bar chart")
	if t := strings.TrimSpace(ch.Title); t != "" {
		b.WriteString(": ")
		b.WriteString(t)
	}
	b.WriteString(".")
	for i, c := range ch.Categories {
		fmt.Fprintf(&b, " %s:", strings.TrimSpace(c))
		total := 0.0
		n := 0
		for _, s := range ch.Series {
			v := s.Value(i)
			if v <= 0 {
				continue
			}
			if n > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, " %s %s", strings.TrimSpace(s.Name), report.FormatValue(v))
			total += v
			n++
		}
		if n == 0 {
			b.WriteString(" none")
		}
		fmt.Fprintf(&b, " (total %s).", report.FormatValue(total))
	}
	return b.String()
}
