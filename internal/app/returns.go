package app

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/agsreport/agsreport/internal/returns"
)

// ReturnsOptions are the options of `agsreport returns`.
type ReturnsOptions struct {
	OutputDir string // default: the job's output folder, then "returns/<period>"
	Period    string // the period the returns collect; default the job's period
	Due       string // when the returns are due, in words, for the instructions
}

// Returns writes one progress-return workbook per lead officer with open
// actions, for the period the returns collect. Errors in the input stop it
// before anything is written.
func Returns(w io.Writer, jobPath string, opts ReturnsOptions) error {
	l, err := Load(jobPath)
	if err != nil {
		return err
	}
	if l.Problems.Errors() > 0 {
		fmt.Fprint(w, Summary(l))
		return fmt.Errorf("%s: %d error(s), nothing written: %w", jobPath, l.Problems.Errors(), ErrProblems)
	}
	period := opts.Period
	if period == "" {
		period = l.Job.Period
	}
	if period == "" {
		return &UsageError{Msg: "returns needs a period: set period in the job file or pass -period"}
	}
	dir := opts.OutputDir
	if dir == "" {
		dir = filepath.Join(l.Job.OutputDir, "returns", returns.SafeName(period))
	}
	rs := returns.Plan(l.Plan, period)
	if len(rs) == 0 {
		fmt.Fprintf(w, "no open actions: no returns to write for %s\n", period)
		return nil
	}
	o := returns.Options{Period: period, Title: l.Job.Title, Org: l.Job.Organisation, Due: opts.Due}
	if !l.Plan.AsAt.IsZero() {
		o.Date = l.Plan.AsAt.Time()
	}
	type file struct {
		path string
		data []byte
		n    int
	}
	var files []file
	for _, r := range rs {
		data, err := returns.Workbook(r, l.Plan, o)
		if err != nil {
			return err
		}
		files = append(files, file{filepath.Join(dir, r.File), data, len(r.Actions)})
	}
	for _, f := range files {
		if err := WriteFileAtomic(f.path, f.data); err != nil {
			return fmt.Errorf("writing %s: %w", f.path, err)
		}
		fmt.Fprintf(w, "wrote %s (%s)\n", f.path, plural(f.n, "action"))
	}
	return nil
}
