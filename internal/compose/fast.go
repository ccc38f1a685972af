package compose

import (
	"reflect"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"github.com/agsreport/agsreport/internal/report"
)

// A fastText is a placeholder text made only of literal text and plain
// field chains such as {{.Action.Lead}} or {{.Vars.council}}. Most of a
// paper's cells are such texts, and evaluating them with reflection on
// cached field paths is several times quicker than executing the template.
//
// The contract: eval returns ok=false whenever the result might differ from
// text/template's, and the caller then executes the template. It evaluates
// only chains that end in a value of type string, reached through structs,
// non-nil pointers and string-keyed maps holding the key, with no method of
// the same name anywhere on the way (text/template would call the method).
type fastText struct {
	parts []fastPart
}

// fastPart is a literal (chain == nil) or a field chain.
type fastPart struct {
	lit   string
	chain []string
}

// compileFast returns the fast form of t, or nil when t uses anything beyond
// literal text and plain field chains.
func compileFast(t *template.Template) *fastText {
	if t == nil || t.Tree == nil || t.Root == nil || len(t.Templates()) != 1 {
		return nil
	}
	ft := &fastText{}
	for _, n := range t.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			ft.parts = append(ft.parts, fastPart{lit: string(n.Text)})
		case *parse.ActionNode:
			p := n.Pipe
			if p == nil || p.IsAssign || len(p.Decl) != 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
				return nil
			}
			f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
			if !ok || len(f.Ident) == 0 {
				return nil
			}
			ft.parts = append(ft.parts, fastPart{chain: f.Ident})
		default:
			return nil
		}
	}
	return ft
}

// fieldPaths caches, per struct type and field name, the index path of a
// field that no method of that name hides; a nil path means "not fast".
// One cache belongs to one composition, so it needs no lock.
type fieldPaths map[fieldKey][]int

type fieldKey struct {
	t    reflect.Type
	name string
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

var stringType = reflect.TypeFor[string]()

// eval evaluates the text on d; ok is false when the template must be
// executed instead.
func (ft *fastText) eval(d *Data, fp fieldPaths) (string, bool) {
	var b strings.Builder
	root := reflect.ValueOf(d)
	for _, p := range ft.parts {
		if p.chain == nil {
			b.WriteString(p.lit)
			continue
		}
		v := root
		for _, name := range p.chain {
			for v.Kind() == reflect.Pointer {
				if v.IsNil() {
					return "", false
				}
				if _, isMethod := v.Type().MethodByName(name); isMethod {
					return "", false
				}
				v = v.Elem()
			}
			switch v.Kind() {
			case reflect.Struct:
				path := fp.lookup(v.Type(), name)
				if path == nil {
					return "", false
				}
				var err error
				if v, err = v.FieldByIndexErr(path); err != nil {
					return "", false
				}
			case reflect.Map:
				if v.Type().Key() != stringType || v.Type().NumMethod() != 0 {
					return "", false
				}
				v = v.MapIndex(reflect.ValueOf(name))
				if !v.IsValid() {
					return "", false
				}
			default:
				return "", false
			}
		}
		if v.Type() != stringType {
			return "", false
		}
		b.WriteString(v.String())
	}
	return b.String(), true
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
