//go:build unix

package safefs

import (
	"errors"
	"syscall"
)

// alive reports whether a process with this id is running (or may be: a
// process of another user counts as running).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
