package sheet

import (
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// shower gives a cell's shown value: its stored value with the cell's
// number format applied.
//
// Numbers in the General format, and text in the General or Text format,
// are shown here directly. Every other number format is applied by
// excelize's formatter, through a scratch workbook held in memory: a
// measured choice that keeps shown values exactly what agsreport showed
// when excelize read the whole workbook (papers stay byte-identical),
// while excelize's per-cell reflection and its second pass over each sheet
// are gone. Results are cached per cell format and stored value, so a
// column of dates costs one formatting per distinct date.
type shower struct {
	st      *styles
	is1904  bool
	scratch *excelize.File
	ids     map[int]int // cell format → scratch style id; -1 when excelize refuses it
	cache   map[showKey]string
}

type showKey struct {
	xf   int
	text bool
	v    string
}

// maxShowCache bounds the cache of formatted values; values longer than
// 64 bytes are not cached.
const maxShowCache = 1 << 16

func newShower(st *styles, is1904 bool) *shower {
	return &shower{st: st, is1904: is1904, ids: map[int]int{}, cache: map[showKey]string{}}
}

// numFmt returns the number format id of a cell format, 0 (General) when
// the cell has no format or one the styles part does not define.
func (s *shower) numFmt(xf int) int {
	if xf <= 0 || xf >= len(s.st.xfs) {
		return 0
	}
	return s.st.xfs[xf].numFmt
}

// general reports whether a cell format shows values as stored (General,
// or Text for text).
func (s *shower) general(xf int, text bool) bool {
	if xf == 0 {
		return true // excelize shows unformatted cells as stored
	}
	id := s.numFmt(xf)
	code, custom := s.st.numFmts[id]
	switch {
	case custom:
		// A custom "General" is not the built-in one to excelize: it shows
		// numbers to ten digits, so only text skips the formatter.
		code = strings.ToLower(code)
		return text && (code == "general" || code == "@")
	case id == 0:
		return true
	case id == 49:
		return text
	}
	return false
}

// number shows a number cell's stored value v.
func (s *shower) number(xf int, v string) string {
	v = normalNumber(v)
	if s.general(xf, false) {
		return v
	}
	if s.is1904 && s.isDate(xf) {
		// excelize's formatter counts serials from 1900 whatever the
		// workbook says; move the serial to that system (1,462 days on).
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return s.format(xf, false, strconv.FormatFloat(f+1462, 'f', -1, 64))
		}
	}
	return s.format(xf, false, v)
}

// isDate reports whether a cell format shows dates or times of day: a
// built-in date format, or a code with date or time letters outside quoted
// text, escapes and brackets. Elapsed times ([h]:mm) are no dates.
func (s *shower) isDate(xf int) bool {
	id := s.numFmt(xf)
	code, custom := s.st.numFmts[id]
	if !custom {
		return id >= 14 && id <= 22 || id == 45 || id == 47
	}
	code = strings.ToLower(code)
	if strings.Contains(code, "[h") || strings.Contains(code, "[m") || strings.Contains(code, "[s") {
		return false
	}
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				return false
			}
		case '\\', '_', '*':
			i++
		case '[':
			if j := strings.IndexByte(code[i:], ']'); j >= 0 {
				i += j
			}
		case 'd', 'm', 'y', 'h', 's':
			return true
		case ';':
			return false // only the first section decides
		}
	}
	return false
}

// text shows a text cell's value.
func (s *shower) text(xf int, v string) string {
	if v == "" || s.general(xf, true) {
		return v
	}
	return s.format(xf, true, v)
}

// date shows a cell of type "d", an ISO 8601 date-time, as the serial
// number of that time formatted with the cell's format.
func (s *shower) date(xf int, v string) string {
	layout := "2006-01-02T15:04:05.999"
	switch {
	case strings.HasSuffix(v, "Z"):
		layout = "2006-01-02T15:04:05Z"
	case len(v) == 10:
		layout = "2006-01-02"
	}
	t, err := time.Parse(layout, strings.ReplaceAll(v, ",", "."))
	if err != nil {
		return s.text(xf, v)
	}
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	serial := float64(t.Sub(epoch)) / float64(24*time.Hour)
	if t.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
		serial-- // Excel counts a 29 February 1900 that never was
	}
	return s.number(xf, strconv.FormatFloat(serial, 'G', 15, 64))
}

// normalNumber writes a stored number as excelize shows it: plainly, with
// at most 15 significant digits when its plain form has more than 15
// characters (sign included, as excelize counts them).
func normalNumber(v string) string {
	if strings.Contains(v, "_") {
		return v
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	plain := strconv.FormatFloat(f, 'f', -1, 64)
	if len(plain)-strings.Count(plain, ".") > 15 && !withinPrecision(v) {
		return strconv.FormatFloat(f, 'G', 15, 64)
	}
	return plain
}

// withinPrecision reports an integer zero-filled after 15 significant
// digits, which is shown in full.
func withinPrecision(v string) bool {
	if strings.ContainsAny(v, ".Ee") {
		return false
	}
	v = strings.TrimLeft(v, "+-0")
	return len(strings.TrimRight(v, "0")) <= 15
}

// format applies a cell format other than General through the scratch
// workbook.
func (s *shower) format(xf int, text bool, v string) string {
	key := showKey{xf: xf, text: text, v: v}
	if out, ok := s.cache[key]; ok {
		return out
	}
	out := s.formatNow(xf, text, v)
	if len(v) <= 64 && len(s.cache) < maxShowCache {
		s.cache[key] = out
	}
	return out
}

func (s *shower) formatNow(xf int, text bool, v string) string {
	const sheet, ref = "Sheet1", "A1"
	if s.scratch == nil {
		s.scratch = excelize.NewFile()
	}
	id, ok := s.ids[xf]
	if !ok {
		id = -1
		style := &excelize.Style{NumFmt: s.numFmt(xf)}
		if code, custom := s.st.numFmts[style.NumFmt]; custom {
			style.NumFmt = 0
			style.CustomNumFmt = &code
		}
		if n, err := s.scratch.NewStyle(style); err == nil {
			id = n
		}
		s.ids[xf] = id
	}
	if id < 0 {
		return v
	}
	var err error
	if text {
		err = s.scratch.SetCellStr(sheet, ref, v)
	} else {
		err = s.scratch.SetCellDefault(sheet, ref, v)
	}
	if err != nil {
		return v
	}
	if err := s.scratch.SetCellStyle(sheet, ref, ref, id); err != nil {
		return v
	}
	out, err := s.scratch.GetCellValue(sheet, ref)
	if err != nil {
		return v
	}
	return out
}
