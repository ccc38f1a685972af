package pdf

import (
	"unicode/utf8"

	"github.com/agsreport/agsreport/internal/report"
)

// seg is a stretch of one wrapped line in one face: a substring of a cleaned
// run, at x millimetres from the line's left edge.
type seg struct {
	text string
	face Face
	x, w float64
	// run, start and end locate text in its cleaned run while wrapping
	// (run is -1 for the bullet); 32 bits keep a line's segments small.
	run, start, end int32
	// spaceAfter is set when a word space follows the segment on its line
	// in another run: the space only moves the pen, but is drawn too so
	// that extracted text keeps the words apart.
	spaceAfter bool
}

// line is one wrapped line of text.
type line struct {
	segs []seg
	w    float64 // width from the left edge to the end of the last segment
	h    float64 // line height
	gap  float64 // extra space above the line (a paragraph break)
	size float64 // font size in points
	// src is the index of the source line (report.Line) the line was
	// wrapped from; bullet and para say whether that source line is a
	// bullet and starts a new paragraph.
	src          int
	bullet, para bool
	// more is set on every line but the last of a text: the line ends
	// with a word space, drawn invisibly so that text extracted from the
	// file (by a screen reader) keeps its words apart.
	more bool
	// tag is the structure element (see Elem) the line's text belongs to,
	// lbl the one its bullet belongs to; 0 until tagLines sets them.
	tag, lbl int32
}

// blockHeight is the height of wrapped lines stacked, the first line's gap
// left out.
func blockHeight(lines []line) float64 {
	h := 0.0
	for i, l := range lines {
		if i > 0 {
			h += l.gap
		}
		h += l.h
	}
	return h
}

// atom is a word or a run of spaces of one cleaned run.
type atom struct {
	run        int // index into the cleaned runs
	start, end int // byte offsets into the run's text
	face       Face
	w          float64
	space      bool
	glue       bool // a word joined to the word before it (no space between)
}

// bulletText is drawn before bullet lines.
const bulletText = "•"

