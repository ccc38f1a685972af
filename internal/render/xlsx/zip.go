package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/agsreport/agsreport/internal/render"
)

// orderedZip collects the workbook's parts and writes them, on Close, in a
// fixed order ([Content_Types].xml first, then by name) with a fixed
// timestamp, because excelize writes streamed sheets in map order.
//
// Each part is deflated as it arrives, with one reused compressor
// (render.Deflater), so the workbook is held compressed rather than as its
// full XML; Close writes the compressed parts with the same headers a
// zip.Writer compressing them itself would write, so the bytes are those
// of a plain zip.Writer (except in worksheets, below).
// excelize writes one part at a time: a part written to after the next
// was created is an error.
//
// The bulk of each worksheet, its rows and merged areas, is not written
// by excelize: the renderer writes it here (Splice) as it lays out each
// sheet, deflated at once, and Close puts it in place of the placeholder
// elements excelize wrote in the worksheet part (an empty <sheetData>, a
// single-merge <mergeCells>). Those parts are deflated in pieces, each
// ending on a byte boundary, which together are one valid deflate stream.
type orderedZip struct {
	w       io.Writer
	parts   map[string]*zipPart
	open    *zipPart      // the part being written
	spare   *flate.Writer // a finished part's compressor, for the next
	titles  []printTitle  // print titles to add to xl/workbook.xml
	splices map[int][]splice
}

// splice is XML to put in place of a placeholder in a worksheet part.
type splice struct {
	placeholder string
	xml         *deflated
}

// zipPart is one part of the workbook: deflated as it is written, or kept
// as it is (raw) when Close rewrites it before compressing.
type zipPart struct {
	name string
	raw  *bytes.Buffer // the part's own bytes, for parts rewritten at Close
	deflated
	done bool
}

// deflated is data deflated as it is written, with its checksum and
// uncompressed length.
type deflated struct {
	comp chunks // deflated data
	crc  uint32
	size uint64 // uncompressed length
	fw   *flate.Writer
}

// chunks is a growing byte sequence kept in pieces, so that growing it
// never copies what it holds.
type chunks struct {
	bufs [][]byte
	n    int // total length
}

// chunkMax is the largest piece chunks allocates.
const chunkMax = 64 << 10

// Write appends b.
func (c *chunks) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		k := len(c.bufs) - 1
		if k < 0 || len(c.bufs[k]) == cap(c.bufs[k]) {
			size := 4 << 10
			if k >= 0 {
				size = min(2*cap(c.bufs[k]), chunkMax)
			}
			c.bufs = append(c.bufs, make([]byte, 0, max(size, min(len(b), chunkMax))))
			k++
		}
		room := cap(c.bufs[k]) - len(c.bufs[k])
		take := min(room, len(b))
		c.bufs[k] = append(c.bufs[k], b[:take]...)
		b = b[take:]
	}
	c.n += n
	return n, nil
}

// append moves the pieces of o to the end of c.
func (c *chunks) append(o *chunks) {
	for _, b := range o.bufs {
		// A full piece keeps later writes to c out of o's piece.
		c.bufs = append(c.bufs, b[:len(b):len(b)])
	}
	c.n += o.n
	o.bufs, o.n = nil, 0
}

// WriteTo writes the pieces to w.
func (c *chunks) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, b := range c.bufs {
		k, err := w.Write(b)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Write deflates b.
func (d *deflated) Write(b []byte) (int, error) {
	d.crc = crc32.Update(d.crc, crc32.IEEETable, b)
	d.size += uint64(len(b))
	return d.fw.Write(b)
}

func newOrderedZip(w io.Writer) *orderedZip {
	return &orderedZip{w: w, parts: make(map[string]*zipPart), splices: make(map[int][]splice)}
}

// rewritten reports whether Close changes the part before it is zipped:
// the content types, the workbook and its relationships, and the
// worksheets (whose rows and merges are spliced in). None is large: the
// rows and merges are held apart.
func rewritten(name string) bool {
	switch name {
	case "[Content_Types].xml", "xl/workbook.xml", workbookRels:
		return true
	}
	return worksheetPart(name)
}

// workbookRels is the part naming the workbook's sheets' parts.
const workbookRels = "xl/_rels/workbook.xml.rels"

// worksheetPart reports whether name is a worksheet part.
func worksheetPart(name string) bool {
	rest, ok := strings.CutPrefix(name, "xl/worksheets/")
	return ok && !strings.Contains(rest, "/") && strings.HasSuffix(rest, ".xml")
}

// Create starts a part; a second part of the same name replaces the first.
func (z *orderedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name}
	if rewritten(name) {
		p.raw = new(bytes.Buffer)
	} else {
		z.startDeflate(&p.deflated)
	}
	z.parts[name] = p
	z.open = p
	return p, nil
}

