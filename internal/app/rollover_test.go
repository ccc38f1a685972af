package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/testutil"
)

const quarterlyJob = "../../examples/cumbria-quarterly/report.toml"

// rollQuarterly rolls the quarterly example over into a new folder and
// returns the folder and what the command printed.
func rollQuarterly(t *testing.T, opts RolloverOptions) (string, string) {
	t.Helper()
	if opts.OutputDir == "" {
		opts.OutputDir = filepath.Join(t.TempDir(), "2018-19")
	}
	if opts.Year == "" {
		opts.Year = "2018/19"
	}
	var out bytes.Buffer
	if err := Rollover(&out, quarterlyJob, opts); err != nil {
		t.Fatalf("rollover: %v\n%s", err, out.String())
	}
	return opts.OutputDir, out.String()
}

// loadRolled loads a rolled-over job and fails unless it reads with no
// errors and no warnings.
func loadRolled(t *testing.T, jobPath string) *Loaded {
	t.Helper()
	l, err := Load(jobPath)
	if err != nil {
		t.Fatal(err)
	}
	if l.Problems.Errors() != 0 || l.Problems.Warnings() != 0 {
		t.Fatalf("the new plan reads with problems:\n%v", l.Problems.List)
	}
	return l
}

func TestRolloverCarriesOpenActions(t *testing.T) {
	old, err := Load(quarterlyJob)
	if err != nil {
		t.Fatal(err)
	}
	dir, printed := rollQuarterly(t, RolloverOptions{})
	l := loadRolled(t, filepath.Join(dir, "report.toml"))
	var check bytes.Buffer
	if err := Check(&check, filepath.Join(dir, "report.toml")); err != nil || !strings.Contains(check.String(), "no problems found") {
		t.Fatalf("check of the new job: %v\n%s", err, check.String())
	}

	// Worked by hand from the example's March 2018 returns: these twelve
	// actions are COMPLETE, the other seventeen are still open.
	closed := []string{"1(i)", "1(ii)", "1(v)", "2(i)", "3(i)", "3(ii)", "3(iii)", "4(i)", "4(ii)", "6(i)", "6(ii)", "8(i)"}
	carried := map[string]*plan.Action{}
	var order []string
	for _, is := range l.Plan.Issues {
		for _, a := range is.Actions {
			carried[a.Ref] = a
			order = append(order, a.Ref)
		}
	}
	if len(carried) != 17 {
		t.Errorf("carried %d actions %v, want the 17 open ones", len(carried), order)
	}
	var wantOrder []string
	for _, is := range old.Plan.Issues {
		for _, a := range is.Actions {
			isClosed := slices.Contains(closed, a.Ref)
			if isClosed != old.Plan.Statuses.Closed(a.Status) {
				t.Errorf("%s: the hand-worked list says closed=%v, the example's status is %q", a.Ref, isClosed, a.Status)
			}
			got, ok := carried[a.Ref]
			switch {
			case isClosed && ok:
				t.Errorf("%s is closed (%s) but was carried forward", a.Ref, a.Status)
			case isClosed:
				if !strings.Contains(printed, "  "+a.Ref+"  COMPLETE") {
					t.Errorf("%s is left behind but not listed in the output:\n%s", a.Ref, printed)
				}
			case !ok:
				t.Errorf("%s is open (%q) but was not carried forward", a.Ref, a.Status)
			default:
				wantOrder = append(wantOrder, a.Ref)
				if got.Status != a.Status {
					t.Errorf("%s: status %q, want the last one, %q", a.Ref, got.Status, a.Status)
				}
				if got.CarriedFrom != "2017/18" {
					t.Errorf("%s: carried from %q, want 2017/18", a.Ref, got.CarriedFrom)
				}
				if got.Description != a.Description || got.Lead != a.Lead || got.Target.Text != a.Target.Text || got.Issue != a.Issue {
					t.Errorf("%s: carried as %+v, want the description, lead, target and issue of %+v", a.Ref, got, a)
				}
				if len(got.History) != 0 {
					t.Errorf("%s: the new plan has updates %v, want none", a.Ref, got.History)
				}
			}
		}
	}
	if !slices.Equal(order, wantOrder) {
		t.Errorf("carried in order %v, want the plan's order %v", order, wantOrder)
	}
	// The short history: the last update's period in front of its text.
	for ref, want := range map[string]string{
		"4(iii)": "Last update (March 2018): Illustrative update: Member risk management training on 28 March postponed; a new date in May is being arranged.",
	} {
		if a := carried[ref]; a == nil || a.Progress != want {
			t.Errorf("%s: progress %q, want %q", ref, a.Progress, want)
		}
	}
	for _, a := range carried {
		if a.Progress != "" && !strings.HasPrefix(a.Progress, "Last update (") {
			t.Errorf("%s: progress %q does not say which period it is from", a.Ref, a.Progress)
		}
	}
	if !strings.Contains(printed, "17 open actions carried forward from 2017/18") || !strings.Contains(printed, "left behind, closed in 2017/18 (12)") {
		t.Errorf("output does not give the counts:\n%s", printed)
	}
	job, err := os.ReadFile(filepath.Join(dir, "report.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`title        = "Annual Governance Statement Action Plan 2018/19"`, `workbook = "plan.xlsx"`, "# [[updates]]", `template = "appendix-b"`, `[statuses."BEHIND TARGET"]`} {
		if !bytes.Contains(job, []byte(want)) {
			t.Errorf("new job lacks %q:\n%s", want, job)
		}
	}
	if l.Job.Updates != nil {
		t.Errorf("new job has updates: %v", l.Job.Updates)
	}
	// The outputs are named for the new year, not after March 2018.
	var files []string
	for _, o := range l.Job.Outputs {
		files = append(files, o.File)
	}
	if want := []string{"CMT briefing - 2018-19", "Appendix 1B - Amey Lessons Learned - 2018-19", "Action register - 2018-19"}; !slices.Equal(files, want) {
		t.Errorf("the new job's outputs are %q, want %q", files, want)
	}
	// The issues' column the reader kept unmapped is carried with them.
	for _, is := range l.Plan.Issues {
		was := old.Plan.Issue(is.ID)
		if fmt.Sprint(is.Extra) != fmt.Sprint(was.Extra) {
			t.Errorf("issue %s: extra columns %v, want %v", is.ID, is.Extra, was.Extra)
		}
	}
	if v, _ := l.Plan.Issue("AMEY").Extra.Get("Specific Measurable Actions"); v != "see action plan below" {
		t.Errorf("issue AMEY: Specific Measurable Actions %q, want the plan's %q", v, "see action plan below")
	}
}

// TestForYear checks the renaming of output names for the new year.
func TestForYear(t *testing.T) {
	periods := []string{"December 2017", "January 2018", "March 2018", "March 2018 Q4"}
	for _, c := range []struct{ in, year, want string }{
		{"CMT briefing - March 2018", "2018-19", "CMT briefing - 2018-19"},
		{"Appendix 1B – Amey 2017-18", "2018/19", "Appendix 1B – Amey 2018/19"},
		{"Register march 2018 Q4", "2018-19", "Register 2018-19"},
		{"Appendix 1A - Childrens Services", "2018-19", "Appendix 1A - Childrens Services"},
		{"Notes of 2 March 20189", "2018-19", "Notes of 2 March 20189"},
	} {
		if got := forYear(c.in, periods, c.year); got != c.want {
			t.Errorf("forYear(%q, %q) = %q, want %q", c.in, c.year, got, c.want)
		}
	}
}

func TestRolloverSameBytes(t *testing.T) {
	a, _ := rollQuarterly(t, RolloverOptions{})
	b, _ := rollQuarterly(t, RolloverOptions{})
	for _, f := range RolloverFiles {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs (%d and %d bytes)", f, len(x), len(y))
		}
	}
}

