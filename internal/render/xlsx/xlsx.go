package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/render"
	"github.com/agsreport/agsreport/internal/report"
)

// Render writes doc as an .xlsx workbook to w and reports the number of
// visible worksheets (one per section, at least one).
//
// The output depends only on doc: the same document gives the same bytes.
// Render never writes a formula: all cell text is stored as text. An error
// means nothing usable was written; w may hold a partial file, so callers
// write to a temporary file and rename it on success.
func Render(w io.Writer, doc *report.Document) (render.Info, error) {
	if doc == nil {
		return render.Info{}, errors.New("xlsx: nil document")
	}
	if _, err := doc.Page.Paper(); err != nil {
		return render.Info{}, fmt.Errorf("xlsx: %w", err)
	}
	m, err := newMetrics()
	if err != nil {
		return render.Info{}, err
	}
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	plainTheme(f)

	// The default font sets the unit of column widths (see unitPoints).
	if err := f.SetDefaultFont(fontFamily); err != nil {
		return render.Info{}, fmt.Errorf("xlsx: default font: %w", err)
	}
	r := &renderer{doc: doc, f: f, m: m, st: newStyles(f, doc.Style.RuleColour), zip: newOrderedZip(nil)}
	r.setSizes()

	secs := doc.Sections
	if len(secs) == 0 {
		secs = []report.Section{{Name: doc.Meta.Title}}
	}
	names := make([]string, 0, len(secs)+1)
	for _, s := range secs {
		names = append(names, s.Name)
	}
	names = sheetNames(append(names, "Lists"))
	r.listSheet = names[len(names)-1]
	names = names[:len(names)-1]

	if err := r.setupBook(names); err != nil {
		return render.Info{}, err
	}
	for i, sec := range secs {
		s, err := r.layout(sec, names[i])
		if err != nil {
			return render.Info{}, fmt.Errorf("xlsx: sheet %q: %w", names[i], err)
		}
		s.index = i
		if err := r.write(s); err != nil {
			return render.Info{}, fmt.Errorf("xlsx: sheet %q: %w", names[i], err)
		}
	}
	// excelize gathers the archive in a bytes.Buffer of its own and then
	// copies it to w (growing that buffer allocated 11 MB for the two
	// workbooks of the 10,000-action sample); the archive goes to w
	// directly instead, and excelize's buffer stays empty. excelize only
	// changes what it gathered when a part is over 4 GB, which the zip
	// writer here marks itself (see partHeader).
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		r.zip.w = w
		r.zip.titles = r.titles
		return r.zip
	})
	if n, err := f.WriteTo(io.Discard); err != nil {
		return render.Info{}, fmt.Errorf("xlsx: write workbook: %w", err)
	} else if n != 0 {
		return render.Info{}, fmt.Errorf("xlsx: write workbook: excelize wrote %d bytes of its own", n)
	}
	return render.Info{Sheets: len(secs)}, nil
}

// renderer holds what one Render call shares between sheets.
type renderer struct {
	doc       *report.Document
	f         *excelize.File
	m         *metrics
	st        *styles
	listSheet string // hidden sheet holding the status names, if needed
	listRef   string // absolute reference to the status names
	// sizes in points, with defaults filled in
	body, table float64
	headings    [3]float64
	total       float64      // width of the column grid in Excel column units
	titles      []printTitle // print titles, in the order the sheets were written
	zip         *orderedZip  // the parts of the workbook, and the sheets' rows
	rw          rowWriter
}

func (r *renderer) setSizes() {
	s := r.doc.Style
	r.body = positive(s.FontSize, 10)
	r.table = positive(s.TableFontSize, 9)
	for i, d := range [3]float64{14, 12, 10.5} {
		r.headings[i] = positive(s.HeadingSizes[i], d)
	}
	wmm := printableWidth(r.doc.Page)
	r.total = math.Floor(wmm/25.4*72/fitUnitPoints*100) / 100
}

func positive(v, def float64) float64 {
	if v > 0 && v < 400 {
		return v
	}
	return def
}

// paper returns the Excel paper-size code and the page size in millimetres
// (portrait). Render has refused an unknown size before this is asked.
func paper(size string) (code int, w, h float64) {
	pp, ok := report.LookupPaper(size)
	if !ok {
		pp, _ = report.LookupPaper(report.DefaultPaper)
	}
	return pp.ExcelCode, pp.Width, pp.Height
}

