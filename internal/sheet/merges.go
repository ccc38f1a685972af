package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxMerges bounds the merged ranges read from one sheet.
const maxMerges = 1 << 20

// sheetParts maps each worksheet's name to its part in the zip, following
// the package relationships the way Excel does, and to its state.
func sheetParts(zr *zip.Reader) (map[string]string, map[string]sheetState, error) {
	wbPart := "xl/workbook.xml"
	var root relationships
	if err := decodePart(zr, "_rels/.rels", &root); err == nil {
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPart = resolvePart("", r.Target)
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name  string `xml:"name,attr"`
			ID    string `xml:"id,attr"`
			State string `xml:"state,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := decodePart(zr, wbPart, &wb); err != nil {
		return nil, nil, err
	}
	var rels relationships
	dir := path.Dir(wbPart)
	if err := decodePart(zr, path.Join(dir, "_rels", path.Base(wbPart)+".rels"), &rels); err != nil {
		return nil, nil, err
	}
	byID := map[string]string{}
	for _, r := range rels.Rels {
		byID[r.ID] = resolvePart(dir, r.Target)
	}
	out := map[string]string{}
	states := map[string]sheetState{}
	for _, s := range wb.Sheets {
		if p, ok := byID[s.ID]; ok {
			out[s.Name] = p
		}
		switch s.State {
		case "hidden":
			states[s.Name] = sheetHidden
		case "veryHidden":
			states[s.Name] = sheetVeryHidden
		}
	}
	return out, states, nil
}

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

func resolvePart(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(dir, target)
}

func openPart(zr *zip.Reader, name string) (io.ReadCloser, error) {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			return f.Open()
		}
	}
	return nil, fmt.Errorf("the workbook has no part %q", name)
}

func decodePart(zr *zip.Reader, name string, v any) error {
	rc, err := openPart(zr, name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(io.LimitReader(rc, maxXMLPart)).Decode(v); err != nil {
		return fmt.Errorf("part %q: %w", name, err)
	}
	return nil
}

// scanMerges reads the merged ranges of a worksheet part. The cell data
// before them is skipped by a byte search rather than parsed, so a large
// sheet costs one pass of reading and no more memory than a buffer.
func scanMerges(zr *zip.Reader, part string) ([]area, error) {
	rc, err := openPart(zr, part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	const chunk = 64 << 10
	const keep = 64 // longer than any "<prefix:mergeCells"
	marker := []byte("mergeCells")
	buf := make([]byte, 0, chunk+keep)
	tmp := make([]byte, chunk)
	for {
		n, rerr := rc.Read(tmp)
		buf = append(buf, tmp[:n]...)
		if start, ok := findTag(buf, marker); ok {
			return decodeMerges(io.MultiReader(bytes.NewReader(buf[start:]), rc))
		}
		if rerr == io.EOF {
			return nil, nil
		}
		if rerr != nil {
			return nil, rerr
		}
		if len(buf) > keep {
			buf = append(buf[:0], buf[len(buf)-keep:]...)
		}
	}
}

// findTag finds the start ("<") of an element whose local name begins with
// marker, with or without a namespace prefix.
func findTag(buf, marker []byte) (int, bool) {
	from := 0
	for {
		i := bytes.Index(buf[from:], marker)
		if i < 0 {
			return 0, false
		}
		i += from
		lt := bytes.LastIndexByte(buf[:i], '<')
		if lt >= 0 && validPrefix(buf[lt+1:i]) {
			return lt, true
		}
		from = i + len(marker)
	}
}

func validPrefix(p []byte) bool {
	if len(p) == 0 {
		return true
	}
	if p[len(p)-1] != ':' {
		return false
	}
	for _, c := range p[:len(p)-1] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func decodeMerges(r io.Reader) ([]area, error) {
	d := xml.NewDecoder(r)
	var out []area
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, fmt.Errorf("merged cells: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "mergeCell" {
				continue
			}
			for _, a := range t.Attr {
				if a.Name.Local != "ref" {
					continue
				}
				if ar, ok := parseArea(a.Value); ok {
					out = append(out, ar)
				}
			}
			if len(out) > maxMerges {
				return nil, errors.New("too many merged ranges")
			}
		case xml.EndElement:
			if t.Name.Local == "mergeCells" {
				sort.SliceStable(out, func(i, j int) bool { return out[i].top < out[j].top })
				return out, nil
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].top < out[j].top })
	return out, nil
}

// parseArea reads "B3:D7". A single cell is no merge.
func parseArea(ref string) (area, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return area{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(strings.ReplaceAll(a, "$", ""))
	c2, r2, err2 := excelize.CellNameToCoordinates(strings.ReplaceAll(b, "$", ""))
	if err1 != nil || err2 != nil {
		return area{}, false
	}
	ar := area{top: min(r1, r2), bottom: max(r1, r2), left: min(c1, c2), right: max(c1, c2)}
	if ar.top == ar.bottom && ar.left == ar.right {
		return area{}, false
	}
	return ar, true
}
