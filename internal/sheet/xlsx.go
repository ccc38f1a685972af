package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
)

// Bounds on a workbook as a whole, checked while it is read.
const (
	// maxUnzip is the most a workbook may unzip to, all parts together.
	maxUnzip = 256 << 20
	// maxParts bounds the entries of the zip.
	maxParts = 1 << 16
	// maxKeep is the largest worksheet part held in memory between the
	// pass that finds its merged ranges and the pass that reads its rows;
	// a larger part is unzipped twice instead.
	maxKeep = 16 << 20
	// maxCellChars is Excel's own limit on the characters in one cell.
	maxCellChars = 32767
	// maxSharedText bounds the shared strings table: its text, all
	// strings together, and the number of strings.
	maxSharedText  = 128 << 20
	maxSharedCount = 4 << 20
	// maxStyles bounds the cell formats of the styles part (Excel allows
	// about 64,000).
	maxStyles = 1 << 17
	// maxBookText bounds the text of all cells read from one workbook,
	// counted as the cells are handed over: a shared string used by many
	// cells counts each time. 100,000 actions of 2,000 characters each
	// fit.
	maxBookText = 256 << 20
)

// Relationship types, by the end of their URI (the start differs between
// the transitional and strict forms of the format).
const (
	relOfficeDocument = "/officeDocument"
	relWorksheet      = "/worksheet"
	relSharedStrings  = "/sharedStrings"
	relStyles         = "/styles"
	relTheme          = "/theme"
)

// sheetEntry is a sheet as the workbook part lists it.
type sheetEntry struct {
	name  string
	part  string // "" when the workbook's relationships do not locate it
	state sheetState
}

// workbook is an .xlsx or .xlsm file, read straight from its zip parts:
// the workbook, its relationships, shared strings, styles and theme when
// it is opened, each worksheet as it is read. Every part read is checked
// (zip checksum, well-formed XML, the bounds above) and a problem is an
// error naming the part.
type workbook struct {
	f       *os.File
	zr      *zip.Reader
	entries map[string]*zip.File // by lower-case name
	list    []sheetEntry
	byName  map[string]int
	is1904  bool
	sst     []string
	styles  *styles
	shown   *shower
	text    int               // bytes of cell text handed over so far
	kept    map[string][]byte // worksheet parts unzipped by merges, for rows
	bad     map[string]error  // worksheet parts merges found damaged
}

// wholeRead is the size up to which a workbook file is read into memory at
// once, rather than part by part as its parts are opened.
const wholeRead = 4 << 20

// openWorkbook reads f, an open zip file of size bytes, as a workbook; the
// workbook owns f from then on, and closes it on an error. Its errors are
// meant for people.
func openWorkbook(f *os.File, size int64) (source, error) {
	return openWorkbookUpTo(f, size, wholeRead)
}

// openWorkbookUpTo is openWorkbook reading files up to whole bytes into
// memory at once.
func openWorkbookUpTo(f *os.File, size, whole int64) (source, error) {
	// A zip is never much larger than what it unzips to; checking the size
	// first bounds what reading its directory costs.
	if size > maxUnzip+maxUnzip/16 {
		_ = f.Close()
		return nil, fmt.Errorf("is too large to read (%d MB; a workbook may unzip to at most %d MB)", size>>20, maxUnzip>>20)
	}
	var at io.ReaderAt = f
	if size <= whole {
		// One read instead of several small ones for each part opened
		// (a council's plan and its returns took 180 reads).
		data := make([]byte, size)
		if n, err := f.ReadAt(data, 0); n < len(data) {
			_ = f.Close()
			if err == nil || errors.Is(err, io.EOF) {
				return nil, errors.New(damaged) // it shrank while being read
			}
			return nil, fmt.Errorf("cannot be read: %w", err)
		}
		at = bytes.NewReader(data)
	}
	zr, err := zip.NewReader(at, size)
	if err != nil {
		_ = f.Close()
		return nil, errors.New(damaged)
	}
	wb := &workbook{f: f, zr: zr, entries: map[string]*zip.File{}, byName: map[string]int{}, kept: map[string][]byte{}, bad: map[string]error{}}
	if err := wb.open(); err != nil {
		_ = f.Close()
		return nil, err
	}
	return wb, nil
}

