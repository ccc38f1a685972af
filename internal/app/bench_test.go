package app

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/agsreport/agsreport/internal/compose"
)

// BenchmarkRebuild measures a warm rebuild of a council-sized job inside
// one process — what `agsreport watch` does after each edit: the job is
// loaded, its workbooks read, every paper composed and rendered in every
// format the job lists, and the set written all together; the compiled
// templates are kept between builds, as watch keeps them. The Cumbria
// 2017-18 example is about thirty actions, the size of a real AGS plan.
// Besides wall time it reports the process's CPU time per rebuild
// (cpu-ms/op, user and system, all threads), which a shared machine
// disturbs less.
func BenchmarkRebuild(b *testing.B) {
	jobPath := filepath.Join("..", "..", "examples", "cumbria-2017-18", "report.toml")
	opts := BuildOptions{OutputDir: b.TempDir(), Templates: compose.NewCache()}
	if err := Build(io.Discard, jobPath, opts); err != nil {
		b.Fatal(err) // the first build also warms fonts and templates
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		if err := Build(io.Discard, jobPath, opts); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}
