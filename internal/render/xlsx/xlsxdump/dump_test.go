package xlsxdump

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// book builds a small workbook with excelize and returns its bytes.
func book(t *testing.T, build func(f *excelize.File) error) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	if err := build(f); err != nil {
		t.Fatalf("build workbook: %v", err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatalf("write workbook: %v", err)
	}
	return buf.Bytes()
}

func TestDump(t *testing.T) {
	tests := []struct {
		name    string
		data    func(t *testing.T) []byte
		want    []string // lines the dump must hold
		wantErr error    // nil, ErrFormula, or errAny
	}{
		{
			name: "text merge and validation",
			data: func(t *testing.T) []byte {
				return book(t, func(f *excelize.File) error {
					if err := f.SetCellStr("Sheet1", "A1", "=1+1"); err != nil {
						return err
					}
					if err := f.SetCellStr("Sheet1", "A2", "1(ii)"); err != nil {
						return err
					}
					if err := f.MergeCell("Sheet1", "B2", "B4"); err != nil {
						return err
					}
					dv := excelize.NewDataValidation(true)
					dv.Sqref = "C2:C4"
					if err := dv.SetDropList([]string{"COMPLETE", "ON TARGET"}); err != nil {
						return err
					}
					return f.AddDataValidation("Sheet1", dv)
				})
			},
			want: []string{
				`sheet "Sheet1" visible=true`,
				`    A1 text "=1+1"`,
				`    A2 text "1(ii)"`,
				`  merges B2:B4`,
				`  validation C2:C4 type=list formula="\"COMPLETE,ON TARGET\"" error=`,
			},
		},
		{
			name: "formula",
			data: func(t *testing.T) []byte {
				return book(t, func(f *excelize.File) error {
					return f.SetCellFormula("Sheet1", "B3", "SUM(A1:A2)")
				})
			},
			want:    []string{`B3 `, `formula="SUM(A1:A2)"`},
			wantErr: ErrFormula,
		},
		{
			name:    "not a workbook",
			data:    func(*testing.T) []byte { return []byte("not a workbook") },
			wantErr: errAny,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data(t)
			got, err := Dump(bytes.NewReader(data), int64(len(data)))
			switch {
			case tc.wantErr == nil && err != nil:
				t.Fatalf("Dump: %v", err)
			case tc.wantErr == errAny && err == nil:
				t.Fatal("Dump read a file that is not a workbook without error")
			case tc.wantErr == ErrFormula && !errors.Is(err, ErrFormula):
				t.Fatalf("err = %v, want ErrFormula", err)
			}
			if tc.wantErr == ErrFormula && !strings.Contains(err.Error(), "Sheet1!B3") {
				t.Errorf("the error does not name the formula cell: %v", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("the dump lacks %q:\n%s", w, got)
				}
			}
		})
	}
}

// errAny stands for "some error" in the test table.
var errAny = errors.New("any error")

// TestDumpIsStable dumps the same workbook twice and compares.
func TestDumpIsStable(t *testing.T) {
	data := book(t, func(f *excelize.File) error {
		for i, v := range []string{"R1, R5, R7", "COMPLETE", "Officer time"} {
			cell, _ := excelize.CoordinatesToCellName(i+1, i+1)
			if err := f.SetCellStr("Sheet1", cell, v); err != nil {
				return err
			}
		}
		return nil
	})
	a, err := Dump(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Dump(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if a != b || !strings.Contains(a, `C3 text "Officer time"`) {
		t.Errorf("dumps differ or lack a cell:\n%s\n---\n%s", a, b)
	}
}
