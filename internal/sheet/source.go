package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/safefs"
)

// Bounds for files from outside: a workbook may unzip to at most
// maxUnzip bytes; a worksheet part larger than maxXMLPart is streamed from a
// temporary file rather than held in memory; a CSV file may be at most
// maxCSV bytes.
const (
	maxUnzip   = 256 << 20
	maxXMLPart = 4 << 20
	maxCSV     = 256 << 20
)

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
	// next moves to the next row and reports whether there is one.
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

// openSource opens the file a spec names, telling apart the formats by
// content rather than by name. Its errors are meant for people: they say what
// is wrong with the file and what to do.
func openSource(path string) (source, error) {
	if err := safefs.Regular(path, "workbook"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err // a device, FIFO or socket: never opened
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New("file not found")
	case err != nil:
		return nil, fmt.Errorf("cannot be read: %w", err)
	case st.IsDir():
		return nil, errors.New("is a folder, not a workbook")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %w", err)
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("cannot be read: %w", err)
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.Equal(head, cfbMagic):
		return nil, errors.New("is password-protected (or an old .xls file); save it without a password as .xlsx")
	case bytes.HasPrefix(head, zipMagic) || bytes.HasPrefix(head, zipEmpty):
		return openWorkbook(path)
	case ext == ".csv" || ext == ".txt":
		if st.Size() > maxCSV {
			return nil, fmt.Errorf("is too large for a CSV file (%d MB; at most %d MB)", st.Size()>>20, maxCSV>>20)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("cannot be read: %w", err)
		}
		return newCSVSource(data), nil
	}
	return nil, errors.New("is not an Excel workbook (.xlsx) or CSV file")
}

// damaged is the message for a zip that excelize or archive/zip cannot read.
const damaged = "is damaged or incomplete (not a readable .xlsx file); open it in Excel and save it again"

// workbook is an .xlsx or .xlsm file opened read-only through excelize; the
// merged ranges are read from the zip directly, streaming, because excelize
// loads the whole sheet to list them.
type workbook struct {
	f      *excelize.File
	rawF   *excelize.File // a second, independent opening for stored values; nil until needed
	path   string
	zr     *zip.ReadCloser
	names  []string
	parts  map[string]string // sheet name → part path in the zip
	states map[string]sheetState
	is1904 bool
}

func openWorkbook(path string) (source, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, errors.New(damaged)
	}
	if err := checkZip(&zr.Reader); err != nil {
		_ = zr.Close()
		return nil, err
	}
	wb, err := openExcelize(path)
	if err != nil {
		_ = zr.Close()
		return nil, err
	}
	wb.zr = zr
	wb.path = path
	wb.parts, wb.states, err = sheetParts(&zr.Reader)
	if err != nil {
		wb.close()
		return nil, fmt.Errorf("%s: %w", damaged, err)
	}
	return wb, nil
}

// checkZip refuses a zip whose parts claim sizes they cannot have: excelize
// sets aside the claimed size of each part before reading it, so a damaged
// or hostile file could otherwise make it allocate gigabytes. Deflate packs
// at most about 1,032 bytes into one, so a part claiming more than that is
// damaged.
func checkZip(zr *zip.Reader) error {
	var total uint64
	for _, f := range zr.File {
		if f.UncompressedSize64 > 1100*f.CompressedSize64+4096 {
			return errors.New(damaged)
		}
		total += f.UncompressedSize64
		if total > maxUnzip {
			return fmt.Errorf("is too large to read (it unzips to more than %d MB)", maxUnzip>>20)
		}
	}
	return nil
}

func openExcelize(path string) (*workbook, error) {
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: maxUnzip, UnzipXMLSizeLimit: maxXMLPart})
	if err != nil {
		if f != nil {
			_ = f.Close()
		}
		switch {
		case errors.Is(err, excelize.ErrWorkbookPassword), errors.Is(err, excelize.ErrWorkbookFileFormat):
			return nil, errors.New("is password-protected (or an old .xls file); save it without a password as .xlsx")
		case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum), errors.Is(err, io.ErrUnexpectedEOF):
			return nil, errors.New(damaged)
		case errors.Is(err, excelize.ErrOptionsUnzipSizeLimit) || strings.Contains(err.Error(), "unzip size"):
			return nil, fmt.Errorf("is too large to read (it unzips to more than %d MB)", maxUnzip>>20)
		}
		return nil, fmt.Errorf("%s: %w", damaged, err)
	}
	wb := &workbook{f: f, names: f.GetSheetList()}
	if len(wb.names) == 0 {
		_ = f.Close()
		return nil, errors.New("has no worksheets")
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		wb.is1904 = *props.Date1904
	}
	return wb, nil
}

