package xlsx_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/agsreport/agsreport/internal/app"
	"github.com/agsreport/agsreport/internal/render/xlsx"
	"github.com/agsreport/agsreport/internal/sample"
)

// BenchmarkRenderSample renders the Excel papers of `agsreport sample
// -actions 10000` (Appendix B, 50 sheets; the CMT briefing), the
// documents the whole-build figures of the README are measured on, so
// the cost of Excel rendering alone can be read with -benchmem and
// -cpuprofile. The sample is read and composed once, outside the timing.
func BenchmarkRenderSample(b *testing.B) {
	dir := b.TempDir()
	if err := sample.Write(dir, sample.Options{Actions: 10000, Formats: []string{"xlsx"}}); err != nil {
		b.Fatal(err)
	}
	l, err := app.Load(filepath.Join(dir, "report.toml"))
	if err != nil {
		b.Fatal(err)
	}
	papers, err := app.Compose(l)
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range papers {
		b.Run(p.Output.Template, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if _, err := xlsx.Render(&buf, p.Doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}
