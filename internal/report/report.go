package report

import (
	"strings"
	"time"
)

// Document is one paper: page setup, running header and footer, and its
// sections in order.
type Document struct {
	Meta     Meta
	Page     Page
	Style    Style
	Header   Running // running header, drawn on every page
	Footer   Running // running footer, drawn on every page
	Statuses []Status
	Sections []Section
}

// Meta is the document's properties, written into the file's metadata.
type Meta struct {
	Title    string
	Author   string
	Subject  string
	Keywords []string
	Language string // BCP 47 tag, e.g. "en-GB"
	// Date is the document's creation and modification date. It is fixed by
	// the composer (from the job's as-at date) so that the same inputs give
	// byte-identical outputs.
	Date time.Time
}

// Page is the paper size, orientation and margins.
type Page struct {
	Size      string // "A4", "A3", "Letter"; empty means A4
	Landscape bool
	Margins   Margins // millimetres
}

// Margins are page margins in millimetres.
type Margins struct {
	Top, Right, Bottom, Left float64
}

// Style holds the sizes and colours the template chose. Sizes are points,
// colours are "#RRGGBB" (empty means none).
type Style struct {
	FontSize      float64    // body text
	TableFontSize float64    // table cells and bands
	HeadingSizes  [3]float64 // heading levels 1, 2, 3
	HeaderFill    string     // table header row background
	HeaderColour  string     // table header row text colour
	BandFill      string     // group band background
	RuleColour    string     // table rules
}

// Running is a running header or footer: three slots, each a string in which
// "{page}" and "{pages}" are replaced by the page number and page count.
type Running struct {
	Left, Centre, Right string
}

// Empty reports whether nothing is set.
func (r Running) Empty() bool { return r.Left == "" && r.Centre == "" && r.Right == "" }

// Status is one entry of the document's status vocabulary: its name as shown,
// the fill colour of its cells, and whether it counts as closed. Spreadsheet
// renderers use the list for drop-downs and conditional colouring.
type Status struct {
	Name   string
	Colour string
	Symbol string // shown before the name in the key; "" for none
	Closed bool
}

// Label is the status as the key shows it: symbol, name, and "(closed)"
// for a closed status, so neither colour nor shape is the only signal.
func (s Status) Label() string {
	l := s.Name
	if s.Symbol != "" {
		l = s.Symbol + " " + l
	}
	if s.Closed {
		l += " (closed)"
	}
	return l
}

// Section is a run of blocks that starts on a new page (PDF) or a new
// worksheet (Excel). Name titles the worksheet and the outline entry.
type Section struct {
	Name   string
	Blocks []Block
}

// Block is one element of a section: *Heading, *Paragraph, *Fields, *Table,
// *Chart or *StatusKey. BlockTypes lists them; a new kind of block is
// added there and to every renderer (their tests fail until it is).
type Block interface{ isBlock() }

// Heading is a heading of level 1 (largest) to 3. A non-empty Bookmark adds
// an outline entry at that level.
type Heading struct {
	Level    int
	Text     Text
	Bookmark string
}

// Paragraph is body text.
type Paragraph struct {
	Text Text
	// Small draws the paragraph at table size, e.g. for notes.
	Small bool
}

// Fields are label–value lines such as "Lead Manager: Corporate Director".
type Fields struct {
	Items []Field
}

// Field is one label–value line. When Stacked is set the value starts on the
// line below its label (for long narratives); otherwise it follows the label
// on the same line.
type Field struct {
	Label   string
	Value   Text
	Stacked bool
}

// Table is a table with one header row, optional group bands, and rows whose
// cells may span down over following rows.
type Table struct {
	Name    string // names the table for outlines and print areas
	Columns []Column
	Groups  []Group
	// Empty is shown in place of the rows when the table has none.
	Empty string
	// Flat marks a data table: one record per row, meant to be filtered,
	// sorted and read back. It has no spans and no bands. Spreadsheet
	// renderers keep each cell whole in one cell, merge nothing on its
	// sheet, and write dated cells as dates.
	Flat bool
}

// Rows counts the rows of all groups.
func (t *Table) Rows() int {
	n := 0
	for _, g := range t.Groups {
		n += len(g.Rows)
	}
	return n
}

// Align is the horizontal alignment of a column's cells.
type Align int

// Alignments.
const (
	Left Align = iota
	Centre
	Right
)

func (a Align) String() string {
	switch a {
	case Centre:
		return "centre"
	case Right:
		return "right"
	}
	return "left"
}