func TestRolloverNeverOverwrites(t *testing.T) {
	for _, there := range RolloverFiles {
		t.Run(there, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, there), []byte("mine"), 0o644); err != nil {
				t.Fatal(err)
			}
			before := testutil.Snapshot(t, dir)
			var out bytes.Buffer
			err := Rollover(&out, quarterlyJob, RolloverOptions{OutputDir: dir, Year: "2018/19"})
			want := dir + " already holds " + there + ", so nothing was written: rollover writes only into a new or empty folder, so that nothing of yours is replaced"
			if err == nil || err.Error() != want {
				t.Fatalf("err = %v, want %q", err, want)
			}
			if after := testutil.Snapshot(t, dir); after != before {
				t.Errorf("the folder changed:\n%s\nwant\n%s", after, before)
			}
		})
	}
	t.Run("a file for the folder", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "next")
		if err := os.WriteFile(file, []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
		err := Rollover(&bytes.Buffer{}, quarterlyJob, RolloverOptions{OutputDir: file, Year: "2018/19"})
		if err == nil || !strings.Contains(err.Error(), "is a file, not a folder") {
			t.Fatalf("err = %v, want a refusal saying the folder is a file", err)
		}
		if data, _ := os.ReadFile(file); string(data) != "mine" {
			t.Errorf("the file changed: %q", data)
		}
	})
	t.Run("second run", func(t *testing.T) {
		dir, _ := rollQuarterly(t, RolloverOptions{})
		before := testutil.Snapshot(t, dir)
		err := Rollover(&bytes.Buffer{}, quarterlyJob, RolloverOptions{OutputDir: dir, Year: "2018/19"})
		if err == nil {
			t.Fatal("a second rollover into the same folder succeeded")
		}
		if after := testutil.Snapshot(t, dir); after != before {
			t.Errorf("the folder changed")
		}
	})
}

