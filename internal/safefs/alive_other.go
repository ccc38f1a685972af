//go:build !unix

package safefs

import "os"

// alive reports whether a process with this id may be running. On Windows
// finding a process fails when there is none; elsewhere it is assumed to
// run, so that a staging folder is never removed from under a live run.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
