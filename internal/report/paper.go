package report

import (
	"fmt"
	"strings"
)

// Paper is a paper size every renderer knows, with the names each output
// format uses for it.
type Paper struct {
	Name          string  // as templates write it: "A4", "Letter"
	Width, Height float64 // portrait, millimetres
	ExcelCode     int     // the spreadsheet paper-size code
	CSSName       string  // the CSS @page size keyword
}

// papers is the registry of paper sizes; it is never modified.
var papers = []Paper{
	{Name: "A3", Width: 297, Height: 420, ExcelCode: 8, CSSName: "A3"},
	{Name: "A4", Width: 210, Height: 297, ExcelCode: 9, CSSName: "A4"},
	{Name: "A5", Width: 148, Height: 210, ExcelCode: 11, CSSName: "A5"},
	{Name: "Letter", Width: 215.9, Height: 279.4, ExcelCode: 1, CSSName: "letter"},
	{Name: "Legal", Width: 215.9, Height: 355.6, ExcelCode: 5, CSSName: "legal"},
}

// DefaultPaper is the size of a page whose Size is empty.
const DefaultPaper = "A4"

// Papers returns every paper size, in a fixed order.
func Papers() []Paper { return append([]Paper(nil), papers...) }

// PaperNames lists the sizes for messages: "A3, A4, A5, Letter or Legal".
func PaperNames() string {
	var names []string
	for _, p := range papers {
		names = append(names, p.Name)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// LookupPaper finds a paper size by name in any case; "" is DefaultPaper.
func LookupPaper(name string) (Paper, bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = DefaultPaper
	}
	for _, p := range papers {
		if strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	return Paper{}, false
}

// Paper returns the page's paper size, or an error naming the sizes known.
func (p Page) Paper() (Paper, error) {
	pp, ok := LookupPaper(p.Size)
	if !ok {
		return Paper{}, fmt.Errorf("unknown page size %q (want %s)", p.Size, PaperNames())
	}
	return pp, nil
}