func TestRolloverUsage(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts RolloverOptions
		want string
	}{
		{"no folder", RolloverOptions{Year: "2018/19"}, "needs -o DIR"},
		{"no year", RolloverOptions{OutputDir: "x"}, "needs -year"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Rollover(&bytes.Buffer{}, quarterlyJob, tc.opts)
			if _, ok := err.(*UsageError); !ok || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want a usage error saying %q", err, tc.want)
			}
		})
	}
}

func TestYearOf(t *testing.T) {
	for _, tc := range []struct {
		name  string
		texts []string
		want  string
	}{
		{"short dash", []string{"Annual Governance Statement Action Plan 2017-18"}, "2017/18"},
		{"slash", []string{"AGS 2023/24 action plan"}, "2023/24"},
		{"long", []string{"Plan 2023-2024"}, "2023/24"},
		{"none", []string{"Annual Governance Statement"}, ""},
		{"two years", []string{"Plan 2022/23 and 2023/24"}, ""},
		{"same year twice", []string{"Plan 2023/24", "2023-24"}, "2023/24"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := yearOf(tc.texts...); got != tc.want {
				t.Errorf("yearOf(%q) = %q, want %q", tc.texts, got, tc.want)
			}
		})
	}
}

// TestRolloverPaperMarksCarried builds the new job's Appendix 1 (B) and
// checks that each carried action of the issue it covers is marked.
func TestRolloverPaperMarksCarried(t *testing.T) {
	dir, _ := rollQuarterly(t, RolloverOptions{})
	jobPath := filepath.Join(dir, "report.toml")
	l, err := Load(jobPath)
	if err != nil {
		t.Fatal(err)
	}
	var want int
	for _, is := range l.Plan.Issues {
		if is.ID == "AMEY" {
			want = len(is.Actions)
		}
	}
	if want == 0 {
		t.Fatal("no AMEY actions were carried forward")
	}
	out := filepath.Join(dir, "papers")
	if err := Build(&bytes.Buffer{}, jobPath, BuildOptions{OutputDir: out}); err != nil {
		t.Fatal(err)
	}
	html, err := os.ReadFile(filepath.Join(out, "Appendix 1B - Amey Lessons Learned - 2018-19.html"))
	if err != nil {
		t.Fatal(err)
	}
	if got := bytes.Count(html, []byte("<em>Carried forward from 2017/18</em>")); got != want {
		t.Errorf("the appendix marks %d actions as carried forward, want the %d carried", got, want)
	}
}

