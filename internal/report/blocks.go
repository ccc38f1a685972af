package report

import (
	"fmt"
	"reflect"
)

// BlockType is one kind of block in the document tree. The list returned
// by BlockTypes is the one place the kinds are named: the renderers' tests
// walk it, so a renderer that lacks a kind fails its tests, and the docs
// describe it.
type BlockType struct {
	Name        string       // e.g. "table"
	Description string       // one line for docs
	Example     func() Block // a small valid block of this kind, for tests
}

// blockTypes is the registry; it is never modified.
var blockTypes = []BlockType{
	{Name: "heading", Description: "a heading of level 1 to 3, optionally an outline entry",
		Example: func() Block {
			return &Heading{Level: 2, Text: Plain("Governance Issue – Example"), Bookmark: "Example"}
		}},
	{Name: "paragraph", Description: "body text; small paragraphs use the table size",
		Example: func() Block { return &Paragraph{Text: Markup("A paragraph with **bold** text.\n• and a bullet")} }},
	{Name: "fields", Description: "label–value lines, each value beside or below its label",
		Example: func() Block {
			return &Fields{Items: []Field{
				{Label: "Lead Manager", Value: Plain("Chief Executive")},
				{Label: "Overall prospect", Value: Plain("Good progress."), Stacked: true},
			}}
		}},
	{Name: "table", Description: "columns, optional group bands, rows whose cells may span down",
		Example: func() Block {
			return &Table{Name: "Actions",
				Columns: []Column{{Title: "Ref", Width: 1}, {Title: "Action", Width: 3}, {Title: "Status", Width: 1, Align: Centre, Status: true}},
				Groups: []Group{{Band: Bold("Strategic Outcome 1"), Rows: []Row{
					{Cells: []Cell{{Text: Plain("1(i)")}, {Text: Plain("Review the code.")}, {Text: Plain("COMPLETE"), Status: "COMPLETE", Fill: "#C6EFCE"}}},
				}}}}
		}},
	{Name: "chart", Description: "a stacked bar chart, one bar per category and one segment per series",
		Example: func() Block {
			return &Chart{Title: "Actions by status", Categories: []string{"Issue A", "Issue B"},
				Series: []Series{{Name: "COMPLETE", Colour: "#C6EFCE", Values: []float64{2, 1}}, {Name: "ONGOING", Colour: "#FFF2CC", Values: []float64{1, 3}}}}
		}},
	{Name: "status_key", Description: "the document's statuses with their colours, so colour is never the only signal",
		Example: func() Block { return &StatusKey{Title: "Key to status"} }},
}

// BlockTypes returns every kind of block, in a fixed order.
func BlockTypes() []BlockType { return append([]BlockType(nil), blockTypes...) }

// BlockName returns the registered name of b's kind, and false for a block
// of a kind the registry does not know (or a nil interface).
func BlockName(b Block) (string, bool) {
	if b == nil {
		return "", false
	}
	t := reflect.TypeOf(b)
	for _, bt := range blockTypes {
		if reflect.TypeOf(bt.Example()) == t {
			return bt.Name, true
		}
	}
	return "", false
}

// UnknownBlockError is what a renderer returns for a block it has no case
// for: a block is never dropped silently.
type UnknownBlockError struct {
	Block Block
}

func (e *UnknownBlockError) Error() string {
	return fmt.Sprintf("unknown block type %T: no renderer case for it (add it to every renderer and to report.BlockTypes)", e.Block)
}

// UnknownBlock returns the error for a block a renderer cannot draw.
func UnknownBlock(b Block) error { return &UnknownBlockError{Block: b} }
