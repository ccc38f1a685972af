// Command agsreport turns a council's Annual Governance Statement action plan
// and its quarterly progress updates, kept in Excel workbooks, into committee
// papers: PDF appendices for the agenda pack, Excel workbooks for officers
// and accessible HTML for the council's website.
//
// Usage:
//
//	agsreport check JOB.toml           read the workbooks and report every problem
//	agsreport build JOB.toml [-o DIR]  write every paper the job lists
//	agsreport watch JOB.toml [-o DIR]  rebuild whenever an input changes
//	agsreport dump JOB.toml [-report]  print what was read (or the composed papers)
//	agsreport returns JOB.toml         write a progress return for each lead officer
//	agsreport approvals JOB.toml       write the approvals sheet for requested new targets
//	agsreport templates                list the built-in templates
//	agsreport sample -actions N -o DIR write a synthetic plan and job file
//	agsreport version                  print the version
//	agsreport help [COMMAND]           show help
//
// The commands are defined in commands.go; each has a help page with its
// options and examples. Exit codes: 0 success (warnings allowed), 1 errors
// in the input or a failed build, 2 a mistake in how the command was
// called.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"github.com/agsreport/agsreport/internal/app"
	"github.com/agsreport/agsreport/internal/gcfloor"
	"github.com/agsreport/agsreport/internal/suggest"
)

func main() {
	gcfloor.Defer()
	interrupt := make(chan struct{})
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	go func() {
		<-sig
		close(interrupt)
		signal.Stop(sig) // a second Ctrl-C ends the program at once
	}()
	os.Exit(runEnv(os.Args[1:], env{stdout: os.Stdout, stderr: os.Stderr, interrupt: interrupt}))
}

// run executes one command and returns its exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return runEnv(args, env{stdout: stdout, stderr: stderr})
}

// runEnv executes one command and returns its exit code. It is the only
// place that turns errors into exit codes and prints them: each error once,
// a usage mistake with the one usage line that applies.
func runEnv(args []string, e env) (code int) {
	// A panic is a bug in agsreport, never the user's fault: say so plainly
	// instead of printing a Go trace.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(e.stderr, "agsreport: internal error: %v\nThis is a bug in agsreport; please report it with the command you ran.\n", r)
			code = 1
		}
	}()
	cmds := commands()
	err := dispatch(cmds, args, e)
	var ue *usageError
	var aue *app.UsageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "agsreport: %s\n%s\n", ue.msg, ue.usageLine(cmds))
		return 2
	case errors.As(err, &aue):
		// A mistake the command found in its options, after parsing.
		c := find(cmds, firstArg(args))
		fmt.Fprintf(e.stderr, "agsreport: %s\n%s\n", aue.Msg, (&usageError{cmd: c}).usageLine(cmds))
		return 2
	case errors.Is(err, app.ErrProblems):
		fmt.Fprintf(e.stderr, "agsreport: %v\n", err)
		return 1
	default:
		fmt.Fprintf(e.stderr, "agsreport: %s\n", indentLines(err.Error()))
		return 1
	}
}

func firstArg(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// usageError is a mistake in how a command was called; cmd is the command
// (nil when the command itself was the mistake).
type usageError struct {
	cmd *command
	msg string
}

func (e *usageError) Error() string { return e.msg }

// usageLine is the one line of usage printed after the message.
func (e *usageError) usageLine(cmds []*command) string {
	if e.cmd == nil {
		return "usage: agsreport COMMAND [arguments] [options], with COMMAND one of " + strings.Join(names(cmds), ", ")
	}
	return "usage: " + e.cmd.synopsis() + "   (more: agsreport help " + e.cmd.name + ")"
}

func dispatch(cmds []*command, args []string, e env) error {
	if len(args) == 0 {
		return &usageError{msg: "no command given"}
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "-help", "--help":
		name = "help"
	case "-version", "--version":
		name = "version"
	}
	c := find(cmds, name)
	if c == nil {
		msg := fmt.Sprintf("unknown command %q", name)
		if s := suggest.Closest(name, names(cmds)); s != "" {
			msg += fmt.Sprintf(": did you mean %q?", s)
		}
		return &usageError{msg: msg}
	}
	if c.name == "help" {
		return help(cmds, c, rest, e)
	}
	fs := newFlags(c)
	runCmd := c.define(fs, e)
	pos, err := fs.parse(rest)
	if errors.Is(err, flag.ErrHelp) {
		c.help(e.stdout)
		return nil
	}
	if err != nil {
		return &usageError{cmd: c, msg: err.Error()}
	}
	switch {
	case c.args == "JOB.toml" && len(pos) == 0:
		return &usageError{cmd: c, msg: c.name + " needs a job file (JOB.toml)"}
	case c.args == "JOB.toml" && len(pos) > 1:
		return &usageError{cmd: c, msg: fmt.Sprintf("%s takes one job file, got %d: %s", c.name, len(pos), strings.Join(pos, " "))}
	case c.args == "" && len(pos) > 0:
		return &usageError{cmd: c, msg: fmt.Sprintf("%s takes no arguments, got %s", c.name, strings.Join(pos, " "))}
	}
	return runCmd(pos)
}

// help writes the list of commands, or one command's help page.
func help(cmds []*command, self *command, args []string, e env) error {
	switch len(args) {
	case 0:
		usage(e.stdout, cmds)
		return nil
	case 1:
		if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
			self.help(e.stdout)
			return nil
		}
		c := find(cmds, args[0])
		if c == nil {
			msg := fmt.Sprintf("no help for %q: it is not a command", args[0])
			if s := suggest.Closest(args[0], names(cmds)); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			}
			return &usageError{cmd: self, msg: msg}
		}
		c.help(e.stdout)
		return nil
	}
	return &usageError{cmd: self, msg: "help takes at most one command"}
}

// version describes this build of agsreport from the build information Go
// records: the module version (or "(devel)" for a build from a checkout),
// the commit and whether the checkout had changes, and the Go version.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "agsreport (version unknown: built without module information)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", with uncommitted changes"
			}
		}
	}
	out := "agsreport " + v
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		out += " (commit " + rev + modified + ")"
	}
	return out + ", " + bi.GoVersion
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
