package tomlx

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/agsreport/agsreport/internal/suggest"
)

// The keys a file may use are read from the toml tags of the Go value it
// is decoded into, so the list of valid keys is written once, in the
// struct, and messages can never disagree with the decoder.

// node is what the decoder expects at a key path: its Go type, and whether
// it is an array of tables ([[output]]) rather than a table ([plan]).
type node struct {
	t     reflect.Type
	array bool
}

// lookup follows path through the struct types of t. ok is false when the
// path leaves the structs (a free table such as statuses, or a value).
func lookup(t reflect.Type, path toml.Key) (node, bool) {
	n := node{t: deref(t)}
	for _, part := range path {
		if n.t.Kind() != reflect.Struct {
			return node{}, false
		}
		f, ok := fieldByTag(n.t, part)
		if !ok {
			return node{}, false
		}
		n = node{t: deref(f.Type)}
		if n.t.Kind() == reflect.Slice && deref(n.t.Elem()).Kind() == reflect.Struct {
			n = node{t: deref(n.t.Elem()), array: true}
		}
	}
	return n, true
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if tagName(f) == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func tagName(f reflect.StructField) string {
	tag := f.Tag.Get("toml")
	if tag == "-" || !f.IsExported() {
		return ""
	}
	if i := strings.IndexByte(tag, ','); i >= 0 {
		tag = tag[:i]
	}
	if tag == "" {
		return f.Name
	}
	return tag
}

// Keys returns the keys the table at path of a value of type t accepts,
// sorted, and false when path is not a table of fixed keys.
func Keys(t reflect.Type, path toml.Key) ([]string, bool) {
	n, ok := lookup(t, path)
	if !ok || n.t.Kind() != reflect.Struct {
		return nil, false
	}
	var out []string
	for i := range n.t.NumField() {
		if name := tagName(n.t.Field(i)); name != "" {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out, true
}

// tableName names the table at path the way the file writes it.
func tableName(t reflect.Type, path toml.Key) string {
	if len(path) == 0 {
		return "the top level"
	}
	if n, ok := lookup(t, path); ok && n.array {
		return "[[" + path.String() + "]]"
	}
	return "[" + path.String() + "]"
}

// unknownKey is the message for a key the decoder does not know: the
// closest known key, and every key that table accepts.
func unknownKey(t reflect.Type, k toml.Key) string {
	msg := fmt.Sprintf("unknown key %q", k.String())
	parent := k[:len(k)-1]
	keys, ok := Keys(t, parent)
	if !ok {
		return msg
	}
	hint := suggest.Message(k[len(k)-1], keys, "keys of "+tableName(t, parent))
	if strings.HasPrefix(hint, "(") {
		return msg + " " + hint
	}
	return msg + ": " + hint
}

// typeErr matches the decoder's message for a value of the wrong type.
var typeErr = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (?:incompatible types: TOML value has type (\S+); destination has type .+|type mismatch for \S+: expected table but found (\S+))$`)

// typeMessage rewrites the decoder's type error in plain words: what the key
// must be, with an example, and what was written instead.
func typeMessage(name string, t reflect.Type, err error) (string, bool) {
	m := typeErr.FindStringSubmatch(err.Error())
	if m == nil {
		return "", false
	}
	key := toml.Key(strings.Split(m[2], "."))
	found := m[3] + m[4]
	last := key[len(key)-1]
	var want reflect.Type
	if n, ok := lookup(t, key); ok {
		want = n.t
		if n.array {
			want = reflect.SliceOf(n.t)
		}
	}
	var b strings.Builder
	b.WriteString(name + ": ")
	if m[1] != "" {
		b.WriteString("line " + m[1] + ": ")
	}
	if want == nil {
		fmt.Fprintf(&b, "%s has the wrong type: it is %s", last, given(found))
		return b.String(), true
	}
	switch {
	case want.Kind() == reflect.Struct || want.Kind() == reflect.Map:
		fmt.Fprintf(&b, "%s must be a table: write [%s] on a line of its own with its keys below it, not %s", last, key.String(), given(found))
	case want.Kind() == reflect.Slice && deref(want.Elem()).Kind() == reflect.Struct:
		fmt.Fprintf(&b, "%s must be tables: write [[%s]] on a line of its own above each one's keys, not %s", last, key.String(), given(found))
	default:
		fmt.Fprintf(&b, "%s must be %s, e.g. %s = %s, not %s", last, kind(want), last, example(want, last), given(found))
	}
	return b.String(), true
}

// kind describes a Go type as a person writing TOML thinks of it.
func kind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a text in quotes"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64:
		return "a whole number"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.Slice:
		return "a list of " + plural(t.Elem())
	}
	return "a value"
}

func plural(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "texts in quotes"
	case reflect.Float64, reflect.Float32, reflect.Int, reflect.Int64:
		return "numbers"
	}
	return "values"
}

// example shows a value of type t for key.
func example(t reflect.Type, key string) string {
	switch t.Kind() {
	case reflect.String:
		return `"…"`
	case reflect.Bool:
		return "true"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64:
		return "5"
	case reflect.Float64, reflect.Float32:
		return "1.5"
	case reflect.Slice:
		if ex, ok := listExamples[key]; ok {
			return ex
		}
		switch t.Elem().Kind() {
		case reflect.String:
			return `["…"]`
		case reflect.Float64, reflect.Float32, reflect.Int, reflect.Int64:
			return "[1, 2]"
		}
	}
	return "…"
}

// listExamples are examples for lists whose values are easy to get wrong.
var listExamples = map[string]string{
	"formats":       `["pdf"]`,
	"workbooks":     `["updates/2018-02/*.xlsx"]`,
	"issues":        `["AMEY"]`,
	"aliases":       `["Completed", "Closed"]`,
	"margins":       `[15, 12, 15, 12]`,
	"heading_sizes": `[14, 12, 10.5]`,
}

// given names the TOML type of what was written.
func given(toml string) string {
	switch toml {
	case "string":
		return "a text"
	case "int64":
		return "a whole number"
	case "float64":
		return "a number"
	case "bool":
		return "true or false"
	case "[]any", "[]interface {}":
		return "a list"
	case "map[string]any", "map[string]interface {}":
		return "a table"
	case "time.Time":
		return "a date"
	}
	if strings.HasPrefix(toml, "[]") {
		return "a list"
	}
	return strconv.Quote(toml)
}
