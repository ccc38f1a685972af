package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/agsreport/agsreport/internal/app"
	"github.com/agsreport/agsreport/internal/compose"
	"github.com/agsreport/agsreport/internal/format"
	"github.com/agsreport/agsreport/internal/gcfloor"
	"github.com/agsreport/agsreport/internal/sample"
)

// env is what a command writes to.
type env struct {
	stdout, stderr io.Writer
	// interrupt, when not nil, is closed when the user asks a long-running
	// command (watch) to stop.
	interrupt <-chan struct{}
}

// command is one sub-command: what its help shows, and how it runs.
type command struct {
	name    string
	args    string // the positional arguments in the synopsis: "JOB.toml" or ""
	summary string // one line for the list of commands
	about   string // what it does, for its help page
	// examples are command lines shown on the help page, each with an
	// optional "  # comment".
	examples []string
	// define adds the command's flags to fs and returns the function that
	// runs it with its positional arguments (exactly one when args is
	// "JOB.toml", none otherwise).
	define func(fs *flags, e env) func(args []string) error
}

// commands returns every command, in the order help lists them.
func commands() []*command {
	return []*command{
		{
			name: "check", args: "JOB.toml",
			summary: "read the workbooks and report every problem",
			about: `Reads the job file and every workbook it names, and prints a summary: issues
and actions, actions per status, the updates received for the period,
overdue actions, actions without an update, and every problem with the file,
sheet and cell it is in. Nothing is written.

Exit code 0 when there are no errors (warnings are fine), 1 when there are.`,
			examples: []string{
				"agsreport check report.toml",
				"agsreport check -v report.toml   # also show how each column and row was read",
			},
			define: func(fs *flags, e env) func([]string) error {
				verbose := fs.Bool("v", false, "first show what was read: each column's field, the rows read, and every row or cell not read with the reason")
				return func(args []string) error {
					if *verbose {
						return app.CheckVerbose(e.stdout, args[0])
					}
					return app.Check(e.stdout, args[0])
				}
			},
		},
		{
			name: "build", args: "JOB.toml",
			summary: "write every paper the job lists",
			about: `Checks the job and its workbooks first and writes nothing if there are
errors. Then writes each [[output]] of the job in each of its formats into
the job's output_dir (default: out/ beside the job file). Files are written
whole or not at all: a failed build leaves the folder as it was.

Formats: ` + format.Known() + `.`,
			examples: []string{
				"agsreport build report.toml",
				"agsreport build report.toml -o papers/   # write the papers somewhere else",
			},
			define: func(fs *flags, e env) func([]string) error {
				out := fs.String("o", "", "write the papers into `DIR` instead of the job's output_dir")
				timings := fs.dev().Bool("timings", false, "print how long each stage took, for the benchmark harness")
				cpuProfile := fs.dev().String("cpuprofile", "", "write a CPU profile of the build to `FILE` (for go tool pprof)")
				memProfile := fs.dev().String("memprofile", "", "write an allocation profile of the build to `FILE` (for go tool pprof)")
				return func(args []string) error {
					stop, err := startProfiles(*cpuProfile, *memProfile)
					if err != nil {
						return err
					}
					var tm app.Timings
					err = app.Build(e.stdout, args[0], app.BuildOptions{OutputDir: *out, Timings: &tm})
					if perr := stop(); err == nil {
						err = perr
					}
					if err != nil {
						return err
					}
					if *timings {
						fmt.Fprintln(e.stderr, tm)
					}
					return nil
				}
			},
		},
		{
			name: "watch", args: "JOB.toml",
			summary: "rebuild the papers whenever the job, a workbook or a template changes",
			about: `Builds the papers, then watches the job file, the workbooks and templates it
names, and builds again a moment after any of them changes (waiting for a
workbook that is still being saved). After each build it says what changed
in the papers: pages, and actions whose status changed. When an input has
errors they are printed and the last good papers are kept. Stop with Ctrl-C.`,
			examples: []string{
				"agsreport watch report.toml",
				"agsreport watch report.toml -o preview/",
			},
			define: func(fs *flags, e env) func([]string) error {
				out := fs.String("o", "", "write the papers into `DIR` instead of the job's output_dir")
				return func(args []string) error {
					return app.Watch(e.stdout, args[0], app.WatchOptions{OutputDir: *out, Stop: e.interrupt, Rested: gcfloor.Rearm})
				}
			},
		},
		{
			name: "dump", args: "JOB.toml",
			summary: "print the plan as read (or the composed papers), for checking",
			about: `Prints the plan exactly as agsreport read it — issues, outcomes,
recommendations, actions and their updates — followed by every problem. With
-report it prints the document tree of each paper instead, as the renderers
receive it.

Exit code 0 when there are no errors, 1 when there are (as for check).`,
			examples: []string{
				"agsreport dump report.toml",
				"agsreport dump -report report.toml",
			},
			define: func(fs *flags, e env) func([]string) error {
				rep := fs.Bool("report", false, "print the composed papers' document trees instead of the plan")
				return func(args []string) error { return app.Dump(e.stdout, args[0], *rep) }
			},
		},
		{
			name: "returns", args: "JOB.toml",
			summary: "write a progress return for each lead officer",
			about: `Writes one workbook per lead officer: their open actions with the last status
and update, and two columns to fill in (the new status, from a drop-down of
the job's status words, and the new progress text). When they come back, list
them under [[updates]] in the job: agsreport recognises its own returns.
A return already in the folder that would come out the same is left as it
is; one that differs (an officer may have filled it in there) stops the
command before anything is written, unless -replace is given.`,
			examples: []string{
				`agsreport returns report.toml -period "June 2018"`,
				`agsreport returns report.toml -period "June 2018" -due "Friday 6 July 2018"`,
				`agsreport returns report.toml -period "June 2018" -replace`,
			},
			define: func(fs *flags, e env) func([]string) error {
				out := fs.String("o", "", "write the returns into `DIR` (default: the job's output folder, returns/PERIOD)")
				period := fs.String("period", "", "the `PERIOD` the returns collect (default: the job's period)")
				due := fs.String("due", "", "when the returns are due, in `WORDS`, e.g. \"Friday 12 April 2024\"")
				replace := fs.Bool("replace", false, "replace returns already in the folder that differ (the old ones are kept in its \""+app.ReplacedFolder+"\" folder)")
				return func(args []string) error {
					return app.Returns(e.stdout, args[0], app.ReturnsOptions{OutputDir: *out, Period: *period, Due: *due, Replace: *replace})
				}
			},
		},
		{
			name: "approvals", args: "JOB.toml",
			summary: "write the approvals sheet for the new target dates officers ask for",
			about: `Writes one workbook listing every request for a new target date in the
period's returns that is not yet agreed or refused: the action, its lead,
its current target, the date asked for and why, and three columns to fill in
("Agreed (Y/N)", "Agreed on", "Agreed by"). Name it in the job
(approvals = ["…"]) and check and build read the decisions: an agreed request
becomes the action's revised target, with the date and who agreed it; a
refused or undecided one stays listed by check. It never writes over a
workbook that differs from what it would write.`,
			examples: []string{
				`agsreport approvals report.toml`,
				`agsreport approvals report.toml -period "March 2018" -o "approvals/March 2018.xlsx"`,
			},
			define: func(fs *flags, e env) func([]string) error {
				out := fs.String("o", "", "write the approvals sheet to `FILE` (default: the job's output folder, approvals/)")
				period := fs.String("period", "", "the `PERIOD` whose returns' requests it lists (default: the job's period)")
				return func(args []string) error {
					return app.Approvals(e.stdout, args[0], app.ApprovalsOptions{Output: *out, Period: *period})
				}
			},
		},
		{
			name: "rollover", args: "JOB.toml",
			summary: "start next year's plan from this year's open actions",
			about: `Writes next year's plan workbook (plan.xlsx) and job file (report.toml) into
DIR. Every action still open is carried forward with its last status and
its last update (the period it was given for in front of the text), and is
marked in the plan's "Carried Forward" column with the year it comes from,
which papers can show. Closed actions are left behind and listed. The new
plan keeps the issues that still have open actions, under the same headings,
so that new issues and actions are added as rows, every revision of a
revised target, and the plan's columns agsreport does not map. The new job
keeps the statuses, templates and outputs (an output named after this year
or one of its periods is named after the new year), and has no [[updates]]
yet.

The year rolled over from is read from the job's title ("... 2023-24") or
period; give it with -from when they do not name one year. Nothing is
written over: when DIR already holds plan.xlsx or report.toml the command
stops and writes nothing.`,
			examples: []string{
				`agsreport rollover report.toml -year "2024/25" -o ../2024-25/`,
				`agsreport rollover report.toml -year "2024/25" -from "2023/24" -o ../2024-25/`,
			},
			define: func(fs *flags, e env) func([]string) error {
				out := fs.String("o", "", "the folder `DIR` to write the new plan and job into (required)")
				year := fs.String("year", "", "the new plan `YEAR`, e.g. \"2024/25\" (required)")
				from := fs.String("from", "", "the plan `YEAR` rolled over from (default: read from the job's title or period)")
				return func(args []string) error {
					return app.Rollover(e.stdout, args[0], app.RolloverOptions{OutputDir: *out, Year: *year, From: *from})
				}
			},
		},
		{
			name:    "templates",
			summary: "list the built-in templates",
			about: `Lists the built-in paper templates by name, as an [[output]]'s template
names them. A template of the same name in the job's templates folder
replaces the built-in one; see docs/templates.md to write your own.`,
			examples: []string{"agsreport templates"},
			define: func(fs *flags, e env) func([]string) error {
				return func([]string) error {
					for _, n := range compose.Names() {
						fmt.Fprintln(e.stdout, n)
					}
					return nil
				}
			},
		},
		{
			name:    "sample",
			summary: "write a synthetic plan of N actions, with its job file",
			about: `Writes a made-up plan workbook, two quarters of progress returns and a job
file into DIR, to try agsreport at scale. The same options always give the
same files.`,
			examples: []string{"agsreport sample -actions 10000 -o big/", "agsreport build big/report.toml"},
			define: func(fs *flags, e env) func([]string) error {
				n := fs.Int("actions", 1000, "the number `N` of actions in the sample plan")
				out := fs.String("o", "", "the folder `DIR` to write the sample into (required)")
				seed := fs.Uint64("seed", 1, "the `SEED` the generated text is drawn from")
				return func([]string) error {
					if *out == "" {
						return &app.UsageError{Msg: "sample needs -o DIR"}
					}
					if *n < 1 {
						return &app.UsageError{Msg: "sample needs -actions of 1 or more"}
					}
					if err := sample.Write(*out, sample.Options{Actions: *n, Seed: *seed}); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "wrote a sample plan of %d actions and its job file %s\n", *n, filepath.Join(*out, "report.toml"))
					return nil
				}
			},
		},
		{
			name:     "version",
			summary:  "print agsreport's version",
			about:    `Prints the version of agsreport, the commit it was built from, and the Go version.`,
			examples: []string{"agsreport version"},
			define: func(fs *flags, e env) func([]string) error {
				return func([]string) error {
					fmt.Fprintln(e.stdout, version())
					return nil
				}
			},
		},
		{
			name: "help", args: "[COMMAND]",
			summary:  "show help for agsreport or for one command",
			about:    `Shows the list of commands, or a command's help page (the same as COMMAND -h).`,
			examples: []string{"agsreport help", "agsreport help build"},
			// help is run by dispatch itself.
		},
	}
}

