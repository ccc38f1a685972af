package job

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeJob writes a job file and the workbooks it names (as empty files,
// which is enough for the job's own checks) into a temporary folder.
func writeJob(t *testing.T, body string, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, "report.toml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func Example() {
	dir, _ := os.MkdirTemp("", "agsreport-job")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "plan.xlsx"), []byte("x"), 0o644)
	os.MkdirAll(filepath.Join(dir, "updates"), 0o755)
	os.WriteFile(filepath.Join(dir, "updates", "amey.xlsx"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "updates", "~$amey.xlsx"), []byte("x"), 0o644)
	job := `
title        = "Annual Governance Statement Action Plan 2017-18"
organisation = "Cumbria County Council"
period       = "February 2018"
as_at        = 2018-02-28

[plan]
workbook = "plan.xlsx"
  [plan.actions]
  sheet = "Action Plan"
  columns.ref = ["Action Ref", "Ref"]

[[updates]]
workbooks = ["updates/*.xlsx"]
period    = "February 2018"

[statuses.COMPLETE]
aliases = ["Completed"]
colour  = "#C6EFCE"
closed  = true

[statuses."ON TARGET"]
colour = "#DDEBF7"

[[output]]
template = "appendix-b"
issues   = ["AMEY"]
formats  = ["pdf", "xlsx"]
`
	path := filepath.Join(dir, "report.toml")
	os.WriteFile(path, []byte(job), 0o644)
	j, err := Load(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(j.Title, "|", j.Period, "|", j.AsAt)
	fmt.Println("actions sheet:", j.Plan.Actions.Sheet, j.Plan.Actions.Columns["ref"])
	fmt.Println("update files:", j.Updates[0].Files[0].Name, "skipped:", j.Updates[0].Skipped)
	for _, s := range j.Statuses {
		fmt.Println("status:", s.Name, s.Colour, s.Closed)
	}
	fmt.Println("output:", j.Outputs[0].Template, j.Outputs[0].File, j.Outputs[0].Formats)
	// Output:
	// Annual Governance Statement Action Plan 2017-18 | February 2018 | 2018-02-28
	// actions sheet: Action Plan [Action Ref Ref]
	// update files: updates/amey.xlsx skipped: [updates/~$amey.xlsx]
	// status: COMPLETE #C6EFCE true
	// status: ON TARGET #DDEBF7 false
	// output: appendix-b appendix-b [pdf xlsx]
}

func TestShortJobDefaults(t *testing.T) {
	p := writeJob(t, "title = \"Plan\"\n[plan]\nworkbook = \"plan.xlsx\"\n", "plan.xlsx")
	j, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if j.Plan.Actions == nil || !j.Plan.Actions.Optional || j.Plan.Issues == nil || !j.Plan.Issues.Optional {
		t.Errorf("a job naming only the workbook should look for every table: %+v", j.Plan)
	}
	if len(j.Statuses) == 0 || j.Statuses[0].Name != "COMPLETE" {
		t.Errorf("default statuses not applied: %+v", j.Statuses)
	}
	if j.OutputDir != filepath.Join(filepath.Dir(p), "out") {
		t.Errorf("output dir = %q", j.OutputDir)
	}
	if j.Language != "en-GB" {
		t.Errorf("language = %q, want the default en-GB", j.Language)
	}
}

