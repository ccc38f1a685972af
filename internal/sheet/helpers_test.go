package sheet

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/plan"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sheetDef is one worksheet of a test workbook. Rows start at row 1; a nil
// value leaves the cell empty. A value of type date is written as a serial
// number with a date format.
type sheetDef struct {
	name   string
	rows   [][]any
	merges []string
	hidden bool
	// hiddenRows are 1-based rows hidden in the sheet.
	hiddenRows []int
}

// serial is an Excel date serial written with a date format.
type serial float64

// bookOpts are workbook-wide settings of a test workbook.
type bookOpts struct {
	date1904 bool
	password string
}

// writeBook writes a workbook into dir and returns its path.
func writeBook(t testing.TB, dir, name string, opts bookOpts, sheets ...sheetDef) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if opts.date1904 {
		yes := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				switch v := v.(type) {
				case serial:
					if err := f.SetCellFloat(s.name, ref, float64(v), -1, 64); err != nil {
						t.Fatal(err)
					}
					if err := f.SetCellStyle(s.name, ref, ref, dateStyle); err != nil {
						t.Fatal(err)
					}
				default:
					if err := f.SetCellValue(s.name, ref, v); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		for _, r := range s.hiddenRows {
			if err := f.SetRowVisible(s.name, r, false); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range s.merges {
			a, b, _ := strings.Cut(m, ":")
			if err := f.MergeCell(s.name, a, b); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, s := range sheets {
		if !s.hidden {
			// Excel cannot hide the active sheet: make a visible one active.
			f.SetActiveSheet(i)
			break
		}
	}
	for _, s := range sheets {
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(dir, name)
	var saveOpts []excelize.Options
	if opts.password != "" {
		saveOpts = append(saveOpts, excelize.Options{Password: opts.password})
	}
	if err := f.SaveAs(path, saveOpts...); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeFile writes bytes into dir and returns the path.
func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// problemStrings prints each problem as "error: …" or "warning: …".
func problemStrings(ps *plan.Problems) []string {
	var out []string
	for _, p := range ps.List {
		out = append(out, p.Severity.String()+": "+p.String())
	}
	return out
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/sheet/ -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from what was read (run with -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// spec makes a table spec for a file in dir, named by its base name.
func spec(path, sheet string) *TableSpec {
	return &TableSpec{Path: path, Name: filepath.Base(path), Sheet: sheet}
}

func mustVocab(t testing.TB) *plan.Vocabulary {
	t.Helper()
	v, err := plan.NewVocabulary(plan.DefaultStatuses())
	if err != nil {
		t.Fatal(err)
	}
	return v
}
