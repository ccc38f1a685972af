package xlsx

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/report"
)

// fontFamily is the font of every cell. LibreOffice substitutes the
// metric-compatible Liberation Sans, which is what rows are measured with.
const fontFamily = "Arial"

// styleKey identifies one cell format. Formats are created once per key and
// per workbook, never per cell.
type styleKey struct {
	size         float64
	bold, italic bool
	colour       string // text colour "#RRGGBB", "" for automatic
	fill         string // background "#RRGGBB", "" for none
	align        report.Align
	centreV      bool // vertically centred (else top)
	border       bool
	wrap         bool
	// quote sets the quote prefix: the cell's text stays text when an
	// officer edits it, even if it starts like a formula.
	quote bool
	// date gives the cell a date format.
	date bool
	// numFmt is the number format of a typed number cell (a percentage,
	// a priority's rank shown as its word); "" for none.
	numFmt string
	// prefix is a status symbol the cell's format shows before its text,
	// so the value stays the status name the drop-down offers.
	prefix string
}

// styles caches excelize style IDs by key.
type styles struct {
	f      *excelize.File
	ids    map[styleKey]int
	rule   string // border colour
	dxfIDs map[string]int
}

func newStyles(f *excelize.File, rule string) *styles {
	if !validColour(rule) {
		rule = "#808080"
	}
	return &styles{f: f, ids: make(map[styleKey]int), rule: rule, dxfIDs: make(map[string]int)}
}

// id returns the style ID for k, creating the style on first use.
func (s *styles) id(k styleKey) (int, error) {
	if id, ok := s.ids[k]; ok {
		return id, nil
	}
	st := &excelize.Style{
		Font: &excelize.Font{Family: fontFamily, Size: k.size, Bold: k.bold, Italic: k.italic},
		Alignment: &excelize.Alignment{
			Vertical: "top",
			WrapText: k.wrap,
		},
	}
	if k.centreV {
		st.Alignment.Vertical = "center"
	}
	switch k.align {
	case report.Centre:
		st.Alignment.Horizontal = "center"
	case report.Right:
		st.Alignment.Horizontal = "right"
	default:
		st.Alignment.Horizontal = "left"
	}
	if validColour(k.colour) {
		st.Font.Color = k.colour
	}
	if validColour(k.fill) {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{k.fill}}
	}
	if k.date {
		st.CustomNumFmt = &dateFormat
	} else if k.numFmt != "" {
		f := k.numFmt
		st.CustomNumFmt = &f
	} else if k.prefix != "" {
		f := prefixFormat(k.prefix)
		st.CustomNumFmt = &f
	}
	if k.quote {
		// excelize merges styles that differ only in the quote prefix, which
		// its Style cannot express; an explicit "locked" (every cell's
		// default) keeps the quoted format apart.
		st.Protection = &excelize.Protection{Locked: true}
	}
	if k.border {
		for _, side := range []string{"left", "top", "right", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: s.rule, Style: 1})
		}
	}
	id, err := s.f.NewStyle(st)
	if err != nil {
		return 0, fmt.Errorf("xlsx: create cell style: %w", err)
	}
	if k.quote {
		if err := setQuotePrefix(s.f, id); err != nil {
			return 0, err
		}
	}
	s.ids[k] = id
	return id, nil
}

// setQuotePrefix sets the quote prefix of cell format id: Excel and
// LibreOffice then keep the cell's text as text when it is edited, even if
// it starts with "=". excelize's Style has no field for it, but the style
// sheet it writes has one, so it is set there. The tests read the prefix
// back with openpyxl, which catches excelize changing this.
func setQuotePrefix(f *excelize.File, id int) error {
	if f.Styles == nil || f.Styles.CellXfs == nil || id < 0 || id >= len(f.Styles.CellXfs.Xf) {
		return fmt.Errorf("xlsx: quote prefix: cell format %d not found", id)
	}
	yes := true
	f.Styles.CellXfs.Xf[id].QuotePrefix = &yes
	return nil
}

// dateFormat is the number format of date cells: "31 Mar 2018", short
// enough for a narrow column (a number that does not fit prints as ###).
var dateFormat = "d mmm yyyy"

// needsQuote reports whether text a cell starts with would be taken for a
// formula or a command if an officer typed it: =, +, -, @, tab or carriage
// return first.
func needsQuote(v any) bool {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case richText:
		for _, r := range x.runs {
			if r.text != "" {
				s = r.text
				break
			}
		}
	}
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// fillFormat returns the conditional-format ID that fills a cell with colour.
func (s *styles) fillFormat(colour, symbol string) (int, error) {
	k := colour + "\x00" + symbol
	if id, ok := s.dxfIDs[k]; ok {
		return id, nil
	}
	st := &excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}}
	if symbol != "" {
		f := prefixFormat(symbol)
		st.CustomNumFmt = &f
	}
	id, err := s.f.NewConditionalStyle(st)
	if err != nil {
		return 0, fmt.Errorf("xlsx: create conditional format for %s: %w", colour, err)
	}
	s.dxfIDs[k] = id
	return id, nil
}

// prefixFormat is the text number format that shows symbol and a space
// before a cell's text ("@" is the text): every character is escaped with
// a backslash, so none is read as a format code.
func prefixFormat(symbol string) string {
	var b strings.Builder
	for _, r := range symbol + " " {
		b.WriteByte('\\')
		b.WriteRune(r)
	}
	b.WriteByte('@')
	return b.String()
}

