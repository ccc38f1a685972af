package main

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// column is one column of a sheet's table: its header text and its width in
// Excel's character units.
type column struct {
	Header string
	Width  float64
}

// table is one sheet laid out the way a governance officer keeps it: a title
// row merged across the table, a blank row, a header row, then data rows.
// A data cell whose value is ditto is covered by a cell merged down from the
// nearest row above in the same column; the first data row never holds ditto.
type table struct {
	Sheet   string
	Title   string
	Columns []column
	Rows    [][]string
	// StatusColumn is the 0-based column whose values are statuses, filled
	// with the status's colour; -1 for none.
	StatusColumn int
	// Above are lines written under the title, one a row, before the blank
	// row and the header row (the governance issue the table is about and
	// its lead manager, say); the header row moves down by as many rows.
	Above []string
	// Bands are the data rows (0-based) whose one value, in the first
	// column, is merged across the table: a strategic-outcome band, or a
	// key under the table. No ditto crosses a band.
	Bands map[int]bool
	// Hidden hides the sheet (an archived plan kept in the workbook).
	Hidden bool
	// Typed are the data cells, by 0-based row and column, that hold a
	// number rather than text: a date, or a percentage, as Excel stores
	// what a person types. The row's text for the cell is what Excel
	// shows, which row heights are measured from.
	Typed map[[2]int]typed
}

// typed is a number cell and how Excel shows it: a number format such as
// "0%" or "d mmmm yyyy", or "" for General.
type typed struct {
	Value  float64
	Format string
}

// serial is the Excel serial number of a date (1900 date system).
func serial(y int, m time.Month, d int) float64 {
	return math.Round(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// Rows of every table sheet.
const (
	titleRow  = 1
	headerRow = 3
	firstData = 4
)

// statusFills are the fills of the council's status vocabulary, as the job
// file colours them.
var statusFills = map[string]string{
	"COMPLETE":      "C6EFCE",
	"ON TARGET":     "DDEBF7",
	"ONGOING":       "FFF2CC",
	"BEHIND TARGET": "FFC7CE",
}

// styles are the style IDs of one workbook.
type styles struct {
	title, header, data, band int
	dataStyle                 excelize.Style // what band rows are styled from
	status                    map[string]int
	numbers                   map[string]int // data styles by number format
}

// numberStyle is the data style with a number format ("" for General),
// made the first time a workbook needs it, so that workbooks without
// number cells keep their bytes.
func (s *styles) numberStyle(f *excelize.File, format string) (int, error) {
	if format == "" {
		return s.data, nil
	}
	if id, ok := s.numbers[format]; ok {
		return id, nil
	}
	st := s.dataStyle
	st.CustomNumFmt = &format
	id, err := f.NewStyle(&st)
	if err != nil {
		return 0, fmt.Errorf("number style %q: %w", format, err)
	}
	if s.numbers == nil {
		s.numbers = map[string]int{}
	}
	s.numbers[format] = id
	return id, nil
}

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1},
		{Type: "right", Color: "808080", Style: 1},
		{Type: "bottom", Color: "808080", Style: 1},
	}
	var s styles
	var err error
	if s.title, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Family: fontName, Size: titleSize},
		Alignment: &excelize.Alignment{Vertical: "center"},
	}); err != nil {
		return s, fmt.Errorf("title style: %w", err)
	}
	if s.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Family: fontName, Size: fontSize},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		Border:    border,
	}); err != nil {
		return s, fmt.Errorf("header style: %w", err)
	}
	data := excelize.Style{
		Font:      &excelize.Font{Family: fontName, Size: fontSize},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		Border:    border,
	}
	if s.data, err = f.NewStyle(&data); err != nil {
		return s, fmt.Errorf("data style: %w", err)
	}
	s.dataStyle = data
	s.status = map[string]int{}
	for _, name := range []string{"COMPLETE", "ON TARGET", "ONGOING", "BEHIND TARGET"} {
		st := data
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{statusFills[name]}}
		if s.status[name], err = f.NewStyle(&st); err != nil {
			return s, fmt.Errorf("status style %q: %w", name, err)
		}
	}
	return s, nil
}

