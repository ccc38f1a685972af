package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/report"
	"github.com/xuri/excelize/v2"
)

// workbookLine is the plan workbook line of a job file.
var workbookLine = regexp.MustCompile(`(?m)^workbook\s*=\s*"([^"]*)"`)

// roundTripJob copies the round-trip job at src into dir, pointing its plan
// workbook at the file of that name in dir (the register a build wrote
// there), and returns the copy's path. It fails when the job names no
// workbook, or a register other than the one the example writes.
func roundTripJob(t *testing.T, src, dir, register string) string {
	t.Helper()
	body, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	m := workbookLine.FindSubmatch(body)
	if m == nil {
		t.Fatalf("%s: no plan workbook line", src)
	}
	if got := filepath.Base(string(m[1])); got != register {
		t.Fatalf("%s reads %q, but the example writes %q", src, got, register)
	}
	body = workbookLine.ReplaceAll(body, []byte(fmt.Sprintf("workbook = %q", register)))
	job := filepath.Join(dir, "roundtrip.toml")
	if err := os.WriteFile(job, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return job
}

// plainText is cell text as a reader sees it: markup taken out, spaces at
// line ends and blank lines at either end dropped.
func plainText(s string) string {
	lines := strings.Split(report.Markup(s).String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\u00a0")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// TestRegisterRoundTrip builds an example, reads the register it wrote back
// as a plan with the job in examples/roundtrip, and compares the two plans
// field by field.
func TestRegisterRoundTrip(t *testing.T) {
	tests := []struct {
		name     string
		example  string // job that writes the register
		job      string // job that reads it back
		register string // the register's file name
		issue    func(is *plan.Issue) map[string]string
		action   func(p *plan.Plan, a *plan.Action) map[string]string
		minRows  int // issues for an issue register, actions for an action register
		// revisions is how many revisions the example's plan must have, at
		// least, for the case to test that they survive.
		revisions int
		// prepare, when set, makes a variant of the example in dir and
		// returns its job.
		prepare func(t *testing.T, example, dir string) string
		// warnings are the warnings the register must read back with, each
		// a part of the message; any other problem fails the case.
		warnings []string
	}{
		{
			name:     "cumbria-2017-18",
			example:  examples["cumbria-2017-18"],
			job:      "../../examples/roundtrip/cumbria-register.toml",
			register: "Action register - February 2018.xlsx",
			issue: func(is *plan.Issue) map[string]string {
				return map[string]string{"title": is.Title}
			},
			action: func(p *plan.Plan, a *plan.Action) map[string]string {
				f := map[string]string{
					"issue":       a.Issue,
					"outcome":     a.Outcome,
					"description": plainText(a.Description),
					"lead":        a.Lead,
					"target":      a.Target.Text,
					"resources":   plainText(a.Resources),
					"status":      a.Status,
					"progress":    plainText(a.Progress),
				}
				if is := p.Issue(a.Issue); is != nil {
					if o := is.Outcome(a.Outcome); o != nil {
						f["outcome text"] = o.Text
					}
					if r := is.Recommendation(a.Recommendation); r != nil {
						f["recommendation"] = r.Number + " " + plainText(r.Text)
						f["report refs"] = strings.Join(r.Refs, ", ")
					}
				}
				return f
			},
			minRows: 29,
		},
		{
			// The quarterly plan revises 4(i)'s target in the plan and
			// 4(iii)'s by an extension in the job: the register must keep
			// the original target and each revision, agreed on and by.
			name:     "cumbria-quarterly",
			example:  examples["cumbria-quarterly"],
			job:      "../../examples/roundtrip/quarterly-register.toml",
			register: "Action register - March 2018.xlsx",
			issue: func(is *plan.Issue) map[string]string {
				return map[string]string{"title": is.Title}
			},
			action: func(p *plan.Plan, a *plan.Action) map[string]string {
				return map[string]string{
					"description": plainText(a.Description),
					"target":      a.Target.Text,
					"original":    a.Original.Text,
					"revisions":   revisionFacts(a),
					"priority":    a.Priority.Text,
					"percent":     a.Percent.String(),
					"status":      a.Status,
					"progress":    plainText(a.Progress),
				}
			},
			minRows:   29,
			revisions: 2,
		},
		{
			// 4(iii) is revised first to "TBC" in the plan, then to 31
			// May 2018 by the job's extension: both revisions, the first
			// as written, must read back from the register.
			name:     "cumbria-quarterly-tbc",
			example:  examples["cumbria-quarterly"],
			job:      "../../examples/roundtrip/quarterly-register.toml",
			register: "Action register - March 2018.xlsx",
			prepare:  tbcRevision,
			issue: func(is *plan.Issue) map[string]string {
				return map[string]string{"title": is.Title}
			},
			action: func(p *plan.Plan, a *plan.Action) map[string]string {
				return map[string]string{
					"target":    a.Target.Text,
					"original":  a.Original.Text,
					"revisions": revisionFacts(a),
				}
			},
			minRows:   29,
			revisions: 3,
			warnings:  []string{`action 4(iii): the revised target "TBC" has no date`},
		},
		{
			// A title that starts with an en dash is a title, not a
			// bullet: it reads back from the register as written.
			name:     "cumbria-quarterly-dash-title",
			example:  examples["cumbria-quarterly"],
			job:      "../../examples/roundtrip/quarterly-register.toml",
			register: "Action register - March 2018.xlsx",
			prepare:  editedPlan(cellEdit{"Issues", "B5", "Amey Lessons Learned", "– Amey Lessons Learned"}),
			issue: func(is *plan.Issue) map[string]string {
				return map[string]string{"title": is.Title}
			},
			action: func(p *plan.Plan, a *plan.Action) map[string]string {
				return map[string]string{"issue": a.Issue}
			},
			minRows: 29,
		},
		{
			name:     "cmt-2014",
			example:  examples["cmt-2014"],
			job:      "../../examples/roundtrip/cmt-register.toml",
			register: "CMT Issue register 2014-15.xlsx",
			issue: func(is *plan.Issue) map[string]string {
				return map[string]string{
					"title":       is.Title,
					"theme":       is.Theme,
					"description": plainText(is.Description),
					"lead":        plainText(is.Lead),
					"rationale":   plainText(is.Rationale),
					"action":      plainText(is.Action),
				}
			},
			minRows: 9,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			example := tc.example
			if tc.prepare != nil {
				example = tc.prepare(t, example, t.TempDir())
			}
			var out bytes.Buffer
			if err := Build(&out, example, BuildOptions{OutputDir: dir}); err != nil {
				t.Fatalf("build: %v\n%s", err, out.String())
			}
			orig, err := Load(example)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Load(roundTripJob(t, tc.job, dir, tc.register))
			if err != nil {
				t.Fatal(err)
			}
			warned := make([]bool, len(tc.warnings))
		problems:
			for _, pr := range back.Problems.List {
				for i, w := range tc.warnings {
					if pr.Severity == plan.Warning && strings.Contains(pr.String(), w) {
						warned[i] = true
						continue problems
					}
				}
				t.Errorf("reading the register: %s: %s", pr.Severity, pr)
			}
			for i, w := range tc.warnings {
				if !warned[i] {
					t.Errorf("reading the register: no warning %q", w)
				}
			}
			comparePlans(t, orig.Plan, back.Plan, tc.issue, tc.action)
			revs := 0
			for _, a := range orig.Plan.Actions() {
				revs += len(a.Revisions)
			}
			if revs < tc.revisions {
				t.Errorf("the example's plan has %d revised targets, want at least %d: the case does not test what it should", revs, tc.revisions)
			}
			rows := len(back.Plan.Actions())
			if tc.action == nil {
				rows = len(back.Plan.Issues)
			}
			if rows < tc.minRows {
				t.Errorf("the register read back as %d rows, want at least %d", rows, tc.minRows)
			}
		})
	}
}

// comparePlans reports every difference in issues and actions, naming the
// issue or action and the field.
func comparePlans(t *testing.T, want, got *plan.Plan,
	issue func(*plan.Issue) map[string]string, action func(*plan.Plan, *plan.Action) map[string]string) {
	t.Helper()
	var wantIDs, gotIDs []string
	for _, is := range want.Issues {
		wantIDs = append(wantIDs, is.ID)
	}
	for _, is := range got.Issues {
		gotIDs = append(gotIDs, is.ID)
	}
	if strings.Join(wantIDs, "|") != strings.Join(gotIDs, "|") {
		t.Errorf("issue IDs:\nwant %q\n got %q", wantIDs, gotIDs)
	}
	for _, w := range want.Issues {
		g := got.Issue(w.ID)
		if g == nil {
			continue
		}
		compareFields(t, "issue "+w.ID, issue(w), issue(g))
	}
	if action == nil {
		if n := len(got.Actions()); n != 0 {
			t.Errorf("the issue register read back with %d actions, want none", n)
		}
		return
	}
	var wantRefs, gotRefs []string
	for _, a := range want.Actions() {
		wantRefs = append(wantRefs, a.Ref)
	}
	for _, a := range got.Actions() {
		gotRefs = append(gotRefs, a.Ref)
	}
	if strings.Join(wantRefs, "|") != strings.Join(gotRefs, "|") {
		t.Errorf("action refs:\nwant %q\n got %q", wantRefs, gotRefs)
	}
	for _, w := range want.Actions() {
		g := got.Action(w.Ref)
		if g == nil {
			continue
		}
		compareFields(t, "action "+w.Ref, action(want, w), action(got, g))
	}
}

func compareFields(t *testing.T, what string, want, got map[string]string) {
	t.Helper()
	for _, k := range sortedKeys(want) {
		if want[k] != got[k] {
			t.Errorf("%s: %s:\nwant %q\n got %q", what, k, want[k], got[k])
		}
	}
	for _, k := range sortedKeys(got) {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %s read back as %q but the plan has none", what, k, got[k])
		}
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// revisionFacts lists an action's revisions, oldest first, each as its
// target, the date it was agreed and who agreed it.
func revisionFacts(a *plan.Action) string {
	var b strings.Builder
	for _, r := range a.Revisions {
		fmt.Fprintf(&b, "[%q due=%s agreed=%s by=%q]", r.Target.Text, r.Target.Due, r.Agreed, r.By)
	}
	return b.String()
}

// cellEdit is a change to one cell of a copy of an example's plan: the
// cell must hold was before it is set to value.
type cellEdit struct{ sheet, cell, was, value string }

// editedPlan returns a prepare function that copies the job at example into
// dir with its plan workbook copied there too and edited, every other
// workbook it reads left where it is, and returns the copy's path.
func editedPlan(edits ...cellEdit) func(t *testing.T, example, dir string) string {
	return func(t *testing.T, example, dir string) string {
		t.Helper()
		src, err := filepath.Abs(filepath.Dir(example))
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(filepath.Join(src, "plan.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, e := range edits {
			if was, _ := f.GetCellValue(e.sheet, e.cell); was != e.was {
				t.Fatalf("plan.xlsx: %s!%s is %q, want %q", e.sheet, e.cell, was, e.was)
			}
			if err := f.SetCellStr(e.sheet, e.cell, e.value); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.SaveAs(filepath.Join(dir, "plan.xlsx")); err != nil {
			t.Fatal(err)
		}
		body, err := os.ReadFile(example)
		if err != nil {
			t.Fatal(err)
		}
		job := strings.NewReplacer(`"updates/`, `"`+filepath.ToSlash(src)+`/updates/`,
			`"../`, `"`+filepath.ToSlash(src)+`/../`).Replace(string(body))
		out := filepath.Join(dir, "report.toml")
		if err := os.WriteFile(out, []byte(job), 0o644); err != nil {
			t.Fatal(err)
		}
		return out
	}
}

// tbcRevision revises 4(iii) of the quarterly plan to "TBC" before the
// job's extension revises it to 31 May 2018.
var tbcRevision = editedPlan(cellEdit{"Actions", "H19", "", "TBC"})
