//go:build unix

package safefs

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agsreport/agsreport/internal/testutil"
)

// TestOpenRegularFIFOSwappedIn swaps a workbook and a FIFO in and out of
// one path while OpenRegular opens it, over and over: a FIFO that takes
// the workbook's place between OpenRegular's look and its open must be
// refused with the FIFO message, never waited on, and whatever file is
// returned must be the workbook.
func TestOpenRegularFIFOSwappedIn(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.xlsx")
	swap := testutil.SwapFIFO(t, dir, path, []byte("PK\x03\x04 a workbook"))
	defer swap.Stop()

	const tries = 20000
	var files, refused int
	for i := 0; i < tries; i++ {
		type result struct {
			f   *os.File
			err error
		}
		done := make(chan result, 1)
		go func() {
			f, _, err := OpenRegular(path, "workbook")
			done <- result{f, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(5 * time.Second):
			// Release the open that waits, then fail.
			swap.Release()
			t.Fatalf("try %d: OpenRegular waited on a FIFO swapped in for the workbook", i)
		}
		switch {
		case r.err == nil:
			data, err := io.ReadAll(r.f)
			_ = r.f.Close()
			if err != nil || !strings.HasPrefix(string(data), "PK") {
				t.Fatalf("try %d: read %q, %v from the file returned, want the workbook", i, data, err)
			}
			files++
		case r.err.Error() == "is a FIFO (named pipe), not a workbook: agsreport reads only regular files":
			refused++
		default:
			t.Fatalf("try %d: %v", i, r.err)
		}
	}
	t.Logf("%d tries: %d workbooks read, %d FIFOs refused", tries, files, refused)
	if files == 0 || refused == 0 {
		t.Errorf("the swaps were not seen both ways (%d workbooks, %d FIFOs): the test proves nothing", files, refused)
	}
}
