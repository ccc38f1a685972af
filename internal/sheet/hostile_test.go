package sheet

import (
	"strings"
	"testing"
	"time"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/sheet/hostile"
)

// TestHostileWorkbooks reads each workbook of the hostile corpus and
// asserts the problems a person sees: the case's located error, and
// nothing read from the part after it.
func TestHostileWorkbooks(t *testing.T) {
	for _, c := range hostile.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			data, err := c.Make()
			if err != nil {
				t.Fatal(err)
			}
			path := writeFile(t, t.TempDir(), "plan.xlsx", data)
			start := time.Now()
			var probs plan.Problems
			p := ReadPlan(PlanSpec{Actions: spec(path, "")}, nil, &probs)
			took := time.Since(start)
			got := problemStrings(&probs)
			t.Logf("%d bytes, read in %v: %q", len(data), took, got)
			want := "error: plan.xlsx: " + c.Want
			if len(got) != 1 || got[0] != want {
				t.Errorf("problems:\n%s\nwant only:\n%s", strings.Join(got, "\n"), want)
			}
			if n := len(p.Actions()); n > 1 {
				t.Errorf("%d actions read from a workbook that holds at most one", n)
			}
		})
	}
}
