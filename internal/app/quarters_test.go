package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/returns"
)

// The two-quarter cycle below starts from a plan kept with a status and a
// progress column as at Quarter 2, as most councils keep theirs:
//
//	ref  issue  lead                 target             status    progress
//	FS1  FS     Director of Finance  31 March 2024      Amber     Savings plan drafted.
//	FS2  FS     Director of Finance  As required        Green     Policy review under way.
//	FS3  FS     Head of Capital      30 September 2023  Green     Draft strategy out for consultation.
//	CY1  CY     Head of IT           31 July 2023       Complete  MFA live for all staff.
//	CY2  CY     Head of IT           31 March 2024      Amber     Plan drafted.
//
// Quarter 3 (as at 31 December 2023): FS1 Red, FS2 Complete, CY2 Green,
// and the Head of Capital sends nothing back. Quarter 4 (as at 31 March
// 2024): FS1 text with no status, FS3 Complete with no text, the Head of
// IT sends nothing for CY2 but adds a row for CY9, an action of next year's
// plan, which the job sets aside; the Director of Finance updates the
// Financial Sustainability issue's overall prospect.
const (
	q2 = "Quarter 2 2023/24"
	q3 = "Quarter 3 2023/24"
	q4 = "Quarter 4 2023/24"
)

var quarterPlan = [][]string{
	{"Issue Ref", "Governance Issue", "Overall Prospect", "Action Ref", "Action", "Lead", "Target Date", "Status", "Progress Update"},
	{"FS", "Financial Sustainability", "FS prospect at Q2.", "FS1", "Balance the medium-term financial plan", "Director of Finance", "31 March 2024", "Amber", "Savings plan drafted."},
	{"FS", "Financial Sustainability", "FS prospect at Q2.", "FS2", "Review the reserves policy", "Director of Finance", "As required", "Green", "Policy review under way."},
	{"FS", "Financial Sustainability", "FS prospect at Q2.", "FS3", "Publish the capital strategy", "Head of Capital", "30 September 2023", "Green", "Draft strategy out for consultation."},
	{"CY", "Cyber Security", "CY prospect at Q2.", "CY1", "Roll out multi-factor authentication", "Head of IT", "31 July 2023", "Complete", "MFA live for all staff."},
	{"CY", "Cyber Security", "CY prospect at Q2.", "CY2", "Test the cyber incident response plan", "Head of IT", "31 March 2024", "Amber", "Plan drafted."},
}

// quarterJob is the job file for reporting period, with the returns of
// each period in returns/<period>; a block is optional while its returns
// are still to come.
func quarterJob(period, asAt string, optionalQ3, optionalQ4 bool) string {
	return fmt.Sprintf(`title = "Annual Governance Statement Action Plan 2023-24"
organisation = "Anytown Borough Council"
period = %q
as_at = %s
[plan]
workbook = "plan.xlsx"
period = %q
  [plan.actions]
  sheet = "Actions"
[[updates]]
period = %q
workbooks = ["returns/q3/*.xlsx"]
optional = %v
[[updates]]
period = %q
workbooks = ["returns/q4/*.xlsx"]
optional = %v
ignore = [{ref = "CY9", reason = "an action of next year's plan"}]
[statuses.Complete]
closed = true
colour = "#C6EFCE"
[statuses.Green]
colour = "#C6EFCE"
[statuses.Amber]
colour = "#FFEB9C"
[statuses.Red]
colour = "#FFC7CE"
[[output]]
template = "briefing"
formats = ["pdf", "xlsx", "html"]
[[output]]
template = "appendix-a"
file = "appendix"
formats = ["pdf"]
`, period, asAt, q2, q3, optionalQ3, q4, optionalQ4)
}

