package app

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/job"
	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/testutil"
)

// minGreyStep is the least difference of grey level (of 255) at which two
// cell fills printed in black and white still read as different; the
// default pastels are within 25 of each other, which is what made
// unfinished items look finished on a greyscale print.
const minGreyStep = 40

// greyCell is one status cell found on a page printed in greyscale.
type greyCell struct {
	page   int
	status string
	grey   int  // the cell's background grey level, 0 black … 255 white
	symbol bool // the status's symbol is printed just before its name
}

// greyCells prints every page of the PDF at path in greyscale (pdftoppm
// -gray) and finds the status cells on it: each place where pdftotext puts
// a status name, on a background that is not white (a fill), with the grey
// level of that background and whether the status's symbol comes before
// the name.
func greyCells(t *testing.T, path string, statuses []plan.Status) []greyCell {
	t.Helper()
	ppm := testutil.NeedTool(t, "pdftoppm")
	txt := testutil.NeedTool(t, "pdftotext")
	dir := t.TempDir()
	const dpi = 72 // one pixel a point: pdftotext's boxes are pixel boxes
	if out, err := exec.Command(ppm, "-gray", "-r", strconv.Itoa(dpi), path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm %s: %v\n%s", path, err, out)
	}
	out, err := exec.Command(txt, "-bbox", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", path, err)
	}
	pages := bboxPages(t, out)
	var cells []greyCell
	for pi, words := range pages {
		img := readPGM(t, pagePGM(t, dir, pi+1, len(pages)))
		for i := range words {
			for _, st := range statuses {
				n := strings.Fields(st.Name)
				if !wordsAt(words, i, n) {
					continue
				}
				g, filled := img.background(words[i : i+len(n)])
				if !filled {
					continue
				}
				sym := st.Symbol != "" && i > 0 && words[i-1].text == st.Symbol && words[i-1].sameLine(words[i])
				cells = append(cells, greyCell{page: pi + 1, status: st.Name, grey: g, symbol: sym})
			}
		}
	}
	return cells
}

// greyClashes lists the pairs of statuses that share a page and cannot be
// told apart in greyscale: their fills are closer than minGreyStep and a
// cell of one or the other lacks its symbol.
func greyClashes(cells []greyCell) []string {
	type key struct {
		page   int
		status string
	}
	greys := map[key][]int{}
	allSym := map[key]bool{}
	for _, c := range cells {
		k := key{c.page, c.status}
		if _, ok := allSym[k]; !ok {
			allSym[k] = true
		}
		greys[k] = append(greys[k], c.grey)
		allSym[k] = allSym[k] && c.symbol
	}
	var keys []key
	for k := range greys {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].page != keys[j].page {
			return keys[i].page < keys[j].page
		}
		return keys[i].status < keys[j].status
	})
	var out []string
	for i, a := range keys {
		for _, b := range keys[i+1:] {
			if a.page != b.page {
				continue
			}
			ga, gb := median(greys[a]), median(greys[b])
			d := ga - gb
			if d < 0 {
				d = -d
			}
			if d < minGreyStep && !(allSym[a] && allSym[b]) {
				out = append(out, fmt.Sprintf("page %d: %s (grey %d) and %s (grey %d) differ by %d grey levels and are not both marked with a symbol", a.page, a.status, ga, b.status, gb, d))
			}
		}
	}
	return out
}

func median(xs []int) int {
	s := append([]int(nil), xs...)
	sort.Ints(s)
	return s[len(s)/2]
}

// TestStatusesReadInGreyscale prints every PDF paper of every example in
// greyscale and checks that the status cells on each page can be told
// apart: by fills of clearly different grey, or by a symbol in each.
func TestStatusesReadInGreyscale(t *testing.T) {
	for name, path := range examples {
		t.Run(name, func(t *testing.T) {
			j, err := job.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			var out bytes.Buffer
			if err := Build(&out, path, BuildOptions{OutputDir: dir}); err != nil {
				t.Fatalf("build: %v\n%s", err, out.String())
			}
			pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
			if len(pdfs) == 0 {
				t.Fatal("no PDF papers were written")
			}
			seen := 0
			for _, p := range pdfs {
				cells := greyCells(t, p, j.Statuses)
				seen += len(cells)
				for _, c := range greyClashes(cells) {
					t.Errorf("%s: %s", filepath.Base(p), c)
				}
			}
			t.Logf("%d status cells checked", seen)
			if hasStatusColumn(t, path) && seen == 0 {
				t.Error("the papers have status columns but no status cell was found on any page: the check saw nothing")
			}
		})
	}
}

// hasStatusColumn reports whether the example's papers show statuses
// (the CMT 2014 plan has none).
func hasStatusColumn(t *testing.T, jobPath string) bool {
	t.Helper()
	var out bytes.Buffer
	if err := Dump(&out, jobPath, true); err != nil {
		t.Fatal(err)
	}
	return strings.Contains(out.String(), "status=")
}

