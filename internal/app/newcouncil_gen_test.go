package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/agsreport/agsreport/internal/testutil"
	"github.com/xuri/excelize/v2"
)

// A councilLayout is a plan kept the way one council keeps its AGS or audit
// tracker, unlike agsreport's own examples, with the job file its
// governance officer would write from the README alone. The workbooks are
// generated at test time; nothing binary is committed.
type councilLayout struct {
	name  string
	files func(t testing.TB, dir string) // writes the workbooks into dir
	job   string                         // report.toml
	// What a person sees: check -v's output holds every line of see (a
	// mapping, a row not read, a located message), and nothing of notSee;
	// errors says whether check fails; papers, when check passes, are
	// texts the papers' document must hold.
	see, notSee, papers []string
	errors              bool
}

// xl is a small helper over an excelize file for writing layouts.
type xl struct {
	t testing.TB
	f *excelize.File
}

func newXL(t testing.TB, first string) *xl {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", first); err != nil {
		t.Fatal(err)
	}
	return &xl{t: t, f: f}
}

func (x *xl) sheet(name string) {
	if _, err := x.f.NewSheet(name); err != nil {
		x.t.Fatal(err)
	}
}

// row writes values across a row from column A.
func (x *xl) row(sheet string, r int, vals ...any) {
	x.t.Helper()
	cell, _ := excelize.CoordinatesToCellName(1, r)
	if err := x.f.SetSheetRow(sheet, cell, &vals); err != nil {
		x.t.Fatal(err)
	}
}

func (x *xl) set(sheet, cell string, v any) {
	x.t.Helper()
	if err := x.f.SetCellValue(sheet, cell, v); err != nil {
		x.t.Fatal(err)
	}
}

func (x *xl) merge(sheet, a, b string) {
	x.t.Helper()
	if err := x.f.MergeCell(sheet, a, b); err != nil {
		x.t.Fatal(err)
	}
}

func (x *xl) fill(sheet, cell, colour string) {
	x.t.Helper()
	st, err := x.f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}})
	if err != nil {
		x.t.Fatal(err)
	}
	if err := x.f.SetCellStyle(sheet, cell, cell, st); err != nil {
		x.t.Fatal(err)
	}
}

func (x *xl) save(path string) {
	x.t.Helper()
	if err := x.f.SaveAs(path); err != nil {
		x.t.Fatal(err)
	}
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// utf16LE encodes s as Excel's "Unicode text": UTF-16 little-endian with a
// byte-order mark.
func utf16LE(s string) []byte {
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xFE})
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.Bytes()
}

const ragStatuses = `
[statuses.Complete]
aliases = ["Completed", "Closed"]
colour  = "#00B050"
closed  = true

[statuses.Green]
aliases = ["G", "On track"]
colour  = "#92D050"

[statuses.Amber]
aliases = ["A", "Part complete"]
colour  = "#FFC000"

[statuses.Red]
aliases = ["R"]
colour  = "#FF0000"
`

