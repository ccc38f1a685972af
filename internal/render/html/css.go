package html

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/agsreport/agsreport/internal/report"
)

// style is the document style with defaults filled in and colours checked.
type style struct {
	font, table float64    // points
	heads       [3]float64 // points
	headerFill  rgb
	hasHeader   bool
	headerText  rgb
	bandFill    rgb
	hasBand     bool
	bandText    rgb
	rule        rgb
}

// resolveStyle fills in defaults like the PDF renderer does and picks text
// colours that contrast with their fills by at least 4.5:1.
func resolveStyle(s report.Style) style {
	size := func(v, def float64) float64 {
		if v <= 0 || math.IsNaN(v) || v > 72 {
			return def
		}
		return v
	}
	st := style{font: size(s.FontSize, 10), table: size(s.TableFontSize, 9), rule: rgb{R: 0x80, G: 0x80, B: 0x80}}
	defs := [3]float64{14, 12, 10.5}
	for i := range st.heads {
		st.heads[i] = size(s.HeadingSizes[i], defs[i])
	}
	st.headerFill, st.hasHeader = parseColour(s.HeaderFill)
	bg := white
	if st.hasHeader {
		bg = st.headerFill
	}
	want, ok := parseColour(s.HeaderColour)
	if !ok {
		want = black
	}
	st.headerText = readable(want, bg)
	st.bandFill, st.hasBand = parseColour(s.BandFill)
	st.bandText = black
	if st.hasBand {
		st.bandText = readable(black, st.bandFill)
	}
	if c, ok := parseColour(s.RuleColour); ok {
		st.rule = c
	}
	return st
}

// num formats a number for CSS: at most three decimals, no trailing zeros.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64) }

// defaultMargin is used for a page margin left at zero or invalid
// (millimetres), as in the PDF.
const defaultMargin = 15

// pageRule returns the @page rule: paper size, orientation, margins, and the
// running header and footer in the margin boxes.
func pageRule(doc *report.Document) string {
	pp, err := doc.Page.Paper()
	if err != nil { // Render has refused the document already
		pp, _ = report.LookupPaper(report.DefaultPaper)
	}
	size := pp.CSSName
	orient := "portrait"
	if doc.Page.Landscape {
		orient = "landscape"
	}
	m := func(v float64) string {
		if v <= 0 || math.IsNaN(v) || math.IsInf(v, 0) || v > 100 {
			v = defaultMargin
		}
		return num(v) + "mm"
	}
	pm := doc.Page.Margins
	var b strings.Builder
	fmt.Fprintf(&b, "@page {\n  size: %s %s;\n  margin: %s %s %s %s;\n", size, orient, m(pm.Top), m(pm.Right), m(pm.Bottom), m(pm.Left))
	box := func(name, s string) {
		if c := marginContent(s); c != "" {
			fmt.Fprintf(&b, "  @%s { content: %s; font-size: 8pt; color: #595959; }\n", name, c)
		}
	}
	h, f := doc.Header, doc.Footer
	box("top-left", h.Left)
	box("top-center", h.Centre)
	box("top-right", h.Right)
	box("bottom-left", f.Left)
	box("bottom-center", f.Centre)
	box("bottom-right", f.Right)
	b.WriteString("}\n")
	return b.String()
}

// pageToken matches the page number placeholders of a running text.
var pageToken = regexp.MustCompile(`\{pages?\}`)

// marginContent returns the CSS content value for a running text, with
// {page} and {pages} as page counters, or "" for an empty text.
func marginContent(s string) string {
	s = strings.TrimSpace(clean(s))
	if s == "" {
		return ""
	}
	var parts []string
	last := 0
	for _, loc := range pageToken.FindAllStringIndex(s, -1) {
		if loc[0] > last {
			parts = append(parts, cssString(s[last:loc[0]]))
		}
		if s[loc[0]:loc[1]] == "{page}" {
			parts = append(parts, "counter(page)")
		} else {
			parts = append(parts, "counter(pages)")
		}
		last = loc[1]
	}
	if last < len(s) {
		parts = append(parts, cssString(s[last:]))
	}
	return strings.Join(parts, " ")
}

// cssString quotes s as a CSS string, escaping every character but ASCII
// letters, digits and spaces, so that nothing can end the string or the
// style element.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r == ' ' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "\\%x ", r)
	}
	b.WriteByte('"')
	return b.String()
}

// screenText returns a running text as shown on screen: the page number
// placeholders, and the words that only introduce them ("Page {page} of
// {pages}"), are left out.
func screenText(s string) string {
	s = strings.TrimSpace(clean(s))
	s = pageWords.ReplaceAllString(s, "")
	s = pageToken.ReplaceAllString(s, "")
	return strings.Trim(strings.Join(strings.Fields(s), " "), " -–—|/,:")
}

// pageWords matches "Page {page} of {pages}", "page {page}/{pages}" and
// "Page {page}".
var pageWords = regexp.MustCompile(`(?i)\bpage\s*\{page\}(\s*(of|/)\s*\{pages\})?`)

