package app

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/testutil"
)

// workbook is one example paper (a workbook or a Word file) built for the
// interop tests.
type workbook struct {
	example string
	built   built
	paper   Paper
	path    string // the copy in the shared folder
}

// buildWorkbooks builds every example and copies each .xlsx it writes into
// one folder, named after its example, so that one soffice run converts
// them all.
func buildWorkbooks(t *testing.T) (string, []workbook) {
	t.Helper()
	return buildPapers(t, "xlsx")
}

// buildPapers builds every example and copies each file it writes in the
// format into one folder, named after its example, so that one run of an
// outside program reads them all. It fails when no example writes the
// format.
func buildPapers(t *testing.T, format string) (string, []workbook) {
	t.Helper()
	dir := t.TempDir()
	var books []workbook
	for _, name := range sortedKeys(examples) {
		b := buildExample(t, examples[name])
		for _, pp := range b.papers {
			if !hasFormat(pp, format) {
				continue
			}
			data, err := os.ReadFile(b.path(pp, format))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, name+" - "+pp.Output.File+"."+format)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			books = append(books, workbook{example: name, built: b, paper: pp, path: path})
		}
	}
	if len(books) == 0 {
		t.Fatalf("the examples write no %s files", format)
	}
	return dir, books
}

// knownUnprinted are the words of example workbooks that LibreOffice
// breaks inside the word because their column is too narrow (a defect of
// the register's column widths). The test fails on any other word lost and
// on a listed word that prints whole again, so that this list is emptied
// when the widths are fixed.
var knownUnprinted = map[string][]string{}

// printedWords are the phrases a workbook must print: every action's ref
// and status, and for papers of issues every issue's title.
func printedWords(t *testing.T, wb workbook) []string {
	t.Helper()
	l, pp := wb.built.loaded, wb.paper
	period := pp.Output.Period
	if period == "" {
		period = l.Plan.Current
	}
	var out []string
	for _, is := range selectedIssues(t, l.Plan, pp) {
		if len(is.Actions) == 0 || pp.Output.Template == "action-plan" {
			out = append(out, fold(is.Title))
		}
		if pp.Output.Template == "action-plan" {
			continue
		}
		for _, a := range is.Actions {
			out = append(out, fold(a.Ref))
			if status, _, _ := l.Plan.StateAt(a, period); status != "" && pp.Output.Template != "appendix-a" {
				out = append(out, status)
			}
		}
	}
	return out
}

// TestLibreOfficePrintsWorkbooks prints every example workbook to PDF with
// LibreOffice, as an officer would, and checks that every action ref,
// status and issue title is on paper, that no word of any cell is lost,
// and that a one-sheet workbook repeats its table header on every page.
func TestLibreOfficePrintsWorkbooks(t *testing.T) {
	soffice := testutil.NeedTool(t, "soffice")
	testutil.NeedTool(t, "pdftotext")
	testutil.NeedTool(t, "pdfinfo")
	dir, books := buildWorkbooks(t)
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir}
	for _, wb := range books {
		args = append(args, wb.path)
	}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, wb := range books {
		t.Run(filepath.Base(wb.path), func(t *testing.T) {
			pdf := strings.TrimSuffix(wb.path, ".xlsx") + ".pdf"
			pages := pdfPages(t, pdf, "-layout")
			text := fold(strings.Join(pdfPages(t, pdf, "-raw"), " "))
			known := knownUnprinted[wb.paper.Output.File]
			for _, w := range printedWords(t, wb) {
				if !strings.Contains(text, w) && !containsString(known, w) {
					t.Errorf("%q is not printed", w)
				}
			}
			if strings.Contains(text, "###") {
				t.Errorf("a number or date is too wide for its column and prints as ###")
			}
			miss := missingWords(docTexts(wb.paper.Doc), strings.Join(pages, " "))
			if fmt.Sprint(miss) != fmt.Sprint(known) {
				t.Errorf("words of the workbook LibreOffice does not print whole: %q, known %q (update knownUnprinted when the workbook changes)",
					miss[:min(len(miss), 20)], known)
			}
			if len(wb.paper.Doc.Sections) != 1 || len(pages) < 2 {
				return
			}
			tb := firstTable(wb.paper.Doc.Sections[0])
			if tb == nil {
				return
			}
			re := headerLine(tb)
			rows := rowKeys(t, wb)
			raw := pdfPages(t, pdf, "-raw")
			seen := false
			onTable := map[int]bool{}
			for i, pg := range pages {
				// The header's first line may be printed over by a merged
				// cell running on from the page before; the print title is
				// there when the titles of its columns are on the page.
				has := re.MatchString(pg) || hasWords(pg, tb)
				if seen && !has {
					t.Errorf("page %d of %d lacks the table header row", i+1, len(pages))
				}
				seen = seen || has
				onTable[i] = has
				if has && i < len(raw) && len(keysOn(raw[i], rows)) == 0 {
					t.Errorf("page %d of %d shows the table header but no row of the table (a header alone at the page foot)", i+1, len(pages))
				}
			}
			if !seen {
				t.Error("no page shows the table header")
			}
			checkGroupsPrinted(t, wb, raw, onTable, tb)
		})
	}
}

