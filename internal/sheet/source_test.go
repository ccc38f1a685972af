package sheet

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSheetStatesAndHiddenRows checks that the reader reports each sheet's
// state and each row's visibility as the workbook stores them.
func TestSheetStatesAndHiddenRows(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for _, name := range []string{"Archive", "Secret"} {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetVisible("Archive", false))
	must(f.SetSheetVisible("Secret", false, true))
	for r := 1; r <= 3; r++ {
		ref, _ := excelize.CoordinatesToCellName(1, r)
		must(f.SetCellValue("Sheet1", ref, r))
	}
	must(f.SetRowVisible("Sheet1", 2, false))
	path := filepath.Join(t.TempDir(), "states.xlsx")
	must(f.SaveAs(path))

	src, err := openSource(path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.close()
	for name, want := range map[string]sheetState{"Sheet1": sheetVisible, "Archive": sheetHidden, "Secret": sheetVeryHidden, "Nowhere": sheetVisible} {
		if got := src.state(name); got != want {
			t.Errorf("state(%q) = %v, want %v", name, got, want)
		}
	}
	it, err := src.rows("Sheet1", true)
	if err != nil {
		t.Fatal(err)
	}
	var hidden []int
	for it.next() {
		if it.hidden() {
			hidden = append(hidden, it.row())
		}
	}
	must(it.close())
	if len(hidden) != 1 || hidden[0] != 2 {
		t.Errorf("hidden rows %v, want [2]", hidden)
	}
}

// TestCSVTooLarge: a CSV file over the bound is refused, with its size and
// the bound, before it is read. The file is sparse, so it takes no disk.
func TestCSVTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(maxCSV + 1<<20); err != nil {
		f.Close()
		t.Skipf("cannot make a large sparse file here: %v", err)
	}
	f.Close()
	_, err = openSource(path)
	if want := "is too large for a CSV file (257 MB; at most 256 MB)"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}
