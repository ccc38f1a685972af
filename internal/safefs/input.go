package safefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// errNotFound is the message of a missing input; it wraps fs.ErrNotExist.
var errNotFound = fmt.Errorf("file not found: %w", fs.ErrNotExist)

// Regular returns nil when path is a regular file (following links), and
// otherwise an error meant for people: "file not found" (wrapping
// fs.ErrNotExist), "is a folder, not a WHAT", or, for a device, FIFO or
// socket, "is a FIFO (named pipe), not a WHAT: agsreport reads only regular
// files". It looks at the file without opening it, because opening a FIFO
// waits for a writer forever and a device such as /dev/zero never ends.
// Every place that opens an input calls it first, or opens it with
// OpenRegular.
func Regular(path, what string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if lst, lerr := os.Lstat(path); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
			return danglingError(path)
		}
		return errNotFound
	case err != nil:
		return fmt.Errorf("cannot be read: %w", err)
	}
	return regularMode(st.Mode(), what)
}

// DanglingError is a link whose target does not exist.
type DanglingError struct {
	Target string // what the link points to, as written in the link
}

func (e *DanglingError) Error() string {
	return fmt.Sprintf("is a link to %q, which does not exist", e.Target)
}

// Unwrap makes a dangling link count as a missing file.
func (e *DanglingError) Unwrap() error { return fs.ErrNotExist }

func danglingError(path string) error {
	target, err := os.Readlink(path)
	if err != nil {
		target = "?"
	}
	return &DanglingError{Target: target}
}

// Input checks a file a job reads before it is opened: it must be a regular
// file (see Regular), and when it is reached through a link, that link
// must not lead out of root (the job's folder) unless allowOutside. A path
// the job names outside its folder ("../shared/plan.xlsx") is the user's
// choice and is allowed; a link that leaves the folder is refused, because
// a workbook from outside (an officer's return) could otherwise make
// agsreport read any file on the machine. A dangling link gives a
// *DanglingError.
func Input(path, what, root string, allowOutside bool) error {
	if allowOutside || root == "" {
		return Regular(path, what)
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return Regular(path, what) // missing, dangling or unreadable: say which
	}
	real, _ = filepath.Abs(real)
	abs, _ := filepath.Abs(path)
	absRoot, _ := filepath.Abs(root)
	realRoot, err := filepath.EvalSymlinks(absRoot)
	if err != nil {
		realRoot = absRoot
	}
	lst, err := os.Lstat(path)
	if err != nil {
		return fmt.Errorf("cannot be read: %w", err)
	}
	isLink := lst.Mode()&fs.ModeSymlink != 0
	if (isLink || within(absRoot, abs)) && !within(realRoot, real) {
		return fmt.Errorf("is reached through a link that leads out of the job's folder, to %s: agsreport follows links only within the job's folder (set allow_links_outside = true in the job to allow it)", real)
	}
	return Regular(path, what)
}

// within reports whether path is dir or inside it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