// wrap breaks t into lines no wider than width millimetres at size points.
// bold sets every run bold (headings, bands, table headers). Words are
// never split unless a single word is wider than the line, and then at
// character boundaries. Bullet lines hang their continuation lines under
// the text, past the bullet.
func (f *flow) wrap(t report.Text, size, width float64, bold bool) []line {
	if width < 1 {
		width = 1
	}
	lh := lineHeight(size)
	out := f.lineBuf[:0]
	segs := f.segBuf[:0] // the segments of the current line, kept by keep
	runs := make([]string, 0, 4)
	faces := make([]Face, 0, 4)
	for li, src := range t.Lines {
		runs, faces = runs[:0], faces[:0]
		atoms := f.scratch[:0]
		for _, r := range src.Runs {
			face := faceOf(r.Bold || bold, r.Italic)
			s := cleanText(r.Text, face, f.m)
			ri := len(runs)
			runs = append(runs, s)
			faces = append(faces, face)
			for i := 0; i < len(s); {
				j := i
				space := s[i] == ' '
				for j < len(s) && (s[j] == ' ') == space {
					j++
				}
				a := atom{run: ri, start: i, end: j, face: face, space: space}
				a.w = f.m.Width(face, size, s[i:j])
				if !space && len(atoms) > 0 && !atoms[len(atoms)-1].space {
					a.glue = true
				}
				atoms = append(atoms, a)
				i = j
			}
		}
		f.scratch = atoms

		gap := 0.0
		if src.SpaceBefore && li > 0 {
			gap = 0.5 * lh
		}
		indent := 0.0
		var bullet seg
		if src.Bullet {
			bf := faceOf(bold, false)
			bt := bulletText
			if !f.m.Has(bf, '•') {
				bt = "-"
			}
			bw := f.m.Width(bf, size, bt)
			bullet = seg{text: bt, face: bf, w: bw, run: -1}
			indent = bw + f.m.Width(bf, size, "  ")
			if indent > width/2 {
				indent = 0
			}
		}
		avail := width - indent
		if avail < 1 {
			avail = 1
		}

		cur := line{h: lh, gap: gap, size: size, src: li, bullet: src.Bullet, para: src.SpaceBefore}
		if src.Bullet {
			segs = append(segs, bullet)
			cur.w = bullet.w
		}
		x := 0.0      // width used after the indent
		empty := true // no word on the current line yet
		finish := func() {
			cur.segs = f.keepSegs(segs)
			out = append(out, cur)
			segs = segs[:0]
			cur = line{h: lh, size: size, src: li, bullet: src.Bullet}
			x, empty = 0, true
		}
		// put appends bytes [start,end) of run ri, of width w, at x.
		put := func(ri, start, end int, w float64) {
			if n := len(segs); n > 0 {
				last := &segs[n-1]
				if int(last.run) == ri && int(last.end) == start && end > start {
					last.end = int32(end)
					last.text = runs[ri][last.start:end]
					last.w += w
					x += w
					cur.w = indent + x
					return
				}
			}
			if runs[ri][start] == ' ' {
				// Spaces that would open a segment only move the pen.
				if n := len(segs); n > 0 && segs[n-1].run >= 0 {
					segs[n-1].spaceAfter = true
				}
				x += w
				return
			}
			segs = append(segs, seg{text: runs[ri][start:end], face: faces[ri], x: indent + x, w: w, run: int32(ri), start: int32(start), end: int32(end)})
			x += w
			cur.w = indent + x
		}
		pending := -1 // index of the first space atom before the next word
		for i := 0; i < len(atoms); {
			a := atoms[i]
			if a.space {
				if pending < 0 {
					pending = i
				}
				i++
				continue
			}
			k := i + 1
			gw := a.w
			for k < len(atoms) && !atoms[k].space && atoms[k].glue {
				gw += atoms[k].w
				k++
			}
			sw := 0.0
			if pending >= 0 {
				for p := pending; p < i; p++ {
					sw += atoms[p].w
				}
			}
			if !empty && x+sw+gw > avail+1e-9 {
				finish()
			}
			if !empty && pending >= 0 {
				for p := pending; p < i; p++ {
					put(atoms[p].run, atoms[p].start, atoms[p].end, atoms[p].w)
				}
			}
			pending = -1
			if x+gw <= avail+1e-9 {
				for p := i; p < k; p++ {
					put(atoms[p].run, atoms[p].start, atoms[p].end, atoms[p].w)
				}
			} else {
				// A word wider than the line: break it between characters.
				for p := i; p < k; p++ {
					ap := atoms[p]
					s := runs[ap.run]
					for j := ap.start; j < ap.end; {
						_, n := utf8.DecodeRuneInString(s[j:ap.end])
						rw := f.m.Width(ap.face, size, s[j:j+n])
						if !empty && x+rw > avail+1e-9 {
							finish()
						}
						put(ap.run, j, j+n, rw)
						empty = false
						j += n
					}
				}
			}
			empty = false
			i = k
		}
		cur.segs = f.keepSegs(segs)
		out = append(out, cur)
		segs = segs[:0]
	}
	for i := 0; i+1 < len(out); i++ {
		out[i].more = true
	}
	f.lineBuf, f.segBuf = out, segs
	return f.keepLines(out)
}

// arenaSize is the number of segments or lines set aside at once for
// wrapped text: a table's rows are wrapped and released in order, so
// their lines share few allocations, and each is freed with the last row
// using it.
const arenaSize = 512

// keepSegs returns a copy of segs that the next wrap does not overwrite.
func (f *flow) keepSegs(segs []seg) []seg { return keep(&f.segArena, segs) }

// keepLines returns a copy of lines that the next wrap does not
// overwrite.
func (f *flow) keepLines(lines []line) []line { return keep(&f.lineArena, lines) }

// keep copies s to the end of *arena, starting a new arena when it is
// full, and returns the copy, which cannot grow into what follows it.
func keep[T any](arena *[]T, s []T) []T {
	n := len(s)
	if n == 0 {
		return nil
	}
	if cap(*arena)-len(*arena) < n {
		*arena = make([]T, 0, max(n, arenaSize))
	}
	k := len(*arena)
	*arena = append(*arena, s...)
	return (*arena)[k : k+n : k+n]
}
