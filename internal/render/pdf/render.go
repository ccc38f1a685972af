package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/agsreport/agsreport/internal/render"
	"github.com/agsreport/agsreport/internal/report"
)

// fixedDate stands in for a document without a date, so that output stays
// byte-identical.
var fixedDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// fontFamily is the name the faces are registered under.
const fontFamily = "liberationsans"

// Render writes doc to w as a PDF and reports its page count. The same
// document always gives the same bytes. Nothing is written to w unless the
// whole file was produced.
//
// Each page is drawn and compressed as soon as the layout has finished
// it, so a long paper's boxes are never all in memory; the running
// header and footer, which need the page count, are drawn last, as a
// second content stream of each page.
func Render(w io.Writer, doc *report.Document) (render.Info, error) {
	m, err := fontMetrics()
	if err != nil {
		return render.Info{}, fmt.Errorf("rendering PDF: %w", err)
	}
	if doc == nil {
		return render.Info{}, fmt.Errorf("rendering PDF: no document")
	}
	_, size, err := geometry(doc.Page)
	if err != nil {
		return render.Info{}, fmt.Errorf("rendering PDF %q: %w", doc.Meta.Title, err)
	}
	pdf := newDocument(doc.Page.Landscape, size, doc)
	d, err := newDrawer(pdf, false)
	if err != nil {
		return render.Info{}, fmt.Errorf("rendering PDF %q: %w", doc.Meta.Title, err)
	}
	l, err := layoutPages(doc, m, d.page)
	if err != nil {
		return render.Info{}, fmt.Errorf("rendering PDF: %w", err)
	}
	if err := d.output(w, l); err != nil {
		return render.Info{}, fmt.Errorf("rendering PDF %q: %w", doc.Meta.Title, err)
	}
	return render.Info{Pages: len(l.Pages)}, nil
}

// draw draws the pages of l, a finished layout, and writes the paper to
// w, its content streams compressed when compress is set.
func draw(w io.Writer, l *Layout, doc *report.Document, compress bool) error {
	d, err := drawPages(l, doc, !compress)
	if err != nil {
		return err
	}
	return d.output(w, l)
}

// drawPages draws the pages of l, a finished layout, in a new document,
// their content raw or compressed.
func drawPages(l *Layout, doc *report.Document, raw bool) (*drawer, error) {
	d, err := newDrawer(newDocument(l.Landscape, l.SizeName, doc), raw)
	if err != nil {
		return nil, err
	}
	for i := range l.Pages {
		d.page(&l.Pages[i], l.Elems)
	}
	return d, d.pdf.Error()
}

// output draws the running header and footer of l's pages, all of whose
// bodies are drawn, and writes the paper to w.
func (d *drawer) output(w io.Writer, l *Layout) error {
	d.running(l.Pages)
	d.mk.elems, d.mk.alts = l.Elems, l.Alts
	if err := d.pdf.Error(); err != nil {
		return err
	}
	// fpdf writes its part of the file uncompressed: its page contents
	// are empty but for what AddPage puts there, and are replaced by the
	// drawer's.
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return err
	}
	return assemble(w, buf.Bytes(), d.pages, d.extras, d.raw, d.mk, &d.seen)
}

// newDocument makes the fpdf document for doc, on paper of the size
// named, with its properties set.
func newDocument(landscape bool, size string, doc *report.Document) *fpdf.Fpdf {
	orient := "P"
	if landscape {
		orient = "L"
	}
	pdf := fpdf.New(orient, "mm", size, "")
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	date := doc.Meta.Date
	if date.IsZero() {
		date = fixedDate
	}
	pdf.SetCreationDate(date.UTC())
	pdf.SetModificationDate(date.UTC())
	pdf.SetTitle(cleanMeta(doc.Meta.Title), true)
	pdf.SetAuthor(cleanMeta(doc.Meta.Author), true)
	pdf.SetSubject(cleanMeta(doc.Meta.Subject), true)
	pdf.SetKeywords(cleanMeta(strings.Join(doc.Meta.Keywords, ", ")), true)
	pdf.SetCreator("agsreport", true)
	pdf.SetProducer("agsreport", true)
	if lang := strings.TrimSpace(cleanMeta(doc.Meta.Language)); lang != "" {
		pdf.SetLang(lang)
	}
	pdf.SetXmpMetadata(xmpMetadata(doc.Meta, date))
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	return pdf
}
