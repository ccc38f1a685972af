package sheet

import (
	"fmt"
	"slices"
	"sort"
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
	// span lists, by 0-based column, the columns to its right that its
	// heading is merged over; their cells are read with it.
	span map[int][]int
	// spanned marks the columns read with a column to their left.
	spanned map[int]bool
	// fieldAt maps each 0-based column read as a field to the field.
	fieldAt map[int]string
	// extraName names each column with a heading that maps to no field, by
	// 0-based column; usedExtra marks the columns with no heading that had
	// text in a row read, kept as extras named by their letter.
	extraName map[int]string
	usedExtra map[int]bool
	// ignored marks the columns no field of a progress return reads (the
	// plan's own text, copied for the officer).
	ignored map[int]bool
	// refInText says the actions' refs are at the start of the action text.
	refInText bool
	// orActions says the table was read as issues where it might have been
	// the plan's actions (the job names no sheet of issues).
	orActions bool
	is1904    bool
	reading   *Reading
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
	return ok || field == "ref" && t.refInText
}

// note records something worth a look in the table's reading.
func (t *table) note(loc plan.Loc, format string, a ...any) {
	t.reading.Notes = append(t.reading.Notes, Note{Loc: loc, Msg: fmt.Sprintf(format, a...)})
}

// row is one data row, merged ranges filled in. Each cell a field reads is
// marked used, so that a cell no field read can be reported.
type row struct {
	t     *table
	num   int
	cells []cell
	own   int    // cells with text of their own, not copied from a merge
	used  []bool // by 0-based column
	bands map[string]*band
}

func (r row) get(field string) (cell, int, bool) {
	if field == "ref" && r.t.refInText {
		c, i, ok := r.get("description")
		if !ok {
			return cell{}, -1, false
		}
		ref, _ := splitRef(cleanText(c.text))
		return cell{text: ref}, i, true
	}
	i, ok := r.t.col[field]
	if !ok {
		return cell{}, -1, false
	}
	return r.at0(i), i, true
}

// at0 returns the 0-based column's cell, with the cells its heading is
// merged over joined to it as paragraphs, and marks them used.
func (r row) at0(i int) cell {
	var c cell
	if i < len(r.cells) {
		c = r.cells[i]
		r.use(i)
	}
	for _, j := range r.t.span[i] {
		if j >= len(r.cells) {
			break
		}
		r.use(j)
		more := r.cells[j]
		if strings.TrimSpace(more.text) == "" || more.filled && more.text == c.text {
			continue
		}
		if strings.TrimSpace(c.text) == "" {
			c = more
			continue
		}
		c = cell{text: c.text + "\n\n" + more.text}
	}
	return c
}

