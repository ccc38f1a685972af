package safefs

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Limits on the names of files agsreport writes. Linux and macOS allow 255
// bytes per name (macOS counts UTF-16 units, never more than bytes); macOS
// allows paths of 1,024 bytes, Linux 4,096 and Windows with long paths
// 32,767 characters, so the smallest is used.
const (
	MaxName = 255
	MaxPath = 1023
)

// reserved are the names Windows gives to devices: a file may not be called
// so, with or without an extension, in any case.
var reserved = func() map[string]bool {
	m := map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true}
	for _, d := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
		m["COM"+d], m["LPT"+d] = true, true
	}
	return m
}()

// Bidi reports whether r is a character that changes the direction text is
// shown in (the embedding, override and isolate controls, and the marks):
// in a file name it can make "return‮xslx.exe" look like "returnexe.xlsx".
func Bidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// ValidName returns an error saying why name cannot be a file name on
// Windows, macOS and Linux alike, or nil when it can. It refuses names
// Windows reserves for devices (CON, PRN, AUX, NUL, COM0–9, LPT0–9, with or
// without an extension), names ending in a dot or a space, the characters
// < > : " / \ | ? *, control characters, characters that change the
// direction of text, text that is not UTF-8, and names longer than MaxName
// bytes.
func ValidName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("a file name is empty")
	case name == "." || name == "..":
		return fmt.Errorf("%q is not a file name", name)
	case !utf8.ValidString(name):
		return fmt.Errorf("file name %q is not valid UTF-8 text", name)
	case len(name) > MaxName:
		return fmt.Errorf("file name %q is %d bytes long; a file name may have at most %d", short(name), len(name), MaxName)
	}
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7F || r >= 0x80 && r <= 0x9F:
			return fmt.Errorf("file name %q contains a control character (U+%04X)", name, r)
		case strings.ContainsRune(`<>:"/\|?*`, r):
			return fmt.Errorf("file name %q contains %q, which Windows does not allow in file names", name, r)
		case Bidi(r):
			return fmt.Errorf("file name %q contains a character that changes the direction of text (U+%04X), which can disguise a file's name", name, r)
		}
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return fmt.Errorf("file name %q ends in a dot or a space, which Windows removes", name)
	}
	if Reserved(name) {
		stem, _, _ := strings.Cut(name, ".")
		return fmt.Errorf("file name %q is a name Windows reserves for a device (%s)", name, strings.ToUpper(strings.TrimRight(stem, " ")))
	}
	return nil
}

// Reserved reports whether Windows keeps name for a device: CON, PRN, AUX,
// NUL, COM0–9 or LPT0–9 (also with ¹ ² ³), in any case, alone or before an
// extension.
func Reserved(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	return reserved[strings.ToUpper(strings.TrimRight(stem, " "))]
}

// ValidPath checks the last element of path with ValidName, and that the
// whole path, made absolute, is at most MaxPath bytes long.
func ValidPath(path string) error {
	if err := ValidName(filepath.Base(path)); err != nil {
		return err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if len(abs) > MaxPath {
		return fmt.Errorf("%s is %d bytes long; a path may have at most %d: use a shorter file name or folder", short(abs), len(abs), MaxPath)
	}
	return nil
}

// Kind names what a file-system entry of this mode is, for messages.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a file"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a link"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// short cuts a long text for a message, at a character boundary.
func short(s string) string {
	const most = 60
	if len(s) <= most {
		return s
	}
	cut := most
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
