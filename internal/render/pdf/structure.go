package pdf

import (
	"bytes"
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/agsreport/agsreport/internal/report"
)

// Tagged PDF.
//
// fpdf has no API for a structure tree, so the work is split in two. While
// the pages are drawn, marker wraps every box in marked content in the
// page's content stream: a box tagged with a structure element goes into a
// sequence "/Role <</MCID n>> BDC … EMC" whose number is recorded against
// the element, and every other box into "/Artifact BMC … EMC". Once fpdf
// has written the file, update makes an incremental update — new
// objects and a cross-reference stream of their own, pointing back at
// fpdf's table with /Prev — that adds the structure tree and its parent
// tree (compressed together in one object stream, which keeps a long
// paper's tree to a fraction of its size written plainly),
// gives each page its /StructParents, and marks the catalog as tagged
// (/MarkInfo) with the title to show (/ViewerPreferences). fpdf itself
// writes the language (/Lang) and the XMP metadata with the PDF/UA-1
// identifier. The update changes nothing before it, except the header's
// version number, which assemble raises to 1.7 in place.

// mcr is one marked-content sequence: the MCID on a page.
type mcr struct{ page, mcid int32 }

// marker opens and closes marked-content sequences as the drawer draws
// boxes, and remembers which element each sequence belongs to.
type marker struct {
	out     *[]byte // the content of the page being drawn
	elems   []Elem
	alts    map[int32]string // see Layout.Alts
	open    bool
	cur     int32
	page    int32
	perPage [][]int32 // per page, the element of each MCID
}

func newMarker(elems []Elem) *marker {
	return &marker{elems: elems}
}

// startPage is called after each new page.
func (m *marker) startPage() {
	m.perPage = append(m.perPage, nil)
	m.page = int32(len(m.perPage) - 1)
}

// mark makes the next content drawn belong to tag, starting a new sequence
// unless the current one already does.
func (m *marker) mark(tag int32) {
	if m.open && m.cur == tag {
		return
	}
	m.end()
	if tag == Artifact || int(tag) >= len(m.elems) {
		*m.out = append(*m.out, "/Artifact BMC\n"...)
		tag = Artifact
	} else {
		id := int32(len(m.perPage[m.page]))
		m.perPage[m.page] = append(m.perPage[m.page], tag)
		b := append(*m.out, '/')
		b = append(b, m.elems[tag].Role.String()...)
		b = append(b, " <</MCID "...)
		b = strconv.AppendInt(b, int64(id), 10)
		b = append(b, ">> BDC\n"...)
		*m.out = b
	}
	m.open, m.cur = true, tag
}

// end closes the open sequence, if any; called at the end of each page.
func (m *marker) end() {
	if m.open {
		*m.out = append(*m.out, "EMC\n"...)
		m.open = false
	}
}

var trailerSize = regexp.MustCompile(`trailer\n<<\n/Size ([0-9]+)\n/Root ([0-9]+) 0 R\n/Info ([0-9]+) 0 R\n`)