func (wb *workbook) open() error {
	if err := checkZip(wb.zr); err != nil {
		return err
	}
	for _, f := range wb.zr.File {
		key := strings.ToLower(f.Name)
		if _, dup := wb.entries[key]; dup {
			return fmt.Errorf("is damaged: it holds the part %s twice; open it in Excel and save it again", f.Name)
		}
		wb.entries[key] = f
	}
	if _, ok := wb.entries["encryptioninfo"]; ok {
		return errors.New(passwordProtected)
	}
	wbPart := "xl/workbook.xml"
	if _, ok := wb.entries["_rels/.rels"]; ok {
		rels, err := wb.readRels("_rels/.rels")
		if err != nil {
			return wrapOpen(err)
		}
		for _, r := range rels {
			if strings.HasSuffix(r.typ, relOfficeDocument) {
				wbPart = r.target
			}
		}
	}
	if _, ok := wb.entries[strings.ToLower(wbPart)]; !ok {
		return fmt.Errorf("is damaged: it has no workbook part (%s); open it in Excel and save it again", wbPart)
	}
	if err := wb.readWorkbook(wbPart); err != nil {
		return wrapOpen(err)
	}
	if len(wb.list) == 0 {
		return errors.New("has no worksheets")
	}
	relsPart := path.Join(path.Dir(wbPart), "_rels", path.Base(wbPart)+".rels")
	var rels []relation
	if _, ok := wb.entries[strings.ToLower(relsPart)]; ok {
		var err error
		if rels, err = wb.readRels(relsPart); err != nil {
			return wrapOpen(err)
		}
	}
	byID := map[string]relation{}
	var sstPart, stylesPart, themePart string
	for _, r := range rels {
		byID[r.id] = r
		switch {
		case strings.HasSuffix(r.typ, relSharedStrings):
			sstPart = r.target
		case strings.HasSuffix(r.typ, relStyles):
			stylesPart = r.target
		case strings.HasSuffix(r.typ, relTheme):
			themePart = r.target
		}
	}
	for i := range wb.list {
		if r, ok := byID[wb.list[i].part]; ok && strings.HasSuffix(r.typ, relWorksheet) {
			wb.list[i].part = r.target
		} else {
			wb.list[i].part = ""
		}
	}
	var theme []string
	if themePart != "" {
		var err error
		if theme, err = wb.readTheme(themePart); err != nil {
			return wrapOpen(err)
		}
	}
	wb.styles = &styles{}
	if stylesPart != "" {
		st, err := wb.readStyles(stylesPart, theme)
		if err != nil {
			return wrapOpen(err)
		}
		wb.styles = st
	}
	if sstPart != "" {
		if err := wb.readSharedStrings(sstPart); err != nil {
			return wrapOpen(err)
		}
	}
	wb.shown = newShower(wb.styles, wb.is1904)
	return nil
}

// wrapOpen words an error met while opening for the message that names
// the file.
func wrapOpen(err error) error {
	return fmt.Errorf("cannot be read: %w", err)
}

// passwordProtected is the message for an encrypted workbook or a binary
// .xls file.
const passwordProtected = "is password-protected (or an old .xls file); save it without a password as .xlsx"

// damaged is the message for a file that is not a readable zip.
const damaged = "is damaged or incomplete (not a readable .xlsx file); open it in Excel and save it again"

// checkZip refuses a zip whose parts claim sizes they cannot have, and one
// that unzips to more than maxUnzip. archive/zip holds every part to the
// size it claims, so the claims bound what reading costs. Deflate packs at
// most about 1,032 bytes into one, so a part claiming more than that is
// damaged.
func checkZip(zr *zip.Reader) error {
	if len(zr.File) > maxParts {
		return fmt.Errorf("is damaged: it holds more than %d parts; open it in Excel and save it again", maxParts)
	}
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

// openPart opens a part of the zip for reading, checked.
func (wb *workbook) openPart(name string) (*xmlPart, io.Closer, error) {
	f, ok := wb.entries[strings.ToLower(name)]
	if !ok {
		return nil, nil, &partError{part: name, problem: "is missing", damaged: true}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, damagedPart(name, err)
	}
	return newXMLPart(rc, name), rc, nil
}

// relation is one relationship of a part: its target resolved to a part
// name within the package.
type relation struct {
	id, typ, target string
	external        bool
}

// readRels reads a relationships part. Internal targets are resolved
// against the folder of the part the relationships belong to; a target
// that leaves the package is an error.
func (wb *workbook) readRels(name string) ([]relation, error) {
	x, c, err := wb.openPart(name)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	base := path.Dir(path.Dir(name)) // "xl/_rels/workbook.xml.rels" → "xl"
	var out []relation
	for {
		tok, err := x.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		t, ok := tok.(xml.StartElement)
		if !ok || t.Name.Local != "Relationship" {
			continue
		}
		r := relation{id: attr(t, "Id"), typ: attr(t, "Type"), target: attr(t, "Target"), external: attr(t, "TargetMode") == "External"}
		if r.external {
			continue
		}
		if r.target, err = resolveTarget(base, r.target); err != nil {
			return nil, &partError{part: name, problem: err.Error(), damaged: true}
		}
		out = append(out, r)
		if len(out) > 1<<16 {
			return nil, &partError{part: name, problem: "lists more than 65,536 relationships"}
		}
	}
}

// resolveTarget resolves a relationship's target within the package.
func resolveTarget(base, target string) (string, error) {
	var p string
	if strings.HasPrefix(target, "/") {
		p = path.Clean(target)[1:]
	} else {
		p = path.Join(base, target)
	}
	if p == "" || p == "." || p == ".." || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") {
		return "", fmt.Errorf("has a relationship pointing outside the workbook (%q)", brief([]string{target})[0])
	}
	return p, nil
}

