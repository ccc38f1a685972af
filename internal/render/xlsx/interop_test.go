package xlsx

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/testutil"
)

// writeCases renders every case into dir and returns the file paths by
// case name.
func writeCases(t *testing.T, dir string) map[string]string {
	t.Helper()
	paths := make(map[string]string)
	for _, c := range cases() {
		p := filepath.Join(dir, c.Name+".xlsx")
		if err := os.WriteFile(p, renderBytes(t, c.Doc), 0o644); err != nil {
			t.Fatal(err)
		}
		paths[c.Name] = p
	}
	return paths
}

// TestLibreOffice prints every case to PDF with LibreOffice and checks that
// every word of every cell is on paper (no text hidden by a short row) and
// that a long table repeats its header row on each page.
func TestLibreOffice(t *testing.T) {
	soffice := testutil.NeedTool(t, "soffice")
	testutil.NeedTool(t, "pdftotext")
	dir := t.TempDir()
	paths := writeCases(t, dir)
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir}
	for _, c := range cases() {
		args = append(args, paths[c.Name])
	}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			pdf := strings.TrimSuffix(paths[c.Name], ".xlsx") + ".pdf"
			out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext %s: %v", pdf, err)
			}
			printed := make(map[string]bool)
			for _, w := range strings.Fields(string(out)) {
				printed[trimWord(w)] = true
			}
			// pdftotext may run tightly set glyphs together, so a word
			// that is not found alone is looked for in the text without
			// spaces.
			flat := strings.Join(strings.Fields(string(out)), "")
			missing := 0
			for _, w := range docWords(c.Doc) {
				if !printed[w] && !strings.Contains(flat, w) {
					if missing < 10 {
						t.Errorf("word %q is not on the printed pages", w)
					}
					missing++
				}
			}
			if missing > 0 {
				t.Errorf("%d words missing", missing)
			}
			if c.Name != "long-group" {
				return
			}
			pages := strings.Split(strings.TrimRight(string(out), "\f\n "), "\f")
			if len(pages) < 3 {
				t.Errorf("long table printed on %d pages, want at least 3", len(pages))
			}
			for i, p := range pages {
				if !strings.Contains(p, "Column 1") || !strings.Contains(p, "Status") {
					t.Errorf("page %d lacks the table header row", i+1)
				}
			}
		})
	}
}

// docWords lists the words of all text a document puts into cells, leaving
// out words with characters that fonts may not print (emoji, private use).
func docWords(d *report.Document) []string {
	var texts []string
	add := func(t report.Text) { texts = append(texts, t.String()) }
	for _, sec := range d.Sections {
		for _, b := range sec.Blocks {
			switch x := b.(type) {
			case *report.Heading:
				add(x.Text)
			case *report.Paragraph:
				add(x.Text)
			case *report.Fields:
				for _, f := range x.Items {
					texts = append(texts, f.Label)
					add(f.Value)
				}
			case *report.Table:
				for _, c := range x.Columns {
					texts = append(texts, c.Title)
				}
				if x.Rows() == 0 {
					texts = append(texts, x.Empty)
				}
				for _, g := range x.Groups {
					add(g.Band)
					for _, r := range g.Rows {
						for _, c := range r.Cells {
							if !c.Covered {
								add(c.Text)
							}
						}
					}
				}
			case *report.Chart:
				texts = append(texts, x.Categories...)
			case *report.StatusKey:
				texts = append(texts, x.Title)
				for _, s := range d.Statuses {
					texts = append(texts, s.Name)
				}
			}
		}
	}
	var words []string
	for _, t := range texts {
		for _, w := range strings.Fields(t) {
			w = trimWord(w)
			if w == "" || !printable(w) {
				continue
			}
			words = append(words, w)
		}
	}
	return words
}

// trimWord drops punctuation around a word.
func trimWord(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func printable(w string) bool {
	for _, r := range w {
		if r > 0x2FFF || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsPunct(r)) {
			return false
		}
	}
	return true
}

// openpyxlScript prints, per visible sheet of each workbook, its
// orientation, merge count and print titles, any cell holding a formula,
// and each text cell starting like a formula with whether it has the quote
// prefix.
const openpyxlScript = `
import sys, openpyxl
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == 'f':
                    print("FORMULA", path, ws.title, c.coordinate)
                if isinstance(c.value, str) and c.value[:1] in ("=", "+", "-", "@", "\t", "\r") and c.value != "":
                    print("QUOTED" if c.quotePrefix else "UNQUOTED", path, ws.title, c.coordinate)
        if ws.sheet_state != 'visible':
            continue
        print("SHEET|%s|%s|%s|%d|%s|%s" % (path, ws.title, ws.page_setup.orientation,
              len(ws.merged_cells.ranges), ws.print_title_rows or "", ws.auto_filter.ref or ""))
`

// TestOpenpyxl reads every case with openpyxl, an independent reader, and
// checks orientation, merges, print titles and that no cell is a formula.
func TestOpenpyxl(t *testing.T) {
	py := testutil.NeedPython(t, "openpyxl")
	dir := t.TempDir()
	paths := writeCases(t, dir)
	args := []string{"-c", openpyxlScript}
	for _, c := range cases() {
		args = append(args, paths[c.Name])
	}
	out, err := exec.Command(py, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	seen, quoted := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if strings.HasPrefix(line, "FORMULA") {
			t.Errorf("openpyxl sees a formula: %s", line)
			continue
		}
		if strings.HasPrefix(line, "UNQUOTED") {
			t.Errorf("a text cell starting like a formula has no quote prefix: %s", line)
			continue
		}
		if strings.HasPrefix(line, "QUOTED") {
			quoted++
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) != 7 || parts[0] != "SHEET" {
			t.Errorf("unexpected openpyxl output %q", line)
			continue
		}
		seen++
		path, sheet, orient, merges, titles, filter := parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]
		if orient != "landscape" {
			t.Errorf("%s %q: orientation %q", filepath.Base(path), sheet, orient)
		}
		wantMerges, wantTitles, wantFilter := excelizeView(t, path, sheet)
		if merges != wantMerges {
			t.Errorf("%s %q: openpyxl sees %s merges, excelize %s", filepath.Base(path), sheet, merges, wantMerges)
		}
		if titles != wantTitles {
			t.Errorf("%s %q: print titles %q, want %q", filepath.Base(path), sheet, titles, wantTitles)
		}
		if strings.ReplaceAll(filter, "$", "") != wantFilter {
			t.Errorf("%s %q: autofilter %q, want %q", filepath.Base(path), sheet, filter, wantFilter)
		}
	}
	if seen < len(cases()) {
		t.Errorf("openpyxl listed %d sheets, want at least %d", seen, len(cases()))
	}
	// The formula-text case has four such cells ("=1+1", "+44 …", "-SUM…",
	// "@risk …"), so a script that never matches cannot pass.
	if quoted < 4 {
		t.Errorf("openpyxl saw %d quoted text cells, want at least 4", quoted)
	}
}

// excelizeView returns the merge count, print-title rows ("$6:$6") and
// autofilter range of a sheet as excelize reads them.
func excelizeView(t *testing.T, path, sheet string) (merges, titles, filter string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	m, err := f.GetMergeCells(sheet, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, dn := range f.GetDefinedName() {
		if dn.Scope != sheet {
			continue
		}
		_, ref, _ := strings.Cut(dn.RefersTo, "!")
		switch dn.Name {
		case "_xlnm.Print_Titles":
			titles = ref
		case "_xlnm._FilterDatabase":
			filter = strings.ReplaceAll(ref, "$", "")
		}
	}
	return fmt.Sprint(len(m)), titles, filter
}
