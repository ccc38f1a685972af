package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/agsreport/agsreport/internal/suggest"
)

// flags is a command's flag set. Developer flags (profiling, timings) are
// parsed like the others but shown apart, at the end of the help page, and
// left out of the usage line.
type flags struct {
	*flag.FlagSet
	cmd      string
	devNames map[string]bool
}

// newFlags returns an empty flag set for c.
func newFlags(c *command) *flags {
	fs := &flags{FlagSet: flag.NewFlagSet(c.name, flag.ContinueOnError), cmd: c.name, devNames: map[string]bool{}}
	fs.SetOutput(io.Discard) // errors are printed once, by runEnv
	fs.Usage = func() {}
	return fs
}

// dev returns a view of the flag set whose flags are developer flags.
func (fs *flags) dev() devFlags { return devFlags{fs} }

// devFlags defines developer flags.
type devFlags struct{ fs *flags }

// Bool defines a developer flag.
func (d devFlags) Bool(name string, value bool, usage string) *bool {
	d.fs.devNames[name] = true
	return d.fs.FlagSet.Bool(name, value, usage)
}

// String defines a developer flag.
func (d devFlags) String(name, value, usage string) *string {
	d.fs.devNames[name] = true
	return d.fs.FlagSet.String(name, value, usage)
}

// visit calls fn for each flag, sorted by name: the developer flags when
// dev is set, the others otherwise. arg names the flag's value ("" for a
// switch), usage is its help text.
func (fs *flags) visit(dev bool, fn func(name, arg, usage string)) {
	fs.VisitAll(func(f *flag.Flag) {
		if fs.devNames[f.Name] != dev {
			return
		}
		arg, usage := flag.UnquoteUsage(f)
		switch arg {
		case "int", "uint":
			arg = "N"
		case "string":
			arg = "TEXT"
		}
		if d := f.DefValue; d != "" && d != "false" && d != "0" {
			usage += " (default " + d + ")"
		}
		fn(f.Name, arg, usage)
	})
}

// names lists the flags, user flags only when all is false.
func (fs *flags) names(all bool) []string {
	var out []string
	fs.VisitAll(func(f *flag.Flag) {
		if all || !fs.devNames[f.Name] {
			out = append(out, f.Name)
		}
	})
	sort.Strings(out)
	return out
}

// parse parses flags, which may come before or after the positional
// arguments, and returns the positional arguments. Errors are rewritten
// for people: an unknown flag names the nearest one and lists them.
func (fs *flags) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fs.explain(err)
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

var (
	undefinedFlag = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	needsArgument = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	invalidValue  = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for flag -+([^:]*): .*$`)
)

// explain turns the flag package's error into a message for people.
func (fs *flags) explain(err error) error {
	msg := err.Error()
	if m := undefinedFlag.FindStringSubmatch(msg); m != nil {
		out := fmt.Sprintf("%s has no flag -%s", fs.cmd, m[1])
		user := fs.names(false)
		if s := suggest.Closest(m[1], fs.names(true)); s != "" {
			out += fmt.Sprintf(": did you mean -%s?", s)
		}
		if len(user) == 0 {
			return errors.New(out + " (it takes no flags)")
		}
		return errors.New(out + " (flags: -" + strings.Join(user, ", -") + ")")
	}
	if m := needsArgument.FindStringSubmatch(msg); m != nil {
		arg := "a value"
		fs.visit(fs.devNames[m[1]], func(name, a, _ string) {
			if name == m[1] && a != "" {
				arg = a
			}
		})
		return fmt.Errorf("-%s needs %s after it, e.g. -%s %s", m[1], article(arg), m[1], arg)
	}
	if m := invalidValue.FindStringSubmatch(msg); m != nil {
		what := "a valid value"
		if f := fs.Lookup(m[2]); f != nil {
			switch a, _ := flag.UnquoteUsage(f); {
			case a == "int" || a == "uint" || a == "N" || a == "SEED":
				what = "a whole number"
			case a == "":
				what = "true or false"
			}
		}
		return fmt.Errorf("-%s needs %s, not %q", m[2], what, m[1])
	}
	return err
}

func article(arg string) string {
	if arg == "a value" {
		return arg
	}
	return "a " + arg
}
