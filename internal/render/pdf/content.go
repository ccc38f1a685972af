package pdf

import (
	"bytes"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// Page content streams.
//
// The drawer writes each page's content stream itself: text, fills, rules
// and the marked-content operators of the tagged PDF, in the operators and
// number formats fpdf writes for the same calls (Text, Rect, Line, SetFont,
// the colour and line-width setters, and the state AddPage restores), into
// a buffer that is compressed as soon as the page is finished. Drawing text
// through fpdf cost about twelve times as much (a Sprintf, a UTF-16 string,
// four strings.Replace and a map insert per character, measured at 0.4 s
// CPU for a 10,000-action paper), and its page buffers held the whole
// uncompressed paper until Output.
//
// fpdf stays the writer of the file: outline, catalogue, resources and
// cross-reference table; its page contents are replaced by the drawer's
// when the file is assembled (see assemble). The drawer records the
// characters each face draws, and the faces are embedded from them (see
// embed.go). The font resource names come from fpdf (fontNames).
// TestContentMatchesFpdf draws the same boxes with fpdf's own calls and
// compares the operators byte for byte, which catches fpdf changing how it
// writes them.

// fpdfState is the graphics state fpdf carries from page to page, which
// AddPage writes again at the top of each page.
type fpdfState struct {
	face             Face
	size             float64 // points
	lineWidth        float64 // millimetres
	draw, fill, text string  // colour operators as fpdf formats them
}

// initialState is fpdf's state after New: 0.567 pt lines and black in
// every colour, the font still unset.
func initialState(k float64) fpdfState {
	return fpdfState{lineWidth: 0.567 / k, draw: "0.000 G", fill: "0.000 g", text: "0.000 g"}
}

// runeSet is a set of characters of the Basic Multilingual Plane (the text
// drawn holds no others: see cleanText).
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) {
	if r >= 0 && r <= 0xffff {
		s[r/64] |= 1 << (uint(r) % 64)
	}
}

// runes returns the characters of s, ascending; none for a nil set.
func (s *runeSet) runes() []rune {
	if s == nil {
		return nil
	}
	var out []rune
	for i, w := range s {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			out = append(out, rune(i*64+b))
			w &^= 1 << b
		}
	}
	return out
}

// drawer writes the content streams of a paper's pages.
type drawer struct {
	pdf   *fpdf.Fpdf
	mk    *marker
	k, h  float64          // points per millimetre; page height in millimetres
	faces [numFaces]bool   // the faces registered with fpdf
	names [numFaces]string // and their resource names
	buf   []byte           // the content being written
	drawState
	// after holds the state at the end of each page's body, where its
	// running header and footer carry on (see running).
	after []drawState
	// Characters drawn per face, for the embedded subsets.
	seen [numFaces]*runeSet
	// colours caches the operator strings of colours: fpdf formats each
	// one afresh.
	colours map[colourKey]string

	// Finished content streams, compressed unless raw is set: each page's
	// body, and its running header and footer (nil when it has none).
	raw           bool
	zbuf          bytes.Buffer
	pages, extras [][]byte
}

// drawState is what the drawer knows of the graphics state.
type drawState struct {
	st fpdfState // as fpdf would have it
	// What the current page has set, to avoid repeating it.
	face                     Face
	size                     float64
	text, fill, stroke       RGB
	hasText, hasFill, hasStr bool
	width                    float64
}

type colourKey struct {
	c  RGB
	op string
}

// newDrawer returns a drawer for pdf, made by newDocument, with Regular
// registered.
func newDrawer(pdf *fpdf.Fpdf, raw bool) (*drawer, error) {
	k := pdf.UnitToPointConvert(1)
	_, h := pdf.GetPageSize()
	d := &drawer{pdf: pdf, mk: newMarker(nil), k: k, h: h, raw: raw, colours: map[colourKey]string{}}
	d.st = initialState(k)
	d.mk.out = &d.buf
	if err := d.addFace(Regular); err != nil {
		return nil, err
	}
	d.st.face, d.st.size = Regular, 10 // as addFace leaves it
	return d, nil
}

// addFace registers face with fpdf and learns its resource name. Faces
// are registered as the drawer first meets them, Regular first.
func (d *drawer) addFace(face Face) error {
	var one [numFaces]bool
	one[face] = true
	if err := registerFaces(d.pdf, one); err != nil {
		return err
	}
	names, err := fontNames(d.pdf, one)
	if err != nil {
		return fmt.Errorf("loading fonts: %w", err)
	}
	d.faces[face], d.names[face] = true, names[face]
	return nil
}

// page draws the body of the next page, the boxes of p not Running, with
// the structure elements laid out so far.
func (d *drawer) page(p *Page, elems []Elem) {
	d.mk.elems = elems
	d.pdf.AddPage()
	d.mk.startPage()
	d.startPage()
	for _, m := range p.Marks {
		d.pdf.Bookmark(outlineTitle(m.Title), m.Level, m.Y)
	}
	for i := range p.Boxes {
		if b := &p.Boxes[i]; !b.Running {
			d.box(b)
		}
	}
	d.mk.end()
	d.after = append(d.after, d.drawState)
	d.pages = append(d.pages, d.finish())
}

