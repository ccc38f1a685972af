package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/job"
)

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	badJob := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(badJob, []byte("title = \"x\"\nnonsense = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	plan, err := filepath.Abs("../../examples/cmt-2014/plan.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	noOutputs := filepath.Join(dir, "no-outputs.toml")
	if err := os.WriteFile(noOutputs, []byte("title = \"x\"\n[plan]\nworkbook = \""+filepath.ToSlash(plan)+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		args      []string
		code      int
		stderrHas string
		stdoutHas string
	}{
		{"no command", nil, 2, "agsreport: no command given", ""},
		{"unknown command", []string{"publish"}, 2, `agsreport: unknown command "publish"`, ""},
		{"help", []string{"help"}, 0, "", "Usage:"},
		{"check without job", []string{"check"}, 2, "agsreport: check needs a job file (JOB.toml)\n", ""},
		{"check with two jobs", []string{"check", "a.toml", "b.toml"}, 2, "agsreport: check takes one job file, got 2: a.toml b.toml\n", ""},
		{"unknown flag", []string{"build", "-x", "job.toml"}, 2, "agsreport: build has no flag -x (flags: -o)\n", ""},
		{"missing job file", []string{"check", filepath.Join(dir, "none.toml")}, 1, "none.toml: job file not found", ""},
		{"bad job file", []string{"build", badJob}, 1, `line 2: unknown key "nonsense"`, ""},
		{"sample without -o", []string{"sample", "-actions", "5"}, 2, "sample needs -o DIR", ""},
		{"templates", []string{"templates"}, 0, "", "appendix-b"},
		{"build with no outputs", []string{"build", noOutputs}, 1, "no-outputs.toml: the job has no [[output]]: nothing to build", ""},
		{"returns with no period", []string{"returns", noOutputs}, 2, "returns needs a period: set period in the job file or pass -period", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, &out, &errb)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, errb.String())
			}
			if !strings.Contains(errb.String(), tt.stderrHas) {
				t.Errorf("stderr %q does not contain %q", errb.String(), tt.stderrHas)
			}
			if !strings.Contains(out.String(), tt.stdoutHas) {
				t.Errorf("stdout %q does not contain %q", out.String(), tt.stdoutHas)
			}
			if strings.Contains(errb.String(), "goroutine") || strings.Contains(errb.String(), "panic") {
				t.Errorf("a Go trace reached the user: %s", errb.String())
			}
		})
	}
}

// TestWhatPeopleSee runs the command line as a person would and compares
// everything printed, on both streams, with what they should see: each
// error once, then the one usage line that applies.
func TestWhatPeopleSee(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	plan, err := filepath.Abs("../../examples/cmt-2014/plan.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	ok := "title = \"Plan\"\n[plan]\nworkbook = \"" + filepath.ToSlash(plan) + "\"\n"
	typo := write("typo.toml", ok+"[[output]]\ntemplate = \"action-plan\"\nfromats = [\"pdf\"]\n")
	wrongType := write("type.toml", ok+"[[output]]\ntemplate = \"action-plan\"\nformats = \"pdf\"\n")
	badPlan := write("badplan.toml", "title = \"Plan\"\n[plan]\nworkbook = \""+filepath.ToSlash(write("plan.csv", "Ref,Status\n,\n1,ONGOING\n1,ONGOING\n"))+"\"\n")
	buildUsage := "usage: agsreport build JOB.toml [-o DIR]   (more: agsreport help build)\n"
	tests := []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string // exact, with DIR for the test's folder
	}{
		{"misspelt command", []string{"biuld", "report.toml"}, 2, "",
			"agsreport: unknown command \"biuld\": did you mean \"build\"?\n" +
				"usage: agsreport COMMAND [arguments] [options], with COMMAND one of check, build, watch, dump, returns, approvals, rollover, templates, sample, version, help\n"},
		{"misspelt flag", []string{"build", "report.toml", "-output", "papers"}, 2, "",
			"agsreport: build has no flag -output: did you mean -o? (flags: -o)\n" + buildUsage},
		{"misspelt developer flag", []string{"build", "report.toml", "-cpuprofil", "x"}, 2, "",
			"agsreport: build has no flag -cpuprofil: did you mean -cpuprofile? (flags: -o)\n" + buildUsage},
		{"flag without its value", []string{"build", "report.toml", "-o"}, 2, "",
			"agsreport: -o needs a DIR after it, e.g. -o DIR\n" + buildUsage},
		{"not a number", []string{"sample", "-actions", "many", "-o", "x"}, 2, "",
			"agsreport: -actions needs a whole number, not \"many\"\n" +
				"usage: agsreport sample [-actions N] [-o DIR] [-seed SEED]   (more: agsreport help sample)\n"},
		{"a command that takes no arguments", []string{"templates", "appendix-b"}, 2, "",
			"agsreport: templates takes no arguments, got appendix-b\nusage: agsreport templates   (more: agsreport help templates)\n"},
		{"help for a misspelt command", []string{"help", "chek"}, 2, "",
			"agsreport: no help for \"chek\": it is not a command: did you mean \"check\"?\nusage: agsreport help [COMMAND]   (more: agsreport help help)\n"},
		{"a workbook for the job file", []string{"check", plan}, 1, "",
			"agsreport: " + plan + " is an Excel workbook (or another zip file), not a job file: give the job file instead: a text file ending in .toml that names the workbooks, e.g. [plan] workbook = \"plan.xlsx\" (see the README)\n"},
		{"a misspelt job key", []string{"check", typo}, 1, "",
			"agsreport: " + typo + ": line 6: unknown key \"output.fromats\": did you mean \"formats\"? (keys of [[output]]: " + outputKeys() + ")\n"},
		{"a text for a list", []string{"build", wrongType}, 1, "",
			"agsreport: " + wrongType + ": line 6: formats must be a list of texts in quotes, e.g. formats = [\"pdf\"], not a text\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, &out, &errb)
			if code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			if got := out.String(); got != tt.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", got, tt.stdout)
			}
			if got := errb.String(); got != tt.stderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, tt.stderr)
			}
		})
	}

	// check reads the templates too: a misspelt field is found before a
	// build, at its line, with the name meant.
	mine := write("mine.toml", "[[section]]\neach = \"issue\"\n  [[section.block]]\n  type = \"heading\"\n  text = \"{{.Issue.Titel}}\"\n")
	withMine := write("mine-job.toml", ok+"[[output]]\ntemplate = \"mine.toml\"\n")
	var co, ce bytes.Buffer
	if code := run([]string{"check", withMine}, &co, &ce); code != 1 {
		t.Errorf("check with a bad template: exit code %d, want 1", code)
	}
	want := "agsreport: " + withMine + `: output 1 ("mine.toml"): mine.toml: line 5: bad placeholder in "{{.Issue.Titel}}": .Issue has no field "Titel": did you mean "Title"? (fields: `
	if !strings.HasPrefix(ce.String(), want) || mine == "" {
		t.Errorf("check with a bad template printed:\n%s\nwant:\n%s…", ce.String(), want)
	}

	// dump exits like check: 1 when the input has errors, after printing them.
	var out, errb bytes.Buffer
	if code := run([]string{"dump", badPlan}, &out, &errb); code != 1 {
		t.Errorf("dump of a plan with errors: exit code %d, want 1 (stdout %q)", code, out.String())
	}
	if !strings.Contains(out.String(), "error: ") || !strings.Contains(errb.String(), "error(s)") {
		t.Errorf("dump must print the errors and say there were some:\nstdout %s\nstderr %s", out.String(), errb.String())
	}
}

