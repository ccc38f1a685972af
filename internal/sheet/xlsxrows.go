package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// merges reads a worksheet's merged ranges, which the format keeps after
// the cells. The part is unzipped once here (checking its checksum) and,
// when small enough, kept for rows; the ranges are found by a byte search
// and only their element is parsed, so this pass costs little more than
// unzipping. Overlapping ranges, more than maxMerges, and a range that is
// no range of cells are errors. A damaged part is reported by rows, once.
func (wb *workbook) merges(sheet string) ([]area, error) {
	part, err := wb.sheetPart(sheet)
	if err != nil {
		return nil, nil // rows reports it
	}
	f := wb.entries[strings.ToLower(part)]
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		wb.bad[part] = damagedPart(part, err)
		return nil, nil
	}
	defer rc.Close()
	var r io.Reader = rc
	if f.UncompressedSize64 <= maxKeep {
		data, err := readWhole(rc, f.UncompressedSize64)
		if err != nil {
			wb.bad[part] = damagedPart(part, err)
			return nil, nil
		}
		wb.kept[part] = data
		r = bytes.NewReader(data)
	}
	areas, err := scanMerges(r, part)
	if err != nil {
		var pe *partError
		if errors.As(err, &pe) && pe.damaged {
			// rows reports it, before any row is read.
			wb.bad[part] = err
			return nil, nil
		}
		return nil, err
	}
	if err := sortAreas(areas); err != nil {
		return nil, err
	}
	return areas, nil
}

// scanMerges finds the <mergeCells> element of a worksheet part by a byte
// search and reads its ranges, then reads the rest of r (so that a zip
// entry's checksum is checked).
func scanMerges(r io.Reader, part string) ([]area, error) {
	const chunk = 64 << 10
	const keep = 64 // longer than any "<prefix:mergeCells"
	marker := []byte("mergeCells")
	buf := make([]byte, 0, chunk+keep)
	tmp := make([]byte, chunk)
	for {
		n, rerr := r.Read(tmp)
		buf = append(buf, tmp[:n]...)
		if start, ok := findTag(buf, marker); ok {
			areas, err := decodeMerges(io.MultiReader(bytes.NewReader(buf[start:]), r), part)
			if err != nil {
				return nil, err
			}
			if _, err := io.Copy(io.Discard, r); err != nil {
				return nil, damagedPart(part, err)
			}
			return areas, nil
		}
		if rerr == io.EOF {
			return nil, nil
		}
		if rerr != nil {
			return nil, damagedPart(part, rerr)
		}
		if len(buf) > keep {
			buf = append(buf[:0], buf[len(buf)-keep:]...)
		}
	}
}

// findTag finds the start ("<") of an element whose local name begins with
// marker, with or without a namespace prefix.
func findTag(buf, marker []byte) (int, bool) {
	from := 0
	for {
		i := bytes.Index(buf[from:], marker)
		if i < 0 {
			return 0, false
		}
		i += from
		lt := bytes.LastIndexByte(buf[:i], '<')
		if lt >= 0 && validPrefix(buf[lt+1:i]) {
			return lt, true
		}
		from = i + len(marker)
	}
}

func validPrefix(p []byte) bool {
	if len(p) == 0 {
		return true
	}
	if p[len(p)-1] != ':' {
		return false
	}
	for _, c := range p[:len(p)-1] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// decodeMerges reads the ranges of a <mergeCells> element at the start of r.
func decodeMerges(r io.Reader, part string) ([]area, error) {
	x := newXMLPart(r, part)
	var out []area
	for {
		tok, err := x.next()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, damagedPart(part, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "mergeCell" {
				continue
			}
			a, ok, err := parseArea(attr(t, "ref"))
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, a)
			}
			if len(out) > maxMerges {
				return nil, fmt.Errorf("has more than %d merged ranges", maxMerges)
			}
		case xml.EndElement:
			if x.depth() == 0 {
				return out, nil
			}
		}
	}
}

// readWhole reads a zip entry of the given uncompressed size, made once
// at that size, to its end (where the zip reader checks the size and the
// checksum).
func readWhole(r io.Reader, size uint64) ([]byte, error) {
	data := make([]byte, size)
	if _, err := io.ReadFull(r, data); err != nil {
		return nil, err
	}
	var one [1]byte
	switch _, err := io.ReadFull(r, one[:]); err {
	case io.EOF:
		return data, nil
	case nil:
		return nil, zip.ErrFormat // longer than the directory says
	default:
		return nil, err
	}
}