// Splice deflates the XML that write writes, to be put in place of
// placeholder (which must occur once) in the part of the sheet at 0-based
// position index in the workbook when the workbook is written.
func (z *orderedZip) Splice(index int, placeholder string, write func(w io.Writer) error) error {
	if err := z.finish(); err != nil {
		return err
	}
	for _, s := range z.splices[index] {
		if s.placeholder == placeholder {
			return fmt.Errorf("xlsx: sheet %d: %s replaced twice", index+1, placeholder)
		}
	}
	d := new(deflated)
	z.startDeflate(d)
	if err := write(d); err != nil {
		return err
	}
	// A sync flush ends the data on a byte boundary without ending the
	// deflate stream, so more can follow it.
	if err := d.fw.Flush(); err != nil {
		return fmt.Errorf("xlsx: sheet %d: %w", index+1, err)
	}
	z.spare, d.fw = d.fw, nil
	z.splices[index] = append(z.splices[index], splice{placeholder: placeholder, xml: d})
	return nil
}

// startDeflate gives d a compressor writing into d.comp.
func (z *orderedZip) startDeflate(d *deflated) {
	if z.spare != nil {
		d.fw, z.spare = z.spare, nil
		d.fw.Reset(&d.comp)
		return
	}
	// The fastest deflate level: workbooks grow by about a tenth and are
	// written in half the time.
	d.fw = render.Deflater(&d.comp)
}

// finish completes the part being written and keeps its compressor.
func (z *orderedZip) finish() error {
	p := z.open
	z.open = nil
	if p == nil || p.fw == nil {
		return nil
	}
	if err := p.fw.Close(); err != nil {
		return fmt.Errorf("xlsx: zip part %s: %w", p.name, err)
	}
	z.spare, p.fw, p.done = p.fw, nil, true
	return nil
}

// Write adds to the part.
func (p *zipPart) Write(b []byte) (int, error) {
	if p.raw != nil {
		return p.raw.Write(b)
	}
	if p.done {
		return 0, fmt.Errorf("xlsx: zip part %s written after the next part was started", p.name)
	}
	return p.deflated.Write(b)
}

// printTitle is the row a sheet repeats at the top of each printed page: a
// defined name "_xlnm.Print_Titles" scoped to the sheet.
type printTitle struct {
	sheet    int    // 0-based sheet index (the name's localSheetId)
	refersTo string // 'Sheet'!$5:$5
}

// filterName is how excelize writes the opening tag of a sheet's
// autofilter range name; %d is the sheet index.
const filterName = `<definedName hidden="true" localSheetId="%d" name="_xlnm._FilterDatabase">`