// stylesheet returns the document's inline style sheet.
func stylesheet(doc *report.Document, st style) string {
	var b strings.Builder
	rel := func(pt float64) string { return num(pt/st.font) + "em" }
	b.WriteString(`*, *::before, *::after { box-sizing: border-box; }
html { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; color: #000; background: #fff; line-height: 1.35; }
body { margin: 0; font-size: 1rem; }
.skip { position: absolute; left: -10000px; top: 0; background: #fff; color: #1f3864; padding: .5em; }
.skip:focus { left: .5em; }
a { color: #1f3864; }
:focus-visible { outline: 3px solid #1f3864; outline-offset: 2px; }
header.running, footer.running { display: grid; grid-template-columns: 1fr auto 1fr; gap: 1em; padding: .5em 1.5rem; font-size: .8em; color: #595959; border-color: #d9d9d9; border-style: solid; border-width: 0; }
header.running { border-bottom-width: 1px; }
footer.running { border-top-width: 1px; margin-top: 2em; }
.running .c { text-align: center; }
.running .r { text-align: right; }
nav.toc { padding: .5em 1.5rem; border-bottom: 1px solid #d9d9d9; }
nav.toc .toc-title { font-weight: bold; margin: .25em 0; }
nav.toc ol { margin: 0; padding-left: 1.5em; }
nav.toc li { margin: 0; }
nav.toc a { display: inline-block; min-height: 24px; line-height: 24px; }
main { padding: 0 1.5rem; }
section { margin: 1.5em 0; }
h1, h2, h3, h4, .kicker { margin: .8em 0 .35em; font-weight: bold; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 .6em; }
ul { margin: 0 0 .6em; padding-left: 1.4em; }
.small { font-size: var(--table-size); }
dl.fields { margin: 0 0 .6em; }
.field { display: grid; grid-template-columns: fit-content(30%) 1fr; column-gap: .4em; margin-bottom: .6em; }
.field.stacked, .field.inline { display: block; }
.field.inline dt, .field.inline dd { display: inline; }
@media (max-width: 40em) { .field { display: block; } }
.field dt { font-weight: bold; }
.field dd { margin: 0; }
.field dd > :last-child, td > :last-child, th > :last-child { margin-bottom: 0; }
.table-scroll { overflow-x: auto; margin: .6em 0 1em; }
table { border-collapse: collapse; width: 100%; font-size: var(--table-size); }
caption { text-align: left; font-weight: bold; padding: .3em 0; caption-side: top; break-after: avoid; }
th, td { border: 1px solid var(--rule); padding: .3em .45em; vertical-align: top; text-align: left; }
thead th { background: var(--header-fill); color: var(--header-text); }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tbody:first-of-type > tr:first-child { break-before: avoid; page-break-before: avoid; }
tr.band th { background: var(--band-fill); color: var(--band-text); break-after: avoid; page-break-after: avoid; }
td.c, th.c { text-align: center; }
td.r, th.r { text-align: right; }
td.status { font-weight: bold; }
td.empty { font-style: italic; }
td ul, th ul { padding-left: 1.1em; }
td p, th p, td ul, th ul { margin-bottom: .4em; }
.status-key { margin: .6em 0 1em; font-size: var(--table-size); }
.status-key .key-title { font-weight: bold; margin-bottom: .3em; }
.status-key ul, .legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .4em 1.5em; }
.swatch { display: inline-block; width: 2em; height: 1em; vertical-align: middle; border: 1px solid #404040; margin-right: .4em; }
figure.chart { margin: 1em 0; }
figure.chart figcaption { font-weight: bold; margin-bottom: .4em; }
figure.chart svg { display: block; width: 100%; max-width: 60em; height: auto; }
figure.chart svg text { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; }
td.num, th.num { text-align: right; }
.status-key, td.status, td[style], th[style], .swatch, figure.chart svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
thead th, tr.band th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print {
  html { font-size: `)
	b.WriteString(num(st.font))
	b.WriteString(`pt; }
  body { font-size: 1rem; }
  .skip, nav.toc, header.running, footer.running { display: none; }
  main { padding: 0; }
  section { margin: 0; }
  section + section { break-before: page; page-break-before: always; }
  .table-scroll { overflow: visible; }
  table { min-width: 0 !important; }
  a { color: inherit; text-decoration: none; }
}
`)
	fmt.Fprintf(&b, ":root { --table-size: %s; --rule: %s; --header-fill: %s; --header-text: %s; --band-fill: %s; --band-text: %s; }\n",
		rel(st.table), st.rule, fillOr(st.headerFill, st.hasHeader), st.headerText, fillOr(st.bandFill, st.hasBand), st.bandText)
	b.WriteString("@media screen { :root { --table-size: max(.875em, " + rel(st.table) + "); } }\n")
	for i, s := range st.heads {
		fmt.Fprintf(&b, ".l%d { font-size: %s; }\n", i+1, rel(s))
	}
	b.WriteString(pageRule(doc))
	return b.String()
}

// fillOr returns the colour, or "transparent" when there is none.
func fillOr(c rgb, ok bool) string {
	if !ok {
		return "transparent"
	}
	return c.String()
}