// update returns the incremental update described above for src, the
// file fpdf wrote for the marker's pages (offsets and xrefAt locate its
// objects and table, pages are its page objects), to be written after
// base bytes of output whose cross-reference table, for objects below
// size, is at prev.
//
// extras holds, per page, a second content stream to add to the page (nil
// for none), Flate-compressed unless raw.
func (m *marker) update(src []byte, offsets []int, xrefAt, size, base, prev int, pages []int, extras [][]byte, raw bool) ([]byte, error) {
	tr := trailerSize.FindSubmatch(src[xrefAt:])
	if tr == nil {
		return nil, fmt.Errorf("tagging PDF: no trailer")
	}
	rootNum, _ := strconv.Atoi(string(tr[2]))
	infoNum, _ := strconv.Atoi(string(tr[3]))
	object := func(n int) ([]byte, error) { return objectDict(src, offsets, n) }
	if len(pages) != len(m.perPage) {
		return nil, fmt.Errorf("tagging PDF: %d pages in the file, %d drawn", len(pages), len(m.perPage))
	}
	catalog, err := object(rootNum)
	if err != nil {
		return nil, err
	}

	var out []byte
	// The tree goes into one compressed object stream: the structure tree
	// root, the parent tree and the elements, numbered from size on.
	rootObj, treeObj, first := size, size+1, size+2
	elemObj := func(i int32) int { return first + int(i) }
	stmObj := first + len(m.elems)
	extraObj := make([]int, len(extras)) // the object of each page's second stream
	next := stmObj + 1
	for p, e := range extras {
		if e != nil {
			extraObj[p] = next
			next++
		}
	}
	xrefObj := next
	// About 70 bytes an element, 12 in the header.
	body := make([]byte, 0, 80*len(m.elems)+16*len(pages)+256)
	head := make([]byte, 0, 14*len(m.elems)+64)
	n := 0
	begin := func(num int) {
		head = strconv.AppendInt(head, int64(num), 10)
		head = append(head, ' ')
		head = strconv.AppendInt(head, int64(len(body)), 10)
		head = append(head, ' ')
		n++
	}
	end := func() { body = append(body, '\n') }

	begin(rootObj)
	body = fmt.Appendf(body, "<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", elemObj(0), treeObj, len(pages))
	end()

	begin(treeObj)
	body = append(body, "<</Nums ["...)
	for p, tags := range m.perPage {
		body = strconv.AppendInt(body, int64(p), 10)
		body = append(body, " ["...)
		for i, t := range tags {
			if i > 0 {
				body = append(body, ' ')
			}
			body = appendRef(body, elemObj(t))
		}
		body = append(body, "]\n"...)
	}
	body = append(body, "]>>"...)
	end()

	// Each element's children, and its sequences in drawing order, in
	// one array each (element i's from start[i] to start[i+1]).
	kidStart, kids := group(len(m.elems), func(yield func(int32, int32)) {
		for i := 1; i < len(m.elems); i++ {
			if p := m.elems[i].Parent; p >= 0 {
				yield(p, int32(i))
			}
		}
	})
	seqStart, seqs := group(len(m.elems), func(yield func(int32, mcr)) {
		for p, tags := range m.perPage {
			for id, t := range tags {
				yield(t, mcr{int32(p), int32(id)})
			}
		}
	})
	for i, e := range m.elems {
		begin(elemObj(int32(i)))
		body = appendElem(body, e, m.alts[int32(i)], kids[kidStart[i]:kidStart[i+1]], seqs[seqStart[i]:seqStart[i+1]], pages, rootObj, elemObj)
		end()
	}
	var zbuf bytes.Buffer
	zbuf.Grow((len(head) + len(body)) / 4)
	deflate(&zbuf, head, body)

	// Plain objects: the object stream, new versions of the pages and the
	// catalog; then the cross-reference stream.
	extraLen := 0
	for _, e := range extras {
		extraLen += len(e) + 80
	}
	out = make([]byte, 0, zbuf.Len()+extraLen+220*len(pages)+1024)
	offsets1 := map[int]int{}
	start := func(num int) {
		offsets1[num] = base + len(out)
		out = fmt.Appendf(out, "%d 0 obj\n", num)
	}
	endObj := func() { out = append(out, "\nendobj\n"...) }
	start(stmObj)
	out = fmt.Appendf(out, "<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", n, len(head), zbuf.Len())
	out = append(out, zbuf.Bytes()...)
	out = append(out, "\nendstream"...)
	endObj()
	for p, num := range pages {
		dict, err := object(num)
		if err != nil {
			return nil, err
		}
		if p < len(extras) && extras[p] != nil {
			start(extraObj[p])
			if raw {
				out = fmt.Appendf(out, "<</Length %d>>\nstream\n", len(extras[p]))
			} else {
				out = fmt.Appendf(out, "<</Filter /FlateDecode /Length %d>>\nstream\n", len(extras[p]))
			}
			out = append(out, extras[p]...)
			out = append(out, "\nendstream"...)
			endObj()
			c := contentsRef.FindSubmatchIndex(dict)
			if c == nil {
				return nil, fmt.Errorf("tagging PDF: page object %d has no content stream", num)
			}
			start(num)
			out = append(out, dict[:c[0]]...)
			out = fmt.Appendf(out, "/Contents [%s 0 R %d 0 R]", dict[c[2]:c[3]], extraObj[p])
			out = append(out, dict[c[1]:]...)
		} else {
			start(num)
			out = append(out, dict...)
		}
		out = fmt.Appendf(out, "/StructParents %d\n/Tabs /S\n>>", p)
		endObj()
	}
	start(rootNum)
	out = append(out, catalog...)
	out = fmt.Appendf(out, "/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n/ViewerPreferences <</DisplayDocTitle true>>\n>>", rootObj)
	endObj()

	// The cross-reference stream: a row per object, [type, field 2,
	// field 3] in 1, 4 and 4 bytes: type 1 at an offset, type 2 the i-th
	// object of the object stream.
	at := base + len(out)
	offsets1[xrefObj] = at
	type row struct {
		num    int
		kind   byte
		f2, f3 uint32
	}
	// The objects at offsets are few (a page's, the catalog): sorted,
	// they are merged with the stream's, which are in order already.
	placed := make([]row, 0, len(offsets1))
	for num, off := range offsets1 {
		placed = append(placed, row{num, 1, uint32(off), 0})
	}
	slices.SortFunc(placed, func(a, b row) int { return cmp.Compare(a.num, b.num) })
	rows := make([]row, 0, len(placed)+n)
	for i := 0; i < n; i++ {
		for len(placed) > 0 && placed[0].num < rootObj+i {
			rows, placed = append(rows, placed[0]), placed[1:]
		}
		rows = append(rows, row{rootObj + i, 2, uint32(stmObj), uint32(i)})
	}
	rows = append(rows, placed...)
	var index []byte
	data := make([]byte, 0, 9*len(rows))
	for i := 0; i < len(rows); {
		j := i + 1
		for j < len(rows) && rows[j].num == rows[j-1].num+1 {
			j++
		}
		index = fmt.Appendf(index, "%d %d ", rows[i].num, j-i)
		i = j
	}
	for _, r := range rows {
		data = append(data, r.kind, byte(r.f2>>24), byte(r.f2>>16), byte(r.f2>>8), byte(r.f2),
			byte(r.f3>>24), byte(r.f3>>16), byte(r.f3>>8), byte(r.f3))
	}
	zbuf.Reset()
	deflate(&zbuf, data)
	out = fmt.Appendf(out, "%d 0 obj\n<</Type /XRef /Size %d /Index [%s] /W [1 4 4] /Root %d 0 R /Info %d 0 R /Prev %d /Filter /FlateDecode /Length %d>>\nstream\n",
		xrefObj, xrefObj+1, bytes.TrimSpace(index), rootNum, infoNum, prev, zbuf.Len())
	out = append(out, zbuf.Bytes()...)
	out = append(out, "\nendstream\nendobj\n"...)
	out = fmt.Appendf(out, "startxref\n%d\n%%%%EOF\n", at)
	return out, nil
}

