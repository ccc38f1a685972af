//go:build unix

package safefs

import "syscall"

// openNoWait makes opening a FIFO return at once rather than wait for a
// writer; it changes nothing for a regular file.
const openNoWait = syscall.O_NONBLOCK
