//go:build unix

package testutil

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// FIFOSwap puts a regular file and a FIFO at one path in turn, over and
// over, for tests that a reader never waits on a FIFO put in a file's
// place between its look and its open.
type FIFOSwap struct {
	path, fifo string
	stop       chan struct{}
	swapped    chan struct{}
}

// SwapFIFO writes data to a file in dir, makes a FIFO there, and starts
// putting each at path in turn, each time with one rename of a fresh hard
// link over it, so that path always names one or the other. It skips the
// test where FIFOs or hard links cannot be made. The caller calls Stop.
func SwapFIFO(t testing.TB, dir, path string, data []byte) *FIFOSwap {
	t.Helper()
	file, fifo := filepath.Join(dir, "file"), filepath.Join(dir, "fifo")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := os.Link(file, path); err != nil {
		t.Skip("no hard links here:", err)
	}
	s := &FIFOSwap{path: path, fifo: fifo, stop: make(chan struct{}), swapped: make(chan struct{})}
	go func() {
		defer close(s.swapped)
		tmp := filepath.Join(dir, "tmp")
		for i := 0; ; i++ {
			select {
			case <-s.stop:
				return
			default:
			}
			src := file
			if i%2 == 1 {
				src = fifo
			}
			_ = os.Remove(tmp)
			if os.Link(src, tmp) == nil {
				_ = os.Rename(tmp, path)
			}
		}
	}()
	return s
}

// Release opens the FIFO's other end, so that a reader waiting on it
// goes on.
func (s *FIFOSwap) Release() {
	for _, p := range []string{s.path, s.fifo} {
		if w, err := os.OpenFile(p, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			_ = w.Close()
		}
	}
}

// Stop stops the swaps and waits until none is under way.
func (s *FIFOSwap) Stop() {
	close(s.stop)
	<-s.swapped
}