// rowKey is what identifies a table row on a printed page: an action's ref,
// or for papers of issues the start of the issue's title.
type rowKey struct {
	re  *regexp.Regexp
	key string
}

// rowKeys returns the row keys of the paper's table rows.
func rowKeys(t *testing.T, wb workbook) []rowKey {
	t.Helper()
	var out []rowKey
	for _, is := range selectedIssues(t, wb.built.loaded.Plan, wb.paper) {
		if len(is.Actions) == 0 || wb.paper.Output.Template == "action-plan" {
			out = append(out, keyOf(firstWords(is.Title, 3)))
			continue
		}
		for _, a := range is.Actions {
			out = append(out, keyOf(a.Ref))
		}
	}
	return out
}

func keyOf(s string) rowKey {
	return rowKey{re: regexp.MustCompile(`(^|[\s(])` + regexp.QuoteMeta(fold(s)) + `($|[\s.,;:])`), key: fold(s)}
}

// keysOn returns the keys of the rows printed on a page.
func keysOn(page string, keys []rowKey) map[string]bool {
	page = fold(page)
	on := map[string]bool{}
	for _, k := range keys {
		if k.re.MatchString(page) {
			on[k.key] = true
		}
	}
	return on
}

// checkGroupsPrinted checks what spans several rows on the printed pages:
// pages are the text of each page in content order (pdftotext -raw), so
// that each cell's lines come together: every recommendation's text is on
// every page where one of its actions is
// (a merged cell crossing a page break is printed again), and every band
// (strategic outcome) is on a page with at least one of its actions.
func checkGroupsPrinted(t *testing.T, wb workbook, pages []string, onTable map[int]bool, tb *report.Table) {
	t.Helper()
	if wb.paper.Output.Template == "action-plan" {
		for _, g := range tb.Groups {
			band := fold(g.Band.String())
			var keys []rowKey
			for _, is := range selectedIssues(t, wb.built.loaded.Plan, wb.paper) {
				if is.Theme != "" && strings.Contains(strings.ToUpper(band), strings.ToUpper(fold(is.Theme))) {
					keys = append(keys, keyOf(firstWords(is.Title, 3)))
				}
			}
			if band == "" || len(keys) == 0 {
				continue
			}
			for i, pg := range pages {
				if onTable[i] && strings.Contains(fold(pg), band) && len(keysOn(pg, keys)) == 0 {
					t.Errorf("page %d shows the band %q but none of its issues: a band alone at the page foot", i+1, band)
				}
			}
		}
	}
	for _, is := range selectedIssues(t, wb.built.loaded.Plan, wb.paper) {
		byRec := map[string][]rowKey{}
		byOutcome := map[string][]rowKey{}
		for _, a := range is.Actions {
			byRec[a.Recommendation] = append(byRec[a.Recommendation], keyOf(a.Ref))
			byOutcome[a.Outcome] = append(byOutcome[a.Outcome], keyOf(a.Ref))
		}
		if wb.paper.Output.Template == "appendix-b" {
			for _, rec := range is.Recommendations {
				text := firstWords(plainText(rec.Text), 5)
				for i, pg := range pages {
					if onTable[i] && len(keysOn(pg, byRec[rec.Number])) > 0 && !strings.Contains(fold(pg), text) {
						t.Errorf("page %d shows actions of recommendation %s but not its text %q", i+1, rec.Number, text)
					}
				}
			}
		}
		for _, o := range is.Outcomes {
			var band string
			for _, g := range tb.Groups {
				if b := fold(g.Band.String()); b != "" && strings.Contains(b, firstWords(plainText(o.Text), 4)) {
					band = firstWords(b, 6)
				}
			}
			if band == "" {
				continue
			}
			for i, pg := range pages {
				if onTable[i] && strings.Contains(fold(pg), band) && len(keysOn(pg, byOutcome[o.Number])) == 0 {
					t.Errorf("page %d shows the band %q but none of its actions: a band alone at the page foot", i+1, band)
				}
			}
		}
	}
}

