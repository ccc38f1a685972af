package sheet

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/sheet/hostile"
)

// readCells reads every row of a sheet of a workbook through the reader.
func readCells(t *testing.T, path, sheet string) map[int][]cell {
	t.Helper()
	src, err := openSource(path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.close()
	if _, err := src.merges(sheet); err != nil {
		t.Fatal(err)
	}
	it, err := src.rows(sheet, true)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int][]cell{}
	for it.next() {
		cs, err := it.cells()
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) > 0 {
			out[it.row()] = cs
		}
	}
	if err := it.close(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestShownValuesMatchExcelize writes numbers and text in many number
// formats and checks that the reader shows each exactly as excelize's own
// reader did (papers read before the one-pass reader stay the same), with
// the stored value alongside.
func TestShownValuesMatchExcelize(t *testing.T) {
	builtins := []int{0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49}
	customs := []string{"dd/mm/yyyy", "d mmmm yyyy", "[$-809]dd mmmm yyyy;@", "0.0%", `"£"#,##0.00`, "#,##0;[Red]-#,##0", "@", "yyyy-mm-dd hh:mm", "General", `0.00" units"`, "mmm-yy", "dddd d mmm"}
	numbers := []string{"0", "1", "-1", "43190", "43190.5", "0.1234", "1234567.891", "1E+20", "-0.5", "3.14159265358979", "0.30000000000000004", "45382", "1234567890123456789"}
	texts := []string{"abc", "12", "31/03/2018", "As required"}

	f := excelize.NewFile()
	defer f.Close()
	const sh = "Sheet1"
	type want struct{ ref, format string }
	var refs []want
	row := 0
	addRow := func(style int, label string) {
		row++
		for i, v := range numbers {
			ref, _ := excelize.CoordinatesToCellName(i+1, row)
			if err := f.SetCellDefault(sh, ref, v); err != nil {
				t.Fatal(err)
			}
			if style > 0 {
				if err := f.SetCellStyle(sh, ref, ref, style); err != nil {
					t.Fatal(err)
				}
			}
			refs = append(refs, want{ref, label})
		}
		for i, v := range texts {
			ref, _ := excelize.CoordinatesToCellName(len(numbers)+i+1, row)
			if err := f.SetCellStr(sh, ref, v); err != nil {
				t.Fatal(err)
			}
			if style > 0 {
				if err := f.SetCellStyle(sh, ref, ref, style); err != nil {
					t.Fatal(err)
				}
			}
			refs = append(refs, want{ref, label})
		}
	}
	addRow(0, "no style")
	for _, id := range builtins {
		s, err := f.NewStyle(&excelize.Style{NumFmt: id})
		if err != nil {
			t.Fatal(err)
		}
		addRow(s, fmt.Sprintf("built-in %d", id))
	}
	for _, code := range customs {
		s, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			t.Fatal(err)
		}
		addRow(s, fmt.Sprintf("custom %q", code))
	}
	path := filepath.Join(t.TempDir(), "formats.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}

	ref, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	shown, err := ref.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := ref.GetRows(sh, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	got := readCells(t, path, sh)
	for _, w := range refs {
		c, r, _ := excelize.CellNameToCoordinates(w.ref)
		var g cell
		if cs := got[r]; c-1 < len(cs) {
			g = cs[c-1]
		}
		if g.text != shown[r-1][c-1] || g.raw != raw[r-1][c-1] {
			t.Errorf("%s (%s): shown %q stored %q, excelize %q stored %q", w.ref, w.format, g.text, g.raw, shown[r-1][c-1], raw[r-1][c-1])
		}
	}
}

// TestCellDetails checks what the reader gives beyond values: formulas
// with and without a cached value, solid fills (direct, indexed and theme
// colours), rich text and phonetic guides, escapes, booleans, errors,
// and dates stored as ISO text.
func TestCellDetails(t *testing.T) {
	styles := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fills count="6">
<fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor indexed="10"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.59999389629810485"/></patternFill></fill>
<fill><patternFill patternType="darkGrid"><fgColor rgb="FFFF0000"/></patternFill></fill>
</fills>
<cellXfs count="6">
<xf numFmtId="0" fillId="0"/>
<xf numFmtId="0" fillId="2" applyFill="1"/>
<xf numFmtId="0" fillId="3" applyFill="1"/>
<xf numFmtId="0" fillId="4" applyFill="1"/>
<xf numFmtId="0" fillId="5" applyFill="1"/>
<xf numFmtId="164" fillId="0" applyNumberFormat="1"/>
</cellXfs>
</styleSheet>`
	theme := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>
<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>
<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>
<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>
<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>
<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme></a:themeElements></a:theme>`
	sst := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
<si><t>Plain</t></si>
<si><r><rPr><b/></rPr><t xml:space="preserve">Bold </t></r><r><t>and plain</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>
<si><t>Line_x000D_
two _x005F_x0041_</t></si>
</sst>`
	rows := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
		`<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2"><f>1+1</f></c><c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
		`<c r="D2"><f t="shared" ref="D2:D3" si="0">A2*2</f><v>4</v></c></row>` +
		`<row r="3" hidden="1"><c r="D3"><f t="shared" si="0"/><v>8</v></c><c r="E3" s="1"/><c r="F3" s="2"><v>1</v></c>` +
		`<c r="G3" s="3" t="inlineStr"><is><t>theme</t></is></c><c r="H3" s="4" t="inlineStr"><is><t>pattern</t></is></c></row>` +
		`<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="e"><v>#DIV/0!</v></c><c r="C5" s="5"><v>43190</v></c><c r="D5" t="d"><v>2018-03-31T00:00:00</v></c></row>` +
		`<row r="6"><c r="A6"><f>B2</f><v></v></c><c r="B6" t="str"><f>""</f><v></v></c></row>`
	parts := hostile.Parts(hostile.Worksheet(rows, ""))
	parts["xl/sharedStrings.xml"] = sst
	parts["xl/styles.xml"] = styles
	parts["xl/theme/theme1.xml"] = theme
	parts["xl/_rels/workbook.xml.rels"] = strings.Replace(parts["xl/_rels/workbook.xml.rels"], "</Relationships>",
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`+
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>`+
			`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>`+
			`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/>`+
			`</Relationships>`, 1)
	data, err := hostile.Zip(parts)
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, t.TempDir(), "details.xlsx", data)
	src, err := openSource(path)
	if err != nil {
		t.Fatal(err)
	}
	if src.date1904() {
		t.Error("the workbook counts dates from 1900, not 1904")
	}
	src.close()
	got := readCells(t, path, "Actions")

	tests := []struct {
		name string
		ref  string
		want cell
	}{
		{"shared string", "A1", cell{text: "Plain", raw: "Plain"}},
		{"rich text runs joined, phonetic guide left out", "B1", cell{text: "Bold and plain", raw: "Bold and plain"}},
		{"escapes decoded", "C1", cell{text: "Line\r\ntwo _x0041_", raw: "Line\r\ntwo _x0041_"}},
		{"formula with cached value", "A2", cell{text: "2", raw: "2", formula: "1+1", cached: true}},
		{"formula without cached value", "B2", cell{formula: "1+1"}},
		{"string formula", "C2", cell{text: "ab", raw: "ab", formula: `"a"&"b"`, cached: true}},
		{"shared formula, first cell", "D2", cell{text: "4", raw: "4", formula: "A2*2", cached: true}},
		{"shared formula, later cell", "D3", cell{text: "8", raw: "8", formula: "A2*2", cached: true}},
		{"fill only", "E3", cell{fill: "C6EFCE"}},
		{"indexed fill", "F3", cell{text: "1", raw: "1", fill: "FF0000"}},
		{"theme fill with tint", "G3", cell{text: "theme", raw: "theme", fill: "B4C7E7"}},
		{"patterned fill is no solid fill", "H3", cell{text: "pattern", raw: "pattern"}},
		{"boolean", "A5", cell{text: "TRUE", raw: "1"}},
		{"error value", "B5", cell{text: "#DIV/0!", raw: "#DIV/0!"}},
		{"date serial with a date format", "C5", cell{text: "31/03/2018", raw: "43190"}},
		{"date stored as text, no format", "D5", cell{text: "43190", raw: "2018-03-31T00:00:00", date: true}},
		{"formula with an empty value, as openpyxl writes one never calculated", "A6", cell{formula: "B2"}},
		{"string formula whose saved result is empty", "B6", cell{formula: `""`, cached: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			col, row, _ := parseRef(tc.ref)
			var g cell
			if cs := got[row]; col-1 < len(cs) {
				g = cs[col-1]
			}
			if g != tc.want {
				t.Errorf("%s = %+v, want %+v", tc.ref, g, tc.want)
			}
		})
	}
	if _, ok := got[4]; ok {
		t.Error("row 4, absent from the part, has cells")
	}
}

// TestShown1904Dates checks that dates in a workbook that counts from 1904
// (older Excel for Mac) are shown as the dates they are, and that numbers
// in other formats are not moved.
func TestShown1904Dates(t *testing.T) {
	styles := `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="15"/><xf numFmtId="10"/><xf numFmtId="165"/></cellXfs></styleSheet>`
	rows := `<row r="1"><c r="A1" s="1"><v>41728</v></c><c r="B1" s="1"><v>0</v></c><c r="C1" s="2"><v>41728</v></c>` +
		`<c r="D1" s="3"><v>0.25</v></c><c r="E1" s="4"><v>1.5</v></c><c r="F1"><v>41728</v></c></row>`
	parts := hostile.Parts(hostile.Worksheet(rows, ""))
	parts["xl/styles.xml"] = styles
	parts["xl/workbook.xml"] = strings.Replace(parts["xl/workbook.xml"], "<sheets>", `<workbookPr date1904="1"/><sheets>`, 1)
	parts["xl/_rels/workbook.xml.rels"] = strings.Replace(parts["xl/_rels/workbook.xml.rels"], "</Relationships>",
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`, 1)
	data, err := hostile.Zip(parts)
	if err != nil {
		t.Fatal(err)
	}
	got := readCells(t, writeFile(t, t.TempDir(), "mac.xlsx", data), "Actions")[1]
	want := []string{"31/03/2018", "01/01/1904", "31-Mar-18", "25.00%", "36:00", "41728"}
	for i, w := range want {
		if i >= len(got) || got[i].text != w {
			t.Errorf("%s: got %+v, want shown %q", cellName(i+1, 1), got, w)
		}
	}
}