// councilLayouts are the new-council layouts.
func councilLayouts() []councilLayout {
	return []councilLayout{
		{
			// A borough's tracker: one row per governance issue with its
			// action, headed as its committee paper is; a logo banner and a
			// title above, a key and a sign-off line under the table; dates
			// typed as text in three ways.
			name: "by-when-by-whom",
			files: func(t testing.TB, dir string) {
				x := newXL(t, "AGS Actions 2024-25")
				s := "AGS Actions 2024-25"
				x.set(s, "A1", "NORTHBRIDGE BOROUGH COUNCIL")
				x.merge(s, "A1", "E1")
				x.set(s, "A2", "Annual Governance Statement 2023/24 – Action Plan")
				x.merge(s, "A2", "E2")
				x.row(s, 4, "Ref", "Governance Issue", "Action Update", "By When", "By Whom")
				x.row(s, 5, "GI1", "Procurement rules not always followed", "New contract procedure rules adopted by Council in May.", "31/03/2024", "Head of Procurement")
				x.row(s, 6, "GI2", "Workforce capacity in Finance", "Two accountants recruited; interim cover ends in June.", "Q3 2024/25", "S151 Officer")
				x.row(s, 7, "GI3", "Information governance training completion", "Completion at 82%, target 95%.", "March 2025", "Data Protection Officer")
				x.row(s, 8, "GI4", "Member code of conduct complaints backlog", "", "Ongoing", "Monitoring Officer")
				x.row(s, 10, "Key: actions carried forward from 2022/23 are marked *")
				x.row(s, 12, "Signed: ______________ Chief Executive      Date: ________")
				x.save(filepath.Join(dir, "tracker.xlsx"))
			},
			see: []string{
				`read as issues`,
				"rows not read" + strings.Repeat(" ", 16) + "4 (titles, keys, notes, rows left out;",
				`C   "Action Update"                              → kept as an extra column`,
				`warning: tracker.xlsx: sheet "AGS Actions 2024-25", cell C4 ("Action Update"): "Action Update" is a heading for an action's progress, but the sheet is read as a table of governance issues, with no actions`,
				`(for example ["Governance Issue"])`,
				`A10 "Key: actions carried forward from 2022/23 are marked *"`,
				`row 12 not read: under the table`,
				`A2 "Annual Governance Statement 2023/24 – Action Plan"`,
			},
			papers: []string{"Procurement rules not always followed", "Head of Procurement"},
			job: `title = "AGS Action Plan 2024-25"
organisation = "Northbridge Borough Council"
period = "June 2024"
as_at = 2024-06-30

[plan]
workbook = "tracker.xlsx"

[[output]]
template = "appendix-a"
formats = ["pdf", "xlsx"]
`,
		},
		{
			// Capitals, no ref column: the ref starts the action text; a theme
			// band merged across the table; a hidden row; target dates as bare
			// serial numbers with no date format.
			name: "action-responsibility",
			files: func(t testing.TB, dir string) {
				x := newXL(t, "Action Plan")
				s := "Action Plan"
				x.set(s, "A1", "ANNUAL GOVERNANCE STATEMENT – SIGNIFICANT ISSUES ACTION PLAN")
				x.merge(s, "A1", "D1")
				x.row(s, 3, "ACTION", "RESPONSIBILITY", "DUE DATE", "PROGRESS TO DATE")
				x.set(s, "A4", "Theme: Financial Resilience")
				x.merge(s, "A4", "D4")
				x.row(s, 5, "1.1 Refresh the medium term financial strategy", "Director of Finance", 45382, "Draft to Cabinet in February.")
				x.row(s, 6, "1.2 Savings tracker reported monthly to CMT", "Director of Finance", 45473, "Reported since April.")
				x.set(s, "A7", "Theme: Partnerships")
				x.merge(s, "A7", "D7")
				x.row(s, 8, "2.1 Partnership register completed", "Head of Legal", 45565, "Register 60% complete.")
				x.row(s, 9, "2.2 Hidden row action kept for the record", "Head of Legal", 45565, "Row hidden by the officer.")
				if err := x.f.SetRowVisible(s, 9, false); err != nil {
					t.Fatal(err)
				}
				x.save(filepath.Join(dir, "plan.xlsx"))
			},
			see: []string{
				`A   "ACTION"                                     → ref (at the start of the text) and description`,
				`C   "DUE DATE"                                   → target`,
				`rows read as actions: 4 (rows 5-6, rows 8-9)`,
				`row 4: band, theme "Financial Resilience"`,
				`row 7: band, theme "Partnerships"`,
				`cell C5 ("DUE DATE"): 45382 is a number in a date column; read as the date it stands for, 31 March 2024`,
				`row 9: the row is hidden in the workbook; it is read like the others`,
				`overdue actions              1 (1.1)`,
				`warning: plan.xlsx: sheet "Action Plan", row 8: action "2.1" is under the theme "Partnerships", but its governance issue already has the theme "Financial Resilience"`,
			},
			papers: []string{"**2.2** Hidden row action kept for the record", "Register 60% complete."},
			job: `title = "AGS Significant Issues 2024"
organisation = "Eastvale District Council"
period = "June 2024"
as_at = 2024-06-30

[plan]
workbook = "plan.xlsx"

[[output]]
template = "appendix-b"
formats = ["pdf", "xlsx"]
`,
		},
		{
			// The heading set of a metropolitan council's AGS, RAG as words
			// in whatever case the officer typed.
			name: "area-of-focus-rag",
			files: func(t testing.TB, dir string) {
				x := newXL(t, "AGS Action Plan")
				s := "AGS Action Plan"
				x.set(s, "A1", "Annual Governance Statement 2023/24: Action Plan")
				x.row(s, 3, "No.", "Area of focus", "Action", "Lead Officer", "Timescale", "Progress update (to March 2024)", "RAG")
				x.row(s, 4, 1, "Financial sustainability", "Deliver the savings programme", "Director of Resources", "March 2025", "On course for 80% of target.", "amber")
				x.row(s, 5, 2, "Financial sustainability", "Reserves strategy agreed", "Director of Resources", "31/03/2024", "Agreed by Council in February.", "COMPLETE")
				x.row(s, 6, 3, "Governance of companies", "Shareholder board established", "Monitoring Officer", "September 2024", "Terms of reference drafted.", "A/R")
				x.row(s, 7, 4, "Governance of companies", "Company business plans reviewed", "Monitoring Officer", "December 2024", "First review done.", "Part complete")
				x.row(s, 8, 5, "Cyber security", "PSN compliance regained", "Head of ICT", "June 2024", "Awaiting assessor visit.", "green")
				x.row(s, 10, "RAG key: Green – on track; Amber – some slippage; Red – significant risk")
				x.save(filepath.Join(dir, "ags.xlsx"))
			},
			errors: true,
			see: []string{
				`B   "Area of focus"                              → issue_title`,
				`G   "RAG"                                        → status`,
				`rows read as actions: 5 (rows 4-8)`,
				`A10 "RAG key: Green – on track; Amber – some slippage; Red – significant r…"`,
				`error: ags.xlsx: sheet "AGS Action Plan", cell G6 ("RAG"): unknown status "A/R" (did you mean one of "Amber", "Red"? a cell holds one status; the statuses are`,
				`Amber                      2`,
			},
			job: `title = "AGS 2023/24 Action Plan"
organisation = "Westmoor Metropolitan Borough Council"
period = "March 2024"
as_at = 2024-03-31

[plan]
workbook = "ags.xlsx"
` + ragStatuses + `
[[output]]
template = "briefing"
formats = ["pdf", "xlsx"]
`,
		},
		{
			// RAG kept only as the cell's fill colour.
			name: "rag-fill-only",
			files: func(t testing.TB, dir string) {
				x := newXL(t, "Actions")
				s := "Actions"
				x.row(s, 1, "Ref", "Action", "Lead Officer", "Target Date", "Progress", "RAG")
				x.row(s, 2, "A1", "Anti-fraud policy refreshed", "Head of Audit", "31/12/2024", "Draft out for comment.")
				x.fill(s, "F2", "92D050")
				x.row(s, 3, "A2", "Risk registers reviewed quarterly", "Head of Audit", "31/03/2025", "Two of four directorates done.")
				x.fill(s, "F3", "FFC000")
				x.row(s, 4, "A3", "Whistleblowing policy publicised", "Monitoring Officer", "30/09/2024", "Not started.")
				x.fill(s, "F4", "FF0000")
				x.row(s, 5, "A4", "Scheme of delegation updated", "Monitoring Officer", "30/06/2024", "Done.")
				x.fill(s, "F5", "7030A0")
				x.save(filepath.Join(dir, "plan.xlsx"))
			},
			errors: true,
			see: []string{
				`cell F2 ("RAG"): the status cell has no words, only a fill colour, #92D050: read as Green, the status of that colour in the job`,
				`cell F4 ("RAG"): the status cell has no words, only a fill colour, #FF0000: read as Red`,
				`error: plan.xlsx: sheet "Actions", cell F5 ("RAG"): the status cell has no words, only a fill colour, #7030A0, which is the colour of no status`,
			},
			job: `title = "Audit Committee Action Tracker"
organisation = "Southfield Council"
period = "June 2024"
as_at = 2024-06-30

[plan]
workbook = "plan.xlsx"
` + ragStatuses + `
[[output]]
template = "appendix-a"
formats = ["pdf"]
`,
		},
		{
			// Four quarters of updates side by side under a merged
			// "Progress update" heading; a theme band and a fill-only banner.
			name: "quarters-side-by-side",
			files: func(t testing.TB, dir string) {
				x := newXL(t, "Tracker")
				s := "Tracker"
				x.set(s, "A1", "Governance Action Tracker 2024/25")
				x.merge(s, "A1", "I1")
				x.row(s, 3, "Ref", "Action", "Lead", "Due Date", "Progress update", "", "", "", "Status")
				x.merge(s, "E3", "H3")
				x.row(s, 4, "", "", "", "", "Q1", "Q2", "Q3", "Q4", "")
				x.row(s, 5, "T1", "Constitution review", "Monitoring Officer", "31/03/2025", "Scoping.", "Working group met.", "Draft to Standards.", "", "Green")
				x.row(s, 6, "T2", "Member induction programme", "Democratic Services Manager", "31/07/2024", "Planned.", "Delivered.", "", "", "Complete")
				x.row(s, 7, "T3", "Declarations of interest audit", "Monitoring Officer", "30/11/2024", "", "Started.", "Delayed by elections.", "", "Amber")
				x.save(filepath.Join(dir, "tracker.xlsx"))
			},
			see: []string{
				`E   "Progress update Q1"                         → kept as an extra column`,
				`G   "Progress update Q3"                         → progress`,
				`rows read as actions: 3 (rows 5-7)`,
				`overdue actions              1 (T3)`,
			},
			papers: []string{"Draft to Standards.", "Delayed by elections."},
			job: `title = "Governance Action Tracker 2024/25"
organisation = "Lowfield County Council"
period = "Q3 2024/25"
as_at = 2024-12-31

[plan]
workbook = "tracker.xlsx"
  [plan.actions]
  columns.progress = ["Q3"]
` + ragStatuses + `
[[output]]
template = "appendix-a"
formats = ["pdf"]
`,
		},
		{
			// One sheet per directorate, the same layout; an archived plan on a
			// hidden sheet; refs made by formulas (with and without a cached
			// value).
			name: "directorates",
			files: func(t testing.TB, dir string) {
				x := newXL(t, "Archive 2022-23")
				arch := "Archive 2022-23"
				x.row(arch, 1, "Ref", "Action", "Lead Officer", "Due Date", "Status", "Progress")
				x.row(arch, 2, "OLD1", "Old action", "Someone", "31/03/2023", "Complete", "Done long ago.")
				for _, d := range []string{"Adults", "Children", "Place"} {
					x.sheet(d)
					x.row(d, 1, d+" Directorate – AGS actions")
					x.row(d, 2, "Ref", "Action", "Lead Officer", "Due Date", "Status", "Progress")
					x.row(d, 3, d[:1]+"1", d+": assurance map", "Director of "+d, "31/03/2025", "Green", "Map drafted.")
					x.row(d, 4, nil, d+": budget monitoring", "Director of "+d, "30/09/2024", "Amber", "Monthly since May.")
					if err := x.f.SetCellFormula(d, "A4", `"`+d[:1]+`"&(ROW()-2)`); err != nil {
						t.Fatal(err)
					}
				}
				x.f.SetActiveSheet(1)
				if err := x.f.SetSheetVisible(arch, false); err != nil {
					t.Fatal(err)
				}
				x.save(filepath.Join(dir, "directorates.xlsx"))
			},
			errors: true,
			see: []string{
				`directorates.xlsx: sheet "Children", read as actions`,
				`error: directorates.xlsx: sheet "Place", cell A4: the cell holds a formula, ="P"&(ROW()-2), with no value saved in the file`,
				`row 4 not read: its action ref is a formula with no value saved in the file`,
				`not read: sheet "Archive 2022-23" (hidden; a hidden sheet is read only when the job names it)`,
			},
			notSee: []string{"OLD1", "Old action", "Archive 2022-23\", read", "the row has no action ref"},
			job: `title = "Directorate Assurance Actions"
organisation = "Highmoor City Council"
period = "June 2024"
as_at = 2024-06-30

[plan]
workbook = "directorates.xlsx"
  [plan.actions]
  sheets = ["Adults", "Children", "Place"]
` + ragStatuses + `
[[output]]
template = "register"
formats = ["xlsx"]
`,
		},
		{
			// Exported from a tracking system as Excel "Unicode text".
			name: "csv-utf16",
			files: func(t testing.TB, dir string) {
				text := "Action Code\tAction description\tStatus Icon\tUpdate date\tDue Date\tAction update\tResponsible for\r\n" +
					"GOV-01\tReview of the Council’s Code of Corporate Governance\tGreen\t01/06/2024\t31/03/2025\tWorking group formed – first meeting 12 June.\tHead of Governance\r\n" +
					"GOV-02\tAudit committee self-assessment\tAmber\t01/06/2024\t30/09/2024\tCIPFA toolkit obtained; £0 cost.\tChair of Audit Committee\r\n" +
					"GOV-03\tMember training needs analysis\tAmber\t01/06/2024\tQ4 2023/24\tSurvey closed; report not yet written.\tHead of Democratic Services\r\n"
				writeFile(t, filepath.Join(dir, "export.csv"), utf16LE(text))
			},
			see: []string{
				`A   "Action Code"                                → ref`,
				`C   "Status Icon"                                → status`,
				`D   "Update date"                                → kept as an extra column`,
				`G   "Responsible for"                            → lead`,
				`every row with text was read`,
				"overdue actions              1 (GOV-03)",
			},
			papers: []string{"Review of the Council’s Code of Corporate Governance", "CIPFA toolkit obtained; £0 cost."},
			job: `title = "Governance improvement actions"
organisation = "Riverside Unitary Council"
period = "June 2024"
as_at = 2024-06-30

[plan]
workbook = "export.csv"
` + ragStatuses + `
[[output]]
template = "appendix-a"
formats = ["pdf"]
`,
		},
		// A return from an officer who typed the refs and statuses by hand;
		// then the same return with the statuses put right; then the stray
		// row set aside by the job.
		officerReturn("officer-return", "amber/red", "Compete", "", true, []string{
			`error: returns/q2/chief accountant.xlsx: sheet "Return", cell B4 ("Status"): unknown status "amber/red" (did you mean one of "Amber", "Red"? a cell holds one status; the statuses are`,
			`error: returns/q2/chief accountant.xlsx: sheet "Return", cell B6 ("Status"): unknown status "Compete" (did you mean "Complete"?`,
			`1 of 2   Chief Accountant: no update for (FS1)`,
		}),
		officerReturn("officer-return-statuses-corrected", "Red", "Complete", "", true, []string{
			`2 of 2   Chief Accountant`,
			`0 of 1   Head of ICT: no update for (CY1)`,
			`error: returns/q2/chief accountant.xlsx: sheet "Return", cell A6 ("Ref"): action "FS9" is not in the plan: correct the ref in the return, or set the row aside with ignore = [{ref = "FS9", reason = "…"}] in the job's [[updates]] block for September 2024`,
		}),
		officerReturn("officer-return-row-set-aside", "Red", "Complete", `ignore = [{ref = "FS9", reason = "not in this year's plan"}]`, false, []string{
			`2 of 2   Chief Accountant`,
			`rows of returns set aside by the job:`,
			`not in this year's plan`,
		}),
	}
}