// valueFormat returns the number a typed cell holds and the number format
// that shows it as the cell's text: a percentage as a fraction shown with
// as many decimals as it has ("85%", "12.5%"), a rank as the word the plan
// gives (every character escaped, as in prefixFormat), so that sorting the
// column sorts by rank while the cell reads "High". ok is false when the
// cell is not typed.
func valueFormat(v report.Value, shown string) (number float64, format string, ok bool) {
	switch v.Kind {
	case report.PercentValue:
		f := "0%"
		switch p := v.Number; {
		case p == math.Round(p):
		case p*10 == math.Round(p*10):
			f = "0.0%"
		default:
			f = "0.00%"
		}
		return v.Number / 100, f, true
	case report.RankValue:
		shown = strings.TrimSpace(shown)
		if shown == "" {
			return 0, "", false
		}
		var b strings.Builder
		for _, r := range shown {
			b.WriteByte('\\')
			b.WriteRune(r)
		}
		return v.Number, b.String(), true
	}
	return 0, "", false
}

// validColour reports whether c is a document colour (see report.ParseColour).
func validColour(c string) bool { return report.IsColour(c) }

// cellValue turns rich text into what a cell holds: a plain string when the
// whole text has one face (the face then goes into the style), otherwise
// rich-text runs. Text beyond a cell's 32,767 characters is cut (only a
// spanning cell or an unbroken word can get there: taller text is split
// over rows before it reaches a cell). Lines are joined with newlines, a SpaceBefore line gets a
// blank line before it, bullets start with "• ". base is the style's font.
// It reports the face of uniform text so the caller can pick the style.
func cellValue(t report.Text, size float64, colour string, baseBold bool) (value any, bold, italic bool) {
	uniform := true
	first := true
	length := 0 // bytes, for the builder
	for _, l := range t.Lines {
		length += 2 + len(bullet)
		for _, r := range l.Runs {
			length += len(r.Text)
			if r.Text == "" {
				continue
			}
			if first {
				bold, italic, first = r.Bold, r.Italic, false
			} else if r.Bold != bold || r.Italic != italic {
				uniform = false
			}
		}
	}
	if uniform {
		if len(t.Lines) == 1 && !t.Lines[0].Bullet {
			if s, ok := soleText(t.Lines[0].Runs); ok {
				return cleanText(s), bold || baseBold, italic
			}
		}
		var b strings.Builder
		b.Grow(length)
		for i, l := range t.Lines {
			if i > 0 {
				b.WriteByte('\n')
				if l.SpaceBefore {
					b.WriteByte('\n')
				}
			}
			if l.Bullet {
				b.WriteString(bullet)
			}
			for _, r := range l.Runs {
				b.WriteString(cleanText(r.Text))
			}
		}
		return b.String(), bold || baseBold, italic
	}
	var marks [8]runMark // room for the runs of most cells
	rb := runBuilder{marks: marks[:0], room: maxCellUnits, baseBold: baseBold}
	rb.b.Grow(length)
	for i, l := range t.Lines {
		if i > 0 {
			sep := "\n"
			if l.SpaceBefore {
				sep = "\n\n"
			}
			rb.add(sep, false, false)
		}
		if l.Bullet {
			rb.add(bullet, false, false)
		}
		for _, r := range l.Runs {
			rb.add(cleanText(r.Text), r.Bold, r.Italic)
		}
	}
	return richText{size: size, colour: colour, runs: rb.runs()}, false, false
}

// runBuilder gathers the text of a rich-text cell as one string, with
// where each run of one face ends, so that the runs are slices of it.
type runBuilder struct {
	b        strings.Builder
	marks    []runMark
	room     int // UTF-16 units the cell can still take
	baseBold bool
}

// runMark is the end of a run in the text and its face.
type runMark struct {
	end          int
	bold, italic bool
}

// add appends text in a face, cut to what the cell can still take.
func (rb *runBuilder) add(text string, bold, italic bool) {
	n := utf16Len(text)
	if n > rb.room {
		text = truncUTF16(text, rb.room)
		n = utf16Len(text)
	}
	rb.room -= n
	if text == "" {
		return
	}
	bold = bold || rb.baseBold
	rb.b.WriteString(text)
	if k := len(rb.marks); k > 0 && rb.marks[k-1].bold == bold && rb.marks[k-1].italic == italic {
		rb.marks[k-1].end = rb.b.Len()
		return
	}
	rb.marks = append(rb.marks, runMark{end: rb.b.Len(), bold: bold, italic: italic})
}

// runs returns the runs gathered.
func (rb *runBuilder) runs() []richRun {
	s := rb.b.String()
	runs := make([]richRun, len(rb.marks))
	start := 0
	for i, m := range rb.marks {
		runs[i] = richRun{text: s[start:m.end], bold: m.bold, italic: m.italic}
		start = m.end
	}
	return runs
}

// soleText returns the text of runs when at most one of them has any.
func soleText(runs []report.Run) (string, bool) {
	s := ""
	for _, r := range runs {
		if r.Text == "" {
			continue
		}
		if s != "" {
			return "", false
		}
		s = r.Text
	}
	return s, true
}
