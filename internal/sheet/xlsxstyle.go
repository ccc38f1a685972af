package sheet

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// styles is what agsreport uses of a workbook's styles part: for each cell
// format (a cell's s attribute), its number format and solid fill colour.
type styles struct {
	xfs     []xfStyle
	numFmts map[int]string // custom number formats by id
}

type xfStyle struct {
	numFmt int
	fill   string // "RRGGBB", "" for none
}

// colorRef is a colour as the styles part writes it, before the palette
// and theme are known.
type colorRef struct {
	rgb     string
	indexed int // -1 when not indexed
	theme   int // -1 when not a theme colour
	tint    float64
}

// readStyles reads the cell formats, number formats, fills and palette.
func (wb *workbook) readStyles(name string, theme []string) (*styles, error) {
	x, c, err := wb.openPart(name)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	st := &styles{numFmts: map[int]string{}}
	var (
		fills    []*colorRef // nil for a fill that is not solid
		fillIDs  []int
		palette  []string
		section  string
		inFill   bool
		solid    bool
		fillFg   *colorRef
		tooMany  = &partError{part: name, problem: fmt.Sprintf("defines more than %d cell formats, fills or number formats", maxStyles)}
		badColor = func() colorRef { return colorRef{indexed: -1, theme: -1} }
	)
	for {
		tok, err := x.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			d := x.depth()
			if d == 2 {
				section = t.Name.Local
				continue
			}
			switch {
			case section == "numFmts" && d == 3 && t.Name.Local == "numFmt":
				id, err := strconv.Atoi(attr(t, "numFmtId"))
				if err == nil {
					st.numFmts[id] = attr(t, "formatCode")
				}
				if len(st.numFmts) > maxStyles {
					return nil, tooMany
				}
			case section == "fills" && d == 3 && t.Name.Local == "fill":
				inFill, solid, fillFg = true, false, nil
			case section == "fills" && inFill && t.Name.Local == "patternFill":
				solid = attr(t, "patternType") == "solid"
			case section == "fills" && inFill && t.Name.Local == "fgColor":
				cr := badColor()
				readColor(t, &cr)
				fillFg = &cr
			case section == "cellXfs" && d == 3 && t.Name.Local == "xf":
				n, _ := strconv.Atoi(attr(t, "numFmtId"))
				f, err := strconv.Atoi(attr(t, "fillId"))
				if err != nil {
					f = -1
				}
				st.xfs = append(st.xfs, xfStyle{numFmt: n})
				fillIDs = append(fillIDs, f)
				if len(st.xfs) > maxStyles {
					return nil, tooMany
				}
			case section == "colors" && t.Name.Local == "rgbColor":
				palette = append(palette, argb(attr(t, "rgb")))
				if len(palette) > 1024 {
					return nil, tooMany
				}
			}
		case xml.EndElement:
			if section == "fills" && x.depth() == 2 && inFill {
				inFill = false
				if solid && fillFg != nil {
					fills = append(fills, fillFg)
				} else {
					fills = append(fills, nil)
				}
				if len(fills) > maxStyles {
					return nil, tooMany
				}
			}
		}
	}
	if len(palette) == 0 {
		palette = defaultPalette[:]
	}
	for i, f := range fillIDs {
		if f >= 0 && f < len(fills) && fills[f] != nil {
			st.xfs[i].fill = fills[f].resolve(palette, theme)
		}
	}
	return st, nil
}

// readColor reads a colour element's attributes.
func readColor(t xml.StartElement, cr *colorRef) {
	for _, a := range t.Attr {
		switch a.Name.Local {
		case "rgb":
			cr.rgb = argb(a.Value)
		case "indexed":
			if n, err := strconv.Atoi(a.Value); err == nil {
				cr.indexed = n
			}
		case "theme":
			if n, err := strconv.Atoi(a.Value); err == nil {
				cr.theme = n
			}
		case "tint":
			if v, err := strconv.ParseFloat(a.Value, 64); err == nil && v >= -1 && v <= 1 {
				cr.tint = v
			}
		}
	}
}