func (r row) use(i int) {
	if i < len(r.used) {
		r.used[i] = true
	}
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

// mergedDown returns the sheet and range of the field's cell when the
// source merges it down over several rows ("Actions!J12:J14"), else "".
func (r row) mergedDown(field string) string {
	c, _, ok := r.get(field)
	if !ok || c.merged == "" {
		return ""
	}
	return r.t.sheet + "!" + c.merged
}

// at locates the field's cell, or the row when the table has no column
// for it.
func (r row) at(field string) plan.Loc {
	_, i, _ := r.get(field)
	return r.t.loc(r.num, i)
}

// target reads a target date: a date cell as its date, text with
// plan.ParseTarget. A plain number that is a plausible date serial (a date
// typed into a cell with no date format) is read as that date, with a note.
// A date that cannot be read is an error at the cell; the text is still
// kept.
//
// When the row also has the target as written (field+"_text", the column
// agsreport's register writes beside a typed date), that text is the
// target; a date in the date column it does not match is an error there.
func (r row) target(field string, probs *plan.Problems) plan.Target {
	c, _, ok := r.get(field)
	written := r.text(field + "_text")
	if !ok && written == "" {
		return plan.Target{}
	}
	d, isDate := excelDate(c, r.t.is1904)
	if written != "" {
		t, err := plan.ParseTarget(written)
		if err != nil {
			probs.Errorf(r.at(field+"_text"), "%v", err)
			return plan.Target{Text: t.Text}
		}
		if isDate && t.Due != d {
			probs.Errorf(r.at(field+"_text"), "the target as written, %q, is not the target date beside it (%s)", t.Text, d.Long())
		}
		return t
	}
	if isDate {
		return plan.Target{Text: d.Long(), Due: d}
	}
	text := cleanText(c.text)
	if n, isNum := parseNumber(text); isNum {
		if d, ok := plausibleSerial(n, r.t.is1904); ok {
			r.t.note(r.at(field), "%s is a number in a date column; read as the date it stands for, %s (give the cell a date format to show it as a date)", text, d.Long())
			return plan.Target{Text: d.Long(), Due: d}
		}
		probs.Errorf(r.at(field), "%q is a number, not a date or words such as \"Ongoing\"", text)
		return plan.Target{Text: text}
	}
	t, err := plan.ParseTarget(text)
	if err != nil {
		probs.Errorf(r.at(field), "%v", err)
		return plan.Target{Text: t.Text}
	}
	return t
}

// status reads the field's status: its words through the vocabulary, or,
// when the cell has no words but a solid fill, the status whose colour the
// job gives as that fill (with a note). Words that are no status, and a
// fill that is no status's colour, are errors at the cell; the status is
// then "".
func (r row) status(field string, vocab *plan.Vocabulary, probs *plan.Problems) string {
	c, _, ok := r.get(field)
	if !ok {
		return ""
	}
	if s := cleanText(c.text); s != "" {
		if st, ok := vocab.Lookup(s); ok {
			return st.Name
		}
		probs.Errorf(r.at(field), "%s", unknownStatus(s, vocab))
		return ""
	}
	if c.fill == "" {
		return ""
	}
	var match []string
	for _, st := range vocab.List() {
		if strings.EqualFold(strings.TrimPrefix(st.Colour, "#"), c.fill) {
			match = append(match, st.Name)
		}
	}
	switch len(match) {
	case 1:
		r.t.note(r.at(field), "the status cell has no words, only a fill colour, #%s: read as %s, the status of that colour in the job", c.fill, match[0])
		return match[0]
	case 0:
		probs.Errorf(r.at(field), "the status cell has no words, only a fill colour, #%s, which is the colour of no status: write the status in the cell, or give that status colour = \"#%s\" under [statuses] in the job", c.fill, c.fill)
	default:
		probs.Errorf(r.at(field), "the status cell has no words, only a fill colour, #%s, which is the colour of %s: write the status in the cell", c.fill, quoteList(match, " and "))
	}
	return ""
}

// plausibleSerial reads a whole number between 1 January 2000 and 31
// December 2099 as the date serial it would be.
func plausibleSerial(n float64, is1904 bool) (plan.Date, bool) {
	if n != float64(int64(n)) {
		return plan.Date{}, false
	}
	lo, hi := 36526.0, 73415.0 // 2000-01-01, 2100-12-31 in the 1900 system
	if is1904 {
		lo, hi = lo-1462, hi-1462
	}
	if n < lo || n > hi {
		return plan.Date{}, false
	}
	return plan.ExcelDate(n, is1904)
}

// extras returns the values of the columns that map to no field, in
// column order: those with a heading always, a column with no heading
// (named by its letter, "Column H") when the row has text in it.
func (r row) extras() plan.Fields {
	var out plan.Fields
	for i := 0; i < max(len(r.t.heads), len(r.cells)); i++ {
		if _, mapped := r.t.fieldAt[i]; mapped {
			continue
		}
		v := cleanText(r.at0(i).text)
		name, ok := r.t.extraName[i]
		if !ok {
			if v == "" {
				continue
			}
			name = "Column " + plan.ColumnName(i+1)
			r.t.usedExtra[i] = true
		}
		out = append(out, plan.Field{Name: name, Value: v})
	}
	return out
}

// tableRequest says which table to read: the spec, the sheet (already
// resolved; "" for CSV) and the kinds it may be, preferred first.
type tableRequest struct {
	spec  *TableSpec
	sheet string
	kinds []Kind
	// chosen says agsreport chose the sheet; the job named none.
	chosen bool
}

// rowFunc takes one data row and says what it was read as ("action
// 1(i)"); "" means the row was left out, which fn has reported.
type rowFunc func(t *table, r row) string

// readTable streams one table: it finds and maps the header row, then
// calls fn with each data row. Every other row with text is accounted for
// in the table's Reading: rows above the header, bands (which become
// structure for the rows below them), keys, notes and sign-offs under the
// table, rows with text in one column only (never data), and rows with text
// but no key (an error quoting the text). It returns the table, or nil when
// no usable header was found (the problem is recorded), and the reading.
func readTable(src source, req tableRequest, probs *plan.Problems, fn rowFunc) (*table, *Reading) {
	spec := req.spec
	sheetLoc := plan.Loc{File: spec.Name, Sheet: req.sheet}
	rd := &Reading{File: spec.Name, Sheet: req.sheet, Kind: req.kinds[0]}
	raw := false
	for _, k := range req.kinds {
		raw = raw || k != Updates
	}
	areas, err := src.merges(req.sheet)
	if err != nil {
		probs.Errorf(sheetLoc, "%v", err)
		areas = nil
	}
	it, err := src.rows(req.sheet, raw)
	if err != nil {
		probs.Errorf(sheetLoc, "cannot be read: %v", err)
		return nil, rd
	}
	sweep := newMergeSweep(areas)
	var (
		t         *table
		anchors   = map[area]cell{}
		sawText   bool
		firstText []string
		lastRow   int
		stop      bool
		reported  bool // a header problem was recorded
		bs        = newBandState()
		under     int // the row of a key or note under the table; 0 until one is seen
		ended     string
		data      int
		noRef     []plan.Problem // rows with text and no key
		// pending is the mapping of a header row with a heading over
		// several columns, until the next row shows whether it has
		// sub-headings.
		pending      *mapping
		pendingKinds []Kind
		above        []*band // titles above the header that name an issue or theme
		labels       []labelRow
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
		unsaved := map[int]bool{} // 1-based columns of formulas with no saved value
		for i, c := range cells {
			if strings.TrimSpace(c.text) != "" {
				own++
			}
			if c.formula != "" && !c.cached {
				unsaved[i+1] = true
				probs.Errorf(plan.Loc{File: spec.Name, Sheet: req.sheet, Row: num, Col: i + 1}, "the cell holds a formula, =%s, with no value saved in the file, so agsreport cannot read what it shows: open the workbook in Excel and save it (with Formulas > Calculation Options set to Automatic), then run again",
					trunc(c.formula, 60))
			}
		}
		// Merged ranges: take each anchor when its row comes, then copy it
		// over the range.
		sweep.advance(num, func(a area) {
			if a.left-1 < len(cells) {
				anchors[a] = cells[a.left-1]
			}
		}, func(a area) { delete(anchors, a) })
		quoted := quoteCells(cells)
		var across *area
		if t != nil && own > 0 {
			cells, across = fillMerged(cells, num, sweep, anchors, len(t.heads))
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
			if scan {
				heads := make([]string, len(cells))
				for i, c := range cells {
					heads[i] = cleanText(c.text)
				}
				kind, m, found := pickKind(req.kinds, heads, spec, spec.Header > 0)
				if found {
					t = &table{kind: kind, file: spec.Name, sheet: req.sheet, header: num, heads: heads, col: m.col,
						refInText: m.refInText, is1904: src.date1904(), reading: rd,
						orActions: kind == Issues && slices.Contains(req.kinds, Actions)}
					stop = false
					var active []area
					sweep.each(len(heads), func(a area) { active = append(active, a) })
					spanHeadings(t, num, active)
					for _, b := range above {
						if bandApplies(kind, b.kind) {
							b.loc.Header = ""
							rd.Rows[b.index] = RowReading{Row: b.loc.Row, As: RowBand, What: b.describe() + ", for the whole table"}
							bs.add(b)
						}
					}
					for _, l := range labels {
						if bandApplies(kind, l.band.kind) {
							rd.Rows[l.index] = RowReading{Row: rd.Rows[l.index].Row, As: RowBand, What: fmt.Sprintf("the %s of issue %q", l.field, l.band.text)}
						} else {
							l.band.fields = nil
						}
					}
					groupAbove(t, m, rd.Rows, areas, probs)
					rd.Kind, rd.Header = kind, num
					rd.Rows = append(rd.Rows, RowReading{Row: num, As: RowHeader})
					if len(t.span) > 0 {
						// A heading over several columns may have
						// sub-headings in the next row.
						pending, pendingKinds = &m, req.kinds
						continue
					}
					if !checkHeader(t, m, spec, probs) {
						t, reported, rd.Header = nil, true, 0
						break
					}
					continue
				}
				if spec.Header > 0 {
					stop = true
				}
			}
			if own > 0 {
				// A title naming the issue or theme ("Governance Issue:
				// Amey Lessons Learned") is a band over the whole table.
				if len(quoted) == 1 && spec.Bands != "none" {
					if b := bandOf(quoted[0].Text, ""); b != nil && (b.kind == "issue" || b.kind == "theme") {
						b.loc, b.index = plan.Loc{File: spec.Name, Sheet: req.sheet, Row: num, Col: quoted[0].Col}, len(rd.Rows)
						above = append(above, b)
					}
				}
				// "Lead Manager: …" under the issue's title row.
				if f, v := issueLabel(quoted); f != "" && len(above) > 0 && above[len(above)-1].kind == "issue" {
					b := above[len(above)-1]
					if b.fields == nil {
						b.fields = map[string]string{}
					}
					if _, dup := b.fields[f]; !dup {
						b.fields[f] = v
						labels = append(labels, labelRow{index: len(rd.Rows), field: f, band: b})
					}
				}
				rd.Rows = append(rd.Rows, RowReading{Row: num, As: RowNot, What: "a title above the header row", Cells: quoted})
			}
			continue
		}

		if pending != nil {
			m := *pending
			pending = nil
			if own > 0 && subHeadings(t, quoted) {
				m = twoRowHeadings(t, quoted, pendingKinds, spec, probs)
				rd.Kind = t.kind
				rd.Rows = append(rd.Rows, RowReading{Row: num, As: RowHeader})
				if !checkHeader(t, m, spec, probs) {
					t, reported, rd.Header = nil, true, 0
					break
				}
				continue
			}
			if !checkHeader(t, m, spec, probs) {
				t, reported, rd.Header = nil, true, 0
				break
			}
		}
		if own == 0 {
			continue
		}
		notRead := func(why string) {
			rd.Rows = append(rd.Rows, RowReading{Row: num, As: RowNot, What: why, Cells: quoted})
		}
		r := row{t: t, num: num, cells: cells, own: own, used: make([]bool, len(cells)), bands: bs.current}
		first := quoted[0].Text
		switch {
		case ended != "":
			notRead(ended)
			continue
		case spec.LastRow > 0 && num > spec.LastRow:
			ended = fmt.Sprintf("below the table, which ends at row %d (last_row in the job)", spec.LastRow)
			notRead(ended)
			continue
		case spec.End != "" && strings.HasPrefix(headerKey(first), headerKey(spec.End)):
			ended = fmt.Sprintf("below the table, which ends at row %d (end = %q in the job)", num, spec.End)
			notRead(fmt.Sprintf("the end of the table (end = %q in the job)", spec.End))
			continue
		}
		if col := colOf(t, keyFieldOf(t)); col >= 0 && unsaved[col+1] {
			// The formula's error, above, says how to fix it: another
			// message about the same cell would only repeat it.
			notRead(fmt.Sprintf("its %s is a formula with no value saved in the file", keyNoun(t.kind)))
			continue
		}
		single := len(quoted) == 1 || across != nil
		note := isNote(first) && (data > 0 || under > 0)
		if !single && !note || hasKey(r) && !note && !singleColumn(r, quoted) {
			if !hasKey(r) {
				if under > 0 {
					if under == 0 {
						under = num
					}
					notRead(fmt.Sprintf("under the table (after the last %s)", kindNoun[t.kind]))
					continue
				}
				why := fmt.Sprintf("the row has no %s", keyNoun(t.kind))
				if t.refInText {
					why = "the action text does not begin with a ref (such as 1(i), FS2 or A1.3)"
				}
				noRef = append(noRef, plan.Problem{Severity: plan.Error, Loc: r.at(keyFieldOf(t)),
					Msg: fmt.Sprintf("%s; it is not read: %s", why, quoteList(brief(texts(quoted)), ", "))})
				notRead(why)
				continue
			}
			bs.used()
			data++
			what := fn(t, r)
			if it.hidden() && what != "" {
				what += " (the row is hidden in the workbook)"
				t.note(t.loc(num, -1), "the row is hidden in the workbook; it is read like the others (delete it, or move it below the table, to leave it out)")
			}
			rr := RowReading{Row: num, As: RowData, What: what}
			if what == "" {
				rr.As, rr.What, rr.Cells = RowNot, "left out (see the messages)", quoted
			} else {
				for _, c := range quoted {
					if c.Col-1 < len(r.used) && !r.used[c.Col-1] && !t.ignored[c.Col-1] {
						rr.Cells = append(rr.Cells, c)
					}
				}
				if len(rr.Cells) > 0 {
					rr.What += "; cells in columns no field reads"
					probs.Warnf(t.loc(num, rr.Cells[0].Col-1), "%d cell(s) of the row are not read: %s", len(rr.Cells), quoteList(brief(texts(rr.Cells)), ", "))
				}
			}
			rd.Rows = append(rd.Rows, rr)
			continue
		}
		// Text in one column only, or one merged range across the table: a
		// band, a key or a note; never data.
		switch {
		case note:
			if under == 0 {
				under = num
			}
			notRead(fmt.Sprintf("under the table (a key, note, sign-off or total after the last %s)", kindNoun[t.kind]))
		case isNote(first):
			notRead("a key or note, not a " + kindNoun[t.kind])
		default:
			b := bandOf(first, spec.Bands)
			if b == nil && across != nil {
				b = &band{text: first}
			}
			if b == nil {
				why := fmt.Sprintf("text in one column only, not a %s", kindNoun[t.kind])
				if hasKey(r) {
					why = article(keyNoun(t.kind)) + " with nothing else in the row"
				}
				notRead(why)
				bs.pendNote(t.loc(num, quoted[0].Col-1), first, why)
				continue
			}
			b.loc = t.loc(num, quoted[0].Col-1)
			b.index = len(rd.Rows)
			rd.Rows = append(rd.Rows, RowReading{Row: num, As: RowBand, What: b.describe(), Cells: nil})
			bs.add(b)
		}
	}
	if err := it.close(); err != nil {
		probs.Errorf(sheetLoc, "cannot be read completely: %v", err)
	}
	if t != nil && pending != nil && !checkHeader(t, *pending, spec, probs) {
		t, reported, rd.Header = nil, true, 0
	}
	if t != nil && t.refInText && data == 0 && len(noRef) > 0 {
		// No action text begins with a ref: the table has no refs at all.
		noRef = []plan.Problem{{Severity: plan.Error, Loc: t.loc(t.header, -1), Msg: fmt.Sprintf(
			"no action ref column (a header such as %s), and no action text begins with a ref (such as 1(i), FS2 or A1.3); the headers found are %s",
			quoteList(append(append([]string(nil), spec.Columns["ref"]...), Aliases(Actions, "ref")...)[:3], " or "), quoteList(nonEmpty(t.heads), ", "))}}
	}
	probs.List = append(probs.List, noRef...)
	if t != nil {
		bs.finish(t, rd, probs)
		finishColumns(t, rd)
	}
	if t != nil || reported {
		return t, rd
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
	return nil, rd
}

// labelRow is a row above the table that gives a field of the issue its
// title row names.
type labelRow struct {
	index int // in the reading's rows
	field string
	band  *band
}

// singleColumn reports whether the row's only text is in one column (its
// key column, say), which is never data. A progress return's row with only
// a ref is read, as an action with no return.
func singleColumn(r row, quoted []CellText) bool {
	return len(quoted) == 1 && r.t.kind != Updates
}

// keyFieldOf is the field a message about a missing key points at.
func keyFieldOf(t *table) string {
	key := keyField[t.kind][0]
	if !t.has(key) && len(keyField[t.kind]) > 1 {
		key = keyField[t.kind][1]
	}
	if t.refInText {
		key = "description"
	}
	return key
}

// quoteCells lists the row's cells with text of their own.
func quoteCells(cells []cell) []CellText {
	var out []CellText
	for i, c := range cells {
		if s := cleanText(c.text); s != "" && !c.filled {
			out = append(out, CellText{Col: i + 1, Text: s})
		}
	}
	return out
}

func texts(cs []CellText) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = oneLine(c.Text)
	}
	return out
}

