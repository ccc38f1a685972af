package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// dumpWorkbook reads a rendered workbook back and describes it as stable
// text: sheets, properties, cells (value, rich runs, font, fill), merges,
// row heights, column widths, validations, conditional formats, defined
// names, panes, filter and page setup. It fails the test on any formula.
func dumpWorkbook(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	defer func() { _ = f.Close() }()
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }

	props, err := f.GetDocProps()
	if err != nil {
		t.Fatalf("doc props: %v", err)
	}
	p("props title=%q subject=%q creator=%q keywords=%q language=%q modifiedBy=%q created=%s modified=%s\n",
		props.Title, props.Subject, props.Creator, props.Keywords, props.Language, props.LastModifiedBy, props.Created, props.Modified)
	app, err := f.GetAppProps()
	if err != nil {
		t.Fatalf("app props: %v", err)
	}
	p("application %q\n", app.Application)
	for _, dn := range f.GetDefinedName() {
		p("defined %q scope=%q refers=%q\n", dn.Name, dn.Scope, dn.RefersTo)
	}
	raw := sheetXML(t, data)
	for idx, name := range f.GetSheetList() {
		vis, err := f.GetSheetVisible(name)
		if err != nil {
			t.Fatalf("visible %s: %v", name, err)
		}
		p("sheet %q visible=%v\n", name, vis)
		dumpSheet(t, f, name, p)
		if m := regexp.MustCompile(`<autoFilter ref="([^"]+)"`).FindStringSubmatch(raw[idx]); m != nil {
			p("  autofilter %s\n", m[1])
		}
	}
	return b.String()
}

// sheetXML returns the worksheet parts in workbook order.
func sheetXML(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	var out []string
	for i := 1; ; i++ {
		name := fmt.Sprintf("xl/worksheets/sheet%d.xml", i)
		var found *zip.File
		for _, zf := range zr.File {
			if zf.Name == name {
				found = zf
			}
		}
		if found == nil {
			return out
		}
		rc, err := found.Open()
		if err != nil {
			t.Fatalf("open %s: %v", name, err)
		}
		body, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		out = append(out, string(body))
	}
}

func dumpSheet(t *testing.T, f *excelize.File, name string, p func(string, ...any)) {
	t.Helper()
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("rows %s: %v", name, err)
	}
	merges, err := f.GetMergeCells(name, true)
	if err != nil {
		t.Fatalf("merges %s: %v", name, err)
	}
	maxRow, maxCol := len(rows), 0
	for _, r := range rows {
		maxCol = max(maxCol, len(r))
	}
	for _, m := range merges {
		c, r, err := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err != nil {
			t.Fatalf("merge %v: %v", m, err)
		}
		maxRow, maxCol = max(maxRow, r), max(maxCol, c)
	}
	var widths []string
	for c := 1; c <= maxCol; c++ {
		col, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(name, col)
		if err != nil {
			t.Fatalf("col width: %v", err)
		}
		widths = append(widths, fmt.Sprintf("%s=%g", col, w))
	}
	p("  cols %s\n", strings.Join(widths, " "))
	// Cells inside a merged area read back as the area's value; only the
	// top-left cell holds it.
	hidden := make(map[string]bool)
	for _, m := range merges {
		c0, r0, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				if r != r0 || c != c0 {
					ref, _ := excelize.CoordinatesToCellName(c, r)
					hidden[ref] = true
				}
			}
		}
	}
	for r := 1; r <= maxRow; r++ {
		h, err := f.GetRowHeight(name, r)
		if err != nil {
			t.Fatalf("row height: %v", err)
		}
		var cells []string
		for c := 1; c <= maxCol; c++ {
			ref, _ := excelize.CoordinatesToCellName(c, r)
			if hidden[ref] {
				continue
			}
			if line := dumpCell(t, f, name, ref); line != "" {
				cells = append(cells, line)
			}
		}
		if h == 15 && len(cells) == 0 {
			continue
		}
		p("  row %d height=%g\n", r, h)
		for _, c := range cells {
			p("    %s\n", c)
		}
	}
	var ms []string
	for _, m := range merges {
		ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if len(ms) > 0 {
		p("  merges %s\n", strings.Join(ms, " "))
	}
	dvs, err := f.GetDataValidations(name)
	if err != nil {
		t.Fatalf("validations: %v", err)
	}
	for _, dv := range dvs {
		p("  validation %s type=%s formula=%q error=%s\n", dv.Sqref, dv.Type, dv.Formula1, deref(dv.ErrorStyle))
	}
	cfs, err := f.GetConditionalFormats(name)
	if err != nil {
		t.Fatalf("conditional formats: %v", err)
	}
	keys := make([]string, 0, len(cfs))
	for k := range cfs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, o := range cfs[k] {
			fill := ""
			if o.Format != nil {
				// Conditional formats live in the dxf list, which excelize
				// does not read back; the ID is enough to tell rules apart.
				fill = fmt.Sprintf(" dxf=%d", *o.Format)
			}
			p("  conditional %s %s %s %s%s\n", k, o.Type, o.Criteria, o.Value, fill)
		}
	}
	panes, err := f.GetPanes(name)
	if err != nil {
		t.Fatalf("panes: %v", err)
	}
	if panes.Freeze {
		p("  freeze ySplit=%d topLeft=%s\n", panes.YSplit, panes.TopLeftCell)
	}
	props, err := f.GetSheetProps(name)
	if err != nil {
		t.Fatalf("sheet props: %v", err)
	}
	lay, err := f.GetPageLayout(name)
	if err != nil {
		t.Fatalf("page layout: %v", err)
	}
	mg, err := f.GetPageMargins(name)
	if err != nil {
		t.Fatalf("margins: %v", err)
	}
	p("  page size=%d orientation=%s fitToPage=%v fitWidth=%d fitHeight=%d\n",
		derefInt(lay.Size), deref(lay.Orientation), props.FitToPage != nil && *props.FitToPage, derefInt(lay.FitToWidth), derefInt(lay.FitToHeight))
	p("  margins top=%g bottom=%g left=%g right=%g header=%g footer=%g\n",
		derefF(mg.Top), derefF(mg.Bottom), derefF(mg.Left), derefF(mg.Right), derefF(mg.Header), derefF(mg.Footer))
	hf, err := f.GetHeaderFooter(name)
	if err != nil {
		t.Fatalf("header/footer: %v", err)
	}
	if hf != nil {
		p("  header %q footer %q\n", hf.OddHeader, hf.OddFooter)
	}
}