// printableWidth is the page width inside the margins in millimetres.
func printableWidth(p report.Page) float64 {
	_, w, h := paper(p.Size)
	if p.Landscape {
		w = h
	}
	w -= math.Max(p.Margins.Left, 0) + math.Max(p.Margins.Right, 0)
	if w < 50 || math.IsNaN(w) {
		w = 50
	}
	return w
}

// setupBook creates the sheets in order, the hidden status list and the
// document properties.
func (r *renderer) setupBook(names []string) error {
	f := r.f
	if err := f.SetSheetName("Sheet1", names[0]); err != nil {
		return fmt.Errorf("xlsx: name sheet %q: %w", names[0], err)
	}
	for _, n := range names[1:] {
		if _, err := f.NewSheet(n); err != nil {
			return fmt.Errorf("xlsx: add sheet %q: %w", n, err)
		}
	}
	// Setting the active sheet reads every worksheet, so it must happen
	// before any is streamed (reading a streamed sheet back parses it all).
	f.SetActiveSheet(0)
	if r.needsList() {
		if _, err := f.NewSheet(r.listSheet); err != nil {
			return fmt.Errorf("xlsx: add sheet %q: %w", r.listSheet, err)
		}
		n := 0
		for _, st := range r.doc.Statuses {
			name := cleanText(st.Name)
			if strings.TrimSpace(name) == "" {
				continue
			}
			n++
			cell := "A" + strconv.Itoa(n)
			if err := f.SetCellStr(r.listSheet, cell, name); err != nil {
				return fmt.Errorf("xlsx: status list: %w", err)
			}
			if needsQuote(name) {
				id, err := r.st.id(styleKey{size: r.table, quote: true})
				if err != nil {
					return err
				}
				if err := f.SetCellStyle(r.listSheet, cell, cell, id); err != nil {
					return fmt.Errorf("xlsx: status list: %w", err)
				}
			}
		}
		if err := f.SetSheetVisible(r.listSheet, false); err != nil {
			return fmt.Errorf("xlsx: hide status list: %w", err)
		}
		r.listRef = quoteSheet(r.listSheet) + "!$A$1:$A$" + strconv.Itoa(n)
	}
	return r.setProps()
}

// needsList reports whether some table has a status column and the document
// has a status vocabulary.
func (r *renderer) needsList() bool {
	has := false
	for _, st := range r.doc.Statuses {
		if strings.TrimSpace(st.Name) != "" {
			has = true
		}
	}
	if !has {
		return false
	}
	for _, sec := range r.doc.Sections {
		for _, b := range sec.Blocks {
			if t, ok := b.(*report.Table); ok && t != nil {
				for _, c := range t.Columns {
					if c.Status {
						return true
					}
				}
			}
		}
	}
	return false
}

