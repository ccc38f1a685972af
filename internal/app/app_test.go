package app

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/job"
	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", name), got, *update)
}

// examples are the example jobs, by golden-file stem.
var examples = map[string]string{
	"cumbria-2017-18":   "../../examples/cumbria-2017-18/report.toml",
	"cmt-2014":          "../../examples/cmt-2014/report.toml",
	"cumbria-quarterly": "../../examples/cumbria-quarterly/report.toml",
	"appendix-as-kept":  "../../examples/appendix-as-kept/report.toml",
}

func TestExamplePlanDumps(t *testing.T) {
	for name, job := range examples {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			if err := Dump(&out, job, false); err != nil {
				t.Fatal(err)
			}
			golden(t, name+".plan", out.String())
		})
	}
}

func TestExampleReportDumps(t *testing.T) {
	for name, job := range examples {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			if err := Dump(&out, job, true); err != nil {
				t.Fatal(err)
			}
			golden(t, name+".report", out.String())
		})
	}
}

func TestExampleChecks(t *testing.T) {
	for name, job := range examples {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			if err := CheckVerbose(&out, job); err != nil {
				t.Fatalf("check failed: %v\n%s", err, out.String())
			}
			golden(t, name+".check", out.String())
		})
	}
}

// TestBuildIsRepeatable builds every example twice and compares the files
// byte for byte.
func TestBuildIsRepeatable(t *testing.T) {
	for name, job := range examples {
		t.Run(name, func(t *testing.T) {
			a, b := t.TempDir(), t.TempDir()
			for _, dir := range []string{a, b} {
				var out bytes.Buffer
				if err := Build(&out, job, BuildOptions{OutputDir: dir}); err != nil {
					t.Fatalf("build: %v\n%s", err, out.String())
				}
			}
			files, _ := filepath.Glob(filepath.Join(a, "*"))
			if len(files) == 0 {
				t.Fatal("nothing was written")
			}
			for _, f := range files {
				x, _ := os.ReadFile(f)
				y, err := os.ReadFile(filepath.Join(b, filepath.Base(f)))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(x, y) {
					t.Errorf("%s differs between two builds of the same inputs", filepath.Base(f))
				}
				st, _ := os.Stat(f)
				if st.Mode().Perm() != 0o644 {
					t.Errorf("%s has mode %v, want 0644", filepath.Base(f), st.Mode().Perm())
				}
			}
			if left, _ := filepath.Glob(filepath.Join(a, ".*tmp*")); len(left) > 0 {
				t.Errorf("temporary files left behind: %v", left)
			}
		})
	}
}

