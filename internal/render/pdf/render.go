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
	var buf bytes.Buffer
	if err := draw(&buf, l, doc, true); err != nil {
		return render.Info{}, fmt.Errorf("rendering PDF %q: %w", doc.Meta.Title, err)
	}
	if _, err := buf.WriteTo(w); err != nil {
		return render.Info{}, fmt.Errorf("writing PDF %q: %w", doc.Meta.Title, err)
	}
	return render.Info{Pages: len(l.Pages)}, nil
}

// draw puts the boxes of l on fpdf pages and writes the file to w.
func draw(w io.Writer, l *Layout, doc *report.Document, compress bool) error {
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
			pdf.AddUTF8FontFromBytes(fontFamily, Face(f).style(), fontData[f])
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
		return fmt.Errorf("loading fonts: %w", err)
	}

	for _, p := range l.Pages {
		pdf.AddPage()
		pdf.SetFont(fontFamily, "", 10) // bookmarks are UTF-16 under a UTF-8 font
		for _, mk := range p.Marks {
			pdf.Bookmark(mk.Title, mk.Level, mk.Y)
		}
		d := drawer{pdf: pdf}
		for i := range p.Boxes {
			d.box(&p.Boxes[i])
		}
		if err := pdf.Error(); err != nil {
			return err
		}
	}
	if !compress {
		return pdf.Output(w)
	}
	// fpdf writes uncompressed; the page streams are compressed afterwards
	// with reused writers (see compressStreams).
	pdf.SetCompression(false)
	var raw bytes.Buffer
	if err := pdf.Output(&raw); err != nil {
		return err
	}
	out, err := compressStreams(raw.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// drawer remembers the graphics state of one page to avoid repeating it.
type drawer struct {
	pdf                      *fpdf.Fpdf
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
		if d.size != b.Size || d.face != b.Face {
			p.SetFont(fontFamily, b.Face.style(), b.Size)
			d.face, d.size = b.Face, b.Size
		}
		if !d.hasText || d.text != b.Colour {
			p.SetTextColor(int(b.Colour.R), int(b.Colour.G), int(b.Colour.B))
			d.text, d.hasText = b.Colour, true
		}
		p.Text(b.X, b.Y+baseline(b.Size), b.Text)
	case FillBox:
		if !d.hasFill || d.fill != b.Colour {
			p.SetFillColor(int(b.Colour.R), int(b.Colour.G), int(b.Colour.B))
			d.fill, d.hasFill = b.Colour, true
		}
		p.Rect(b.X, b.Y, b.W, b.H, "F")
	case RuleBox, FrameBox:
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
