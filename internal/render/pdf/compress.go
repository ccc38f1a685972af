package pdf

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"

	"github.com/klauspost/compress/zlib"
)

// assemble writes the paper to w: the file fpdf wrote (src, uncompressed,
// which it may modify) with the content stream of page i replaced by
// pages[i] (Flate-compressed unless raw), fpdf's other unfiltered streams
// compressed, its placeholder faces replaced by the faces embedded as
// subsets of the characters seen (see embed.go), the cross-reference table
// moved to match, and the structure tree and the pages' second streams
// (extras) appended by mk (see structure.go).
//
// The paper is written in pieces — fpdf's objects, each page's content,
// the new table and the update — so the whole file is never copied into
// one buffer; nothing is written before every piece is ready. Objects
// are found through the file's own cross-reference table, so no byte
// inside a stream is ever taken for syntax.
func assemble(w io.Writer, src []byte, pages, extras [][]byte, raw bool, mk *marker, seen *[numFaces]*runeSet) error {
	offsets, xrefAt, err := readXref(src)
	if err != nil {
		return err
	}
	tr := trailerSize.FindSubmatch(src[xrefAt:])
	if tr == nil {
		return fmt.Errorf("assembling PDF: no trailer")
	}
	if size, _ := strconv.Atoi(string(tr[1])); size != len(offsets)+1 {
		return fmt.Errorf("assembling PDF: trailer /Size %d for %d objects", size, len(offsets))
	}
	fe, err := embedFonts(src, offsets, len(offsets)+1, seen)
	if err != nil {
		return err
	}
	size := len(offsets) + 1 + len(fe.at) // with the objects embedding the faces
	object := func(n int) ([]byte, error) { return objectDict(src, offsets, n) }
	pageObjs, err := pageObjects(object)
	if err != nil {
		return err
	}
	if len(pageObjs) != len(pages) {
		return fmt.Errorf("assembling PDF: %d pages in the file, %d drawn", len(pageObjs), len(pages))
	}
	content := make(map[int]int, len(pages)) // content object → page
	for i, num := range pageObjs {
		dict, err := object(num)
		if err != nil {
			return err
		}
		m := contentsRef.FindSubmatch(dict)
		if m == nil {
			return fmt.Errorf("assembling PDF: page object %d has no content stream", num)
		}
		c, _ := strconv.Atoi(string(m[1]))
		content[c] = i
	}

	// The unfiltered streams, in file order, with what replaces them, and
	// the placeholder faces' objects, replaced whole.
	type stream struct {
		dict, end int // start of "<<" and end of the stream data in src
		data      []byte
		obj       []byte // an object replacing src[dict:end] whole
	}
	var streams []stream
	for num, obj := range fe.objs {
		streams = append(streams, stream{dict: offsets[num-1], end: fe.ends[num], obj: obj})
	}
	var zbuf bytes.Buffer
	for i, off := range offsets {
		p := bytes.Index(src[off:min(off+32, len(src))], []byte(" 0 obj\n<</Length "))
		if p < 0 {
			continue
		}
		dict := off + p + len(" 0 obj\n")
		q := dict + len("<</Length ")
		n := 0
		for q < len(src) && src[q] >= '0' && src[q] <= '9' {
			n = n*10 + int(src[q]-'0')
			q++
		}
		if !bytes.HasPrefix(src[q:], []byte(">>\nstream\n")) {
			continue // a stream with other keys, already filtered
		}
		start := q + len(">>\nstream\n")
		if start+n > len(src) || !bytes.HasPrefix(src[start+n:], []byte("\nendstream")) {
			return fmt.Errorf("assembling PDF: stream of object %d is not %d bytes long", i+1, n)
		}
		s := stream{dict: dict, end: start + n}
		if pg, ok := content[i+1]; ok {
			s.data = pages[pg]
			delete(content, i+1)
		} else if raw {
			s.data = src[start : start+n]
		} else {
			zbuf.Reset()
			deflate(&zbuf, src[start:start+n])
			s.data = bytes.Clone(zbuf.Bytes())
		}
		streams = append(streams, s)
	}
	if len(content) > 0 {
		return fmt.Errorf("assembling PDF: %d page content streams not found", len(content))
	}
	sort.Slice(streams, func(i, j int) bool { return streams[i].dict < streams[j].dict })

	if bytes.HasPrefix(src, []byte("%PDF-1.")) && len(src) > 8 && src[7] < '7' {
		src[7] = '7' // object streams and structure attributes: PDF 1.7 (fpdf's header, raised in place)
	}

	// The pieces, remembering how far each object moved.
	var pieces [][]byte
	heads := make([]byte, 0, 48*len(streams))
	pos := 0                             // length of the output so far
	shiftAt := make([]int, len(streams)) // positions in src after which...
	shiftBy := make([]int, len(streams)) // ...everything moved by this much
	last := 0
	for i, s := range streams {
		pieces = append(pieces, src[last:s.dict])
		pos += s.dict - last
		last = s.end
		if s.obj != nil {
			pieces = append(pieces, s.obj)
			pos += len(s.obj)
			shiftAt[i], shiftBy[i] = s.end, pos-s.end
			continue
		}
		h := len(heads)
		if raw {
			heads = append(heads, "<</Length "...)
		} else {
			heads = append(heads, "<</Filter /FlateDecode /Length "...)
		}
		heads = strconv.AppendInt(heads, int64(len(s.data)), 10)
		heads = append(heads, ">>\nstream\n"...)
		pieces = append(pieces, heads[h:len(heads):len(heads)], s.data)
		pos += len(heads) - h + len(s.data)
		shiftAt[i], shiftBy[i] = s.end, pos-s.end
	}
	shift := func(p int) int {
		i := sort.SearchInts(shiftAt, p+1) // streams ending at or before p
		if i == 0 {
			return p
		}
		return p + shiftBy[i-1]
	}
	// The rest up to the cross-reference table, the objects embedding the
	// faces, then the table rewritten.
	pieces = append(pieces, src[last:xrefAt], fe.extra)
	pos += xrefAt - last
	extraAt := pos
	pos += len(fe.extra)
	newXref := pos
	table := make([]byte, 0, xrefLen(size-1)+256)
	table = append(table, "xref\n0 "...)
	table = strconv.AppendInt(table, int64(size), 10)
	table = append(table, "\n0000000000 65535 f \n"...)
	for _, off := range offsets {
		table = appendPadded(table, shift(off), 10)
		table = append(table, " 00000 n \n"...)
	}
	for _, off := range fe.at {
		table = appendPadded(table, extraAt+off, 10)
		table = append(table, " 00000 n \n"...)
	}
	// The trailer follows the table, with the new /Size; its startxref is
	// the last number.
	tail := src[xrefAt+xrefLen(len(offsets)):]
	sm := trailerSize.FindSubmatchIndex(tail)
	if sm == nil {
		return fmt.Errorf("assembling PDF: no trailer")
	}
	table = append(table, tail[:sm[2]]...)
	table = strconv.AppendInt(table, int64(size), 10)
	tail = tail[sm[3]:]
	k := bytes.LastIndex(tail, []byte("startxref\n"))
	if k < 0 {
		return fmt.Errorf("assembling PDF: no startxref")
	}
	table = append(table, tail[:k]...)
	table = append(table, "startxref\n"...)
	table = strconv.AppendInt(table, int64(newXref), 10)
	table = append(table, "\n%%EOF\n"...)
	pieces = append(pieces, table)
	pos += len(table)

	update, err := mk.update(src, offsets, xrefAt, size, pos, newXref, pageObjs, extras, raw)
	if err != nil {
		return err
	}
	pieces = append(pieces, update)
	for _, p := range pieces {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// zlibWriters keeps a few zlib writers at the fastest level for reuse by
// every paper: a new one allocates about a megabyte of tables, and a
// sync.Pool dropped them at each garbage collection, which a long build
// runs often (measured: 42 MB of a warm rebuild's 450 MB allocated).
//
// The writers are github.com/klauspost/compress's zlib, not the standard
// library's: compressing is half the PDF renderer's time, and on the page
// contents of the 10,000-action sample's briefing (3,224 streams, 44 MB)
// it takes 0.27–0.34 s against 0.61–0.67 s, for 3% less output. Its
// output is as deterministic as the standard library's for a given
// version.
var zlibWriters = writerCache{free: make(chan *zlib.Writer, 4)}

type writerCache struct{ free chan *zlib.Writer }

// Get returns a free writer, or a new one.
func (c writerCache) Get() *zlib.Writer {
	select {
	case w := <-c.free:
		return w
	default:
		w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // a valid level never fails
		return w
	}
}

// Put keeps w for reuse, unless enough are kept.
func (c writerCache) Put(w *zlib.Writer) {
	select {
	case c.free <- w:
	default:
	}
}

// deflate appends to buf the zlib compression of the parts, one after the
// other, at the fastest level, with a writer from zlibWriters.
func deflate(buf *bytes.Buffer, parts ...[]byte) {
	zw := zlibWriters.Get()
	zw.Reset(buf)
	for _, p := range parts {
		_, _ = zw.Write(p) // writes to a bytes.Buffer cannot fail
	}
	_ = zw.Close()
	zlibWriters.Put(zw)
}

// appendPadded appends v in decimal, zero-padded to width digits.
func appendPadded(b []byte, v, width int) []byte {
	var d [20]byte
	s := strconv.AppendInt(d[:0], int64(v), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

var (
	contentsRef = regexp.MustCompile(`/Contents ([0-9]+) 0 R`)
	kidsRef     = regexp.MustCompile(`([0-9]+) 0 R`)
)

// objectDict returns the dictionary of object n of src without its
// closing ">>".
func objectDict(src []byte, offsets []int, n int) ([]byte, error) {
	if n < 1 || n > len(offsets) {
		return nil, fmt.Errorf("assembling PDF: no object %d", n)
	}
	at := offsets[n-1]
	start := bytes.Index(src[at:min(len(src), at+32)], []byte(" obj\n"))
	end := bytes.Index(src[at:], []byte("\nendobj"))
	if start < 0 || end < start {
		return nil, fmt.Errorf("assembling PDF: object %d is not where the table says", n)
	}
	body := bytes.TrimSpace(src[at+start+len(" obj\n") : at+end])
	if !bytes.HasPrefix(body, []byte("<<")) || !bytes.HasSuffix(body, []byte(">>")) {
		return nil, fmt.Errorf("assembling PDF: object %d is not a dictionary", n)
	}
	return body[:len(body)-2], nil
}

// pageObjects returns the object numbers of the pages, in order, from
// fpdf's page tree (object 1, one level).
func pageObjects(object func(int) ([]byte, error)) ([]int, error) {
	pagesObj, err := object(1)
	if err != nil {
		return nil, err
	}
	k := bytes.Index(pagesObj, []byte("/Kids ["))
	if k < 0 {
		return nil, fmt.Errorf("assembling PDF: no page list")
	}
	kidsEnd := bytes.IndexByte(pagesObj[k:], ']')
	if kidsEnd < 0 {
		return nil, fmt.Errorf("assembling PDF: no end to the page list")
	}
	var pages []int
	for _, r := range kidsRef.FindAllSubmatch(pagesObj[k:k+kidsEnd], -1) {
		n, _ := strconv.Atoi(string(r[1]))
		pages = append(pages, n)
	}
	return pages, nil
}

// xrefLen is the length of fpdf's cross-reference table for n objects.
func xrefLen(n int) int {
	return len("xref\n0 ") + len(strconv.Itoa(n+1)) + 1 + 20*(n+1)
}

// readXref finds fpdf's cross-reference table and returns the offsets of
// objects 1… in order and where the table starts.
func readXref(src []byte) ([]int, int, error) {
	k := bytes.LastIndex(src, []byte("startxref\n"))
	if k < 0 {
		return nil, 0, fmt.Errorf("assembling PDF: no startxref")
	}
	end := k + len("startxref\n")
	for end < len(src) && src[end] >= '0' && src[end] <= '9' {
		end++
	}
	at, err := strconv.Atoi(string(src[k+len("startxref\n") : end]))
	if err != nil || at < 0 || at >= len(src) || !bytes.HasPrefix(src[at:], []byte("xref\n0 ")) {
		return nil, 0, fmt.Errorf("assembling PDF: bad startxref")
	}
	p := at + len("xref\n0 ")
	q := p
	for q < len(src) && src[q] >= '0' && src[q] <= '9' {
		q++
	}
	count, err := strconv.Atoi(string(src[p:q]))
	if err != nil || count < 1 || q+1+20*count > len(src) {
		return nil, 0, fmt.Errorf("assembling PDF: bad xref header")
	}
	offsets := make([]int, 0, count-1)
	row := q + 1 + 20 // skip object 0
	for i := 1; i < count; i++ {
		o, err := strconv.Atoi(string(src[row : row+10]))
		if err != nil || o < 0 || o >= at {
			return nil, 0, fmt.Errorf("assembling PDF: bad xref entry %d", i)
		}
		offsets = append(offsets, o)
		row += 20
	}
	return offsets, at, nil
}