// withJob is a layout with the same workbooks and another job.
func withJob(l councilLayout, name string, edit func(job string) string, see []string, papers []string) councilLayout {
	l.name, l.job, l.see, l.notSee, l.papers = name, edit(l.job), see, nil, papers
	return l
}

// writeCouncil writes a layout's workbooks and job into dir and returns the
// job file's path.
func writeCouncil(t testing.TB, l councilLayout, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	l.files(t, dir)
	job := filepath.Join(dir, "report.toml")
	writeFile(t, job, []byte(l.job))
	return job
}

// TestWriteCouncilLayouts writes the layouts into $AGSREPORT_COUNCIL_OUT
// for a person to try agsreport on; it does nothing otherwise.
func TestWriteCouncilLayouts(t *testing.T) {
	out := os.Getenv("AGSREPORT_COUNCIL_OUT")
	if out == "" {
		t.Skip("set AGSREPORT_COUNCIL_OUT to write the new-council workbooks there")
	}
	for _, l := range append(councilLayouts(), trackerLayouts()...) {
		writeCouncil(t, l, filepath.Join(out, l.name))
	}
}

// TestNewCouncilLayouts reads plans kept the way councils keep them, not
// the way agsreport's examples are: check -v must show each mapping, row
// not read and located message a governance officer relies on, the papers
// must hold the text, and no input file may change.
func TestNewCouncilLayouts(t *testing.T) {
	layouts := councilLayouts()
	layouts = append(layouts, withJob(layouts[1], "action-responsibility-bands-as-issues", func(j string) string {
		return strings.Replace(j, "workbook = \"plan.xlsx\"\n", "workbook = \"plan.xlsx\"\n  [plan.actions]\n  bands = \"issue\"\n", 1)
	}, []string{`row 4: band, issue "Financial Resilience"`, `row 7: band, issue "Partnerships"`, `issues                       2`},
		[]string{"Governance Issue – Partnerships", "**2.1** Partnership register completed"}))
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) { runCouncilLayout(t, l) })
	}
}