// TestRolloverFrom checks where the year rolled over from comes from: the
// -from option over the title, and a usage error when the title and period
// name none.
func TestRolloverFrom(t *testing.T) {
	src, err := os.ReadFile(quarterlyJob)
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(filepath.Dir(quarterlyJob))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(src), `"../`, `"`+filepath.ToSlash(filepath.Dir(abs))+`/`)
	text = strings.ReplaceAll(text, `"updates/`, `"`+filepath.ToSlash(abs)+`/updates/`)
	text = strings.ReplaceAll(text, `"plan.xlsx"`, `"`+filepath.ToSlash(abs)+`/plan.xlsx"`)
	text = strings.Replace(text, `title        = "Annual Governance Statement Action Plan 2017-18"`, `title = "Annual Governance Statement Action Plan"`, 1)
	noYear := filepath.Join(t.TempDir(), "report.toml")
	if err := os.WriteFile(noYear, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, job, from string
		want            string // in the new plan's Carried Forward column, or the error
	}{
		{"from the title", quarterlyJob, "", "2017/18"},
		{"given", quarterlyJob, "2017-2018 plan", "2017-2018 plan"},
		{"given, no year in the title", noYear, "2017/18", "2017/18"},
		{"needed", noYear, "", "rollover cannot tell which plan year " + noYear + ` is from its title "Annual Governance Statement Action Plan": give it with -from, e.g. -from "2023/24"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "next")
			err := Rollover(&bytes.Buffer{}, tc.job, RolloverOptions{OutputDir: dir, Year: "2018/19", From: tc.from})
			if strings.HasPrefix(tc.want, "rollover cannot") {
				if _, ok := err.(*UsageError); !ok || err.Error() != tc.want {
					t.Fatalf("err = %v, want a usage error saying %q", err, tc.want)
				}
				if _, serr := os.Stat(dir); serr == nil {
					t.Errorf("%s was created", dir)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			l, err := Load(filepath.Join(dir, "report.toml"))
			if err != nil {
				t.Fatal(err)
			}
			if a := l.Plan.Issues[0].Actions[0]; a.CarriedFrom != tc.want {
				t.Errorf("%s carried from %q, want %q", a.Ref, a.CarriedFrom, tc.want)
			}
		})
	}
}

// TestRolloverIssuesWithoutActions rolls over the CMT 2014 plan, which
// keeps each proposed action on its issue: every issue is carried, with
// its text, since none is marked done.
func TestRolloverIssuesWithoutActions(t *testing.T) {
	const src = "../../examples/cmt-2014/report.toml"
	old, err := Load(src)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "next")
	if err := Rollover(&bytes.Buffer{}, src, RolloverOptions{OutputDir: dir, Year: "2015/16", From: "2014/15"}); err != nil {
		t.Fatal(err)
	}
	l := loadRolled(t, filepath.Join(dir, "report.toml"))
	if len(l.Plan.Issues) != len(old.Plan.Issues) || len(old.Plan.Issues) != 9 {
		t.Fatalf("carried %d issues, want the plan's %d (9)", len(l.Plan.Issues), len(old.Plan.Issues))
	}
	for i, is := range l.Plan.Issues {
		o := old.Plan.Issues[i]
		if is.ID != o.ID || is.Title != o.Title || is.Description != o.Description || is.Action != o.Action || is.Lead != o.Lead || is.Target.Text != o.Target.Text {
			t.Errorf("issue %d carried as %+v, want %+v", i+1, is, o)
		}
	}
}

// TestRolloverRevisedTarget checks that a revised target is carried with
// the original beside it and the last revision's agreement, and reads back
// as the same revision.
func TestRolloverRevisedTarget(t *testing.T) {
	old, err := Load(quarterlyJob)
	if err != nil {
		t.Fatal(err)
	}
	r := carry(old.Plan, "2017/18")
	var a *plan.Action
	for _, c := range r.actions {
		if c.Target.Text != "" {
			a = c
			break
		}
	}
	// Two revisions, the second agreed with no one named: both are kept.
	agreed, _ := plan.MakeDate(2018, time.March, 14)
	agreed2, _ := plan.MakeDate(2018, time.June, 20)
	june, _ := plan.ParseTarget("30 June 2018")
	september, _ := plan.ParseTarget("30 September 2018")
	a.Revise(plan.Revision{Target: june, Agreed: agreed, By: "Audit and Assurance Committee"})
	a.Revise(plan.Revision{Target: september, Agreed: agreed2})
	// And an action's column the reader kept unmapped.
	a.Extra = append(a.Extra, plan.Field{Name: "Directorate", Value: "Resources"})
	dir := t.TempDir()
	book, err := r.workbook(old.Plan, "2018/19")
	if err != nil {
		t.Fatal(err)
	}
	text, _, err := r.jobFile(old.Job, RolloverOptions{OutputDir: dir, Year: "2018/19"}, "2017/18")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "plan.xlsx"), book, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "report.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	l := loadRolled(t, filepath.Join(dir, "report.toml"))
	var got *plan.Action
	for _, c := range l.Plan.Actions() {
		if c.Ref == a.Ref {
			got = c
		}
	}
	if got == nil {
		t.Fatalf("%s was not carried forward", a.Ref)
	}
	if got.Original.Text != a.Original.Text || got.Target.DueText() != "30 September 2018" {
		t.Fatalf("%s: target %q, original %q; want 30 September 2018, was %q", got.Ref, got.Target.Text, got.Original.Text, a.Original.Text)
	}
	want := []plan.Revision{{Target: june, Agreed: agreed, By: "Audit and Assurance Committee"}, {Target: september, Agreed: agreed2}}
	// Where each revision was read is not carried forward; it is checked
	// by the reader's own tests.
	read := make([]plan.Revision, len(got.Revisions))
	for i, r := range got.Revisions {
		r.At, r.AgreedAt = plan.Loc{}, plan.Loc{}
		read[i] = r
	}
	if fmt.Sprint(read) != fmt.Sprint(want) {
		t.Errorf("%s: revisions %+v, want %+v", got.Ref, got.Revisions, want)
	}
	if note, want := got.RevisedNote(), "Revised: 30 September 2018 (was "+a.Original.DueText()+"; extension agreed 20 June 2018)"; note != want {
		t.Errorf("%s: %q, want %q", got.Ref, note, want)
	}
	if v, ok := got.Extra.Get("Directorate"); !ok || v != "Resources" {
		t.Errorf("%s: Directorate %q, want the plan's Resources", got.Ref, v)
	}
}

// TestRolloverRevisionWords: an action revised twice, first to "Q1
// 2025/26" and then to "30/09/2025 subject to funding", is carried forward
// with both lines as written, not as bare dates, and the lines read back
// as the same two revisions, due 30 June 2025 and 30 September 2025.
func TestRolloverRevisionWords(t *testing.T) {
	a := &plan.Action{Target: plan.Target{Text: "31 March 2025"}}
	for _, s := range []string{"Q1 2025/26", "30/09/2025 subject to funding"} {
		tg, err := plan.ParseTarget(s)
		if err != nil {
			t.Fatal(err)
		}
		a.Revise(plan.Revision{Target: tg})
	}
	revised := a.RevisionCells().Targets
	if want := "Q1 2025/26\n30/09/2025 subject to funding"; revised != want {
		t.Fatalf("revised cell %q, want %q", revised, want)
	}
	var dues []string
	for _, line := range strings.Split(revised, "\n") {
		tg, err := plan.ParseTarget(line)
		if err != nil || !tg.Start.IsZero() {
			t.Fatalf("%q does not read back as one date: %+v, %v", line, tg, err)
		}
		dues = append(dues, tg.Due.Long())
	}
	if got, want := strings.Join(dues, "|"), "30 June 2025|30 September 2025"; got != want {
		t.Errorf("read back as %q, want %q", got, want)
	}
}

// TestRolloverLeavesClosedIssue rolls over a plan whose Cyber Security
// issue has every action complete (CY2 is made Complete here), with an
// output of that issue alone (output 3 of the job): the issue is left
// behind and the output left out of the new job, and rollover says both,
// word for word.
func TestRolloverLeavesClosedIssue(t *testing.T) {
	dir, job, write := quarterFolder(t)
	setPlanCells(t, dir, map[string]string{"H6": "Complete"})
	write(quarterJob(q2, "2023-09-30", true, true) + "[[output]]\ntemplate = \"appendix-a\"\nfile = \"cyber\"\nissues = [\"CY\"]\nformats = [\"pdf\"]\n")
	var out bytes.Buffer
	if err := Rollover(&out, job, RolloverOptions{OutputDir: filepath.Join(dir, "next"), Year: "2024/25"}); err != nil {
		t.Fatalf("rollover: %v\n%s", err, out.String())
	}
	for _, want := range []string{
		"\nissues left behind, every action closed: CY\n",
		"\nnote: output 3 (\"appendix-a\") is left out of the new job: none of its issues (CY) has an open action\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("rollover does not say %q:\n%s", strings.TrimSpace(want), out.String())
		}
	}
}

// TestRolloverRevisionOnSeveralLines: an action whose first revision was
// agreed by "Audit⏎Committee", written over two lines of its cell, and
// then revised again to 30/09/2025 by CMT is carried forward one revision
// a line, the first agreer on one line, so that the cells read back as
// the same two revisions rather than three agreers for two revisions,
// which is an error. A target written over two lines is already one.
func TestRolloverRevisionOnSeveralLines(t *testing.T) {
	a := &plan.Action{Target: plan.Target{Text: "31 March 2025"}}
	for _, r := range []struct{ target, by string }{{"30/06/2025\nsubject to funding", "Audit\nCommittee"}, {"30/09/2025", "CMT"}} {
		tg, err := plan.ParseTarget(r.target)
		if err != nil {
			t.Fatal(err)
		}
		a.Revise(plan.Revision{Target: tg, By: r.by})
	}
	c := a.RevisionCells()
	if want := "30/06/2025 subject to funding\n30/09/2025"; c.Targets != want {
		t.Errorf("revised cell %q, want %q", c.Targets, want)
	}
	if want := "Audit Committee\nCMT"; c.By != want {
		t.Errorf("agreed-by cell %q, want %q", c.By, want)
	}
}

// TestRolloverRevisionInWords: FS1's target was revised to "When funding
// allows", which has no date, and then, by the job, to 30 September 2024.
// The revisions cannot be kept one a line, so the new plan keeps the
// current one alone, and rollover says so, naming the one not kept.
func TestRolloverRevisionInWords(t *testing.T) {
	dir, job, write := quarterFolder(t)
	setPlanCells(t, dir, map[string]string{"J1": "Revised Target Date", "J2": "When funding allows"})
	write(quarterJob(q2, "2023-09-30", true, true) + "[[extensions]]\nref = \"FS1\"\ntarget = 2024-09-30\nagreed = 2023-09-15\nby = \"Audit Committee\"\n")
	var out bytes.Buffer
	next := filepath.Join(dir, "next")
	if err := Rollover(&out, job, RolloverOptions{OutputDir: next, Year: "2024/25"}); err != nil {
		t.Fatalf("rollover: %v\n%s", err, out.String())
	}
	want := "\nnote: action FS1 is carried forward with its current revised target, \"30 September 2024\", alone: the earlier revision (\"When funding allows\") cannot be kept one a line beside a revision with no date\n"
	if !strings.Contains(out.String(), want) {
		t.Errorf("rollover does not say %q:\n%s", strings.TrimSpace(want), out.String())
	}
	l, err := Load(filepath.Join(next, "report.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if a := l.Plan.Action("FS1"); a == nil || a.RevisedNote() != "Revised: 30 September 2024 (was 31 March 2024; extension agreed 15 September 2023 by Audit Committee)" {
		t.Errorf("FS1 reads back as %+v", a)
	}
}

// setPlanCells sets cells of the Actions sheet of the plan.xlsx in dir.
func setPlanCells(t *testing.T, dir string, cells map[string]string) {
	t.Helper()
	wb, err := excelize.OpenFile(filepath.Join(dir, "plan.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	for cell, v := range cells {
		if err := wb.SetCellStr("Actions", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := wb.Save(); err != nil {
		t.Fatal(err)
	}
}