func (wb *workbook) sheets() []string { return wb.names }
func (wb *workbook) date1904() bool   { return wb.is1904 }

func (wb *workbook) state(sheet string) sheetState { return wb.states[sheet] }

func (wb *workbook) close() {
	// Closing removes the temporary files of streamed sheets; a failure to
	// do so changes nothing the user reads, so it is not reported.
	_ = wb.f.Close()
	if wb.rawF != nil {
		_ = wb.rawF.Close()
	}
	if wb.zr != nil {
		_ = wb.zr.Close()
	}
}

func (wb *workbook) merges(sheet string) ([]area, error) {
	part, ok := wb.parts[sheet]
	if !ok {
		return nil, nil
	}
	return scanMerges(&wb.zr.Reader, part)
}

func (wb *workbook) rows(sheet string, raw bool) (rowIter, error) {
	shown, err := wb.f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	it := &xlsxRows{shown: shown}
	if raw {
		// A second stream over the same sheet gives the stored values. It
		// runs in its own goroutine on its own opening of the file (excelize
		// shares unlocked caches between streams of one File), a few rows
		// ahead of the shown stream, so both parse at once and memory stays
		// flat.
		if wb.rawF == nil {
			if wb.rawF, err = excelize.OpenFile(wb.path, excelize.Options{UnzipSizeLimit: maxUnzip, UnzipXMLSizeLimit: maxXMLPart}); err != nil {
				wb.rawF = nil
				_ = shown.Close()
				return nil, err
			}
		}
		rr, err := wb.rawF.Rows(sheet)
		if err != nil {
			_ = shown.Close()
			return nil, err
		}
		it.startRaw(rr)
	}
	return it, nil
}

// rawRow is one row of stored values, or the error met reading it.
type rawRow struct {
	cols []string
	err  error
}

// xlsxRows streams a worksheet, pairing each shown value with its stored one
// when raw values were asked for.
type xlsxRows struct {
	shown *excelize.Rows
	raw   *excelize.Rows
	rawCh chan rawRow   // rows of stored values, in order; closed at the end
	stop  chan struct{} // closed to stop the raw reader early
	done  chan struct{} // closed when the raw reader has returned
	cur   rawRow        // the current row's stored values
	rawOK bool          // whether the raw stream had the current row
	n     int
}

// startRaw reads rr's rows of stored values in a goroutine, which ends at
// the last row or when close stops it.
func (it *xlsxRows) startRaw(rr *excelize.Rows) {
	it.raw = rr
	it.rawCh = make(chan rawRow, 64)
	it.stop = make(chan struct{})
	it.done = make(chan struct{})
	go func() {
		defer close(it.done)
		defer close(it.rawCh)
		for rr.Next() {
			cols, err := rr.Columns(excelize.Options{RawCellValue: true})
			select {
			case it.rawCh <- rawRow{cols: cols, err: err}:
			case <-it.stop:
				return
			}
		}
	}()
}

func (it *xlsxRows) row() int { return it.n }

func (it *xlsxRows) hidden() bool { return it.shown.GetRowOpts().Hidden }

func (it *xlsxRows) next() bool {
	if !it.shown.Next() {
		return false
	}
	it.n++
	if it.rawCh != nil {
		it.cur, it.rawOK = <-it.rawCh
	}
	return true
}

func (it *xlsxRows) cells() ([]cell, error) {
	shown, err := it.shown.Columns()
	if err != nil {
		return nil, err
	}
	var raw []string
	if it.rawOK {
		if it.cur.err != nil {
			return nil, it.cur.err
		}
		raw = it.cur.cols
	}
	// TODO(reader): formula, cached and fill are left zero here; the
	// one-pass workbook reader that replaces excelize for reading sets them.
	out := make([]cell, len(shown))
	for i, s := range shown {
		out[i].text = s
		if i < len(raw) {
			out[i].raw = raw[i]
		}
	}
	return out, nil
}

func (it *xlsxRows) close() error {
	if it.stop != nil {
		close(it.stop)
		<-it.done
		it.stop = nil
	}
	err := it.shown.Close()
	if it.raw != nil {
		if e := it.raw.Close(); err == nil {
			err = e
		}
	}
	return err
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