// TestHelp checks that "help COMMAND" and "COMMAND -h" print the same page,
// with the synopsis, the options, examples and, apart at the end, the
// developer options; and that templates -h is help, not the list.
func TestHelp(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			var a, b, errb bytes.Buffer
			if code := run([]string{"help", c.name}, &a, &errb); code != 0 || errb.Len() > 0 {
				t.Fatalf("help %s: exit %d, stderr %q", c.name, code, errb.String())
			}
			if code := run([]string{c.name, "-h"}, &b, &errb); code != 0 || errb.Len() > 0 {
				t.Fatalf("%s -h: exit %d, stderr %q", c.name, code, errb.String())
			}
			if a.String() != b.String() {
				t.Errorf("help %s and %s -h differ:\n%s\n---\n%s", c.name, c.name, a.String(), b.String())
			}
			page := a.String()
			for _, want := range []string{"agsreport " + c.name + " — ", "Usage:\n  agsreport " + c.name, "Examples:\n  agsreport "} {
				if !strings.Contains(page, want) {
					t.Errorf("help page lacks %q:\n%s", want, page)
				}
			}
		})
	}
	var page bytes.Buffer
	run([]string{"help", "build"}, &page, &bytes.Buffer{})
	want := `Options:
  -o DIR  write the papers into DIR instead of the job's output_dir

Examples:
  agsreport build report.toml
  agsreport build report.toml -o papers/   # write the papers somewhere else

Developer options:
  -cpuprofile FILE  write a CPU profile of the build to FILE (for go tool pprof)
  -memprofile FILE  write an allocation profile of the build to FILE (for go tool pprof)
  -timings          print how long each stage took, for the benchmark harness
`
	if !strings.HasSuffix(page.String(), want) {
		t.Errorf("help build ends:\n%s\nwant:\n%s", page.String(), want)
	}
	if !strings.Contains(page.String(), "Usage:\n  agsreport build JOB.toml [-o DIR]\n") {
		t.Errorf("the synopsis must leave the developer flags out:\n%s", page.String())
	}
	var list bytes.Buffer
	run([]string{"templates", "-h"}, &list, &bytes.Buffer{})
	if strings.Contains(list.String(), "appendix-b\n") || !strings.Contains(list.String(), "Usage:") {
		t.Errorf("templates -h must print help, not the list:\n%s", list.String())
	}
}

// TestVersion checks that version prints one line naming agsreport and
// the Go version it was built with.
func TestVersion(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"version"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	got := out.String()
	if !strings.HasPrefix(got, "agsreport ") || !strings.HasSuffix(got, ", "+runtime.Version()+"\n") || strings.Count(got, "\n") != 1 {
		t.Errorf("version printed %q", got)
	}
}

func outputKeys() string { return strings.Join(job.Keys("output"), ", ") }
