package sheet

import (
	"fmt"
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
			if c.Heavy {
				t.Skip("measured by make bench; TestPlanRowLimit checks the limit")
			}
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

// TestPlanRowLimit reads a plan of five actions with a limit of three
// rows: the fourth row is the one error, and only three actions are read.
func TestPlanRowLimit(t *testing.T) {
	rows := hostile.InlineRow(1, hostile.Header)
	row := append([]string(nil), hostile.Row...)
	for i := 2; i <= 6; i++ {
		row[1] = fmt.Sprint(i)
		rows += hostile.InlineRow(i, row)
	}
	data, err := hostile.Zip(hostile.Parts(hostile.Worksheet(rows, "")))
	if err != nil {
		t.Fatal(err)
	}
	s := spec(writeFile(t, t.TempDir(), "plan.xlsx", data), "")
	var probs plan.Problems
	files := newFileSet(&probs)
	defer files.close()
	src := files.open(s)
	p := &plan.Plan{Statuses: defaultVocabulary()}
	b := newBuilder(p, p.Statuses, &probs)
	b.maxRows = 3
	readTable(src, tableRequest{spec: s, sheet: "Actions", kinds: []Kind{Actions}}, &probs, b.row)
	b.assemble()
	want := []string{`error: plan.xlsx: sheet "Actions", row 5: the plan has more than 3 rows of issues, outcomes, recommendations and actions, agsreport's limit; this row and those below it are not read`}
	if got := problemStrings(&probs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems %q, want %q", got, want)
	}
	if n := len(p.Actions()); n != 3 {
		t.Errorf("%d actions read, want 3", n)
	}
}