// fillReturns fills in the returns in dir as officers would: the new
// status and progress of each action listed (an empty string leaves the
// cell blank), an extra row where one is given, and an Issues sheet.
func fillReturns(t *testing.T, dir string, fill map[string][2]string, extra map[string][]string, issues map[string][][]string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	filled := 0
	for _, f := range files {
		wb, err := excelize.OpenFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := wb.GetRows(returns.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		officer, _ := wb.GetCellValue(returns.MarkerSheet, "B3")
		last := len(rows)
		for i := returns.HeaderRow; i < len(rows); i++ {
			if len(rows[i]) == 0 {
				continue
			}
			v, ok := fill[rows[i][0]]
			if !ok {
				continue
			}
			filled++
			for c, s := range map[string]string{"G": v[0], "H": v[1]} {
				if s == "" {
					continue
				}
				if err := wb.SetCellStr(returns.Sheet, fmt.Sprintf("%s%d", c, i+1), s); err != nil {
					t.Fatal(err)
				}
			}
		}
		if row, ok := extra[officer]; ok {
			if err := wb.SetSheetRow(returns.Sheet, fmt.Sprintf("A%d", last+1), &row); err != nil {
				t.Fatal(err)
			}
		}
		if sheetRows, ok := issues[officer]; ok {
			if _, err := wb.NewSheet("Issues"); err != nil {
				t.Fatal(err)
			}
			for i, r := range sheetRows {
				if err := wb.SetSheetRow("Issues", fmt.Sprintf("A%d", i+1), &r); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := wb.Save(); err != nil {
			t.Fatal(err)
		}
		wb.Close()
	}
	if filled != len(fill) {
		t.Fatalf("%d of the %d actions to fill were in the returns in %s", filled, len(fill), dir)
	}
}

// briefingFacts is what the briefing says: the refs in each exception
// list, and each action's row of its issue's table, by column title.
type briefingFacts struct {
	lists map[string]string            // table name → refs, sorted
	rows  map[string]map[string]string // ref → column title → cell text
	text  string                       // every paragraph
}

func readBriefing(t *testing.T, doc *report.Document) briefingFacts {
	t.Helper()
	bf := briefingFacts{lists: map[string]string{}, rows: map[string]map[string]string{}}
	var paras []string
	for _, sec := range doc.Sections {
		for _, b := range sec.Blocks {
			switch x := b.(type) {
			case *report.Paragraph:
				paras = append(paras, x.Text.String())
			case *report.Table:
				if sec.Name == "Exceptions" {
					bf.lists[x.Name] = strings.Join(refs(x), " ")
					continue
				}
				if x.Name != "Actions" {
					continue
				}
				for _, g := range x.Groups {
					for _, r := range g.Rows {
						ref := strings.Fields(r.Cells[0].Text.String())[0]
						cells := map[string]string{}
						for i, c := range r.Cells {
							cells[x.Columns[i].Title] = c.Text.String()
						}
						bf.rows[ref] = cells
					}
				}
			}
		}
	}
	bf.text = strings.Join(paras, "\n")
	return bf
}

// quarterExpect is what a quarter's briefing must say, worked out by hand
// from the table above.
type quarterExpect struct {
	lists    map[string]string // exception list → refs, sorted
	previous map[string]string // ref → Previous status
	status   map[string]string // ref → Status
	change   map[string]string // ref → Change
	progress map[string]string // ref → Progress, as printed (markup removed)
}

func checkBriefing(t *testing.T, period string, bf briefingFacts, want quarterExpect) {
	t.Helper()
	for name, refs := range want.lists {
		if got := bf.lists[name]; got != refs {
			t.Errorf("%s: %s: got %q, want %q", period, name, got, refs)
		}
	}
	var refs []string
	for ref := range want.previous {
		refs = append(refs, ref)
	}
	sort.Strings(refs)
	if len(bf.rows) != len(refs) {
		t.Errorf("%s: %d action rows, want %d", period, len(bf.rows), len(refs))
	}
	progressCol := "Progress to " + period
	for _, ref := range refs {
		row := bf.rows[ref]
		for col, w := range map[string]string{
			"Previous status": want.previous[ref], "Status": want.status[ref],
			"Change": want.change[ref], progressCol: want.progress[ref],
		} {
			if got := row[col]; got != w {
				t.Errorf("%s: %s: %s = %q, want %q", period, ref, col, got, w)
			}
		}
	}
}

// quarterFolder writes quarterPlan as plan.xlsx in a new folder and
// returns the folder, the path of its report.toml and a function that
// writes the job there.
func quarterFolder(t *testing.T) (string, string, func(string)) {
	t.Helper()
	dir := t.TempDir()
	wb := excelize.NewFile()
	if err := wb.SetSheetName("Sheet1", "Actions"); err != nil {
		t.Fatal(err)
	}
	for i, r := range quarterPlan {
		if err := wb.SetSheetRow("Actions", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := wb.SaveAs(filepath.Join(dir, "plan.xlsx")); err != nil {
		t.Fatal(err)
	}
	job := filepath.Join(dir, "report.toml")
	write := func(body string) {
		t.Helper()
		if err := os.WriteFile(job, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, job, write
}

// TestTwoQuarterCycle runs two quarters from a plan that holds statuses:
// the returns are written by `returns`, filled in as officers would, read
// back, and each quarter's briefing and check are compared with what was
// worked out by hand.
func TestTwoQuarterCycle(t *testing.T) {
	dir, job, write := quarterFolder(t)

	// Quarter 3: the returns go out for the open actions (CY1 is complete
	// in the plan, so the Head of IT is asked about CY2 only).
	write(quarterJob(q3, "2023-12-31", true, true))
	var out bytes.Buffer
	if err := Returns(&out, job, ReturnsOptions{OutputDir: filepath.Join(dir, "returns", "q3"), Period: q3}); err != nil {
		t.Fatalf("returns: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "Head of IT - "+returns.SafeName(q3)+".xlsx (1 action)") {
		t.Errorf("the Head of IT's return should list CY2 only:\n%s", out.String())
	}
	fillReturns(t, filepath.Join(dir, "returns", "q3"), map[string][2]string{
		"FS1": {"Red", "Savings target missed by £2m."},
		"FS2": {"Complete", "Reserves policy approved by Cabinet."},
		"CY2": {"Green", "Response plan tested in an exercise."},
	}, nil, nil)
	write(quarterJob(q3, "2023-12-31", false, true))
	l, err := Load(job)
	if err != nil {
		t.Fatal(err)
	}
	if l.Problems.Errors() != 0 {
		t.Fatalf("problems: %v", l.Problems.List)
	}
	papers, err := Compose(l)
	if err != nil {
		t.Fatal(err)
	}
	checkBriefing(t, q3, readBriefing(t, papers[0].Doc), quarterExpect{
		lists: map[string]string{
			"Worse": "FS1", "Completed": "FS2", "No return": "FS3",
			"Overdue": "FS3", // due 30 September 2023, still open at 31 December
		},
		previous: map[string]string{"FS1": "Amber", "FS2": "Green", "FS3": "Green", "CY1": "Complete", "CY2": "Amber"},
		status:   map[string]string{"FS1": "Red", "FS2": "Complete", "FS3": "Green", "CY1": "Complete", "CY2": "Green"},
		change:   map[string]string{"FS1": "▼ worse", "FS2": "completed", "FS3": "", "CY1": "", "CY2": "▲ better"},
		progress: map[string]string{
			"FS1": "Savings target missed by £2m.",
			"FS2": "Reserves policy approved by Cabinet.",
			"FS3": "No update this period. Last update, " + q2 + ":\n\nDraft strategy out for consultation.",
			"CY1": "No update this period. Last update, " + q2 + ":\n\nMFA live for all staff.",
			"CY2": "Response plan tested in an exercise.",
		},
	})
	sum := Summary(l)
	for _, want := range []string{
		"returns for " + q3 + ": 3 lead officers with open actions; 2 returned in full, 0 in part, 1 not at all",
		"  1 of 1   Head of IT\n",
		"  0 of 1   Head of Capital: no update for (FS3)",
		"note: " + job + ": no returns yet for " + q4,
		`reports Quarter 3 2023/24, but the overall prospect of issue "FS" was last updated in ` + q2,
		`reports Quarter 3 2023/24, but the overall prospect of issue "CY" was last updated in ` + q2,
	} {
		if !strings.Contains(sum, want) {
			t.Errorf("check for %s does not say %q:\n%s", q3, want, sum)
		}
	}
	if _, _, err := RenderAll(nil, papers, filepath.Join(dir, "out", "q3"), nil); err != nil {
		t.Fatal(err)
	}

	// Quarter 4: the returns go out for what is still open after Quarter 3.
	if err := Returns(&out, job, ReturnsOptions{OutputDir: filepath.Join(dir, "returns", "q4"), Period: q4}); err != nil {
		t.Fatalf("returns: %v\n%s", err, out.String())
	}
	// The form shows each action's last status and text, with the text's
	// period: CY2's from Quarter 3, FS3's (no Quarter 3 return) from the plan.
	for file, want := range map[string][3]string{
		"Head of IT":      {"CY2", "Green", q3 + ":\nResponse plan tested in an exercise."},
		"Head of Capital": {"FS3", "Green", q2 + ":\nDraft strategy out for consultation."},
	} {
		wb, err := excelize.OpenFile(filepath.Join(dir, "returns", "q4", "Progress return - "+file+" - "+returns.SafeName(q4)+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := wb.GetRows(returns.Sheet)
		wb.Close()
		if err != nil || len(rows) <= returns.HeaderRow || len(rows[returns.HeaderRow]) < 6 {
			t.Fatalf("%s's return: %v %q", file, err, rows)
		}
		r := rows[returns.HeaderRow]
		if got := [3]string{r[0], r[4], r[5]}; got != want {
			t.Errorf("%s's return: ref, last status, last update = %q, want %q", file, got, want)
		}
	}
	fillReturns(t, filepath.Join(dir, "returns", "q4"), map[string][2]string{
		"FS1": {"", "Recovery plan agreed by Cabinet."},
		"FS3": {"Complete", ""},
	}, map[string][]string{
		"Head of IT": {"CY9", "", "", "", "", "", "Green", "Next year's action."},
	}, map[string][][]string{
		"Director of Finance": {{"Issue Ref", "Overall Prospect"}, {"FS", "FS prospect at Q4: the recovery plan is agreed."}},
	})
	write(quarterJob(q4, "2024-03-31", false, false))
	if l, err = Load(job); err != nil {
		t.Fatal(err)
	}
	var warnings []string
	for _, p := range l.Problems.List {
		warnings = append(warnings, p.Severity.String()+": "+p.Msg)
	}
	wantProblems := []string{
		`warning: the update for action "FS1" has progress text but no status: the action keeps its last status, shown as at its period`,
		`warning: the update for action "FS3" has a status but no progress text: the papers show the earlier text with its period`,
		`warning: output 2 ("appendix-a") reports Quarter 4 2023/24, but the overall prospect of issue "CY" was last updated in Quarter 2 2023/24; the paper says so. An "Issues" sheet in a return for Quarter 4 2023/24 can update it`,
	}
	if strings.Join(warnings, "\n") != strings.Join(wantProblems, "\n") {
		t.Errorf("problems for %s:\n%s\nwant:\n%s", q4, strings.Join(warnings, "\n"), strings.Join(wantProblems, "\n"))
	}
	if papers, err = Compose(l); err != nil {
		t.Fatal(err)
	}
	bf := readBriefing(t, papers[0].Doc)
	checkBriefing(t, q4, bf, quarterExpect{
		lists: map[string]string{"Worse": "", "Completed": "FS3", "No return": "CY2", "Overdue": ""},
		// FS3 sent nothing in Quarter 3: its previous status is Quarter 2's.
		previous: map[string]string{"FS1": "Red", "FS2": "Complete", "FS3": "Green", "CY1": "Complete", "CY2": "Green"},
		status:   map[string]string{"FS1": "Red", "FS2": "Complete", "FS3": "Complete", "CY1": "Complete", "CY2": "Green"},
		change:   map[string]string{"FS1": "", "FS2": "", "FS3": "completed", "CY1": "", "CY2": ""},
		progress: map[string]string{
			"FS1": "No status given this period: Red is the status as at " + q3 + ".\n\nRecovery plan agreed by Cabinet.",
			"FS2": "No update this period. Last update, " + q3 + ":\n\nReserves policy approved by Cabinet.",
			"FS3": "Status updated this period, with no new progress text. Last update, " + q2 + ":\n\nDraft strategy out for consultation.",
			"CY1": "No update this period. Last update, " + q2 + ":\n\nMFA live for all staff.",
			"CY2": "No update this period. Last update, " + q3 + ":\n\nResponse plan tested in an exercise.",
		},
	})
	if !strings.Contains(bf.text, "CY9") || !strings.Contains(bf.text, "an action of next year's plan") {
		t.Errorf("the briefing does not note the row set aside:\n%s", bf.text)
	}
	sum = Summary(l)
	for _, want := range []string{
		"returns for " + q4 + ": 3 lead officers with open actions; 2 returned in full, 0 in part, 1 not at all",
		"  0 of 1   Head of IT: no update for (CY2)",
		"rows of returns set aside by the job:\n  " + q4 + ": returns/q4/Progress return - Head of IT - " + returns.SafeName(q4) + `.xlsx: sheet "Return", cell A8 ("Action Ref"): action "CY9": an action of next year's plan`,
	} {
		if !strings.Contains(sum, want) {
			t.Errorf("check for %s does not say %q:\n%s", q4, want, sum)
		}
	}
	// The appendix shows the updated prospect as it is, and the one not
	// updated under a line that says since when.
	var fields []string
	for _, sec := range papers[1].Doc.Sections {
		for _, b := range sec.Blocks {
			if f, ok := b.(*report.Fields); ok {
				for _, it := range f.Items {
					if strings.HasPrefix(it.Label, "Overall prospect") {
						fields = append(fields, sec.Name+": "+it.Value.String())
					}
				}
			}
		}
	}
	wantFields := []string{
		"FS: FS prospect at Q4: the recovery plan is agreed.",
		"CY: Not updated for " + q4 + "; last updated " + q2 + ":\n\nCY prospect at Q2.",
	}
	if strings.Join(fields, "\n") != strings.Join(wantFields, "\n") {
		t.Errorf("overall prospects:\n%s\nwant:\n%s", strings.Join(fields, "\n"), strings.Join(wantFields, "\n"))
	}
	if _, _, err := RenderAll(nil, papers, filepath.Join(dir, "out", "q4"), nil); err != nil {
		t.Fatal(err)
	}

	// Without the ignore entry, the stray row stops the build.
	body := strings.Replace(quarterJob(q4, "2024-03-31", false, false), `ignore = [{ref = "CY9", reason = "an action of next year's plan"}]`, "", 1)
	write(body)
	if l, err = Load(job); err != nil {
		t.Fatal(err)
	}
	if err := l.Problems.Err(); l.Problems.Errors() != 1 || !strings.Contains(err.Error(), `action "CY9" is not in the plan`) {
		t.Errorf("without ignore: %v", l.Problems.List)
	}
}
