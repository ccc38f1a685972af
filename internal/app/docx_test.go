package app

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/testutil"
)

// buildWordPapers builds every example and copies each .docx it writes
// into one folder, so that one soffice or python-docx run reads them all.
func buildWordPapers(t *testing.T) (string, []workbook) {
	t.Helper()
	return buildPapers(t, "docx")
}

// runsText is a text's words without markup or bullets.
func runsText(t report.Text) string {
	var parts []string
	for _, l := range t.Lines {
		for _, r := range l.Runs {
			parts = append(parts, r.Text)
		}
	}
	return fold(strings.Join(parts, " "))
}

// TestLibreOfficePrintsWordPapers prints every example Word paper to PDF
// with LibreOffice, as a clerk's desk printer would, and checks that every
// action ref, status and progress text is on paper, that no word of the
// paper is lost, that every page is landscape A4 with "Page N of M" when the
// footer asks for it, and that every page showing an action's row shows
// the header row of a table holding such rows.
func TestLibreOfficePrintsWordPapers(t *testing.T) {
	soffice := testutil.NeedTool(t, "soffice")
	testutil.NeedTool(t, "pdftotext")
	testutil.NeedTool(t, "pdfinfo")
	dir, papers := buildWordPapers(t)
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir}
	for _, p := range papers {
		args = append(args, p.path)
	}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, wp := range papers {
		t.Run(filepath.Base(wp.path), func(t *testing.T) {
			pdf := strings.TrimSuffix(wp.path, ".docx") + ".pdf"
			pages := pdfPages(t, pdf, "-layout")
			rawPages := pdfPages(t, pdf, "-raw")
			raw := fold(strings.Join(rawPages, " "))
			if n := pdfPageCount(t, pdf); n != len(pages) {
				t.Fatalf("pdfinfo counts %d pages, pdftotext %d", n, len(pages))
			}
			out, err := exec.Command("pdfinfo", pdf).Output()
			if err != nil {
				t.Fatal(err)
			}
			if !regexp.MustCompile(`Page size:\s+841\.[89]\d* x 595\.[23]\d* pts \(A4\)`).Match(out) {
				t.Errorf("not landscape A4: %s", regexp.MustCompile(`Page size:.*`).Find(out))
			}
			for _, w := range printedWords(t, wp) {
				if !strings.Contains(raw, w) {
					t.Errorf("%q is not printed", w)
				}
			}
			if miss := missingWords(docTexts(wp.paper.Doc), strings.Join(pages, " ")); len(miss) > 0 {
				t.Errorf("words of the paper LibreOffice does not print: %q", miss[:min(len(miss), 20)])
			}
			checkProgressPrinted(t, wp, raw, rawPages)
			if strings.Contains(wp.paper.Doc.Footer.Centre, "{pages}") {
				for i, pg := range pages {
					if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(pg, want) {
						t.Errorf("page %d lacks %q", i+1, want)
					}
				}
			}
			checkWordHeaders(t, wp, pages)
		})
	}
}