// setProps writes the document properties with fixed dates.
func (r *renderer) setProps() error {
	meta := r.doc.Meta
	date := meta.Date
	if date.IsZero() {
		date = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	stamp := date.UTC().Format("2006-01-02T15:04:05Z")
	author := meta.Author
	if author == "" {
		author = "agsreport"
	}
	if err := r.f.SetDocProps(&excelize.DocProperties{
		Title:          cleanText(meta.Title),
		Subject:        cleanText(meta.Subject),
		Creator:        cleanText(author),
		Keywords:       cleanText(strings.Join(meta.Keywords, ", ")),
		Language:       cleanText(meta.Language),
		LastModifiedBy: "agsreport",
		Created:        stamp,
		Modified:       stamp,
	}); err != nil {
		return fmt.Errorf("xlsx: document properties: %w", err)
	}
	if err := r.f.SetAppProps(&excelize.AppProperties{Application: "agsreport"}); err != nil {
		return fmt.Errorf("xlsx: application properties: %w", err)
	}
	return nil
}

// write streams a laid-out sheet and sets its validations, formats, filter,
// charts and print setup.
func (r *renderer) write(s *sheet) error {
	f := r.f
	// The stream writer writes the sheet properties when it starts, so the
	// print setup (which sets them) comes first.
	if err := r.printSetup(s); err != nil {
		return err
	}
	breaks := s.paginate(bodyHeight(r.doc.Page) / s.printScale())
	s.splitAtBreaks(breaks)
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return fmt.Errorf("stream: %w", err)
	}
	for _, b := range breaks {
		if err := sw.InsertPageBreak("A" + strconv.Itoa(b)); err != nil {
			return fmt.Errorf("page break before row %d: %w", b, err)
		}
	}
	// Each call puts its column first in the list and the stream writer
	// does not sort them, so the widths are set from the last column back.
	for i := len(s.widths); i >= 1; i-- {
		if err := sw.SetColWidth(i, i, s.widths[i-1]); err != nil {
			return fmt.Errorf("column width: %w", err)
		}
	}
	if s.headRow > 0 && s.headRow < len(s.rows) {
		top := "A" + strconv.Itoa(s.headRow+1)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: s.headRow, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
		}); err != nil {
			return fmt.Errorf("freeze panes: %w", err)
		}
	}
	// The rows and merged areas go straight into the zip, deflated (see
	// cells.go); excelize writes the sheet around them.
	if err := r.zip.Splice(s.index, emptyRows, func(w io.Writer) error {
		return r.rw.writeRows(w, s.rows)
	}); err != nil {
		return err
	}
	if len(s.merges) > 0 {
		if err := sw.MergeCell(mergeMark[0], mergeMark[1]); err != nil {
			return fmt.Errorf("merge: %w", err)
		}
		if err := r.zip.Splice(s.index, mergePlaceholder, func(w io.Writer) error {
			return r.rw.writeMerges(w, s.merges)
		}); err != nil {
			return err
		}
	}
	if err := r.statusRules(s); err != nil {
		return err
	}
	for _, c := range s.charts {
		if err := f.AddChart(s.name, "A"+strconv.Itoa(c.row), c.chart); err != nil {
			return fmt.Errorf("chart: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("flush: %w", err)
	}
	return nil
}

// statusRules adds the drop-down and the colouring rules to status cells.
func (r *renderer) statusRules(s *sheet) error {
	if len(s.status) == 0 || r.listRef == "" {
		return nil
	}
	refs := make([]string, 0, len(s.status))
	for _, sr := range s.status {
		a, _ := excelize.CoordinatesToCellName(sr.col, sr.row0)
		b, _ := excelize.CoordinatesToCellName(sr.col, sr.row1)
		refs = append(refs, a+":"+b)
	}
	sqref := strings.Join(refs, " ")
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	dv.SetSqrefDropList(r.listRef)
	dv.SetError(excelize.DataValidationErrorStyleWarning, "Status", "This is not one of the statuses of this report.")
	if err := r.f.AddDataValidation(s.name, dv); err != nil {
		return fmt.Errorf("status drop-down: %w", err)
	}
	var rules []excelize.ConditionalFormatOptions
	for _, st := range r.doc.Statuses {
		name := cleanText(st.Name)
		if strings.TrimSpace(name) == "" || !validColour(st.Colour) || len(name) > 250 {
			continue
		}
		id, err := r.st.fillFormat(st.Colour, st.Symbol)
		if err != nil {
			return err
		}
		rules = append(rules, excelize.ConditionalFormatOptions{
			Type: "cell", Criteria: "==", Format: &id,
			// A string literal: quotes doubled, nothing else is interpreted.
			Value: `"` + strings.ReplaceAll(name, `"`, `""`) + `"`,
		})
	}
	if len(rules) == 0 {
		return nil
	}
	if err := r.f.SetConditionalFormat(s.name, sqref, rules); err != nil {
		return fmt.Errorf("status colours: %w", err)
	}
	return nil
}

// printSetup sets the autofilter, paper, orientation, fit to one page wide,
// margins, running header and footer, and the repeated header row.
func (r *renderer) printSetup(s *sheet) error {
	f := r.f
	if s.headRow > 0 {
		// AutoFilter replaces the sheet properties, so it comes first.
		last := s.lastRow
		if last < s.headRow {
			last = s.headRow
		}
		a, _ := excelize.CoordinatesToCellName(1, s.headRow)
		b, _ := excelize.CoordinatesToCellName(s.lastCol, last)
		if err := f.AutoFilter(s.name, a+":"+b, nil); err != nil {
			return fmt.Errorf("autofilter: %w", err)
		}
		// The repeated header row is a defined name scoped to the sheet.
		// excelize's SetDefinedName scans every sheet for every defined
		// name already set, which is quadratic in sheets, so the names are
		// written into workbook.xml when the file is zipped (see
		// orderedZip.printTitles).
		row := "$" + strconv.Itoa(s.headRow)
		r.titles = append(r.titles, printTitle{sheet: s.index, refersTo: quoteSheet(s.name) + "!" + row + ":" + row})
	}
	// A sheet laid out wider than the page (see fitFlat) is shrunk to the
	// page's width by the spreadsheet program, as every sheet is allowed
	// to be: a scale of our own would not allow for a program drawing
	// column units wider than fitUnitPoints.
	yes := true
	if err := f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return fmt.Errorf("sheet properties: %w", err)
	}
	code, _, _ := paper(r.doc.Page.Size)
	orient := "portrait"
	if r.doc.Page.Landscape {
		orient = "landscape"
	}
	one, zero := 1, 0
	layout := &excelize.PageLayoutOptions{Size: &code, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}
	if err := f.SetPageLayout(s.name, layout); err != nil {
		return fmt.Errorf("page layout: %w", err)
	}
	mg := r.doc.Page.Margins
	in := func(mm float64) *float64 {
		v := math.Round(math.Max(mm, 0)/25.4*1000) / 1000
		return &v
	}
	if err := f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{
		Top: in(mg.Top), Bottom: in(mg.Bottom), Left: in(mg.Left), Right: in(mg.Right),
		Header: in(mg.Top * 0.4), Footer: in(mg.Bottom * 0.4),
	}); err != nil {
		return fmt.Errorf("page margins: %w", err)
	}
	footer := r.doc.Footer
	if footer.Empty() {
		footer = report.Running{Centre: "Page {page} of {pages}"}
	}
	width := printableWidth(r.doc.Page) / 25.4 * 72
	if err := f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddHeader: running(r.m.fitThirds(r.doc.Header, width)), OddFooter: running(r.m.fitThirds(footer, width)),
	}); err != nil {
		return fmt.Errorf("header and footer: %w", err)
	}
	return nil
}