// headerRow is the table's header row: row 3, under the title and a blank
// row, or lower by the lines Above.
func (t table) headerRow() int { return headerRow + len(t.Above) }

// firstData is the table's first data row.
func (t table) firstData() int { return firstData + len(t.Above) }

// span is a run of data rows one merged cell covers in one column, as
// 0-based data row indexes, first and last inclusive.
type span struct {
	col, first, last int
}

// spans finds the merged cells of a table's data rows from its ditto marks.
// A run of one row is not a merge and is not returned.
func (t table) spans() ([]span, error) {
	var out []span
	for c := range t.Columns {
		for r := 0; r < len(t.Rows); r++ {
			if t.Bands[r] {
				continue
			}
			if t.cell(r, c) == ditto {
				return nil, fmt.Errorf("sheet %q: row %d, column %q: ditto with no cell above", t.Sheet, r+1, t.Columns[c].Header)
			}
			last := r
			for last+1 < len(t.Rows) && !t.Bands[last+1] && t.cell(last+1, c) == ditto {
				last++
			}
			if last > r {
				out = append(out, span{c, r, last})
			}
			r = last
		}
	}
	return out, nil
}

// cell returns the text of data row r, column c ("" past the row's end).
func (t table) cell(r, c int) string {
	if c < len(t.Rows[r]) {
		return t.Rows[r][c]
	}
	return ""
}

// heights estimates the height of each data row so that its text shows:
// the tallest unmerged cell, and for a merged cell whose text needs more
// than the rows it covers, the shortfall shared among them.
func (t table) heights(m *measurer, spans []span) []float64 {
	covered := map[[2]int]bool{}
	for _, s := range spans {
		for r := s.first; r <= s.last; r++ {
			covered[[2]int{r, s.col}] = true
		}
	}
	hs := make([]float64, len(t.Rows))
	total := 0.0
	for _, col := range t.Columns {
		total += col.Width
	}
	for r := range t.Rows {
		lines := 1
		if t.Bands[r] {
			hs[r] = height(m.lines(t.cell(r, 0), total, fontSize, true), fontSize)
			continue
		}
		for c, col := range t.Columns {
			if !covered[[2]int{r, c}] {
				lines = max(lines, m.lines(t.cell(r, c), col.Width, fontSize, false))
			}
		}
		hs[r] = height(lines, fontSize)
	}
	for _, s := range spans {
		need := height(m.lines(t.cell(s.first, s.col), t.Columns[s.col].Width, fontSize, false), fontSize)
		have := 0.0
		for r := s.first; r <= s.last; r++ {
			have += hs[r]
		}
		if need > have {
			extra := math.Ceil((need - have) / float64(s.last-s.first+1))
			for r := s.first; r <= s.last; r++ {
				hs[r] += extra
			}
		}
	}
	for r := range hs {
		hs[r] = min(hs[r], maxHeight)
	}
	return hs
}

