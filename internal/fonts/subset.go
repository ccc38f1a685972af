package fonts

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
)

// A Subset is a face cut down to the glyphs some text needs, as a
// TrueType file to embed in a PDF.
type Subset struct {
	Font  []byte   // the TrueType file
	Runes []rune   // the characters it draws, ascending
	GIDs  []uint16 // the glyph of each of Runes in Font
}

// Descriptor holds what a PDF font descriptor says about a face, in
// thousandths of an em.
type Descriptor struct {
	PostScriptName     string // "LiberationSans-Bold"
	Ascent, Descent    int
	CapHeight          int
	BBox               [4]int // xMin, yMin, xMax, yMax
	ItalicAngle        int    // degrees, counter-clockwise from upright
	StemV              int    // estimated from the weight class
	Bold, FixedPitch   bool
	MissingWidth       int // advance of the .notdef glyph
	UnderlinePosition  int
	UnderlineThickness int
}

// Descriptor returns the font descriptor facts of face f.
func (m *Metrics) Descriptor(f Face) Descriptor {
	tt := m.face(f).tt
	d := Descriptor{
		PostScriptName: tt.psName,
		Ascent:         tt.milli(int(tt.ascender)),
		Descent:        tt.milli(int(tt.descender)),
		CapHeight:      tt.milli(int(tt.capHeight)),
		ItalicAngle:    int(tt.italicAngle),
		Bold:           tt.weightClass >= 600,
		FixedPitch:     tt.fixedPitch,
		MissingWidth:   tt.milli(tt.advance(0)),
		// A common estimate of the dominant vertical stem's width from
		// the weight class (400 regular, 700 bold).
		StemV: 50 + int(float64(tt.weightClass)/65*float64(tt.weightClass)/65),
	}
	for i, v := range tt.bbox {
		d.BBox[i] = tt.milli(int(v))
	}
	if post := (be{b: tt.tables["post"]}); len(post.b) >= 12 {
		d.UnderlinePosition = tt.milli(int(post.i16(8)))
		d.UnderlineThickness = tt.milli(int(post.i16(10)))
	}
	if d.PostScriptName == "" {
		d.PostScriptName = "LiberationSans"
	}
	return d
}

// subsetTables are copied whole into a subset: hinting programs and data
// (so that glyphs rasterise exactly as from the full font), the naming
// table (which carries the font's copyright and licence) and OS/2.
var subsetTables = []string{"cvt ", "fpgm", "prep", "gasp", "name", "OS/2"}

