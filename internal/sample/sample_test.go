package sample

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestReproducible writes the same sample several times and checks that
// every file has the same bytes each time (excelize streams sheets in map
// order, which once made one run in three differ).
func TestReproducible(t *testing.T) {
	files := []string{"plan.xlsx", "report.toml", "updates/q1/returns.xlsx", "updates/q2/returns.xlsx"}
	var first map[string][]byte
	for run := range 5 {
		dir := t.TempDir()
		if err := Write(dir, Options{Actions: 40, Seed: 7}); err != nil {
			t.Fatal(err)
		}
		got := map[string][]byte{}
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			got[f] = b
		}
		if first == nil {
			first = got
			continue
		}
		for _, f := range files {
			if !bytes.Equal(first[f], got[f]) {
				t.Errorf("run %d: %s differs from the first run", run+1, f)
			}
		}
	}
}
