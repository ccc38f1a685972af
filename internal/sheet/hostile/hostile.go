// Package hostile makes the workbooks agsreport must refuse: damaged,
// truncated, or built to cost a reader unbounded time or memory. The tests
// of package sheet assert each one's message; cmd/agsbench measures what
// each costs against the bounds the README states. The files are made when
// needed, so no large file is kept in the repository.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sort"
	"strings"
)

// SheetPart is the worksheet part of the workbooks made here.
const SheetPart = "xl/worksheets/sheet1.xml"

// Case is one hostile workbook.
type Case struct {
	Name string
	// Make returns the workbook's bytes.
	Make func() ([]byte, error)
	// Want is the message agsreport check must give for it (one line of
	// its output, without the file name prefix "plan.xlsx: ").
	Want string
	// Heavy cases take seconds to read: the benchmark measures them, the
	// tests check the same limit on a smaller scale.
	Heavy bool
}

// Cases lists every hostile workbook, in a fixed order.
func Cases() []Case {
	return []Case{
		{Name: "deep nesting", Make: deepNesting,
			Want: `sheet "Actions": cannot be read completely: the part xl/worksheets/sheet1.xml nests XML elements more than 128 deep (line 1)`},
		{Name: "250 MB cell", Make: hugeCell,
			Want: `sheet "Actions": cannot be read completely: cell A2 holds more than 32767 characters, Excel's limit`},
		{Name: "8 MB tag", Make: longTag,
			Want: `sheet "Actions": cannot be read completely: the part xl/worksheets/sheet1.xml holds a text or tag longer than 1 MB (a cell holds at most 32767 characters)`},
		{Name: "cell over 32,767 characters", Make: longCell,
			Want: `sheet "Actions": cannot be read completely: cell C2 holds more than 32767 characters, Excel's limit`},
		{Name: "20,000 overlapping merges", Make: overlappingMerges,
			Want: `sheet "Actions": merged ranges F3:G4 and F4:G5 overlap, which Excel does not allow; open the file in Excel and save it again`},
		{Name: "damaged zip entry", Make: damagedEntry,
			Want: `sheet "Actions": cannot be read: the part xl/worksheets/sheet1.xml cannot be unzipped: the file is damaged; open it in Excel and save it again`},
		{Name: "checksum mismatch", Make: badChecksum,
			Want: `sheet "Actions": cannot be read: the part xl/worksheets/sheet1.xml fails its zip checksum: the file is damaged; open it in Excel and save it again`},
		{Name: "truncated sheet", Make: truncatedSheet,
			Want: `sheet "Actions": cannot be read completely: the part xl/worksheets/sheet1.xml is not well-formed XML (line 1: unexpected EOF): the file is damaged; open it in Excel and save it again`},
		{Name: "sheet cut between rows", Make: cutBetweenRows,
			Want: `sheet "Actions": cannot be read completely: the part xl/worksheets/sheet1.xml ends before its element <sheetData> is closed (it is cut short): the file is damaged; open it in Excel and save it again`},
		{Name: "missing sheet part", Make: missingSheet,
			Want: `sheet "Actions": cannot be read: the part xl/worksheets/sheet1.xml is missing: the file is damaged; open it in Excel and save it again`},
		{Name: "missing workbook part", Make: missingWorkbook,
			Want: `is damaged: it has no workbook part (xl/workbook.xml); open it in Excel and save it again`},
		{Name: "relationship outside the workbook", Make: relOutside,
			Want: `cannot be read: the part xl/_rels/workbook.xml.rels has a relationship pointing outside the workbook ("../../../etc/passwd"): the file is damaged; open it in Excel and save it again`},
		{Name: "row past 1,048,576", Make: hugeRow,
			Want: `sheet "Actions": cannot be read completely: row "1048577" is not a row number from 1 to 1048576 (Excel's last row)`},
		{Name: "column past XFD", Make: hugeColumn,
			Want: `sheet "Actions": cannot be read completely: row 2: cell "XFE2" is not a cell reference within Excel's 16384 columns and 1048576 rows`},
		{Name: "shared string out of range", Make: badSharedString,
			Want: `sheet "Actions": cannot be read completely: cell A2 refers to shared string "7", which the workbook does not have; the file is damaged: open it in Excel and save it again`},
		{Name: "second root element", Make: secondRoot,
			Want: `sheet "Actions": cannot be read completely: the part xl/worksheets/sheet1.xml has a second root element <worksheet>: the file is damaged; open it in Excel and save it again`},
		{Name: "200,001 actions", Make: manyActions, Heavy: true,
			Want: `sheet "Actions", row 200002: the plan has more than 200000 rows of issues, outcomes, recommendations and actions, agsreport's limit; this row and those below it are not read`},
	}
}

