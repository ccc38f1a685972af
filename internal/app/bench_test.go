package app

import (
	"io"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/agsreport/agsreport/internal/compose"
	"github.com/agsreport/agsreport/internal/gcfloor"
	"github.com/agsreport/agsreport/internal/sample"
)

// BenchmarkRebuild measures a warm rebuild of a council-sized job inside
// one process — what `agsreport watch` does after each edit: the job is
// loaded, its workbooks read, every paper composed and rendered in every
// format the job lists, and the set written all together; the compiled
// templates are kept between builds and the garbage collected after each,
// as watch does (the collection is left out of ns/op, not of cpu-ms/op).
// The Cumbria 2017-18 example is about thirty actions, the size of a real
// AGS plan.
// Besides wall time it reports the process's CPU time per rebuild
// (cpu-ms/op, user and system, all threads), which a shared machine
// disturbs less.
func BenchmarkRebuild(b *testing.B) {
	jobPath := filepath.Join("..", "..", "examples", "cumbria-2017-18", "report.toml")
	opts := BuildOptions{OutputDir: b.TempDir(), Templates: compose.NewCache()}
	// The collector as agsreport watch runs it (package gcfloor), or as
	// GOGC and GOMEMLIMIT say when set; as it was, afterwards.
	percent := debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	defer debug.SetGCPercent(percent)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	gcfloor.Defer()
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
		b.StopTimer() // watch collects while it waits for the next change
		gcfloor.Rearm()
		b.StartTimer()
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkLoadSample reads a sample plan of 10,000 actions and its two
// periods of returns, and merges them into the plan: the reading half of
// a large build, without composing or rendering.
func BenchmarkLoadSample(b *testing.B) {
	dir := b.TempDir()
	if err := sample.Write(dir, sample.Options{Actions: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	jobPath := filepath.Join(dir, "report.toml")
	b.ReportAllocs()
	for b.Loop() {
		l, err := Load(jobPath)
		if err != nil {
			b.Fatal(err)
		}
		if n := len(l.Plan.Actions()); n != 10000 || l.Problems.Errors() != 0 {
			b.Fatalf("%d actions, %d errors", n, l.Problems.Errors())
		}
	}
}

// BenchmarkComposeSample composes every paper of the sample job of 10,000
// actions from its loaded plan.
func BenchmarkComposeSample(b *testing.B) {
	dir := b.TempDir()
	if err := sample.Write(dir, sample.Options{Actions: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	l, err := Load(filepath.Join(dir, "report.toml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		papers, err := Compose(l)
		if err != nil || len(papers) != len(l.Job.Outputs) {
			b.Fatalf("%d papers, %v", len(papers), err)
		}
	}
}
