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
func Render(w io.Writer, doc *report.Document) (render.Info, error) {
	m, err := fontMetrics()
	if err != nil {
		return render.Info{}, fmt.Errorf("rendering PDF: %w", err)
	}
	l, err := LayoutDocument(doc, m)
	if err != nil {
		return render.Info{}, fmt.Errorf("rendering PDF: %w", err)
	}
	// The layout is not used after drawing, so it can be freed while the
	// file is assembled.
	pages := len(l.Pages)
	if err := draw(w, l, doc, true, true); err != nil {
		return render.Info{}, fmt.Errorf("rendering PDF %q: %w", doc.Meta.Title, err)
	}
	return render.Info{Pages: pages}, nil
}

// draw puts the boxes of l on pages and writes the paper to w, its page
// contents compressed when compress is set. With release, each page of l
// is emptied once drawn (see drawPages).
func draw(w io.Writer, l *Layout, doc *report.Document, compress, release bool) error {
	pdf, d, err := drawPages(l, doc, !compress, release)
	if err != nil {
		return err
	}
	// fpdf writes its part of the file uncompressed: its page contents
	// are empty but for what AddPage and the Text calls registering
	// characters put there, and are replaced by the drawer's.
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return err
	}
	return assemble(w, buf.Bytes(), d.pages, !compress, d.mk, &d.seen)
}

// drawPages makes a new fpdf document with l's pages, outline and fonts,
// and has the drawer write the pages' content (raw, or compressed), every
// box in marked content; the drawer's marker knows the sequences and adds
// the structure tree once the file is assembled. With release, each page
// of l is emptied once drawn, so that a long paper's boxes are freed as
// its content is compressed; l is then no longer usable.
func drawPages(l *Layout, doc *report.Document, raw, release bool) (*fpdf.Fpdf, *drawer, error) {
	pdf, used, err := newDocument(l, doc)
	if err != nil {
		return nil, nil, err
	}
	names, err := fontNames(pdf, used)
	if err != nil {
		return nil, nil, fmt.Errorf("loading fonts: %w", err)
	}
	d := newDrawer(pdf, newMarker(l.Elems), names, raw)
	d.st.face, d.st.size = Regular, 10 // as newDocument leaves it
	for n := range l.Pages {
		p := &l.Pages[n]
		pdf.AddPage()
		d.mk.startPage()
		d.startPage()
		for _, m := range p.Marks {
			pdf.Bookmark(outlineTitle(m.Title), m.Level, m.Y)
		}
		for i := range p.Boxes {
			d.box(&p.Boxes[i])
		}
		d.endPage()
		if err := pdf.Error(); err != nil {
			return nil, nil, err
		}
		if release {
			*p = Page{}
		}
	}
	return pdf, d, nil
}

// newDocument makes the fpdf document for l: its properties, and the
// faces l uses (marked in used) registered, Regular 10 pt selected.
func newDocument(l *Layout, doc *report.Document) (*fpdf.Fpdf, [numFaces]bool, error) {
	orient := "P"
	if l.Landscape {
		orient = "L"
	}
	pdf := fpdf.New(orient, "mm", l.SizeName, "")
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

	// Register only the faces in use (see embed.go).
	var used [numFaces]bool
	used[Regular] = true
	for _, p := range l.Pages {
		for i := range p.Boxes {
			if p.Boxes[i].Kind == TextBox {
				used[p.Boxes[i].Face] = true
			}
		}
	}
	if err := registerFaces(pdf, used); err != nil {
		return nil, used, err
	}
	return pdf, used, nil
}