// runningPoints is the size running headers and footers are measured at:
// printed with no size set, they come out in Calibri 11 (Excel) or
// Liberation Sans 10 (LibreOffice), about as wide as Arial 10.
const runningPoints = 10.0

// fitThirds shortens the slots of a running header or footer so that they
// cannot print over each other: the centre slot at most a third of the
// page width, the left and right slots at most what the centre leaves on
// their side ("{page}" and "{pages}" measured as "999"). A shortened slot
// ends in "…".
func (m *metrics) fitThirds(rn report.Running, width float64) report.Running {
	gap := 2 * runningPoints
	measure := func(s string) float64 {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "{pages}", "999"), "{page}", "999")
		return m.textWidth(cleanLine(s), false) * runningPoints
	}
	fit := func(s string, room float64) string {
		if measure(s) <= room {
			return s
		}
		r := []rune(s)
		for len(r) > 0 && measure(string(r)+"…") > room {
			r = r[:len(r)-1]
		}
		return strings.TrimSpace(string(r)) + "…"
	}
	out := report.Running{Centre: fit(rn.Centre, width/3)}
	side := width / 2
	if out.Centre != "" {
		side = (width-measure(out.Centre))/2 - gap
	}
	out.Left, out.Right = fit(rn.Left, side), fit(rn.Right, side)
	return out
}

// maxRunning is the longest header or footer Excel accepts.
const maxRunning = 255

// running turns a running header or footer into Excel's code: "&L", "&C",
// "&R" slots, "{page}" → "&P", "{pages}" → "&N", a literal "&" → "&&".
// Slots are shortened, longest first, until the code fits Excel's limit.
func running(rn report.Running) string {
	slots := [3][]rune{[]rune(cleanLine(rn.Left)), []rune(cleanLine(rn.Centre)), []rune(cleanLine(rn.Right))}
	for {
		var b strings.Builder
		for i, code := range []string{"&L", "&C", "&R"} {
			if len(slots[i]) == 0 {
				continue
			}
			b.WriteString(code)
			s := strings.ReplaceAll(string(slots[i]), "&", "&&")
			s = strings.ReplaceAll(s, "{pages}", "&N")
			s = strings.ReplaceAll(s, "{page}", "&P")
			b.WriteString(s)
		}
		out := b.String()
		if utf16Len(out) <= maxRunning {
			return out
		}
		longest := 0
		for i := range slots {
			if len(slots[i]) > len(slots[longest]) {
				longest = i
			}
		}
		cut := len(slots[longest]) - 8
		if cut < 0 {
			cut = 0
		}
		slots[longest] = append(slots[longest][:cut:cut], '…')
		if cut == 0 {
			slots[longest] = nil
		}
	}
}

// cleanLine is cleanText on one line: newlines become spaces.
func cleanLine(s string) string {
	return strings.ReplaceAll(cleanText(s), "\n", " ")
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}