// hasWords reports whether the page holds every word of every column
// title of the table.
func hasWords(page string, tb *report.Table) bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(page) {
		have[w] = true
	}
	for _, c := range tb.Columns {
		for _, w := range strings.Fields(c.Title) {
			if !have[w] {
				return false
			}
		}
	}
	return true
}

// firstTable is the section's first table, or nil.
func firstTable(s report.Section) *report.Table {
	for _, b := range s.Blocks {
		if tb, ok := b.(*report.Table); ok {
			return tb
		}
	}
	return nil
}

// openpyxlFacts prints one JSON line per sheet of each workbook: its state,
// orientation, print-title rows, merged ranges, data validations, formula
// cells and cell values.
const openpyxlFacts = `
import sys, json, datetime, openpyxl
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        print(json.dumps({
            "path": path, "sheet": ws.title, "state": ws.sheet_state,
            "orientation": ws.page_setup.orientation or "",
            "print_titles": ws.print_title_rows or "",
            "merged": sorted([[r.min_row, r.min_col, r.max_row, r.max_col] for r in ws.merged_cells.ranges]),
            "validations": [{"type": dv.type or "", "sqref": str(dv.sqref), "formula": dv.formula1 or ""}
                            for dv in ws.data_validations.dataValidation],
            "formulas": [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"],
            "breaks": [b.id for b in ws.row_breaks.brk],
            "dates": [[c.row, c.column, c.value.strftime("%Y-%m-%d"), c.number_format] for row in ws.iter_rows() for c in row
                      if isinstance(c.value, datetime.datetime)],
            "unquoted": [c.coordinate for row in ws.iter_rows() for c in row
                         if isinstance(c.value, str) and c.value[:1] in ("=", "+", "-", "@", "\t", "\r") and c.value[:1] != ""
                         and not c.quotePrefix],
            "rows": [["" if c.value is None else str(c.value) for c in row] for row in ws.iter_rows()],
        }))
`

// sheetFacts is what openpyxl reports of one sheet.
type sheetFacts struct {
	Path        string   `json:"path"`
	Sheet       string   `json:"sheet"`
	State       string   `json:"state"`
	Orientation string   `json:"orientation"`
	PrintTitles string   `json:"print_titles"`
	Merged      [][4]int `json:"merged"` // min row, min col, max row, max col
	Validations []struct {
		Type    string `json:"type"`
		Sqref   string `json:"sqref"`
		Formula string `json:"formula"`
	} `json:"validations"`
	Formulas []string   `json:"formulas"`
	Breaks   []int      `json:"breaks"`   // the last row of each printed page but the last
	Dates    [][4]any   `json:"dates"`    // row, column, date, number format
	Unquoted []string   `json:"unquoted"` // text cells that start like a formula without the quote prefix
	Rows     [][]string `json:"rows"`
}

