package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/report/reporttest"
)

// FuzzRenderText puts any text where a workbook's cells, a job's names or
// a template's words can reach a Word paper — title, running texts,
// heading, paragraph, field, column title, band, cell, status, chart
// category and series — and checks that Render succeeds and every part of
// the package is well-formed XML.
func FuzzRenderText(f *testing.F) {
	for _, s := range []string{"", "plain", "**bold** *italic*\n- bullet\n\npara", "<w:p>&amp;\"'", "\x00\x01\t\r\n\ufffe\uffff\U0001F600", "{page}{pages}{page", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := reporttest.Base(s)
		d.Meta.Author, d.Meta.Language = s, s
		d.Header = report.Running{Left: s, Centre: "{page} " + s, Right: s}
		d.Statuses = append(d.Statuses, report.Status{Name: s, Colour: s})
		cols := reporttest.Columns(3, true)
		cols[0].Title = s
		row := report.Row{Cells: []report.Cell{{Text: report.Markup(s), Span: 2}, {Text: report.Plain(s)}, {Status: s, Fill: s}}}
		d.Sections = []report.Section{{Name: s, Blocks: []report.Block{
			&report.Heading{Level: 1, Text: report.Markup(s), Bookmark: s},
			&report.Paragraph{Text: report.Markup(s)},
			&report.Fields{Items: []report.Field{{Label: s, Value: report.Markup(s)}, {Label: s, Value: report.Markup(s), Stacked: true}}},
			&report.Table{Name: s, Columns: cols, Empty: s, Groups: []report.Group{
				{Band: report.Markup(s), Bookmark: s, Rows: []report.Row{row, {Cells: []report.Cell{{Covered: true}, {}, {}}}}},
			}},
			&report.Chart{Title: s, Categories: []string{s, "x"}, Series: []report.Series{{Name: s, Colour: s, Values: []float64{1, 2}}}},
			&report.StatusKey{Title: s},
		}}}
		var buf bytes.Buffer
		if _, err := Render(&buf, d); err != nil {
			t.Fatal(err)
		}
		if err := packageWellFormed(buf.Bytes()); err != nil {
			t.Fatal(err)
		}
	})
}

// packageWellFormed checks that every part of a zip package, and of the
// packages embedded in it, is well-formed XML.
func packageWellFormed(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(rc)
		if err != nil {
			return fmt.Errorf("%s: %w", zf.Name, err)
		}
		if strings.HasSuffix(zf.Name, ".xlsx") {
			err = packageWellFormed(b)
		} else {
			err = wellFormed(b)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", zf.Name, err)
		}
	}
	return nil
}
