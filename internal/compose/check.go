package compose

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/agsreport/agsreport/internal/suggest"
)

// dataType is the type placeholders are executed with.
var dataType = reflect.TypeOf(&Data{})

// fieldError is a placeholder that names a field its value does not have.
type fieldError struct {
	line int // within the placeholder text, from 1
	msg  string
}

// checkFields finds the field references of a compiled placeholder text
// that cannot work, so that a misspelt field is reported when the template
// is read, at its line, with the fields that do exist — not when a paper
// is half composed. Dot's type is followed through with and range; where
// it cannot be known (after a function, or in a map of free fields) the
// fields are left to be checked when the text runs.
func checkFields(t *template.Template, src string) []fieldError {
	ck := &checker{src: src}
	if t.Tree != nil && t.Tree.Root != nil {
		ck.walk(t.Tree.Root, dataType, "")
	}
	return ck.errs
}

type checker struct {
	src  string
	errs []fieldError
}

// walk checks n, where dot has type dot (nil: unknown) and is named name
// in messages ("" for the data itself, ".Issue" inside {{with .Issue}}).
func (ck *checker) walk(n parse.Node, dot reflect.Type, name string) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			ck.walk(c, dot, name)
		}
	case *parse.ActionNode:
		ck.pipe(n.Pipe, dot, name)
	case *parse.IfNode:
		ck.pipe(n.Pipe, dot, name)
		ck.walk(n.List, dot, name)
		ck.walk(n.ElseList, dot, name)
	case *parse.WithNode:
		ck.pipe(n.Pipe, dot, name)
		ck.walk(n.List, ck.pipeType(n.Pipe, dot), name+n.Pipe.String())
		ck.walk(n.ElseList, dot, name)
	case *parse.RangeNode:
		ck.pipe(n.Pipe, dot, name)
		var elem reflect.Type
		if t := ck.pipeType(n.Pipe, dot); t != nil {
			switch t = deref(t); t.Kind() {
			case reflect.Slice, reflect.Array, reflect.Map:
				elem = t.Elem()
			}
		}
		ck.walk(n.List, elem, "each of "+name+n.Pipe.String())
		ck.walk(n.ElseList, dot, name)
	}
}

// pipe checks every field reference in a pipeline.
func (ck *checker) pipe(p *parse.PipeNode, dot reflect.Type, name string) {
	if p == nil {
		return
	}
	for _, cmd := range p.Cmds {
		for _, arg := range cmd.Args {
			switch a := arg.(type) {
			case *parse.FieldNode:
				ck.resolve(dot, a.Ident, a.Position(), name)
			case *parse.VariableNode:
				if len(a.Ident) > 1 && a.Ident[0] == "$" {
					ck.resolve(dataType, a.Ident[1:], a.Position(), "$")
				}
			case *parse.PipeNode:
				ck.pipe(a, dot, name)
			}
		}
	}
}

// pipeType is the type of a pipeline that is a single field, dot or $, and
// nil when it cannot be known.
func (ck *checker) pipeType(p *parse.PipeNode, dot reflect.Type) reflect.Type {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 || len(p.Decl) > 0 {
		return nil
	}
	switch a := p.Cmds[0].Args[0].(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		t, _ := lookupPath(dot, a.Ident)
		return t
	case *parse.VariableNode:
		if a.Ident[0] == "$" {
			t, _ := lookupPath(dataType, a.Ident[1:])
			return t
		}
	}
	return nil
}

// resolve checks a chain of field names from type t (named base) and
// records the first that does not exist.
func (ck *checker) resolve(t reflect.Type, idents []string, pos parse.Pos, base string) {
	_, bad := lookupPath(t, idents)
	if bad < 0 {
		return
	}
	owner := deref(mustLookup(t, idents[:bad]))
	path := base
	for _, id := range idents[:bad] {
		path += "." + id
	}
	if path == "" || path == "$" {
		path = "the placeholder's data"
	}
	names := fieldNames(owner)
	msg := fmt.Sprintf("%s has no field %q", path, idents[bad])
	if hint := suggest.Message(idents[bad], names, "fields"); hint != "" {
		if strings.HasPrefix(hint, "(") {
			msg += " " + hint
		} else {
			msg += ": " + hint
		}
	}
	line := 1 + strings.Count(ck.src[:min(int(pos), len(ck.src))], "\n")
	ck.errs = append(ck.errs, fieldError{line: line, msg: msg})
}

// lookupPath follows field names from t. It returns the final type (nil
// when it cannot be known) and the index of the first name that does not
// exist, or -1.
func lookupPath(t reflect.Type, idents []string) (reflect.Type, int) {
	for i, id := range idents {
		if t == nil {
			return nil, -1
		}
		next, ok, known := member(t, id)
		if !known {
			return nil, -1
		}
		if !ok {
			return nil, i
		}
		t = next
	}
	return t, -1
}

func mustLookup(t reflect.Type, idents []string) reflect.Type {
	r, _ := lookupPath(t, idents)
	if r == nil {
		return t
	}
	return r
}

// member returns the type of field or method name of t. known is false
// when t's members cannot be known statically (an interface, a map: any
// key may be there).
func member(t reflect.Type, name string) (typ reflect.Type, ok, known bool) {
	if m, found := t.MethodByName(name); found {
		return resultType(m.Type), true, true
	}
	base := deref(t)
	if m, found := reflect.PointerTo(base).MethodByName(name); found && base.Kind() == reflect.Struct {
		return resultType(m.Type), true, true
	}
	switch base.Kind() {
	case reflect.Struct:
		if f, found := base.FieldByName(name); found && f.IsExported() {
			return f.Type, true, true
		}
		return nil, false, true
	case reflect.Map, reflect.Interface:
		return nil, false, false
	}
	return nil, false, true
}

func resultType(m reflect.Type) reflect.Type {
	if m.NumOut() == 0 {
		return nil
	}
	return m.Out(0)
}

func deref(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// fieldNames lists the fields and methods placeholders can use on t.
func fieldNames(t reflect.Type) []string {
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	if t.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() && !f.Anonymous {
				add(f.Name)
			}
		}
	}
	pt := reflect.PointerTo(t)
	for i := range pt.NumMethod() {
		if m := pt.Method(i); m.Type.NumOut() > 0 && m.Type.NumIn() == 1 {
			add(m.Name)
		}
	}
	sort.Strings(out)
	return out
}
