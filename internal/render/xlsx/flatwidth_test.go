package xlsx

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/report"
)

// TestShare checks the water-filling of widths against sums worked by
// hand.
func TestShare(t *testing.T) {
	for _, c := range []struct {
		name          string
		mins, weights []float64
		total         float64
		want          string
	}{
		// 10 shared 1:1:1:1 is 2.5 each; column 2 needs 5, leaving 5 for
		// three columns: 1.67 each.
		{"one minimum", []float64{1, 5, 1, 1}, []float64{1, 1, 1, 1}, 10, "[1.67 5 1.67 1.67]"},
		// 12: column 2 takes 5; the 7 left go 1:1:5 to columns 1, 3, 4.
		{"weights", []float64{1, 5, 1, 1}, []float64{1, 1, 1, 5}, 12, "[1 5 1 5]"},
		// minimums of 20 in 10: halved.
		{"too wide", []float64{4, 6, 10}, []float64{1, 1, 1}, 10, "[2 3 5]"},
		{"all free", []float64{0, 0}, []float64{1, 3}, 8, "[2 6]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := fmt.Sprint(share(c.mins, c.weights, c.total)); got != c.want {
				t.Errorf("share(%v, %v, %g) = %s, want %s", c.mins, c.weights, c.total, got, c.want)
			}
		})
	}
}

// TestFlatTypedCells checks that a flat table's percentages and
// priorities are numbers that sort, shown as the paper shows them.
func TestFlatTypedCells(t *testing.T) {
	doc := &report.Document{
		Page: report.Page{Size: "A4", Landscape: true},
		Sections: []report.Section{{Name: "Register", Blocks: []report.Block{&report.Table{
			Flat:    true,
			Columns: []report.Column{{Title: "Ref"}, {Title: "Priority"}, {Title: "% Complete"}},
			Groups: []report.Group{{Rows: []report.Row{
				{Cells: []report.Cell{{Text: report.Plain("A1")}, {Text: report.Plain("Medium"), Value: report.Value{Kind: report.RankValue, Number: 2}},
					{Text: report.Plain("85%"), Value: report.Value{Kind: report.PercentValue, Number: 85}}}},
				{Cells: []report.Cell{{Text: report.Plain("A2")}, {Text: report.Plain("1"), Value: report.Value{Kind: report.RankValue, Number: 1}},
					{Text: report.Plain("12.5%"), Value: report.Value{Kind: report.PercentValue, Number: 12.5}}}},
				{Cells: []report.Cell{{Text: report.Plain("A3")}, {Text: report.Plain("urgent")}, {}}},
			}}},
		}}}},
	}
	var buf bytes.Buffer
	if _, err := Render(&buf, doc); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range []struct {
		cell, raw, shown string
		number           bool
	}{
		{"B2", "2", "Medium", true},
		{"C2", "0.85", "85%", true},
		{"B3", "1", "1", true},
		{"C3", "0.125", "12.5%", true},
		{"B4", "urgent", "urgent", false},
	} {
		typ, err := f.GetCellType("Register", c.cell)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue("Register", c.cell, excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue("Register", c.cell)
		// A cell with no type attribute is a number.
		number := typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber
		if number != c.number || raw != c.raw || shown != c.shown {
			t.Errorf("%s: number %v value %q shown %q, want number %v value %q shown %q", c.cell, number, raw, shown, c.number, c.raw, c.shown)
		}
	}
}