// addPrintTitles inserts each print title into workbook.xml right after
// its sheet's autofilter name, in the form and place excelize's
// SetDefinedName would have given it. Every sheet with print titles has
// an autofilter (both are set for a sheet's first table); a missing one is
// an error rather than a silently different workbook.
func addPrintTitles(body []byte, titles []printTitle) ([]byte, error) {
	if len(titles) == 0 {
		return body, nil
	}
	extra := 0
	for _, t := range titles {
		extra += len(t.refersTo)*2 + 96
	}
	out := make([]byte, 0, len(body)+extra)
	pos := 0
	for _, t := range titles {
		open := fmt.Appendf(nil, filterName, t.sheet)
		i := bytes.Index(body[pos:], open)
		if i < 0 {
			return nil, fmt.Errorf("xlsx: print titles of sheet %d: no autofilter name in workbook.xml", t.sheet+1)
		}
		end := bytes.Index(body[pos+i:], []byte("</definedName>"))
		if end < 0 {
			return nil, fmt.Errorf("xlsx: print titles of sheet %d: unterminated defined name", t.sheet+1)
		}
		end += pos + i + len("</definedName>")
		out = append(out, body[pos:end]...)
		out = append(out, `<definedName localSheetId="`...)
		out = strconv.AppendInt(out, int64(t.sheet), 10)
		out = append(out, `" name="_xlnm.Print_Titles">`...)
		var esc bytes.Buffer
		if err := xml.EscapeText(&esc, []byte(t.refersTo)); err != nil {
			return nil, fmt.Errorf("xlsx: print titles of sheet %d: %w", t.sheet+1, err)
		}
		out = append(out, esc.Bytes()...)
		out = append(out, "</definedName>"...)
		pos = end
	}
	return append(out, body[pos:]...), nil
}

// AddFS is not used by excelize when saving; it is refused rather than
// silently ignored.
func (z *orderedZip) AddFS(fs.FS) error {
	return fmt.Errorf("xlsx: adding a file system to the workbook is not supported")
}

// Close writes the zip archive.
func (z *orderedZip) Close() error {
	defer func() {
		render.ReuseDeflater(z.spare) // for the next workbook
		z.spare = nil
	}()
	if err := z.finish(); err != nil {
		return err
	}
	sheets, err := z.sheetParts()
	if err != nil {
		return err
	}
	names := make([]string, 0, len(z.parts))
	for n := range z.parts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i] == "[Content_Types].xml", names[j] == "[Content_Types].xml"
		if a != b {
			return a
		}
		return names[i] < names[j]
	})
	zw := zip.NewWriter(z.w)
	for _, n := range names {
		p := z.parts[n]
		if p.raw != nil {
			body := p.raw.Bytes()
			switch n {
			case "[Content_Types].xml":
				body = sortOverrides(body)
			case "xl/workbook.xml":
				var err error
				if body, err = addPrintTitles(body, z.titles); err != nil {
					return err
				}
			}
			p.raw = nil
			var sp []splice
			if i, ok := sheets[n]; ok {
				sp = z.splices[i]
				delete(z.splices, i)
			}
			if err := z.deflatePart(p, body, sp); err != nil {
				return err
			}
		}
		fw, err := zw.CreateRaw(partHeader(p))
		if err != nil {
			return fmt.Errorf("xlsx: zip part %s: %w", n, err)
		}
		if _, err := p.comp.WriteTo(fw); err != nil {
			return fmt.Errorf("xlsx: zip part %s: %w", n, err)
		}
	}
	for i := range z.splices {
		return fmt.Errorf("xlsx: sheet %d: the workbook has no part for that sheet", i+1)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("xlsx: close zip: %w", err)
	}
	return nil
}

// deflatePart deflates a part held raw, with each splice's XML in place
// of its placeholder.
func (z *orderedZip) deflatePart(p *zipPart, body []byte, splices []splice) error {
	z.startDeflate(&p.deflated)
	at := make([]int, len(splices))
	for k, s := range splices {
		i := bytes.Index(body, []byte(s.placeholder))
		if i < 0 || bytes.Contains(body[i+1:], []byte(s.placeholder)) {
			return fmt.Errorf("xlsx: zip part %s: %s is not there once to be replaced", p.name, s.placeholder)
		}
		at[k] = i
	}
	order := make([]int, len(splices))
	for k := range order {
		order[k] = k
	}
	sort.Slice(order, func(a, b int) bool { return at[order[a]] < at[order[b]] })
	pos := 0
	for _, k := range order {
		s := splices[k]
		if at[k] < pos {
			return fmt.Errorf("xlsx: zip part %s: placeholders overlap", p.name)
		}
		_, _ = p.deflated.Write(body[pos:at[k]]) // into chunks, which never fail
		if err := p.fw.Flush(); err != nil {
			return fmt.Errorf("xlsx: zip part %s: %w", p.name, err)
		}
		p.comp.append(&s.xml.comp)
		p.crc = crc32Combine(p.crc, s.xml.crc, s.xml.size)
		p.size += s.xml.size
		p.fw.Reset(&p.comp)
		pos = at[k] + len(s.placeholder)
	}
	_, _ = p.deflated.Write(body[pos:])
	if err := p.fw.Close(); err != nil {
		return fmt.Errorf("xlsx: zip part %s: %w", p.name, err)
	}
	z.spare, p.fw, p.done = p.fw, nil, true
	return nil
}

