package app

import (
	"io"
	"path/filepath"
	"testing"
)

// BenchmarkRebuild measures a warm rebuild of a council-sized job inside
// one process — what `agsreport watch` does after each edit: the job is
// loaded, its workbooks read, every paper composed and rendered in every
// format the job lists, and the set written all together. The Cumbria
// 2017-18 example is about thirty actions, the size of a real AGS plan.
func BenchmarkRebuild(b *testing.B) {
	jobPath := filepath.Join("..", "..", "examples", "cumbria-2017-18", "report.toml")
	out := b.TempDir()
	if err := Build(io.Discard, jobPath, BuildOptions{OutputDir: out}); err != nil {
		b.Fatal(err) // the first build also warms fonts and templates
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := Build(io.Discard, jobPath, BuildOptions{OutputDir: out}); err != nil {
			b.Fatal(err)
		}
	}
}
