package report

import (
	"fmt"
	"strings"
)

// Dump writes the document as stable, readable text for golden tests. Two
// documents with the same dump render the same.
func (d *Document) Dump() string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("document %q\n", d.Meta.Title)
	p("  meta author=%q subject=%q keywords=%q language=%q date=%s\n",
		d.Meta.Author, d.Meta.Subject, strings.Join(d.Meta.Keywords, ", "), d.Meta.Language, d.Meta.Date.Format("2006-01-02"))
	p("  page %s landscape=%v margins=%g,%g,%g,%g\n", d.Page.Size, d.Page.Landscape,
		d.Page.Margins.Top, d.Page.Margins.Right, d.Page.Margins.Bottom, d.Page.Margins.Left)
	s := d.Style
	p("  style font=%g table=%g headings=%g,%g,%g header=%s/%s band=%s rule=%s\n",
		s.FontSize, s.TableFontSize, s.HeadingSizes[0], s.HeadingSizes[1], s.HeadingSizes[2],
		s.HeaderFill, s.HeaderColour, s.BandFill, s.RuleColour)
	if !d.Header.Empty() {
		p("  header %q | %q | %q\n", d.Header.Left, d.Header.Centre, d.Header.Right)
	}
	if !d.Footer.Empty() {
		p("  footer %q | %q | %q\n", d.Footer.Left, d.Footer.Centre, d.Footer.Right)
	}
	for _, st := range d.Statuses {
		p("  status %q colour=%s closed=%v\n", st.Name, st.Colour, st.Closed)
	}
	for _, sec := range d.Sections {
		p("section %q\n", sec.Name)
		for _, bl := range sec.Blocks {
			dumpBlock(&b, bl)
		}
	}
	return b.String()
}

func dumpBlock(b *strings.Builder, bl Block) {
	p := func(format string, a ...any) { fmt.Fprintf(b, format, a...) }
	switch x := bl.(type) {
	case *Heading:
		p("  heading %d", x.Level)
		if x.Bookmark != "" {
			p(" bookmark=%q", x.Bookmark)
		}
		p("\n")
		dumpText(b, "    ", x.Text)
	case *Paragraph:
		p("  paragraph")
		if x.Small {
			p(" small")
		}
		p("\n")
		dumpText(b, "    ", x.Text)
	case *Fields:
		p("  fields\n")
		for _, f := range x.Items {
			p("    %q", f.Label)
			if f.Stacked {
				p(" stacked")
			}
			p(":\n")
			dumpText(b, "      ", f.Value)
		}
	case *Table:
		p("  table %q rows=%d", x.Name, x.Rows())
		if x.Empty != "" {
			p(" empty=%q", x.Empty)
		}
		if x.Flat {
			p(" flat")
		}
		p("\n")
		for _, c := range x.Columns {
			p("    column %q width=%g align=%s", c.Title, c.Width, c.Align)
			if c.Status {
				p(" status")
			}
			p("\n")
		}
		for gi, g := range x.Groups {
			p("    group %d", gi+1)
			if g.Bookmark != "" {
				p(" bookmark=%q", g.Bookmark)
			}
			p("\n")
			if !g.Band.IsEmpty() {
				p("      band\n")
				dumpText(b, "        ", g.Band)
			}
			for ri, r := range g.Rows {
				p("      row %d\n", ri+1)
				for ci, c := range r.Cells {
					if c.Covered {
						p("        cell %d covered\n", ci+1)
						continue
					}
					p("        cell %d", ci+1)
					if c.Span > 1 {
						p(" span=%d", c.Span)
					}
					if c.Fill != "" {
						p(" fill=%s", c.Fill)
					}
					if c.Status != "" {
						p(" status=%q", c.Status)
					}
					switch c.Value.Kind {
					case PercentValue:
						p(" percent=%g", c.Value.Number)
					case RankValue:
						p(" rank=%g", c.Value.Number)
					}
					if !c.Date.IsZero() {
						p(" date=%s", c.Date.Format("2006-01-02"))
					}
					p("\n")
					dumpText(b, "          ", c.Text)
				}
			}
		}
	case *Chart:
		p("  chart %q categories=%q\n", x.Title, x.Categories)
		for _, s := range x.Series {
			p("    series %q colour=%s values=%v\n", s.Name, s.Colour, s.Values)
		}
	case *StatusKey:
		p("  status key %q\n", x.Title)
	default:
		p("  unknown block %T\n", bl)
	}
}

func dumpText(b *strings.Builder, indent string, t Text) {
	for _, l := range t.Lines {
		b.WriteString(indent)
		if l.SpaceBefore {
			b.WriteString("¶ ")
		}
		if l.Bullet {
			b.WriteString("• ")
		}
		for _, r := range l.Runs {
			switch {
			case r.Bold && r.Italic:
				fmt.Fprintf(b, "***%s***", r.Text)
			case r.Bold:
				fmt.Fprintf(b, "**%s**", r.Text)
			case r.Italic:
				fmt.Fprintf(b, "*%s*", r.Text)
			default:
				b.WriteString(r.Text)
			}
		}
		b.WriteByte('\n')
	}
}

// Texts lists every text the document puts on paper, in order, each as
// plain text (see Text.String): headings, paragraphs, field labels and
// values, column titles, bands, cells (covered cells are not drawn), a
// table's Empty text when it has no rows, chart titles and categories, and
// status keys' titles. Tests use it to check that a
// rendered file shows what the document holds. A block of a kind it does
// not know is listed as "unknown block TYPE", never skipped.
func (d *Document) Texts() []string {
	var texts []string
	add := func(t Text) { texts = append(texts, t.String()) }
	for _, sec := range d.Sections {
		for _, b := range sec.Blocks {
			switch x := b.(type) {
			case *Heading:
				add(x.Text)
			case *Paragraph:
				add(x.Text)
			case *Fields:
				for _, f := range x.Items {
					texts = append(texts, f.Label)
					add(f.Value)
				}
			case *Table:
				for _, c := range x.Columns {
					texts = append(texts, c.Title)
				}
				if x.Rows() == 0 {
					texts = append(texts, x.Empty)
				}
				for _, g := range x.Groups {
					add(g.Band)
					for _, r := range g.Rows {
						for _, c := range r.Cells {
							if !c.Covered {
								add(c.Text)
							}
						}
					}
				}
			case *Chart:
				texts = append(texts, x.Title)
				texts = append(texts, x.Categories...)
			case *StatusKey:
				texts = append(texts, x.Title)
			default:
				texts = append(texts, fmt.Sprintf("unknown block %T", b))
			}
		}
	}
	return texts
}
