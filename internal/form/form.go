// Package form holds what the workbook forms agsreport sends out and reads
// back have in common — progress returns (package returns) and approvals
// sheets (package approvals): their cell styles, title lines, hidden marker
// sheet, and print and protection set-up. Each form keeps its own layout
// and writer; this package only keeps them alike.
package form

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Styles are a form's cell formats: the title and subtitle, notes, the
// header of columns officers read and of columns they fill in, locked
// cells (grey, holding agsreport's text) and input cells (text format, so
// that "- done" or "=see above" stays text).
type Styles struct {
	Title, Subtitle, Note, Header, HeaderInput, Locked, Input int
}

// border is every form cell's thin grey border.
var border = []excelize.Border{
	{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
	{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
}

// NewStyles creates the form styles in f.
func NewStyles(f *excelize.File) (Styles, error) {
	var s Styles
	defs := []struct {
		dst *int
		st  *excelize.Style
	}{
		{&s.Title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Family: "Arial"}}},
		{&s.Subtitle, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Family: "Arial"}}},
		{&s.Note, &excelize.Style{Font: &excelize.Font{Size: 10, Family: "Arial"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.Header, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF", Family: "Arial", Size: 10},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F3864"}}, Border: border,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}}},
		{&s.HeaderInput, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF", Family: "Arial", Size: 10},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"375623"}}, Border: border,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}}},
		{&s.Locked, &excelize.Style{Font: &excelize.Font{Family: "Arial", Size: 10},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}, Border: border,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Protection: &excelize.Protection{Locked: true}}},
		// Input cells are formatted as text (number format 49, "@"), so an
		// update typed as "- done" or "=see above" stays text.
		{&s.Input, &excelize.Style{Font: &excelize.Font{Family: "Arial", Size: 10}, Border: border, NumFmt: 49,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Protection: &excelize.Protection{Locked: false}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(d.st)
		if err != nil {
			return s, err
		}
		*d.dst = id
	}
	// Locked cells hold the plan's text, which may start with "=", "+",
	// "-" or "@": the quote prefix keeps it text if the sheet is unprotected
	// and a cell edited. excelize's Style cannot express it; its style sheet
	// can. The returns tests read it back with openpyxl.
	if f.Styles == nil || f.Styles.CellXfs == nil || s.Locked >= len(f.Styles.CellXfs.Xf) {
		return s, fmt.Errorf("form: cell format %d not found", s.Locked)
	}
	yes := true
	f.Styles.CellXfs.Xf[s.Locked].QuotePrefix = &yes
	return s, nil
}

// New returns a new workbook whose first sheet is named sheet, with the
// form styles and the columns' widths (Excel's character units). The
// caller closes it.
func New(sheet string, widths []float64) (*excelize.File, Styles, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		f.Close()
		return nil, Styles{}, err
	}
	st, err := NewStyles(f)
	if err != nil {
		f.Close()
		return nil, Styles{}, err
	}
	for i, w := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, name, name, w); err != nil {
			f.Close()
			return nil, Styles{}, err
		}
	}
	return f, st, nil
}

// Set writes text into a cell with a style.
func Set(f *excelize.File, sheet, cell, v string, style int) error {
	if err := f.SetCellStr(sheet, cell, v); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, style)
}

// Headers writes the column headings into row, the last inputs of them in
// the style of columns to fill in.
func Headers(f *excelize.File, sheet string, row int, cols []string, inputs int, st Styles) error {
	for i, c := range cols {
		cell, _ := excelize.CoordinatesToCellName(i+1, row)
		style := st.Header
		if i >= len(cols)-inputs {
			style = st.HeaderInput
		}
		if err := Set(f, sheet, cell, c, style); err != nil {
			return err
		}
	}
	return nil
}

// Title is a form's first line: the organisation, a dash and the plan's
// title, or the title alone.
func Title(org, title string) string {
	if org != "" {
		return org + " — " + title
	}
	return title
}

// DateInput creates the style of an input cell for a date, shown as
// "12 Dec 2023", so that a date typed into it is a date.
func DateInput(f *excelize.File) (int, error) {
	format := "d mmm yyyy"
	return f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Arial", Size: 10}, Border: border, CustomNumFmt: &format,
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Protection: &excelize.Protection{Locked: false}})
}

// Line is one line of text above a form's table.
type Line struct {
	Text  string
	Style int
}

// Lines writes lines into rows 1, 2, … of sheet, each merged across to
// column last ("J").
func Lines(f *excelize.File, sheet, last string, lines []Line) error {
	for i, l := range lines {
		cell := fmt.Sprintf("A%d", i+1)
		if err := f.SetCellStr(sheet, cell, l.Text); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell, cell, l.Style); err != nil {
			return err
		}
		if err := f.MergeCell(sheet, cell, fmt.Sprintf("%s%d", last, i+1)); err != nil {
			return err
		}
	}
	return nil
}

// WriteMarker adds the hidden sheet that tells the reader which form a
// workbook is: keys in column A, values in column B, from row 1.
func WriteMarker(f *excelize.File, sheet string, kv [][2]string) error {
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	for i, x := range kv {
		if err := f.SetCellStr(sheet, fmt.Sprintf("A%d", i+1), x[0]); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, fmt.Sprintf("B%d", i+1), x[1]); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(sheet, false, true); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return nil
}

// Page is how a form's sheet prints: its header row repeated on every
// page, landscape A4 one page wide, and the running header and footer (in
// Excel's codes; "" for none).
type Page struct {
	Sheet          string
	HeaderRow      int
	Header, Footer string
}

// Finish freezes the rows down to the header row, sets up printing,
// protects the sheet (only input cells can be edited), sets the document
// properties with date as created and modified (the zero date: 1 January
// 2000, so that the same input gives the same bytes) and returns the
// workbook's bytes.
func Finish(f *excelize.File, pg Page, props excelize.DocProperties, date time.Time) ([]byte, error) {
	sh, hr := pg.Sheet, pg.HeaderRow
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: hr, TopLeftCell: fmt.Sprintf("A%d", hr+1), ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sh, hr, hr), Scope: sh}); err != nil {
		return nil, err
	}
	fit := true
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	orient, size, wide, tall := "landscape", 9, 1, 0
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Orientation: &orient, Size: &size, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return nil, err
	}
	if pg.Header != "" || pg.Footer != "" {
		if err := f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddHeader: pg.Header, OddFooter: pg.Footer}); err != nil {
			return nil, err
		}
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatRows: true, FormatColumns: true,
		EditObjects: false, Sort: false, AutoFilter: false,
	}); err != nil {
		return nil, err
	}
	if date.IsZero() {
		date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	stamp := date.UTC().Format(time.RFC3339)
	props.Creator, props.Created, props.Modified = "agsreport", stamp, stamp
	if err := f.SetDocProps(&props); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RowHeight estimates the height a row needs for its wrapped text, since
// spreadsheet files do not fit rows to their text by themselves: values
// in columns of the given widths (Excel's character units), at least 30
// points.
func RowHeight(values []string, widths []float64) float64 {
	lines := 1.0
	for i, v := range values {
		chars := math.Max(1, widths[i]*1.1)
		n := 0.0
		for _, para := range strings.Split(v, "\n") {
			n += math.Max(1, math.Ceil(float64(utf8.RuneCountInString(para))/chars))
		}
		lines = math.Max(lines, n)
	}
	return math.Min(409, math.Max(30, lines*13+4))
}
