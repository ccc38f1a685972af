package compose

import (
	"reflect"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"github.com/agsreport/agsreport/internal/report"
)

// A fastText is a placeholder text made only of literal text, plain field
// chains such as {{.Action.Lead}} or {{.Vars.council}}, and conditions on
// them: {{if CHAIN}}, {{if eq CHAIN "text"}} and {{with CHAIN}}, each with
// an optional {{else}} or {{else if …}}, where a with's body prints its
// value as {{.}} and uses no field. Most of a paper's cells are such
// texts, and evaluating them with reflection on cached field paths is
// several times quicker than executing the template, which looks each
// field up by name (allocating, for a type with an embedded struct) on
// every row.
//
// The contract: eval returns ok=false whenever the result might differ from
// text/template's, and the caller then executes the template. It evaluates
// only chains reached through structs, non-nil pointers and string-keyed
// maps holding the key, where a name that is a method of a pointer on the
// way (which text/template would call) is one taking nothing and giving a
// string; a chain printed, compared or taken by with ends in a value of
// type string, one that an if tests in a string, bool, integer, slice or
// map, and one printed with {{join CHAIN "separator"}} in a []string.
type fastText struct {
	parts []fastPart
}

// fastPart is one piece of a fastText: a literal (the zero value with lit
// set), a field chain to print, the value of the enclosing with ({{.}}),
// or a condition.
type fastPart struct {
	lit   string
	chain []string
	dot   bool
	cond  *fastCond
	join  *string // the separator, when the chain is printed with join
}

// fastCond is {{if}} or {{with}} on a chain, or {{if eq CHAIN "text"}}.
type fastCond struct {
	with      bool
	chain     []string
	eq        *string // the text compared with, for eq
	then, els []fastPart
}

// compileFast returns the fast form of t, or nil when t uses anything
// beyond what fastText evaluates.
func compileFast(t *template.Template) *fastText {
	if t == nil || t.Tree == nil || t.Root == nil || len(t.Templates()) != 1 {
		return nil
	}
	parts, ok := compileList(t.Root, false)
	if !ok {
		return nil
	}
	return &fastText{parts: parts}
}

// compileList compiles a list of nodes; inWith says dot is the value of
// an enclosing with, where fields are not evaluated.
func compileList(l *parse.ListNode, inWith bool) ([]fastPart, bool) {
	if l == nil {
		return nil, true
	}
	var parts []fastPart
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			parts = append(parts, fastPart{lit: string(n.Text)})
		case *parse.ActionNode:
			if chain, sep, ok := joinCall(n.Pipe); ok && !inWith {
				parts = append(parts, fastPart{chain: chain, join: &sep})
				continue
			}
			arg, ok := singleArg(n.Pipe)
			if !ok {
				return nil, false
			}
			switch a := arg.(type) {
			case *parse.FieldNode:
				if inWith {
					return nil, false
				}
				parts = append(parts, fastPart{chain: a.Ident})
			case *parse.DotNode:
				if !inWith {
					return nil, false
				}
				parts = append(parts, fastPart{dot: true})
			default:
				return nil, false
			}
		case *parse.IfNode:
			c, ok := compileBranch(&n.BranchNode, false, inWith)
			if !ok {
				return nil, false
			}
			parts = append(parts, fastPart{cond: c})
		case *parse.WithNode:
			c, ok := compileBranch(&n.BranchNode, true, inWith)
			if !ok {
				return nil, false
			}
			parts = append(parts, fastPart{cond: c})
		default:
			return nil, false
		}
	}
	return parts, true
}

// compileBranch compiles an if or a with whose condition is a field chain,
// or for an if, eq of a field chain and a quoted text.
func compileBranch(b *parse.BranchNode, with, inWith bool) (*fastCond, bool) {
	if inWith || b.Pipe == nil || b.Pipe.IsAssign || len(b.Pipe.Decl) != 0 || len(b.Pipe.Cmds) != 1 {
		return nil, false
	}
	c := &fastCond{with: with}
	args := b.Pipe.Cmds[0].Args
	switch {
	case len(args) == 1:
		f, ok := args[0].(*parse.FieldNode)
		if !ok || len(f.Ident) == 0 {
			return nil, false
		}
		c.chain = f.Ident
	case len(args) == 3 && !with:
		id, ok1 := args[0].(*parse.IdentifierNode)
		f, ok2 := args[1].(*parse.FieldNode)
		lit, ok3 := args[2].(*parse.StringNode)
		if !ok1 || !ok2 || !ok3 || id.Ident != "eq" || len(f.Ident) == 0 {
			return nil, false
		}
		c.chain, c.eq = f.Ident, &lit.Text
	default:
		return nil, false
	}
	var ok bool
	if c.then, ok = compileList(b.List, with); !ok {
		return nil, false
	}
	if c.els, ok = compileList(b.ElseList, false); !ok {
		return nil, false
	}
	return c, true
}