// Header is the header row of the worksheets made here, and Row a data
// row under it.
var (
	Header = []string{"Issue Ref", "Action Ref", "Action", "Target Date", "Status"}
	Row    = []string{"A", "1(i)", "Review the contracts.", "By 31st March 2018", "COMPLETE"}
)

// InlineRow writes a row of inline-string cells from column A.
func InlineRow(num int, values []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, num)
	for i, v := range values {
		fmt.Fprintf(&b, `<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, string(rune('A'+i)), num, xmlEscape(v))
	}
	b.WriteString(`</row>`)
	return b.String()
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	_ = xmlEscapeTo(&b, s)
	return b.String()
}

func xmlEscapeTo(w io.Writer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	_, err := r.WriteString(w, s)
	return err
}

// Worksheet wraps rows (and what follows sheetData, such as merged
// ranges) in a worksheet part.
func Worksheet(rows, after string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheetData>` + rows + `</sheetData>` + after + `</worksheet>`
}

// Parts returns the parts of a workbook with one sheet, "Actions", whose
// part is sheet.
func Parts(sheet string) map[string]string {
	return map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`</Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
			`</Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Actions" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`</Relationships>`,
		SheetPart: sheet,
	}
}

// Zip writes parts into a zip, in name order, deflated.
func Zip(parts map[string]string) ([]byte, error) {
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, parts[n]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Valid is a small readable workbook: a header and one action.
func Valid() ([]byte, error) {
	return Zip(Parts(Worksheet(InlineRow(1, Header)+InlineRow(2, Row), "")))
}

// deepNesting puts a million nested elements in a cell: about 200 KB
// zipped.
func deepNesting() ([]byte, error) {
	const depth = 1_000_000
	rows := InlineRow(1, Header) + `<row r="2"><c r="A2" t="inlineStr"><is>` +
		strings.Repeat("<r>", depth) + strings.Repeat("</r>", depth) + `</is></c></row>`
	return Zip(Parts(Worksheet(rows, "")))
}

// hugeCell puts 250 MB of text in one cell: about 250 KB zipped.
func hugeCell() ([]byte, error) {
	parts := Parts("")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"} {
		w, err := zw.Create(n)
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, parts[n]); err != nil {
			return nil, err
		}
	}
	w, err := zw.Create(SheetPart)
	if err != nil {
		return nil, err
	}
	head, tail, _ := strings.Cut(Worksheet(InlineRow(1, Header)+`<row r="2"><c r="A2" t="inlineStr"><is><t>@</t></is></c></row>`, ""), "@")
	if _, err := io.WriteString(w, head); err != nil {
		return nil, err
	}
	chunk := bytes.Repeat([]byte("A"), 1<<20)
	for i := 0; i < 250; i++ {
		if _, err := w.Write(chunk); err != nil {
			return nil, err
		}
	}
	if _, err := io.WriteString(w, tail); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// longCell has a cell of 40,000 characters, well-formed but over Excel's
// limit.
func longCell() ([]byte, error) {
	row := append([]string(nil), Row...)
	row[2] = strings.Repeat("x", 40000)
	return Zip(Parts(Worksheet(InlineRow(1, Header)+InlineRow(2, row), "")))
}

// overlappingMerges has 20,000 merged ranges, each overlapping the next:
// about 50 KB zipped. The first two are apart; the overlap is found at the
// second range of column F.
func overlappingMerges() ([]byte, error) {
	var b strings.Builder
	b.WriteString(`<mergeCells count="20000">`)
	b.WriteString(`<mergeCell ref="A10:B11"/>`)
	for i := 1; i < 20000; i++ {
		fmt.Fprintf(&b, `<mergeCell ref="F%d:G%d"/>`, i+2, i+3)
	}
	b.WriteString(`</mergeCells>`)
	return Zip(Parts(Worksheet(InlineRow(1, Header)+InlineRow(2, Row), b.String())))
}

