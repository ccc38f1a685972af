package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// csvSource is a CSV file: one table, no sheets, every value text. UTF-8
// with or without a byte-order mark is read as is; UTF-16 with a
// byte-order mark (Excel's "Unicode text") is read the same way; a file
// that is not valid UTF-8 is taken to be Windows-1252, as Excel saves "CSV"
// on Windows. The delimiter is sniffed from the first line: a tab when it
// has more tabs than commas and semicolons (as "Unicode text" is saved),
// ";" when it has more semicolons than commas (as Excel writes CSV in much
// of Europe), else ",".
type csvSource struct {
	data  []byte
	comma rune
}

func newCSVSource(data []byte) *csvSource {
	if bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if out, err := dec.Bytes(data); err == nil {
			data = out
		}
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		if dec, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			data = dec
		}
	}
	return &csvSource{data: data, comma: sniffComma(data)}
}

// sniffComma counts the delimiters of the first line outside quotes.
func sniffComma(data []byte) rune {
	commas, semis, tabs, quoted := 0, 0, 0, false
	pick := func() rune {
		switch {
		case tabs > commas && tabs > semis:
			return '\t'
		case semis > commas:
			return ';'
		}
		return ','
	}
	for _, c := range data {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			return pick()
		case c == ',':
			commas++
		case c == ';':
			semis++
		case c == '\t':
			tabs++
		}
	}
	return pick()
}

func (s *csvSource) sheets() []string              { return nil }
func (s *csvSource) date1904() bool                { return false }
func (s *csvSource) state(string) sheetState       { return sheetVisible }
func (s *csvSource) close()                        {}
func (s *csvSource) merges(string) ([]area, error) { return nil, nil }

func (s *csvSource) rows(string, bool) (rowIter, error) {
	r := csv.NewReader(bytes.NewReader(s.data))
	r.Comma = s.comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	return &csvRows{r: r}, nil
}

// csvRows streams records. A record spanning several lines (a quoted cell
// with line breaks) is one row, numbered by the line it starts on, so that
// messages point where an editor shows it.
type csvRows struct {
	r    *csv.Reader
	rec  []string
	line int
	err  error
}

func (it *csvRows) next() bool {
	if it.err != nil || it.r == nil {
		return false
	}
	rec, err := it.r.Read()
	if errors.Is(err, io.EOF) {
		it.r = nil
		return false
	}
	if err != nil {
		it.err = fmt.Errorf("is not a readable CSV file: %w", err)
		return false
	}
	it.rec = rec
	it.line, _ = it.r.FieldPos(0)
	return true
}

func (it *csvRows) row() int { return it.line }

func (it *csvRows) hidden() bool { return false }

func (it *csvRows) cells() ([]cell, error) {
	out := make([]cell, len(it.rec))
	for i, v := range it.rec {
		out[i].text = v
	}
	return out, nil
}

func (it *csvRows) close() error { return it.err }