// write adds the table as a new sheet of f.
func (t table) write(f *excelize.File, st *styles, m *measurer) error {
	if len(t.Columns) == 0 {
		return fmt.Errorf("sheet %q: no columns", t.Sheet)
	}
	if _, err := f.NewSheet(t.Sheet); err != nil {
		return fmt.Errorf("sheet %q: %w", t.Sheet, err)
	}
	spans, err := t.spans()
	if err != nil {
		return err
	}
	last := len(t.Columns)
	cellName := func(col, row int) string {
		name, _ := excelize.CoordinatesToCellName(col, row) // col and row are always ≥ 1
		return name
	}
	for i, c := range t.Columns {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(t.Sheet, name, name, c.Width); err != nil {
			return fmt.Errorf("sheet %q: column %s width: %w", t.Sheet, name, err)
		}
	}
	// Title row, merged across the table.
	if err := f.SetCellStr(t.Sheet, cellName(1, titleRow), t.Title); err != nil {
		return fmt.Errorf("sheet %q: title: %w", t.Sheet, err)
	}
	if err := f.MergeCell(t.Sheet, cellName(1, titleRow), cellName(last, titleRow)); err != nil {
		return fmt.Errorf("sheet %q: title merge: %w", t.Sheet, err)
	}
	if err := f.SetCellStyle(t.Sheet, cellName(1, titleRow), cellName(last, titleRow), st.title); err != nil {
		return fmt.Errorf("sheet %q: title style: %w", t.Sheet, err)
	}
	if err := f.SetRowHeight(t.Sheet, titleRow, height(1, titleSize)); err != nil {
		return fmt.Errorf("sheet %q: title height: %w", t.Sheet, err)
	}
	for i, line := range t.Above {
		row := titleRow + 1 + i
		if err := f.SetCellStr(t.Sheet, cellName(1, row), line); err != nil {
			return fmt.Errorf("sheet %q: row %d: %w", t.Sheet, row, err)
		}
		if err := f.MergeCell(t.Sheet, cellName(1, row), cellName(last, row)); err != nil {
			return fmt.Errorf("sheet %q: row %d merge: %w", t.Sheet, row, err)
		}
		style := st.data
		if i == 0 {
			style = st.title
		}
		if err := f.SetCellStyle(t.Sheet, cellName(1, row), cellName(last, row), style); err != nil {
			return fmt.Errorf("sheet %q: row %d style: %w", t.Sheet, row, err)
		}
		total := 0.0
		for _, c := range t.Columns {
			total += c.Width
		}
		if err := f.SetRowHeight(t.Sheet, row, height(m.lines(line, total, fontSize, i == 0), fontSize)); err != nil {
			return fmt.Errorf("sheet %q: row %d height: %w", t.Sheet, row, err)
		}
	}
	headerRow, firstData := t.headerRow(), t.firstData()
	// Header row.
	headerLines := 1
	for i, c := range t.Columns {
		if err := f.SetCellStr(t.Sheet, cellName(i+1, headerRow), c.Header); err != nil {
			return fmt.Errorf("sheet %q: header %q: %w", t.Sheet, c.Header, err)
		}
		headerLines = max(headerLines, m.lines(c.Header, c.Width, fontSize, true))
	}
	if err := f.SetCellStyle(t.Sheet, cellName(1, headerRow), cellName(last, headerRow), st.header); err != nil {
		return fmt.Errorf("sheet %q: header style: %w", t.Sheet, err)
	}
	if err := f.SetRowHeight(t.Sheet, headerRow, height(headerLines, fontSize)); err != nil {
		return fmt.Errorf("sheet %q: header height: %w", t.Sheet, err)
	}
	// Data rows. Cells are written as strings, never as formulas; only
	// the cells of Typed are numbers.
	hs := t.heights(m, spans)
	for r := range t.Rows {
		row := firstData + r
		for c := range t.Columns {
			v := t.cell(r, c)
			style := st.data
			if c == t.StatusColumn {
				if id, ok := st.status[v]; ok {
					style = id
				}
			}
			if n, ok := t.Typed[[2]int{r, c}]; ok {
				if style, err = st.numberStyle(f, n.Format); err != nil {
					return fmt.Errorf("sheet %q: cell %s: %w", t.Sheet, cellName(c+1, row), err)
				}
				if err := f.SetCellFloat(t.Sheet, cellName(c+1, row), n.Value, -1, 64); err != nil {
					return fmt.Errorf("sheet %q: cell %s: %w", t.Sheet, cellName(c+1, row), err)
				}
			} else if v != ditto && v != "" {
				if err := f.SetCellStr(t.Sheet, cellName(c+1, row), v); err != nil {
					return fmt.Errorf("sheet %q: cell %s: %w", t.Sheet, cellName(c+1, row), err)
				}
			}
			if err := f.SetCellStyle(t.Sheet, cellName(c+1, row), cellName(c+1, row), style); err != nil {
				return fmt.Errorf("sheet %q: cell %s style: %w", t.Sheet, cellName(c+1, row), err)
			}
		}
		if err := f.SetRowHeight(t.Sheet, row, hs[r]); err != nil {
			return fmt.Errorf("sheet %q: row %d height: %w", t.Sheet, row, err)
		}
	}
	if len(t.Bands) > 0 && st.band == 0 {
		// Only a workbook with bands has the band style, so that the
		// other example workbooks keep their bytes.
		band := st.dataStyle
		band.Font = &excelize.Font{Bold: true, Family: fontName, Size: fontSize}
		band.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
		id, err := f.NewStyle(&band)
		if err != nil {
			return fmt.Errorf("sheet %q: band style: %w", t.Sheet, err)
		}
		st.band = id
	}
	for r := range t.Rows {
		if !t.Bands[r] {
			continue
		}
		row := firstData + r
		if err := f.MergeCell(t.Sheet, cellName(1, row), cellName(last, row)); err != nil {
			return fmt.Errorf("sheet %q: band %d merge: %w", t.Sheet, row, err)
		}
		if err := f.SetCellStyle(t.Sheet, cellName(1, row), cellName(last, row), st.band); err != nil {
			return fmt.Errorf("sheet %q: band %d style: %w", t.Sheet, row, err)
		}
	}
	if t.Hidden {
		if err := f.SetSheetVisible(t.Sheet, false); err != nil {
			return fmt.Errorf("sheet %q: hide: %w", t.Sheet, err)
		}
	}
	for _, s := range spans {
		top, bottom := cellName(s.col+1, firstData+s.first), cellName(s.col+1, firstData+s.last)
		if err := f.MergeCell(t.Sheet, top, bottom); err != nil {
			return fmt.Errorf("sheet %q: merge %s:%s: %w", t.Sheet, top, bottom, err)
		}
	}
	return t.pageSetup(f)
}