// sheetParts maps the name of each worksheet part that has XML to put in
// to the sheet's position, read from the workbook's sheet list and its
// relationships.
func (z *orderedZip) sheetParts() (map[string]int, error) {
	if len(z.splices) == 0 {
		return nil, nil
	}
	book, rels := z.parts["xl/workbook.xml"], z.parts[workbookRels]
	if book == nil || book.raw == nil || rels == nil || rels.raw == nil {
		return nil, fmt.Errorf("xlsx: the workbook has no sheet list to put the sheets' rows in")
	}
	var wb struct {
		Sheets []struct {
			ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(book.raw.Bytes(), &wb); err != nil {
		return nil, fmt.Errorf("xlsx: read back xl/workbook.xml: %w", err)
	}
	var rs struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(rels.raw.Bytes(), &rs); err != nil {
		return nil, fmt.Errorf("xlsx: read back %s: %w", workbookRels, err)
	}
	target := make(map[string]string, len(rs.Rel))
	for _, r := range rs.Rel {
		t := r.Target
		if abs, ok := strings.CutPrefix(t, "/"); ok {
			t = abs
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	out := make(map[string]int, len(z.splices))
	for i := range z.splices {
		if i < 0 || i >= len(wb.Sheets) || target[wb.Sheets[i].ID] == "" {
			return nil, fmt.Errorf("xlsx: sheet %d: the workbook has no part for that sheet", i+1)
		}
		out[target[wb.Sheets[i].ID]] = i
	}
	return out, nil
}

// crc32Combine is the CRC-32 (IEEE) of data whose first part has checksum
// a and whose second part, n bytes long, has checksum b: a shifted past n
// zero bytes, added to b. In the bit-reversed form CRC-32 is computed in,
// a checksum is a polynomial over GF(2) of degree below 32 with x^0 in the
// top bit, and shifting past n bytes multiplies it by x^(8n) modulo the
// CRC polynomial.
func crc32Combine(a, b uint32, n uint64) uint32 {
	return gf2Mul(gf2PowX(8*n), a) ^ b
}

// gf2Mul multiplies two polynomials modulo the CRC-32 polynomial.
func gf2Mul(p, q uint32) uint32 {
	var out uint32
	for bit := uint32(1) << 31; bit != 0; bit >>= 1 {
		if p&bit != 0 {
			out ^= q
		}
		// q times x: one place down, reduced when x^31's term falls off.
		if q&1 != 0 {
			q = q>>1 ^ crc32.IEEE
		} else {
			q >>= 1
		}
	}
	return out
}

// gf2PowX is x^k modulo the CRC-32 polynomial, by repeated squaring.
func gf2PowX(k uint64) uint32 {
	out := uint32(1) << 31 // x^0
	sq := uint32(1) << 30  // x^1
	for ; k > 0; k >>= 1 {
		if k&1 != 0 {
			out = gf2Mul(out, sq)
		}
		sq = gf2Mul(sq, sq)
	}
	return out
}

// zipStamp is the fixed modification time of every part.
var zipStamp = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// partHeader is the header zip.Writer's CreateHeader would give a part it
// deflated itself with Modified set to zipStamp: version 2.0, a trailing
// data descriptor, the MS-DOS time and an extended-timestamp extra field,
// the UTF-8 flag for a name that needs it, and zip64's version for a part
// of 4 GB or more.
func partHeader(p *zipPart) *zip.FileHeader {
	fh := &zip.FileHeader{
		Name:               p.name,
		Method:             zip.Deflate,
		Flags:              0x8,
		CreatorVersion:     20,
		ReaderVersion:      20,
		CRC32:              p.crc,
		CompressedSize64:   uint64(p.comp.n),
		UncompressedSize64: p.size,
	}
	if needsUTF8(p.name) {
		fh.Flags |= 0x800
	}
	if fh.CompressedSize64 >= 0xffffffff || fh.UncompressedSize64 >= 0xffffffff {
		fh.ReaderVersion = 45
	}
	// The MS-DOS date and time fields of 1980-01-01 00:00:00.
	fh.ModifiedDate = 1<<5 | 1
	fh.ModifiedTime = 0
	mt := uint32(zipStamp.Unix())
	fh.Extra = []byte{0x55, 0x54, 5, 0, 1, byte(mt), byte(mt >> 8), byte(mt >> 16), byte(mt >> 24)}
	return fh
}

// needsUTF8 reports whether a name needs zip's UTF-8 flag: it is valid
// UTF-8 with characters outside the range CP-437 shares with ASCII.
func needsUTF8(name string) bool {
	if !utf8.ValidString(name) {
		return false
	}
	for _, r := range name {
		if r < 0x20 || r > 0x7d || r == 0x5c {
			return true
		}
	}
	return false
}

// typeElements returns where each Default or Override element of
// [Content_Types].xml starts and ends, as FindAllIndex of the regular
// expression
//
//	<(?:Default|Override) [^>]*?(?:/>|></(?:Default|Override)>)
//
// would (TestTypeElementsMatchRegexp checks that it does). Matching that
// expression took about 1% of the instructions of a council-sized build.
func typeElements(body []byte) [][]int {
	var locs [][]int
	for i := 0; i < len(body); {
		j := bytes.IndexByte(body[i:], '<')
		if j < 0 {
			break
		}
		start := i + j
		end := typeElementEnd(body, start)
		if end < 0 {
			i = start + 1
			continue
		}
		locs = append(locs, []int{start, end})
		i = end
	}
	return locs
}

// typeElementEnd returns where the Default or Override element starting
// at body[start] ends, or -1 if none starts there: its attributes run to
// the first '>', which either closes an empty element ("/>") or is
// followed by the matching end tag (either name, as the expression has it).
func typeElementEnd(body []byte, start int) int {
	attrs := -1
	for _, open := range []string{"<Default ", "<Override "} {
		if bytes.HasPrefix(body[start:], []byte(open)) {
			attrs = start + len(open)
		}
	}
	if attrs < 0 {
		return -1
	}
	k := bytes.IndexByte(body[attrs:], '>')
	if k < 0 {
		return -1
	}
	k += attrs
	if k > attrs && body[k-1] == '/' {
		return k + 1
	}
	for _, end := range []string{"></Default>", "></Override>"} {
		if bytes.HasPrefix(body[k:], []byte(end)) {
			return k + len(end)
		}
	}
	return -1
}

// sortOverrides puts the Default and Override elements of
// [Content_Types].xml in a fixed order, Defaults first (excelize adds both
// in map order when a workbook has charts). When the elements are not one
// contiguous run the body is left as it is.
func sortOverrides(body []byte) []byte {
	locs := typeElements(body)
	if len(locs) < 2 {
		return body
	}
	start, end := locs[0][0], locs[len(locs)-1][1]
	parts := make([]string, 0, len(locs))
	pos := start
	for _, l := range locs {
		if l[0] != pos {
			return body // not contiguous: leave alone
		}
		parts = append(parts, string(body[l[0]:l[1]]))
		pos = l[1]
	}
	sort.Slice(parts, func(i, j int) bool {
		di, dj := strings.HasPrefix(parts[i], "<Default"), strings.HasPrefix(parts[j], "<Default")
		if di != dj {
			return di
		}
		return parts[i] < parts[j]
	})
	out := make([]byte, 0, len(body))
	out = append(out, body[:start]...)
	for _, p := range parts {
		out = append(out, p...)
	}
	return append(out, body[end:]...)
}