// rows streams a worksheet's rows from its part (the copy merges kept, or
// the zip entry). raw is ignored: stored values come with shown ones at no
// extra cost.
func (wb *workbook) rows(sheet string, _ bool) (rowIter, error) {
	part, err := wb.sheetPart(sheet)
	if err != nil {
		return nil, err
	}
	if err := wb.bad[part]; err != nil {
		return nil, err
	}
	it := &xlsxRows{wb: wb, part: part, shared: map[string]string{}}
	if data, ok := wb.kept[part]; ok {
		delete(wb.kept, part)
		it.x = newXMLPart(bytes.NewReader(data), part)
	} else {
		x, c, err := wb.openPart(part)
		if err != nil {
			return nil, err
		}
		it.x, it.closer = x, c
	}
	return it, nil
}

// xlsxRows reads a worksheet part row by row, in order: the rows the part
// holds, numbered as it numbers them. Rows it leaves out (blank rows) are
// not visited, so a sheet whose one row is row 1,000,000 costs one row.
type xlsxRows struct {
	wb     *workbook
	part   string
	x      *xmlPart
	closer io.Closer
	shared map[string]string // shared formulas by index, as their first cell writes them

	n       int    // the current row's number
	cur     []cell // the current row's cells
	curHid  bool
	pend    []cell // the row just read from the part
	pendNum int    // its number; 0 at the end of the rows
	pendHid bool
	width   int   // the number of cells of the row read before
	last    int   // the number of the last row read from the part
	inData  bool  // inside <sheetData>
	ended   bool  // the part has been read to its end
	err     error // the first problem met
}

func (it *xlsxRows) row() int     { return it.n }
func (it *xlsxRows) hidden() bool { return it.curHid }

func (it *xlsxRows) next() bool {
	if it.err != nil || it.ended {
		return false
	}
	if err := it.readRow(); err != nil {
		it.err = err
		return false
	}
	if it.pendNum == 0 {
		return false
	}
	it.n, it.cur, it.curHid = it.pendNum, it.pend, it.pendHid
	it.pend, it.pendNum = nil, 0
	return true
}

func (it *xlsxRows) cells() ([]cell, error) { return it.cur, nil }

// close reads what is left of the part, so that a damaged or cut-off part
// is reported even when the caller stopped early, and returns the first
// problem met.
func (it *xlsxRows) close() error {
	if it.err == nil && !it.ended {
		if err := it.x.drain(); err != nil {
			it.err = err
		}
		it.ended = true
	}
	if it.closer != nil {
		_ = it.closer.Close()
		it.closer = nil
	}
	return it.err
}

// readRow reads the part up to the next row and reads that row into pend,
// or to the end of the part.
func (it *xlsxRows) readRow() error {
	for {
		tok, err := it.x.next()
		if err == io.EOF {
			it.ended = true
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "sheetData" && it.x.depth() == 2:
				it.inData = true
			case t.Name.Local == "row" && it.inData && it.x.depth() == 3:
				return it.readCells(t)
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" && it.inData && it.x.depth() == 1 {
				it.inData = false
				// The cells are all read; check the rest of the part now,
				// so that a problem in it stops the table being used.
				if err := it.x.drain(); err != nil {
					return err
				}
				it.ended = true
				return nil
			}
		}
	}
}

// readCells reads the row whose start element is t.
func (it *xlsxRows) readCells(t xml.StartElement) error {
	num := it.last + 1
	if r := attr(t, "r"); r != "" {
		n, err := strconv.Atoi(r)
		if err != nil || n < 1 || n > maxRows {
			return fmt.Errorf("row %q is not a row number from 1 to %d (Excel's last row)", brief([]string{r})[0], maxRows)
		}
		num = n
	}
	if num <= it.last {
		return fmt.Errorf("row %d comes after row %d; the part %s is out of order, so the file is damaged: open it in Excel and save it again", num, it.last, it.part)
	}
	if num > maxRows {
		return fmt.Errorf("the sheet has more than %d rows, Excel's limit", maxRows)
	}
	it.last = num
	h := attr(t, "hidden")
	it.pendHid = h == "1" || h == "true"
	it.pendNum = num
	it.pend = make([]cell, 0, it.width) // rows are mostly as wide as the last
	depth := it.x.depth()
	col := 0
	for {
		tok, err := it.x.next()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return damagedPart(it.part, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "c" || it.x.depth() != depth+1 {
				if err := it.x.skip(); err != nil {
					return err
				}
				continue
			}
			c, at, err := it.readCell(t, num, col)
			if err != nil {
				return err
			}
			col = at
			if c.text == "" && c.formula == "" && c.fill == "" {
				continue
			}
			for len(it.pend) < col-1 {
				it.pend = append(it.pend, cell{})
			}
			it.pend = append(it.pend, c)
		case xml.EndElement:
			if it.x.depth() < depth {
				it.width = len(it.pend)
				return nil
			}
		}
	}
}