// TestOpenpyxlReadsWorkbooks reads every example workbook with openpyxl,
// a reader independent of excelize, and checks each visible sheet: landscape,
// print titles on the header row of its first table, the spans of the
// report merged down in the workbook, a status drop-down wherever a status
// column is, and no formula anywhere.
func TestOpenpyxlReadsWorkbooks(t *testing.T) {
	py := testutil.NeedPython(t, "openpyxl")
	_, books := buildWorkbooks(t)
	args := []string{"-c", openpyxlFacts}
	for _, wb := range books {
		args = append(args, wb.path)
	}
	out, err := exec.Command(py, args...).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	facts := map[string][]sheetFacts{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var f sheetFacts
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("openpyxl output %q: %v", sc.Text(), err)
		}
		facts[f.Path] = append(facts[f.Path], f)
	}
	for _, wb := range books {
		t.Run(filepath.Base(wb.path), func(t *testing.T) {
			sheets := facts[wb.path]
			if len(sheets) == 0 {
				t.Fatal("openpyxl read no sheets")
			}
			bySheet := map[string]sheetFacts{}
			for _, f := range sheets {
				if len(f.Formulas) > 0 {
					t.Errorf("sheet %q: cells hold formulas: %v", f.Sheet, f.Formulas)
				}
				if len(f.Unquoted) > 0 {
					t.Errorf("sheet %q: text cells that start like a formula have no quote prefix: %v", f.Sheet, f.Unquoted)
				}
				bySheet[f.Sheet] = f
			}
			for _, sec := range wb.paper.Doc.Sections {
				f, ok := bySheet[sec.Name]
				if !ok {
					t.Errorf("no sheet %q", sec.Name)
					continue
				}
				checkSheet(t, f, sec)
			}
		})
	}
}

// checkSheet checks one visible sheet against the section it renders.
func checkSheet(t *testing.T, f sheetFacts, sec report.Section) {
	t.Helper()
	if f.State != "visible" {
		t.Errorf("sheet %q is %s", f.Sheet, f.State)
	}
	if f.Orientation != "landscape" {
		t.Errorf("sheet %q: orientation %q, want landscape", f.Sheet, f.Orientation)
	}
	tb := firstTable(sec)
	if tb == nil {
		return
	}
	header, _ := headerRow(f, tb)
	if header == 0 {
		t.Errorf("sheet %q: no row holds the header of table %q", f.Sheet, tb.Name)
	} else if want := fmt.Sprintf("$%d:$%d", header, header); f.PrintTitles != want {
		t.Errorf("sheet %q: print titles %q, want the header row %s", f.Sheet, f.PrintTitles, want)
	}
	status := false
	for _, b := range sec.Blocks {
		if x, ok := b.(*report.Table); ok {
			for _, c := range x.Columns {
				status = status || c.Status
			}
		}
	}
	if status {
		found := false
		for _, v := range f.Validations {
			found = found || (v.Type == "list" && v.Formula != "")
		}
		if !found {
			t.Errorf("sheet %q has a status column but no drop-down list", f.Sheet)
		}
	}
	for _, b := range sec.Blocks {
		if x, ok := b.(*report.Table); ok {
			checkSpans(t, f, x)
			if x.Flat {
				checkFlat(t, f, x)
			}
		}
	}
}

// checkFlat checks a flat table (the register): nothing on the sheet is
// merged, and every cell the report dates is a date in the workbook, with
// a date format, in the column of its title, on its record's row.
func checkFlat(t *testing.T, f sheetFacts, tb *report.Table) {
	t.Helper()
	if len(f.Merged) > 0 {
		t.Errorf("sheet %q holds a flat table but has merged cells: %v", f.Sheet, f.Merged)
	}
	header, cols := headerRow(f, tb)
	if header == 0 {
		return
	}
	got := map[[2]int]string{}
	for _, d := range f.Dates {
		r, _ := d[0].(float64)
		c, _ := d[1].(float64)
		if nf, _ := d[3].(string); !strings.Contains(nf, "yy") {
			t.Errorf("sheet %q: the date at row %v, column %v has number format %q", f.Sheet, d[0], d[1], nf)
		}
		got[[2]int{int(r), int(c)}], _ = d[2].(string)
	}
	want := 0
	row := header
	for _, g := range tb.Groups {
		for _, rw := range g.Rows {
			row++
			for ci, c := range rw.Cells {
				if c.Date.IsZero() {
					continue
				}
				want++
				at := [2]int{row, cols[ci][0]}
				if got[at] != c.Date.Format("2006-01-02") {
					t.Errorf("sheet %q: row %d, column %q: date %q in the workbook, want %s", f.Sheet, row, tb.Columns[ci].Title, got[at], c.Date.Format("2006-01-02"))
				}
			}
		}
	}
	if want != len(got) {
		t.Errorf("sheet %q: %d dates in the workbook, %d in the report", f.Sheet, len(got), want)
	}
}

