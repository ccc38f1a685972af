// Package app runs agsreport's commands: it loads a job, reads and checks
// the plan and its updates, composes each paper from its template, renders
// it in each format asked for, and writes the files atomically. Everything
// a run needs travels in values; the command line (cmd/agsreport) only
// parses flags and turns errors into exit codes.
package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/agsreport/agsreport/internal/job"
	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/sheet"
)

// UsageError is a mistake in how the command was called (exit code 2).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// ErrProblems is returned (wrapped) when the input has errors that were
// already printed, so that the caller only sets the exit code.
var ErrProblems = errors.New("the input has errors")

// Loaded is a job with its plan read, updates merged and facts derived.
type Loaded struct {
	Job      *job.Job
	Plan     *plan.Plan
	Problems plan.Problems
	Notes    []string // things worth saying that are not problems
}

// Load reads the job file and everything it names. Problems in the data
// are collected in Loaded.Problems; only a job file that cannot be used is
// returned as an error.
func Load(jobPath string) (*Loaded, error) {
	j, err := job.Load(jobPath)
	if err != nil {
		return nil, err
	}
	return LoadJob(j)
}

// LoadJob reads the plan and updates of an already decoded job.
func LoadJob(j *job.Job) (*Loaded, error) {
	vocab, err := plan.NewVocabulary(j.Statuses)
	if err != nil {
		return nil, fmt.Errorf("%s: statuses: %w", j.File, err)
	}
	l := &Loaded{Job: j}
	// The plan and every update workbook are read concurrently, each into
	// its own problem list; the lists are joined in the order of a
	// one-after-another read, so messages come out the same every time.
	type read struct {
		updates []plan.Update
		probs   plan.Problems
	}
	var files []*read
	var wg sync.WaitGroup
	// A quarter may bring dozens of returns: read a few at a time, so that
	// memory stays bounded however many officers reply.
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	for _, u := range j.Updates {
		for _, f := range u.Files {
			r := &read{}
			files = append(files, r)
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				r.updates = sheet.ReadUpdates(f, u.Period, vocab, &r.probs)
			}()
		}
	}
	p := sheet.ReadPlan(j.Plan, vocab, &l.Problems)
	wg.Wait()
	p.Title, p.Organisation, p.AsAt, p.Statuses = j.Title, j.Organisation, j.AsAt, vocab
	var updates []plan.Update
	next := 0
	for _, u := range j.Updates {
		if !containsString(p.Periods, u.Period) {
			p.Periods = append(p.Periods, u.Period)
		}
		for _, s := range u.Skipped {
			l.Notes = append(l.Notes, fmt.Sprintf("%s: skipped (the lock file of a workbook open in a spreadsheet program)", s))
		}
		for range u.Files {
			r := files[next]
			next++
			updates = append(updates, r.updates...)
			l.Problems.Add(r.probs)
		}
	}
	p.Current = j.Period
	if p.Current != "" && len(p.Periods) > 0 && !containsString(p.Periods, p.Current) {
		l.Problems.Errorf(plan.Loc{File: j.File}, "period %q has no [[updates]] (periods: %s)", p.Current, strings.Join(p.Periods, ", "))
	}
	plan.Merge(p, updates, &l.Problems)
	p.Derive()
	l.Plan = p
	return l, nil
}

// Check loads the job and prints its summary and every problem to w. It
// returns an error wrapping ErrProblems when there are errors.
func Check(w io.Writer, jobPath string) error {
	l, err := Load(jobPath)
	if err != nil {
		return err
	}
	fmt.Fprint(w, Summary(l))
	if l.Problems.Errors() > 0 {
		return fmt.Errorf("%s: %d error(s): %w", jobPath, l.Problems.Errors(), ErrProblems)
	}
	return nil
}

// Summary is the short account `agsreport check` prints: counts of issues,
// actions and statuses, updates received, overdue actions and actions with
// no update, then every problem with where it is.
func Summary(l *Loaded) string {
	var b strings.Builder
	p := l.Plan
	w := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	head := p.Title
	if p.Organisation != "" {
		head += " — " + p.Organisation
	}
	w("%s", head)
	var facts []string
	if p.Current != "" {
		facts = append(facts, "period "+p.Current)
	}
	if !p.AsAt.IsZero() {
		facts = append(facts, "as at "+p.AsAt.Long())
	}
	if len(facts) > 0 {
		w("%s", strings.Join(facts, ", "))
	}
	w("")
	actions := p.Actions()
	w("%-28s %d", "issues", len(p.Issues))
	w("%-28s %d", "actions", len(actions))
	counts := map[string]int{}
	for _, a := range actions {
		counts[a.Status]++
	}
	for _, name := range p.Statuses.Names() {
		if counts[name] > 0 {
			w("  %-26s %d", name, counts[name])
		}
	}
	if counts[""] > 0 && len(actions) > 0 {
		w("  %-26s %d", "(no status)", counts[""])
	}
	if p.Current != "" {
		got := 0
		var none []string
		for _, a := range actions {
			if a.UpdateFor(p.Current) != nil {
				got++
			} else if a.Facts.NoReturn {
				none = append(none, a.Ref)
			}
		}
		w("%-28s %d for %s", "updates received", got, p.Current)
		w("%-28s %d%s", "actions without an update", len(none), list(none))
	}
	var overdue []string
	for _, a := range actions {
		if a.Facts.Overdue {
			overdue = append(overdue, a.Ref)
		}
	}
	if !p.AsAt.IsZero() {
		w("%-28s %d%s", "overdue actions", len(overdue), list(overdue))
	}
	for _, n := range l.Notes {
		w("note: %s", n)
	}
	if len(l.Problems.List) > 0 {
		w("")
		w("%d error(s), %d warning(s):", l.Problems.Errors(), l.Problems.Warnings())
		for _, sev := range []plan.Severity{plan.Error, plan.Warning} {
			for _, pr := range l.Problems.List {
				if pr.Severity == sev {
					w("%s: %s", sev, pr)
				}
			}
		}
	} else {
		w("")
		w("no problems found")
	}
	return b.String()
}

func list(refs []string) string {
	if len(refs) == 0 {
		return ""
	}
	const most = 12
	if len(refs) > most {
		return fmt.Sprintf(" (%s, and %d more)", strings.Join(refs[:most], ", "), len(refs)-most)
	}
	return " (" + strings.Join(refs, ", ") + ")"
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// WriteFileAtomic writes data to path through a temporary file in the same
// folder, renamed into place when complete, so that a failed run never
// leaves a half-written paper. The file is created with mode 0644.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	ok = true
	return nil
}