// joinCall recognises {{join CHAIN "separator"}}.
func joinCall(p *parse.PipeNode) (chain []string, sep string, ok bool) {
	if p == nil || p.IsAssign || len(p.Decl) != 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 3 {
		return nil, "", false
	}
	args := p.Cmds[0].Args
	id, ok1 := args[0].(*parse.IdentifierNode)
	f, ok2 := args[1].(*parse.FieldNode)
	lit, ok3 := args[2].(*parse.StringNode)
	if !ok1 || !ok2 || !ok3 || id.Ident != "join" || len(f.Ident) == 0 {
		return nil, "", false
	}
	return f.Ident, lit.Text, true
}

// singleArg returns the one argument of a pipeline that is nothing else.
func singleArg(p *parse.PipeNode) (parse.Node, bool) {
	if p == nil || p.IsAssign || len(p.Decl) != 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return nil, false
	}
	return p.Cmds[0].Args[0], true
}

// fieldPaths caches, per struct type and field name, the index path of a
// field that no method of that name hides; a nil path means "not fast".
// One cache belongs to one composition, so it needs no lock.
type fieldPaths map[fieldKey][]int

type fieldKey struct {
	t    reflect.Type
	name string
}

// Results of fieldPaths.method besides a method's index.
const (
	noMethod    = -1 // the type has no method of that name
	notCallable = -2 // it has one that fastText does not call
)

// method returns the index of pointer type t's method name when it takes
// nothing and gives a string, noMethod or notCallable. Its entries share
// the map with lookup's, whose keys are struct types, never pointers.
func (fp fieldPaths) method(t reflect.Type, name string) int {
	k := fieldKey{t, name}
	if p, ok := fp[k]; ok {
		return p[0]
	}
	i := noMethod
	if m, ok := t.MethodByName(name); ok {
		i = notCallable
		if mt := m.Type; mt.NumIn() == 1 && mt.NumOut() == 1 && mt.Out(0) == stringType {
			i = m.Index
		}
	}
	fp[k] = []int{i}
	return i
}

func (fp fieldPaths) lookup(t reflect.Type, name string) []int {
	k := fieldKey{t, name}
	if p, ok := fp[k]; ok {
		return p
	}
	var path []int
	if _, isMethod := reflect.PointerTo(t).MethodByName(name); !isMethod {
		if f, ok := t.FieldByName(name); ok && f.IsExported() {
			path = f.Index
		}
	}
	fp[k] = path
	return path
}

var (
	stringType  = reflect.TypeFor[string]()
	stringsType = reflect.TypeFor[[]string]()
)

// eval evaluates the text on d; ok is false when the template must be
// executed instead.
func (ft *fastText) eval(d *Data, fp fieldPaths) (s string, ok bool) {
	defer func() {
		if recover() != nil {
			s, ok = "", false // a method that panics: the template says what
		}
	}()
	var b textOut
	if !evalParts(&b, ft.parts, reflect.ValueOf(d), "", fp) {
		return "", false
	}
	return b.String(), true
}

// textOut gathers the pieces of a text. A text of one piece, the usual
// cell ({{.Action.Lead}}), is that piece itself: the document shares the
// plan's string instead of a copy.
type textOut struct {
	first string
	n     int // non-empty pieces written
	b     strings.Builder
}

func (o *textOut) WriteString(s string) {
	if s == "" {
		return
	}
	switch o.n {
	case 0:
		o.first = s
	case 1:
		o.b.Grow(len(o.first) + len(s))
		o.b.WriteString(o.first)
		o.b.WriteString(s)
	default:
		o.b.WriteString(s)
	}
	o.n++
}

