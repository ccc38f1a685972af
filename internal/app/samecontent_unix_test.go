//go:build unix

package app

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agsreport/agsreport/internal/testutil"
)

// TestSameContentFIFOSwappedIn swaps a return and a FIFO in and out of one
// path while sameContent compares it, over and over: a FIFO that takes the
// return's place between sameContent's look and its read must be refused
// as in the way, never waited on, and a file compared must be the return.
func TestSameContentFIFOSwappedIn(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Progress return.xlsx")
	data := []byte("PK\x03\x04 a return")
	swap := testutil.SwapFIFO(t, dir, path, data)
	defer swap.Stop()

	const tries = 20000
	var same, refused int
	for i := 0; i < tries; i++ {
		type result struct {
			same bool
			err  error
		}
		done := make(chan result, 1)
		go func() {
			s, err := sameContent(path, data, "a return")
			done <- result{s, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(5 * time.Second):
			// Release the read that waits, then fail.
			swap.Release()
			t.Fatalf("try %d: sameContent waited on a FIFO swapped in for the return", i)
		}
		switch {
		case r.err == nil && r.same:
			same++
		case r.err == nil:
			t.Fatalf("try %d: the return compared as different from itself", i)
		case errors.Is(r.err, fs.ErrNotExist):
			t.Fatalf("try %d: %v, but the path always names a file", i, r.err)
		case strings.HasPrefix(r.err.Error(), path+" is in the way of a return: it is") && strings.Contains(r.err.Error(), "FIFO"):
			refused++
		default:
			t.Fatalf("try %d: %v", i, r.err)
		}
	}
	t.Logf("%d tries: %d returns compared, %d FIFOs refused", tries, same, refused)
	if same == 0 || refused == 0 {
		t.Errorf("the swaps were not seen both ways (%d returns, %d FIFOs): the test proves nothing", same, refused)
	}
}
