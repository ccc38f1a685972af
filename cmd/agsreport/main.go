// Command agsreport turns a council's Annual Governance Statement action plan
// and its quarterly progress updates, kept in Excel workbooks, into committee
// papers: PDF appendices for the agenda pack and Excel workbooks for officers.
//
// Usage:
//
//	agsreport check JOB.toml           read the workbooks and report every problem
//	agsreport build JOB.toml [-o DIR]  write every paper the job lists
//	agsreport dump JOB.toml [-report]  print what was read (or the composed papers)
//	agsreport returns JOB.toml         write a progress return for each lead officer
//	agsreport templates                list the built-in templates
//	agsreport sample -actions N -o DIR write a synthetic plan and job file
//
// Exit codes: 0 success (warnings allowed), 1 errors in the input or a
// failed build, 2 a mistake in how the command was called.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"

	"github.com/agsreport/agsreport/internal/app"
	"github.com/agsreport/agsreport/internal/compose"
	"github.com/agsreport/agsreport/internal/sample"
)

const usage = `agsreport turns an Annual Governance Statement action plan and its progress
updates, kept in Excel workbooks, into committee papers.

Usage:
  agsreport check JOB.toml [-v]       read the workbooks and report every problem
                                      (-v: first show what was read, column by column)
  agsreport build JOB.toml [-o DIR]   write every paper the job lists
  agsreport dump JOB.toml [-report]   print the plan as read (or the composed papers)
  agsreport returns JOB.toml [-o DIR] [-period P] [-replace]
                                      write a progress return for each lead officer
  agsreport templates                 list the built-in templates
  agsreport sample -actions N -o DIR  write a synthetic plan of N actions, with its job file
  agsreport help                      show this text

Exit codes: 0 success (warnings allowed), 1 errors in the input, 2 usage mistakes.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command and returns its exit code. It is the only place
// that turns errors into exit codes.
func run(args []string, stdout, stderr io.Writer) (code int) {
	// A panic is a bug in agsreport, never the user's fault: say so plainly
	// instead of printing a Go trace.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "agsreport: internal error: %v\nThis is a bug in agsreport; please report it with the command you ran.\n", r)
			code = 1
		}
	}()
	err := dispatch(args, stdout, stderr)
	var ue *app.UsageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "agsreport: %s\n\n%s", ue.Msg, usage)
		return 2
	case errors.Is(err, app.ErrProblems):
		fmt.Fprintf(stderr, "agsreport: %v\n", err)
		return 1
	default:
		fmt.Fprintf(stderr, "agsreport: %s\n", indentLines(err.Error()))
		return 1
	}
}

// startProfiles starts a CPU profile into cpuPath and arranges an
// allocation profile into memPath (either may be empty). The returned stop
// function ends the CPU profile, writes the allocation profile and reports
// the first error; it must be called exactly once.
func startProfiles(cpuPath, memPath string) (stop func() error, err error) {
	var cpu *os.File
	if cpuPath != "" {
		cpu, err = os.Create(cpuPath)
		if err != nil {
			return nil, fmt.Errorf("cpu profile: %w", err)
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, fmt.Errorf("cpu profile: %w", err)
		}
	}
	return func() error {
		var first error
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				first = fmt.Errorf("cpu profile: %w", err)
			}
		}
		if memPath != "" {
			f, err := os.Create(memPath)
			if err != nil {
				return errors.Join(first, fmt.Errorf("memory profile: %w", err))
			}
			werr := pprof.Lookup("allocs").WriteTo(f, 0)
			cerr := f.Close()
			if err := errors.Join(werr, cerr); err != nil {
				first = errors.Join(first, fmt.Errorf("memory profile: %w", err))
			}
		}
		return first
	}, nil
}

func indentLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	return "\n  " + strings.ReplaceAll(s, "\n", "\n  ")
}

func dispatch(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return &app.UsageError{Msg: "no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "check":
		fs := newFlags("check", stderr)
		verbose := fs.Bool("v", false, "first show what was read: each column's field, the rows read, and every row or cell not read with the reason")
		jobPath, err := parse(fs, rest)
		if err != nil {
			return err
		}
		if *verbose {
			return app.CheckVerbose(stdout, jobPath)
		}
		return app.Check(stdout, jobPath)
	case "build":
		fs := newFlags("build", stderr)
		out := fs.String("o", "", "write the papers into `DIR` instead of the job's output_dir")
		timings := fs.Bool("timings", false, "print how long each stage took (for benchmarks)")
		cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `FILE` (for go tool pprof)")
		memProfile := fs.String("memprofile", "", "write an allocation profile of the build to `FILE` (for go tool pprof)")
		jobPath, err := parse(fs, rest)
		if err != nil {
			return err
		}
		stop, err := startProfiles(*cpuProfile, *memProfile)
		if err != nil {
			return err
		}
		var tm app.Timings
		err = app.Build(stdout, jobPath, app.BuildOptions{OutputDir: *out, Timings: &tm})
		if perr := stop(); err == nil {
			err = perr
		}
		if err != nil {
			return err
		}
		if *timings {
			fmt.Fprintln(stderr, tm)
		}
		return nil
	case "dump":
		fs := newFlags("dump", stderr)
		rep := fs.Bool("report", false, "print the composed papers' document trees instead of the plan")
		jobPath, err := parse(fs, rest)
		if err != nil {
			return err
		}
		return app.Dump(stdout, jobPath, *rep)
	case "returns":
		fs := newFlags("returns", stderr)
		out := fs.String("o", "", "write the returns into `DIR` (default: the job's output folder, returns/PERIOD)")
		period := fs.String("period", "", "the `PERIOD` the returns collect (default: the job's period)")
		due := fs.String("due", "", "when the returns are due, in words, e.g. \"Friday 12 April 2024\"")
		replace := fs.Bool("replace", false, "replace returns already in the folder that differ (the old ones are kept in its \""+app.ReplacedFolder+"\" folder)")
		jobPath, err := parse(fs, rest)
		if err != nil {
			return err
		}
		return app.Returns(stdout, jobPath, app.ReturnsOptions{OutputDir: *out, Period: *period, Due: *due, Replace: *replace})
	case "sample":
		fs := newFlags("sample", stderr)
		n := fs.Int("actions", 1000, "how many actions the sample plan has")
		out := fs.String("o", "", "the folder to write the sample into (required)")
		seed := fs.Uint64("seed", 1, "seed for the generated text")
		if _, err := parseNone(fs, rest); err != nil {
			return err
		}
		if *out == "" {
			return &app.UsageError{Msg: "sample needs -o DIR"}
		}
		if *n < 1 {
			return &app.UsageError{Msg: "sample needs -actions of 1 or more"}
		}
		if err := sample.Write(*out, sample.Options{Actions: *n, Seed: *seed}); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote a sample plan of %d actions and its job file %s\n", *n, filepath.Join(*out, "report.toml"))
		return nil
	case "templates":
		for _, n := range compose.Names() {
			fmt.Fprintln(stdout, n)
		}
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return &app.UsageError{Msg: fmt.Sprintf("unknown command %q", cmd)}
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("agsreport "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseNone parses flags for a command that takes no arguments.
func parseNone(fs *flag.FlagSet, args []string) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, &app.UsageError{Msg: err.Error()}
	}
	if fs.NArg() > 0 {
		return nil, &app.UsageError{Msg: fmt.Sprintf("%s takes no arguments, got %q", fs.Name(), fs.Args())}
	}
	return nil, nil
}

// parse parses flags (which may come before or after the job file) and
// returns the one job file argument.
func parse(fs *flag.FlagSet, args []string) (string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return "", err
			}
			return "", &app.UsageError{Msg: err.Error()}
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 1 {
		return "", &app.UsageError{Msg: fmt.Sprintf("%s takes one job file (JOB.toml), got %d arguments", fs.Name(), len(pos))}
	}
	return pos[0], nil
}