// Column is a table column: header text, relative width (the widths of all
// columns are scaled to fill the page), alignment, and whether the column
// holds statuses (so spreadsheets offer the vocabulary as a drop-down).
type Column struct {
	Title  string
	Width  float64
	Align  Align
	Status bool
}

// Group is a run of rows, optionally under a band (a full-width row such as
// "Strategic Outcome 1: …"). A group whose Band is empty has no band.
type Group struct {
	Band     Text
	Bookmark string
	Rows     []Row
}

// Row is one table row; it has exactly one cell per column.
type Row struct {
	Cells []Cell
}

// Cell is one table cell.
//
// A cell with Span > 1 covers itself and the cells below it in the next
// Span-1 rows of the same group; those covered cells have Covered set and
// are not drawn. Renderers draw the spanning cell as one tall cell and, when
// a span crosses a page break, draw its text again on the new page.
type Cell struct {
	Text    Text
	Span    int
	Covered bool
	Fill    string // background "#RRGGBB", e.g. a status colour
	Status  string // the status name when this is a status cell
	// Symbol is the status's symbol when Text starts with it and a space
	// (see StatusValue); "" otherwise.
	Symbol string
	// Date is the cell's value as a calendar date (midnight UTC) when it is
	// one; zero otherwise. Text is what the cell shows; renderers that type
	// their cells write the date instead.
	Date time.Time
	// Value is the cell's value as a number when its column is typed and
	// the text is one (a percentage, a priority); the zero Value when it is
	// not. Text is what the cell shows; renderers that type their cells
	// write the number, shown as Text, so that it sorts as a number.
	Value Value
}

// ValueKind says what a typed cell's number is.
type ValueKind int

const (
	// NoValue: the cell is text (or a date).
	NoValue ValueKind = iota
	// PercentValue: Number is a percentage, 0 to 100; Text shows it
	// ("85%").
	PercentValue
	// RankValue: Number is a rank, 1 first (a priority: 1 high); Text is
	// the word it is written as ("High"), which a spreadsheet shows while
	// sorting by the rank.
	RankValue
)

// Value is a typed cell's number.
type Value struct {
	Kind   ValueKind
	Number float64
}

// Chart is a stacked bar chart: one bar per category, one segment per series.
type Chart struct {
	Title      string
	Categories []string
	Series     []Series
}

// Series is one segment colour of a stacked bar chart.
type Series struct {
	Name   string
	Colour string
	Values []float64 // one per category
}

// StatusKey shows the document's statuses with their colours, so that colour
// is never the only signal of a status.
type StatusKey struct {
	Title string
}

func (*Heading) isBlock()   {}
func (*Paragraph) isBlock() {}
func (*Fields) isBlock()    {}
func (*Table) isBlock()     {}
func (*Chart) isBlock()     {}
func (*StatusKey) isBlock() {}

// DefaultLanguage is the document language when the document names none,
// or names one that is not a well-formed language tag.
const DefaultLanguage = "en-GB"

// Lang returns the document's language tag when it is well formed
// (letters, digits and hyphens, starting with a letter, at most 35
// characters), and DefaultLanguage otherwise, so that renderers can put it
// into attributes unchecked.
func (m Meta) Lang() string {
	tag := strings.TrimSpace(m.Language)
	if tag == "" || len(tag) > 35 {
		return DefaultLanguage
	}
	for i, r := range tag {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && (r == '-' || r >= '0' && r <= '9')
		if !ok {
			return DefaultLanguage
		}
	}
	return tag
}

// StatusValue is the text of a status cell without its symbol: what a
// renderer that keeps the status name as the cell's value (the Excel
// drop-down) writes, showing the symbol through the cell's format instead.
// For other cells it is Text.
func (c Cell) StatusValue() Text {
	if c.Symbol == "" || len(c.Text.Lines) == 0 || len(c.Text.Lines[0].Runs) == 0 {
		return c.Text
	}
	first := c.Text.Lines[0].Runs[0]
	rest, ok := strings.CutPrefix(first.Text, c.Symbol+" ")
	if !ok {
		return c.Text
	}
	lines := append([]Line(nil), c.Text.Lines...)
	runs := append([]Run(nil), lines[0].Runs...)
	runs[0].Text = rest
	if rest == "" {
		runs = runs[1:]
	}
	lines[0].Runs = runs
	return Text{Lines: lines}
}
