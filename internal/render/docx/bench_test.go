package docx

import (
	"fmt"
	"io"
	"testing"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/report/reporttest"
)

// BenchmarkRender renders a paper of 2,000 actions in one table: 20 bands
// of 100 rows, a recommendation spanning each five rows, and a status
// column.
func BenchmarkRender(b *testing.B) {
	d := reporttest.Base("Benchmark")
	cols := reporttest.Columns(4, true)
	var groups []report.Group
	for g := 0; g < 20; g++ {
		var rows []report.Row
		for r := 0; r < 100; r++ {
			row := reporttest.Row("", fmt.Sprintf("%d(%d) ", g+1, r+1)+reporttest.Words(40), "Progress **update** text.\n- a bullet", "ONGOING")
			if r%5 == 0 {
				row.Cells[0] = report.Cell{Text: report.Markup("**1** A recommendation."), Span: 5}
			} else {
				row.Cells[0] = report.Cell{Covered: true}
			}
			row.Cells[3].Status, row.Cells[3].Fill = "ONGOING", "#FFF2CC"
			rows = append(rows, row)
		}
		groups = append(groups, report.Group{Band: report.Bold(fmt.Sprintf("Strategic Outcome %d", g+1)), Rows: rows})
	}
	d.Sections = []report.Section{{Name: "Actions", Blocks: []report.Block{&report.Table{Name: "Actions", Columns: cols, Groups: groups}}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