func TestBuildStopsOnErrors(t *testing.T) {
	dir := t.TempDir()
	job := filepath.Join(dir, "report.toml")
	// A plan file that is not a workbook.
	if err := os.WriteFile(filepath.Join(dir, "plan.xlsx"), []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(job, []byte("title = \"T\"\n[plan]\nworkbook = \"plan.xlsx\"\n[plan.actions]\nsheet = \"Actions\"\n[[output]]\ntemplate = \"appendix-a\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var buf bytes.Buffer
	err := Build(&buf, job, BuildOptions{OutputDir: out})
	if !errors.Is(err, ErrProblems) {
		t.Fatalf("err = %v, want ErrProblems", err)
	}
	if !strings.Contains(buf.String(), "error: plan.xlsx") {
		t.Errorf("the problem is not reported with its file:\n%s", buf.String())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the output folder was created although the input has errors")
	}
}

// TestQuarterlyFacts asserts the derived facts of the three-period example
// one by one, so that a change in them is seen even when the golden files
// are refreshed.
func TestQuarterlyFacts(t *testing.T) {
	l, err := Load(examples["cumbria-quarterly"])
	if err != nil {
		t.Fatal(err)
	}
	byFact := map[string][]string{}
	for _, a := range l.Plan.Actions() {
		f := a.Facts
		if f.Overdue {
			byFact["overdue"] = append(byFact["overdue"], a.Ref)
		}
		if f.NoReturn {
			byFact["no-return"] = append(byFact["no-return"], a.Ref)
		}
		byFact[f.Change.String()] = append(byFact[f.Change.String()], a.Ref)
		if f.Retargeted {
			byFact["retargeted"] = append(byFact["retargeted"], a.Ref)
		}
		if f.NewText {
			byFact["new-text"] = append(byFact["new-text"], a.Ref)
		}
	}
	// 4(iii) is no longer overdue: the job agrees its extension to 31 May
	// 2018 for March. The officers of the other open actions sent their
	// February text again.
	want := map[string]string{
		"overdue":    "5(ii)",
		"retargeted": "4(iii)",
		"new-text":   "1(iv) 1(v) 3(iii) 4(ii) 4(iii) 5(ii) 7(iii)",
		"no-return":  "Action 1 Action 2 Action 3 11(i) 12(ii)",
		"completed":  "1(v) 3(iii) 4(ii)",
		"worse":      "4(iii) 5(ii)",
		"better":     "7(iii)",
		"new":        "",
	}
	for fact, refs := range want {
		if got := strings.Join(byFact[fact], " "); got != refs {
			t.Errorf("%s: got %q, want %q", fact, got, refs)
		}
	}
	if l.Plan.Current != "March 2018" || strings.Join(l.Plan.Periods, ", ") != "December 2017, January 2018, February 2018, March 2018" {
		t.Errorf("periods: current %q of %v", l.Plan.Current, l.Plan.Periods)
	}
}

// TestRenderAllAllOrNothing checks that RenderAll writes every file or
// none, leaves no temporary files, and lets go of each paper's document.
func TestRenderAllAllOrNothing(t *testing.T) {
	doc := func() *report.Document {
		return &report.Document{Meta: report.Meta{Title: "T"}, Sections: []report.Section{{Name: "S", Blocks: []report.Block{&report.Paragraph{Text: report.Plain("x")}}}}}
	}
	cases := []struct {
		name    string
		papers  []Paper
		wantErr bool
		want    []string // files in the folder afterwards; nil means no folder
	}{
		{
			name: "every render succeeds",
			papers: []Paper{
				{Output: job.Output{Index: 1, File: "a", Formats: []string{"pdf", "xlsx"}}, Doc: doc()},
				{Output: job.Output{Index: 2, File: "b", Formats: []string{"pdf"}}, Doc: doc()},
			},
			want: []string{"a.pdf", "a.xlsx", "b.pdf"},
		},
		{
			name: "one render fails",
			papers: []Paper{
				{Output: job.Output{Index: 1, File: "a", Formats: []string{"pdf", "xlsx"}}, Doc: doc()},
				{Output: job.Output{Index: 2, File: "b", Formats: []string{"xlsx"}}, Doc: nil},
			},
			wantErr: true,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			written, _, err := RenderAll(nil, tc.papers, dir, nil)
			if tc.wantErr != (err != nil) {
				t.Fatalf("err = %v, want error: %v", err, tc.wantErr)
			}
			entries, statErr := os.ReadDir(dir)
			if tc.want == nil {
				if !os.IsNotExist(statErr) {
					t.Errorf("the output folder is left behind with %d entries", len(entries))
				}
				return
			}
			var got []string
			for _, e := range entries {
				got = append(got, e.Name())
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("files %v, want %v", got, tc.want)
			}
			if len(written) != len(tc.want) {
				t.Errorf("%d files reported written, want %d", len(written), len(tc.want))
			}
			for _, w := range written {
				st, err := os.Stat(w.Path)
				if err != nil || st.Size() != int64(w.Bytes) || w.Bytes == 0 || st.Mode().Perm() != 0o644 {
					t.Errorf("%s: reported %d bytes; on disk %v, %v", w.Path, w.Bytes, st, err)
				}
			}
			for i, p := range tc.papers {
				if p.Doc != nil {
					t.Errorf("paper %d: document not released", i+1)
				}
			}
		})
	}
}
