package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"regexp"
	"strconv"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"github.com/agsreport/agsreport/internal/fonts"
)

// Embedding the text font.
//
// fpdf's own path for a TrueType font (AddUTF8FontFromBytes) parses the
// whole font file and hashes a JSON dump of its 65,536-entry width table
// for every document, and at Output cuts a subset with a new compressor for
// each face: measured on the Cumbria 2017-18 example's warm rebuild, 27% of
// the whole build's CPU time. fpdf v0.12.0 offers no way to share a parsed
// font between documents (the parsed file and the used characters are
// unexported). So agsreport registers each face with fpdf as a placeholder
// (AddFontFromBytes with a tiny core-font definition, parsed in
// microseconds); the drawer writes text as the two-byte codes of
// Identity-H (UTF-16, exactly the bytes fpdf writes for a UTF-8 font) and
// records the characters of each face; and when the file is assembled,
// embedFonts replaces each placeholder's font dictionary with a Type 0
// font embedding a subset of the face — cut from the font file package
// fonts parses once per process — with its widths, CIDToGIDMap and
// ToUnicode map. TestEmbedFontsRefusesChange catches fpdf writing the
// placeholders differently.

// placeholderPrefix starts the /BaseFont of every placeholder; the face's
// letters (R, B, I, BI) follow.
const placeholderPrefix = "AGSReportFace"

// placeholderDefs are the fpdf font definitions of the placeholders, by
// face: core fonts (no file to embed), with no widths, which agsreport
// never asks fpdf for.
var placeholderDefs = func() (defs [numFaces][]byte) {
	for f := range numFaces {
		defs[f] = fmt.Appendf(nil, `{"Tp":"Core","Name":"%s%s","Cw":[%s0]}`,
			placeholderPrefix, f, bytes.Repeat([]byte("0,"), 255))
	}
	return defs
}()

// registerFaces gives fpdf the placeholder of each face in used.
func registerFaces(pdf *fpdf.Fpdf, used [numFaces]bool) error {
	for f, ok := range used {
		if ok {
			pdf.AddFontFromBytes(fontFamily, Face(f).style(), placeholderDefs[f], nil)
		}
	}
	// fpdf reports a bad font only when it is selected.
	for f, ok := range used {
		if ok {
			pdf.SetFont(fontFamily, Face(f).style(), 10)
		}
	}
	pdf.SetFont(fontFamily, "", 10)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("loading fonts: %w", err)
	}
	return nil
}

// outlineTitle returns s as an outline title fpdf writes as it is: UTF-16BE
// with a byte order mark.
func outlineTitle(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFE, 0xFF
	for _, c := range u {
		b = binary.BigEndian.AppendUint16(b, c)
	}
	return string(b)
}

// placeholderObj matches the font dictionary fpdf writes for a
// placeholder: the face's letters are the submatch.
var placeholderObj = regexp.MustCompile(`\A[0-9]+ 0 obj\n<</Type /Font\n/BaseFont /` + placeholderPrefix +
	`([A-Z]{1,2})\n/Subtype /Type1\n/Encoding /WinAnsiEncoding\n>>\nendobj\n`)

// embedded is what replaces fpdf's placeholder faces in its file.
type embedded struct {
	objs  map[int][]byte // by number of a placeholder's object: the whole object replacing it
	ends  map[int]int    // by the same number: where the placeholder object ends in the file
	extra []byte         // the objects added, numbered from the file's size on
	at    []int          // where each added object starts in extra
}

// embedFonts returns what replaces the placeholder faces in src, a file
// fpdf wrote (offsets locate its objects 1…size-1): each face embedded as
// a subset of the characters seen drawn in it.
func embedFonts(src []byte, offsets []int, size int, seen *[numFaces]*runeSet) (*embedded, error) {
	lib, err := fontMetrics()
	if err != nil {
		return nil, fmt.Errorf("embedding fonts: %w", err)
	}
	e := &embedded{objs: map[int][]byte{}, ends: map[int]int{}}
	object := func(body []byte) int {
		n := size + len(e.at)
		e.at = append(e.at, len(e.extra))
		e.extra = strconv.AppendInt(e.extra, int64(n), 10)
		e.extra = append(e.extra, " 0 obj\n"...)
		e.extra = append(e.extra, body...)
		e.extra = append(e.extra, "\nendobj\n"...)
		return n
	}
	for i, off := range offsets {
		head := src[off:min(len(src), off+128)]
		if !bytes.Contains(head, []byte(placeholderPrefix)) {
			continue
		}
		sm := placeholderObj.FindSubmatch(head)
		if sm == nil {
			return nil, fmt.Errorf("embedding fonts: object %d is not a placeholder font as fpdf v0.12.0 writes it", i+1)
		}
		f, ok := faceByName[string(sm[1])]
		if !ok {
			return nil, fmt.Errorf("embedding fonts: unknown face %q", sm[1])
		}
		dict, err := embedFace(lib, f, seen[f].runes(), object)
		if err != nil {
			return nil, err
		}
		e.objs[i+1] = fmt.Appendf(nil, "%d 0 obj\n%s\nendobj\n", i+1, dict)
		e.ends[i+1] = off + len(sm[0])
	}
	if len(e.objs) == 0 {
		return nil, fmt.Errorf("embedding fonts: no font to embed")
	}
	return e, nil
}

