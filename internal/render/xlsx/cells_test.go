package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/report"
)

// edgeRows are rows holding every kind of value the layout makes, with
// text that needs escaping, keeping spaces or cutting.
func edgeRows() []row {
	long := strings.Repeat("ab€", 12000) // over a cell's 32,767 UTF-16 units
	rich := func(size float64, colour string, runs ...richRun) richText {
		return richText{size: size, colour: colour, runs: runs}
	}
	texts := []string{
		"", "plain", " leading", "trailing ", "\nnewline first", "a\nb\n\nc", "tab\there", "cr\rhere",
		`<&>"'`, "_x0041_ stays", "_x005F_ too", "_x005F_x0041_", "_xZZZZ_ is not one", "ctrl\x01char",
		"bad \xff byte", "€ £ • – 𝄞", "=1+1", long,
	}
	var rows []row
	for i, s := range texts {
		rows = append(rows, row{height: float64(i%3) * 7.25, cells: []cell{{style: 1, set: true, value: s}, {}, {style: 2, set: true}}})
	}
	rows = append(rows,
		row{height: 409, cells: []cell{
			{style: 3, set: true, value: rich(9, "", richRun{text: "Bold ", bold: true}, richRun{text: "then plain\n\n"}, richRun{text: "italic", italic: true})},
			{style: 3, set: true, value: rich(10.5, "#1f3864", richRun{text: " both ", bold: true, italic: true}, richRun{text: `<&>"'_x0041_`})},
			{style: 3, set: true, value: rich(0.5, "bad", richRun{text: "tiny"}, richRun{text: "tiny bold", bold: true})},
		}},
		row{cells: []cell{
			{style: 4, set: true, value: 0.0}, {style: 4, set: true, value: 3.0}, {style: 4, set: true, value: -2.5},
			{style: 4, set: true, value: 1.0 / 3}, {style: 4, set: true, value: 123456789012.5}, {style: 4, set: true, value: 1e20},
		}},
		row{cells: []cell{
			{style: 5, set: true, value: time.Date(2018, 3, 31, 0, 0, 0, 0, time.UTC)},
			{style: 5, set: true, value: time.Date(1900, 2, 28, 0, 0, 0, 0, time.UTC)},
			{style: 5, set: true, value: time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)},
			{style: 5, set: true, value: time.Date(2024, 9, 30, 15, 30, 0, 0, time.UTC)},
			{style: 5, set: true, value: time.Date(1850, 1, 1, 0, 0, 0, 0, time.UTC)},
			{style: 5, set: true, value: time.Date(2024, 9, 30, 0, 0, 0, 0, time.FixedZone("BST", 3600))},
		}},
	)
	// A row far to the right: column letters past Z and AZ.
	wide := make([]cell, 760)
	wide[25] = cell{style: 1, set: true, value: "Z"}
	wide[26] = cell{style: 1, set: true, value: "AA"}
	wide[701] = cell{style: 1, set: true, value: "ZZ"}
	wide[702] = cell{style: 1, set: true, value: "AAA"}
	rows = append(rows, row{cells: wide})
	return rows
}

// excelizeValue is the value excelize's SetRow was given for a cell.
func excelizeValue(c cell) any {
	switch v := c.value.(type) {
	case richText:
		runs := make([]excelize.RichTextRun, 0, len(v.runs))
		for _, r := range v.runs {
			f := &excelize.Font{Family: fontFamily, Size: v.size, Bold: r.bold, Italic: r.italic}
			if validColour(v.colour) {
				f.Color = v.colour
			}
			runs = append(runs, excelize.RichTextRun{Text: r.text, Font: f})
		}
		return excelize.Cell{StyleID: int(c.style), Value: runs}
	case string:
		// excelize cuts long text itself.
		return excelize.Cell{StyleID: int(c.style), Value: v}
	}
	return excelize.Cell{StyleID: int(c.style), Value: c.value}
}

var (
	sheetDataRE  = regexp.MustCompile(`(?s)<sheetData>(.*)</sheetData>`)
	mergeCellsRE = regexp.MustCompile(`<mergeCells .*</mergeCells>`)
)

// TestMergePlaceholder checks that excelize writes the one merged area
// the renderer gives it as the placeholder the zip writer replaces.
func TestMergePlaceholder(t *testing.T) {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.MergeCell(mergeMark[0], mergeMark[1]); err != nil {
		t.Fatal(err)
	}
	body := streamedSheet(t, f, sw)
	if bytes.Count(body, []byte(mergePlaceholder)) != 1 || bytes.Count(body, []byte(emptyRows)) != 1 {
		t.Errorf("excelize's sheet does not hold the placeholders once each:\n%s", body)
	}
}

