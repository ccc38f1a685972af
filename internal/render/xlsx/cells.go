package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The rows of a sheet are written here as worksheet XML, not through
// excelize's StreamWriter.SetRow, which marshals every rich-text cell
// with a new encoding/xml encoder, escapes every string into new strings
// and builds each cell reference as a string. On the 10,000-action
// sample's two workbooks (BenchmarkRenderSample: 104 sheets, 381,000
// cells, 79,000 merged areas) rendering took 0.94-1.13 s of CPU (user
// and system time, garbage collection included) and allocated 540 MB in
// 5.7 million objects, encoding/xml a fifth of the CPU; with the rows and
// merged areas appended here to one reused buffer and deflated at once,
// it takes 0.36-0.44 s and allocates 80 MB in 0.49 million objects, a
// third of the CPU the deflating. excelize still writes every other part
// of the workbook and the worksheet around the rows (columns, panes,
// filter, validations, print setup); the rows are spliced into the
// <sheetData> element it leaves empty (see orderedZip.Close), and so are
// the merged areas (see mergePlaceholder).
//
// Shared strings were measured as well and not taken: on the same
// workbooks they make the sheets' XML 11-16 % smaller and the deflated
// workbook 6-9 %, but every cell's text must then be hashed and the
// distinct texts (11 MB) held until the end instead of being streamed,
// and merged with the strings excelize keeps for the status list.
//
// What is written is what SetRow wrote for the same values, byte for byte
// (TestRowsMatchExcelize compares the two, so a change in excelize shows
// there), and the workbook opens the same. Two cases differ on purpose:
// numbers of more than 15 significant digits are rounded, not cut, and
// every "_xHHHH_" in text is escaped, where excelize misses one that
// shares its underscore with the one before it.

// cell is one worksheet cell: a style and, in the top-left cell of an
// area, a value.
type cell struct {
	style int32 // excelize style IDs are small
	// set is false for a column position with no cell at all.
	set bool
	// value is nil (a styled empty cell), a string, a richText, a float64
	// or a time.Time.
	value any
}

// richText is cell text in more than one face. Every run has the cell's
// size and colour.
type richText struct {
	size   float64
	colour string // "#RRGGBB" or "" for automatic
	runs   []richRun
}

// richRun is one run of rich text.
type richRun struct {
	text         string
	bold, italic bool
}

// errRowHeight is Excel's limit on a row's height, as excelize reported it.
var errRowHeight = errors.New("row height over 409 points")

// rowWriter appends worksheet rows as XML. It keeps its buffer and the
// run properties it has formatted, so one writer serves a whole workbook.
type rowWriter struct {
	buf []byte
	rpr map[rprKey][]byte
}

// rprKey identifies the run properties of a rich-text run.
type rprKey struct {
	size         float64
	colour       string
	bold, italic bool
}

// appendRow appends row n (1-based) with its cells, as one <row> element.
func (w *rowWriter) appendRow(b []byte, n int, rw *row) ([]byte, error) {
	if rw.height > maxRowHeight {
		return b, fmt.Errorf("row %d: %w", n, errRowHeight)
	}
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, '"')
	if rw.height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, rw.height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i := range rw.cells {
		c := &rw.cells[i]
		if !c.set {
			continue
		}
		b = w.appendCell(b, i+1, n, c)
	}
	return append(b, `</row>`...), nil
}

// appendCell appends one <c> element for the cell at column col, row n.
func (w *rowWriter) appendCell(b []byte, col, n int, c *cell) []byte {
	b = append(b, `<c r="`...)
	b = appendColumn(b, col)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, '"')
	if c.style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(c.style), 10)
		b = append(b, '"')
	}
	switch v := c.value.(type) {
	case nil:
		b = append(b, '>')
	case string:
		b = appendInlineString(b, v)
	case richText:
		b = w.appendRich(b, v)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			b = appendInlineString(b, strconv.FormatFloat(v, 'g', -1, 64))
			break
		}
		b = append(b, `><v>`...)
		b = appendNumber(b, v)
		b = append(b, `</v>`...)
	case time.Time:
		serial, ok := excelSerial(v)
		if !ok {
			// Before Excel's first date: the date as text, as excelize
			// writes it.
			b = appendInlineString(b, v.Format(time.RFC3339Nano))
			break
		}
		b = append(b, `><v>`...)
		b = strconv.AppendFloat(b, serial, 'f', -1, 64)
		b = append(b, `</v>`...)
	default:
		// The layout only makes the values above.
		b = appendInlineString(b, fmt.Sprint(v))
	}
	return append(b, `</c>`...)
}

