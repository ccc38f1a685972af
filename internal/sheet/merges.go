package sheet

import (
	"fmt"
	"sort"
	"strings"
)

// Excel's own bounds on a worksheet, which agsreport holds every workbook
// to.
const (
	maxRows = 1 << 20 // 1,048,576 rows
	maxCols = 1 << 14 // 16,384 columns, A to XFD
)

// maxMerges bounds the merged ranges read from one sheet. A plan of
// 100,000 actions with two merged ranges on each row stays well inside it.
const maxMerges = 500_000

// String writes the range as Excel does, "B3:D7".
func (a area) String() string {
	return cellName(a.left, a.top) + ":" + cellName(a.right, a.bottom)
}

// cellName writes a 1-based column and row as "AB12".
func cellName(col, row int) string {
	return colName(col) + fmt.Sprint(row)
}

// colName writes a 1-based column number as letters: 1 → A, 28 → AB.
func colName(col int) string {
	var b [4]byte
	i := len(b)
	for col > 0 && i > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// parseRef reads a cell reference such as "AB12" or "$AB$12" into its
// 1-based column and row, both within Excel's bounds.
func parseRef(ref string) (col, row int, ok bool) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	start := i
	for i < len(ref) && i-start <= 3 {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		i++
	}
	if i == start || i-start > 3 || col > maxCols {
		return 0, 0, false
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	if i == len(ref) || len(ref)-i > 7 || ref[i] == '0' {
		return 0, 0, false
	}
	for ; i < len(ref); i++ {
		c := ref[i]
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
	}
	if row > maxRows {
		return 0, 0, false
	}
	return col, row, true
}

// parseArea reads "B3:D7". A single cell ("B3" or "B3:B3") is no merge and
// reports false with no error; a reference that is not a range of cells is
// an error.
func parseArea(ref string) (area, bool, error) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		b = a
	}
	c1, r1, ok1 := parseRef(a)
	c2, r2, ok2 := parseRef(b)
	if !ok1 || !ok2 {
		return area{}, false, fmt.Errorf("merged range %q is not a range of cells", brief([]string{ref})[0])
	}
	ar := area{top: min(r1, r2), bottom: max(r1, r2), left: min(c1, c2), right: max(c1, c2)}
	if ar.top == ar.bottom && ar.left == ar.right {
		return area{}, false, nil
	}
	return ar, true, nil
}

// sortAreas orders merged ranges by top row, then left column, and checks
// that no two overlap, which Excel never allows and which would make a
// cell's value ambiguous. The check sweeps the ranges by top row over a
// segment tree of the columns, so it costs O(n log n) for n ranges
// whatever their shapes.
func sortAreas(areas []area) error {
	sort.Slice(areas, func(i, j int) bool {
		if areas[i].top != areas[j].top {
			return areas[i].top < areas[j].top
		}
		return areas[i].left < areas[j].left
	})
	var cols colTree
	for i, a := range areas {
		if bottom, j := cols.max(a.left, a.right); bottom >= a.top {
			return fmt.Errorf("merged ranges %s and %s overlap, which Excel does not allow; open the file in Excel and save it again", areas[j], a)
		}
		cols.assign(a.left, a.right, a.bottom, i)
	}
	return nil
}

// colTree is a segment tree over the columns A to XFD holding, for each
// column, the bottom row of the last merged range assigned over it and that
// range's index. It answers the largest bottom in a span of columns and
// assigns a range over a span, each in O(log columns).
type colTree struct {
	bottom []int32 // per node: the largest bottom in its span
	idx    []int32 // per node: the range with that bottom
	lazy   []bool  // per node: its children still hold older values
}

func (t *colTree) init() {
	if t.bottom == nil {
		t.bottom = make([]int32, 2*maxCols)
		t.idx = make([]int32, 2*maxCols)
		t.lazy = make([]bool, 2*maxCols)
	}
}

// max returns the largest bottom over columns left..right (1-based) and
// the range it belongs to; bottom 0 when none.
func (t *colTree) max(left, right int) (int, int) {
	t.init()
	b, i := t.query(1, 1, maxCols, left, right)
	return int(b), int(i)
}

