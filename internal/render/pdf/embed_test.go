package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/report/reporttest"
	"github.com/agsreport/agsreport/internal/testutil"
)

var (
	type0Font = regexp.MustCompile(`<</Type /Font /Subtype /Type0 /BaseFont /([A-Z]{6})\+(LiberationSans(?:-Bold|-Italic|-BoldItalic)?) `)
	widthsRe  = regexp.MustCompile(`/Subtype /CIDFontType2 /BaseFont /[A-Z]{6}\+(\S+) .*? /W \[(.*?)\] /CIDToGIDMap`)
	runRe     = regexp.MustCompile(`([0-9]+) \[([0-9 ]*)\]`)
)

// TestEmbedFonts checks what replaces fpdf's placeholder faces in every
// test paper: no placeholder is left, each face used is a Type 0 font with
// a subset tag, and the widths the PDF records for each character are the
// ones the layout measured with.
func TestEmbedFonts(t *testing.T) {
	m, err := fontMetrics()
	if err != nil {
		t.Fatal(err)
	}
	faceOfName := map[string]Face{"LiberationSans": Regular, "LiberationSans-Bold": Bold,
		"LiberationSans-Italic": Italic, "LiberationSans-BoldItalic": BoldItalic}
	checked := 0
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			out, _ := renderBytes(t, c.Doc)
			if bytes.Contains(out, []byte(placeholderPrefix)) {
				t.Fatal("a placeholder font is left in the file")
			}
			if len(type0Font.FindAll(out, -1)) == 0 {
				t.Fatal("no embedded font")
			}
			for _, w := range widthsRe.FindAllSubmatch(out, -1) {
				f, ok := faceOfName[string(w[1])]
				if !ok {
					t.Fatalf("unknown face %s", w[1])
				}
				for _, run := range runRe.FindAllSubmatch(w[2], -1) {
					cid, _ := strconv.Atoi(string(run[1]))
					for i, s := range strings.Fields(string(run[2])) {
						r := rune(cid + i)
						if got := s; got != strconv.Itoa(int(m.milli[f][r])) || !m.Has(f, r) {
							t.Errorf("%s %q: width %s, measured with %d", w[1], r, got, m.milli[f][r])
						}
						checked++
					}
				}
			}
		})
	}
	if checked < 100 {
		t.Errorf("only %d widths checked", checked)
	}
}

// TestEmbedFontsPoppler lists the fonts of a paper using every face with
// poppler's pdffonts: each is embedded, a subset, and maps to Unicode; and
// pdftotext reads each character once. (The page-image test in
// internal/app sees a glyph missing from a subset.)
func TestEmbedFontsPoppler(t *testing.T) {
	pdffonts := testutil.NeedTool(t, "pdffonts")
	pdftotext := testutil.NeedTool(t, "pdftotext")
	out, _ := renderBytes(t, reporttest.Unicode())
	path := filepath.Join(t.TempDir(), "unicode.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	list, err := exec.Command(pdffonts, path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, list)
	}
	lines := strings.Split(strings.TrimSpace(string(list)), "\n")
	if len(lines) < 4 {
		t.Fatalf("pdffonts lists fewer than two fonts:\n%s", list)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) != 9 || f[1] != "CID" || f[4] != "yes" || f[5] != "yes" || f[6] != "yes" {
			t.Errorf("want an embedded subset with a Unicode map: %s", l)
		}
	}
	text, err := exec.Command(pdftotext, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if n := strings.Count(string(text), "Ŵ"); n != 1 {
		t.Errorf("pdftotext reads Ŵ %d times, want once", n)
	}
}