// spanHeadings finds headings merged over several columns in the header
// row: the columns to the right of each such heading are read with it.
func spanHeadings(t *table, num int, active []area) {
	t.span, t.spanned = map[int][]int{}, map[int]bool{}
	for _, a := range active {
		if a.top > num || a.bottom < num || a.right <= a.left || a.left-1 >= len(t.heads) || t.heads[a.left-1] == "" {
			continue
		}
		for c := a.left + 1; c <= a.right; c++ {
			if c-1 < len(t.heads) && t.heads[c-1] != "" {
				continue
			}
			t.span[a.left-1] = append(t.span[a.left-1], c-1)
			t.spanned[c-1] = true
		}
	}
}

// subHeadings reports whether a row under the header row is a row of
// sub-headings: two or more texts, each under a heading that spans several
// columns ("Progress update" over "Q1 | Q2 | Q3").
func subHeadings(t *table, quoted []CellText) bool {
	if len(quoted) < 2 {
		return false
	}
	for _, c := range quoted {
		i := c.Col - 1
		if _, group := t.span[i]; !group && !t.spanned[i] {
			return false
		}
	}
	return true
}

// twoRowHeadings makes each column under a spanning heading its own
// column, headed by both rows ("Progress update Q3"), and maps the header
// again. When the spanning heading names a field and the job does not say
// which of its columns that field is, that is an error naming them.
func twoRowHeadings(t *table, quoted []CellText, kinds []Kind, spec *TableSpec, probs *plan.Problems) mapping {
	sub := map[int]string{}
	for _, c := range quoted {
		sub[c.Col-1] = c.Text
	}
	heads := append([]string(nil), t.heads...)
	type group struct {
		head string
		cols []int
	}
	var groups []group
	for anchor, more := range t.span {
		g := group{head: t.heads[anchor], cols: append([]int{anchor}, more...)}
		for _, i := range g.cols {
			for len(heads) <= i {
				heads = append(heads, "")
			}
			heads[i] = strings.TrimSpace(g.head + " " + sub[i])
		}
		groups = append(groups, g)
	}
	kind, m, _ := pickKind(kinds, heads, subHeadingAliases(spec, heads, sub, groupCols(t.span)), true)
	t.kind, t.heads, t.col, t.refInText = kind, heads, m.col, m.refInText
	t.span, t.spanned = map[int][]int{}, map[int]bool{}
	sort.Slice(groups, func(a, b int) bool { return groups[a].cols[0] < groups[b].cols[0] })
	for _, g := range groups {
		gm := mapColumns(kind, []string{g.head}, nil)
		for f := range gm.col {
			if m.custom[f] {
				continue
			}
			var subs []string
			for _, i := range g.cols {
				subs = append(subs, sub[i])
			}
			last := heads[g.cols[len(g.cols)-1]]
			probs.Errorf(t.loc(t.header, g.cols[0]), "columns %s to %s are all under %q (%s): say which is the %s with columns.%s = [%q] in the job (the others are kept as extra columns)",
				plan.ColumnName(g.cols[0]+1), plan.ColumnName(g.cols[len(g.cols)-1]+1), g.head, strings.Join(nonEmpty(subs), ", "), f, f, last)
			delete(m.col, f)
			delete(t.col, f)
		}
	}
	return m
}