// damagedEntry flips bytes in the middle of the sheet's compressed data.
func damagedEntry() ([]byte, error) {
	var rows strings.Builder
	rows.WriteString(InlineRow(1, Header))
	for i := 2; i <= 101; i++ {
		r := append([]string(nil), Row...)
		r[1] = fmt.Sprintf("%d(i)", i)
		r[2] = fmt.Sprintf("Action %d: review the contract register and report to committee %d.", i, i*7919%1000)
		rows.WriteString(InlineRow(i, r))
	}
	data, err := Zip(Parts(Worksheet(rows.String(), "")))
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name != SheetPart {
			continue
		}
		off, err := f.DataOffset()
		if err != nil {
			return nil, err
		}
		mid := off + int64(f.CompressedSize64)/2
		for i := mid; i < mid+4; i++ {
			data[i] ^= 0x55
		}
		return data, nil
	}
	return nil, fmt.Errorf("no part %s", SheetPart)
}

// truncatedSheet cuts the sheet's XML in the middle of a row; the zip is
// sound.
func truncatedSheet() ([]byte, error) {
	sheet := Worksheet(InlineRow(1, Header)+InlineRow(2, Row)+InlineRow(3, Row), "")
	return Zip(Parts(sheet[:len(sheet)*2/3]))
}

// cutBetweenRows ends the sheet's XML after its second row.
func cutBetweenRows() ([]byte, error) {
	sheet := Worksheet(InlineRow(1, Header)+InlineRow(2, Row)+"@", "")
	cut, _, _ := strings.Cut(sheet, "@")
	return Zip(Parts(cut))
}

// longTag has a start tag of 8 MB: an attribute no cell needs.
func longTag() ([]byte, error) {
	rows := InlineRow(1, Header) + `<row r="2" x="` + strings.Repeat("y", 8<<20) + `"></row>`
	return Zip(Parts(Worksheet(rows, "")))
}

// badChecksum stores the sheet uncompressed and changes one letter of a
// cell's text: the XML stays well-formed, and only the zip checksum tells.
func badChecksum() ([]byte, error) {
	parts := Parts(Worksheet(InlineRow(1, Header)+InlineRow(2, Row), ""))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		method := zip.Deflate
		if n == SheetPart {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: method})
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, parts[n]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	i := bytes.Index(data, []byte("Review the contracts"))
	if i < 0 {
		return nil, fmt.Errorf("no cell text to change")
	}
	data[i] = 'P'
	return data, nil
}

func missingSheet() ([]byte, error) {
	parts := Parts("")
	delete(parts, SheetPart)
	return Zip(parts)
}

func missingWorkbook() ([]byte, error) {
	parts := Parts(Worksheet(InlineRow(1, Header), ""))
	delete(parts, "xl/workbook.xml")
	return Zip(parts)
}

func relOutside() ([]byte, error) {
	parts := Parts(Worksheet(InlineRow(1, Header), ""))
	parts["xl/_rels/workbook.xml.rels"] = strings.Replace(parts["xl/_rels/workbook.xml.rels"], `Target="worksheets/sheet1.xml"`, `Target="../../../etc/passwd"`, 1)
	return Zip(parts)
}

func hugeRow() ([]byte, error) {
	return Zip(Parts(Worksheet(InlineRow(1, Header)+InlineRow(1048577, Row), "")))
}

func hugeColumn() ([]byte, error) {
	return Zip(Parts(Worksheet(InlineRow(1, Header)+`<row r="2"><c r="XFE2"><v>1</v></c></row>`, "")))
}

func badSharedString() ([]byte, error) {
	return Zip(Parts(Worksheet(InlineRow(1, Header)+`<row r="2"><c r="A2" t="s"><v>7</v></c></row>`, "")))
}

// manyActions has one action more than a plan may have.
func manyActions() ([]byte, error) {
	var b strings.Builder
	b.WriteString(InlineRow(1, Header))
	row := append([]string(nil), Row...)
	for i := 2; i <= 200_002; i++ {
		row[1] = fmt.Sprint(i)
		b.WriteString(InlineRow(i, row))
	}
	return Zip(Parts(Worksheet(b.String(), "")))
}

func secondRoot() ([]byte, error) {
	return Zip(Parts(Worksheet(InlineRow(1, Header)+InlineRow(2, Row), "") + `<worksheet/>`))
}
