package safefs

import (
	"io"
	"io/fs"
	"strings"
	"syscall"
)

// Faulty is the real file system with chosen operations made to fail, for
// tests that check what a failure at each step leaves behind.
type Faulty struct {
	OS
	// Fail is asked before each Create, Mkdir and Rename with the
	// operation ("create", "mkdir", "rename") and its path ("FROM -> TO"
	// for a rename), and returns the error to give, or nil to go ahead.
	Fail func(op, path string) error
	// Full, when above 0, makes every file created fail with "no space
	// left on device" once that many bytes have been written to it.
	Full int
}

// FailOn returns a Fail function that refuses (permission denied) every
// operation op whose path contains substr.
func FailOn(op, substr string) func(string, string) error {
	return func(o, path string) error {
		if o == op && strings.Contains(path, substr) {
			return &fs.PathError{Op: op, Path: path, Err: syscall.EACCES}
		}
		return nil
	}
}

func (f Faulty) check(op, path string) error {
	if f.Fail == nil {
		return nil
	}
	return f.Fail(op, path)
}

// Create implements FS.
func (f Faulty) Create(path string) (io.WriteCloser, error) {
	if err := f.check("create", path); err != nil {
		return nil, err
	}
	w, err := f.OS.Create(path)
	if err != nil || f.Full == 0 {
		return w, err
	}
	return &fullWriter{WriteCloser: w, left: f.Full}, nil
}

// Mkdir implements FS.
func (f Faulty) Mkdir(path string, perm fs.FileMode) error {
	if err := f.check("mkdir", path); err != nil {
		return err
	}
	return f.OS.Mkdir(path, perm)
}

// Rename implements FS.
func (f Faulty) Rename(from, to string) error {
	if err := f.check("rename", from+" -> "+to); err != nil {
		return err
	}
	return f.OS.Rename(from, to)
}

// fullWriter fails like a full disk once left bytes are written.
type fullWriter struct {
	io.WriteCloser
	left int
}

func (w *fullWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		n, _ := w.WriteCloser.Write(p[:w.left])
		w.left = 0
		return n, &fs.PathError{Op: "write", Path: "file", Err: syscall.ENOSPC}
	}
	w.left -= len(p)
	return w.WriteCloser.Write(p)
}
