package sheet

import (
	"fmt"
	"strings"

	"github.com/agsreport/agsreport/internal/plan"
)

// headerScan is how many rows from the top are searched for the header row
// when the job gives none.
const headerScan = 30

// table is a table whose header row has been found and mapped.
type table struct {
	kind   Kind
	file   string // the file as messages name it
	sheet  string // "" for CSV
	header int    // 1-based header row
	heads  []string
	col    map[string]int // field → 0-based column
	is1904 bool
}

// loc locates a cell of the table; col is 0-based, or -1 for the whole row.
func (t *table) loc(row, col int) plan.Loc {
	l := plan.Loc{File: t.file, Sheet: t.sheet, Row: row}
	if col >= 0 {
		l.Col = col + 1
		if col < len(t.heads) {
			l.Header = t.heads[col]
		}
	}
	return l
}

// has reports whether the table has a column for the field.
func (t *table) has(field string) bool {
	_, ok := t.col[field]
	return ok
}

// row is one data row, merged ranges filled in.
type row struct {
	t     *table
	num   int
	cells []cell
	own   int // cells with text of their own, not copied from a merge
}

func (r row) get(field string) (cell, int, bool) {
	i, ok := r.t.col[field]
	if !ok {
		return cell{}, -1, false
	}
	if i >= len(r.cells) {
		return cell{}, i, true
	}
	return r.cells[i], i, true
}

// text returns the field's normalised text, "" when there is no column.
func (r row) text(field string) string {
	c, _, _ := r.get(field)
	return cleanText(c.text)
}

// id returns a ref or number as text: a number stored in the cell reads as
// written plainly ("1", not "1.0").
func (r row) id(field string) string {
	c, _, _ := r.get(field)
	shown := cleanText(c.text)
	if c.raw != "" && !c.date {
		if _, isNum := parseNumber(shown); isNum {
			if s, ok := numberText(c.raw); ok {
				return s
			}
		}
	}
	return shown
}

// at locates the field's cell, or the row when the table has no column
// for it.
func (r row) at(field string) plan.Loc {
	_, i, _ := r.get(field)
	return r.t.loc(r.num, i)
}

// target reads a target date: a date cell as its date, text with
// plan.ParseTarget. A date that cannot be read is an error at the cell; the
// text is still kept.
func (r row) target(field string, probs *plan.Problems) plan.Target {
	c, _, ok := r.get(field)
	if !ok {
		return plan.Target{}
	}
	if d, ok := excelDate(c, r.t.is1904); ok {
		return plan.Target{Text: d.Long(), Due: d}
	}
	t, err := plan.ParseTarget(cleanText(c.text))
	if err != nil {
		probs.Errorf(r.at(field), "%v", err)
		return plan.Target{Text: t.Text}
	}
	return t
}

// extras returns the values of the columns that map to no field but have a
// header, in column order.
func (r row) extras() plan.Fields {
	var out plan.Fields
	mapped := make(map[int]bool, len(r.t.col))
	for _, i := range r.t.col {
		mapped[i] = true
	}
	for i, h := range r.t.heads {
		if h == "" || mapped[i] {
			continue
		}
		v := ""
		if i < len(r.cells) {
			v = cleanText(r.cells[i].text)
		}
		out = append(out, plan.Field{Name: h, Value: v})
	}
	return out
}

// tableRequest says which table to read: the spec, the sheet (already
// resolved; "" for CSV) and the kinds it may be, preferred first.
type tableRequest struct {
	spec  *TableSpec
	sheet string
	kinds []Kind
}

