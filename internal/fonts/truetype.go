package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unicode/utf16"
)

// trueType is one TrueType font file, read once: where its tables are and
// the facts the metrics and the PDF embedding need. The embedded faces are
// trusted data, but every offset is still checked, so that a damaged file
// gives an error rather than a panic.
type trueType struct {
	tables      map[string][]byte // by tag; slices of the file
	order       []string          // tags in the file's order
	upem        int               // font units per em
	numGlyphs   int
	numHMetrics int
	longLoca    bool
	hmtx        []byte         // the hmtx table, read for every advance
	glyph       [planes]uint16 // glyph of each BMP character; 0 for none

	// For the PDF font descriptor, in font units unless said otherwise.
	psName              string
	bbox                [4]int16 // xMin, yMin, xMax, yMax
	ascender, descender int16
	capHeight           int16
	weightClass         uint16
	italicAngle         float64 // degrees
	fixedPitch          bool
}

var errTrueType = errors.New("not a TrueType font")

// be reads big-endian numbers from a table, reporting reads past its end.
type be struct {
	b   []byte
	bad bool
}

func (r *be) u16(at int) uint16 {
	if at < 0 || at+2 > len(r.b) {
		r.bad = true
		return 0
	}
	return binary.BigEndian.Uint16(r.b[at:])
}

func (r *be) i16(at int) int16 { return int16(r.u16(at)) }

func (r *be) u32(at int) uint32 {
	if at < 0 || at+4 > len(r.b) {
		r.bad = true
		return 0
	}
	return binary.BigEndian.Uint32(r.b[at:])
}

// parseTrueType reads the table directory and the tables agsreport uses.
func parseTrueType(data []byte) (*trueType, error) {
	file := be{b: data}
	if v := file.u32(0); v != 0x00010000 && v != 0x74727565 { // 1.0 or 'true'
		return nil, errTrueType
	}
	n := int(file.u16(4))
	t := &trueType{tables: make(map[string][]byte, n)}
	for i := range n {
		rec := 12 + 16*i
		off, size := int(file.u32(rec+8)), int(file.u32(rec+12))
		if file.bad || off < 0 || size < 0 || off > len(data) || size > len(data)-off {
			return nil, fmt.Errorf("%w: table %d lies outside the file", errTrueType, i)
		}
		tag := string(data[rec : rec+4])
		t.tables[tag] = data[off : off+size]
		t.order = append(t.order, tag)
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"} {
		if t.tables[tag] == nil {
			return nil, fmt.Errorf("%w: no %s table", errTrueType, tag)
		}
	}
	head := be{b: t.tables["head"]}
	t.upem = int(head.u16(18))
	for i := range t.bbox {
		t.bbox[i] = head.i16(36 + 2*i)
	}
	t.longLoca = head.i16(50) == 1
	hhea := be{b: t.tables["hhea"]}
	t.ascender, t.descender = hhea.i16(4), hhea.i16(6)
	t.numHMetrics = int(hhea.u16(34))
	maxp := be{b: t.tables["maxp"]}
	t.numGlyphs = int(maxp.u16(4))
	if head.bad || hhea.bad || maxp.bad || t.upem == 0 || t.numHMetrics == 0 || t.numHMetrics > t.numGlyphs {
		return nil, fmt.Errorf("%w: bad head, hhea or maxp table", errTrueType)
	}
	t.hmtx = t.tables["hmtx"]
	if len(t.hmtx) < 4*t.numHMetrics+2*(t.numGlyphs-t.numHMetrics) {
		return nil, fmt.Errorf("%w: short hmtx table", errTrueType)
	}
	locaLen := 2 * (t.numGlyphs + 1)
	if t.longLoca {
		locaLen *= 2
	}
	if len(t.tables["loca"]) < locaLen {
		return nil, fmt.Errorf("%w: short loca table", errTrueType)
	}
	if os2 := (be{b: t.tables["OS/2"]}); len(os2.b) > 0 {
		t.weightClass = os2.u16(4)
		if os2.u16(0) >= 2 && len(os2.b) >= 90 {
			t.capHeight = os2.i16(88)
		}
	}
	if t.capHeight == 0 {
		t.capHeight = t.ascender
	}
	if post := (be{b: t.tables["post"]}); len(post.b) >= 16 {
		t.italicAngle = float64(int32(post.u32(4))) / 65536
		t.fixedPitch = post.u32(12) != 0
	}
	t.psName = postScriptName(t.tables["name"])
	if err := t.readCmap(); err != nil {
		return nil, err
	}
	return t, nil
}

