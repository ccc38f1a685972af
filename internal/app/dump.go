package app

import (
	"fmt"
	"io"
)

// Dump prints the plan as read, with every problem, or with report set the
// document tree of each paper the job lists. Like Check, it returns an
// error wrapping ErrProblems when the input has errors (after printing
// them), so that the exit code says so.
func Dump(w io.Writer, jobPath string, report bool) error {
	l, err := Load(jobPath)
	if err != nil {
		return err
	}
	if !report {
		fmt.Fprint(w, l.Plan.Dump())
		for _, pr := range l.Problems.List {
			fmt.Fprintf(w, "%s: %s\n", pr.Severity, pr)
		}
		if n := l.Problems.Errors(); n > 0 {
			return fmt.Errorf("%s: %d error(s): %w", jobPath, n, ErrProblems)
		}
		return nil
	}
	if l.Problems.Errors() > 0 {
		fmt.Fprint(w, Summary(l))
		return fmt.Errorf("%s: %d error(s): %w", jobPath, l.Problems.Errors(), ErrProblems)
	}
	papers, err := Compose(l)
	if err != nil {
		return err
	}
	for _, p := range papers {
		fmt.Fprintf(w, "# %s: %s\n", p.Output.Name(), p.Output.File)
		fmt.Fprint(w, p.Doc.Dump())
	}
	return nil
}