// dumpCell describes one non-empty cell, or returns "" for an empty one.
func dumpCell(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	formula, err := f.GetCellFormula(sheet, ref)
	if err != nil {
		t.Fatalf("formula %s: %v", ref, err)
	}
	if formula != "" {
		t.Errorf("%s!%s holds a formula %q", sheet, ref, formula)
	}
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("value %s: %v", ref, err)
	}
	if v == "" {
		return ""
	}
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatalf("type %s: %v", ref, err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s", ref, cellTypeName(typ), short(v))
	sid, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatalf("style %s: %v", ref, err)
	}
	st, err := f.GetStyle(sid)
	if err != nil {
		t.Fatalf("style %d: %v", sid, err)
	}
	if st.Font != nil {
		fmt.Fprintf(&b, " font=%g", st.Font.Size)
		if st.Font.Bold {
			b.WriteString(" bold")
		}
		if st.Font.Italic {
			b.WriteString(" italic")
		}
		if st.Font.Color != "" {
			fmt.Fprintf(&b, " colour=%s", st.Font.Color)
		}
	}
	if len(st.Fill.Color) > 0 {
		fmt.Fprintf(&b, " fill=%s", st.Fill.Color[0])
	}
	if st.Alignment != nil {
		fmt.Fprintf(&b, " align=%s/%s", st.Alignment.Horizontal, st.Alignment.Vertical)
		if st.Alignment.WrapText {
			b.WriteString(" wrap")
		}
	}
	if len(st.Border) > 0 {
		b.WriteString(" border")
	}
	runs, err := f.GetCellRichText(sheet, ref)
	if err != nil {
		t.Fatalf("rich text %s: %v", ref, err)
	}
	if len(runs) > 1 {
		b.WriteString(" runs[")
		for i, r := range runs {
			if i > 0 {
				b.WriteString(" ")
			}
			face := ""
			if r.Font != nil {
				if r.Font.Bold {
					face += "b"
				}
				if r.Font.Italic {
					face += "i"
				}
			}
			fmt.Fprintf(&b, "%s%s", face, short(r.Text))
		}
		b.WriteString("]")
	}
	return b.String()
}

func cellTypeName(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "text"
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		return "number"
	case excelize.CellTypeFormula:
		return "FORMULA"
	}
	return fmt.Sprintf("type%d", t)
}

// short quotes s, shortening long text to its ends and length.
func short(s string) string {
	r := []rune(s)
	if len(r) <= 120 {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%q…%q(%d chars)", string(r[:50]), string(r[len(r)-30:]), len(r))
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func derefInt(i *int) int {
	if i == nil {
		return 0
	}
	return *i
}

func derefF(f *float64) float64 {
	if f == nil {
		return 0
	}
	return *f
}