// readCmap fills t.glyph from the Unicode BMP subtable (format 4).
func (t *trueType) readCmap() error {
	c := be{b: t.tables["cmap"]}
	sub := -1
	for i := range int(c.u16(2)) {
		rec := 4 + 8*i
		platform, encoding, off := c.u16(rec), c.u16(rec+2), int(c.u32(rec+4))
		if (platform == 3 && encoding == 1 || platform == 0) && c.u16(off) == 4 {
			sub = off
			break
		}
	}
	if c.bad || sub < 0 {
		return fmt.Errorf("%w: no Unicode character map", errTrueType)
	}
	segX2 := int(c.u16(sub + 6))
	ends, starts := sub+14, sub+16+segX2
	deltas, ranges := starts+segX2, starts+2*segX2
	for s := 0; s < segX2; s += 2 {
		end, start := int(c.u16(ends+s)), int(c.u16(starts+s))
		delta, ro := int(c.u16(deltas+s)), int(c.u16(ranges+s))
		for r := start; r <= end && r < planes; r++ {
			g := 0
			if ro == 0 {
				g = (r + delta) & 0xffff
			} else if g = int(c.u16(ranges + s + ro + 2*(r-start))); g != 0 {
				g = (g + delta) & 0xffff
			}
			if g < t.numGlyphs {
				t.glyph[r] = uint16(g)
			}
		}
	}
	if c.bad {
		return fmt.Errorf("%w: damaged character map", errTrueType)
	}
	return nil
}

// postScriptName returns name 6 of a name table, or "" if it has none in
// a form read here (Macintosh Roman or Windows Unicode).
func postScriptName(tbl []byte) string {
	n := be{b: tbl}
	count, strs := int(n.u16(2)), int(n.u16(4))
	for i := range count {
		rec := 6 + 12*i
		platform, encoding, id := n.u16(rec), n.u16(rec+2), n.u16(rec+6)
		length, off := int(n.u16(rec+8)), strs+int(n.u16(rec+10))
		if n.bad || id != 6 || off+length > len(tbl) {
			continue
		}
		raw := tbl[off : off+length]
		switch {
		case platform == 1 && encoding == 0:
			return string(raw)
		case platform == 3 && encoding == 1 && length%2 == 0:
			u := make([]uint16, length/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			return string(utf16.Decode(u))
		}
	}
	return ""
}

// advance returns the advance width of glyph g in font units.
func (t *trueType) advance(g int) int {
	if g >= t.numHMetrics {
		g = t.numHMetrics - 1
	}
	return int(binary.BigEndian.Uint16(t.hmtx[4*g:]))
}

// metric returns the 4-byte horizontal metric (advance, left side bearing)
// of glyph g.
func (t *trueType) metric(g int) [4]byte {
	h := t.hmtx
	var m [4]byte
	if g < t.numHMetrics {
		copy(m[:], h[4*g:])
		return m
	}
	copy(m[:2], h[4*(t.numHMetrics-1):])
	copy(m[2:], h[4*t.numHMetrics+2*(g-t.numHMetrics):])
	return m
}

// outline returns the glyf data of glyph g (empty for a glyph with no
// outline, such as the space).
func (t *trueType) outline(g int) ([]byte, error) {
	loca, glyf := t.tables["loca"], t.tables["glyf"]
	var from, to int
	if t.longLoca {
		from, to = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
	} else {
		from, to = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
	}
	if from > to || to > len(glyf) {
		return nil, fmt.Errorf("%w: glyph %d lies outside the glyf table", errTrueType, g)
	}
	return glyf[from:to], nil
}

// Flags of a composite glyph's component (the glyf table's
// specification).
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	have2x2        = 0x0080
)

// components calls fn with the position, within data, of the glyph index
// of each component of a composite glyph; it does nothing for a simple
// glyph.
func components(data []byte, fn func(at int)) error {
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil
	}
	at := 10
	for {
		if at+4 > len(data) {
			return fmt.Errorf("%w: damaged composite glyph", errTrueType)
		}
		flags := binary.BigEndian.Uint16(data[at:])
		fn(at + 2)
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&have2x2 != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			return nil
		}
	}
}

// milli converts font units to thousandths of an em, rounded as PDF font
// dictionaries record widths.
func (t *trueType) milli(units int) int {
	return int(math.Round(1000 / float64(t.upem) * float64(units)))
}