func (o *textOut) String() string {
	if o.n <= 1 {
		return o.first
	}
	return o.b.String()
}

// evalParts writes the parts evaluated on root into b; dot is the value
// of the enclosing with. It returns false to fall back to the template.
func evalParts(b *textOut, parts []fastPart, root reflect.Value, dot string, fp fieldPaths) bool {
	for _, p := range parts {
		switch {
		case p.dot:
			b.WriteString(dot)
		case p.cond != nil:
			v, ok := evalChain(root, p.cond.chain, fp)
			if !ok {
				return false
			}
			var truth bool
			switch {
			case p.cond.eq != nil || p.cond.with:
				if v.Type() != stringType {
					return false
				}
				if p.cond.eq != nil {
					truth = v.String() == *p.cond.eq
				} else {
					truth, dot = v.Len() > 0, v.String()
				}
			default:
				if truth, ok = isTrue(v); !ok {
					return false
				}
			}
			next := p.cond.els
			if truth {
				next = p.cond.then
			}
			if !evalParts(b, next, root, dot, fp) {
				return false
			}
		case p.join != nil:
			v, ok := evalChain(root, p.chain, fp)
			if !ok || v.Type() != stringsType {
				return false
			}
			for i := range v.Len() {
				if i > 0 {
					b.WriteString(*p.join)
				}
				b.WriteString(v.Index(i).String())
			}
		case p.chain != nil:
			v, ok := evalChain(root, p.chain, fp)
			if !ok || v.Type() != stringType {
				return false
			}
			b.WriteString(v.String())
		default:
			b.WriteString(p.lit)
		}
	}
	return true
}

// isTrue is text/template's truth for the kinds fastText tests: a
// non-empty string, slice or map, a true bool, a non-zero integer.
func isTrue(v reflect.Value) (truth, ok bool) {
	switch v.Kind() {
	case reflect.String, reflect.Slice, reflect.Map:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	}
	return false, false
}

// evalChain follows a field chain from root; ok is false when the
// template must be executed instead.
func evalChain(root reflect.Value, chain []string, fp fieldPaths) (reflect.Value, bool) {
	v := root
	for _, name := range chain {
		if v.Kind() == reflect.Pointer && !v.IsNil() {
			// A method text/template would call: one that takes nothing
			// and gives a string is called here too.
			switch i := fp.method(v.Type(), name); {
			case i >= 0:
				v = v.Method(i).Call(nil)[0]
				continue
			case i == notCallable:
				return v, false
			}
		}
		for v.Kind() == reflect.Pointer {
			if v.IsNil() || fp.method(v.Type(), name) != noMethod {
				return v, false
			}
			v = v.Elem()
		}
		switch v.Kind() {
		case reflect.Struct:
			path := fp.lookup(v.Type(), name)
			if path == nil {
				return v, false
			}
			var err error
			if v, err = v.FieldByIndexErr(path); err != nil {
				return v, false
			}
		case reflect.Map:
			if v.Type().Key() != stringType || v.Type().NumMethod() != 0 {
				return v, false
			}
			v = v.MapIndex(reflect.ValueOf(name))
			if !v.IsValid() {
				return v, false
			}
		default:
			return v, false
		}
	}
	return v, true
}

// plainBullets are the line starts report.Markup reads as bullets.
var plainBullets = []string{"• ", "•\t", "- ", "* ", "\u2013 ", "\u25aa ", "\uf0b7 "}

// markup is report.Markup with a shortcut for the commonest value, one line
// of valid UTF-8 with no emphasis marker and no bullet, which becomes one
// plain run without being parsed. The result is always report.Markup(s).
func markup(s string) report.Text {
	if strings.ContainsAny(s, "\n\r*_") || !utf8.ValidString(s) {
		return report.Markup(s)
	}
	line := strings.TrimRight(s, " \t\u00a0")
	if strings.TrimSpace(line) == "" {
		return report.Markup(s)
	}
	trimmed := strings.TrimLeft(line, " \t")
	for _, b := range plainBullets {
		if strings.HasPrefix(trimmed, b) {
			return report.Markup(s)
		}
	}
	return report.Text{Lines: []report.Line{{Runs: []report.Run{{Text: line}}}}}
}