// readWorkbook reads the sheet list and the date system.
func (wb *workbook) readWorkbook(name string) error {
	x, c, err := wb.openPart(name)
	if err != nil {
		return err
	}
	defer c.Close()
	for {
		tok, err := x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch t.Name.Local {
		case "workbookPr":
			v := attr(t, "date1904")
			wb.is1904 = v == "1" || v == "true"
		case "sheet":
			if x.depth() != 3 {
				continue
			}
			e := sheetEntry{name: attr(t, "name")}
			for _, a := range t.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					e.part = a.Value // the relationship id until resolved
				}
			}
			switch attr(t, "state") {
			case "hidden":
				e.state = sheetHidden
			case "veryHidden":
				e.state = sheetVeryHidden
			}
			if _, dup := wb.byName[e.name]; dup || e.name == "" {
				return &partError{part: name, problem: fmt.Sprintf("lists the sheet %q twice, or a sheet with no name", e.name), damaged: true}
			}
			if len(wb.list) >= 1<<16 {
				return &partError{part: name, problem: "lists more than 65,536 sheets"}
			}
			wb.byName[e.name] = len(wb.list)
			wb.list = append(wb.list, e)
		}
	}
}

// readSharedStrings reads the shared strings table; the text of a string
// is its runs' text joined, without phonetic guides.
func (wb *workbook) readSharedStrings(name string) error {
	x, c, err := wb.openPart(name)
	if err != nil {
		return err
	}
	defer c.Close()
	total := 0
	for {
		tok, err := x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		t, ok := tok.(xml.StartElement)
		if !ok || t.Name.Local != "si" {
			continue
		}
		n := len(wb.sst)
		s, err := readRichText(x, func() error {
			return &partError{part: name, problem: fmt.Sprintf("holds a string (number %d) longer than %d characters, Excel's limit for a cell", n+1, maxCellChars)}
		})
		if err != nil {
			return err
		}
		total += len(s)
		if total > maxSharedText || n >= maxSharedCount {
			return &partError{part: name, problem: fmt.Sprintf("holds more than %d MB of text or %d strings", maxSharedText>>20, maxSharedCount)}
		}
		wb.sst = append(wb.sst, s)
	}
}

// readRichText reads a string item (<si> or <is>) whose start has just
// been read: the text of its <t> elements, directly inside it or inside
// its runs (<r>), but not of phonetic guides (<rPh>). Escapes of the form
// _xHHHH_ are decoded.
func readRichText(x *xmlPart, tooLong func() error) (string, error) {
	d := x.depth()
	var b []byte
	inT := false
	for {
		tok, err := x.next()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "rPh" && x.depth() == d+1:
				if err := x.skip(); err != nil {
					return "", err
				}
			case t.Name.Local == "t":
				inT = true
			}
		case xml.EndElement:
			if t.Name.Local == "t" {
				inT = false
			}
			if x.depth() < d {
				if len(b) > maxCellChars && charCount(b) > maxCellChars {
					return "", tooLong()
				}
				return unescapeOOXML(string(b)), nil
			}
		case xml.CharData:
			if inT {
				if len(b)+len(t) > 4*maxCellChars {
					return "", tooLong()
				}
				b = append(b, t...)
			}
		}
	}
}

// charCount counts characters as Excel does: in UTF-16 code units.
func charCount(b []byte) int {
	n := 0
	for _, r := range string(b) {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// unescapeOOXML decodes the _xHHHH_ escapes that the format uses for
// characters XML cannot hold; _x005F_ is an escaped underscore.
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				if v < 0xD800 || v > 0xDFFF {
					b.WriteRune(rune(v)) // a lone surrogate is dropped, as excelize does
				}
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func (wb *workbook) sheets() []string {
	out := make([]string, len(wb.list))
	for i, e := range wb.list {
		out[i] = e.name
	}
	return out
}

func (wb *workbook) state(sheet string) sheetState {
	if i, ok := wb.byName[sheet]; ok {
		return wb.list[i].state
	}
	return sheetVisible
}

func (wb *workbook) date1904() bool { return wb.is1904 }

func (wb *workbook) close() { _ = wb.f.Close() }

// sheetPart returns the part of a sheet, or an error for a name that is no
// worksheet.
func (wb *workbook) sheetPart(sheet string) (string, error) {
	i, ok := wb.byName[sheet]
	if !ok {
		return "", fmt.Errorf("there is no sheet %q", sheet)
	}
	if wb.list[i].part == "" {
		return "", errors.New("is not a worksheet (a chart sheet, or its part is not listed in the workbook's relationships)")
	}
	return wb.list[i].part, nil
}