// faceByName maps the letters of a placeholder's name to its face.
var faceByName = map[string]Face{"R": Regular, "B": Bold, "I": Italic, "BI": BoldItalic}

// embedFace writes, through object (which returns each object's number),
// the objects of face f cut down to runes, and returns the Type 0 font
// dictionary that refers to them.
func embedFace(lib *liberation, f Face, runes []rune, object func([]byte) int) ([]byte, error) {
	sub, err := lib.m.Subset(fonts.Face(f), runes)
	if err != nil {
		return nil, fmt.Errorf("embedding fonts: %w", err)
	}
	d := lib.m.Descriptor(fonts.Face(f))
	name := subsetTag(f, sub.Runes) + "+" + d.PostScriptName

	fontFile := object(flateStream(sub.Font, fmt.Sprintf("/Length1 %d", len(sub.Font))))

	flags := 4 // symbolic: the font has glyphs outside the standard Latin set
	if d.FixedPitch {
		flags |= 1
	}
	if d.ItalicAngle != 0 {
		flags |= 64
	}
	if d.Bold {
		flags |= 1 << 18 // force bold
	}
	desc := object(fmt.Appendf(nil, "<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
		name, flags, d.BBox[0], d.BBox[1], d.BBox[2], d.BBox[3], d.ItalicAngle, d.Ascent, d.Descent, d.CapHeight, d.StemV, d.MissingWidth, fontFile))

	// CIDs are the characters' UTF-16 codes; the map gives each its glyph.
	var gidMap []byte
	if n := len(sub.Runes); n > 0 {
		gidMap = make([]byte, 2*(sub.Runes[n-1]+1))
		for i, r := range sub.Runes {
			binary.BigEndian.PutUint16(gidMap[2*r:], sub.GIDs[i])
		}
	}
	cidToGID := object(flateStream(gidMap, ""))

	milli := lib.milli[f]
	w := []byte("[")
	for i := 0; i < len(sub.Runes); {
		j := i + 1
		for j < len(sub.Runes) && sub.Runes[j] == sub.Runes[j-1]+1 {
			j++
		}
		w = fmt.Appendf(w, "%d [", sub.Runes[i])
		for k := i; k < j; k++ {
			if k > i {
				w = append(w, ' ')
			}
			w = strconv.AppendInt(w, int64(milli[sub.Runes[k]]), 10)
		}
		w = append(w, "] "...)
		i = j
	}
	w = append(bytes.TrimSuffix(w, []byte(" ")), ']')
	cidFont := object(fmt.Appendf(nil, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW %d /W %s /CIDToGIDMap %d 0 R>>",
		name, desc, d.MissingWidth, w, cidToGID))

	toUnicode := object(flateStream(toUnicodeCMap(sub.Runes), ""))
	return fmt.Appendf(nil, "<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>",
		name, cidFont, toUnicode), nil
}

// subsetTag returns the six capital letters that name a subset, the same
// for the same face and characters.
func subsetTag(f Face, runes []rune) string {
	h := fnv.New64a()
	h.Write([]byte(f.String()))
	for _, r := range runes {
		h.Write([]byte{byte(r >> 8), byte(r)})
	}
	v := h.Sum64()
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag[:])
}

// toUnicodeCMap maps each character code (its UTF-16 code) back to the
// character, for text extraction and search: consecutive characters that
// share their high byte in one range, each at most 100 entries a block.
func toUnicodeCMap(runes []rune) []byte {
	type span struct{ from, to rune }
	var spans []span
	for _, r := range runes {
		if n := len(spans); n > 0 && spans[n-1].to+1 == r && spans[n-1].from>>8 == r>>8 {
			spans[n-1].to = r
			continue
		}
		spans = append(spans, span{r, r})
	}
	b := []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(spans) > 0 {
		n := min(len(spans), 100)
		b = fmt.Appendf(b, "%d beginbfrange\n", n)
		for _, s := range spans[:n] {
			b = fmt.Appendf(b, "<%04X> <%04X> <%04X>\n", s.from, s.to, s.from)
		}
		b = append(b, "endbfrange\n"...)
		spans = spans[n:]
	}
	b = append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"...)
	return b
}

// flateStream returns a stream object's body: data compressed by deflate,
// with the extra dictionary entries given. The fastest zlib level
// compresses a face's subset in about a seventh of the time of the default
// level, for a stream 7% larger (measured on a 22 KB subset).
func flateStream(data []byte, extra string) []byte {
	var buf bytes.Buffer
	deflate(&buf, data)
	out := fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d", buf.Len())
	if extra != "" {
		out = append(out, ' ')
		out = append(out, extra...)
	}
	out = append(out, ">>\nstream\n"...)
	out = append(out, buf.Bytes()...)
	return append(out, "\nendstream"...)
}