// pageSetup freezes the rows down to the header, and prints the sheet
// landscape on A4, one page wide, with the header row repeated and page
// numbers in the footer.
func (t table) pageSetup(f *excelize.File) error {
	headerRow, firstData := t.headerRow(), t.firstData()
	top := fmt.Sprintf("A%d", firstData)
	if err := f.SetPanes(t.Sheet, &excelize.Panes{
		Freeze: true, YSplit: headerRow, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
	}); err != nil {
		return fmt.Errorf("sheet %q: freeze panes: %w", t.Sheet, err)
	}
	landscape, a4, wide, tall := "landscape", 9, 1, 0
	if err := f.SetPageLayout(t.Sheet, &excelize.PageLayoutOptions{
		Orientation: &landscape, Size: &a4, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return fmt.Errorf("sheet %q: page layout: %w", t.Sheet, err)
	}
	fit := true
	if err := f.SetSheetProps(t.Sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("sheet %q: fit to page: %w", t.Sheet, err)
	}
	margin, edge := 0.5, 0.3
	if err := f.SetPageMargins(t.Sheet, &excelize.PageLayoutMarginsOptions{
		Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge,
	}); err != nil {
		return fmt.Errorf("sheet %q: margins: %w", t.Sheet, err)
	}
	if err := f.SetHeaderFooter(t.Sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&L" + strings.ReplaceAll(t.Title, "&", "&&") + "&RPage &P of &N",
	}); err != nil {
		return fmt.Errorf("sheet %q: footer: %w", t.Sheet, err)
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", t.Sheet, headerRow, headerRow),
		Scope:    t.Sheet,
	}); err != nil {
		return fmt.Errorf("sheet %q: print titles: %w", t.Sheet, err)
	}
	return nil
}

// book is one workbook to write: its path under the examples directory, its
// title and its sheets in order.
type book struct {
	Path   string
	Title  string
	Tables []table
}

// created is the fixed date of every workbook's document properties, so
// that the files are the same bytes each time they are written.
const created = "2018-03-01T09:00:00Z"

// bytes renders the workbook.
func (b book) bytes(m *measurer) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDefaultFont(fontName); err != nil {
		return nil, fmt.Errorf("%s: default font: %w", b.Path, err)
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", b.Path, err)
	}
	for _, t := range b.Tables {
		if err := t.write(f, &st, m); err != nil {
			return nil, fmt.Errorf("%s: %w", b.Path, err)
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return nil, fmt.Errorf("%s: %w", b.Path, err)
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          b.Title,
		Creator:        "Cumbria County Council",
		LastModifiedBy: "agsreport examples",
		Created:        created,
		Modified:       created,
		Language:       "en-GB",
	}); err != nil {
		return nil, fmt.Errorf("%s: document properties: %w", b.Path, err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", b.Path, err)
	}
	return buf.Bytes(), nil
}
