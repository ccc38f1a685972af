package app

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// councilLayoutNamed returns the new-council layout of that name.
func councilLayoutNamed(t *testing.T, name string) councilLayout {
	t.Helper()
	for _, l := range councilLayouts() {
		if l.name == name {
			return l
		}
	}
	t.Fatalf("no council layout %q", name)
	return councilLayout{}
}

// TestUntitledIssues: a plan whose actions have no governance issue (no
// issue column, no issue title row) must not print a heading that ends in
// a dash or empty "Description:" and "Lead Manager:" labels; check warns,
// once per output that prints issue titles, naming the output and the fix.
func TestUntitledIssues(t *testing.T) {
	twoOutputs := func(j string) string {
		return j + "\n[[output]]\ntemplate = \"appendix-b\"\nformats = [\"pdf\"]\n"
	}
	const fix = `prints each governance issue's title, but its actions have no governance issue, so the paper leaves the issue's title blank (or prints its heading with no title). Map a column to the issue's title (columns.issue_title = ["…"] under [plan.actions] in the job), or put the issue in a title row above the table ("Governance Issue: …"); see docs/reading.md`
	cases := []struct {
		name, layout string
		job          func(string) string
		warnings     []string // check's output holds each
		notSee       []string // neither check's output nor the papers hold any
		papers       []string // the papers hold each
	}{
		{
			name: "no issue column, one output", layout: "quarters-side-by-side",
			warnings: []string{`warning: tracker.xlsx: sheet "Tracker", row 5: output 1 ("appendix-a") ` + fix},
			notSee:   []string{"Governance Issue –", `"Description":`, `"Lead Manager":`, `output 2`},
			papers:   []string{"    Governance Issue\n"},
		},
		{
			name: "no issue column, two outputs warn each", layout: "quarters-side-by-side", job: twoOutputs,
			warnings: []string{`output 1 ("appendix-a") ` + fix, `output 2 ("appendix-b") ` + fix},
			notSee:   []string{"Governance Issue –", `"Description":`, `"Lead Manager":`},
			papers:   []string{"    Governance Issue\n"},
		},
		{
			name: "issues with titles and no description", layout: "by-when-by-whom",
			notSee: []string{"have no governance issue", "has no title", `"Description":`},
			papers: []string{"Governance Issue – Procurement rules not always followed", "\"Lead Manager\":\n      Head of Procurement"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := councilLayoutNamed(t, tc.layout)
			if tc.job != nil {
				l.job = tc.job(l.job)
			}
			dir := t.TempDir()
			job := writeCouncil(t, l, dir)
			var out bytes.Buffer
			if err := Check(&out, job); err != nil {
				t.Fatalf("check: %v\n%s", err, out.String())
			}
			got := strings.ReplaceAll(out.String(), dir+string(filepath.Separator), "")
			for _, w := range tc.warnings {
				if n := strings.Count(got, w); n != 1 {
					t.Errorf("check shows %q %d times, want once:\n%s", w, n, got)
				}
			}
			var doc bytes.Buffer
			if err := Dump(&doc, job, true); err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.papers {
				if !strings.Contains(doc.String(), s) {
					t.Errorf("the papers do not show %q:\n%s", s, doc.String())
				}
			}
			for _, s := range tc.notSee {
				if strings.Contains(got, s) || strings.Contains(doc.String(), s) {
					t.Errorf("check or the papers show %q:\n%s\n%s", s, got, doc.String())
				}
			}
		})
	}
}

// TestCheckPrintsEachNoteOnce: a reading note (a status read from a cell's
// fill colour) is printed once by check, and once by check -v, under its
// sheet, not again in the summary.
func TestCheckPrintsEachNoteOnce(t *testing.T) {
	const note = `note: plan.xlsx: sheet "Actions", cell F2 ("RAG"): the status cell has no words, only a fill colour, #92D050: read as Green`
	cases := []struct {
		name    string
		verbose bool
		want    string // the line holding the note, as printed
	}{
		{"check", false, "\n" + note},
		{"check -v, under the sheet", true, "\n  " + note},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			job := writeCouncil(t, councilLayoutNamed(t, "rag-fill-only"), dir)
			var out bytes.Buffer
			_ = check(&out, job, tc.verbose) // the layout's purple cell is an error; the notes are printed all the same
			got := strings.ReplaceAll(out.String(), dir+string(filepath.Separator), "")
			if n := strings.Count(got, note); n != 1 {
				t.Errorf("the note is printed %d times, want once:\n%s", n, got)
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("the note is not printed as %q:\n%s", tc.want, got)
			}
		})
	}
}