func TestLanguage(t *testing.T) {
	for _, tc := range []struct{ name, value, want string }{
		{"welsh", "cy", "cy"},
		{"region", "en-GB", "en-GB"},
		{"script and region", "sr-Latn-RS", "sr-Latn-RS"},
		{"blank is the default", "  ", "en-GB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j, err := Load(writeJob(t, "title = \"Plan\"\nlanguage = \""+tc.value+"\"\n[plan]\nworkbook = \"plan.xlsx\"\n", "plan.xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			if j.Language != tc.want {
				t.Errorf("language = %q, want %q", j.Language, tc.want)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	const ok = "title = \"Plan\"\n[plan]\nworkbook = \"plan.xlsx\"\n"
	tests := []struct {
		name  string
		body  string
		files []string
		want  []string // lines of the error, with the job path replaced by JOB
	}{
		{"unknown key", ok + "colour = \"red\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 4: unknown key "plan.colour" (keys of [plan]: ` + keys("plan") + ")"}},
		{"misspelt key", ok + "[[output]]\ntemplate = \"appendix-b\"\nfromats = [\"pdf\"]\n", []string{"plan.xlsx"},
			[]string{`JOB: line 6: unknown key "output.fromats": did you mean "formats"? (keys of [[output]]: ` + keys("output") + ")"}},
		{"misspelt top-level key", "titel = \"Plan\"\n[plan]\nworkbook = \"plan.xlsx\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 1: unknown key "titel": did you mean "title"? (keys of the top level: ` + keys() + ")",
				`JOB: the job needs a title, e.g. title = "Annual Governance Statement Action Plan 2017-18"`}},
		{"key in the wrong case", "Title = \"Plan\"\n[plan]\nworkbook = \"plan.xlsx\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 1: unknown key "Title" (keys are lower case: "title")`}},
		{"wrong type", "title = 3\n[plan]\nworkbook = \"plan.xlsx\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 1: title must be a text in quotes, e.g. title = "…", not a whole number`}},
		{"a text for a list", ok + "[[output]]\ntemplate = \"appendix-b\"\nformats = \"pdf\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 6: formats must be a list of texts in quotes, e.g. formats = ["pdf"], not a text`}},
		{"syntax error", "title = \"Plan\n", nil,
			[]string{`JOB: line 1: strings cannot contain newlines`}},
		{"missing workbook", ok, nil,
			[]string{`JOB: line 3: workbook "plan.xlsx" not found`}},
		{"missing title and plan", "period = \"Q1\"\n", nil,
			[]string{`JOB: the job needs a title, e.g. title = "Annual Governance Statement Action Plan 2017-18"`,
				`JOB: the job has no [plan]: say where the plan workbook is, e.g. [plan] workbook = "plan.xlsx"`}},
		{"bad header", ok + "[plan.actions]\nheader = \"first\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 5: must be "auto" or a row number from 1, not first`}},
		{"unknown band kind", ok + "[plan.actions]\nbands = \"outcomes\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 5: must be one of outcome, theme, issue, recommendation, none, not "outcomes"`}},
		{"last row above the header", ok + "[plan.actions]\nheader = 5\nlast_row = 3\n", []string{"plan.xlsx"},
			[]string{`JOB: line 6: must be a row number below the header row, not 3`}},
		{"bad language", "language = \"English\"\n" + ok, []string{"plan.xlsx"},
			[]string{`JOB: line 1: language "English" is not a language tag such as "en-GB" or "cy"`}},
		{"bad date", "as_at = \"soon\"\n" + ok, []string{"plan.xlsx"},
			[]string{`JOB: line 1: "soon" is not a date; write it as 2018-02-28`}},
		{"update glob matches nothing", ok + "[[updates]]\nperiod = \"Q1\"\nworkbooks = [\"q1.xlsx\"]\n", []string{"plan.xlsx"},
			[]string{`JOB: line 6: workbook "q1.xlsx" not found`}},
		{"update without period", ok + "[[updates]]\nworkbooks = [\"q1/*.xlsx\"]\n", []string{"plan.xlsx"},
			[]string{`JOB: line 4: [[updates]] number 1 needs a period, e.g. period = "February 2018"`,
				`JOB: line 5: [[updates]] number 1 (): no workbook matches "q1/*.xlsx"; set optional = true in the block if its returns may not have arrived yet`}},
		{"update pattern matches nothing", ok + "[[updates]]\nperiod = \"Q1\"\nworkbooks = [\"q1/*.xlsx\"]\n", []string{"plan.xlsx"},
			[]string{`JOB: line 6: [[updates]] number 1 (Q1): no workbook matches "q1/*.xlsx"; set optional = true in the block if its returns may not have arrived yet`}},
		{"output period the job does not know", ok + "[[updates]]\nperiod = \"Q1\"\nworkbooks = [\"q1.xlsx\"]\n[[output]]\ntemplate = \"briefing\"\nperiod = \"Q2\"\n", []string{"plan.xlsx", "q1.xlsx"},
			[]string{`JOB: line 9: [[output]] number 1: period "Q2" is not a period of this job (periods: Q1)`}},
		{"output period of a job without periods", ok + "[[output]]\ntemplate = \"briefing\"\nperiod = \"Q2\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 6: [[output]] number 1: period "Q2" is not a period of this job (the job names no period)`}},
		{"job period the job does not know", "period = \"Q3\"\n" + ok + "[[updates]]\nperiod = \"Q1\"\nworkbooks = [\"q1.xlsx\"]\n", []string{"plan.xlsx", "q1.xlsx"},
			[]string{`JOB: line 1: period "Q3" is not a period of this job (periods: Q1)`}},
		{"extension without a ref or target", ok + "[[extensions]]\nby = \"Audit Committee\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 4: [[extensions]] number 1 names no action: give ref = "…"`,
				`JOB: line 4: [[extensions]] number 1 gives no target: give the new target date, such as target = 2024-09-30`}},
		{"approvals file name empty", "approvals = [\" \"]\n" + ok, []string{"plan.xlsx"},
			[]string{`JOB: line 1: approvals lists an empty file name`}},
		{"extension target not a date", ok + "[[extensions]]\nref = \"A1\"\ntarget = \"later\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 6: "later" is not a date; write it as 2018-02-28`}},
		{"extension period the job does not know", ok + "[[updates]]\nperiod = \"Q1\"\nworkbooks = [\"q1.xlsx\"]\n[[extensions]]\nref = \"A1\"\ntarget = 2024-09-30\nperiod = \"Q2\"\n", []string{"plan.xlsx", "q1.xlsx"},
			[]string{`JOB: line 10: [[extensions]] number 1: period "Q2" is not a period of this job (periods: Q1)`}},
		{"plan period also a period of returns", "title = \"Plan\"\n[plan]\nworkbook = \"plan.xlsx\"\nperiod = \"Q1\"\n[[updates]]\nperiod = \"Q1\"\nworkbooks = [\"q1.xlsx\"]\n", []string{"plan.xlsx", "q1.xlsx"},
			[]string{`JOB: line 4: the plan's status and progress are the state as at "Q1", and [[updates]] number 1 reads returns for that period too: the plan's period must come before every period of returns`}},
		{"ignore without a reason", ok + "[[updates]]\nperiod = \"Q1\"\nworkbooks = [\"q1.xlsx\"]\nignore = [{ref = \"FS9\"}]\n", []string{"plan.xlsx", "q1.xlsx"},
			[]string{`JOB: line 7: [[updates]] number 1: ignore entry 1 needs a ref and a reason, e.g. {ref = "FS9", reason = "not in this year's plan"}`}},
		{"bad colour", ok + "[statuses.DONE]\ncolour = \"green\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 5: colour "green" is not of the form "#RRGGBB"`}},
		{"symbol the font lacks", ok + "[statuses.DONE]\nsymbol = \"✓\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 5: symbol "✓": the papers' font (Liberation Sans) has no '✓' (U+2713); symbols it has include ● ○ ■ □ ▲ ▼ ► ◄ ♦ × !`}},
		{"duplicate alias", ok + "[statuses.DONE]\naliases = [\"Closed\"]\n[statuses.CLOSED]\n", []string{"plan.xlsx"},
			[]string{`JOB: line 6: status "CLOSED": "CLOSED" is already a name or alias of "DONE"`}},
		{"unknown format", ok + "[[output]]\ntemplate = \"appendix-a\"\nformats = [\"odt\"]\n", []string{"plan.xlsx"},
			[]string{`JOB: line 6: [[output]] number 1: unknown format "odt" (known: docx, html, pdf, xlsx)`}},
		{"output path", ok + "[[output]]\ntemplate = \"appendix-a\"\nfile = \"../x\"\n", []string{"plan.xlsx"},
			[]string{`JOB: line 6: [[output]] number 1: file "../x" must be a plain file name`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeJob(t, tt.body, tt.files...)
			_, err := Load(p)
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.Split(strings.ReplaceAll(err.Error(), p, "JOB"), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("error:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestPeriodsAndOptionalReturns checks the job's periods in order, the
// plan's baseline first, and that an optional block whose returns have not
// arrived lists its pattern instead of failing.
func TestPeriodsAndOptionalReturns(t *testing.T) {
	body := `title = "Plan"
period = "Q2"
[plan]
workbook = "plan.xlsx"
period = "Q4 2023/24"
[[updates]]
period = "Q1"
workbooks = ["q1/*.xlsx"]
ignore = [{ref = "FS9", reason = "not in this year's plan"}]
[[updates]]
period = "Q2"
workbooks = ["q2/*.xlsx"]
optional = true
[[output]]
template = "briefing"
period = "Q4 2023/24"
`
	p := writeJob(t, body, "plan.xlsx", "q1/a.xlsx")
	j, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(j.Periods(), " | "); got != "Q4 2023/24 | Q1 | Q2" {
		t.Errorf("periods = %q", got)
	}
	if j.PlanPeriod != "Q4 2023/24" {
		t.Errorf("plan period = %q", j.PlanPeriod)
	}
	if u := j.Updates[1]; !u.Optional || len(u.Files) != 0 || strings.Join(u.Unmatched, ",") != "q2/*.xlsx" {
		t.Errorf("optional block: %+v", u)
	}
	if ig := j.Updates[0].Ignore; len(ig) != 1 || ig[0] != (Ignore{Ref: "FS9", Reason: "not in this year's plan"}) {
		t.Errorf("ignore = %+v", ig)
	}
}

func TestMissingJobFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.toml"))
	if err == nil || !strings.HasSuffix(err.Error(), "nope.toml: job file not found") {
		t.Errorf("err = %v", err)
	}
}

// keys lists the keys the job accepts in the table at path, as messages
// list them.
func keys(path ...string) string { return strings.Join(Keys(path...), ", ") }

// TestTemplateFileNamesThePaper checks that a template given as a file in
// a subfolder names the paper by its base name, instead of failing on the
// folder in the paper's name.
func TestTemplateFileNamesThePaper(t *testing.T) {
	p := writeJob(t, "title = \"Plan\"\n[plan]\nworkbook = \"plan.xlsx\"\n[[output]]\ntemplate = \"my templates/committee.toml\"\n",
		"plan.xlsx", "my templates/committee.toml")
	j, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := j.Outputs[0].File; got != "committee" {
		t.Errorf("file = %q, want \"committee\"", got)
	}
}

// TestNotAJobFile checks what a person sees when they give a workbook, a
// PDF or a UTF-16 file where the job file goes.
func TestNotAJobFile(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"workbook", "PK\x03\x04rest", "plan.xlsx is an Excel workbook (or another zip file), not a job file: give the job file instead"},
		{"old workbook", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "plan.xlsx is an old-style Excel workbook (.xls) or Word file, not a job file"},
		{"pdf", "%PDF-1.4", "plan.xlsx is a PDF file, not a job file"},
		{"utf-16", "\xFF\xFEt\x00i\x00", "plan.xlsx is saved as UTF-16 text: save the job file as UTF-8"},
		{"binary", "abc\x00def", "plan.xlsx is not a text file, so it cannot be a job file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("plan.xlsx", []byte(tt.data))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant it to start %q", err, tt.want)
			}
		})
	}
}