// streamedSheet finishes the stream writer sw of Sheet1 of f, writes the
// workbook and returns the sheet's XML.
func streamedSheet(t *testing.T, f *excelize.File, sw *excelize.StreamWriter) []byte {
	t.Helper()
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	body, ok := partsOf(t, f)["xl/worksheets/sheet1.xml"]
	if !ok {
		t.Fatal("excelize wrote no xl/worksheets/sheet1.xml")
	}
	return body
}

// TestRowsMatchExcelize checks that the rows written here are the bytes
// excelize's StreamWriter.SetRow writes for the same values, which the
// renderer used before. A change in excelize's output shows up here.
func TestRowsMatchExcelize(t *testing.T) {
	rows := edgeRows()
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	for i := 0; i < 5; i++ {
		if _, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Size: float64(9 + i)}}); err != nil {
			t.Fatal(err)
		}
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, rw := range rows {
		vals := make([]any, len(rw.cells))
		for j, c := range rw.cells {
			if c.set {
				vals[j] = excelizeValue(c)
			}
		}
		var opts []excelize.RowOpts
		if rw.height > 0 {
			opts = append(opts, excelize.RowOpts{Height: rw.height})
		}
		cellName, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cellName, vals, opts...); err != nil {
			t.Fatal(err)
		}
	}
	merges := []area{{1, 1, 8, 1}, {2, 3, 2, 30}, {27, 5, 703, 9}, {1, 99, 1, 100}}
	for i := 0; i < 5000; i++ { // more than one piece of output
		merges = append(merges, newArea(3, 200+2*i, 4, 201+2*i))
	}
	for _, m := range merges {
		a, _ := excelize.CoordinatesToCellName(int(m[0]), int(m[1]))
		b, _ := excelize.CoordinatesToCellName(int(m[2]), int(m[3]))
		if err := sw.MergeCell(a, b); err != nil {
			t.Fatal(err)
		}
	}
	sheetXML := streamedSheet(t, f, sw)
	m := sheetDataRE.FindSubmatch(sheetXML)
	if m == nil {
		t.Fatal("no sheetData in excelize's sheet")
	}
	want := m[1]

	var w rowWriter
	wantMerges := mergeCellsRE.Find(sheetXML)
	var gotMerges bytes.Buffer
	if err := w.writeMerges(&gotMerges, merges); err != nil {
		t.Fatal(err)
	}
	if got := gotMerges.Bytes(); !bytes.Equal(got, wantMerges) {
		t.Errorf("merged areas differ from excelize's:\n got: %s\nwant: %s", got, wantMerges)
	}
	var got []byte
	for i := range rows {
		if got, err = w.appendRow(got, i+1, &rows[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		lo := max(i-120, 0)
		t.Fatalf("rows differ from excelize's at byte %d:\n got: %q\nwant: %q", i, got[lo:min(i+120, len(got))], want[lo:min(i+120, len(want))])
	}
}

// TestRowsReadBack writes the edge rows through Render's path and reads
// each value back with excelize: text as it was (cut to a cell's limit),
// numbers and dates as numbers.
func TestRowsReadBack(t *testing.T) {
	texts := []string{"_x0041__x0042_", "_x0041_x0042_", "_xD800_", "a_x005F_x0041_", "x < y & z"}
	var w rowWriter
	var data []byte
	for i, s := range texts {
		var err error
		data, err = w.appendRow(data, i+1, &row{cells: []cell{{set: true, value: s}, {set: true, value: richText{size: 9, runs: []richRun{{text: s, bold: true}, {text: s}}}}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	num := len(texts) + 1
	data, _ = w.appendRow(data, num, &row{cells: []cell{{set: true, value: 0.1 + 0.2}, {set: true, value: 1234567890.12345678}}})
	book := excelize.NewFile()
	defer func() { _ = book.Close() }()
	sw, err := book.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	z := newOrderedZip(nil)
	if err := z.Splice(0, emptyRows, func(w io.Writer) error {
		_, err := fmt.Fprintf(w, "<sheetData>%s</sheetData>", data)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	book.SetZipWriter(func(w io.Writer) excelize.ZipWriter { z.w = w; return z })
	if _, err := book.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	back, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = back.Close() }()
	for i, s := range texts {
		for col := 1; col <= 2; col++ {
			ref, _ := excelize.CoordinatesToCellName(col, i+1)
			got, err := back.GetCellValue("Sheet1", ref)
			if err != nil {
				t.Fatal(err)
			}
			want := s
			if col == 2 {
				want = s + s
			}
			if got != want {
				t.Errorf("%s = %q, want %q", ref, got, want)
			}
		}
	}
	for col, want := range []string{"0.3", "1234567890.12346"} {
		ref, _ := excelize.CoordinatesToCellName(col+1, num)
		got, _ := back.GetCellValue("Sheet1", ref, excelize.Options{RawCellValue: true})
		if got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
}

func TestRowHeightLimit(t *testing.T) {
	var w rowWriter
	if _, err := w.appendRow(nil, 1, &row{height: 409.25}); err == nil {
		t.Error("a row over 409 points was written")
	}
}

func TestCRC32Combine(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, n := range [][2]int{{0, 0}, {0, 5}, {5, 0}, {1, 1}, {100, 3}, {3, 100000}, {70000, 1 << 20}} {
		a := make([]byte, n[0])
		b := make([]byte, n[1])
		rng.Read(a)
		rng.Read(b)
		want := crc32.ChecksumIEEE(append(append([]byte{}, a...), b...))
		if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), uint64(len(b))); got != want {
			t.Errorf("%d+%d bytes: %08x, want %08x", n[0], n[1], got, want)
		}
	}
}

// TestSplicedRows checks the spliced worksheet part: the rows and merges
// end up in place of their placeholders, the checksum holds, and a part
// without a placeholder, or rows for a sheet the workbook lacks, are
// errors.
func TestSplicedRows(t *testing.T) {
	const (
		book = `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
			`<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId4"/></sheets></workbook>`
		rels = `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId4" Target="/xl/worksheets/sheet2.xml"/></Relationships>`
		frame = `<worksheet><cols/>` + emptyRows + `<autoFilter/>` + mergePlaceholder + `<pageSetup/></worksheet>`
	)
	rows := "<sheetData>" + strings.Repeat(`<row r="1"><c r="A1" t="inlineStr"><is><t>text</t></is></c></row>`, 3000) + "</sheetData>"
	merges := `<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A2:A3"/></mergeCells>`
	write := func(frames map[string]string, sheets ...int) ([]byte, error) {
		var out bytes.Buffer
		z := newOrderedZip(&out)
		for _, i := range sheets {
			// The merges first: the order of the splices is not the
			// order of their places.
			if err := z.Splice(i, mergePlaceholder, func(w io.Writer) error { _, err := io.WriteString(w, merges); return err }); err != nil {
				return nil, err
			}
			if err := z.Splice(i, emptyRows, func(w io.Writer) error { _, err := io.WriteString(w, rows); return err }); err != nil {
				return nil, err
			}
		}
		parts := map[string]string{"xl/workbook.xml": book, workbookRels: rels, "xl/styles.xml": "<styleSheet/>"}
		for n, b := range frames {
			parts[n] = b
		}
		for n, b := range parts {
			w, err := z.Create(n)
			if err != nil {
				return nil, err
			}
			if _, err := io.WriteString(w, b); err != nil {
				return nil, err
			}
		}
		err := z.Close()
		return out.Bytes(), err
	}
	data, err := write(map[string]string{"xl/worksheets/sheet1.xml": frame, "xl/worksheets/sheet2.xml": frame}, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	want := `<worksheet><cols/>` + rows + `<autoFilter/>` + merges + `<pageSetup/></worksheet>`
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // checks the CRC-32 at the end
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		if string(got) != want {
			t.Errorf("%s: %d bytes, want %d with the rows inside sheetData", zf.Name, len(got), len(want))
		}
	}
	if _, err := write(map[string]string{"xl/worksheets/sheet1.xml": `<worksheet><sheetData/>` + mergePlaceholder + `</worksheet>`}, 0); err == nil {
		t.Error("rows spliced into a part with no empty sheetData element")
	}
	if _, err := write(map[string]string{"xl/worksheets/sheet1.xml": frame + frame}, 0); err == nil {
		t.Error("rows spliced into a part with two placeholders")
	}
	if _, err := write(map[string]string{"xl/worksheets/sheet1.xml": frame}, 2); err == nil {
		t.Error("rows for a third sheet were accepted")
	}
	if _, err := write(map[string]string{"xl/worksheets/sheet1.xml": frame}, 1); err == nil {
		t.Error("rows for a sheet whose part is missing were accepted")
	}
}

// TestCellValueRich checks that mixed faces give rich text with the
// cell's size and colour.
func TestCellValueRich(t *testing.T) {
	v, _, _ := cellValue(report.Markup("**Bold** and *italic*"), 9, "#112233", false)
	rt, ok := v.(richText)
	if !ok {
		t.Fatalf("value %T, want richText", v)
	}
	if rt.size != 9 || rt.colour != "#112233" || len(rt.runs) != 3 || !rt.runs[0].bold || !rt.runs[2].italic {
		t.Errorf("rich text %+v", rt)
	}
}
