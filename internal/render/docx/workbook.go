package docx

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/agsreport/agsreport/internal/report"
)

// nsSheet is the SpreadsheetML namespace of the embedded workbook.
const nsSheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

// chartWorkbook writes the small workbook Word embeds beside a chart so
// that its Edit Data command opens the chart's numbers: sheet "Sheet1"
// with the series names across row 1 from B1, the categories down column
// A from A2, and the values between — the cells the chart part's
// references name. Texts are inline strings, never formulas. It is
// written with the same fixed timestamps as the document, so the same
// chart gives the same bytes.
func chartWorkbook(ch *report.Chart) ([]byte, error) {
	var sh strings.Builder
	sh.WriteString(xmlHdr + `<worksheet xmlns="` + nsSheet + `"><sheetData>`)
	text := func(ref, s string) {
		sh.WriteString(`<c r="` + ref + `" t="inlineStr"><is><t xml:space="preserve">` + esc(s) + `</t></is></c>`)
	}
	sh.WriteString(`<row r="1">`)
	for si, s := range ch.Series {
		text(columnName(si+2)+"1", s.Name)
	}
	sh.WriteString(`</row>`)
	for i, c := range ch.Categories {
		r := strconv.Itoa(i + 2)
		sh.WriteString(`<row r="` + r + `">`)
		text("A"+r, c)
		for si, s := range ch.Series {
			sh.WriteString(`<c r="` + columnName(si+2) + r + `"><v>` + strconv.FormatFloat(s.Value(i), 'g', -1, 64) + `</v></c>`)
		}
		sh.WriteString(`</row>`)
	}
	sh.WriteString(`</sheetData></worksheet>`)
	parts := []part{
		{"[Content_Types].xml", xmlHdr + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`</Types>`},
		{"_rels/.rels", xmlHdr + `<Relationships xmlns="` + nsRels + `">` +
			`<Relationship Id="rId1" Type="` + relDoc + `officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", xmlHdr + `<workbook xmlns="` + nsSheet + `" xmlns:r="` + nsR + `">` +
			`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", xmlHdr + `<Relationships xmlns="` + nsRels + `">` +
			`<Relationship Id="rId1" Type="` + relDoc + `worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sh.String()},
	}
	var buf bytes.Buffer
	if err := writeZip(&buf, parts); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