// Subset returns face f cut down to the glyphs of runes (in any order,
// repeats allowed); characters the face lacks are left out. Glyph 0, the
// .notdef glyph, is always kept, and so are the parts of composite glyphs.
// Glyphs keep their outlines and hinting instructions; they are
// renumbered in their original order.
func (m *Metrics) Subset(f Face, runes []rune) (*Subset, error) {
	tt := m.face(f).tt
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	out := &Subset{Runes: rs[:0]}
	newID := make([]int32, tt.numGlyphs) // 0 unused, else new glyph + 1
	var old []int                        // original glyphs, in the order found
	keep := func(g int) {
		if g < len(newID) && newID[g] == 0 {
			newID[g] = -1
			old = append(old, g)
		}
	}
	keep(0)
	for _, r := range rs {
		if r < 0 || r >= planes || tt.glyph[r] == 0 {
			continue
		}
		out.Runes = append(out.Runes, r)
		keep(int(tt.glyph[r]))
	}
	for i := 0; i < len(old); i++ { // grows as composites add parts
		data, err := tt.outline(old[i])
		if err != nil {
			return nil, err
		}
		bad := false
		err = components(data, func(at int) {
			part := int(binary.BigEndian.Uint16(data[at:]))
			bad = bad || part >= tt.numGlyphs
			keep(part)
		})
		if err != nil {
			return nil, err
		}
		if bad {
			return nil, fmt.Errorf("%w: glyph %d has a part that does not exist", errTrueType, old[i])
		}
	}
	sort.Ints(old)
	for i, g := range old {
		newID[g] = int32(i + 1)
	}
	out.GIDs = make([]uint16, len(out.Runes))
	for i, r := range out.Runes {
		out.GIDs[i] = uint16(newID[tt.glyph[r]] - 1)
	}

	// glyf, loca and hmtx for the kept glyphs.
	var glyf, hmtx []byte
	offsets := make([]int, 0, len(old)+1)
	for _, g := range old {
		data, _ := tt.outline(g) // checked above
		offsets = append(offsets, len(glyf))
		at := len(glyf)
		glyf = append(glyf, data...)
		_ = components(data, func(c int) {
			part := binary.BigEndian.Uint16(data[c:])
			binary.BigEndian.PutUint16(glyf[at+c:], uint16(newID[part]-1))
		})
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		mt := tt.metric(g)
		hmtx = append(hmtx, mt[:]...)
	}
	offsets = append(offsets, len(glyf))
	long := len(glyf)/2 > 0xffff
	var loca []byte
	for _, o := range offsets {
		if long {
			loca = binary.BigEndian.AppendUint32(loca, uint32(o))
		} else {
			loca = binary.BigEndian.AppendUint16(loca, uint16(o/2))
		}
	}

	tables := map[string][]byte{"glyf": glyf, "loca": loca, "hmtx": hmtx}
	head := slices.Clone(tt.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 0) // indexToLocFormat: short
	if long {
		binary.BigEndian.PutUint16(head[50:], 1)
	}
	tables["head"] = head
	hhea := slices.Clone(tt.tables["hhea"])
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(old)))
	tables["hhea"] = hhea
	maxp := slices.Clone(tt.tables["maxp"])
	binary.BigEndian.PutUint16(maxp[4:], uint16(len(old)))
	tables["maxp"] = maxp
	if post := tt.tables["post"]; len(post) >= 32 {
		// Version 3: no glyph names, which would name the old glyphs.
		p := slices.Clone(post[:32])
		binary.BigEndian.PutUint32(p, 0x00030000)
		tables["post"] = p
	}
	tables["cmap"] = cmapTable(out.Runes, out.GIDs)
	for _, tag := range subsetTables {
		if t := tt.tables[tag]; t != nil {
			tables[tag] = t
		}
	}
	out.Font = assemble(tables)
	return out, nil
}

// cmapTable returns a character map (one format 4 subtable for Windows
// Unicode) from runes, ascending and below U+10000, to glyphs.
func cmapTable(runes []rune, gids []uint16) []byte {
	type segment struct{ start, end, delta uint16 }
	var segs []segment
	for i, r := range runes {
		n := len(segs)
		if n > 0 && rune(segs[n-1].end)+1 == r && uint16(r)+segs[n-1].delta == gids[i] {
			segs[n-1].end = uint16(r)
			continue
		}
		segs = append(segs, segment{uint16(r), uint16(r), gids[i] - uint16(r)})
	}
	segs = append(segs, segment{0xffff, 0xffff, 1}) // the required last segment
	n := len(segs)
	pow := 1
	sel := 0
	for pow*2 <= n {
		pow *= 2
		sel++
	}
	sub := make([]byte, 0, 16+8*n)
	for _, v := range []int{4, 16 + 8*n, 0, 2 * n, 2 * pow, sel, 2*n - 2*pow} {
		sub = binary.BigEndian.AppendUint16(sub, uint16(v))
	}
	for _, s := range segs {
		sub = binary.BigEndian.AppendUint16(sub, s.end)
	}
	sub = binary.BigEndian.AppendUint16(sub, 0)
	for _, s := range segs {
		sub = binary.BigEndian.AppendUint16(sub, s.start)
	}
	for _, s := range segs {
		sub = binary.BigEndian.AppendUint16(sub, s.delta)
	}
	sub = append(sub, make([]byte, 2*n)...) // no range offsets
	head := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(head, sub...)
}

// assemble writes a TrueType file of the tables: a directory sorted by
// tag, each table padded to four bytes, checksums filled in.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for tag, t := range tables {
		tags = append(tags, tag)
		size += (len(t) + 3) &^ 3
	}
	sort.Strings(tags)
	n := len(tags)
	pow, sel := 1, 0
	for pow*2 <= n {
		pow *= 2
		sel++
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*pow))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16*pow))
	headAt := 0
	for i, tag := range tags {
		t := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		binary.BigEndian.PutUint32(rec[4:], checksum(out[len(out)-((len(t)+3)&^3):]))
	}
	if headAt > 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// checksum is the TrueType table checksum: the sum of the data as
// big-endian 32-bit numbers (the length a multiple of four).
func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i+4 <= len(b); i += 4 {
		s += binary.BigEndian.Uint32(b[i:])
	}
	return s
}
