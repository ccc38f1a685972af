package app

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/approvals"
	"github.com/agsreport/agsreport/internal/testutil"
)

// TestApprovalsSheet runs Quarter 3 of the two-quarter cycle with two
// requests for a new target (see requestedCycle): `approvals` writes the
// sheet listing both; the governance officer records decisions in a copy;
// the job names it; check reads it. Expectations are worked by hand from
// the returns: FS1 asks 31 March 2024 → 30 September 2024, FS3 asks 30
// September 2023 → 31 January 2024; as at 31 December 2023 FS3 is overdue
// unless its request is agreed. In the sheet FS1 is row 5 and FS3 row 6;
// columns H, I, J are "Agreed (Y/N)", "Agreed on", "Agreed by".
func TestApprovalsSheet(t *testing.T) {
	job, sheet, base, write := approvalsCycle(t)
	wb, err := excelize.OpenFile(sheet)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := wb.GetRows(approvals.Sheet)
	wb.Close()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		approvals.Columns,
		{"FS1", "Director of Finance", q3, "31 March 2024", "30 September 2024", "Savings plan rephased"},
		{"FS3", "Head of Capital", q3, "30 September 2023", "31 January 2024", "Consultation extended to January"},
	}
	if got := rows[approvals.HeaderRow-1:]; len(got) != len(want) {
		t.Fatalf("the sheet has rows %q, want %q", got, want)
	}
	for i, w := range want {
		if got := strings.Join(rows[approvals.HeaderRow-1+i], "|"); !strings.HasPrefix(got, strings.Join(w, "|")) {
			t.Errorf("row %d is %q, want it to start %q", approvals.HeaderRow+i, got, strings.Join(w, "|"))
		}
	}

	// decide copies the written sheet and sets cells in the copy.
	decide := func(t *testing.T, cells map[string]string) string {
		t.Helper()
		f, err := excelize.OpenFile(sheet)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for c, v := range cells {
			if err := f.SetCellStr(approvals.Sheet, c, v); err != nil {
				t.Fatal(err)
			}
		}
		p := filepath.Join(t.TempDir(), "decided.xlsx")
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name     string
		cells    map[string]string
		overdue  string
		revised  string            // FS3's revised note
		says     []string          // what check says, each a substring of its summary
		briefing map[string]string // the briefing's extensions list, when checked
		errors   int
		warnings int
	}{
		{
			name:    "undecided",
			cells:   map[string]string{},
			overdue: "FS3",
			says: []string{
				`FS1 (Director of Finance): 31 March 2024 → 30 September 2024 — "Savings plan rephased"; not agreed yet`,
				`FS3 (Head of Capital): 30 September 2023 → 31 January 2024 — "Consultation extended to January"; not agreed yet`,
			},
		},
		{
			name:    "FS3 agreed, FS1 refused",
			cells:   map[string]string{"H5": "N", "I5": "12/12/2023", "J5": "Audit Committee", "H6": "Yes", "I6": "12 December 2023", "J6": "Audit Committee"},
			revised: "Revised: 31 January 2024 (was 30 September 2023; extension agreed 12 December 2023 by Audit Committee)",
			says: []string{
				`FS1 (Director of Finance): 31 March 2024 → 30 September 2024 — "Savings plan rephased"; refused 12 December 2023 by Audit Committee`,
				`FS3 (Head of Capital): 30 September 2023 → 31 January 2024 — "Consultation extended to January"; agreed 12 December 2023 by Audit Committee`,
			},
			briefing: map[string]string{
				"FS1": "Asked for 30 September 2024: Savings plan rephased. Refused 12 December 2023 by Audit Committee.",
				"FS3": "Asked for 31 January 2024: Consultation extended to January. Agreed 12 December 2023 by Audit Committee.",
			},
		},
		{
			name:    "agreed with no date, and a decision that is none",
			cells:   map[string]string{"H5": "maybe", "H6": "Y", "J6": "Audit Committee"},
			overdue: "FS3",
			says: []string{
				`decided.xlsx: sheet "Requests", cell H5 ("Agreed (Y/N)"): "maybe" is not a decision`,
				`cell I6 ("Agreed on"): the request for FS3 is agreed with no date`,
			},
			errors: 2,
		},
		{
			// A row copied and decided the other way: two decisions on
			// one request, an error naming both rows (not the job's
			// [[extensions]], which agree nothing here).
			name: "one request decided on two rows",
			cells: map[string]string{"H6": "Y", "I6": "12 December 2023", "J6": "Audit Committee",
				"A7": "FS3", "B7": "Head of Capital", "C7": q3, "D7": "30 September 2023", "E7": "31 January 2024",
				"F7": "Consultation extended to January", "H7": "N", "I7": "12 December 2023"},
			revised: "Revised: 31 January 2024 (was 30 September 2023; extension agreed 12 December 2023 by Audit Committee)",
			says: []string{
				`cell H7 ("Agreed (Y/N)"): a second decision on the request for FS3 in ` + q3 + ` (the first is at `,
			},
			errors: 1,
		},
		{
			// One message a cell: a date written wrong is not also
			// reported as no date at all.
			name:    "agreed on dates that are none",
			cells:   map[string]string{"H5": "N", "I5": "soon", "H6": "Y", "I6": "12/13/2023"},
			overdue: "FS3",
			says: []string{
				`cell I5 ("Agreed on"): "soon" is not a date: give the date of the decision`,
				`cell I6 ("Agreed on"): "12/13/2023" is not a date (day/month/year)`,
			},
			errors: 2,
		},
		{
			name:    "a date and a name with no decision, and a lead changed",
			cells:   map[string]string{"B5": "Chief Executive", "I6": "12 December 2023", "J6": "Audit Committee"},
			overdue: "FS3",
			says: []string{
				`cell B5 ("Lead"): "Chief Executive" is not the action's lead ("Director of Finance")`,
				`cell I6 ("Agreed on"): a date, 12 December 2023, with no decision under "Agreed (Y/N)": the request for FS3 stays undecided`,
				`cell J6 ("Agreed by"): "Audit Committee" with no decision`,
				`"Consultation extended to January"; not agreed yet`,
			},
			warnings: 3,
		},
		{
			name:     "a column of the council's own",
			cells:    map[string]string{"K4": "Minute", "K6": "AC 12/23"},
			overdue:  "FS3",
			says:     []string{`cell K6 ("Minute"): 1 cell(s) of the row are not read: "AC 12/23"`},
			warnings: 1,
		},
		{
			name:    "a row for another date than the return asks",
			cells:   map[string]string{"E6": "28 February 2024", "H6": "Y", "I6": "12 December 2023"},
			overdue: "FS3",
			says:    []string{`cell E6 ("Requested new target"): the row is about "28 February 2024", but the return for ` + q3 + ` asks for 31 January 2024 for FS3`},
			errors:  1,
		},
		{
			// Papers as at 31 December 2023 cannot report a decision of
			// 10 January 2024: a warning at the date, worked by hand.
			name:    "agreed after the as-at date",
			cells:   map[string]string{"H6": "Y", "I6": "10 January 2024", "J6": "Audit Committee"},
			revised: "Revised: 31 January 2024 (was 30 September 2023; extension agreed 10 January 2024 by Audit Committee)",
			says: []string{
				`decided.xlsx: sheet "Requests", cell I6 ("Agreed on"): action FS3: the revision to "31 January 2024" is recorded as agreed on 10 January 2024, after the as-at date of these papers (31 December 2023)`,
			},
			warnings: 1,
		},
		{
			name:    "a ref not in the plan",
			cells:   map[string]string{"A6": "FX3", "H6": "Y", "I6": "12 December 2023"},
			overdue: "FS3",
			says:    []string{`cell A6 ("Action Ref"): action "FX3" is not in the plan: did you mean "FS3"?`},
			errors:  1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := decide(t, tt.cells)
			before := fileHash(t, p)
			write("approvals = [" + quoteTOML(p) + "]\n" + base)
			l, err := Load(job)
			if err != nil {
				t.Fatal(err)
			}
			sum := Summary(l)
			// The job itself gives three warnings: an ignore entry no
			// return needs and two overall prospects not updated.
			if l.Problems.Errors() != tt.errors || l.Problems.Warnings() != 3+tt.warnings {
				t.Errorf("%d errors and %d warnings, want %d and %d:\n%s", l.Problems.Errors(), l.Problems.Warnings(), tt.errors, 3+tt.warnings, sum)
			}
			for _, s := range tt.says {
				if !strings.Contains(sum, s) {
					t.Errorf("check does not say %q:\n%s", s, sum)
				}
			}
			var overdue []string
			for _, a := range l.Plan.Actions() {
				if a.Facts.Overdue {
					overdue = append(overdue, a.Ref)
				}
			}
			if got := strings.Join(overdue, " "); got != tt.overdue {
				t.Errorf("overdue %q, want %q", got, tt.overdue)
			}
			if got := l.Plan.Action("FS3").RevisedNote(); got != tt.revised {
				t.Errorf("FS3: RevisedNote %q, want %q", got, tt.revised)
			}
			if fileHash(t, p) != before {
				t.Error("reading the approvals sheet changed it")
			}
			if tt.briefing == nil {
				return
			}
			papers, err := Compose(l)
			if err != nil {
				t.Fatal(err)
			}
			if got := briefingExtensions(t, papers[0].Doc); fmt.Sprint(got) != fmt.Sprint(tt.briefing) {
				t.Errorf("the briefing's extensions list is\n%v\nwant\n%v", got, tt.briefing)
			}
		})
	}

	t.Run("decided in a spreadsheet program", func(t *testing.T) {
		// openpyxl stands in for Excel: it checks the sheet is protected
		// with only the three decision columns open, and types the decision
		// and a real date cell, as an officer would.
		py := testutil.NeedPython(t, "openpyxl")
		p := filepath.Join(t.TempDir(), "decided.xlsx")
		script := `import openpyxl, datetime, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Requests"]
assert ws.protection.sheet, "the sheet is not protected"
open_cols = sorted({c.column_letter for row in ws.iter_rows(min_row=5, max_row=6) for c in row if not c.protection.locked})
assert open_cols == ["H", "I", "J"], open_cols
assert wb["agsreport"].sheet_state == "veryHidden"
ws["H6"] = "Y"
ws["I6"] = datetime.datetime(2023, 12, 12)
ws["J6"] = "Audit Committee"
wb.save(sys.argv[2])
`
		if out, err := exec.Command(py, "-c", script, sheet, p).CombinedOutput(); err != nil {
			t.Fatalf("openpyxl: %v\n%s", err, out)
		}
		write("approvals = [" + quoteTOML(p) + "]\n" + base)
		l, err := Load(job)
		if err != nil {
			t.Fatal(err)
		}
		if l.Problems.Errors() != 0 {
			t.Fatalf("problems: %v", l.Problems.List)
		}
		want := "Revised: 31 January 2024 (was 30 September 2023; extension agreed 12 December 2023 by Audit Committee)"
		if got := l.Plan.Action("FS3").RevisedNote(); got != want {
			t.Errorf("FS3: %q, want %q", got, want)
		}
	})

	t.Run("never written over", func(t *testing.T) {
		// The sheet as written is left as it is, and said so.
		write(base)
		var out bytes.Buffer
		if err := Approvals(&out, job, ApprovalsOptions{Output: sheet}); err != nil {
			t.Fatalf("approvals again: %v", err)
		}
		if want := "unchanged " + sheet + " (2 requests)\n"; !strings.HasSuffix(out.String(), want) {
			t.Errorf("approvals again says %q, want it to end %q", out.String(), want)
		}
		p := decide(t, map[string]string{"H6": "Y", "I6": "12 December 2023"})
		before := fileHash(t, p)
		err := Approvals(&out, job, ApprovalsOptions{Output: p})
		want := p + " already exists and differs from what would be written (decisions may have been recorded in it), so nothing was written: name another file with -o, or move it away first"
		if err == nil || err.Error() != want {
			t.Errorf("approvals over a filled-in sheet: %v, want %q", err, want)
		}
		write("approvals = [" + quoteTOML(p) + "]\n" + base)
		err = Approvals(&out, job, ApprovalsOptions{Output: p})
		if err == nil || !strings.Contains(err.Error(), "the approvals sheet would write "+p+", which is ") || !strings.Contains(err.Error(), ": agsreport never writes over its inputs; give the output another file name or folder") {
			t.Errorf("approvals over the job's own approvals sheet: %v, want a refusal", err)
		}
		if fileHash(t, p) != before {
			t.Error("the filled-in sheet was changed")
		}
		// A folder where the sheet would go is in its way, and said so.
		folder := filepath.Join(t.TempDir(), "sheet.xlsx")
		if err := os.Mkdir(folder, 0o755); err != nil {
			t.Fatal(err)
		}
		write(base)
		err = Approvals(&out, job, ApprovalsOptions{Output: folder})
		if want := folder + " is in the way of the approvals sheet: it is not a file (a folder)"; err == nil || err.Error() != want {
			t.Errorf("approvals onto a folder: %v, want %q", err, want)
		}
		// With both requests decided, none waits: nothing is written.
		d := decide(t, map[string]string{"H5": "N", "I5": "12 December 2023", "H6": "Y", "I6": "12 December 2023"})
		write("approvals = [" + quoteTOML(d) + "]\n" + base)
		out.Reset()
		next := filepath.Join(t.TempDir(), "next.xlsx")
		if err := Approvals(&out, job, ApprovalsOptions{Output: next}); err != nil {
			t.Fatalf("approvals with every request decided: %v", err)
		}
		if want := "no requests for a new target waiting for a decision in the returns for " + q3 + ": nothing written\n"; !strings.HasSuffix(out.String(), want) {
			t.Errorf("approvals with every request decided says %q, want it to end %q", out.String(), want)
		}
		if _, err := os.Stat(next); err == nil {
			t.Errorf("%s was written with no request waiting", next)
		}
	})
}

// approvalsCycle is requestedCycle with the Quarter 3 job written (base)
// and its approvals sheet written into the job's folder, at sheet.
func approvalsCycle(t *testing.T) (job, sheet, base string, write func(string)) {
	t.Helper()
	dir, job, write := requestedCycle(t)
	base = quarterJob(q3, "2023-12-31", false, true)
	write(base)
	sheet = filepath.Join(dir, "approvals", "q3.xlsx")
	var out bytes.Buffer
	if err := Approvals(&out, job, ApprovalsOptions{Output: sheet}); err != nil {
		t.Fatalf("approvals: %v\n%s", err, out.String())
	}
	return job, sheet, base, write
}

// fileHash is the SHA-256 of a file's bytes.
func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// quoteTOML quotes s as a TOML literal string.
func quoteTOML(s string) string { return "'" + s + "'" }
