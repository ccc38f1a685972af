package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/returns"
)

// requestExtensions fills in, in the returns in dir, the new target and
// the reason an officer asks for, by action ref, under the return's own
// headings.
func requestExtensions(t *testing.T, dir string, ask map[string][2]string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	asked := 0
	for _, f := range files {
		wb, err := excelize.OpenFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := wb.GetRows(returns.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range rows[returns.HeaderRow-1] {
			col[h] = i + 1
		}
		if col[returns.ColRequested] == 0 || col[returns.ColReason] == 0 {
			t.Fatalf("%s has no %q or %q column: %q", f, returns.ColRequested, returns.ColReason, rows[returns.HeaderRow-1])
		}
		for i := returns.HeaderRow; i < len(rows); i++ {
			v, ok := ask[rows[i][0]]
			if len(rows[i]) == 0 || !ok {
				continue
			}
			asked++
			for _, c := range []struct {
				col int
				s   string
			}{{col[returns.ColRequested], v[0]}, {col[returns.ColReason], v[1]}} {
				cell, _ := excelize.CoordinatesToCellName(c.col, i+1)
				if err := wb.SetCellStr(returns.Sheet, cell, c.s); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := wb.Save(); err != nil {
			t.Fatal(err)
		}
		wb.Close()
	}
	if asked != len(ask) {
		t.Fatalf("%d of the %d actions to ask for were in the returns in %s", asked, len(ask), dir)
	}
}

// requestedCycle sets up Quarter 3 of the two-quarter cycle (see
// quarters_test.go) in a new folder: the plan, the job, and returns in
// which the Director of Finance asks to move FS1 to 30 September 2024
// ("Savings plan rephased") and the Head of Capital asks to move FS3 to 31
// January 2024 ("Consultation extended to January"). It returns the
// folder, the job's path and a function that writes the job.
func requestedCycle(t *testing.T) (string, string, func(string)) {
	t.Helper()
	dir, job, write := quarterFolder(t)
	write(quarterJob(q3, "2023-12-31", true, true))
	var out bytes.Buffer
	if err := Returns(&out, job, ReturnsOptions{OutputDir: filepath.Join(dir, "returns", "q3"), Period: q3}); err != nil {
		t.Fatalf("returns: %v\n%s", err, out.String())
	}
	fillReturns(t, filepath.Join(dir, "returns", "q3"), map[string][2]string{
		"FS1": {"Amber", "Savings plan rephased."},
		"FS3": {"Green", "Consultation extended."},
	}, nil, nil)
	requestExtensions(t, filepath.Join(dir, "returns", "q3"), map[string][2]string{
		"FS1": {"30 September 2024", "Savings plan rephased"},
		"FS3": {"31 January 2024", "Consultation extended to January"},
	})
	return dir, job, write
}

// TestExtensionsRequestedAndAgreed runs Quarter 3 of the two-quarter
// cycle (see quarters_test.go) with two requests for a new target: the
// Director of Finance asks to move FS1 from 31 March 2024 to 30 September
// 2024, which is not agreed; the Head of Capital asks to move FS3 from 30
// September 2023 (overdue at 31 December 2023) to 31 January 2024, which
// the job agrees. FS3 is then no longer overdue, and its revised target
// is noted as the plan's revised columns would note it.
func TestExtensionsRequestedAndAgreed(t *testing.T) {
	_, job, write := requestedCycle(t)
	agreeFS3 := `
[[extensions]]
ref = "FS3"
target = 2024-01-31
agreed = 2023-12-12
by = "Audit Committee"
period = "` + q3 + `"
`

	tests := []struct {
		name       string
		extensions string
		overdue    string // the refs check lists as overdue
		notes      map[string]string
		requests   []string          // check's lines of requests, in order
		briefing   map[string]string // ref → the Extension cell of the briefing's list, for every row
		wantErr    string
	}{
		{
			name:       "requested, none agreed; CY2 agreed for the next quarter",
			extensions: "\n[[extensions]]\nref = \"CY2\"\ntarget = 2024-06-30\nperiod = \"" + q4 + "\"\n",
			overdue:    "FS3",
			notes:      map[string]string{"FS1": "", "FS3": ""},
			requests: []string{
				"  extensions requested in " + q3 + ": 2\n",
				`    FS1 (Director of Finance): 31 March 2024 → 30 September 2024 — "Savings plan rephased"; not agreed yet`,
				`    FS3 (Head of Capital): 30 September 2023 → 31 January 2024 — "Consultation extended to January"; not agreed yet`,
			},
			briefing: map[string]string{
				"FS1": "Asked for 30 September 2024: Savings plan rephased. Not agreed yet.",
				"FS3": "Asked for 31 January 2024: Consultation extended to January. Not agreed yet.",
			},
		},
		{
			name:       "FS3 agreed in the job",
			extensions: agreeFS3 + "\n[[extensions]]\nref = \"CY2\"\ntarget = 2024-06-30\nby = \"Audit Committee\"\nperiod = \"" + q3 + "\"\n",
			overdue:    "",
			notes: map[string]string{
				"FS1": "",
				"FS3": "Revised: 31 January 2024 (was 30 September 2023; extension agreed 12 December 2023 by Audit Committee)",
			},
			requests: []string{
				`    FS1 (Director of Finance): 31 March 2024 → 30 September 2024 — "Savings plan rephased"; not agreed yet`,
				`    FS3 (Head of Capital): 30 September 2023 → 31 January 2024 — "Consultation extended to January"; agreed 12 December 2023 by Audit Committee` + "\n",
			},
			briefing: map[string]string{
				"FS1": "Asked for 30 September 2024: Savings plan rephased. Not agreed yet.",
				"FS3": "Asked for 31 January 2024: Consultation extended to January. Agreed 12 December 2023 by Audit Committee.",
				"CY2": "Agreed by Audit Committee: 30 June 2024 (was 31 March 2024).",
			},
		},
		{
			name:       "an extension for an action not in the plan",
			extensions: "\n[[extensions]]\nref = \"FX3\"\ntarget = 2024-01-31\n",
			wantErr:    `[[extensions]] number 1: action "FX3" is not in the plan: did you mean "FS3"?`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			write(quarterJob(q3, "2023-12-31", false, true) + tt.extensions)
			l, err := Load(job)
			if err != nil {
				t.Fatal(err)
			}
			sum := Summary(l)
			if tt.wantErr != "" {
				if l.Problems.Errors() != 1 || !strings.Contains(sum, tt.wantErr) {
					t.Fatalf("want one error saying %q:\n%s", tt.wantErr, sum)
				}
				return
			}
			if l.Problems.Errors() != 0 {
				t.Fatalf("problems: %v", l.Problems.List)
			}
			var overdue []string
			for _, a := range l.Plan.Actions() {
				if a.Facts.Overdue {
					overdue = append(overdue, a.Ref)
				}
				if want, ok := tt.notes[a.Ref]; ok && a.RevisedNote() != want {
					t.Errorf("%s: RevisedNote %q, want %q", a.Ref, a.RevisedNote(), want)
				}
			}
			if got := strings.Join(overdue, " "); got != tt.overdue {
				t.Errorf("overdue %q, want %q", got, tt.overdue)
			}
			for _, want := range tt.requests {
				if !strings.Contains(sum, want) {
					t.Errorf("check does not say %q:\n%s", want, sum)
				}
			}
			papers, err := Compose(l)
			if err != nil {
				t.Fatal(err)
			}
			got := briefingExtensions(t, papers[0].Doc)
			if fmt.Sprint(got) != fmt.Sprint(tt.briefing) {
				t.Errorf("the briefing's extensions list is\n%v\nwant\n%v", got, tt.briefing)
			}
		})
	}
}

// TestExtensionsKeyIsKnown: a misspelt [[extensions]] table, or a
// misspelt key in one, is refused with the job's own key list suggesting
// the right one.
func TestExtensionsKeyIsKnown(t *testing.T) {
	tests := []struct{ name, block, want string }{
		{"table", "\n[[extension]]\nref = \"FS3\"\ntarget = 2024-01-31\n", `did you mean "extensions"`},
		{"key", "\n[[extensions]]\nref = \"FS3\"\ntarget = 2024-01-31\nagred = 2023-12-12\n", `did you mean "agreed"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			job := filepath.Join(t.TempDir(), "report.toml")
			if err := os.WriteFile(job, []byte(quarterJob(q3, "2023-12-31", true, true)+tt.block), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(job)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load: %v; want an unknown key with %s", err, tt.want)
			}
		})
	}
}

// briefingExtensions reads the briefing's list of extensions requested and
// agreed this period: ref → its Extension cell.
func briefingExtensions(t *testing.T, doc *report.Document) map[string]string {
	t.Helper()
	out := map[string]string{}
	found := false
	for _, sec := range doc.Sections {
		for _, b := range sec.Blocks {
			x, ok := b.(*report.Table)
			if !ok || x.Name != "Extensions" {
				continue
			}
			found = true
			for _, g := range x.Groups {
				for _, r := range g.Rows {
					ref := strings.Fields(r.Cells[0].Text.String())[0]
					for i, c := range r.Cells {
						if x.Columns[i].Title == "Extension" {
							out[ref] = c.Text.String()
						}
					}
				}
			}
		}
	}
	if !found {
		t.Fatal("the briefing has no Extensions list")
	}
	return out
}

// TestExtensionAgreedAfterAsAt: the job's papers are as at 31 December
// 2023, but its [[extensions]] records FS3's move to 31 January 2024 as
// agreed on 10 January 2024, a decision not yet taken then, and CY2's
// move from 31 March 2024 to 29 February 2024, earlier than the target it
// replaces. Each is one warning naming the job, worked by hand; the
// extension agreed on 12 December 2023 beside them is none.
func TestExtensionAgreedAfterAsAt(t *testing.T) {
	_, job, write := requestedCycle(t)
	write(quarterJob(q3, "2023-12-31", false, true) + `
[[extensions]]
ref = "FS3"
target = 2024-01-31
agreed = 2024-01-10
by = "Audit Committee"

[[extensions]]
ref = "CY2"
target = 2024-02-29
agreed = 2023-12-12
`)
	l, err := Load(job)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range l.Problems.List {
		if strings.Contains(p.Msg, "revis") {
			got = append(got, p.String())
		}
	}
	want := []string{
		job + `: action FS3: the revision to "31 January 2024" is recorded as agreed on 10 January 2024, after the as-at date of these papers (31 December 2023): check the date agreed (a decision not yet taken should not be recorded as agreed), or the job's as_at`,
		job + `: action CY2: the revised target "29 February 2024" is earlier than the target it replaces, 31 March 2024: check the date; if the action was brought forward on purpose, say so in its progress`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
