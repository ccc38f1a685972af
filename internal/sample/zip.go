package sample

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"sort"
	"time"
)

// sortedZip holds a workbook's parts and zips them on Close in a fixed
// order ([Content_Types].xml first, then by name) with a fixed date,
// because excelize writes streamed sheets in map order: without it, the
// same sample came out with different bytes one run in three.
type sortedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
}

func newSortedZip(w io.Writer) *sortedZip {
	return &sortedZip{w: w, parts: map[string]*bytes.Buffer{}}
}

// Create starts a part; a second part of the same name replaces the first.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	b := &bytes.Buffer{}
	z.parts[name] = b
	return b, nil
}

// AddFS adds every file of fsys as a part.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		z.parts[name] = bytes.NewBuffer(data)
		return nil
	})
}

// zipDate is the date every part carries.
var zipDate = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Close writes the parts in order.
func (z *sortedZip) Close() error {
	names := make([]string, 0, len(z.parts))
	for n := range z.parts {
		names = append(names, n)
	}
	const first = "[Content_Types].xml"
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == first) != (names[j] == first) {
			return names[i] == first
		}
		return names[i] < names[j]
	})
	zw := zip.NewWriter(z.w)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: zipDate})
		if err != nil {
			return err
		}
		if _, err := w.Write(z.parts[n].Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}
