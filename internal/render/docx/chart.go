package docx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/agsreport/agsreport/internal/report"
)

// emuPerTwip converts twips to the English Metric Units of drawings.
const emuPerTwip = 635

// chart writes a stacked horizontal bar chart as a native Word chart, one
// bar per category from the top, with a description naming every value as
// its alternative text, followed by the same numbers as a table. A chart
// with no categories writes its title alone.
func (d *docWriter) chart(b *strings.Builder, ch *report.Chart) error {
	title := strings.TrimSpace(ch.Title)
	if len(ch.Categories) == 0 {
		if title != "" {
			d.text(b, report.Plain(title), lineOpts{style: "Caption"})
		}
		return nil
	}
	idx := len(d.charts)
	book, err := chartWorkbook(ch)
	if err != nil {
		return fmt.Errorf("chart %q: %w", title, err)
	}
	d.charts = append(d.charts, chartParts{chart: d.chartPart(ch), workbook: book})
	d.shapes++
	width := d.pg.bodyWidth() * emuPerTwip
	height := min((d.pg.h-d.pg.top-d.pg.bottom)*emuPerTwip*9/10, 900000+len(ch.Categories)*300000)
	name := title
	if name == "" {
		name = "Chart " + strconv.Itoa(idx+1)
	}
	b.WriteString(`<w:p><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120"/></w:pPr><w:r><w:drawing>`)
	fmt.Fprintf(b, `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`, width, height)
	fmt.Fprintf(b, `<wp:docPr id="%d" name="%s" title="%s" descr="%s"/>`, d.shapes, esc(name), esc(name), esc(describe(ch)))
	b.WriteString(`<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="` + nsC + `">`)
	b.WriteString(`<c:chart r:id="` + chartRel(idx) + `"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`)
	data := ch.DataTable()
	d.text(b, report.Plain(data.Name), lineOpts{style: "Caption"})
	d.table(b, data)
	return nil
}

// chartParts are the parts of one chart: the DrawingML chart and the
// workbook embedded beside it.
type chartParts struct {
	chart    string
	workbook []byte
}

// describe is the chart's alternative text: what it shows and every value.
func describe(ch *report.Chart) string {
	var b strings.Builder
	b.WriteString("Stacked bar chart")
	if t := strings.TrimSpace(ch.Title); t != "" {
		b.WriteString(": " + t)
	}
	b.WriteString(".")
	for i, c := range ch.Categories {
		b.WriteString(" " + c + ":")
		total := 0.0
		for j, s := range ch.Series {
			if j > 0 {
				b.WriteString(",")
			}
			b.WriteString(" " + s.Name + " " + report.FormatValue(s.Value(i)))
			total += s.Value(i)
		}
		b.WriteString(" (total " + report.FormatValue(total) + ").")
	}
	return b.String()
}

// chartPart writes the chart's DrawingML part. The values are held in the
// part itself, as Word and LibreOffice draw them, and in the embedded
// workbook (relationship rId1) that Word's Edit Data opens; the axis runs
// from 0 to the scale every renderer uses (report.Chart.Axis), and zero
// segments carry no label.
func (d *docWriter) chartPart(ch *report.Chart) string {
	top, step := ch.Axis()
	size := d.st.table * 50 // hundredths of a point
	var b strings.Builder
	b.WriteString(xmlHdr + `<c:chartSpace xmlns:c="` + nsC + `" xmlns:a="` + nsA + `" xmlns:r="` + nsR + `">`)
	b.WriteString(`<c:roundedCorners val="0"/><c:chart>`)
	if t := strings.TrimSpace(ch.Title); t != "" {
		fmt.Fprintf(&b, `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="%d" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="%d" b="1"/><a:t>%s</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`,
			size+150, size+150, esc(t))
		b.WriteString(`<c:autoTitleDeleted val="0"/>`)
	} else {
		b.WriteString(`<c:autoTitleDeleted val="1"/>`)
	}
	b.WriteString(`<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>`)
	n := len(ch.Categories)
	for si, s := range ch.Series {
		fill := hex(s.Fill(si))
		col := columnName(si + 2) // column A holds the categories
		fmt.Fprintf(&b, `<c:ser><c:idx val="%d"/><c:order val="%d"/>`, si, si)
		fmt.Fprintf(&b, `<c:tx><c:strRef><c:f>Sheet1!$%s$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>%s</c:v></c:pt></c:strCache></c:strRef></c:tx>`, col, esc(s.Name))
		b.WriteString(`<c:spPr><a:solidFill><a:srgbClr val="` + fill + `"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="595959"/></a:solidFill></a:ln></c:spPr>`)
		b.WriteString(`<c:invertIfNegative val="0"/>`)
		fmt.Fprintf(&b, `<c:dLbls><c:numFmt formatCode="General;;;" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`+
			`<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="%d"><a:solidFill><a:srgbClr val="%s"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`+
			`<c:dLblPos val="ctr"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`,
			size, textOn(fill))
		fmt.Fprintf(&b, `<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$%d</c:f><c:strCache><c:ptCount val="%d"/>`, n+1, n)
		for i, c := range ch.Categories {
			fmt.Fprintf(&b, `<c:pt idx="%d"><c:v>%s</c:v></c:pt>`, i, esc(c))
		}
		fmt.Fprintf(&b, `</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!$%s$2:$%s$%d</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="%d"/>`, col, col, n+1, n)
		for i := range ch.Categories {
			fmt.Fprintf(&b, `<c:pt idx="%d"><c:v>%s</c:v></c:pt>`, i, strconv.FormatFloat(s.Value(i), 'g', -1, 64))
		}
		b.WriteString(`</c:numCache></c:numRef></c:val></c:ser>`)
	}
	b.WriteString(`<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>`)
	axisText := fmt.Sprintf(`<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="%d"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`, size)
	line := `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></c:spPr>`
	// Categories from the top down; the value axis then crosses at the
	// last category, at the foot of the chart.
	b.WriteString(`<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
		`<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
		line + axisText + `<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`)
	fmt.Fprintf(&b, `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:max val="%s"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>`+
		`<c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>`+
		`<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`+
		line+axisText+`<c:crossAx val="1001"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="%s"/></c:valAx>`,
		strconv.FormatFloat(top, 'g', -1, 64), strconv.FormatFloat(step, 'g', -1, 64))
	b.WriteString(`</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>` + axisText + `</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`)
	b.WriteString(`<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`)
	fmt.Fprintf(&b, `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="%d"><a:latin typeface="Arial"/></a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`, size)
	b.WriteString(`<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>`)
	b.WriteString(`</c:chartSpace>`)
	return b.String()
}

// columnName is a spreadsheet column's letters for 1-based index i.
func columnName(i int) string {
	s := ""
	for i > 0 {
		i--
		s = string(rune('A'+i%26)) + s
		i /= 26
	}
	return s
}
