package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"
)

// partsOf returns the parts f writes, uncompressed, by name.
func partsOf(t *testing.T, f *excelize.File) map[string][]byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[zf.Name] = b
	}
	return parts
}

// The theme part stored in place of excelize's is byte for byte the one
// excelize writes for a new workbook, and storing it changes no part of the
// workbook.
func TestThemeMatchesExcelize(t *testing.T) {
	want := partsOf(t, excelize.NewFile())
	theirs, ok := want[themePath]
	if !ok {
		t.Fatalf("excelize wrote no %s", themePath)
	}
	if *update {
		if err := os.WriteFile("theme1.xml", theirs, 0o644); err != nil {
			t.Fatal(err)
		}
		themeXML = theirs
	}
	if !bytes.Equal(themeXML, theirs) {
		t.Fatalf("theme1.xml differs from the theme excelize writes (%d bytes, excelize %d); run go test -update after checking the change", len(themeXML), len(theirs))
	}
	f := excelize.NewFile()
	plainTheme(f)
	got := partsOf(t, f)
	if len(got) != len(want) {
		t.Fatalf("%d parts with the stored theme, %d without", len(got), len(want))
	}
	for name, b := range want {
		if !bytes.Equal(got[name], b) {
			t.Errorf("part %s differs with the stored theme", name)
		}
	}
}
