package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/agsreport/agsreport/internal/render/xlsx/xlsxdump"
)

// slug turns an example and paper file name into a golden file stem:
// lower case, runs of other characters as one hyphen.
func slug(parts ...string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.Join(parts, " ")) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// TestExampleWorkbookCells compares a cell-by-cell dump of every example
// workbook (values, rich text, styles, merges, heights, widths, drop-downs,
// print titles, page setup) with testdata/<example>-<paper>.cells, and
// fails on any formula and on golden files no workbook has.
func TestExampleWorkbookCells(t *testing.T) {
	wanted := map[string]bool{}
	for _, name := range sortedKeys(examples) {
		b := buildExample(t, examples[name])
		for _, pp := range b.papers {
			if !hasFormat(pp, "xlsx") {
				continue
			}
			stem := slug(name, pp.Output.File) + ".cells"
			wanted[stem] = true
			t.Run(stem, func(t *testing.T) {
				data, err := os.ReadFile(b.path(pp, "xlsx"))
				if err != nil {
					t.Fatal(err)
				}
				got, err := xlsxdump.Dump(bytes.NewReader(data), int64(len(data)))
				if err != nil {
					t.Fatalf("dump: %v", err)
				}
				golden(t, stem, got)
			})
		}
	}
	have, err := filepath.Glob(filepath.Join("testdata", "*.cells"))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range have {
		if !wanted[filepath.Base(h)] {
			t.Errorf("%s is the dump of no example workbook: remove it", h)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ name, example, file, want string }{
		{"spaces and dashes", "cumbria-2017-18", "Appendix 1B - Amey Lessons Learned", "cumbria-2017-18-appendix-1b-amey-lessons-learned"},
		{"punctuation runs", "cmt-2014", "CMT (Draft) -- Plan!", "cmt-2014-cmt-draft-plan"},
		{"letters beyond ASCII", "x", "Réunion Ünit", "x-réunion-ünit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := slug(tc.example, tc.file); got != tc.want {
				t.Errorf("slug(%q, %q) = %q, want %q", tc.example, tc.file, got, tc.want)
			}
		})
	}
}
