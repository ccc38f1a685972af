package xlsxdump

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ErrFormula is wrapped by the error Dump returns when a cell holds a
// formula. agsreport writes cell text as data, never as formulas, so a
// formula in one of its workbooks is a defect.
var ErrFormula = errors.New("cells hold formulas")

// autoFilter finds a worksheet's filter range in its XML, which excelize
// offers no getter for.
var autoFilter = regexp.MustCompile(`<autoFilter ref="([^"]+)"`)

// Dump reads the workbook of the given size from r and describes it as
// stable text (see the package documentation for what is included).
//
// An unreadable workbook gives "" and an error. A workbook in which cells
// hold formulas gives the complete dump, with each such cell marked
// formula=…, together with an error wrapping ErrFormula that names every
// one of those cells.
func Dump(r io.ReaderAt, size int64) (string, error) {
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size))
	if err != nil {
		return "", fmt.Errorf("open workbook: %w", err)
	}
	defer func() { _ = f.Close() }()
	raw, err := sheetXML(r, size)
	if err != nil {
		return "", err
	}
	d := &dumper{f: f}
	if err := d.workbook(raw); err != nil {
		return "", err
	}
	if len(d.formulas) > 0 {
		return d.b.String(), fmt.Errorf("%s: %w", strings.Join(d.formulas, ", "), ErrFormula)
	}
	return d.b.String(), nil
}

// dumper holds one dump's output and the formula cells it met.
type dumper struct {
	f        *excelize.File
	b        strings.Builder
	formulas []string
}

func (d *dumper) p(format string, a ...any) { fmt.Fprintf(&d.b, format, a...) }

func (d *dumper) workbook(raw []string) error {
	f := d.f
	props, err := f.GetDocProps()
	if err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	d.p("props title=%q subject=%q creator=%q keywords=%q language=%q modifiedBy=%q created=%s modified=%s\n",
		props.Title, props.Subject, props.Creator, props.Keywords, props.Language, props.LastModifiedBy, props.Created, props.Modified)
	app, err := f.GetAppProps()
	if err != nil {
		return fmt.Errorf("application properties: %w", err)
	}
	d.p("application %q\n", app.Application)
	for _, dn := range f.GetDefinedName() {
		d.p("defined %q scope=%q refers=%q\n", dn.Name, dn.Scope, dn.RefersTo)
	}
	for idx, name := range f.GetSheetList() {
		vis, err := f.GetSheetVisible(name)
		if err != nil {
			return fmt.Errorf("sheet %q: visibility: %w", name, err)
		}
		d.p("sheet %q visible=%v\n", name, vis)
		if err := d.sheet(name); err != nil {
			return fmt.Errorf("sheet %q: %w", name, err)
		}
		if idx < len(raw) {
			if m := autoFilter.FindStringSubmatch(raw[idx]); m != nil {
				d.p("  autofilter %s\n", m[1])
			}
		}
	}
	return nil
}

// sheetXML returns the worksheet parts (xl/worksheets/sheetN.xml) in order
// of N, which is workbook order for the workbooks agsreport writes.
func sheetXML(r io.ReaderAt, size int64) ([]string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("open workbook as zip: %w", err)
	}
	byName := make(map[string]*zip.File, len(zr.File))
	for _, zf := range zr.File {
		byName[zf.Name] = zf
	}
	var out []string
	for i := 1; ; i++ {
		name := fmt.Sprintf("xl/worksheets/sheet%d.xml", i)
		zf, ok := byName[name]
		if !ok {
			return out, nil
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", name, err)
		}
		body, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		out = append(out, string(body))
	}
}

