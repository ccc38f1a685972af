package gcfloor

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

// restored waits for the first collection's finalizer to give back Go's
// defaults, collecting as it waits.
func restored() bool {
	for range 200 {
		runtime.GC()
		if debug.SetMemoryLimit(-1) == math.MaxInt64 && gcPercent() == 100 {
			return true
		}
		time.Sleep(5 * time.Millisecond)
	}
	return false
}

// TestDefer checks that the collector is off under Floor until the first
// collection and back to Go's defaults after it; that Rearm collects and
// defers it again, a stale finalizer from before not undoing that; and
// that a GOGC or GOMEMLIMIT the user set is left alone.
func TestDefer(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")

	off := func(when string) {
		t.Helper()
		if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != -1 || l != Floor {
			t.Fatalf("%s: GOGC %d, limit %d; want off and %d", when, p, l, Floor)
		}
	}
	Defer()
	off("after Defer")
	if !restored() {
		t.Fatalf("after a collection: GOGC %d, limit %d; want Go's defaults", gcPercent(), debug.SetMemoryLimit(-1))
	}

	Rearm()
	off("after Rearm")
	stale := generation.Load()
	Rearm()
	restore(stale) // a finalizer from before the last Rearm, running late
	off("after a stale finalizer")
	if !restored() {
		t.Fatal("after Rearm and a collection: Go's defaults not restored")
	}

	t.Setenv("GOGC", "400")
	debug.SetGCPercent(400)
	Defer()
	Rearm()
	if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != 400 || l != math.MaxInt64 {
		t.Errorf("with GOGC set: GOGC %d, limit %d; want them as they were", p, l)
	}
}
