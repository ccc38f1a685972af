//go:build !unix

package app

import "errors"

// mkfifo fails where there are no FIFOs; the tests that need one skip.
func mkfifo(path string, mode uint32) error { return errors.New("no FIFOs on this system") }