// headerRow finds the table's header row: the 1-based row whose non-empty
// cells are the column titles in order. It returns the row, or 0, and the
// first and last sheet column (1-based) of each table column, as the
// header cell and its merged range give them.
func headerRow(f sheetFacts, tb *report.Table) (int, [][2]int) {
	for i, r := range f.Rows {
		var cols [][2]int
		k := 0
		match := true
		for j, v := range r {
			if fold(v) == "" {
				continue
			}
			if k >= len(tb.Columns) || fold(v) != fold(tb.Columns[k].Title) {
				match = false
				break
			}
			span := [2]int{j + 1, j + 1}
			for _, m := range f.Merged {
				if m[0] == i+1 && m[1] == j+1 {
					span[1] = m[3]
				}
			}
			cols = append(cols, span)
			k++
		}
		if match && k == len(tb.Columns) {
			return i + 1, cols
		}
	}
	return 0, nil
}

// columnRuns returns the cells of one table column that are merged down,
// as "N rows: first words". A span that a page break cuts is written as
// one merged area (or cell) per page, each with the span's text; with
// joinPieces set, pieces on either side of a page break with the same text
// are counted as one span again.
func columnRuns(f sheetFacts, span [2]int, header, end int, joinPieces bool) []string {
	text := func(r int) string {
		if r-1 < len(f.Rows) && span[0]-1 < len(f.Rows[r-1]) {
			return firstWords(report.Markup(f.Rows[r-1][span[0]-1]).String(), 6)
		}
		return ""
	}
	mergedTo := map[int]int{} // first row → last row of each merged area in the column
	for _, m := range f.Merged {
		if m[1] == span[0] && m[3] == span[1] && m[2] > m[0] && m[0] > header && m[0] <= end {
			mergedTo[m[0]] = m[2]
		}
	}
	type run struct {
		first, last int
		text        string
		merged      bool
	}
	pageEnd := map[int]bool{}
	for _, b := range f.Breaks {
		pageEnd[b] = true
	}
	var runs []run
	for r := header + 1; r <= end; {
		last, merged := r, false
		if to, ok := mergedTo[r]; ok {
			last, merged = to, true
		}
		tx := text(r)
		if n := len(runs); joinPieces && n > 0 && tx != "" && runs[n-1].text == tx && runs[n-1].last == r-1 && pageEnd[r-1] {
			runs[n-1].last, runs[n-1].merged = last, runs[n-1].merged || merged
		} else {
			runs = append(runs, run{first: r, last: last, text: tx, merged: merged})
		}
		r = last + 1
	}
	var out []string
	for _, rn := range runs {
		if rn.last > rn.first {
			s := fmt.Sprintf("%d rows: %s", rn.last-rn.first+1, rn.text)
			if !rn.merged {
				// Unmerged cells joined across a page break: a span cut
				// into single cells, or two cells that only happen to
				// hold the same text ("All CD’s" above and below a break).
				s = "?" + s
			}
			out = append(out, s)
		}
	}
	return out
}

// resolveRuns keeps an uncertain run of columnRuns (marked "?") only where
// it is the report's next span; every certain run is kept.
func resolveRuns(got, want []string) []string {
	var out []string
	j := 0
	for _, g := range got {
		s, unsure := strings.CutPrefix(g, "?")
		if unsure && (j >= len(want) || want[j] != s) {
			continue
		}
		out = append(out, s)
		if j < len(want) && want[j] == s {
			j++
		}
	}
	return out
}

// checkSpans checks that each cell the report spans over several rows is a
// merged range over its column, as tall as the span, holding the cell's
// text: the merged ranges of each column below the table's header match
// the report's spans in number, height, text and order.
func checkSpans(t *testing.T, f sheetFacts, tb *report.Table) {
	t.Helper()
	header, cols := headerRow(f, tb)
	if header == 0 {
		return
	}
	end := header + tb.Rows() + len(tb.Groups) // the last row the table can reach
	for col, span := range cols {
		var want []string
		for _, g := range tb.Groups {
			for _, r := range g.Rows {
				if col < len(r.Cells) && r.Cells[col].Span > 1 {
					want = append(want, fmt.Sprintf("%d rows: %s", r.Cells[col].Span, firstWords(r.Cells[col].Text.String(), 6)))
				}
			}
		}
		got := resolveRuns(columnRuns(f, span, header, end, len(want) > 0), want)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("sheet %q, table %q, column %q: merged ranges\n%s\nwant the report's spans\n%s",
				f.Sheet, tb.Name, tb.Columns[col].Title, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