// readTable streams one table: it finds and maps the header row, then calls
// fn with each data row. Blank rows, bands (a row whose text is one merged
// range across the table) and notes under the table are skipped; a row
// with other text but no key (an action with no ref) is skipped with a
// warning. It returns the table, or nil when no usable header was found
// (the problem is recorded).
func readTable(src source, req tableRequest, probs *plan.Problems, fn func(t *table, r row)) *table {
	spec := req.spec
	sheetLoc := plan.Loc{File: spec.Name, Sheet: req.sheet}
	raw := false
	for _, k := range req.kinds {
		raw = raw || k != Updates
	}
	areas, err := src.merges(req.sheet)
	if err != nil {
		probs.Warnf(sheetLoc, "its merged cells could not be read (%v); merged values are not filled down", err)
		areas = nil
	}
	it, err := src.rows(req.sheet, raw)
	if err != nil {
		probs.Errorf(sheetLoc, "cannot be read: %v", err)
		return nil
	}
	var (
		t         *table
		active    []area
		anchors   = map[area]cell{}
		next      int // index in areas of the next range to become active
		sawText   bool
		firstText []string
		lastRow   int
		data      int // data rows read
		stop      bool
		reported  bool // a header problem was recorded
	)
	for !stop && it.next() {
		num := it.row()
		lastRow = num
		cells, err := it.cells()
		if err != nil {
			probs.Errorf(plan.Loc{File: spec.Name, Sheet: req.sheet, Row: num}, "cannot be read: %v", err)
			break
		}
		own := 0
		for _, c := range cells {
			if strings.TrimSpace(c.text) != "" {
				own++
			}
		}
		// Merged ranges: take each anchor when its row comes, then copy it
		// over the range.
		for next < len(areas) && areas[next].top <= num {
			a := areas[next]
			next++
			if a.top == num {
				if a.left-1 < len(cells) {
					anchors[a] = cells[a.left-1]
				}
				active = append(active, a)
			}
		}
		keep := active[:0]
		for _, a := range active {
			if a.bottom >= num {
				keep = append(keep, a)
			} else {
				delete(anchors, a)
			}
		}
		active = keep
		var band *area
		if t != nil && own > 0 {
			cells, band = fillMerged(cells, num, active, anchors, len(t.heads))
		}

		if t == nil {
			if own > 0 && !sawText {
				sawText = true
				for _, c := range cells {
					firstText = append(firstText, cleanText(c.text))
				}
			}
			var scan bool
			switch {
			case spec.Header > 0:
				scan = num == spec.Header
			default:
				scan = num <= headerScan
				stop = num >= headerScan
			}
			if !scan {
				continue
			}
			heads := make([]string, len(cells))
			for i, c := range cells {
				heads[i] = cleanText(c.text)
			}
			kind, m, found := pickKind(req.kinds, heads, spec.Columns, spec.Header > 0)
			if !found {
				if spec.Header > 0 {
					stop = true
				}
				continue
			}
			t = &table{kind: kind, file: spec.Name, sheet: req.sheet, header: num, heads: heads, col: m.col, is1904: src.date1904()}
			stop = false
			if !checkHeader(t, m, spec, probs) {
				t, reported = nil, true
				break
			}
			continue
		}

		if own == 0 || band != nil {
			continue
		}
		r := row{t: t, num: num, cells: cells, own: own}
		if !hasKey(r) {
			if data > 0 && own <= 2 && requiredEmpty(r) {
				continue // a note under the table
			}
			key := keyField[t.kind][0]
			if !t.has(key) && len(keyField[t.kind]) > 1 {
				key = keyField[t.kind][1]
			}
			probs.Warnf(r.at(key), "the row has no %s; it is skipped", keyNoun(t.kind))
			continue
		}
		data++
		fn(t, r)
	}
	if err := it.close(); err != nil {
		probs.Errorf(sheetLoc, "cannot be read completely: %v", err)
	}
	if t != nil || reported {
		return t
	}
	kind := req.kinds[0]
	switch {
	case !sawText:
		probs.Errorf(sheetLoc, "the sheet is empty")
	case spec.Header > 0 && spec.Header > lastRow:
		probs.Errorf(sheetLoc, "the header row %d is below the last row (%d)", spec.Header, lastRow)
	case spec.Header > 0:
		// pickKind accepts any header row the job names; not reached.
		probs.Errorf(sheetLoc, "row %d is not a header row", spec.Header)
	default:
		probs.Errorf(sheetLoc, "no header row found: none of the first %d rows has two of the column names expected for %s (such as %s); the first row with text has %s",
			headerScan, kindPlural(kind), quoteList(exampleHeaders(kind), " or "), quoteList(brief(nonEmpty(firstText)), ", "))
	}
	return nil
}

// fillMerged copies each merged range's anchor value over the range's
// cells in this row, up to the table's width, and reports the range when
// the row's text is all one range across three or more columns (a band or a
// note, not data).
func fillMerged(cells []cell, num int, active []area, anchors map[area]cell, width int) ([]cell, *area) {
	var band *area
	for i := range active {
		a := active[i]
		if a.top > num || a.bottom < num {
			continue
		}
		v, ok := anchors[a]
		if !ok {
			continue
		}
		right := min(a.right, max(width, len(cells)))
		for len(cells) < right {
			cells = append(cells, cell{})
		}
		for c := a.left; c <= right; c++ {
			if c == a.left && num == a.top {
				continue
			}
			cells[c-1] = cell{text: v.text, raw: v.raw, date: v.date, filled: true}
		}
		if a.right-a.left >= 2 && band == nil && strings.TrimSpace(v.text) != "" {
			inside := true
			for c, x := range cells {
				if strings.TrimSpace(x.text) != "" && (c+1 < a.left || c+1 > a.right) {
					inside = false
					break
				}
			}
			if inside {
				band = &a
			}
		}
	}
	return cells, band
}

