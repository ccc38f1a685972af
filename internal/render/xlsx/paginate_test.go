package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/report"
)

// rowsOf builds a sheet from row specs: a height, then "k" for a row kept
// with the next, "c1" for a row of chart 1, "-" for an empty row.
func rowsOf(specs ...string) *sheet {
	s := &sheet{}
	for _, sp := range specs {
		var h float64
		var flag string
		_, _ = fmt.Sscanf(sp, "%g%s", &h, &flag)
		r := row{height: h, cells: []cell{{set: true, value: "x"}}}
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

func TestFitThirds(t *testing.T) {
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	const width = 770.0 // A4 landscape inside 12 mm margins, in points
	long := "Annual Governance Statement Action Plan 2017-18 for the Audit and Assurance Committee of Cumbria County Council"
	tests := []struct {
		name      string
		in        report.Running
		shortened bool
	}{
		{"short slots stay", report.Running{Left: "Cumbria County Council", Centre: "Page {page} of {pages}", Right: "Annual Governance Statement Action Plan 2017-18"}, false},
		{"long sides are cut", report.Running{Left: long, Centre: "Page {page} of {pages}", Right: long}, true},
		{"a long centre is cut", report.Running{Left: "Left", Centre: long + long, Right: "Right"}, true},
	}
	w := func(s string) float64 {
		return m.textWidth(strings.ReplaceAll(strings.ReplaceAll(s, "{pages}", "999"), "{page}", "999"), false) * runningPoints
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := m.fitThirds(tc.in, width)
			if changed := got != tc.in; changed != tc.shortened {
				t.Errorf("shortened = %v, want %v: %+v", changed, tc.shortened, got)
			}
			// The side slots end before the centre slot begins, and it
			// ends before they start on the other side.
			if w(got.Left) > (width-w(got.Centre))/2 || w(got.Right) > (width-w(got.Centre))/2 {
				t.Errorf("slots overlap: left %.0f, centre %.0f, right %.0f of %.0f pt", w(got.Left), w(got.Centre), w(got.Right), width)
			}
			for _, s := range []string{got.Left, got.Centre, got.Right} {
				if w(s) > width/3 && s == got.Centre {
					t.Errorf("centre slot %.0f pt, more than a third of the page", w(s))
				}
			}
		})
	}
}
