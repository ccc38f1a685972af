package docx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/agsreport/agsreport/internal/report"
)

// docWriter is the state of one rendering.
type docWriter struct {
	doc    *report.Document
	st     style
	pg     page
	charts []chartParts // in order
	shapes int          // drawing ids handed out
}

// body writes word/document.xml: every section, each after a section break
// so that it starts on a new page, then the page setup.
func (d *docWriter) body() (string, error) {
	var b strings.Builder
	b.WriteString(xmlHdr + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `" xmlns:a="` + nsA + `" xmlns:c="` + nsC + `"><w:body>`)
	secs := d.doc.Sections
	plans := report.PlanDocument(d.doc)
	for i, sec := range secs {
		if err := d.section(&b, sec, plans[i]); err != nil {
			return "", fmt.Errorf("section %d (%q): %w", i+1, sec.Name, err)
		}
		if i < len(secs)-1 {
			// A tiny paragraph ends the section: Word keeps section
			// properties on the paragraph that closes a section.
			b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>` + d.sectPr() + `</w:pPr></w:p>`)
		}
	}
	// The body ends with a paragraph, which Word expects after a table.
	b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>`)
	b.WriteString(d.sectPr())
	b.WriteString(`</w:body></w:document>`)
	return b.String(), nil
}

// sectPr is the page setup of every section, with the running header and
// footer.
func (d *docWriter) sectPr() string {
	var b strings.Builder
	b.WriteString(`<w:sectPr>`)
	if !d.doc.Header.Empty() {
		b.WriteString(`<w:headerReference w:type="default" r:id="rIdHeader"/>`)
	}
	if !d.doc.Footer.Empty() {
		b.WriteString(`<w:footerReference w:type="default" r:id="rIdFooter"/>`)
	}
	p := d.pg
	fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d"`, p.w, p.h)
	if p.landscape {
		b.WriteString(` w:orient="landscape"`)
	}
	fmt.Fprintf(&b, `/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		p.top, p.right, p.bottom, p.left, p.header, p.footer)
	b.WriteString(`<w:cols w:space="720"/></w:sectPr>`)
	return b.String()
}

// section writes one section's blocks, its headings at the levels of the
// paper's heading plan. An unknown block type is an error, so that a block
// added to the tree cannot be silently left out.
func (d *docWriter) section(b *strings.Builder, sec report.Section, hp report.HeadingPlan) error {
	for i, bl := range sec.Blocks {
		switch x := bl.(type) {
		case *report.Heading:
			if x != nil {
				d.heading(b, x, hp.Level[i])
			}
		case *report.Paragraph:
			if x != nil {
				o := lineOpts{after: d.st.lineTwips * 6 / 10}
				if x.Small {
					o.style, o.after = "TableText", d.st.tableLine*6/10
				}
				d.text(b, x.Text, o)
			}
		case *report.Fields:
			if x != nil {
				d.fields(b, x)
			}
		case *report.Table:
			if x != nil {
				d.table(b, x)
			}
		case *report.Chart:
			if x != nil {
				if err := d.chart(b, x); err != nil {
					return fmt.Errorf("block %d: %w", i+1, err)
				}
			}
		case *report.StatusKey:
			if x != nil {
				d.statusKey(b, x)
			}
		default:
			return fmt.Errorf("block %d: %w", i+1, report.UnknownBlock(bl))
		}
	}
	return nil
}

// lineOpts are how the lines of a text are written as paragraphs.
type lineOpts struct {
	style    string // paragraph style id; "" for Normal
	jc       string // "center", "right"; "" for left
	size     int    // half-points; 0 for the style's
	colour   string // "RRGGBB"; "" for the style's
	bold     bool   // every run bold
	keepNext bool   // keep every line with the next paragraph
	before   int    // space before the first line, twips
	after    int    // space after the last line, twips
	prefix   []report.Run
}

// text writes t as one paragraph per line: bullet lines as items of the
// bullet list, a blank line before a line as space before it. An empty
// text still writes one (empty) paragraph, since a table cell needs one.
// prefix runs (a field's label) open the first line.
func (d *docWriter) text(b *strings.Builder, t report.Text, o lineOpts) {
	lines := t.Lines
	if len(lines) == 0 {
		lines = []report.Line{{}}
	}
	lh := d.st.lineTwips
	if o.style == "TableText" {
		lh = d.st.tableLine
	}
	for i, l := range lines {
		b.WriteString(`<w:p><w:pPr>`)
		if o.style != "" {
			b.WriteString(`<w:pStyle w:val="` + o.style + `"/>`)
		}
		if o.keepNext {
			b.WriteString(`<w:keepNext/>`)
		}
		if l.Bullet {
			b.WriteString(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`)
		}
		before, after := 0, 0
		if l.SpaceBefore && i > 0 {
			before = lh / 2
		}
		if i == 0 {
			before = o.before
		}
		if i == len(lines)-1 {
			after = o.after
		}
		if before > 0 || after > 0 {
			fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="%d"/>`, before, after)
		}
		if o.jc != "" {
			b.WriteString(`<w:jc w:val="` + o.jc + `"/>`)
		}
		b.WriteString(`</w:pPr>`)
		if i == 0 {
			for _, r := range o.prefix {
				d.run(b, r, o)
			}
		}
		for _, r := range l.Runs {
			d.run(b, r, o)
		}
		b.WriteString(`</w:p>`)
	}
}

// run writes one run of text; an empty run writes nothing.
func (d *docWriter) run(b *strings.Builder, r report.Run, o lineOpts) {
	if r.Text == "" {
		return
	}
	b.WriteString(`<w:r>`)
	writeRPr(b, r.Bold || o.bold, r.Italic, o.colour, o.size)
	b.WriteString(`<w:t xml:space="preserve">` + esc(r.Text) + `</w:t></w:r>`)
}

// writeRPr writes run properties, or nothing when there are none.
func writeRPr(b *strings.Builder, bold, italic bool, colour string, size int) {
	if !bold && !italic && colour == "" && size == 0 {
		return
	}
	b.WriteString(`<w:rPr>`)
	if bold {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if italic {
		b.WriteString(`<w:i/><w:iCs/>`)
	}
	if colour != "" {
		b.WriteString(`<w:color w:val="` + colour + `"/>`)
	}
	if size > 0 {
		fmt.Fprintf(b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, size, size)
	}
	b.WriteString(`</w:rPr>`)
}

// heading writes a heading in Word's built-in style for its outline level,
// at the size of its report level; level 0 (a kicker) is a bold line in
// the same look that is not a heading. A heading with no visible text is
// left out.
func (d *docWriter) heading(b *strings.Builder, h *report.Heading, level int) {
	if h.Text.IsEmpty() {
		return // an empty heading would be an empty entry in the navigation pane
	}
	size := d.st.heads[report.ClampLevel(h.Level)-1]
	o := lineOpts{keepNext: true, size: size}
	if level > 0 {
		o.style = "Heading" + strconv.Itoa(level)
	} else {
		o.bold, o.before, o.after = true, size*72/10, size*42/10
	}
	d.text(b, h.Text, o)
}

// fields writes label–value lines: the label in bold with a colon, then
// the value on the same line, or below it when the field is stacked or
// the value starts with a bullet.
func (d *docWriter) fields(b *strings.Builder, fs *report.Fields) {
	gap := d.st.lineTwips * 6 / 10 // the PDF's space after a paragraph
	for _, f := range fs.Items {
		label := strings.TrimSpace(f.Label)
		if label != "" && !strings.HasSuffix(label, ":") {
			label += ":"
		}
		value := f.Value
		below := f.Stacked || (len(value.Lines) > 0 && value.Lines[0].Bullet)
		if value.IsEmpty() || label == "" || below {
			if label != "" {
				after := 0
				if value.IsEmpty() {
					after = gap
				}
				d.text(b, report.Text{}, lineOpts{keepNext: !value.IsEmpty(), after: after,
					prefix: []report.Run{{Text: label, Bold: true}}})
			}
			if !value.IsEmpty() {
				d.text(b, value, lineOpts{after: gap})
			}
			continue
		}
		d.text(b, value, lineOpts{after: gap, prefix: []report.Run{{Text: label + " ", Bold: true}}})
	}
}

// statusKey writes the document's statuses, each as a square of its colour
// followed by its name; closed statuses say so in words.
func (d *docWriter) statusKey(b *strings.Builder, k *report.StatusKey) {
	if len(d.doc.Statuses) == 0 {
		return
	}
	if t := strings.TrimSpace(k.Title); t != "" {
		d.text(b, report.Bold(t), lineOpts{style: "TableText", keepNext: true, after: 60})
	}
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/>`)
	fmt.Fprintf(b, `<w:spacing w:after="%d"/></w:pPr>`, d.st.lineTwips/2)
	for i, s := range d.doc.Statuses {
		if i > 0 {
			b.WriteString(`<w:r><w:t xml:space="preserve">      </w:t></w:r>`)
		}
		b.WriteString(`<w:r><w:rPr><w:bdr w:val="single" w:sz="4" w:space="0" w:color="` + d.st.rule + `"/>`)
		if c, ok := colour(s.Colour); ok {
			b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + c + `"/>`)
		}
		b.WriteString("</w:rPr><w:t xml:space=\"preserve\">\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0</w:t></w:r>")
		b.WriteString(`<w:r><w:t xml:space="preserve"> ` + esc(s.Label()) + `</w:t></w:r>`)
	}
	b.WriteString(`</w:p>`)
}