// readCell reads a cell whose start element is t, in row num after column
// prev, and returns it with its column.
func (it *xlsxRows) readCell(t xml.StartElement, num, prev int) (cell, int, error) {
	col := prev + 1
	var xf int
	var typ string
	for _, a := range t.Attr {
		switch a.Name.Local {
		case "r":
			c, _, ok := parseRef(a.Value)
			if !ok {
				return cell{}, 0, fmt.Errorf("row %d: cell %q is not a cell reference within Excel's %d columns and %d rows", num, brief([]string{a.Value})[0], maxCols, maxRows)
			}
			col = c
		case "s":
			xf, _ = strconv.Atoi(a.Value)
		case "t":
			typ = a.Value
		}
	}
	name := cellName(col, num)
	if col <= prev {
		return cell{}, 0, fmt.Errorf("cell %s comes after column %s in its row; the part %s is out of order, so the file is damaged: open it in Excel and save it again", name, colName(prev), it.part)
	}
	if col > maxCols {
		return cell{}, 0, fmt.Errorf("cell %s is past column %s, Excel's last", name, colName(maxCols))
	}
	tooLong := func() error {
		return fmt.Errorf("cell %s holds more than %d characters, Excel's limit", name, maxCellChars)
	}
	var (
		c          cell
		v          string
		hasV, hasF bool
		inline     string
		hasInline  bool
	)
	depth := it.x.depth()
	for {
		tok, err := it.x.next()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return cell{}, 0, damagedPart(it.part, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if it.x.depth() != depth+1 {
				continue
			}
			switch t.Name.Local {
			case "v":
				if v, err = it.x.text(4*maxCellChars, tooLong); err != nil {
					return cell{}, 0, err
				}
				hasV = true
			case "f":
				f, err := it.x.text(4*maxCellChars, tooLong)
				if err != nil {
					return cell{}, 0, err
				}
				hasF = true
				si := attr(t, "si")
				if attr(t, "t") == "shared" && si != "" {
					if f != "" {
						if _, ok := it.shared[si]; !ok && len(it.shared) < maxCols {
							it.shared[si] = f
						}
					} else {
						f = it.shared[si]
					}
				}
				c.formula = f
				if c.formula == "" {
					c.formula = "?" // a formula whose text the part does not give
				}
			case "is":
				if inline, err = readRichText(it.x, tooLong); err != nil {
					return cell{}, 0, err
				}
				hasInline = true
			default:
				if err := it.x.skip(); err != nil {
					return cell{}, 0, err
				}
			}
		case xml.EndElement:
			if it.x.depth() < depth {
				goto done
			}
		}
	}
done:
	if xf > 0 && xf < len(it.wb.styles.xfs) {
		c.fill = it.wb.styles.xfs[xf].fill
	}
	sh := it.wb.shown
	switch typ {
	case "s":
		if hasV && strings.TrimSpace(v) != "" {
			i, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || i < 0 || i >= len(it.wb.sst) {
				return cell{}, 0, fmt.Errorf("cell %s refers to shared string %q, which the workbook does not have; the file is damaged: open it in Excel and save it again", name, brief([]string{v})[0])
			}
			c.raw = it.wb.sst[i]
			c.text = sh.text(xf, c.raw)
		}
	case "inlineStr":
		if hasInline {
			c.raw = inline
			c.text = sh.text(xf, inline)
		}
	case "str":
		c.raw, c.text = v, v
	case "b":
		c.raw, c.text = v, v
		switch v {
		case "1":
			c.text = "TRUE"
		case "0":
			c.text = "FALSE"
		}
	case "e":
		c.raw, c.text = v, v
	case "d":
		c.raw, c.date = v, v != ""
		if v != "" {
			c.text = sh.date(xf, v)
		}
	default:
		c.raw = v
		if v != "" {
			c.text = sh.number(xf, v)
		}
	}
	if hasF {
		// An empty <v/> saves no result unless the formula's type is text:
		// programs that write formulas without calculating them (openpyxl)
		// leave it empty, where a number result cannot be.
		c.cached = hasInline || hasV && (v != "" || typ == "str")
	}
	if len(c.text) > maxCellChars && charCount([]byte(c.text)) > maxCellChars {
		return cell{}, 0, tooLong()
	}
	it.wb.text += len(c.text)
	if it.wb.text > maxBookText {
		return cell{}, 0, fmt.Errorf("cell %s: the workbook holds more than %d MB of cell text, agsreport's limit", name, maxBookText>>20)
	}
	return c, col, nil
}