func (d *dumper) sheet(name string) error {
	f := d.f
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return fmt.Errorf("rows: %w", err)
	}
	merges, err := f.GetMergeCells(name, true)
	if err != nil {
		return fmt.Errorf("merged cells: %w", err)
	}
	maxRow, maxCol := len(rows), 0
	for _, r := range rows {
		maxCol = max(maxCol, len(r))
	}
	// Cells inside a merged area read back as the area's value; only the
	// top-left cell holds it.
	hidden := make(map[string]bool)
	for _, m := range merges {
		c0, r0, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		if err != nil {
			return fmt.Errorf("merge %s: %w", m.GetStartAxis(), err)
		}
		c1, r1, err := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err != nil {
			return fmt.Errorf("merge %s: %w", m.GetEndAxis(), err)
		}
		maxRow, maxCol = max(maxRow, r1), max(maxCol, c1)
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				if r != r0 || c != c0 {
					ref, _ := excelize.CoordinatesToCellName(c, r)
					hidden[ref] = true
				}
			}
		}
	}
	var widths []string
	for c := 1; c <= maxCol; c++ {
		col, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(name, col)
		if err != nil {
			return fmt.Errorf("width of column %s: %w", col, err)
		}
		widths = append(widths, fmt.Sprintf("%s=%g", col, w))
	}
	d.p("  cols %s\n", strings.Join(widths, " "))
	for r := 1; r <= maxRow; r++ {
		h, err := f.GetRowHeight(name, r)
		if err != nil {
			return fmt.Errorf("height of row %d: %w", r, err)
		}
		var cells []string
		for c := 1; c <= maxCol; c++ {
			ref, _ := excelize.CoordinatesToCellName(c, r)
			if hidden[ref] {
				continue
			}
			line, err := d.cell(name, ref)
			if err != nil {
				return fmt.Errorf("cell %s: %w", ref, err)
			}
			if line != "" {
				cells = append(cells, line)
			}
		}
		if h == 15 && len(cells) == 0 {
			continue
		}
		d.p("  row %d height=%g\n", r, h)
		for _, c := range cells {
			d.p("    %s\n", c)
		}
	}
	var ms []string
	for _, m := range merges {
		ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if len(ms) > 0 {
		d.p("  merges %s\n", strings.Join(ms, " "))
	}
	return d.sheetSettings(name)
}

// sheetSettings describes validations, conditional formats, panes and the
// page setup of a sheet.
func (d *dumper) sheetSettings(name string) error {
	f := d.f
	dvs, err := f.GetDataValidations(name)
	if err != nil {
		return fmt.Errorf("data validations: %w", err)
	}
	for _, dv := range dvs {
		d.p("  validation %s type=%s formula=%q error=%s\n", dv.Sqref, dv.Type, dv.Formula1, deref(dv.ErrorStyle))
	}
	cfs, err := f.GetConditionalFormats(name)
	if err != nil {
		return fmt.Errorf("conditional formats: %w", err)
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
			d.p("  conditional %s %s %s %s%s\n", k, o.Type, o.Criteria, o.Value, fill)
		}
	}
	panes, err := f.GetPanes(name)
	if err != nil {
		return fmt.Errorf("panes: %w", err)
	}
	if panes.Freeze {
		d.p("  freeze ySplit=%d topLeft=%s\n", panes.YSplit, panes.TopLeftCell)
	}
	props, err := f.GetSheetProps(name)
	if err != nil {
		return fmt.Errorf("sheet properties: %w", err)
	}
	lay, err := f.GetPageLayout(name)
	if err != nil {
		return fmt.Errorf("page layout: %w", err)
	}
	mg, err := f.GetPageMargins(name)
	if err != nil {
		return fmt.Errorf("page margins: %w", err)
	}
	d.p("  page size=%d orientation=%s fitToPage=%v fitWidth=%d fitHeight=%d\n",
		derefInt(lay.Size), deref(lay.Orientation), props.FitToPage != nil && *props.FitToPage, derefInt(lay.FitToWidth), derefInt(lay.FitToHeight))
	d.p("  margins top=%g bottom=%g left=%g right=%g header=%g footer=%g\n",
		derefF(mg.Top), derefF(mg.Bottom), derefF(mg.Left), derefF(mg.Right), derefF(mg.Header), derefF(mg.Footer))
	hf, err := f.GetHeaderFooter(name)
	if err != nil {
		return fmt.Errorf("header and footer: %w", err)
	}
	if hf != nil {
		d.p("  header %q footer %q\n", hf.OddHeader, hf.OddFooter)
	}
	return nil
}

// cell describes one non-empty cell, or returns "" for an empty one. A
// formula is recorded in d.formulas and shown in the line.
func (d *dumper) cell(sheet, ref string) (string, error) {
	f := d.f
	formula, err := f.GetCellFormula(sheet, ref)
	if err != nil {
		return "", fmt.Errorf("formula: %w", err)
	}
	if formula != "" {
		d.formulas = append(d.formulas, fmt.Sprintf("%s!%s", sheet, ref))
	}
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		return "", fmt.Errorf("value: %w", err)
	}
	if v == "" && formula == "" {
		return "", nil
	}
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		return "", fmt.Errorf("type: %w", err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s", ref, cellTypeName(typ), short(v))
	if formula != "" {
		fmt.Fprintf(&b, " formula=%q", formula)
	}
	sid, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		return "", fmt.Errorf("style: %w", err)
	}
	st, err := f.GetStyle(sid)
	if err != nil {
		return "", fmt.Errorf("style %d: %w", sid, err)
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
		return "", fmt.Errorf("rich text: %w", err)
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
	return b.String(), nil
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
