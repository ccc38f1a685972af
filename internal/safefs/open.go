package safefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// OpenRegular opens path for reading and returns the open file and what
// Stat says of it, or an error meant for people worded as Regular's. It
// first looks at the path without opening it (Regular), so that a device,
// FIFO or socket is refused untouched; then it opens the file without
// waiting (a FIFO put in its place meanwhile opens at once instead of
// waiting for a writer forever) and checks the opened file itself, so the
// file read is the file checked, whatever the path came to name between
// the look and the open. A file that went away meanwhile is "file not
// found". The caller closes the file.
func OpenRegular(path, what string) (*os.File, fs.FileInfo, error) {
	if err := Regular(path, what); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNoWait, 0)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, errNotFound
	case err != nil:
		return nil, nil, fmt.Errorf("cannot be read: %w", err)
	}
	st, err := f.Stat()
	if err == nil {
		err = regularMode(st.Mode(), what)
	} else {
		err = fmt.Errorf("cannot be read: %w", err)
	}
	if err != nil {
		_ = f.Close() // read-only and unread: nothing to lose
		return nil, nil, err
	}
	return f, st, nil
}

// regularMode is Regular's verdict on a file of mode m.
func regularMode(m fs.FileMode, what string) error {
	switch {
	case m.IsDir():
		return fmt.Errorf("is a folder, not a %s", what)
	case !m.IsRegular():
		return fmt.Errorf("is %s, not a %s: agsreport reads only regular files", Kind(m), what)
	}
	return nil
}