// TestEmbedFontsRefusesChange checks that a placeholder fpdf writes
// differently from v0.12.0, or none at all, is an error rather than a
// paper with a missing font.
func TestEmbedFontsRefusesChange(t *testing.T) {
	_, d, src := fpdfFile(t, reporttest.Unicode())
	if err := assemble(io.Discard, bytes.Clone(src), d.pages, d.extras, false, d.mk, &d.seen); err != nil {
		t.Fatalf("the file as drawn: %v", err)
	}
	for name, bad := range map[string][]byte{
		"other encoding": bytes.Replace(src, []byte("/Encoding /WinAnsiEncoding"), []byte("/Encoding /MacRomanEncodin"), 1),
		"no placeholder": bytes.ReplaceAll(src, []byte(placeholderPrefix), []byte("Helvetica-Bold")),
		"unknown face":   bytes.Replace(src, []byte(placeholderPrefix+"R\n"), []byte(placeholderPrefix+"X\n"), 1),
		"no trailer":     bytes.Replace(src, []byte("trailer\n<<\n/Size"), []byte("trailer\n<<\n/Sise"), 1),
	} {
		if bytes.Equal(bad, src) {
			t.Fatalf("%s: the file did not change", name)
		}
		var w bytes.Buffer
		if err := assemble(&w, bad, d.pages, d.extras, false, d.mk, &d.seen); err == nil || w.Len() > 0 {
			t.Errorf("%s: error %v, %d bytes written", name, err, w.Len())
		}
	}
}

// TestToUnicodeCMap checks the ranges of the ToUnicode map: consecutive
// characters share a range only within one high byte.
func TestToUnicodeCMap(t *testing.T) {
	got := string(toUnicodeCMap([]rune{'A', 'B', 'C', 'E', 0xFF, 0x100, 0x2022}))
	if !strings.Contains(got, "5 beginbfrange\n<0041> <0043> <0041>\n<0045> <0045> <0045>\n<00FF> <00FF> <00FF>\n<0100> <0100> <0100>\n<2022> <2022> <2022>\nendbfrange\n") {
		t.Errorf("ranges:\n%s", got)
	}
	var many []rune
	for r := rune(0x100); r < 0x100+2*150; r += 2 {
		many = append(many, r)
	}
	if got := string(toUnicodeCMap(many)); strings.Count(got, "beginbfrange") != 2 || !strings.Contains(got, "100 beginbfrange") || !strings.Contains(got, "50 beginbfrange") {
		t.Errorf("150 ranges are not in blocks of at most 100")
	}
}

// TestFlateStream checks that a stream object's data inflates back to what
// was given, and that its /Length is the compressed length.
func TestFlateStream(t *testing.T) {
	data := bytes.Repeat([]byte("agsreport "), 500)
	obj := flateStream(data, "/Length1 5000")
	m := regexp.MustCompile(`\A<</Filter /FlateDecode /Length ([0-9]+) /Length1 5000>>\nstream\n`).FindSubmatch(obj)
	if m == nil {
		t.Fatalf("dictionary: %q", obj[:min(len(obj), 80)])
	}
	n, _ := strconv.Atoi(string(m[1]))
	body := obj[len(m[0]):]
	if len(body) != n+len("\nendstream") || !bytes.HasSuffix(body, []byte("\nendstream")) {
		t.Fatalf("/Length %d, stream of %d bytes", n, len(body)-len("\nendstream"))
	}
	zr, err := zlib.NewReader(bytes.NewReader(body[:n]))
	if err != nil {
		t.Fatal(err)
	}
	back, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(back, data) {
		t.Errorf("inflates to %d bytes (%v), want the %d given", len(back), err, len(data))
	}
}

// TestEmbedFontsRunningText checks that characters drawn only in the
// running header and footer, which are drawn after the body, are in the
// embedded subsets too: pdftotext reads them back through the ToUnicode
// map, which lists only the characters of each subset.
func TestEmbedFontsRunningText(t *testing.T) {
	pdftotext := testutil.NeedTool(t, "pdftotext")
	m, err := fontMetrics()
	if err != nil {
		t.Fatal(err)
	}
	header, footer := "Header Ωψ", "Footer ‰" // characters in no other text of the paper
	for _, r := range "Ωψ‰" {
		if !m.Has(Regular, r) {
			t.Fatalf("the font has no %q", r)
		}
	}
	doc := reporttest.OneRow()
	doc.Header.Left, doc.Footer.Left = header, footer
	out, _ := renderBytes(t, doc)
	path := filepath.Join(t.TempDir(), "running.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, want := range []string{header, footer} {
		if !strings.Contains(string(text), want) {
			t.Errorf("pdftotext does not read %q:\n%s", want, text)
		}
	}
}
