package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/agsreport/agsreport/internal/fonts"
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
	out, err := drawCompressed(l, doc, true)
	if err != nil {
		return render.Info{}, fmt.Errorf("rendering PDF %q: %w", doc.Meta.Title, err)
	}
	if _, err := w.Write(out); err != nil {
		return render.Info{}, fmt.Errorf("writing PDF %q: %w", doc.Meta.Title, err)
	}
	return render.Info{Pages: pages}, nil
}

// draw puts the boxes of l on fpdf pages and writes the file to w: the
// finished paper when compress is set, otherwise fpdf's file as it comes,
// uncompressed and without the structure tree (what drawCompressed starts
// from).
func draw(w io.Writer, l *Layout, doc *report.Document, compress bool) error {
	if compress {
		out, err := drawCompressed(l, doc, false)
		if err != nil {
			return err
		}
		_, err = w.Write(out)
		return err
	}
	pdf, _, err := drawPages(l, doc, false)
	if err != nil {
		return err
	}
	return pdf.Output(w)
}

// drawCompressed draws l and returns the whole file with its page streams
// compressed. With release, each page of l is emptied once drawn (see
// drawPages).
func drawCompressed(l *Layout, doc *report.Document, release bool) ([]byte, error) {
	pdf, mk, err := drawPages(l, doc, release)
	if err != nil {
		return nil, err
	}
	// fpdf writes uncompressed; the page streams are compressed afterwards
	// with reused writers (see compressStreams). Letting fpdf compress them
	// gives the same bytes but allocates a new compressor per page: four
	// times slower, measured.
	var cw compressingWriter
	if err := pdf.Output(&cw); err != nil {
		return nil, err
	}
	out, err := cw.result()
	if err != nil {
		return nil, err
	}
	return mk.addStructure(out)
}

// compressingWriter receives fpdf's uncompressed file and compresses its
// streams. fpdf hands over the whole file in one Write, which is compressed
// during that call, so the uncompressed file is never copied; should the
// file come in several writes, they are gathered and compressed at the end.
type compressingWriter struct {
	out     []byte // the compressed file, once done
	done    bool   // out holds the whole file
	pending []byte // writes gathered when the file came in pieces
	err     error
}

func (c *compressingWriter) Write(p []byte) (int, error) {
	switch {
	case c.done:
		c.err = errors.New("PDF data written after the end of the file")
	case len(c.pending) == 0 && bytes.HasSuffix(p, []byte("%%EOF\n")):
		c.out, c.err = compressStreams(p)
		c.done = true
	default:
		c.pending = append(c.pending, p...)
	}
	return len(p), nil
}

// result returns the compressed file.
func (c *compressingWriter) result() ([]byte, error) {
	if c.err != nil || c.done {
		return c.out, c.err
	}
	return compressStreams(c.pending)
}

// drawPages puts the boxes of l on the pages of a new fpdf document, which
// is left uncompressed and not yet output, every box in marked content; the
// marker returned knows the sequences and adds the structure tree to the
// file once written. With release, each page of l is emptied once drawn,
// so that a long paper's boxes are freed while fpdf's page contents grow;
// l is then no longer usable.
func drawPages(l *Layout, doc *report.Document, release bool) (*fpdf.Fpdf, *marker, error) {
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

	// Register only the faces in use; Regular always, for the outline.
	var used [numFaces]bool
	used[Regular] = true
	for _, p := range l.Pages {
		for i := range p.Boxes {
			if p.Boxes[i].Kind == TextBox {
				used[p.Boxes[i].Face] = true
			}
		}
	}
	for f, ok := range used {
		if ok {
			pdf.AddUTF8FontFromBytes(fontFamily, Face(f).style(), fonts.TTF(fonts.Face(f)))
		}
	}
	// fpdf reports a bad font only when it is selected.
	for f, ok := range used {
		if ok {
			pdf.SetFont(fontFamily, Face(f).style(), 10)
		}
	}
	pdf.SetFont(fontFamily, "", 10)
	if err := pdf.Error(); err != nil {
		return nil, nil, fmt.Errorf("loading fonts: %w", err)
	}

	mk := newMarker(pdf, l.Elems)
	for n := range l.Pages {
		p := &l.Pages[n]
		pdf.AddPage()
		mk.startPage()
		pdf.SetFont(fontFamily, "", 10) // bookmarks are UTF-16 under a UTF-8 font
		for _, m := range p.Marks {
			pdf.Bookmark(m.Title, m.Level, m.Y)
		}
		d := drawer{pdf: pdf, mk: mk}
		for i := range p.Boxes {
			d.box(&p.Boxes[i])
		}
		mk.end()
		if err := pdf.Error(); err != nil {
			return nil, nil, err
		}
		if release {
			*p = Page{}
		}
	}
	return pdf, mk, nil
}

// drawer remembers the graphics state of one page to avoid repeating it.
type drawer struct {
	pdf                      *fpdf.Fpdf
	mk                       *marker
	face                     Face
	size                     float64
	text, fill, stroke       RGB
	hasText, hasFill, hasStr bool
	width                    float64
}

func (d *drawer) box(b *Box) {
	p := d.pdf
	switch b.Kind {
	case TextBox:
		if b.Text == "" {
			return
		}
		d.mk.mark(b.Tag)
		if d.size != b.Size || d.face != b.Face {
			p.SetFont(fontFamily, b.Face.style(), b.Size)
			d.face, d.size = b.Face, b.Size
		}
		if !d.hasText || d.text != b.Colour {
			p.SetTextColor(int(b.Colour.R), int(b.Colour.G), int(b.Colour.B))
			d.text, d.hasText = b.Colour, true
		}
		if b.SpaceAfter {
			p.Text(b.X, b.Y+baseline(b.Size), b.Text+" ")
		} else {
			p.Text(b.X, b.Y+baseline(b.Size), b.Text)
		}
	case FillBox:
		d.mk.mark(b.Tag)
		if !d.hasFill || d.fill != b.Colour {
			p.SetFillColor(int(b.Colour.R), int(b.Colour.G), int(b.Colour.B))
			d.fill, d.hasFill = b.Colour, true
		}
		p.Rect(b.X, b.Y, b.W, b.H, "F")
	case RuleBox, FrameBox:
		d.mk.mark(b.Tag)
		if !d.hasStr || d.stroke != b.Colour {
			p.SetDrawColor(int(b.Colour.R), int(b.Colour.G), int(b.Colour.B))
			d.stroke, d.hasStr = b.Colour, true
		}
		if d.width != b.Stroke {
			p.SetLineWidth(b.Stroke)
			d.width = b.Stroke
		}
		if b.Kind == RuleBox {
			p.Line(b.X, b.Y, b.X+b.W, b.Y+b.H)
		} else {
			p.Rect(b.X, b.Y, b.W, b.H, "D")
		}
	}
}