// groupCols lists the columns under a group heading.
func groupCols(span map[int][]int) []int {
	var out []int
	for anchor, more := range span {
		out = append(out, anchor)
		out = append(out, more...)
	}
	return out
}

// subHeadingAliases lets a heading the job gives name a sub-heading alone
// ("Q3" for the column "Progress update Q3"): when it is the sub-heading of
// exactly one column under a group heading and no heading of the row, the
// column's whole heading is added to the job's headings for that field.
// It returns spec, or a copy with the added headings.
func subHeadingAliases(spec *TableSpec, heads []string, sub map[int]string, under []int) *TableSpec {
	var added map[string][]string
	for f, aliases := range spec.Columns {
		for _, a := range aliases {
			k := headerKey(a)
			if k == "" || slices.ContainsFunc(heads, func(h string) bool { return headerKey(h) == k }) {
				continue
			}
			match := -1
			for _, i := range under {
				if headerKey(sub[i]) != k {
					continue
				}
				if match >= 0 {
					match = -2
					break
				}
				match = i
			}
			if match < 0 {
				continue
			}
			if added == nil {
				added = map[string][]string{}
				for g, as := range spec.Columns {
					added[g] = append([]string(nil), as...)
				}
			}
			added[f] = append(added[f], heads[match])
		}
	}
	if added == nil {
		return spec
	}
	cp := *spec
	cp.Columns = added
	return &cp
}

