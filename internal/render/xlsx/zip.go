package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// orderedZip collects the workbook's parts and writes them, on Close, in a
// fixed order ([Content_Types].xml first, then by name) with a fixed
// timestamp, because excelize writes streamed sheets in map order.
type orderedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
}

func newOrderedZip(w io.Writer) excelize.ZipWriter {
	return &orderedZip{w: w, parts: make(map[string]*bytes.Buffer)}
}

// Create starts a part; a second part of the same name replaces the first.
func (z *orderedZip) Create(name string) (io.Writer, error) {
	b := new(bytes.Buffer)
	z.parts[name] = b
	return b, nil
}

// AddFS is not used by excelize when saving; it is refused rather than
// silently ignored.
func (z *orderedZip) AddFS(fs.FS) error {
	return fmt.Errorf("xlsx: adding a file system to the workbook is not supported")
}

// Close writes the zip archive.
func (z *orderedZip) Close() error {
	names := make([]string, 0, len(z.parts))
	for n := range z.parts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i] == "[Content_Types].xml", names[j] == "[Content_Types].xml"
		if a != b {
			return a
		}
		return names[i] < names[j]
	})
	zw := zip.NewWriter(z.w)
	// The fastest deflate level: workbooks grow by about a tenth and are
	// written in half the time.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	stamp := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range names {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return fmt.Errorf("xlsx: zip part %s: %w", n, err)
		}
		body := z.parts[n].Bytes()
		if n == "[Content_Types].xml" {
			body = sortOverrides(body)
		}
		if _, err := fw.Write(body); err != nil {
			return fmt.Errorf("xlsx: zip part %s: %w", n, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("xlsx: close zip: %w", err)
	}
	return nil
}

// typeRE matches one Default or Override element of [Content_Types].xml.
var typeRE = regexp.MustCompile(`<(?:Default|Override) [^>]*?(?:/>|></(?:Default|Override)>)`)

// sortOverrides puts the Default and Override elements of
// [Content_Types].xml in a fixed order, Defaults first (excelize adds both
// in map order when a workbook has charts). When the elements are not one
// contiguous run the body is left as it is.
func sortOverrides(body []byte) []byte {
	locs := typeRE.FindAllIndex(body, -1)
	if len(locs) < 2 {
		return body
	}
	start, end := locs[0][0], locs[len(locs)-1][1]
	parts := make([]string, 0, len(locs))
	pos := start
	for _, l := range locs {
		if l[0] != pos {
			return body // not contiguous: leave alone
		}
		parts = append(parts, string(body[l[0]:l[1]]))
		pos = l[1]
	}
	sort.Slice(parts, func(i, j int) bool {
		di, dj := strings.HasPrefix(parts[i], "<Default"), strings.HasPrefix(parts[j], "<Default")
		if di != dj {
			return di
		}
		return parts[i] < parts[j]
	})
	out := make([]byte, 0, len(body))
	out = append(out, body[:start]...)
	for _, p := range parts {
		out = append(out, p...)
	}
	return append(out, body[end:]...)
}
