package pdfua

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/render/pdf"
	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/report/reporttest"
	"github.com/agsreport/agsreport/internal/testutil"
)

// everyBlock is one document holding every block type, under an H1 and
// an H2, so that every rule has something to look at.
func everyBlock() *report.Document {
	doc := reporttest.Base("Every block")
	blocks := reporttest.EveryBlock()
	names := make([]string, 0, len(blocks))
	for n := range blocks {
		names = append(names, n)
	}
	sort.Strings(names)
	sec := report.Section{Name: "All", Blocks: []report.Block{
		&report.Heading{Level: 1, Text: report.Plain("Every block")},
		&report.Heading{Level: 2, Text: report.Plain("In one paper")},
	}}
	for _, n := range names {
		for _, s := range blocks[n].Sections {
			sec.Blocks = append(sec.Blocks, s.Blocks...)
		}
	}
	doc.Sections = []report.Section{sec}
	return doc
}

func render(t *testing.T, doc *report.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := pdf.Render(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func check(t *testing.T, data []byte) []Failure {
	t.Helper()
	p := filepath.Join(t.TempDir(), "paper.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	fs, err := Check(p)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// TestRenderedPapersPass checks every shared test document, and one with
// every block type, as the PDF renderer writes them.
func TestRenderedPapersPass(t *testing.T) {
	testutil.NeedTool(t, "qpdf")
	cases := append(reporttest.Cases(), reporttest.Case{Name: "every-block", Doc: everyBlock()})
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			for _, f := range check(t, render(t, c.Doc)) {
				t.Error(f)
			}
		})
	}
}

// TestBrokenPapersFail breaks a good paper in one place at a time (in the
// file as qpdf rewrites it with every object and stream plain, keeping
// every byte offset), and expects the checker to name the rule broken: a
// checker that cannot fail would prove nothing.
func TestBrokenPapersFail(t *testing.T) {
	testutil.NeedTool(t, "qpdf")
	good := render(t, everyBlock())
	if fs := check(t, good); len(fs) != 0 {
		t.Fatalf("the unbroken paper fails: %v", fs)
	}
	fpdfEnd := bytes.Index(good, []byte("%%EOF\n")) + len("%%EOF\n")
	cases := []struct {
		name     string
		from, to string // first occurrence replaced, same length
		cut      int    // or the file cut to this length
		rule     string
		all      bool // replace every occurrence
	}{
		{"figure without alternative text", "/Alt <", "/Xlt <", 0, "13-004", false},
		{"heading level skipped", "/S /H2\n", "/S /H4\n", 0, "14-003", false},
		{"first heading not H1", "/S /H1\n", "/S /H3\n", 0, "14-002", false},
		{"header cell without scope", "/Scope /Column", "/Scopx /Column", 0, "15-003", false},
		{"title not displayed", "/DisplayDocTitle true", "/DisplayDocTitle fals", 0, "07-001", false},
		{"no PDF/UA identifier", "<pdfuaid:part>1<", "<pdfuaid:part>2<", 0, "06-002", false},
		{"no title in the metadata", "<dc:title>", "<dc:titlx>", 0, "06-003", false},
		{"list item outside a list", "/S /LI\n", "/S /LX\n", 0, "09-005", false},
		{"row outside a table", "/S /TBody\n", "/S /Div  \n", 0, "09-004", false},
		{"table without header cells", "/S /TH\n", "/S /TD\n", 0, "15", true},
		{"rule drawn untagged", "/Artifact BMC", "/Brtifact BMC", 0, "01-005", false},
		{"content tied to no element", "/MCID 0>> BDC", "/MCID 9>> BDC", 0, "01", false},
		{"no structure tree at all", "", "", fpdfEnd, "01", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bad := bytes.Clone(good)
			if tc.cut == 0 {
				bad = uncompressed(t, good)
			}
			if tc.all {
				bad = bytes.ReplaceAll(bad, []byte(tc.from), []byte(tc.to))
			} else if tc.cut > 0 {
				bad = bad[:tc.cut]
			} else {
				i := bytes.Index(bad, []byte(tc.from))
				if i < 0 || len(tc.from) != len(tc.to) {
					t.Fatalf("%q is not in the paper", tc.from)
				}
				copy(bad[i:], tc.to)
			}
			fs := check(t, bad)
			found := false
			for _, f := range fs {
				found = found || f.Rule == tc.rule
			}
			if !found {
				t.Errorf("rule %s not reported; got %v", tc.rule, fs)
			}
		})
	}
}

// uncompressed is the file as qpdf rewrites it with its streams
// uncompressed, so that page content can be broken byte for byte.
func uncompressed(t *testing.T, data []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", in, out).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --qdf: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestScanContent(t *testing.T) {
	cases := []struct {
		name  string
		src   string
		mcids []int
		bad   []string
		err   string
	}{
		{"tagged text", "/P <</MCID 0>> BDC BT (a) Tj ET EMC", []int{0}, nil, ""},
		{"artifact rule", "/Artifact BMC 0 0 m 1 1 l S EMC", nil, nil, ""},
		{"untagged fill", "0 0 1 1 re f", nil, []string{"f"}, ""},
		{"span without MCID", "/Span BMC BT [(a) 3 (b)] TJ ET EMC", nil, []string{"TJ"}, ""},
		{"strings with parentheses", "/P <</MCID 2>> BDC BT (a\\) (b) c) Tj <0041> Tj ET EMC", []int{2}, nil, ""},
		{"unbalanced", "/P <</MCID 0>> BDC", nil, nil, "left open"},
		{"EMC alone", "EMC", nil, nil, "without"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var bad []string
			got, err := scanContent([]byte(tc.src), func(op string) { bad = append(bad, op) })
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(bad, " ") != strings.Join(tc.bad, " ") {
				t.Errorf("untagged %q, want %q", bad, tc.bad)
			}
			if len(got) != len(tc.mcids) {
				t.Errorf("MCIDs %v, want %v", got, tc.mcids)
			}
		})
	}
}
