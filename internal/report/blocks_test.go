package report

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestBlockTypesComplete checks that every type of this package that is a
// Block (has an isBlock method) is in the registry, and nothing else is, so
// that adding a block type without registering it fails here; the renderers'
// tests then fail for every renderer that has no case for it.
func TestBlockTypesComplete(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var implemented []string
	for _, p := range pkgs {
		for _, f := range p.Files {
			for _, d := range f.Decls {
				fn, ok := d.(*ast.FuncDecl)
				if !ok || fn.Recv == nil || fn.Name.Name != "isBlock" {
					continue
				}
				star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
				if !ok {
					t.Fatalf("isBlock must have a pointer receiver")
				}
				implemented = append(implemented, "*report."+star.X.(*ast.Ident).Name)
			}
		}
	}
	var registered []string
	names := map[string]bool{}
	for _, bt := range BlockTypes() {
		if bt.Name == "" || bt.Description == "" || bt.Example == nil {
			t.Fatalf("incomplete registry entry %+v", bt)
		}
		if names[bt.Name] {
			t.Errorf("block type %q registered twice", bt.Name)
		}
		names[bt.Name] = true
		registered = append(registered, reflect.TypeOf(bt.Example()).String())
		if n, ok := BlockName(bt.Example()); !ok || n != bt.Name {
			t.Errorf("BlockName(%s example) = %q, %v", bt.Name, n, ok)
		}
	}
	sort.Strings(implemented)
	sort.Strings(registered)
	if !reflect.DeepEqual(implemented, registered) {
		t.Errorf("block types with isBlock: %v\nregistered in BlockTypes: %v", implemented, registered)
	}
	if _, ok := BlockName(nil); ok {
		t.Error("BlockName(nil) must be unknown")
	}
}

// TestDumpEveryBlock checks that the text dump shows every kind of block
// and names a block it does not know instead of skipping it.
func TestDumpEveryBlock(t *testing.T) {
	for _, bt := range BlockTypes() {
		t.Run(bt.Name, func(t *testing.T) {
			got := (&Document{Sections: []Section{{Name: "s", Blocks: []Block{bt.Example()}}}}).Dump()
			if !strings.Contains(got, "\n  ") {
				t.Errorf("dump shows nothing for %s:\n%s", bt.Name, got)
			}
		})
	}
	got := (&Document{Sections: []Section{{Name: "s", Blocks: []Block{nil}}}}).Dump()
	if !strings.Contains(got, "unknown block") {
		t.Errorf("dump of a nil block = %q, want it named as unknown", got)
	}
	for _, bt := range BlockTypes() {
		texts := (&Document{Sections: []Section{{Blocks: []Block{bt.Example()}}}}).Texts()
		if len(texts) == 0 || strings.HasPrefix(texts[0], "unknown block") {
			t.Errorf("Texts shows nothing for a %s block: %q", bt.Name, texts)
		}
	}
	if got := (&Document{Sections: []Section{{Blocks: []Block{nil}}}}).Texts(); len(got) != 1 || got[0] != "unknown block <nil>" {
		t.Errorf("Texts of a nil block = %q", got)
	}
}

func TestStatusValue(t *testing.T) {
	tests := []struct {
		name string
		cell Cell
		want string
	}{
		{"symbol before the name", Cell{Text: Plain("● COMPLETE"), Status: "COMPLETE", Symbol: "●"}, "COMPLETE"},
		{"no symbol", Cell{Text: Plain("COMPLETE"), Status: "COMPLETE"}, "COMPLETE"},
		{"symbol not at the start", Cell{Text: Plain("COMPLETE ●"), Status: "COMPLETE", Symbol: "●"}, "COMPLETE ●"},
		{"second line kept", Cell{Text: Plain("■ ONGOING\nsince March"), Status: "ONGOING", Symbol: "■"}, "ONGOING\nsince March"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.cell.StatusValue().String(); got != tc.want {
				t.Errorf("StatusValue() = %q, want %q", got, tc.want)
			}
		})
	}
}
