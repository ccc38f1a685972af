// Package reporttest holds the report documents that every renderer's tests
// share: the edge cases of the table engine and of text, built by hand so
// that each renderer is tested on exactly the same trees.
package reporttest

import (
	"fmt"
	"strings"
	"time"

	"github.com/agsreport/agsreport/internal/report"
)

// Case is one named test document.
type Case struct {
	Name string
	Doc  *report.Document
}

// Cases returns every shared test document, in a fixed order.
func Cases() []Case {
	return []Case{
		{"one-row", OneRow()},
		{"empty-table", EmptyTable()},
		{"tall-row", TallRow()},
		{"long-group", LongGroup()},
		{"span-across-break", SpanAcrossBreak()},
		{"unicode", Unicode()},
		{"formula-text", FormulaText()},
	}
}

// Base returns a landscape A4 document with the usual committee styling and
// no sections.
func Base(title string) *report.Document {
	return &report.Document{
		Meta: report.Meta{
			Title: title, Author: "Test Council", Subject: "Test paper",
			Keywords: []string{"test"}, Language: "en-GB",
			Date: time.Date(2018, 2, 28, 0, 0, 0, 0, time.UTC),
		},
		Page: report.Page{Size: "A4", Landscape: true, Margins: report.Margins{Top: 15, Right: 12, Bottom: 15, Left: 12}},
		Style: report.Style{
			FontSize: 10, TableFontSize: 8.5, HeadingSizes: [3]float64{14, 12, 10.5},
			HeaderFill: "#1F3864", HeaderColour: "#FFFFFF", BandFill: "#D9E2F3", RuleColour: "#808080",
		},
		Header: report.Running{Right: title},
		Footer: report.Running{Centre: "Page {page} of {pages}"},
		Statuses: []report.Status{
			{Name: "COMPLETE", Colour: "#C6EFCE", Closed: true},
			{Name: "ON TARGET", Colour: "#DDEBF7"},
			{Name: "ONGOING", Colour: "#FFF2CC"},
		},
	}
}

// Columns returns n columns titled "Column 1" … with equal widths; the last
// is a status column when status is set.
func Columns(n int, status bool) []report.Column {
	cols := make([]report.Column, n)
	for i := range cols {
		cols[i] = report.Column{Title: fmt.Sprintf("Column %d", i+1), Width: 1}
	}
	if status && n > 0 {
		cols[n-1].Status = true
		cols[n-1].Align = report.Centre
		cols[n-1].Title = "Status"
	}
	return cols
}

// Row returns a row of plain cells.
func Row(texts ...string) report.Row {
	r := report.Row{}
	for _, t := range texts {
		r.Cells = append(r.Cells, report.Cell{Text: report.Markup(t)})
	}
	return r
}

func section(name string, blocks ...report.Block) report.Section {
	return report.Section{Name: name, Blocks: blocks}
}

// OneRow is a heading, fields and a table with a single row.
func OneRow() *report.Document {
	d := Base("One row")
	row := Row("Action 1", "Revise the **improvement plan**.", "ON TARGET")
	row.Cells[2].Status = "ON TARGET"
	row.Cells[2].Fill = "#DDEBF7"
	d.Sections = []report.Section{section("One row",
		&report.Heading{Level: 1, Text: report.Plain("Governance Issue – One row"), Bookmark: "One row"},
		&report.Fields{Items: []report.Field{
			{Label: "Description", Value: report.Plain("A short description.")},
			{Label: "Lead Manager", Value: report.Plain("Chief Executive")},
		}},
		&report.Table{Name: "Actions", Columns: Columns(3, true), Groups: []report.Group{{Rows: []report.Row{row}}}},
		&report.StatusKey{Title: "Key to status"},
	)}
	return d
}

// EmptyTable is a table with no rows: it shows its Empty text.
func EmptyTable() *report.Document {
	d := Base("Empty table")
	d.Sections = []report.Section{section("Empty",
		&report.Heading{Level: 1, Text: report.Plain("Nothing to report")},
		&report.Table{Name: "Actions", Columns: Columns(3, true), Empty: "No actions."},
	)}
	return d
}

// Words returns n words of filler text, wrapped into paragraphs of 60 words.
func Words(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		switch {
		case i == 0:
		case i%60 == 0:
			b.WriteString("\n\n")
		default:
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "word%d", i+1)
	}
	return b.String()
}