// running draws the running header and footer of each page, its Running
// boxes, as a second content stream, which carries on from the state the
// page's body left (the streams of a page are read as one).
func (d *drawer) running(pages []Page) {
	d.extras = make([][]byte, len(pages))
	for i := range pages {
		if i >= len(d.after) {
			break
		}
		d.buf = d.buf[:0]
		d.drawState = d.after[i]
		n := 0
		for k := range pages[i].Boxes {
			if b := &pages[i].Boxes[k]; b.Running {
				d.box(b)
				n++
			}
		}
		d.mk.end()
		if n > 0 {
			d.extras[i] = d.finish()
		}
	}
}

// finish returns the content written, compressed unless raw.
func (d *drawer) finish() []byte {
	if d.raw {
		return bytes.Clone(d.buf)
	}
	d.zbuf.Reset()
	deflate(&d.zbuf, d.buf)
	return bytes.Clone(d.zbuf.Bytes())
}

// setFont is fpdf's SetFont: the state changes and, on a page, the font
// is selected.
func (d *drawer) setFont(face Face, size float64) {
	d.st.face, d.st.size = face, size
	d.fontOp()
}

// fontOp writes the selection of the state's font.
func (d *drawer) fontOp() {
	d.buf = append(d.buf, "BT /F"...)
	d.buf = append(d.buf, d.names[d.st.face]...)
	d.buf = append(d.buf, ' ')
	d.buf = appendFixed2(d.buf, d.st.size)
	d.buf = append(d.buf, " Tf ET\n"...)
}

// startPage begins a page's content as fpdf's AddPage does, then selects
// Regular 10 pt, as the draw pass always has before drawing.
func (d *drawer) startPage() {
	d.buf = d.buf[:0]
	d.buf = append(d.buf, "0 J\n0 j\n"...)
	d.buf = appendFixed2(d.buf, d.st.lineWidth*d.k)
	d.buf = append(d.buf, " w\n"...)
	d.fontOp()
	if d.st.draw != "0 G" {
		d.op(d.st.draw)
	}
	if d.st.fill != "0 g" {
		d.op(d.st.fill)
	}
	d.fontOp()
	d.setFont(Regular, 10)
	d.face, d.size = 0, 0
	d.hasText, d.hasFill, d.hasStr = false, false, false
	d.width = 0
}

// op writes one operator line.
func (d *drawer) op(s string) {
	d.buf = append(d.buf, s...)
	d.buf = append(d.buf, '\n')
}

