package xlsx

import (
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rowsOf builds a sheet from row specs: a height, then "k" for a row kept
// with the next, "c1" for a row of chart 1, "-" for an empty row.
func rowsOf(specs ...string) *sheet {
	s := &sheet{}
	for _, sp := range specs {
		var h float64
		var flag string
		_, _ = fmt.Sscanf(sp, "%g%s", &h, &flag)
		r := row{height: h, cells: []any{excelize.Cell{Value: "x"}}}
		switch flag {
		case "k":
			r.keepNext = true
		case "c1":
			r.together = 1
		case "-":
			r.cells = nil
		}
		s.rows = append(s.rows, r)
	}
	return s
}

func TestPaginate(t *testing.T) {
	tests := []struct {
		name    string
		s       *sheet
		headRow int
		body    float64
		want    string
	}{
		{"fits on one page", rowsOf("10", "10", "10"), 0, 100, "[]"},
		{"fills each page", rowsOf("40", "40", "40", "40"), 0, 100, "[3]"},
		{"a header is not left at the foot", rowsOf("50", "30k", "40", "40"), 0, 100, "[2 4]"},
		{"a heading, a blank row and a header move together", rowsOf("50", "10k", "10-", "20k", "40"), 0, 100, "[2]"},
		{"a band after rows moves to the next page", rowsOf("30", "30", "30k", "30"), 0, 100, "[3]"},
		{"a chart is not cut", rowsOf("40", "20c1", "20c1", "20c1", "10"), 0, 90, "[2]"},
		{"the repeated header takes room on later pages", rowsOf("20k", "60", "40", "40", "40"), 1, 100, "[3 5]"},
		{"a row taller than a page has a page of its own", rowsOf("20", "300", "20"), 0, 100, "[2 3]"},
		{"a page of headers only keeps its break", rowsOf("60k", "60k", "60k"), 0, 100, "[2 3]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.s.headRow = tc.headRow
			if got := fmt.Sprint(tc.s.paginate(tc.body)); got != tc.want {
				t.Errorf("breaks %s, want %s", got, tc.want)
			}
		})
	}
}

func TestSplitAtBreaks(t *testing.T) {
	s := rowsOf("10", "10", "10", "10", "10")
	s.put(1, 1, 1, 5, "Recommendation 1", 3) // down the whole sheet
	s.put(2, 3, 2, 2, "across", 3)           // across, one row
	s.splitAtBreaks([]int{3, 5})
	if got, want := fmt.Sprint(s.merges), "[[1 1 1 2] [1 3 1 4] [2 2 3 2]]"; got != want {
		t.Errorf("merges %s, want %s", got, want)
	}
	for _, r := range []int{1, 3, 5} {
		if v := s.value(1, r); v != "Recommendation 1" {
			t.Errorf("row %d: value %v, want the recommendation repeated", r, v)
		}
	}
	if v := s.value(1, 2); v != nil {
		t.Errorf("row 2 (covered): value %v, want none", v)
	}
}