// rowChunk is how many bytes of row XML are gathered before they are
// deflated.
const rowChunk = 64 << 10

// writeRows writes a <sheetData> element holding rows (rows[0] is row 1)
// to out, in pieces of about rowChunk bytes. A row with no height and no
// cells is left out.
func (w *rowWriter) writeRows(out io.Writer, rows []row) error {
	b := append(w.buf[:0], "<sheetData>"...)
	for i := range rows {
		rw := &rows[i]
		if rw.height == 0 && len(rw.cells) == 0 {
			continue
		}
		var err error
		if b, err = w.appendRow(b, i+1, rw); err != nil {
			return err
		}
		if len(b) >= rowChunk {
			if _, err := out.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, "</sheetData>"...)
	_, err := out.Write(b)
	w.buf = b[:0]
	return err
}

// emptyRows is how excelize writes a worksheet's rows when it was given
// none: the placeholder for the rows.
const emptyRows = "<sheetData></sheetData>"

// mergeMark is the one merged area excelize is given for a sheet that
// has merged areas, in the last cells of the last column, which no sheet
// reaches; mergePlaceholder is how excelize writes it, to be replaced by
// all the sheet's merged areas. excelize gathered tens of thousands of
// merged areas into a string, copied it into the sheet and the sheet into
// the zip (12 MB allocated of the 81 MB the 10,000-action sample's
// briefing workbook took); they are written once here instead.
var mergeMark = [2]string{"XFD1048575", "XFD1048576"}

const mergePlaceholder = `<mergeCells count="1"><mergeCell ref="XFD1048575:XFD1048576"/></mergeCells>`

// writeMerges writes a <mergeCells> element listing the merged areas
// (first column, first row, last column, last row, 1-based) to out, in
// pieces of about rowChunk bytes.
func (w *rowWriter) writeMerges(out io.Writer, merges []area) error {
	b := append(w.buf[:0], `<mergeCells count="`...)
	b = strconv.AppendInt(b, int64(len(merges)), 10)
	b = append(b, `">`...)
	for _, m := range merges {
		b = append(b, `<mergeCell ref="`...)
		b = appendColumn(b, int(m[0]))
		b = strconv.AppendInt(b, int64(m[1]), 10)
		b = append(b, ':')
		b = appendColumn(b, int(m[2]))
		b = strconv.AppendInt(b, int64(m[3]), 10)
		b = append(b, `"/>`...)
		if len(b) >= rowChunk {
			if _, err := out.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, `</mergeCells>`...)
	_, err := out.Write(b)
	w.buf = b[:0]
	return err
}

// appendColumn appends the letters of a 1-based column number.
func appendColumn(b []byte, col int) []byte {
	var tmp [8]byte
	i := len(tmp)
	for col > 0 {
		col--
		i--
		tmp[i] = byte('A' + col%26)
		col /= 26
	}
	return append(b, tmp[i:]...)
}

// appendInlineString appends the type and value of a plain text cell,
// from the end of the opening tag's attributes to before </c>. Text over
// a cell's 32,767 UTF-16 units is cut there.
func appendInlineString(b []byte, s string) []byte {
	s = truncUTF16(s, maxCellUnits)
	b = append(b, ` t="inlineStr"><is><t`...)
	if edgeSpace(s) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = appendText(b, s, false)
	return append(b, `</t></is>`...)
}

// maxCellUnits is the most text a cell holds, in UTF-16 code units.
const maxCellUnits = excelize.TotalCellChars

// edgeSpace reports whether text starts or ends with white space, which
// XML readers keep only when told to.
func edgeSpace(s string) bool {
	if s == "" {
		return false
	}
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	return isSpace(s[0]) || isSpace(s[len(s)-1])
}

// appendRich appends the type and runs of a rich-text cell.
func (w *rowWriter) appendRich(b []byte, t richText) []byte {
	if len(t.runs) == 0 {
		return append(b, ` t="inlineStr">`...)
	}
	b = append(b, ` t="inlineStr"><is>`...)
	for _, r := range t.runs {
		b = append(b, `<r>`...)
		b = append(b, w.runProps(rprKey{size: t.size, colour: t.colour, bold: r.bold, italic: r.italic})...)
		b = append(b, `<t`...)
		if edgeSpace(r.text) {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = appendText(b, r.text, true)
		b = append(b, `</t></r>`...)
	}
	return append(b, `</is>`...)
}

// runProps returns the <rPr> element of a run: the cell font (Arial, in
// the Swiss family) with the run's face, colour and size.
func (w *rowWriter) runProps(k rprKey) []byte {
	if p, ok := w.rpr[k]; ok {
		return p
	}
	p := []byte(`<rPr><rFont val="` + fontFamily + `"></rFont><family val="2"></family>`)
	if k.bold {
		p = append(p, `<b val="1"></b>`...)
	}
	if k.italic {
		p = append(p, `<i val="1"></i>`...)
	}
	if validColour(k.colour) {
		p = append(p, `<color rgb="FF`...)
		for _, c := range []byte(k.colour[1:]) {
			if c >= 'a' && c <= 'f' {
				c -= 'a' - 'A'
			}
			p = append(p, c)
		}
		p = append(p, `"></color>`...)
	} else {
		p = append(p, `<color></color>`...)
	}
	if k.size >= 1 {
		p = append(p, `<sz val="`...)
		p = strconv.AppendFloat(p, k.size, 'g', -1, 64)
		p = append(p, `"></sz>`...)
	}
	p = append(p, `</rPr>`...)
	if w.rpr == nil {
		w.rpr = make(map[rprKey][]byte)
	}
	w.rpr[k] = p
	return p
}

// appendText appends cell text escaped for XML. A newline is written as
// it is in a plain cell and as a character reference in a rich-text run
// (as excelize writes each); characters XML cannot hold become U+FFFD.
// An underscore that would start an escape such as "_x000D_", which
// spreadsheet programs decode, is itself escaped as "_x005F_".
func appendText(b []byte, s string, escapeNewline bool) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c == '"':
				b = append(b, "&#34;"...)
			case c == '\'':
				b = append(b, "&#39;"...)
			case c == '\n':
				if escapeNewline {
					b = append(b, "&#xA;"...)
				} else {
					b = append(b, '\n')
				}
			case c == '\t':
				b = append(b, "&#x9;"...)
			case c == '\r':
				b = append(b, "&#xD;"...)
			case c < ' ':
				b = append(b, "\uFFFD"...)
			case c == '_' && escapeStart(s[i:]):
				b = append(b, "_x005F"...)
				b = append(b, c)
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || r == 0xFFFE || r == 0xFFFF {
			b = append(b, "\uFFFD"...)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}

// escapeStart reports whether s starts with "_x", four hex digits and
// "_": the form of an escaped character in Office XML text.
func escapeStart(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// appendNumber appends a number as Excel keeps it: at most 15
// significant digits, never in exponent form.
func appendNumber(b []byte, v float64) []byte {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || (digits == 0 && s[i] == '0') {
			continue
		}
		digits++
		if digits > 15 {
			// Round to 15 significant digits and write that in full.
			r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
			return append(b, strconv.FormatFloat(r, 'f', -1, 64)...)
		}
	}
	return append(b, s...)
}

// excelEpoch is day 0 of Excel's 1900 date system.
var excelEpoch = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)

// excelSerial is the date serial of t's wall-clock time in Excel's 1900
// date system, counting the 29 February 1900 that Excel believes in. It
// reports false for a time before the system's first day.
func excelSerial(t time.Time) (float64, bool) {
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	if wall.Before(excelEpoch) {
		return 0, false
	}
	secs := wall.Unix() - excelEpoch.Unix()
	days := secs / 86400
	frac := float64((secs%86400)*1e9+int64(wall.Nanosecond())) / 86400e9
	serial := float64(days) + frac
	if wall.After(time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)) {
		serial++
	}
	return serial, serial > 0
}