// TallRow holds a row whose text is taller than a whole page, between two
// ordinary rows.
func TallRow() *report.Document {
	d := Base("Tall row")
	d.Sections = []report.Section{section("Tall",
		&report.Table{Name: "Actions", Columns: Columns(3, true), Groups: []report.Group{{Rows: []report.Row{
			Row("1(i)", "Before the tall row.", "COMPLETE"),
			Row("1(ii)", Words(2500), "ONGOING"),
			Row("1(iii)", "After the tall row.", "ON TARGET"),
		}}}},
	)}
	return d
}

// LongGroup holds one group band whose rows run over three pages or more,
// then a second short group.
func LongGroup() *report.Document {
	d := Base("Long group")
	var rows []report.Row
	for i := 1; i <= 45; i++ {
		rows = append(rows, Row(fmt.Sprintf("1(%d)", i), Words(40+i%5*10), "ONGOING"))
	}
	d.Sections = []report.Section{section("Long",
		&report.Table{Name: "Actions", Columns: Columns(3, true), Groups: []report.Group{
			{Band: report.Bold("Strategic Outcome 1: a group that runs over three pages"), Bookmark: "Strategic Outcome 1", Rows: rows},
			{Band: report.Bold("Strategic Outcome 2: a short group"), Bookmark: "Strategic Outcome 2", Rows: []report.Row{Row("2(i)", "Only row.", "COMPLETE")}},
		}},
	)}
	return d
}

// SpanAcrossBreak holds a cell spanning eight tall rows, so that the span
// crosses a page break.
func SpanAcrossBreak() *report.Document {
	d := Base("Span across break")
	var rows []report.Row
	for i := 1; i <= 8; i++ {
		r := Row("", fmt.Sprintf("4(%d) ", i)+Words(90), "ON TARGET")
		if i == 1 {
			r.Cells[0] = report.Cell{Text: report.Markup("**4** Performance and risk management arrangements are reviewed."), Span: 8}
		} else {
			r.Cells[0] = report.Cell{Covered: true}
		}
		rows = append(rows, r)
	}
	d.Sections = []report.Section{section("Span",
		&report.Table{Name: "Actions", Columns: Columns(3, true), Groups: []report.Group{{Band: report.Bold("Strategic Outcome 1"), Rows: rows}}},
	)}
	return d
}

// Unicode holds text a council really types: curly quotes, dashes, pound
// signs, Welsh letters, bullets, tabs, non-breaking spaces, and characters
// no office font draws (emoji).
func Unicode() *report.Document {
	d := Base("Unicode – ‘quotes’")
	d.Sections = []report.Section{section("Unicode",
		&report.Heading{Level: 1, Text: report.Plain("Cyngor Sir – Gŵyl ŷd “quoted” £1,000")},
		&report.Paragraph{Text: report.Markup("Tabs\there, no-break\u00a0spaces, emoji 😀 and ✓ marks.\r\n• a bullet line\n- another bullet\n\nA new *italic* and **bold** paragraph.")},
		&report.Table{Name: "Text", Columns: Columns(2, false), Groups: []report.Group{{Rows: []report.Row{
			Row("Welsh", "Ŵ ŵ Ŷ ŷ – — … € £ ‘ ’ “ ”"),
			Row("Symbols", "😀 🎉 \U0010FFFD ☃ ✓"),
		}}}},
	)}
	return d
}

// FormulaText holds cell text that spreadsheet programs would take for
// formulas; it must stay text.
func FormulaText() *report.Document {
	d := Base("Formula text")
	d.Sections = []report.Section{section("Formula",
		&report.Table{Name: "Text", Columns: Columns(2, false), Groups: []report.Group{{Rows: []report.Row{
			Row("equals", "=1+1"),
			Row("plus", "+44 1228 606060"),
			Row("minus", "-SUM(A1:A2)"),
			Row("at", "@risk register"),
		}}}},
	)}
	return d
}

// EveryBlock returns one document per registered block type (see
// report.BlockTypes), each a section holding that block's example alone,
// by block type name. Every renderer must render each of them.
func EveryBlock() map[string]*report.Document {
	out := map[string]*report.Document{}
	for _, bt := range report.BlockTypes() {
		d := Base("Every block: " + bt.Name)
		d.Sections = []report.Section{section(bt.Name, bt.Example())}
		out[bt.Name] = d
	}
	return out
}
