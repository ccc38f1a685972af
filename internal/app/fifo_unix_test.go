//go:build unix

package app

import "syscall"

// mkfifo makes a FIFO (named pipe) at path.
func mkfifo(path string, mode uint32) error { return syscall.Mkfifo(path, mode) }