// checkProgressPrinted checks that the progress text of every action a
// paper with a progress column reports is printed whole. Word lets a long
// row break across pages, so words may continue on the next page, after
// its running header and header row.
func checkProgressPrinted(t *testing.T, wp workbook, raw string, pages []string) {
	t.Helper()
	switch wp.paper.Output.Template {
	case "appendix-a", "appendix-b", "briefing":
	default:
		return
	}
	l, pp := wp.built.loaded, wp.paper
	period := pp.Output.Period
	if period == "" {
		period = l.Plan.Current
	}
	checked := 0
	for _, is := range selectedIssues(t, l.Plan, pp) {
		for _, a := range is.Actions {
			_, progress, _ := l.Plan.StateAt(a, period)
			text := runsText(report.Markup(progress))
			if text == "" {
				continue
			}
			checked++
			for _, part := range []string{firstWords(text, 6), lastWords(text, 6)} {
				if !strings.Contains(raw, part) && !acrossPages(pages, part) {
					t.Errorf("action %q: progress %q is not printed", a.Ref, part)
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no progress text to check")
	}
}

// checkWordHeaders checks that every page showing an action's ref in a
// table shows the header row of a table holding that action, and, for a
// paper of one section and one table running over several pages, that
// every page after the first shows its header row.
func checkWordHeaders(t *testing.T, wp workbook, pages []string) {
	t.Helper()
	d := wp.paper.Doc
	var refs []string
	for _, is := range selectedIssues(t, wp.built.loaded.Plan, wp.paper) {
		for _, a := range is.Actions {
			refs = append(refs, fold(a.Ref))
		}
	}
	// holders lists, by ref, the tables with a cell starting with the ref.
	holders := map[string][]*report.Table{}
	for _, sec := range d.Sections {
		for _, b := range sec.Blocks {
			tb, ok := b.(*report.Table)
			if !ok || len(tb.Columns) == 0 {
				continue
			}
			for _, g := range tb.Groups {
				for _, r := range g.Rows {
					for _, c := range r.Cells {
						text := fold(c.Text.String())
						for _, ref := range refs {
							if text == ref || strings.HasPrefix(text, ref+" ") {
								holders[ref] = append(holders[ref], tb)
							}
						}
					}
				}
			}
		}
	}
	checked := 0
	for i, pg := range pages {
		shown := false
		found := false
		for ref, tbs := range holders {
			// A ref starts a line or a column of the page's layout text.
			if !regexp.MustCompile(`(?m)(^|\s\s)` + regexp.QuoteMeta(ref) + `(\s|$)`).MatchString(pg) {
				continue
			}
			shown = true
			for _, tb := range tbs {
				found = found || headerLine(tb).MatchString(pg) || hasWords(pg, tb)
			}
		}
		if !shown {
			continue
		}
		checked++
		if !found {
			t.Errorf("page %d of %d shows action rows but no header row of their table", i+1, len(pages))
		}
	}
	if len(d.Sections) == 1 && len(pages) > 1 {
		if tb := firstTable(d.Sections[0]); tb != nil && tb == lastTable(d) {
			for i, pg := range pages[1:] {
				if !headerLine(tb).MatchString(pg) && !hasWords(pg, tb) {
					t.Errorf("page %d of %d lacks the table header row", i+2, len(pages))
				}
			}
		}
	}
	t.Logf("%d of %d pages show action rows, each under a header row", checked, len(pages))
}

// pythonDocxFacts prints one JSON line per Word file: its properties, page
// setup of each section, running header and footer text, headings with
// their style names, and every table's rows with each row's repeat-header
// flag and each cell's grid span, vertical merge, fill and text.
const pythonDocxFacts = `
import sys, json, io, zipfile, docx, openpyxl
from docx.oxml.ns import qn
from docx.table import _Cell
for path in sys.argv[1:]:
    d = docx.Document(path)
    books = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if n.startswith("word/embeddings/")):
            ws = openpyxl.load_workbook(io.BytesIO(z.read(name))).worksheets[0]
            books.append([["" if c.value is None else str(c.value) for c in row] for row in ws.iter_rows()])
    cp = d.core_properties
    secs = []
    for s in d.sections:
        secs.append({"orientation": int(s.orientation), "width": s.page_width, "height": s.page_height,
                     "margins": [s.top_margin, s.right_margin, s.bottom_margin, s.left_margin],
                     "header": "\n".join(p.text for p in s.header.paragraphs),
                     "footer": "\n".join(p.text for p in s.footer.paragraphs),
                     "fields": [e.text.strip() for e in s.footer._element.iter(qn("w:instrText"))]})
    tables = []
    for t in d.tables:
        rows = []
        for r in t.rows:
            trPr = r._tr.trPr
            cells = []
            for tc in r._tr.tc_lst:
                shd = tc.find(qn("w:tcPr") + "/" + qn("w:shd"))
                cells.append({"span": tc.grid_span, "vmerge": tc.vMerge or "",
                              "fill": "" if shd is None else shd.get(qn("w:fill")),
                              "text": _Cell(tc, t).text})
            rows.append({"header": trPr is not None and trPr.find(qn("w:tblHeader")) is not None, "cells": cells})
        tables.append(rows)
    print(json.dumps({"path": path, "title": cp.title, "language": cp.language, "author": cp.author,
                      "sections": secs,
                      "headings": [[p.style.name, p.text] for p in d.paragraphs if p.style.name.startswith("Heading")],
                      "bullets": sum(1 for p in d.element.body.iter(qn("w:numPr"))),
                      "chart_books": books,
                      "tables": tables}))
`

// wordRow is a table row as python-docx reads it: whether it repeats as a
// header, and each cell's grid span, vertical merge, fill and text.
type wordRow struct {
	Header bool `json:"header"`
	Cells  []struct {
		Span   int    `json:"span"`
		VMerge string `json:"vmerge"`
		Fill   string `json:"fill"`
		Text   string `json:"text"`
	} `json:"cells"`
}

// wordFacts is what python-docx reports of one Word file.
type wordFacts struct {
	Path     string `json:"path"`
	Title    string `json:"title"`
	Language string `json:"language"`
	Author   string `json:"author"`
	Sections []struct {
		Orientation int      `json:"orientation"`
		Width       int64    `json:"width"`
		Height      int64    `json:"height"`
		Margins     [4]int64 `json:"margins"` // EMU: top, right, bottom, left
		Header      string   `json:"header"`
		Footer      string   `json:"footer"`
		Fields      []string `json:"fields"`
	} `json:"sections"`
	Headings [][2]string `json:"headings"`
	Bullets  int         `json:"bullets"`
	// ChartBooks are the cells of each chart's embedded workbook, in
	// chart order, as openpyxl reads them.
	ChartBooks [][][]string `json:"chart_books"`
	Tables     [][]wordRow  `json:"tables"`
}

// TestPythonDocxReadsWordPapers reads every example Word paper with
// python-docx, a reader we did not write, and checks it against the
// composed document: title, language and author; one landscape page setup
// per section with the template's margins; the running header and the
// footer's page fields; every heading in a built-in Heading style at the
// level report.PlanDocument gives; and every table (the chart's data
// tables included) with its header row marked to repeat, its bands as
// full-width cells, its spanning cells merged down over as many rows, and
// every status cell showing its status word in its colour.
func TestPythonDocxReadsWordPapers(t *testing.T) {
	py := testutil.NeedPython(t, "docx")
	_, papers := buildWordPapers(t)
	args := []string{"-c", pythonDocxFacts}
	for _, p := range papers {
		args = append(args, p.path)
	}
	out, err := exec.Command(py, args...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("python-docx: %v\n%s%s", err, out, stderr)
	}
	facts := map[string]wordFacts{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var f wordFacts
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("python-docx output %q: %v", sc.Text(), err)
		}
		facts[f.Path] = f
	}
	for _, wp := range papers {
		t.Run(filepath.Base(wp.path), func(t *testing.T) {
			f, ok := facts[wp.path]
			if !ok {
				t.Fatal("python-docx read nothing")
			}
			checkWordFacts(t, f, wp.paper.Doc)
		})
	}
}

// checkWordFacts compares what python-docx read with the document.
func checkWordFacts(t *testing.T, f wordFacts, d *report.Document) {
	t.Helper()
	if f.Title != d.Meta.Title || f.Author != d.Meta.Author || f.Language != d.Meta.Language {
		t.Errorf("properties: title %q, author %q, language %q; want %q, %q, %q",
			f.Title, f.Author, f.Language, d.Meta.Title, d.Meta.Author, d.Meta.Language)
	}
	if len(f.Sections) != len(d.Sections) {
		t.Errorf("%d Word sections, want one per report section (%d)", len(f.Sections), len(d.Sections))
	}
	emu := func(mm float64) int64 { return int64(mm * 36000) }
	m := d.Page.Margins
	for i, s := range f.Sections {
		if s.Orientation != 1 || s.Width <= s.Height {
			t.Errorf("section %d: orientation %d, %d × %d EMU: not landscape", i+1, s.Orientation, s.Width, s.Height)
		}
		for k, want := range []float64{m.Top, m.Right, m.Bottom, m.Left} {
			if diff := s.Margins[k] - emu(want); diff < -1000 || diff > 1000 {
				t.Errorf("section %d: margin %d is %d EMU, want %g mm", i+1, k, s.Margins[k], want)
			}
		}
		wantHeader := strings.Join([]string{d.Header.Left, d.Header.Centre, d.Header.Right}, "\t")
		if d.Header.Empty() {
			wantHeader = ""
		}
		if fold(s.Header) != fold(wantHeader) {
			t.Errorf("section %d: header %q, want %q", i+1, s.Header, wantHeader)
		}
		if strings.Contains(d.Footer.Centre, "{pages}") && strings.Join(s.Fields, ",") != "PAGE,NUMPAGES" {
			t.Errorf("section %d: footer fields %q, want PAGE and NUMPAGES", i+1, s.Fields)
		}
	}
	var headings [][2]string
	bullets := 0
	countBullets := func(tx report.Text) {
		for _, l := range tx.Lines {
			if l.Bullet {
				bullets++
			}
		}
	}
	type wantTable struct {
		tb    *report.Table
		chart bool
	}
	var tables []wantTable
	var books [][][]string
	plans := report.PlanDocument(d)
	for s, sec := range d.Sections {
		hp := plans[s]
		for i, b := range sec.Blocks {
			switch x := b.(type) {
			case *report.Heading:
				if lv := hp.Level[i]; lv > 0 && !x.Text.IsEmpty() {
					for _, l := range x.Text.Lines {
						headings = append(headings, [2]string{fmt.Sprintf("Heading %d", lv), runsText(report.Text{Lines: []report.Line{l}})})
					}
				}
			case *report.Paragraph:
				countBullets(x.Text)
			case *report.Fields:
				for _, fl := range x.Items {
					countBullets(fl.Value)
				}
			case *report.Table:
				if len(x.Columns) > 0 {
					tables = append(tables, wantTable{tb: x})
				}
				for _, g := range x.Groups {
					countBullets(g.Band)
					for _, r := range g.Rows {
						for _, c := range r.Cells {
							if !c.Covered {
								countBullets(c.Text)
							}
						}
					}
				}
			case *report.Chart:
				if len(x.Categories) > 0 {
					tables = append(tables, wantTable{chart: true, tb: &report.Table{Columns: make([]report.Column, len(x.Series)+2)}})
					books = append(books, chartBook(x))
				}
			}
		}
	}
	var got [][2]string
	for _, h := range f.Headings {
		got = append(got, [2]string{h[0], fold(h[1])})
	}
	if fmt.Sprint(got) != fmt.Sprint(headings) {
		t.Errorf("headings\n%q\nwant\n%q", got, headings)
	}
	if fmt.Sprintf("%q", f.ChartBooks) != fmt.Sprintf("%q", books) {
		t.Errorf("charts' embedded workbooks\n%q\nwant\n%q", f.ChartBooks, books)
	}
	if f.Bullets != bullets {
		t.Errorf("%d list paragraphs, want one per bullet line (%d)", f.Bullets, bullets)
	}
	if len(f.Tables) != len(tables) {
		t.Fatalf("%d tables, want %d", len(f.Tables), len(tables))
	}
	for i, wt := range tables {
		rows := f.Tables[i]
		n := len(wt.tb.Columns)
		if len(rows) == 0 || !rows[0].Header {
			t.Errorf("table %d: the first row is not a repeating header row", i+1)
			continue
		}
		for j, r := range rows[1:] {
			if r.Header {
				t.Errorf("table %d: row %d is marked as a header row", i+1, j+2)
			}
		}
		if wt.chart {
			continue
		}
		var titles []string
		for _, c := range rows[0].Cells {
			titles = append(titles, fold(c.Text))
		}
		var want []string
		for _, c := range wt.tb.Columns {
			want = append(want, fold(c.Title))
		}
		if fmt.Sprint(titles) != fmt.Sprint(want) {
			t.Errorf("table %d: header %q, want %q", i+1, titles, want)
		}
		checkWordTable(t, i+1, rows[1:], wt.tb, d, n)
	}
}

// chartBook is the sheet a chart's embedded workbook must hold: series
// names across the first row from B1, categories down column A, values
// between.
func chartBook(ch *report.Chart) [][]string {
	head := []string{""}
	for _, s := range ch.Series {
		head = append(head, s.Name)
	}
	out := [][]string{head}
	for i, c := range ch.Categories {
		row := []string{c}
		for _, s := range ch.Series {
			row = append(row, report.FormatValue(s.Value(i)))
		}
		out = append(out, row)
	}
	return out
}

// checkWordTable checks a table's rows below its header: one full-width
// cell per band, one cell per column in other rows, spans as vertical
// merges, and status cells.
func checkWordTable(t *testing.T, num int, rows []wordRow, tb *report.Table, d *report.Document, n int) {
	t.Helper()
	fills := map[string]string{}
	for _, s := range d.Statuses {
		fills[s.Name] = strings.ToUpper(strings.TrimPrefix(s.Colour, "#"))
	}
	k := 0
	next := func() (int, bool) {
		if k >= len(rows) {
			t.Errorf("table %d: %d rows below the header, want more", num, len(rows))
			return 0, false
		}
		k++
		return k - 1, true
	}
	for _, g := range tb.Groups {
		if !g.Band.IsEmpty() {
			i, ok := next()
			if !ok {
				return
			}
			if c := rows[i].Cells; len(c) != 1 || c[0].Span != n || fold(c[0].Text) != runsText(g.Band) {
				t.Errorf("table %d, row %d: band %q is not one cell across %d columns: %+v", num, i+2, runsText(g.Band), n, c)
			}
		}
		for _, r := range g.Rows {
			i, ok := next()
			if !ok {
				return
			}
			cells := rows[i].Cells
			if len(cells) != n {
				t.Errorf("table %d, row %d: %d cells, want %d", num, i+2, len(cells), n)
				continue
			}
			for c, cell := range r.Cells[:min(n, len(r.Cells))] {
				got := cells[c]
				switch {
				case cell.Covered:
					if got.VMerge != "continue" {
						t.Errorf("table %d, row %d, column %d: covered cell has vMerge %q, want continue", num, i+2, c+1, got.VMerge)
					}
				case cell.Span > 1:
					if got.VMerge != "restart" {
						t.Errorf("table %d, row %d, column %d: spanning cell has vMerge %q, want restart", num, i+2, c+1, got.VMerge)
					}
				default:
					if got.VMerge != "" {
						t.Errorf("table %d, row %d, column %d: vMerge %q on a single cell", num, i+2, c+1, got.VMerge)
					}
				}
				if cell.Covered {
					continue
				}
				want := runsText(cell.Text)
				if want == "" {
					want = cell.Status
				}
				if fold(got.Text) != want {
					t.Errorf("table %d, row %d, column %d: text %q, want %q", num, i+2, c+1, firstWords(got.Text, 8), firstWords(want, 8))
				}
				if cell.Status != "" && fills[cell.Status] != "" && got.Fill != fills[cell.Status] {
					t.Errorf("table %d, row %d, column %d: status %q filled %q, want %q", num, i+2, c+1, cell.Status, got.Fill, fills[cell.Status])
				}
			}
		}
	}
	if t.Failed() {
		return
	}
	if k != len(rows) && !(tb.Rows() == 0 && k == len(rows)-1) {
		t.Errorf("table %d: %d rows below the header, want %d", num, len(rows), k)
	}
}

// acrossPages reports whether the words of part are printed at the end of
// one page and the start of the next: the first words on the one, the rest
// on the other.
func acrossPages(pages []string, part string) bool {
	w := strings.Fields(part)
	for i := 0; i+1 < len(pages); i++ {
		this, next := fold(pages[i]), fold(pages[i+1])
		for k := 1; k < len(w); k++ {
			if strings.Contains(this, strings.Join(w[:k], " ")) && strings.Contains(next, strings.Join(w[k:], " ")) {
				return true
			}
		}
	}
	return false
}