// pickKind maps a candidate header row for each kind the table may be. A
// row is a header when two or more fields map, at least one by a whole
// header text (or whatever row the job named). The first kind whose required
// columns are all there wins; failing that, the first kind that mapped.
func pickKind(kinds []Kind, heads []string, custom map[string][]string, named bool) (Kind, mapping, bool) {
	var firstKind Kind
	var first mapping
	found := false
	for _, k := range kinds {
		m := mapColumns(k, heads, custom)
		if !named && (len(m.col) < 2 || m.exact < 1) {
			continue
		}
		if len(m.missing(k)) == 0 {
			return k, m, true
		}
		if !found {
			firstKind, first, found = k, m, true
		}
	}
	return firstKind, first, found
}

// checkHeader reports the job's column names that are no field, and the
// required columns the header lacks. It returns false when the table
// cannot be read.
func checkHeader(t *table, m mapping, spec *TableSpec, probs *plan.Problems) bool {
	fileLoc := plan.Loc{File: spec.Name}
	for _, name := range unknownFields(t.kind, spec.Columns) {
		probs.Errorf(fileLoc, "columns.%s: %q is not a field of the %s table (the fields are %s)", name, name, t.kind, strings.Join(FieldNames(t.kind), ", "))
	}
	miss := m.missing(t.kind)
	if len(miss) == 0 {
		return true
	}
	for _, group := range miss {
		var names []string
		for _, f := range group {
			names = append(names, append(append([]string(nil), spec.Columns[f]...), Aliases(t.kind, f)...)...)
		}
		if len(names) > 3 {
			names = names[:3]
		}
		probs.Errorf(t.loc(t.header, -1), "no %s column (a header such as %s); the headers found are %s",
			fieldNoun(t.kind, group[0]), quoteList(names, " or "), quoteList(nonEmpty(t.heads), ", "))
	}
	return false
}

// hasKey reports whether the row has a value for the kind's key field.
func hasKey(r row) bool {
	for _, f := range keyField[r.t.kind] {
		if r.text(f) != "" {
			return true
		}
	}
	return false
}

// requiredEmpty reports whether every required field of the row is empty.
func requiredEmpty(r row) bool {
	for _, group := range required[r.t.kind] {
		for _, f := range group {
			if r.text(f) != "" {
				return false
			}
		}
	}
	return true
}

func keyNoun(k Kind) string {
	switch k {
	case Issues:
		return "issue title or ref"
	case Outcomes:
		return "outcome number"
	case Recommendations:
		return "recommendation number or text"
	}
	return "action ref"
}

func fieldNoun(k Kind, f string) string {
	switch f {
	case "ref":
		return "action ref"
	case "id", "title":
		return "issue title"
	case "number":
		return kindNoun[k] + " number"
	case "description":
		return "action"
	case "status", "progress":
		return "status or progress"
	}
	return kindNoun[k] + " " + f
}

func kindPlural(k Kind) string {
	if k == Updates {
		return "a progress return"
	}
	return string(k)
}

// exampleHeaders gives the first alias of each required field.
func exampleHeaders(k Kind) []string {
	var out []string
	for _, group := range required[k] {
		for _, f := range group {
			if a := Aliases(k, f); len(a) > 0 {
				out = append(out, a[0])
			}
		}
	}
	return out
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, strings.ReplaceAll(s, "\n", " "))
		}
	}
	return out
}

// brief shortens a list of cell texts for a message: at most eight, each
// at most forty characters.
func brief(ss []string) []string {
	if len(ss) > 8 {
		ss = append(ss[:8:8], "…")
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		if r := []rune(s); len(r) > 40 {
			s = string(r[:39]) + "…"
		}
		out[i] = s
	}
	return out
}

// quoteList writes "a", "b" or "c"; "(none)" for no items.
func quoteList(ss []string, last string) string {
	if len(ss) == 0 {
		return "(none)"
	}
	var b strings.Builder
	for i, s := range ss {
		if i > 0 {
			if i == len(ss)-1 {
				b.WriteString(last)
			} else {
				b.WriteString(", ")
			}
		}
		fmt.Fprintf(&b, "%q", s)
	}
	return b.String()
}
