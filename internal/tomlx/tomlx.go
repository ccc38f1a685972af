// Package tomlx decodes the TOML files people write for agsreport (job
// files and templates) strictly: a key the program does not know, or a known
// key written in another case, is an error that names the key and its line,
// as are syntax errors and values of the wrong type. Messages name the
// closest known key and list the valid ones, read from the toml tags of the
// value decoded into, and say in plain words what type a value must be.
package tomlx

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/BurntSushi/toml"
)

// File is a decoded TOML file, kept to locate keys for messages.
type File struct {
	Name  string // how messages name the file
	MD    toml.MetaData
	lines []string
	probs []string
}

// Decode decodes data into v. free lists the table names whose keys are
// chosen by the user (such as "statuses" or "vars"): keys directly under
// them may have any case. Problems found while decoding are recorded on the
// returned File (see Err); a syntax error or type mismatch is returned at
// once as an error with its line.
func Decode(name string, data []byte, v any, free ...string) (*File, error) {
	md, err := toml.Decode(string(data), v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: line %d: %s", name, pe.Position.Line, pe.Message)
		}
		if msg, ok := typeMessage(name, reflect.TypeOf(v), err); ok {
			return nil, errors.New(msg)
		}
		return nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "toml: "))
	}
	f := &File{Name: name, MD: md, lines: strings.Split(string(data), "\n")}
	for _, k := range md.Undecoded() {
		f.Errorf(k, "%s", unknownKey(reflect.TypeOf(v), k))
	}
	for _, k := range md.Keys() {
		for i, part := range k {
			if i > 0 && contains(free, k[i-1]) {
				continue
			}
			if part != strings.ToLower(part) {
				f.Errorf(k[:i+1], "unknown key %q (keys are lower case: %q)", k[:i+1].String(), strings.ToLower(part))
				break
			}
		}
	}
	return f, nil
}

// Errorf records a problem with key; the message gets the key's line when
// it can be found, or else the key's path.
func (f *File) Errorf(key toml.Key, format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	var p string
	switch line := f.Line(key); {
	case line > 0:
		p = fmt.Sprintf("%s: line %d: %s", f.Name, line, msg)
	case len(key) > 0:
		p = fmt.Sprintf("%s: %s: %s", f.Name, key.String(), msg)
	default:
		p = fmt.Sprintf("%s: %s", f.Name, msg)
	}
	for _, q := range f.probs {
		if q == p {
			return // said once is enough
		}
	}
	f.probs = append(f.probs, p)
}

// Err returns every recorded problem, one per line, or nil.
func (f *File) Err() error {
	if len(f.probs) == 0 {
		return nil
	}
	return errors.New(strings.Join(f.probs, "\n"))
}

// Line finds the line that sets key: a "name =" line under the table that
// holds it, or the table's header. The decoder reports no positions for the
// keys it decoded, so the text is searched; 0 means not found. Array tables
// ([[output]]) are matched by name, so the first such table's line is given.
func (f *File) Line(key toml.Key) int {
	if len(key) == 0 {
		return 0
	}
	want := strings.Join(key, ".")
	table := ""
	for i, raw := range f.lines {
		l := strings.TrimSpace(raw)
		if strings.HasPrefix(l, "[") {
			name := strings.TrimLeft(l, "[")
			if k := strings.Index(name, "]"); k >= 0 {
				name = name[:k]
			}
			table = strings.ReplaceAll(strings.TrimSpace(name), " ", "")
			if table == want {
				return i + 1
			}
			continue
		}
		eq := strings.Index(l, "=")
		if eq < 0 || strings.HasPrefix(l, "#") {
			continue
		}
		name := strings.Trim(strings.TrimSpace(l[:eq]), `"'`)
		full := name
		if table != "" {
			full = table + "." + name
		}
		if full == want {
			return i + 1
		}
	}
	return 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ErrorfAt records a problem with the value of key, at the line where that
// value is written: when the same key is set in several tables of one
// array ([[section.block]] text = …), Line would give the first. The value
// is looked for by its first characters as written; offset is a line
// number within a multi-line value (1 for its first line).
func (f *File) ErrorfAt(key toml.Key, value string, offset int, format string, a ...any) {
	line := f.valueLine(value, offset)
	if line == 0 {
		f.Errorf(key, format, a...)
		return
	}
	p := fmt.Sprintf("%s: line %d: %s", f.Name, line, fmt.Sprintf(format, a...))
	for _, q := range f.probs {
		if q == p {
			return
		}
	}
	f.probs = append(f.probs, p)
}

// LineOf returns the line where a string value is written (the first
// place it is), or 0 when it cannot be found.
func (f *File) LineOf(value string) int { return f.valueLine(value, 1) }

// valueLine finds the line where a string value is written, or 0.
func (f *File) valueLine(value string, offset int) int {
	frag := value
	if i := strings.IndexAny(frag, "\n\r\t\"\\"); i >= 0 {
		frag = frag[:i]
	}
	if len(strings.TrimSpace(frag)) < 3 {
		return 0
	}
	for i, raw := range f.lines {
		if strings.HasPrefix(strings.TrimSpace(raw), "#") || !strings.Contains(raw, frag) {
			continue
		}
		line := i + 1
		eq := strings.Index(raw, "=")
		if eq < 0 || !strings.Contains(raw[eq:], frag) {
			// A line inside a multi-line string: the value's first line.
			return line + max(offset, 1) - 1
		}
		rest := strings.TrimSpace(raw[eq+1:])
		switch {
		case offset <= 1:
		case rest == `"""` || rest == `'''`:
			line += offset // the value starts on the next line
		case strings.HasPrefix(rest, `"""`) || strings.HasPrefix(rest, `'''`):
			line += offset - 1
		}
		return line
	}
	return 0
}