// TestGreyscaleCheckCatchesPastels is the check's own test: the quarterly
// example's statuses without their symbols are pastel fills a few grey
// levels apart, which the check must report.
func TestGreyscaleCheckCatchesPastels(t *testing.T) {
	path := examples["cumbria-quarterly"]
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bare := regexp.MustCompile(`(?m)^symbol\s*=.*\n`).ReplaceAll(data, nil)
	if bytes.Equal(bare, data) {
		t.Fatal("the quarterly job names no symbols to take away")
	}
	j, err := job.Parse(path, bare)
	if err != nil {
		t.Fatal(err)
	}
	l, err := LoadJob(j)
	if err != nil {
		t.Fatal(err)
	}
	papers, err := Compose(l)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "out")
	if _, _, err := RenderAll(nil, papers, dir, nil); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "Appendix 1B - Amey Lessons Learned - March 2018.pdf")
	clashes := greyClashes(greyCells(t, p, j.Statuses))
	if len(clashes) == 0 {
		t.Fatal("statuses told apart only by pastel fills passed the greyscale check")
	}
	// COMPLETE (#C6EFCE) and BEHIND TARGET (#FFC7CE) print within a few
	// grey levels of each other: the confusion councils reported.
	found := false
	for _, c := range clashes {
		if strings.Contains(c, "BEHIND TARGET") && strings.Contains(c, "COMPLETE") {
			found = true
		}
	}
	if !found {
		t.Errorf("COMPLETE and BEHIND TARGET were not reported as alike; reported:\n%s", strings.Join(clashes, "\n"))
	}
}

// bboxWord is one word of pdftotext -bbox output, in points.
type bboxWord struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

func (w bboxWord) sameLine(v bboxWord) bool {
	return w.yMin < v.yMax && v.yMin < w.yMax
}

// wordsAt reports whether the words from i on are the words of name.
func wordsAt(words []bboxWord, i int, name []string) bool {
	if len(name) == 0 || i+len(name) > len(words) {
		return false
	}
	for k, n := range name {
		if words[i+k].text != n {
			return false
		}
	}
	return true
}

// bboxPages reads pdftotext -bbox output: the words of each page in order.
func bboxPages(t *testing.T, data []byte) [][]bboxWord {
	t.Helper()
	var doc struct {
		Pages []struct {
			Words []struct {
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
				Text string  `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("reading pdftotext -bbox output: %v", err)
	}
	out := make([][]bboxWord, len(doc.Pages))
	for i, p := range doc.Pages {
		for _, w := range p.Words {
			out[i] = append(out[i], bboxWord{text: w.Text, xMin: w.XMin, yMin: w.YMin, xMax: w.XMax, yMax: w.YMax})
		}
	}
	return out
}

// pagePGM names pdftoppm's file for page n of a document of total pages
// (it pads page numbers to the width of the last).
func pagePGM(t *testing.T, dir string, n, total int) string {
	t.Helper()
	p := filepath.Join(dir, fmt.Sprintf("p-%0*d.pgm", len(strconv.Itoa(total)), n))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("page %d was not printed: %v", n, err)
	}
	return p
}

// pgm is a greyscale image, one byte a pixel.
type pgm struct {
	w, h int
	pix  []byte
}

// readPGM reads a binary PGM (P5) image with 8-bit samples.
func readPGM(t *testing.T, path string) pgm {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var magic string
	var w, h, maxv int
	if _, err := fmt.Fscan(r, &magic, &w, &h, &maxv); err != nil || magic != "P5" || maxv != 255 {
		t.Fatalf("%s: not an 8-bit binary PGM (%q %d): %v", path, magic, maxv, err)
	}
	if _, err := r.ReadByte(); err != nil { // the one whitespace byte before the pixels
		t.Fatal(err)
	}
	pix := make([]byte, w*h)
	if _, err := io.ReadFull(r, pix); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return pgm{w: w, h: h, pix: pix}
}

// background returns the commonest grey level in a margin of 2 points
// around the words (the cell's fill, since text and rules are the fewer
// pixels there) and whether it is a fill, rather than white paper, under
// text darker than it.
func (g pgm) background(words []bboxWord) (int, bool) {
	x0, y0, x1, y1 := words[0].xMin, words[0].yMin, words[0].xMax, words[0].yMax
	for _, w := range words[1:] {
		x0, y0 = min(x0, w.xMin), min(y0, w.yMin)
		x1, y1 = max(x1, w.xMax), max(y1, w.yMax)
	}
	var hist [256]int
	for y := int(y0) - 2; y <= int(y1)+2; y++ {
		for x := int(x0) - 2; x <= int(x1)+2; x++ {
			if x < 0 || y < 0 || x >= g.w || y >= g.h {
				continue
			}
			hist[g.pix[y*g.w+x]]++
		}
	}
	best, darkest := 0, 255
	for v := range hist {
		if hist[v] > hist[best] {
			best = v
		}
		if hist[v] > 0 && v < darkest {
			darkest = v
		}
	}
	// A status cell is a fill under dark text; a heading cell with light
	// text on a dark fill (a summary table's column titles) is not one.
	return best, best < 250 && darkest < best-60
}
