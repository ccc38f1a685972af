package sheet

import (
	"fmt"
	"sort"
	"strings"

	"github.com/agsreport/agsreport/internal/plan"
)

// Reading is the account of one table as it was read: which row holds the
// headings, what each column became, and what became of every row with
// text. Every non-empty cell of the sheet is in it: a heading, a cell of a
// row read (in a column mapped to a field or kept as an extra), a band, or
// a cell quoted in a row or cell not read, with the reason.
type Reading struct {
	File   string // the file as messages name it
	Sheet  string // "" for CSV
	Kind   Kind   // what the table was read as
	Header int    // the header row; 0 when none was found
	// Columns lists each column with a heading or with text under it, in
	// column order.
	Columns []Column
	// Rows lists each row with text, in order, with what it became.
	Rows []RowReading
	// Notes are things agsreport did that a person may want to check (a
	// number in a date column read as a date, for instance).
	Notes []Note
	// Unread lists the workbook's other sheets that no table of the job
	// reads, each with why ("hidden"); only on the first reading of a
	// file.
	Unread []string
}

// Column is one column of a table and the field it maps to.
type Column struct {
	Col     int    // 1-based
	Heading string // "" when the column has no heading
	Field   string // the field it maps to; "" when it is kept as an extra
	// NotRead marks a column whose cells are not read (a progress
	// return's copy of the plan's text); Field then says why.
	NotRead bool
}

// What a row became.
const (
	RowHeader = "heading"
	RowData   = "read"
	RowBand   = "band"
	RowNot    = "not read"
)

// RowReading is what became of one row with text.
type RowReading struct {
	Row int
	// As is RowHeader, RowData, RowBand or RowNot.
	As string
	// What says what the row was read as ("action 1(i)", "outcome 1") or
	// why it was not read.
	What string
	// Cells quotes the row's cells with text when the row was not read;
	// for a row read, the cells that were not read, if any.
	Cells []CellText
}

// CellText is one cell's text, for quoting.
type CellText struct {
	Col  int // 1-based
	Text string
}

// Note is something agsreport did while reading that is not a problem but
// is worth a look.
type Note struct {
	Loc plan.Loc
	Msg string
}

func (n Note) String() string { return n.Loc.String() + ": " + n.Msg }

// Accounted reports how the cell at row and col (1-based) is accounted
// for: as a heading, as a field or extra of a row read, as a band, or as a
// cell quoted among those not read. It returns "" when the reading does
// not account for the cell.
func (rd *Reading) Accounted(row, col int) string {
	for _, r := range rd.Rows {
		if r.Row != row {
			continue
		}
		for _, c := range r.Cells {
			if c.Col == col {
				return "quoted (" + r.As + ")"
			}
		}
		switch r.As {
		case RowBand:
			return "band"
		case RowHeader, RowData:
			for _, c := range rd.Columns {
				if c.Col == col {
					if r.As == RowHeader {
						return "heading"
					}
					if c.NotRead {
						return "column not read"
					}
					if c.Field == "" {
						return "extra"
					}
					return "field " + c.Field
				}
			}
		}
	}
	return ""
}

// NotRead counts the rows not read and the rows read with cells not read.
func (rd *Reading) NotRead() int {
	n := 0
	for _, r := range rd.Rows {
		if r.As == RowNot || r.As == RowData && len(r.Cells) > 0 {
			n++
		}
	}
	return n
}

// Where names the table in messages: file and sheet.
func (rd *Reading) Where() string {
	if rd.Sheet == "" {
		return rd.File
	}
	return fmt.Sprintf("%s: sheet %q", rd.File, rd.Sheet)
}

// Text writes the reading for people: each column's letter, heading and
// field; the rows read; and each row or cell not read with the reason and
// its text. It is what `agsreport check -v` prints.
func (rd *Reading) Text() string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	w("%s, read as %s", rd.Where(), kindPlural(rd.Kind))
	if rd.Header == 0 {
		w("  not read: no usable header row (see the messages)")
		return b.String()
	}
	w("  headings in row %d", rd.Header)
	for _, c := range rd.Columns {
		head := fmt.Sprintf("%q", oneLine(c.Heading))
		if c.Heading == "" {
			head = "(no heading)"
		}
		field := "kept as an extra column"
		if c.Field != "" {
			field = c.Field
		}
		w("    %-3s %-44s → %s", plan.ColumnName(c.Col), trunc(head, 44), field)
	}
	var data []int
	var bands, notRead []RowReading
	for _, r := range rd.Rows {
		switch r.As {
		case RowData:
			data = append(data, r.Row)
			if len(r.Cells) > 0 {
				notRead = append(notRead, r)
			}
		case RowBand:
			bands = append(bands, r)
		case RowNot:
			notRead = append(notRead, r)
		}
	}
	w("  rows read as %s: %d (%s)", kindPlural(rd.Kind), len(data), ranges(data))
	for _, r := range bands {
		w("  row %d: band, %s", r.Row, r.What)
	}
	if len(notRead) == 0 {
		w("  every row with text was read")
	}
	for _, r := range notRead {
		what := "not read"
		if r.As == RowData {
			what = "cells not read"
		}
		w("  row %d %s: %s", r.Row, what, r.What)
		for _, c := range r.Cells {
			w("    %s%d %q", plan.ColumnName(c.Col), r.Row, trunc(oneLine(c.Text), 70))
		}
	}
	for _, n := range rd.Notes {
		w("  note: %s", n)
	}
	for _, u := range rd.Unread {
		w("  not read: sheet %s", u)
	}
	return b.String()
}

// ranges writes sorted row numbers as "3-7, 9, 12-14".
func ranges(rows []int) string {
	if len(rows) == 0 {
		return "none"
	}
	rows = append([]int(nil), rows...)
	sort.Ints(rows)
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("rows %d-%d", rows[i], rows[j]))
		} else {
			parts = append(parts, fmt.Sprintf("row %d", rows[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func trunc(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