// finishColumns writes the table's columns into its reading: each column
// with a heading, and each column with no heading that had text in a row
// read.
func finishColumns(t *table, rd *Reading) {
	width := len(t.heads)
	for c := range t.usedExtra {
		width = max(width, c+1)
	}
	for i := 0; i < width; i++ {
		head := ""
		if i < len(t.heads) {
			head = t.heads[i]
		}
		f, mapped := t.fieldAt[i]
		switch {
		case mapped && f == "description" && t.refInText:
			f = "ref (at the start of the text) and description"
		case mapped:
		case t.ignored[i]:
			f = "not read (progress returns read only the ref, status, progress, officer and period)"
		case head == "" && !t.usedExtra[i]:
			continue
		}
		rd.Columns = append(rd.Columns, Column{Col: i + 1, Heading: head, Field: f, NotRead: t.ignored[i]})
	}
}

// fillMerged copies each merged range's anchor value over the range's
// cells in this row, up to the table's width, and reports the range when
// the row's text is all one range across three or more columns (a band or a
// note, not data).
func fillMerged(cells []cell, num int, sweep *mergeSweep, anchors map[area]cell, width int) ([]cell, *area) {
	var band *area
	sweep.each(max(width, len(cells)), func(a area) {
		v, ok := anchors[a]
		if !ok {
			return
		}
		right := min(a.right, max(width, len(cells)))
		for len(cells) < right {
			cells = append(cells, cell{})
		}
		down := ""
		if a.bottom > a.top {
			down = a.String()
		}
		for c := a.left; c <= right; c++ {
			if c == a.left && num == a.top {
				cells[c-1].merged = down
				continue
			}
			f := v
			f.filled, f.merged = true, down
			cells[c-1] = f
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
	})
	return cells, band
}

// pickKind maps a candidate header row for each kind the table may be. A
// row is a header when two or more fields map, at least one by a whole
// header text (or whatever row the job named). The first kind whose required
// columns are all there wins; failing that, the first kind that mapped.
func pickKind(kinds []Kind, heads []string, spec *TableSpec, named bool) (Kind, mapping, bool) {
	var firstKind Kind
	var first mapping
	found := false
	// A kind whose columns are all there comes first; refs taken from the
	// action text only when no kind has all its columns.
	for _, inText := range []bool{false, true} {
		for _, k := range kinds {
			m := mapColumns(k, heads, spec.Columns)
			if inText && k == Actions && spec.RefInText != RefInTextNo {
				m.refInText = !m.has("ref") && m.has("description")
			}
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
	}
	return firstKind, first, found
}

// checkHeader reports the job's column names that are no field, headings
// the job maps that are not in the row, headings that appear twice, and
// the required columns the header lacks; and it settles what each column
// is read as. It returns false when the table cannot be read.
func checkHeader(t *table, m mapping, spec *TableSpec, probs *plan.Problems) bool {
	fileLoc := plan.Loc{File: spec.Name}
	ok := true
	for _, name := range unknownFields(t.kind, spec.Columns) {
		probs.Errorf(fileLoc, "columns.%s: %q is not a field of the %s table (the fields are %s)", name, name, t.kind, strings.Join(FieldNames(t.kind), ", "))
	}
	for _, f := range FieldNames(t.kind) {
		if len(spec.Columns[f]) > 0 && !m.custom[f] {
			probs.Errorf(t.loc(t.header, -1), "columns.%s: no heading %s in row %d; the headings there are %s",
				f, quoteList(spec.Columns[f], " or "), t.header, quoteList(nonEmpty(t.heads), ", "))
			ok = false
		}
	}
	for _, group := range m.missing(t.kind) {
		var names []string
		for _, f := range group {
			names = append(names, append(append([]string(nil), spec.Columns[f]...), Aliases(t.kind, f)...)...)
		}
		if len(names) > 3 {
			names = names[:3]
		}
		probs.Errorf(t.loc(t.header, -1), "no %s column (a header such as %s); the headers found are %s",
			fieldNoun(t.kind, group[0]), quoteList(names, " or "), quoteList(nonEmpty(t.heads), ", "))
		ok = false
	}
	t.fieldAt, t.extraName, t.usedExtra, t.ignored = map[int]string{}, map[int]string{}, map[int]bool{}, map[int]bool{}
	for f, i := range t.col {
		t.fieldAt[i] = f
		for _, j := range t.span[i] {
			t.fieldAt[j] = f
		}
	}
	// Headings that appear twice: a field must say which column it reads.
	byKey := map[string][]int{}
	for i, h := range t.heads {
		if k := headerKey(h); k != "" {
			byKey[k] = append(byKey[k], i)
		}
	}
	for i, h := range t.heads {
		if h == "" || t.spanned[i] {
			continue
		}
		if _, mapped := t.fieldAt[i]; mapped {
			continue
		}
		dups := byKey[headerKey(h)]
		name := h
		if len(dups) > 1 {
			name = fmt.Sprintf("%s (%s)", h, plan.ColumnName(i+1))
			if f, taken := t.fieldAt[dups[0]]; taken && !m.custom[f] && dups[0] != i {
				probs.Errorf(t.loc(t.header, i), "the heading is also in column %s, which is read as %s; say which column %s is with columns.%s = [\"column %s\"] (the other is kept as an extra column)",
					plan.ColumnName(dups[0]+1), f, f, f, plan.ColumnName(i+1))
				ok = false
			}
		}
		if t.kind == Updates {
			t.ignored[i] = true
			continue
		}
		t.extraName[i] = name
	}
	if t.orActions {
		actionColumns(t, spec, probs)
	}
	return ok
}

// actionColumns warns when a sheet read as a table of governance issues,
// because it has no column of action text, has columns headed as an
// action's progress or status ("Action Update", "RAG"): its rows are
// probably actions, and read as issues the papers would show every issue
// with no actions and no progress.
func actionColumns(t *table, spec *TableSpec, probs *plan.Problems) {
	am := mapColumns(Actions, t.heads, nil)
	for _, f := range []string{"progress", "status"} {
		i, ok := am.col[f]
		if !ok || t.extraName[i] == "" {
			continue
		}
		probs.Warnf(t.loc(t.header, i), "%q is a heading for an action's %s, but the sheet is read as a table of governance issues, with no actions, "+
			"because no column holds the action's text (a heading such as %s): every paper will show these issues with no actions and no progress. "+
			"If each row is an action, say which column is its text with columns.description = [\"…\"] under [plan.actions] in the job (for example [%q])",
			t.heads[i], f, quoteList(Aliases(Actions, "description")[:3], " or "), titleHeading(t))
		return
	}
}

// titleHeading is the heading of the issue-title column of an issues
// table, or of its first column.
func titleHeading(t *table) string {
	if i, ok := t.col["title"]; ok {
		return t.heads[i]
	}
	return t.heads[0]
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

// article puts "a" or "an" before a noun that begins with a letter.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// groupAbove warns about a heading merged over several columns in the row
// just above the header row ("Progress update" over "Q1 | Q2 | Q3 | Q4",
// the other headings only in the lower row) that names a field the header
// row maps to no column: it is read as a title, its columns are kept as
// extra columns, and without a word the papers would have no progress.
func groupAbove(t *table, m mapping, rows []RowReading, areas []area, probs *plan.Problems) {
	if len(rows) == 0 || rows[len(rows)-1].Row != t.header-1 {
		return
	}
	title := rows[len(rows)-1]
	for _, a := range areas {
		if a.top != t.header-1 || a.bottom != t.header-1 || a.right <= a.left || a.right > len(t.heads) {
			continue
		}
		text := ""
		for _, c := range title.Cells {
			if c.Col == a.left {
				text = c.Text
			}
		}
		g := mapColumns(t.kind, []string{text}, nil)
		for f := range g.col {
			if m.has(f) {
				continue
			}
			mapped := map[int]bool{}
			for _, i := range m.col {
				mapped[i] = true
			}
			var subs []string
			for c := a.left; c <= a.right; c++ {
				if mapped[c-1] || t.heads[c-1] == "" {
					subs = nil
					break
				}
				subs = append(subs, t.heads[c-1])
			}
			if len(subs) < 2 {
				continue
			}
			probs.Warnf(plan.Loc{File: t.file, Sheet: t.sheet, Row: a.top, Col: a.left}, "%q, over columns %s to %s, is above the header row (row %d), so it is read as a title: its columns are kept as extra columns (%s) and none is read as the %s. Say which is with columns.%s = [%q] in the job",
				oneLine(text), plan.ColumnName(a.left), plan.ColumnName(a.right), t.header, quoteList(subs, ", "), f, f, subs[len(subs)-1])
		}
	}
}
