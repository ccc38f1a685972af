package xlsx

import (
	"bytes"
	"errors"
	"testing"

	"github.com/agsreport/agsreport/internal/render/xlsx/xlsxdump"
)

// dumpWorkbook reads a rendered workbook back and describes it as stable
// text with xlsxdump. It fails the test on any formula, and stops it when
// the workbook cannot be read.
func dumpWorkbook(t *testing.T, data []byte) string {
	t.Helper()
	out, err := xlsxdump.Dump(bytes.NewReader(data), int64(len(data)))
	if errors.Is(err, xlsxdump.ErrFormula) {
		t.Errorf("the workbook holds formulas: %v", err)
		return out
	}
	if err != nil {
		t.Fatalf("dump: %v", err)
	}
	return out
}
