package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/safefs"
)

// maxCSV bounds a CSV file's size; the bounds on workbooks are in xlsx.go.
const maxCSV = 256 << 20

// Signatures of the file formats told apart by their first bytes.
var (
	zipMagic = []byte("PK\x03\x04")
	zipEmpty = []byte("PK\x05\x06")
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// cell is one cell's value as read: text as the workbook shows it, raw as it
// is stored (the serial of a date, for instance; "" when the source keeps
// no separate stored value, as in CSV).
type cell struct {
	text   string
	raw    string
	date   bool // raw is an ISO date-time (a cell of type "d")
	filled bool // copied from the top-left cell of a merged range
	// merged names the range ("J12:J14") when the cell is in a range merged
	// down over several rows, so that a value the plan merges over several
	// actions can be printed once, spanning, as the source has it.
	merged string
	// formula is the cell's formula as stored, without the leading "="
	// ("SUM(A1:A3)"); "" when the cell holds no formula.
	formula string
	// cached reports, for a formula cell, whether the workbook stores a
	// value computed by the program that saved it; text and raw are that
	// value. A formula cell with cached false has text and raw "".
	cached bool
	// fill is the cell's solid background colour as six upper-case hex
	// digits ("C6EFCE"), "" when the cell has no solid fill.
	fill string
}

// sheetState is whether a sheet shows in Excel's sheet tabs.
type sheetState uint8

// The states of a sheet, as the workbook stores them.
const (
	sheetVisible    sheetState = iota
	sheetHidden                // hidden; Excel's "Unhide" lists it
	sheetVeryHidden            // hidden so that only a macro can show it again
)

// String gives the state as the workbook names it.
func (s sheetState) String() string {
	switch s {
	case sheetHidden:
		return "hidden"
	case sheetVeryHidden:
		return "veryHidden"
	}
	return "visible"
}

// rowIter streams a sheet's rows in order.
type rowIter interface {
	// next moves to the next row and reports whether there is one. Rows
	// come in order; blank rows may be left out (a workbook's rows are
	// those its sheet holds), so row numbers can jump.
	next() bool
	// row is the current row's 1-based number.
	row() int
	// cells returns the current row's cells, from column A.
	cells() ([]cell, error)
	// hidden reports whether the current row is hidden.
	hidden() bool
	// close releases what the iterator holds and returns any error the
	// iteration met.
	close() error
}

// area is a merged range, 1-based and inclusive.
type area struct {
	top, left, bottom, right int
}

// source is an opened workbook or CSV file.
type source interface {
	// sheets lists the worksheet names in workbook order; nil for CSV.
	sheets() []string
	// state reports whether a sheet is visible or hidden; visible for CSV
	// and for a name that is no sheet.
	state(sheet string) sheetState
	// rows streams a sheet's rows; raw asks for stored values as well as
	// shown ones.
	rows(sheet string, raw bool) (rowIter, error)
	// merges lists the sheet's merged ranges sorted by top row.
	merges(sheet string) ([]area, error)
	// date1904 reports whether date serials count from 1904.
	date1904() bool
	close()
}

// openSource opens the file a spec names, once, telling apart the formats
// by content rather than by name; the checks that it is a regular file are
// made on the opened file (see safefs.OpenRegular). Its errors are meant
// for people: they say what is wrong with the file and what to do.
func openSource(path string) (source, error) {
	f, st, err := safefs.OpenRegular(path, "workbook")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New("file not found")
	case err != nil:
		return nil, err // a folder, device, FIFO or socket: never read
	}
	head := make([]byte, 8)
	n, err := f.ReadAt(head, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		_ = f.Close() // read-only: nothing to lose
		return nil, fmt.Errorf("cannot be read: %w", err)
	}
	head = head[:n]
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.Equal(head, cfbMagic):
		_ = f.Close()
		return nil, errors.New(passwordProtected)
	case bytes.HasPrefix(head, zipMagic) || bytes.HasPrefix(head, zipEmpty):
		return openWorkbook(f, st.Size())
	case ext == ".csv" || ext == ".txt":
		defer f.Close() // read-only: nothing to lose
		if st.Size() > maxCSV {
			return nil, fmt.Errorf("is too large for a CSV file (%d MB; at most %d MB)", st.Size()>>20, maxCSV>>20)
		}
		data, err := io.ReadAll(io.LimitReader(f, maxCSV+1))
		if err != nil {
			return nil, fmt.Errorf("cannot be read: %w", err)
		}
		if len(data) > maxCSV { // it grew while being read
			return nil, fmt.Errorf("is too large for a CSV file (more than %d MB)", maxCSV>>20)
		}
		return newCSVSource(data), nil
	}
	_ = f.Close()
	return nil, errors.New("is not an Excel workbook (.xlsx) or CSV file")
}

// excelDate reads a cell stored as a date: a serial number in the
// workbook's date system, or an ISO date-time. It reports false when the
// cell is not stored as a number or the number is no date. Cells whose shown
// text is the stored number itself (General format) are not taken as dates.
func excelDate(c cell, is1904 bool) (plan.Date, bool) {
	raw := strings.TrimSpace(c.raw)
	if raw == "" || raw == strings.TrimSpace(c.text) {
		return plan.Date{}, false
	}
	if d, ok := isoDate(raw); ok {
		return d, true
	}
	serial, ok := parseNumber(raw)
	if !ok {
		return plan.Date{}, false
	}
	return plan.ExcelDate(serial, is1904)
}

// isoDate reads "2018-03-31" or "2018-03-31T00:00:00", as cells of type "d"
// store them.
func isoDate(s string) (plan.Date, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' || (len(s) > 10 && s[10] != 'T') {
		return plan.Date{}, false
	}
	y, m, d := atoiStrict(s[:4]), atoiStrict(s[5:7]), atoiStrict(s[8:10])
	if y < 0 || m < 0 || d < 0 {
		return plan.Date{}, false
	}
	return plan.MakeDate(y, timeMonth(m), d)
}
