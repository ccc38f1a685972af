package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agsreport/agsreport/internal/sample"
	"github.com/agsreport/agsreport/internal/testutil"
)

// testRunVar names the environment variable that makes the test binary run
// agsreport itself, with the arguments it holds (separated by newlines), so
// that a test can start a real agsreport process and kill it.
const testRunVar = "AGSREPORT_TEST_RUN"

func TestMain(m *testing.M) {
	if args := os.Getenv(testRunVar); args != "" {
		os.Exit(run(strings.Split(args, "\n"), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestKilledBuild kills a build while it renders and checks that the old
// papers are all still there as they were, and that the next build tidies
// away what the killed one left and replaces every paper.
func TestKilledBuild(t *testing.T) {
	dir := t.TempDir()
	if err := sample.Write(dir, sample.Options{Actions: 1500, Seed: 1, Formats: []string{"pdf", "xlsx"}}); err != nil {
		t.Fatal(err)
	}
	jobPath := filepath.Join(dir, "report.toml")
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", jobPath}, &stdout, &stderr); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr.String())
	}
	old := testutil.Snapshot(t, out)
	// The next build reports another period, so every paper differs.
	text, err := os.ReadFile(jobPath)
	if err != nil {
		t.Fatal(err)
	}
	text = bytes.Replace(text, []byte("(sample)"), []byte("(sample, again)"), 1)
	if err := os.WriteFile(jobPath, text, 0o644); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), testRunVar+"=build\n"+jobPath)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	staged := ""
	for staged == "" {
		select {
		case <-done:
			t.Skip("the build finished before it could be stopped")
		case <-time.After(5 * time.Millisecond):
		}
		stages, _ := filepath.Glob(filepath.Join(out, ".agsreport-staging-*", "new", "*"))
		if len(stages) > 0 {
			staged = filepath.Dir(filepath.Dir(stages[0]))
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-done
	if _, err := os.Stat(staged); err != nil {
		t.Skip("the build finished before it could be stopped")
	}
	if got := withoutStaging(testutil.Snapshot(t, out)); got != old {
		t.Fatalf("a killed build changed the papers:\nbefore:\n%s\nafter:\n%s", old, got)
	}

	stdout.Reset()
	if code := run([]string{"build", jobPath}, &stdout, &stderr); code != 0 {
		t.Fatalf("the build after the killed one: exit %d\n%s", code, stderr.String())
	}
	if want := "note: removed " + staged + ", the staging folder of a run that was stopped"; !strings.Contains(stdout.String(), want) {
		t.Errorf("the next build does not say it tidied up (%q):\n%s", want, stdout.String())
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".agsreport-staging-*")); len(left) > 0 {
		t.Errorf("staging folders left: %v", left)
	}
	now := testutil.Snapshot(t, out)
	oldLines, newLines := strings.Split(old, "\n"), strings.Split(now, "\n")
	if len(oldLines) != len(newLines) {
		t.Fatalf("files before:\n%s\nafter:\n%s", old, now)
	}
	for i := range oldLines {
		if oldLines[i] == newLines[i] && !strings.HasSuffix(oldLines[i], "/") {
			t.Errorf("not replaced: %s", oldLines[i])
		}
	}
}

// withoutStaging drops the lines of a snapshot that are in a staging
// folder.
func withoutStaging(snapshot string) string {
	var keep []string
	for _, l := range strings.Split(snapshot, "\n") {
		if !strings.HasPrefix(l, ".agsreport-staging-") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}