// group returns the values each yields, grouped by key (0…n-1), keeping
// their order within a key: the values of key k are
// values[start[k]:start[k+1]].
func group[T any](n int, each func(yield func(int32, T))) (start []int32, values []T) {
	start = make([]int32, n+1)
	each(func(k int32, _ T) { start[k+1]++ })
	for k := 0; k < n; k++ {
		start[k+1] += start[k]
	}
	values = make([]T, start[n])
	next := append([]int32(nil), start[:n]...)
	each(func(k int32, v T) {
		values[next[k]] = v
		next[k]++
	})
	return start, values
}

// appendRef appends an indirect reference to object num.
func appendRef(b []byte, num int) []byte {
	b = strconv.AppendInt(b, int64(num), 10)
	return append(b, " 0 R"...)
}

// appendElem appends the dictionary of element e, whose alternative text
// is alt, whose child elements are kids and whose marked-content sequences
// are content.
func appendElem(out []byte, e Elem, alt string, kids []int32, content []mcr, pages []int, rootObj int, elemObj func(int32) int) []byte {
	parent := rootObj
	if e.Parent >= 0 {
		parent = elemObj(e.Parent)
	}
	out = append(out, "<</S /"...) // /Type is optional for a structure element
	out = append(out, e.Role.String()...)
	out = append(out, " /P "...)
	out = appendRef(out, parent)
	pg := int32(-1)
	if len(content) > 0 {
		pg = content[0].page
		out = append(out, " /Pg "...)
		out = appendRef(out, pages[pg])
	}
	if len(kids)+len(content) > 0 {
		out = append(out, " /K ["...)
		for j, c := range kids {
			if j > 0 {
				out = append(out, ' ')
			}
			out = appendRef(out, elemObj(c))
		}
		for j, c := range content {
			if j > 0 || len(kids) > 0 {
				out = append(out, ' ')
			}
			if c.page == pg {
				out = strconv.AppendInt(out, int64(c.mcid), 10)
			} else {
				out = append(out, "<</Type /MCR /Pg "...)
				out = appendRef(out, pages[c.page])
				out = append(out, " /MCID "...)
				out = strconv.AppendInt(out, int64(c.mcid), 10)
				out = append(out, ">>"...)
			}
		}
		out = append(out, ']')
	}
	if e.Scope != noScope || e.RowSpan > 1 || e.ColSpan > 1 {
		out = append(out, " /A <</O /Table"...)
		if e.Scope != noScope {
			out = append(out, " /Scope /"...)
			out = append(out, e.Scope.String()...)
		}
		if e.RowSpan > 1 {
			out = fmt.Appendf(out, " /RowSpan %d", e.RowSpan)
		}
		if e.ColSpan > 1 {
			out = fmt.Appendf(out, " /ColSpan %d", e.ColSpan)
		}
		out = append(out, ">>"...)
	}
	if alt != "" {
		out = append(out, " /Alt "...)
		out = textString(out, alt)
	}
	return append(out, ">>"...)
}

