package app

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/testutil"
)

// Page images: every page of every example PDF is rasterised with poppler
// and compared with a reviewed golden image under testdata/pages, so that a
// change to any page — a speed change that should change nothing, or a
// layout change that should — is seen and made deliberately. Refresh with
// `go test ./internal/app -run TestPageImages -update` and look at the
// changed PNGs before committing them.
const (
	// pageDPI is low enough to keep the golden images small (a landscape A4
	// page is 351×248 pixels) and high enough that a changed word, rule,
	// fill or line break changes many pixels by much.
	pageDPI = 30

	// pixelTolerance is how far, in grey levels of 255, a pixel may differ
	// from the golden image and still count as the same. The same PDF
	// rasterised by the same poppler gives identical pixels; the tolerance
	// absorbs the anti-aliasing of another poppler, cairo or FreeType
	// release, which moves glyph-edge pixels by a few levels. It is kept
	// small because at this resolution small changes are faint: measured
	// on the CMT plan's first page, one letter swapped for another of the
	// same width ("a" for "e") changes 3 pixels by more than 16 levels and
	// 2 by more than 24, while a letter of another width shifts the rest of
	// its line and changes 248 pixels by more than 16. Wording is checked
	// exactly by the pdftotext tests; this test guards what is drawn where.
	pixelTolerance = 16

	// maxChangedPixels is how many pixels of a page may exceed the
	// tolerance: none, so that even the faint change above fails.
	maxChangedPixels = 0
)

func TestPageImages(t *testing.T) {
	pdftoppm := testutil.NeedTool(t, "pdftoppm")
	for _, name := range sortedKeys(examples) {
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			var log bytes.Buffer
			if err := Build(&log, examples[name], BuildOptions{OutputDir: out}); err != nil {
				t.Fatalf("build: %v\n%s", err, log.String())
			}
			pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
			if len(pdfs) == 0 {
				t.Fatal("the example writes no PDF")
			}
			goldenDir := filepath.Join("testdata", "pages", name)
			want := map[string]bool{}
			for _, pdf := range pdfs {
				for i, got := range rasterise(t, pdftoppm, pdf) {
					file := fmt.Sprintf("%s-p%02d.png", pageStem(pdf), i+1)
					want[file] = true
					comparePage(t, filepath.Join(goldenDir, file), got)
				}
			}
			checkNoStalePages(t, goldenDir, want)
		})
	}
}

// pageStem is the golden-image name of a paper: its file name, lower case,
// with runs of other characters than letters and digits made one hyphen.
func pageStem(pdf string) string {
	base := strings.TrimSuffix(filepath.Base(pdf), ".pdf")
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(base) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			hyphen = false
		} else if !hyphen && b.Len() > 0 {
			b.WriteByte('-')
			hyphen = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// rasterise renders every page of pdf in grey at pageDPI and returns the
// pages in order.
func rasterise(t *testing.T, pdftoppm, pdf string) []*image.Gray {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(pdftoppm, "-r", fmt.Sprint(pageDPI), "-gray", "-png", pdf, filepath.Join(dir, "page"))
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm %s: %v\n%s", filepath.Base(pdf), err, msg)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	// pdftoppm pads the page numbers to the same width, so names sort in
	// page order.
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatalf("pdftoppm made no page of %s", filepath.Base(pdf))
	}
	pages := make([]*image.Gray, len(files))
	for i, f := range files {
		pages[i] = readGray(t, f)
	}
	return pages
}

// readGray decodes a PNG file as a grey image.
func readGray(t *testing.T, path string) *image.Gray {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	g := image.NewGray(img.Bounds())
	draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
	return g
}

// comparePage compares a rasterised page with its golden image, or writes
// the golden image under -update.
func comparePage(t *testing.T, golden string, got *image.Gray) {
	t.Helper()
	if *update {
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&buf, got); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if old, err := os.ReadFile(golden); err == nil && bytes.Equal(old, buf.Bytes()) {
			return
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if _, err := os.Stat(golden); err != nil {
		t.Errorf("%v (run the test with -update to create it, and look at it)", err)
		return
	}
	want := readGray(t, golden)
	if d := pageDiff(want, got); d != "" {
		t.Errorf("%s: the page changed: %s (look at the page; if the change is meant, run with -update and review the PNG)", golden, d)
	}
}

// pageDiff describes how got differs from want beyond the tolerance, or
// returns "".
func pageDiff(want, got *image.Gray) string {
	if want.Bounds().Size() != got.Bounds().Size() {
		return fmt.Sprintf("size %v, golden %v", got.Bounds().Size(), want.Bounds().Size())
	}
	wb, gb := want.Bounds(), got.Bounds()
	changed, first := 0, image.Point{-1, -1}
	for y := 0; y < wb.Dy(); y++ {
		for x := 0; x < wb.Dx(); x++ {
			a := int(want.GrayAt(wb.Min.X+x, wb.Min.Y+y).Y)
			b := int(got.GrayAt(gb.Min.X+x, gb.Min.Y+y).Y)
			if a-b > pixelTolerance || b-a > pixelTolerance {
				if changed == 0 {
					first = image.Pt(x, y)
				}
				changed++
			}
		}
	}
	if changed <= maxChangedPixels {
		return ""
	}
	return fmt.Sprintf("%d pixels differ by more than %d grey levels, the first at x=%d y=%d", changed, pixelTolerance, first.X, first.Y)
}

// checkNoStalePages fails for golden images of pages the example no longer
// has, or removes them under -update.
func checkNoStalePages(t *testing.T, dir string, want map[string]bool) {
	t.Helper()
	have, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	for _, f := range have {
		if want[filepath.Base(f)] {
			continue
		}
		if *update {
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s: no such page any more (run with -update to remove it)", f)
	}
}

func TestPageDiff(t *testing.T) {
	base := func() *image.Gray {
		g := image.NewGray(image.Rect(0, 0, 20, 10))
		for i := range g.Pix {
			g.Pix[i] = uint8(i * 7)
		}
		return g
	}
	tests := []struct {
		name   string
		change func(g *image.Gray) *image.Gray
		differ bool
	}{
		{"identical", func(g *image.Gray) *image.Gray { return g }, false},
		{"anti-aliasing noise within the tolerance", func(g *image.Gray) *image.Gray {
			for i := range g.Pix {
				if g.Pix[i] < 255-pixelTolerance {
					g.Pix[i] += pixelTolerance
				}
			}
			return g
		}, false},
		{"one pixel beyond the tolerance", func(g *image.Gray) *image.Gray {
			g.Pix[45] ^= 0x80
			return g
		}, true},
		{"another size", func(*image.Gray) *image.Gray { return image.NewGray(image.Rect(0, 0, 20, 11)) }, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := pageDiff(base(), tc.change(base()))
			if (d != "") != tc.differ {
				t.Errorf("pageDiff = %q, want a difference: %v", d, tc.differ)
			}
		})
	}
}
