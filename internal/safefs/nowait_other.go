//go:build !unix

package safefs

// openNoWait is nothing where FIFOs cannot be opened as files.
const openNoWait = 0