// runCouncilLayout writes a layout into a temporary folder and checks what
// check -v, the papers and build show, and that no input changed.
func runCouncilLayout(t *testing.T, l councilLayout) {
	t.Helper()
	dir := t.TempDir()
	job := writeCouncil(t, l, dir)
	before := testutil.Snapshot(t, dir)
	var out bytes.Buffer
	err := CheckVerbose(&out, job)
	got := strings.ReplaceAll(out.String(), dir+string(filepath.Separator), "")
	if (err != nil) != l.errors {
		t.Fatalf("check: error %v, want errors %v\n%s", err, l.errors, got)
	}
	for _, s := range l.see {
		if !strings.Contains(got, s) {
			t.Errorf("check -v does not show %q:\n%s", s, got)
		}
	}
	for _, s := range l.notSee {
		if strings.Contains(got, s) {
			t.Errorf("check -v shows %q:\n%s", s, got)
		}
	}
	if !l.errors {
		var doc bytes.Buffer
		if err := Dump(&doc, job, true); err != nil {
			t.Fatal(err)
		}
		for _, s := range l.papers {
			if !strings.Contains(doc.String(), s) {
				t.Errorf("the papers do not show %q:\n%s", s, doc.String())
			}
		}
		var b bytes.Buffer
		if err := Build(&b, job, BuildOptions{OutputDir: t.TempDir()}); err != nil {
			t.Fatalf("build: %v\n%s", err, b.String())
		}
	}
	if after := testutil.Snapshot(t, dir); after != before {
		t.Errorf("the inputs changed:\n%s", testutil.FirstDiff(before, after))
	}
}

