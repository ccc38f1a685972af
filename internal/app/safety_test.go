package app

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agsreport/agsreport/internal/safefs"
	"github.com/agsreport/agsreport/internal/testutil"
)

// jobFolder makes a job folder holding the Cumbria 2017-18 plan and its
// updates, with the job file report.toml made of the common part and
// extra (its [[output]] tables and any other keys), and returns the job
// file's path.
func jobFolder(t *testing.T, top, extra string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"plan.xlsx", "updates/2018-01/childrens-services.xlsx", "updates/2018-02/amey.xlsx"} {
		data, err := os.ReadFile(filepath.Join("../../examples/cumbria-2017-18", f))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text := `title = "AGS Action Plan 2017-18"
period = "February 2018"
` + top + `
[plan]
workbook = "plan.xlsx"
  [plan.issues]
  sheet = "Issues"
  [plan.outcomes]
  sheet = "Outcomes"
  [plan.actions]
  sheet = "Actions"
  columns.ref = ["Action Ref"]

[[updates]]
period    = "January 2018"
workbooks = ["updates/2018-01/*.xlsx"]

[[updates]]
period    = "February 2018"
workbooks = ["updates/2018-02/*"] # .xlsx and .csv
` + extra
	p := filepath.Join(dir, "report.toml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOutputIsAnInput checks that check and build both refuse a job whose
// output would write over one of its inputs, before reading anything, and
// that the job's folder is left exactly as it was.
func TestOutputIsAnInput(t *testing.T) {
	cases := []struct {
		name  string
		top   string // keys before [plan]
		extra string
		setup func(t *testing.T, dir string)
		o     string // build -o, relative to the job's folder
		want  string
	}{
		{
			name:  "the register written over the plan",
			top:   `output_dir = "."`,
			extra: "[[output]]\ntemplate = \"register\"\nfile = \"plan\"\nformats = [\"xlsx\"]\n",
			want:  `output 1 ("register") would write PATH/plan.xlsx, which is the plan workbook "plan.xlsx": agsreport never writes over its inputs`,
		},
		{
			name:  "a paper written over an update",
			top:   `output_dir = "updates/2018-02"`,
			extra: "[[output]]\ntemplate = \"appendix-b\"\nissues = [\"AMEY\"]\nfile = \"amey\"\nformats = [\"pdf\", \"xlsx\"]\n",
			want:  `output 1 ("appendix-b") would write PATH/updates/2018-02/amey.xlsx, which is the update workbook "updates/2018-02/amey.xlsx"`,
		},
		{
			name:  "a paper's name is a link to the plan",
			extra: "[[output]]\ntemplate = \"register\"\nformats = [\"xlsx\"]\n",
			setup: func(t *testing.T, dir string) {
				if err := os.Mkdir(filepath.Join(dir, "out"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink("../plan.xlsx", filepath.Join(dir, "out", "register.xlsx")); err != nil {
					t.Fatal(err)
				}
			},
			want: `output 1 ("register") would write PATH/out/register.xlsx, which is the plan workbook "plan.xlsx"`,
		},
		{
			name:  "a paper written where the returns are read from",
			top:   `output_dir = "updates/2018-02"`,
			extra: "[[output]]\ntemplate = \"register\"\nformats = [\"xlsx\"]\n",
			want:  `output 1 ("register") would write PATH/updates/2018-02/register.xlsx, where [[updates]] number 2 reads returns ("updates/2018-02/*"): the next run would read the paper as a return`,
		},
		{
			name:  "a paper's name is a hard link to the plan",
			extra: "[[output]]\ntemplate = \"register\"\nformats = [\"xlsx\"]\n",
			setup: func(t *testing.T, dir string) {
				if err := os.Mkdir(filepath.Join(dir, "out"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Link(filepath.Join(dir, "plan.xlsx"), filepath.Join(dir, "out", "register.xlsx")); err != nil {
					t.Skip("no hard links here:", err)
				}
			},
			want: `output 1 ("register") would write PATH/out/register.xlsx, which is the plan workbook "plan.xlsx"`,
		},
		{
			name:  "a paper written over a template",
			top:   `templates = "mine"`,
			extra: "[[output]]\ntemplate = \"register\"\nfile = \"notes\"\nformats = [\"html\"]\n",
			setup: func(t *testing.T, dir string) {
				if err := os.MkdirAll(filepath.Join(dir, "mine"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "mine", "notes.html"), []byte("<p>my notes</p>"), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			o:    "mine",
			want: `output 1 ("register") would write PATH/mine/notes.html, which is a file in the templates folder (notes.html)`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			jobPath := jobFolder(t, tc.top, tc.extra)
			dir := filepath.Dir(jobPath)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			before := testutil.Snapshot(t, dir)
			want := strings.ReplaceAll(tc.want, "PATH", dir)
			run := map[string]func() error{
				"check": func() error { return Check(&bytes.Buffer{}, jobPath) },
				"build": func() error {
					o := ""
					if tc.o != "" {
						o = filepath.Join(dir, tc.o)
					}
					return Build(&bytes.Buffer{}, jobPath, BuildOptions{OutputDir: o})
				},
			}
			for _, cmd := range []string{"check", "build"} {
				if cmd == "check" && tc.o != "" {
					continue // -o is build's
				}
				err := run[cmd]()
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("%s: error %v\nwant one containing %q", cmd, err, want)
				}
				if after := testutil.Snapshot(t, dir); after != before {
					t.Errorf("%s changed the job's folder:\nbefore:\n%s\nafter:\n%s", cmd, before, after)
				}
			}
		})
	}
}

// TestBuildAllOrNothing builds a job's papers, then builds them again with
// each step of writing made to fail, and checks that the folder still holds
// exactly the first build's papers; then that a build that succeeds
// replaces them all.
func TestBuildAllOrNothing(t *testing.T) {
	jobPath := jobFolder(t, "", `[[output]]
template = "appendix-b"
issues = ["AMEY"]
file = "amey"
formats = ["pdf", "xlsx", "html"]

[[output]]
template = "register"
formats = ["xlsx"]
`)
	dir := filepath.Dir(jobPath)
	out := filepath.Join(dir, "out")
	if err := Build(&bytes.Buffer{}, jobPath, BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	// The second build reports another period, so every paper differs.
	text, _ := os.ReadFile(jobPath)
	if err := os.WriteFile(jobPath, bytes.Replace(text, []byte(`period = "February 2018"`), []byte(`period = "January 2018"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	before := testutil.Snapshot(t, out)
	cases := []struct {
		name string
		fs   safefs.Faulty
		want string
	}{
		{"the folder is read-only", safefs.Faulty{Fail: safefs.FailOn("mkdir", ".agsreport-staging-")}, "creating a staging folder in " + out},
		{"the disk fills up", safefs.Faulty{Full: 4000}, "no space left on device; nothing was changed in " + out},
		{"an old paper cannot be moved aside", safefs.Faulty{Fail: safefs.FailOn("rename", "out/register.xlsx -> ")}, "replacing " + out + "/register.xlsx: "},
		{"a paper is open in another program", safefs.Faulty{Fail: safefs.FailOn("rename", "new/register.xlsx -> ")}, "writing " + out + "/register.xlsx: rename"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var log bytes.Buffer
			err := Build(&log, jobPath, BuildOptions{FS: tc.fs})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v\nwant one containing %q", err, tc.want)
			}
			if after := testutil.Snapshot(t, out); after != before {
				t.Errorf("the papers changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
			if strings.Contains(log.String(), "wrote ") {
				t.Errorf("a failed build says it wrote a file:\n%s", log.String())
			}
		})
	}
	t.Run("a folder in the way", func(t *testing.T) {
		if err := os.Rename(filepath.Join(out, "amey.html"), filepath.Join(dir, "amey.html")); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(filepath.Join(out, "amey.html"), 0o755); err != nil {
			t.Fatal(err)
		}
		before := testutil.Snapshot(t, out)
		err := Build(&bytes.Buffer{}, jobPath, BuildOptions{})
		if want := out + "/amey.html is a folder, in the way"; err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("error %v\nwant one containing %q", err, want)
		}
		if after := testutil.Snapshot(t, out); after != before {
			t.Errorf("the papers changed:\nbefore:\n%s\nafter:\n%s", before, after)
		}
		if err := os.Remove(filepath.Join(out, "amey.html")); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("a build that succeeds replaces every paper", func(t *testing.T) {
		// A run killed earlier left a staging folder and an old-style
		// temporary file: they go too.
		leftover := filepath.Join(out, ".agsreport-staging-999999999-0", "new")
		if err := os.MkdirAll(leftover, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, ".amey.pdf.tmp-123"), []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
		var log bytes.Buffer
		if err := Build(&log, jobPath, BuildOptions{}); err != nil {
			t.Fatal(err)
		}
		entries, _ := os.ReadDir(out)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if got := strings.Join(names, " "); got != "amey.html amey.pdf amey.xlsx register.xlsx" {
			t.Errorf("files after the build: %s", got)
		}
		for _, n := range names {
			if strings.Contains(before, n+" "+hashOf(t, filepath.Join(out, n))) {
				t.Errorf("%s was not replaced", n)
			}
		}
		if !strings.Contains(log.String(), "note: removed "+out+"/.amey.pdf.tmp-123, a temporary file left by a run that was stopped") {
			t.Errorf("the build does not say it tidied up:\n%s", log.String())
		}
	})
}

func hashOf(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(data))
}

// TestReturnsNeverOverwriteOfficersWork checks that returns written again
// into a folder where an officer has filled one in stop, naming the file,
// and change nothing; that unchanged returns are left alone; and that
// -replace replaces them, keeping the filled-in one as a backup.
func TestReturnsNeverOverwriteOfficersWork(t *testing.T) {
	jobPath := jobFolder(t, "", "")
	dir := filepath.Dir(jobPath)
	out := filepath.Join(dir, "returns")
	opts := ReturnsOptions{OutputDir: out, Period: "March 2018"}
	var log bytes.Buffer
	if err := Returns(&log, jobPath, opts); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) < 2 {
		t.Fatalf("%d returns written, want several:\n%s", len(entries), log.String())
	}
	first := testutil.Snapshot(t, out)

	// Writing the same returns again changes nothing and says so.
	log.Reset()
	if err := Returns(&log, jobPath, opts); err != nil {
		t.Fatal(err)
	}
	if got := testutil.Snapshot(t, out); got != first {
		t.Errorf("writing the same returns again changed the folder:\n%s\n%s", first, got)
	}
	if strings.Count(log.String(), "unchanged ") != len(entries) {
		t.Errorf("not every return reported unchanged:\n%s", log.String())
	}

	// An officer fills in one return and saves it where it was.
	filled := entries[0].Name()
	filledPath := filepath.Join(out, filled)
	data, _ := os.ReadFile(filledPath)
	if err := os.WriteFile(filledPath, append(data, "the officer's work"...), 0o644); err != nil {
		t.Fatal(err)
	}
	before := testutil.Snapshot(t, out)
	err := Returns(&log, jobPath, opts)
	want := out + " already holds 1 return that differ"
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "\n  "+filled+"\n") || !strings.Contains(err.Error(), "-replace") {
		t.Fatalf("error %v\nwant one containing %q and naming %s", err, want, filled)
	}
	if got := testutil.Snapshot(t, out); got != before {
		t.Errorf("the filled-in return was touched:\nbefore:\n%s\nafter:\n%s", before, got)
	}

	// A full disk while writing them changes nothing either.
	full := opts
	full.Replace = true
	full.FS = safefs.Faulty{Full: 5000}
	if err := Returns(&log, jobPath, full); err == nil || !strings.Contains(err.Error(), "no space left on device; nothing was changed in "+out) {
		t.Fatalf("error %v, want one saying the disk is full and nothing was changed", err)
	}
	if got := testutil.Snapshot(t, out); got != before {
		t.Errorf("a full disk changed the folder:\nbefore:\n%s\nafter:\n%s", before, got)
	}

	// -replace with a failure while moving the returns in changes nothing.
	failing := opts
	failing.Replace = true
	failing.FS = safefs.Faulty{Fail: safefs.FailOn("rename", "/new/"+filled+" -> ")}
	if err := Returns(&log, jobPath, failing); err == nil || !strings.Contains(err.Error(), "nothing was changed") {
		t.Fatalf("error %v, want one saying nothing was changed", err)
	}
	if got := testutil.Snapshot(t, out); got != before {
		t.Errorf("a failed -replace changed the folder:\nbefore:\n%s\nafter:\n%s", before, got)
	}

	// -replace replaces it and keeps the filled-in one.
	log.Reset()
	opts.Replace = true
	if err := Returns(&log, jobPath, opts); err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(out, ReplacedFolder, filled)
	if got, _ := os.ReadFile(kept); !bytes.HasSuffix(got, []byte("the officer's work")) {
		t.Errorf("the filled-in return is not kept in %s", kept)
	}
	if got, _ := os.ReadFile(filledPath); !bytes.Equal(got, data) {
		t.Errorf("%s was not replaced by the blank return", filled)
	}
	if !strings.Contains(log.String(), "the return it replaced is kept as "+kept) {
		t.Errorf("the log does not say where the old return is:\n%s", log.String())
	}
}

// TestCheckChecksWhatBuildNeeds checks that check fails, before reading
// any workbook, for what would make build fail after rendering: a template
// that does not exist or does not compile, and a file name some system
// cannot hold.
func TestCheckChecksWhatBuildNeeds(t *testing.T) {
	cases := []struct {
		name  string
		top   string
		extra string
		setup func(t *testing.T, dir string)
		want  string
	}{
		{
			name:  "a template that does not exist",
			extra: "[[output]]\ntemplate = \"appendix-z\"\n",
			want:  `output 1 ("appendix-z"): unknown template "appendix-z"`,
		},
		{
			name:  "a template file that does not exist",
			extra: "[[output]]\ntemplate = \"mine.toml\"\n",
			want:  `template file "mine.toml" not found`,
		},
		{
			name:  "a user template that does not compile",
			top:   `templates = "mine"`,
			extra: "[[output]]\ntemplate = \"briefing\"\n",
			setup: func(t *testing.T, dir string) {
				if err := os.MkdirAll(filepath.Join(dir, "mine"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "mine", "briefing.toml"), []byte("[[section]]\n[[section.block]]\ntype = \"heading\"\ntext = \"{{.Issue.Title\"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			want: `mine/briefing.toml`,
		},
		{
			name:  "a name Windows reserves",
			extra: "[[output]]\ntemplate = \"register\"\nfile = \"con\"\n",
			want:  `[[output]] number 1: file name "con.pdf" is a name Windows reserves for a device (CON)`,
		},
		{
			name:  "a name with a colon",
			extra: "[[output]]\ntemplate = \"register\"\nfile = \"Q4: register\"\n",
			want:  `file name "Q4: register.pdf" contains ':'`,
		},
		{
			name:  "a name with a right-to-left override",
			extra: "[[output]]\ntemplate = \"register\"\nfile = \"register\u202Efdp.exe\"\n",
			want:  `changes the direction of text (U+202E)`,
		},
		{
			name:  "a name too long",
			extra: "[[output]]\ntemplate = \"register\"\nfile = \"" + strings.Repeat("register ", 30) + "\"\n",
			want:  `bytes long; a file name may have at most 255`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			jobPath := jobFolder(t, tc.top, tc.extra)
			dir := filepath.Dir(jobPath)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			before := testutil.Snapshot(t, dir)
			var log bytes.Buffer
			err := Check(&log, jobPath)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("check: error %v\nwant one containing %q", err, tc.want)
			}
			if strings.Contains(log.String(), "no problems found") {
				t.Errorf("check says no problems found:\n%s", log.String())
			}
			if err := Build(&log, jobPath, BuildOptions{}); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("build: error %v\nwant one containing %q", err, tc.want)
			}
			if after := testutil.Snapshot(t, dir); after != before {
				t.Errorf("the job's folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

// TestOnlyRegularFilesAreRead checks that devices, FIFOs and sockets are
// refused without being opened, that links leading out of the job's folder
// are refused unless the job allows them, and that a dangling link is a
// warning naming it; and that the job's folder is left as it was.
func TestOnlyRegularFilesAreRead(t *testing.T) {
	passwd := "/etc/passwd"
	firstLine := ""
	if data, err := os.ReadFile(passwd); err == nil {
		firstLine, _, _ = strings.Cut(string(data), "\n")
	}
	cases := []struct {
		name  string
		top   string
		extra string
		setup func(t *testing.T, dir string)
		want  string // part of check's error; "" for no error
		warn  string // part of check's output
	}{
		{
			name:  "a link to /dev/zero named as a CSV return",
			setup: link("/dev/zero", "updates/2018-02/zero.csv"),
			want:  `"updates/2018-02/zero.csv" is reached through a link that leads out of the job's folder, to /dev/zero: agsreport follows links only within the job's folder (set allow_links_outside = true in the job to allow it)`,
		},
		{
			name:  "a link to /dev/zero, links outside allowed",
			top:   "allow_links_outside = true",
			setup: link("/dev/zero", "updates/2018-02/zero.csv"),
			want:  `"updates/2018-02/zero.csv" is a device, not a workbook: agsreport reads only regular files`,
		},
		{
			name: "a FIFO among the returns",
			setup: func(t *testing.T, dir string) {
				if err := mkfifo(filepath.Join(dir, "updates/2018-02/pipe.xlsx"), 0o644); err != nil {
					t.Skip("no FIFOs here:", err)
				}
			},
			want: `"updates/2018-02/pipe.xlsx" is a FIFO (named pipe), not a workbook: agsreport reads only regular files`,
		},
		{
			name: "a socket among the returns",
			setup: func(t *testing.T, dir string) {
				l, err := net.Listen("unix", filepath.Join(dir, "updates/2018-02/s.xlsx"))
				if err != nil {
					t.Skip("no sockets here:", err)
				}
				t.Cleanup(func() { l.Close() })
			},
			want: `"updates/2018-02/s.xlsx" is a socket, not a workbook`,
		},
		{
			name:  "a return that is a link to /etc/passwd",
			setup: link(passwd, "updates/2018-02/passwd.csv"),
			want:  `"updates/2018-02/passwd.csv" is reached through a link that leads out of the job's folder, to /etc/passwd`,
		},
		{
			name: "the updates folder is a link out of the job's folder",
			setup: func(t *testing.T, dir string) {
				outside := t.TempDir()
				if err := os.Rename(filepath.Join(dir, "updates/2018-02"), filepath.Join(outside, "2018-02")); err != nil {
					t.Fatal(err)
				}
				link(filepath.Join(outside, "2018-02"), "updates/2018-02")(t, dir)
			},
			want: `"updates/2018-02/amey.xlsx" is reached through a link that leads out of the job's folder`,
		},
		{
			name: "the plan is a link out of the job's folder",
			setup: func(t *testing.T, dir string) {
				if err := os.Remove(filepath.Join(dir, "plan.xlsx")); err != nil {
					t.Fatal(err)
				}
				abs, _ := filepath.Abs("../../examples/cumbria-2017-18/plan.xlsx")
				link(abs, "plan.xlsx")(t, dir)
			},
			want: `"plan.xlsx" is reached through a link that leads out of the job's folder`,
		},
		{
			name: "the plan is a link out of the job's folder, links outside allowed",
			top:  "allow_links_outside = true",
			setup: func(t *testing.T, dir string) {
				if err := os.Remove(filepath.Join(dir, "plan.xlsx")); err != nil {
					t.Fatal(err)
				}
				abs, _ := filepath.Abs("../../examples/cumbria-2017-18/plan.xlsx")
				link(abs, "plan.xlsx")(t, dir)
			},
		},
		{
			name: "the plan is a link within the job's folder",
			setup: func(t *testing.T, dir string) {
				if err := os.Mkdir(filepath.Join(dir, "data"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Rename(filepath.Join(dir, "plan.xlsx"), filepath.Join(dir, "data", "plan.xlsx")); err != nil {
					t.Fatal(err)
				}
				link("data/plan.xlsx", "plan.xlsx")(t, dir)
			},
		},
		{
			name:  "a dangling link among the returns",
			setup: link("amey-final.xlsx", "updates/2018-02/amey-v2.xlsx"),
			warn:  `warning: updates/2018-02/amey-v2.xlsx: is a link to "amey-final.xlsx", which does not exist: skipped`,
		},
		{
			name:  "a template that is a FIFO",
			extra: "[[output]]\ntemplate = \"mine.toml\"\n",
			setup: func(t *testing.T, dir string) {
				if err := mkfifo(filepath.Join(dir, "mine.toml"), 0o644); err != nil {
					t.Skip("no FIFOs here:", err)
				}
			},
			want: `template "mine.toml" is a FIFO (named pipe), not a template`,
		},
		{
			name:  "a user template that is a link out of the job's folder",
			top:   `templates = "mine"`,
			extra: "[[output]]\ntemplate = \"briefing\"\n",
			setup: func(t *testing.T, dir string) {
				if err := os.Mkdir(filepath.Join(dir, "mine"), 0o755); err != nil {
					t.Fatal(err)
				}
				link(passwd, "mine/briefing.toml")(t, dir)
			},
			want: `template "briefing" is reached through a link that leads out of the job's folder`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			jobPath := jobFolder(t, tc.top, tc.extra)
			dir := filepath.Dir(jobPath)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			before := testutil.Snapshot(t, dir)
			var log bytes.Buffer
			err := withTimeout(t, func() error { return Check(&log, jobPath) })
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("check: %v\n%s", err, log.String())
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("check: error %v\nwant one containing %q\n%s", err, tc.want, log.String())
			}
			if !strings.Contains(log.String(), tc.warn) {
				t.Errorf("check's output lacks %q:\n%s", tc.warn, log.String())
			}
			if firstLine != "" && (strings.Contains(log.String(), firstLine) || err != nil && strings.Contains(err.Error(), firstLine)) {
				t.Errorf("a line of %s is shown", passwd)
			}
			if after := testutil.Snapshot(t, dir); after != before {
				t.Errorf("the job's folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

// TestJobFileMustBeRegular checks that a job file that is a FIFO is refused
// at once instead of waiting for a writer.
func TestJobFileMustBeRegular(t *testing.T) {
	p := filepath.Join(t.TempDir(), "report.toml")
	if err := mkfifo(p, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	err := withTimeout(t, func() error { return Check(&bytes.Buffer{}, p) })
	if want := p + ": is a FIFO (named pipe), not a job file: agsreport reads only regular files"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

// link returns a setup that makes a symbolic link at name (relative to the
// job's folder) pointing to target.
func link(target, name string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
}

// withTimeout runs f and fails the test if it has not returned within a
// minute (as reading a FIFO or a device would not).
func withTimeout(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Minute):
		t.Fatal("still running after a minute: an input that is not a regular file is being read")
		return nil
	}
}
