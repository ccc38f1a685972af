package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent returns the collector's GOGC setting without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestDeferGC checks that the collector is off under gcFloor until the
// first collection and back to Go's defaults after it, and that a GOGC or
// GOMEMLIMIT the user set is left alone.
func TestDeferGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")

	deferGC()
	if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != -1 || l != gcFloor {
		t.Fatalf("after deferGC: GOGC %d, limit %d; want off and %d", p, l, gcFloor)
	}
	restored := false
	for range 200 {
		runtime.GC()
		if debug.SetMemoryLimit(-1) == math.MaxInt64 && gcPercent() == 100 {
			restored = true
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if !restored {
		t.Fatalf("after a collection: GOGC %d, limit %d; want Go's defaults", gcPercent(), debug.SetMemoryLimit(-1))
	}

	t.Setenv("GOGC", "400")
	debug.SetGCPercent(400)
	deferGC()
	if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != 400 || l != math.MaxInt64 {
		t.Errorf("with GOGC set: GOGC %d, limit %d; want them as they were", p, l)
	}
}