// names lists the commands' names.
func names(cmds []*command) []string {
	var out []string
	for _, c := range cmds {
		out = append(out, c.name)
	}
	return out
}

// find returns the command called name, or nil.
func find(cmds []*command, name string) *command {
	for _, c := range cmds {
		if c.name == name {
			return c
		}
	}
	return nil
}

// flagSet returns the command's flags, defined, for help pages.
func (c *command) flagSet() *flags {
	fs := newFlags(c)
	c.define(fs, env{stdout: io.Discard, stderr: io.Discard})
	return fs
}

// synopsis is the command's usage line: its arguments and its flags (not
// the developer flags).
func (c *command) synopsis() string {
	parts := []string{"agsreport", c.name}
	if c.args != "" {
		parts = append(parts, c.args)
	}
	if c.define != nil {
		fs := c.flagSet()
		fs.visit(false, func(name, arg, _ string) {
			if arg == "" {
				parts = append(parts, "[-"+name+"]")
			} else {
				parts = append(parts, "[-"+name+" "+arg+"]")
			}
		})
	}
	return strings.Join(parts, " ")
}

// help writes the command's help page.
func (c *command) help(w io.Writer) {
	fmt.Fprintf(w, "agsreport %s — %s\n\nUsage:\n  %s\n\n%s\n", c.name, c.summary, c.synopsis(), c.about)
	var fs *flags
	if c.define != nil {
		fs = c.flagSet()
	}
	section := func(title string, dev bool) {
		var lines [][2]string
		if fs != nil {
			fs.visit(dev, func(name, arg, usage string) {
				left := "-" + name
				if arg != "" {
					left += " " + arg
				}
				lines = append(lines, [2]string{left, usage})
			})
		}
		if len(lines) == 0 {
			return
		}
		width := 0
		for _, l := range lines {
			width = max(width, len(l[0]))
		}
		fmt.Fprintf(w, "\n%s:\n", title)
		for _, l := range lines {
			fmt.Fprintf(w, "  %-*s  %s\n", width, l[0], l[1])
		}
	}
	section("Options", false)
	if len(c.examples) > 0 {
		fmt.Fprintf(w, "\nExamples:\n")
		for _, ex := range c.examples {
			fmt.Fprintf(w, "  %s\n", ex)
		}
	}
	section("Developer options", true)
}

// usage writes the list of commands.
func usage(w io.Writer, cmds []*command) {
	fmt.Fprint(w, `agsreport turns an Annual Governance Statement action plan and its progress
updates, kept in Excel workbooks, into committee papers.

Usage:
  agsreport COMMAND [arguments] [options]

Commands:
`)
	width := 0
	for _, c := range cmds {
		width = max(width, len(c.name))
	}
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "agsreport help COMMAND" (or "agsreport COMMAND -h") for a command's
options and examples.

Exit codes: 0 success (warnings allowed), 1 errors in the input or a failed
build, 2 a mistake in how the command was called.
`)
}