// officerReturn is a plan and one officer's return with refs typed by hand
// ("FS 1", "fs2") and a stray row FS9, with the two statuses given.
func officerReturn(name, fs1Status, fs9Status, ignore string, errors bool, see []string) councilLayout {
	return councilLayout{
		name: name,
		files: func(t testing.TB, dir string) {
			x := newXL(t, "Actions")
			s := "Actions"
			x.row(s, 1, "Ref", "Action", "Lead Officer", "Target Date", "Status", "Progress")
			x.row(s, 2, "FS1", "Budget setting timetable", "Chief Accountant", "31/01/2025", "Amber", "Timetable drafted.")
			x.row(s, 3, "FS2", "Capital programme review", "Chief Accountant", "31/03/2025", "Green", "Review started.")
			x.row(s, 4, "CY1", "Cyber incident exercise", "Head of ICT", "30/09/2024", "Green", "Booked.")
			x.save(filepath.Join(dir, "plan.xlsx"))
			r := newXL(t, "Return")
			rs := "Return"
			r.row(rs, 1, "Quarterly progress return – Chief Accountant")
			r.row(rs, 3, "Ref", "Status", "Progress")
			r.row(rs, 4, "FS 1", fs1Status, "Timetable slipped two weeks.")
			r.row(rs, 5, "fs2", "on track", "Review half done.")
			r.row(rs, 6, "FS9", fs9Status, "Stray row from last year.")
			if err := os.MkdirAll(filepath.Join(dir, "returns", "q2"), 0o755); err != nil {
				t.Fatal(err)
			}
			r.save(filepath.Join(dir, "returns", "q2", "chief accountant.xlsx"))
		},
		errors: errors,
		see:    see,
		papers: []string{"Timetable slipped two weeks.", "Review half done."},
		job: `title = "AGS actions"
organisation = "Fenland Borough Council"
period = "September 2024"
as_at = 2024-09-30

[plan]
workbook = "plan.xlsx"
period = "June 2024"

[[updates]]
period = "September 2024"
workbooks = ["returns/q2/*.xlsx"]
` + ignore + `
` + ragStatuses + `
[[output]]
template = "briefing"
formats = ["pdf"]
`,
	}
}