func (t *colTree) query(node, lo, hi, left, right int) (int32, int32) {
	if right < lo || hi < left {
		return 0, 0
	}
	if left <= lo && hi <= right {
		return t.bottom[node], t.idx[node]
	}
	t.push(node)
	mid := (lo + hi) / 2
	b1, i1 := t.query(2*node, lo, mid, left, right)
	b2, i2 := t.query(2*node+1, mid+1, hi, left, right)
	if b2 > b1 {
		return b2, i2
	}
	return b1, i1
}

// assign sets columns left..right to the range idx ending at bottom.
func (t *colTree) assign(left, right, bottom, idx int) {
	t.init()
	t.set(1, 1, maxCols, left, right, int32(bottom), int32(idx))
}

func (t *colTree) set(node, lo, hi, left, right int, bottom, idx int32) {
	if right < lo || hi < left {
		return
	}
	if left <= lo && hi <= right {
		t.bottom[node], t.idx[node] = bottom, idx
		if lo < hi {
			t.lazy[node] = true
		}
		return
	}
	t.push(node)
	mid := (lo + hi) / 2
	t.set(2*node, lo, mid, left, right, bottom, idx)
	t.set(2*node+1, mid+1, hi, left, right, bottom, idx)
	t.bottom[node], t.idx[node] = t.bottom[2*node], t.idx[2*node]
	if t.bottom[2*node+1] > t.bottom[node] {
		t.bottom[node], t.idx[node] = t.bottom[2*node+1], t.idx[2*node+1]
	}
}

// push hands a node's assignment down to its children.
func (t *colTree) push(node int) {
	if !t.lazy[node] {
		return
	}
	for _, c := range []int{2 * node, 2*node + 1} {
		t.bottom[c], t.idx[c] = t.bottom[node], t.idx[node]
		if c < maxCols {
			t.lazy[c] = true
		}
	}
	t.lazy[node] = false
}

// mergeSweep walks a sheet's merged ranges row by row, in rows' order, so
// that filling merged values down costs O(1) per range and O(width) per
// row read, never rows × ranges. The ranges must not overlap (sortAreas).
type mergeSweep struct {
	areas    []area // sorted by top
	byBottom []int  // indices into areas, sorted by bottom
	next     int    // areas[next] is the next range to start
	gone     int    // byBottom[gone] is the next range to end
	at       []int  // column → 1 + index of the active range starting there; 0 none
	active   int
}

// newMergeSweep prepares a sweep over ranges sorted by sortAreas.
func newMergeSweep(areas []area) *mergeSweep {
	s := &mergeSweep{areas: areas, byBottom: make([]int, len(areas))}
	for i := range areas {
		s.byBottom[i] = i
	}
	sort.Slice(s.byBottom, func(i, j int) bool { return areas[s.byBottom[i]].bottom < areas[s.byBottom[j]].bottom })
	return s
}

// advance moves the sweep to row num (rows only go down): ranges ending
// above num stop being active, ranges starting at or above num become
// active. start is called for each range whose top row is num, end for
// each range that stops.
func (s *mergeSweep) advance(num int, start, end func(area)) {
	for s.gone < len(s.byBottom) && s.areas[s.byBottom[s.gone]].bottom < num {
		i := s.byBottom[s.gone]
		s.gone++
		a := s.areas[i]
		if s.at != nil && s.at[a.left] == i+1 {
			s.at[a.left] = 0
			s.active--
			if end != nil {
				end(a)
			}
		}
	}
	for s.next < len(s.areas) && s.areas[s.next].top <= num {
		i := s.next
		s.next++
		a := s.areas[i]
		if a.bottom < num {
			continue // skipped over entirely
		}
		if s.at == nil {
			s.at = make([]int, maxCols+1)
		}
		s.at[a.left] = i + 1
		s.active++
		if a.top == num && start != nil {
			start(a)
		}
	}
}

// each calls fn, in column order, for the active ranges that start in the
// first width columns.
func (s *mergeSweep) each(width int, fn func(area)) {
	if s.active == 0 {
		return
	}
	for c := 1; c <= min(width, maxCols); c++ {
		if i := s.at[c]; i > 0 {
			fn(s.areas[i-1])
		}
	}
}