// appendFixed2 appends v with two decimals, exactly as
// strconv.AppendFloat(b, v, 'f', 2, 64) does, in a fifth of the time for
// the numbers of a page: v is rounded in hundredths as an integer unless
// it lies too near a half-hundredth for the float product to decide, and
// then left to strconv.
func appendFixed2(b []byte, v float64) []byte {
	x := v * 100
	if !(x > -1e8 && x < 1e8) {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	t := math.Trunc(x)
	if f := math.Abs(x - t); f > 0.5-1e-6 && f < 0.5+1e-6 {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	n := int64(math.Round(x))
	if n < 0 || (n == 0 && math.Signbit(v)) {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	c := n % 100
	return append(b, '.', byte('0'+c/10), byte('0'+c%10))
}

// colour returns the operator that sets c with op ("g" for fill and text,
// "G" for strokes), as fpdf formats it: a grey level when the three
// components are equal.
func (d *drawer) colour(c RGB, op string) string {
	key := colourKey{c: c, op: op}
	if s, ok := d.colours[key]; ok {
		return s
	}
	var b []byte
	comp := func(v uint8) { b = strconv.AppendFloat(b, float64(v)/255, 'f', 3, 64) }
	if c.R == c.G && c.R == c.B {
		comp(c.R)
		b = append(b, ' ')
		b = append(b, op...)
	} else {
		comp(c.R)
		b = append(b, ' ')
		comp(c.G)
		b = append(b, ' ')
		comp(c.B)
		b = append(b, ' ')
		if op == "g" {
			b = append(b, "rg"...)
		} else {
			b = append(b, "RG"...)
		}
	}
	s := string(b)
	d.colours[key] = s
	return s
}

// register notes the characters of s drawn in face.
func (d *drawer) register(face Face, s string) {
	set := d.seen[face]
	if set == nil {
		set = new(runeSet)
		d.seen[face] = set
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		set.add(r)
	}
}

// textOp writes s, followed by a space when space is set, at (x, y) as
// fpdf's Text does: UTF-16BE in a literal string, with backslash,
// parentheses and carriage return escaped byte by byte, in the text colour
// when it differs from the fill colour.
func (d *drawer) textOp(x, y float64, s string, space bool) {
	d.register(d.st.face, s)
	if space {
		d.seen[d.st.face].add(' ')
	}
	q := d.st.fill != d.st.text
	if q {
		d.buf = append(d.buf, "q "...)
		d.buf = append(d.buf, d.st.text...)
		d.buf = append(d.buf, ' ')
	}
	d.buf = append(d.buf, "BT "...)
	d.point(x, y)
	d.buf = append(d.buf, " Td ("...)
	for i := 0; i < len(s); {
		r := rune(s[i])
		if r < utf8.RuneSelf {
			i++
			d.buf = appendEscaped(append(d.buf, 0), byte(r))
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		d.buf = appendEscaped(d.buf, byte(r>>8))
		d.buf = appendEscaped(d.buf, byte(r))
	}
	if space {
		d.buf = append(d.buf, 0, ' ')
	}
	d.buf = append(d.buf, ") Tj ET"...)
	if q {
		d.buf = append(d.buf, " Q"...)
	}
	d.buf = append(d.buf, '\n')
}

func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// point appends the page position (x, y), in millimetres from the top
// left, as PDF coordinates.
func (d *drawer) point(x, y float64) {
	d.buf = appendFixed2(d.buf, x*d.k)
	d.buf = append(d.buf, ' ')
	d.buf = appendFixed2(d.buf, (d.h-y)*d.k)
}

// rectOp writes a rectangle painted with op ("f" or "S").
func (d *drawer) rectOp(x, y, w, h float64, op string) {
	d.point(x, y)
	d.buf = append(d.buf, ' ')
	d.buf = appendFixed2(d.buf, w*d.k)
	d.buf = append(d.buf, ' ')
	d.buf = appendFixed2(d.buf, -h*d.k)
	d.buf = append(d.buf, " re "...)
	d.buf = append(d.buf, op...)
	d.buf = append(d.buf, '\n')
}

// lineOp writes a stroked line.
func (d *drawer) lineOp(x1, y1, x2, y2 float64) {
	d.point(x1, y1)
	d.buf = append(d.buf, " m "...)
	d.point(x2, y2)
	d.buf = append(d.buf, " l S\n"...)
}

// box draws one box.
func (d *drawer) box(b *Box) {
	switch b.Kind {
	case TextBox:
		if b.Text == "" {
			return
		}
		if !d.faces[b.Face] && d.pdf.Ok() {
			if err := d.addFace(b.Face); err != nil {
				d.pdf.SetError(err)
				return
			}
		}
		d.mk.mark(b.Tag)
		if d.size != b.Size || d.face != b.Face {
			d.setFont(b.Face, b.Size)
			d.face, d.size = b.Face, b.Size
		}
		if !d.hasText || d.text != b.Colour {
			d.st.text = d.colour(b.Colour, "g")
			d.text, d.hasText = b.Colour, true
		}
		y := b.Y + baseline(b.Size)
		d.textOp(b.X, y, b.Text, b.SpaceAfter)
	case FillBox:
		d.mk.mark(b.Tag)
		if !d.hasFill || d.fill != b.Colour {
			d.st.fill = d.colour(b.Colour, "g")
			d.op(d.st.fill)
			d.fill, d.hasFill = b.Colour, true
		}
		d.rectOp(b.X, b.Y, b.W, b.H, "f")
	case RuleBox, FrameBox:
		d.mk.mark(b.Tag)
		if !d.hasStr || d.stroke != b.Colour {
			d.st.draw = d.colour(b.Colour, "G")
			d.op(d.st.draw)
			d.stroke, d.hasStr = b.Colour, true
		}
		if d.width != b.Stroke {
			d.st.lineWidth = b.Stroke
			d.buf = appendFixed2(d.buf, b.Stroke*d.k)
			d.buf = append(d.buf, " w\n"...)
			d.width = b.Stroke
		}
		if b.Kind == RuleBox {
			d.lineOp(b.X, b.Y, b.X+b.W, b.Y+b.H)
		} else {
			d.rectOp(b.X, b.Y, b.W, b.H, "S")
		}
	}
}

// fontNames returns the resource names fpdf gives the faces registered on
// pdf (used marks the registered faces), as its SetFont writes them into a
// template's content: fpdf has no other way to tell them.
func fontNames(pdf *fpdf.Fpdf, used [numFaces]bool) ([numFaces]string, error) {
	var names [numFaces]string
	tpl := pdf.CreateTemplate(func(t *fpdf.Tpl) {
		for f, ok := range used {
			if ok {
				t.RawWriteStr("%face " + Face(f).String())
				t.SetFont(fontFamily, Face(f).style(), 10)
			}
		}
	})
	content := string(tpl.Bytes())
	for f, ok := range used {
		if !ok {
			continue
		}
		mark := "%face " + Face(f).String() + "\nBT /F"
		i := strings.Index(content, mark)
		if i < 0 {
			return names, fmt.Errorf("no font name for face %s", Face(f))
		}
		rest := content[i+len(mark):]
		j := strings.IndexByte(rest, ' ')
		if j <= 0 {
			return names, fmt.Errorf("no font name for face %s", Face(f))
		}
		names[f] = rest[:j]
	}
	return names, nil
}
