package main

import "testing"

// TestParseRebuilds reads BenchmarkRebuild's result lines as go test
// prints them, and refuses output without one.
func TestParseRebuilds(t *testing.T) {
	out := `goos: linux
goarch: amd64
pkg: github.com/agsreport/agsreport/internal/app
BenchmarkRebuild-2   	      20	  47191306 ns/op	        39.54 cpu-ms/op	26350682 B/op	   67646 allocs/op
BenchmarkRebuild-2   	      20	  51000000 ns/op	        41.00 cpu-ms/op	27262976 B/op	   67650 allocs/op
PASS
`
	walls, cpus, mbs, allocs, err := parseRebuilds(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(walls) != 2 || walls[0] != 47.191306 || cpus[1] != 41 || mbs[1] != 26 || allocs[0] != 67646 {
		t.Errorf("walls %v, cpus %v, MB %v, allocs %v", walls, cpus, mbs, allocs)
	}
	for name, bad := range map[string]string{
		"no result":  "PASS\n",
		"bad number": "BenchmarkRebuild-2 20 4x7 ns/op\n",
		"no ns/op":   "BenchmarkRebuild-2 20 47 ms/op\n",
	} {
		if _, _, _, _, err := parseRebuilds(bad); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
