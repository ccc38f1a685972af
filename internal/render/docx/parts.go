package docx

import (
	"fmt"
	"strings"

	"github.com/agsreport/agsreport/internal/report"
)

// numbering defines the one bullet list every bullet line belongs to.
const numbering = xmlHdr + `<w:numbering xmlns:w="` + nsW + `">` +
	`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>` +
	`<w:pPr><w:ind w:left="284" w:hanging="227"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:hint="default"/></w:rPr></w:lvl>` +
	`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`

// styles writes the style sheet: Arial at the template's sizes, Word's
// built-in Heading 1–3 (so the navigation pane and the accessibility
// checker see the outline), a table text style, and the header and footer
// styles.
func (d *docWriter) styles() string {
	st := d.st
	lang := d.doc.Meta.Lang()
	var b strings.Builder
	b.WriteString(xmlHdr + `<w:styles xmlns:w="` + nsW + `">`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/>`+
		`<w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="%s" w:eastAsia="%s" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`,
		st.body, st.body, lang, lang)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	// Space before and after a heading as in the PDF: 0.6 and 0.35 of a
	// line of 1.2 times the heading's size.
	// Heading 4 appears when later sections move one level down (see
	// report.PlanDocument); it looks like Heading 3.
	for i, size := range append(st.heads[:], st.heads[2]) {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>`+
			`<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="%d" w:after="%d"/><w:outlineLvl w:val="%d"/></w:pPr>`+
			`<w:rPr><w:b/><w:bCs/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
			i+1, i+1, size*72/10, size*42/10, i, size, size)
	}
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>`+
		`<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`, st.table, st.table)
	for _, s := range []string{"Header", "Footer"} {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>`+
			`<w:rPr><w:color w:val="595959"/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
			s, strings.ToLower(s), st.running, st.running)
	}
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:qFormat/>`+
		`<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`, st.table+3, st.table+3)
	b.WriteString(`</w:styles>`)
	return b.String()
}

// running writes a running header (tag "hdr") or footer ("ftr"): one line
// with the left slot at the margin, the centre slot on a centred tab and
// the right slot on a right tab; "{page}" and "{pages}" become PAGE and
// NUMPAGES fields.
func (d *docWriter) running(tag string, r report.Running) string {
	style := "Header"
	if tag == "ftr" {
		style = "Footer"
	}
	w := d.pg.bodyWidth()
	var b strings.Builder
	b.WriteString(xmlHdr + `<w:` + tag + ` xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">`)
	fmt.Fprintf(&b, `<w:p><w:pPr><w:pStyle w:val="%s"/><w:tabs><w:tab w:val="center" w:pos="%d"/><w:tab w:val="right" w:pos="%d"/></w:tabs></w:pPr>`, style, w/2, w)
	for i, s := range []string{r.Left, r.Centre, r.Right} {
		if i > 0 {
			b.WriteString(`<w:r><w:tab/></w:r>`)
		}
		runningSlot(&b, strings.TrimSpace(s))
	}
	b.WriteString(`</w:p></w:` + tag + `>`)
	return b.String()
}

// runningSlot writes one slot's text with its page fields.
func runningSlot(b *strings.Builder, s string) {
	for s != "" {
		i := strings.Index(s, "{page")
		field, n := "", 0
		switch {
		case i < 0:
			i = len(s)
		case strings.HasPrefix(s[i:], "{pages}"):
			field, n = "NUMPAGES", len("{pages}")
		case strings.HasPrefix(s[i:], "{page}"):
			field, n = "PAGE", len("{page}")
		default:
			i += len("{page") // not a field: keep the text as typed
		}
		if i > 0 {
			b.WriteString(`<w:r><w:t xml:space="preserve">` + esc(s[:i]) + `</w:t></w:r>`)
		}
		if field != "" {
			b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ` + field +
				` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		}
		s = s[i+n:]
	}
}
