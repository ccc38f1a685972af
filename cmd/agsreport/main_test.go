package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		{"check without job", []string{"check"}, 2, "agsreport check takes one job file (JOB.toml), got 0 arguments", ""},
		{"check with two jobs", []string{"check", "a.toml", "b.toml"}, 2, "got 2 arguments", ""},
		{"unknown flag", []string{"build", "-x", "job.toml"}, 2, "flag provided but not defined: -x", ""},
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