// textString appends s as a PDF text string: UTF-16BE with a byte order
// mark, in hexadecimal.
func textString(b []byte, s string) []byte {
	b = append(b, "<FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		b = fmt.Appendf(b, "%04X", u)
	}
	return append(b, '>')
}

// xmpMetadata is the document's XMP packet: title, author, subject,
// keywords, language and dates as in the document information dictionary,
// and the PDF/UA-1 identifier (pdfuaid:part 1) that tells checkers and
// readers which rules the file claims to follow.
func xmpMetadata(meta report.Meta, date time.Time) []byte {
	esc := func(s string) string {
		var b strings.Builder
		for _, r := range cleanMeta(s) {
			switch r {
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			case '&':
				b.WriteString("&amp;")
			case '"':
				b.WriteString("&quot;")
			default:
				if r >= 0x20 || r == '\t' || r == '\n' {
					b.WriteRune(r)
				}
			}
		}
		return b.String()
	}
	stamp := date.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"" +
		" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(meta.Title))
	if meta.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(meta.Author))
	}
	if meta.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(meta.Subject))
	}
	if lang := strings.TrimSpace(meta.Language); lang != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(lang))
	}
	if len(meta.Keywords) > 0 {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(strings.Join(meta.Keywords, ", ")))
	}
	b.WriteString("<pdf:Producer>agsreport</pdf:Producer>\n<xmp:CreatorTool>agsreport</xmp:CreatorTool>\n")
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n", stamp, stamp)
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}
