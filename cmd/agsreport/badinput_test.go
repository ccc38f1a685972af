package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeBook writes a workbook whose sheets hold the given rows (row 1
// first) and returns its bytes.
func writeBook(t *testing.T, sheets map[string][][]any, order ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range order {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var header = []any{"Action Ref", "Action", "Lead", "Target Date", "Status"}

func actions(rows ...[]any) map[string][][]any {
	return map[string][][]any{"Actions": append([][]any{{"Action plan 2024-25"}, {}, header}, rows...)}
}

// TestBadInputs runs `agsreport check` on one bad input each and asserts the
// located message a person sees and exit code 1.
func TestBadInputs(t *testing.T) {
	good := writeBook(t, actions([]any{"1(i)", "Review contracts", "AD Finance", "31/03/2025", "ONGOING"}), "Actions")
	tests := []struct {
		name   string
		plan   []byte
		update []byte // optional progress return for period Q1
		sheet  string // the job's actions sheet
		want   []string
	}{
		{"empty file", nil, nil, "Actions",
			[]string{"error: plan.xlsx: is not an Excel workbook (.xlsx) or CSV file"}},
		{"text file named .xlsx", []byte("hello, this is not a spreadsheet\x00\x01"), nil, "Actions",
			[]string{"error: plan.xlsx: is not an Excel workbook (.xlsx) or CSV file"}},
		{"truncated workbook", good[:len(good)/2], nil, "Actions",
			[]string{"error: plan.xlsx: is damaged or incomplete (not a readable .xlsx file); open it in Excel and save it again"}},
		{"password-protected workbook", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), nil, "Actions",
			[]string{"error: plan.xlsx: is password-protected (or an old .xls file); save it without a password as .xlsx"}},
		{"missing required column", writeBook(t, map[string][][]any{"Actions": {{"Action Ref", "Lead", "Status"}, {"1(i)", "AD", "ONGOING"}}}, "Actions"), nil, "Actions",
			[]string{`error: plan.xlsx: sheet "Actions", row 1: no action column (a header such as "Action", "Agreed Action" or "Action Description"); the headers found are "Action Ref", "Lead", "Status"`}},
		{"unknown sheet", good, nil, "Action Plan",
			[]string{`error: plan.xlsx: there is no sheet "Action Plan"; the sheets are "Actions"`}},
		{"unparseable date", writeBook(t, actions([]any{"1(i)", "Review", "AD", "31/02/2025", "ONGOING"}), "Actions"), nil, "Actions",
			[]string{`error: plan.xlsx: sheet "Actions", cell D4 ("Target Date"): "31/02/2025" is not a date (day/month/year)`}},
		{"duplicate action ref", writeBook(t, actions([]any{"1(i)", "One", "AD", "", "ONGOING"}, []any{"1 (i)", "Two", "AD", "", "ONGOING"}), "Actions"), nil, "Actions",
			[]string{`error: plan.xlsx: sheet "Actions", cell A5 ("Action Ref"): action ref "1 (i)" is already used at cell A4`}},
		{"unknown status", writeBook(t, actions([]any{"1(i)", "One", "AD", "", "Amber-ish"}), "Actions"), nil, "Actions",
			[]string{`error: plan.xlsx: sheet "Actions", cell E4 ("Status"): unknown status "Amber-ish" (the statuses are "COMPLETE", "ON TARGET", "ONGOING", "NOT STARTED", "BEHIND SCHEDULE"; add it as an alias under [statuses] in the job to accept it)`}},
		{"empty sheet", writeBook(t, map[string][][]any{"Actions": nil}, "Actions"), nil, "Actions",
			[]string{`error: plan.xlsx: sheet "Actions": the sheet is empty`}},
		{"update for an unknown ref", good,
			writeBook(t, map[string][][]any{"Return": {{"Action Ref", "Status", "Progress Update"}, {"1(i)", "ONGOING", "Fine"}, {"FS9", "ONGOING", "Lost?"}}}, "Return"), "Actions",
			[]string{`error: q1.xlsx: sheet "Return", cell A3 ("Action Ref"): action "FS9" is not in the plan: correct the ref in the return, or set the row aside with ignore = [{ref = "FS9", reason = "…"}] in the job's [[updates]] block for Q1`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "plan.xlsx"), tt.plan, 0o644); err != nil {
				t.Fatal(err)
			}
			job := "title = \"Plan\"\n[plan]\nworkbook = \"plan.xlsx\"\n[plan.actions]\nsheet = \"" + tt.sheet + "\"\n"
			if tt.update != nil {
				if err := os.WriteFile(filepath.Join(dir, "q1.xlsx"), tt.update, 0o644); err != nil {
					t.Fatal(err)
				}
				job += "[[updates]]\nperiod = \"Q1\"\nworkbooks = [\"q1.xlsx\"]\n"
			}
			jobPath := filepath.Join(dir, "report.toml")
			if err := os.WriteFile(jobPath, []byte(job), 0o644); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(filepath.Join(dir, "plan.xlsx"))
			var out, errb bytes.Buffer
			code := run([]string{"check", jobPath}, &out, &errb)
			if code != 1 {
				t.Errorf("exit code %d, want 1\nstdout:\n%s\nstderr:\n%s", code, out.String(), errb.String())
			}
			lines := strings.Split(out.String(), "\n")
			for _, w := range tt.want {
				found := false
				for _, l := range lines {
					found = found || l == w
				}
				if !found {
					t.Errorf("the output has no line\n%s\n%s", w, out.String())
				}
			}
			if strings.Contains(out.String()+errb.String(), "goroutine ") || strings.Contains(errb.String(), "internal error") {
				t.Errorf("a Go trace or internal error reached the user:\n%s%s", out.String(), errb.String())
			}
			after, _ := os.ReadFile(filepath.Join(dir, "plan.xlsx"))
			if !bytes.Equal(before, after) {
				t.Error("the input workbook was modified")
			}
		})
	}
}
