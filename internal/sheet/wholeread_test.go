package sheet

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// everything reads every sheet of src: rows with their cells and hidden
// flags, and merges.
func everything(t *testing.T, src source) map[string]any {
	t.Helper()
	out := map[string]any{}
	for _, name := range src.sheets() {
		areas, err := src.merges(name)
		if err != nil {
			t.Fatal(err)
		}
		it, err := src.rows(name, true)
		if err != nil {
			t.Fatal(err)
		}
		type row struct {
			n      int
			cells  []cell
			hidden bool
		}
		var rows []row
		for it.next() {
			cs, err := it.cells()
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, row{it.row(), cs, it.hidden()})
		}
		if err := it.close(); err != nil {
			t.Fatal(err)
		}
		out[name] = []any{areas, rows, src.state(name)}
	}
	return out
}

// A workbook read into memory at once reads exactly as one read from the
// file part by part.
func TestWholeReadMatchesPartReads(t *testing.T) {
	paths, err := filepath.Glob("../../examples/*/*.xlsx")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no example workbooks: %v", err)
	}
	open := func(path string, whole int64) source {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		src, err := openWorkbookUpTo(f, st.Size(), whole)
		if err != nil {
			t.Fatal(err)
		}
		return src
	}
	for _, path := range paths {
		parts, whole := open(path, 0), open(path, wholeRead)
		a, b := everything(t, parts), everything(t, whole)
		parts.close()
		whole.close()
		if len(a) == 0 {
			t.Fatalf("%s: no sheets read", path)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s reads differently when read at once", path)
		}
	}
}
