package app

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/pdfua"
	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/testutil"
)

// snode is one element of a structure tree as a checker we did not write
// printed it.
type snode struct {
	role  string
	attrs []string // "/Scope /Column", "/RowSpan 5"
	text  []string // the text of its own marked content
	kids  []*snode
}

// readStructText parses the output of poppler's `pdfinfo -struct-text`:
// one element per line, indented two spaces per level, each followed by
// its attributes (lines starting "/") and its text (quoted lines).
func readStructText(t *testing.T, out string) *snode {
	t.Helper()
	root := &snode{role: "(root)"}
	stack := []*snode{root}
	depth := []int{-1}
	for _, raw := range strings.Split(out, "\n") {
		s := strings.TrimLeft(raw, " ")
		if s == "" {
			continue
		}
		ind := len(raw) - len(s)
		for len(depth) > 1 && depth[len(depth)-1] >= ind && !strings.HasPrefix(s, "/") && !strings.HasPrefix(s, `"`) {
			stack, depth = stack[:len(stack)-1], depth[:len(depth)-1]
		}
		top := stack[len(stack)-1]
		switch {
		case strings.HasPrefix(s, "/"):
			top.attrs = append(top.attrs, s)
		case strings.HasPrefix(s, `"`):
			top.text = append(top.text, strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`))
		default:
			role := strings.TrimSuffix(strings.Fields(s)[0], ":")
			n := &snode{role: role}
			top.kids = append(top.kids, n)
			stack, depth = append(stack, n), append(depth, ind)
		}
	}
	return root
}

// walk calls fn on n and every element below it, depth first, in order.
func (n *snode) walk(fn func(n, parent *snode)) {
	var rec func(n, p *snode)
	rec = func(n, p *snode) {
		fn(n, p)
		for _, k := range n.kids {
			rec(k, n)
		}
	}
	rec(n, nil)
}

// words is the text of the tree in reading order, figures left out (a
// figure is read as its alternative text), as single-spaced words.
func (n *snode) words() string {
	var parts []string
	var rec func(n *snode)
	rec = func(n *snode) {
		if n.role == "Figure" {
			return
		}
		parts = append(parts, n.text...)
		for _, k := range n.kids {
			rec(k)
		}
	}
	rec(n)
	return fold(strings.Join(parts, " "))
}

func (n *snode) has(attr string) bool {
	for _, a := range n.attrs {
		if strings.Join(strings.Fields(a), " ") == attr {
			return true
		}
	}
	return false
}

// docWords is the text of a document in reading order, as the PDF
// renderer draws it: headings, paragraphs, "Label: value" lines, the
// status key's title and names, chart titles, and tables (header row,
// then each band and each row's cells, covered cells left out).
func docWords(doc *report.Document) string {
	var parts []string
	text := func(t report.Text) {
		for _, l := range t.Lines {
			if l.Bullet {
				parts = append(parts, "• ")
			}
			for _, r := range l.Runs {
				parts = append(parts, r.Text)
			}
			parts = append(parts, " ")
		}
	}
	var block func(b report.Block)
	block = func(b report.Block) {
		switch x := b.(type) {
		case *report.Heading:
			text(x.Text)
		case *report.Paragraph:
			text(x.Text)
		case *report.Fields:
			for _, it := range x.Items {
				if l := strings.TrimSpace(it.Label); l != "" {
					if !strings.HasSuffix(l, ":") {
						l += ":"
					}
					parts = append(parts, l, " ")
				}
				text(it.Value)
			}
		case *report.StatusKey:
			parts = append(parts, x.Title)
			for _, st := range doc.Statuses {
				parts = append(parts, " ", st.Label())
			}
		case *report.Chart:
			parts = append(parts, " ", x.Title, " ")
			if len(x.Categories) > 0 {
				data := x.DataTable()
				block(&report.Paragraph{Text: report.Plain(data.Name)})
				block(data)
			}
		case *report.Table:
			for _, c := range x.Columns {
				parts = append(parts, " ", c.Title, " ")
			}
			if x.Rows() == 0 {
				parts = append(parts, " ", x.Empty, " ")
			}
			for _, g := range x.Groups {
				text(g.Band)
				for _, r := range g.Rows {
					for _, c := range r.Cells {
						if !c.Covered {
							text(c.Text)
						}
					}
				}
			}
		default:
			panic(fmt.Sprintf("docWords: no rule for %T", b))
		}
	}
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			block(b)
		}
	}
	return fold(strings.Join(parts, ""))
}

// paperTitles are titles the papers must have, by output file.
var paperTitles = map[string]string{
	"Appendix 1A - Childrens Services Leadership and Governance": "Appendix 1 (A) – Children’s Services Leadership and Governance",
	"Appendix 1B - Amey Lessons Learned":                         "Appendix 1 (B) – Amey Lessons Learned",
	"CMT briefing - March 2018":                                  "Briefing for the Corporate Management Team – Annual Governance Statement Action Plan 2017-18 – March 2018",
}

var pdfVersion = regexp.MustCompile(`(?m)^PDF version:\s+(\S+)`)

// TestPapersTagged builds every example and reads each PDF's structure
// back with poppler: the file says it is tagged and is PDF 1.7, qpdf
// finds nothing wrong, the PDF/UA-1 checker (package pdfua) neither, the tree has the shape the document has (a Sect
// per section, tables with a header row of TH cells with a scope, a body
// with a row per band and per table row, spans as RowSpan, a figure with
// no text outside it), headings start at H1 and never skip a level, and
// its text, in order, is the paper's text, word for word. pdf.js then
// reads each file too (see pdfJS).
func TestPapersTagged(t *testing.T) {
	testutil.NeedTool(t, "pdfinfo")
	testutil.NeedTool(t, "qpdf")
	for name, job := range examples {
		t.Run(name, func(t *testing.T) {
			b := buildExample(t, job)
			titles := map[string]string{}
			for _, pp := range b.papers {
				if other, ok := titles[pp.Doc.Meta.Title]; ok {
					t.Errorf("papers %q and %q have the same title %q", other, pp.Output.File, pp.Doc.Meta.Title)
				}
				titles[pp.Doc.Meta.Title] = pp.Output.File
				if want := paperTitles[pp.Output.File]; want != "" && pp.Doc.Meta.Title != want {
					t.Errorf("%s: title %q, want %q", pp.Output.File, pp.Doc.Meta.Title, want)
				}
				if !hasFormat(pp, "pdf") {
					continue
				}
				t.Run(pp.Output.File, func(t *testing.T) {
					checkTagged(t, b.path(pp, "pdf"), pp.Doc)
					t.Run("pdf.js", func(t *testing.T) { pdfJS(t, b.path(pp, "pdf"), pp.Doc) })
				})
			}
		})
	}
}

func checkTagged(t *testing.T, path string, doc *report.Document) {
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	if !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).Match(info) {
		t.Errorf("pdfinfo does not see a tagged file:\n%s", info)
	}
	if m := regexp.MustCompile(`(?m)^Title:\s+(.*)$`).FindSubmatch(info); m == nil || string(m[1]) != doc.Meta.Title {
		t.Errorf("the file's title is not the paper's (%q):\n%s", doc.Meta.Title, info)
	}
	if m := pdfVersion.FindSubmatch(info); m == nil || string(m[1]) != "1.7" {
		t.Errorf("PDF version is not 1.7:\n%s", info)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil || strings.Contains(string(out), "WARNING") {
		t.Errorf("qpdf --check %s: %v\n%s", filepath.Base(path), err, out)
	}
	fails, err := pdfua.Check(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fails {
		t.Errorf("PDF/UA-1: %s", f)
	}
	out, err := exec.Command("pdfinfo", "-struct-text", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo -struct-text: %v", err)
	}
	root := readStructText(t, string(out))
	if len(root.kids) != 1 || root.kids[0].role != "Document" {
		t.Fatalf("the tree does not start with one Document:\n%s", out)
	}
	docEl := root.kids[0]
	if len(docEl.kids) != len(doc.Sections) {
		t.Errorf("%d elements under Document, want a Sect for each of the %d sections", len(docEl.kids), len(doc.Sections))
	}
	for _, k := range docEl.kids {
		if k.role != "Sect" {
			t.Errorf("%s under Document, want only Sect", k.role)
		}
	}

	// Tables, figures and headings as the document has them.
	var tables []*report.Table
	charts := 0
	for _, s := range doc.Sections {
		for _, bl := range s.Blocks {
			switch x := bl.(type) {
			case *report.Table:
				tables = append(tables, x)
			case *report.Chart:
				charts++
				if len(x.Categories) > 0 {
					tables = append(tables, x.DataTable()) // its numbers, after it
				}
			}
		}
	}
	var gotTables []*snode
	figures, last, h1s := 0, 0, 0
	root.walk(func(n, p *snode) {
		switch n.role {
		case "Table":
			gotTables = append(gotTables, n)
		case "Figure":
			figures++
		case "H1", "H2", "H3", "H4", "H5", "H6":
			level := int(n.role[1] - '0')
			if level == 1 {
				h1s++
			}
			if level > last+1 {
				t.Errorf("heading %s %q follows H%d: a level is skipped", n.role, strings.Join(n.text, " "), last)
			}
			last = level
		case "TH":
			if !n.has("/Scope /Column") && !n.has("/Scope /Row") {
				t.Errorf("header cell %q has no scope", strings.Join(n.text, " "))
			}
		}
		if (n.role == "TD" || n.role == "TH") && (p == nil || p.role != "TR") {
			t.Errorf("%s outside a TR", n.role)
		}
	})
	if h1s != 1 {
		t.Errorf("%d H1 headings, want one, the paper's title", h1s)
	}
	if figures != charts {
		t.Errorf("%d figures, want one per chart (%d)", figures, charts)
	}
	if len(gotTables) != len(tables) {
		t.Fatalf("%d tables in the tree, %d in the paper", len(gotTables), len(tables))
	}
	for i, tb := range gotTables {
		want := tables[i]
		if len(tb.kids) != 2 || tb.kids[0].role != "THead" || tb.kids[1].role != "TBody" {
			t.Errorf("table %d: want THead and TBody, got %d parts", i+1, len(tb.kids))
			continue
		}
		head := tb.kids[0]
		if len(head.kids) != 1 || len(head.kids[0].kids) != max(1, len(want.Columns)) {
			t.Errorf("table %d: the header row does not have a TH per column (%d)", i+1, len(want.Columns))
		}
		rows, spans := 0, 0
		for _, g := range want.Groups {
			if !g.Band.IsEmpty() {
				rows++
			}
			rows += len(g.Rows)
			for _, r := range g.Rows {
				for _, c := range r.Cells {
					if c.Span > 1 {
						spans++
					}
				}
			}
		}
		if want.Rows() == 0 && want.Empty != "" {
			rows++
		}
		if got := len(tb.kids[1].kids); got != rows {
			t.Errorf("table %d: %d rows in TBody, want %d (bands and rows)", i+1, got, rows)
		}
		gotSpans := 0
		tb.walk(func(n, _ *snode) {
			for _, a := range n.attrs {
				if strings.HasPrefix(a, "/RowSpan") {
					gotSpans++
				}
			}
		})
		if gotSpans > spans || (spans > 0 && gotSpans == 0) {
			t.Errorf("table %d: %d cells with a RowSpan, the paper has %d spanning cells", i+1, gotSpans, spans)
		}
	}

	if got, want := root.words(), docWords(doc); got != want {
		gw, ww := strings.Fields(got), strings.Fields(want)
		i := 0
		for i < len(gw) && i < len(ww) && gw[i] == ww[i] {
			i++
		}
		t.Errorf("the tree's text differs from the paper's at word %d:\n tree:  …%s…\n paper: …%s…",
			i, strings.Join(gw[max(0, i-8):min(len(gw), i+8)], " "), strings.Join(ww[max(0, i-8):min(len(ww), i+8)], " "))
	}
}

// pdfjsNode is a structure element or a marked-content text as pdf.js
// reads it (see checks/pdfstruct.mjs).
type pdfjsNode struct {
	Role     string      `json:"role"`
	Alt      string      `json:"alt"`
	Text     *string     `json:"text"`
	Children []pdfjsNode `json:"children"`
}

// pdfjsDoc is what checks/pdfstruct.mjs prints.
type pdfjsDoc struct {
	Title        string `json:"title"`
	Language     string `json:"language"`
	PDFUAPart    string `json:"pdfuaPart"`
	XMPTitle     string `json:"xmpTitle"`
	DisplayTitle *bool  `json:"displayTitle"`
	Pages        []struct {
		Tree *pdfjsNode `json:"tree"`
	} `json:"pages"`
}

// words appends the node's text, figures left out, and counts figures
// without alternative text.
func (n *pdfjsNode) words(out *[]string, noAlt *int) {
	if n.Text != nil {
		*out = append(*out, strings.Fields(*n.Text)...)
		return
	}
	if n.Role == "Figure" {
		if strings.TrimSpace(n.Alt) == "" {
			*noAlt++
		}
		return
	}
	for i := range n.Children {
		n.Children[i].words(out, noAlt)
	}
}

// pdfJS reads the PDF at path with pdf.js (the npm package pdfjs-dist,
// run with node by checks/pdfstruct.mjs), a second reader we did not
// write, and checks what it reads: the title, language, PDF/UA identifier
// and "display the title" flag are the paper's; every page has a
// structure tree under a Document; figures have alternative text; and the
// text of the trees is the paper's text: each page's words are in the
// paper's reading order, and all pages together hold every word of the
// paper once (a row split across pages is read a page at a time, so the
// pages are compared in order, not joined).
func pdfJS(t *testing.T, path string, doc *report.Document) {
	checks := testutil.NeedNodeModules(t, "../../checks", "pdfjs-dist")
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "pdfstruct.mjs", abs)
	cmd.Dir = checks
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node pdfstruct.mjs: %v\n%s", err, stderrOf(err))
	}
	var got pdfjsDoc
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	checkPdfJS(t, &got, doc)
}

func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

func checkPdfJS(t *testing.T, got *pdfjsDoc, doc *report.Document) {
	t.Helper()
	if got.Title != doc.Meta.Title || got.XMPTitle != doc.Meta.Title {
		t.Errorf("title %q, XMP title %q; want %q", got.Title, got.XMPTitle, doc.Meta.Title)
	}
	if got.Language != doc.Meta.Language {
		t.Errorf("language %q, want %q", got.Language, doc.Meta.Language)
	}
	if got.PDFUAPart != "1" {
		t.Errorf("PDF/UA part %q, want 1", got.PDFUAPart)
	}
	if got.DisplayTitle == nil || !*got.DisplayTitle {
		t.Error("the viewer is not asked to show the title")
	}
	want := strings.Fields(docWords(doc))
	left := map[string]int{}
	for _, w := range want {
		left[w]++
	}
	noAlt := 0
	for i, p := range got.Pages {
		if p.Tree == nil || len(p.Tree.Children) != 1 || p.Tree.Children[0].Role != "Document" {
			t.Errorf("page %d: no structure tree under a Document", i+1)
			continue
		}
		var words []string
		p.Tree.words(&words, &noAlt)
		// The page's words must come in the paper's order.
		k := 0
		for _, w := range words {
			for k < len(want) && want[k] != w {
				k++
			}
			if k == len(want) {
				t.Errorf("page %d: %q is out of the paper's reading order (or not the paper's)", i+1, w)
				break
			}
			k++
		}
		for _, w := range words {
			left[w]--
		}
	}
	if noAlt > 0 {
		t.Errorf("%d figures without alternative text", noAlt)
	}
	var diff []string
	for w, n := range left {
		if n != 0 {
			diff = append(diff, fmt.Sprintf("%q %+d", w, -n))
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Errorf("pdf.js reads words a different number of times than the paper has them (read − printed): %s",
			strings.Join(diff[:min(len(diff), 20)], ", "))
	}
}

// TestHTMLPapersAxe builds every example and checks every HTML paper with
// axe-core in Debian's headless Chromium (checks/axe.mjs): no violation
// of the WCAG 2.0, 2.1 or 2.2 level A and AA rules. Each page also has
// one <h1>, the paper's own <title> and the job's language.
func TestHTMLPapersAxe(t *testing.T) {
	checks := testutil.NeedNodeModules(t, "../../checks", "axe-core", "puppeteer-core")
	testutil.NeedTool(t, "chromium")
	var paths []string
	for name, job := range examples {
		b := buildExample(t, job)
		for _, pp := range b.papers {
			if !hasFormat(pp, "html") {
				continue
			}
			path, err := filepath.Abs(b.path(pp, "html"))
			if err != nil {
				t.Fatal(err)
			}
			paths = append(paths, path)
			page, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s := string(page)
			if n := strings.Count(s, "<h1"); n != 1 {
				t.Errorf("%s/%s: %d <h1> elements, want one", name, pp.Output.File, n)
			}
			if want := "<title>" + htmlEscape(pp.Doc.Meta.Title) + "</title>"; !strings.Contains(s, want) {
				t.Errorf("%s/%s: no %s", name, pp.Output.File, want)
			}
			if want := `<html lang="` + pp.Doc.Meta.Language + `"`; !strings.Contains(s, want) {
				t.Errorf("%s/%s: no %s", name, pp.Output.File, want)
			}
		}
	}
	if len(paths) == 0 {
		t.Fatal("no example writes an HTML paper")
	}
	sort.Strings(paths)
	cmd := exec.Command("node", append([]string{"axe.mjs"}, paths...)...)
	cmd.Dir = checks
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node axe.mjs: %v\n%s", err, stderrOf(err))
	}
	var results []struct {
		File       string `json:"file"`
		Passes     int    `json:"passes"`
		Violations []struct {
			ID    string `json:"id"`
			Help  string `json:"help"`
			Nodes []struct {
				Target  string `json:"target"`
				Summary string `json:"summary"`
			} `json:"nodes"`
		} `json:"violations"`
	}
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatal(err)
	}
	if len(results) != len(paths) {
		t.Fatalf("axe checked %d pages of %d", len(results), len(paths))
	}
	for _, r := range results {
		if r.Passes == 0 {
			t.Errorf("%s: axe ran no rule", filepath.Base(r.File))
		}
		for _, v := range r.Violations {
			for _, n := range v.Nodes {
				t.Errorf("%s: %s (%s) at %s: %s", filepath.Base(r.File), v.ID, v.Help, n.Target, n.Summary)
			}
		}
	}
}

// htmlEscape escapes text as the HTML renderer does in element content.
func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