// argb turns "FFC6EFCE" or "C6EFCE" into "C6EFCE"; "" when it is no colour.
func argb(s string) string {
	if len(s) == 8 {
		s = s[2:]
	}
	if len(s) != 6 {
		return ""
	}
	if _, err := strconv.ParseUint(s, 16, 32); err != nil {
		return ""
	}
	return strings.ToUpper(s)
}

// resolve gives the colour as "RRGGBB", looking up indexed colours in the
// palette and theme colours in the theme, tint applied; "" when it cannot
// be resolved (the system colours, an index past the palette).
func (c *colorRef) resolve(palette, theme []string) string {
	base := c.rgb
	switch {
	case base != "":
	case c.indexed >= 0:
		if c.indexed < len(palette) {
			base = palette[c.indexed]
		}
	case c.theme >= 0:
		if c.theme < len(theme) {
			base = theme[c.theme]
		}
	}
	if base == "" || c.tint == 0 {
		return base
	}
	return applyTint(base, c.tint)
}

// applyTint lightens (tint > 0) or darkens (tint < 0) a colour the way
// Excel does, on its luminance in the HLS model.
func applyTint(rgb string, tint float64) string {
	v, _ := strconv.ParseUint(rgb, 16, 32)
	r, g, b := float64(v>>16&0xFF)/255, float64(v>>8&0xFF)/255, float64(v&0xFF)/255
	h, l, s := rgbToHLS(r, g, b)
	if tint < 0 {
		l *= 1 + tint
	} else {
		l = l*(1-tint) + tint
	}
	r, g, b = hlsToRGB(h, l, s)
	to := func(x float64) int { return int(math.Round(math.Max(0, math.Min(1, x)) * 255)) }
	return fmt.Sprintf("%02X%02X%02X", to(r), to(g), to(b))
}

func rgbToHLS(r, g, b float64) (h, l, s float64) {
	hi, lo := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l = (hi + lo) / 2
	if hi == lo {
		return 0, l, 0
	}
	d := hi - lo
	if l <= 0.5 {
		s = d / (hi + lo)
	} else {
		s = d / (2 - hi - lo)
	}
	switch hi {
	case r:
		h = (g - b) / d
	case g:
		h = 2 + (b-r)/d
	default:
		h = 4 + (r-g)/d
	}
	h /= 6
	if h < 0 {
		h++
	}
	return h, l, s
}

func hlsToRGB(h, l, s float64) (r, g, b float64) {
	if s == 0 {
		return l, l, l
	}
	var m2 float64
	if l <= 0.5 {
		m2 = l * (1 + s)
	} else {
		m2 = l + s - l*s
	}
	m1 := 2*l - m2
	return hue(m1, m2, h+1.0/3), hue(m1, m2, h), hue(m1, m2, h-1.0/3)
}

func hue(m1, m2, h float64) float64 {
	if h < 0 {
		h++
	}
	if h > 1 {
		h--
	}
	switch {
	case h < 1.0/6:
		return m1 + (m2-m1)*h*6
	case h < 0.5:
		return m2
	case h < 2.0/3:
		return m1 + (m2-m1)*(2.0/3-h)*6
	}
	return m1
}

// readTheme reads the theme's colour scheme, in the order cells refer to
// it: light 1, dark 1, light 2, dark 2, accents 1 to 6, hyperlink,
// followed hyperlink.
func (wb *workbook) readTheme(name string) ([]string, error) {
	x, c, err := wb.openPart(name)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	byName := map[string]string{}
	inScheme, slot := false, ""
	for {
		tok, err := x.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "clrScheme":
				inScheme = true
			case inScheme && slot == "":
				slot = t.Name.Local
			case inScheme && t.Name.Local == "srgbClr":
				byName[slot] = argb(attr(t, "val"))
			case inScheme && t.Name.Local == "sysClr":
				byName[slot] = argb(attr(t, "lastClr"))
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "clrScheme":
				inScheme = false
			case t.Name.Local == slot:
				slot = ""
			}
		}
	}
	order := []string{"lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"}
	out := make([]string, len(order))
	for i, n := range order {
		out[i] = byName[n]
	}
	return out, nil
}

// defaultPalette is the spreadsheet format's standard palette of indexed
// colours, used when the styles part does not define its own.
var defaultPalette = [...]string{
	"000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
	"000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
	"800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
	"9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
	"000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
	"00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
	"3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
	"003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
}
