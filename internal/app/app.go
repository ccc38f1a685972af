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
	"runtime"
	"strings"
	"sync"

	"github.com/agsreport/agsreport/internal/compose"
	"github.com/agsreport/agsreport/internal/job"
	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/returns"
	"github.com/agsreport/agsreport/internal/sheet"
	"github.com/agsreport/agsreport/internal/suggest"
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
	// Readings account for every table read: the plan's, then each
	// update workbook's, in the order of the job.
	Readings []*sheet.Reading

	templates compose.Library // the job's templates, each compiled once
}

// templates returns the library of j's templates, compiling each into
// cache (a new one when nil).
func templates(j *job.Job, cache *compose.Cache) compose.Library {
	if cache == nil {
		cache = compose.NewCache()
	}
	return compose.Library{UserDir: j.Templates, BaseDir: j.Dir, Cache: cache}
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
	return loadJob(j, templates(j, nil))
}

// loadJob is LoadJob with the library the job's templates are found in.
func loadJob(j *job.Job, lib compose.Library) (*Loaded, error) {
	vocab, err := plan.NewVocabulary(j.Statuses)
	if err != nil {
		return nil, fmt.Errorf("%s: statuses: %w", j.File, err)
	}
	l := &Loaded{Job: j, templates: lib}
	// The plan and every update workbook are read concurrently, each into
	// its own problem list; the lists are joined in the order of a
	// one-after-another read, so messages come out the same every time.
	type read struct {
		ret   sheet.Return
		probs plan.Problems
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
				r.ret = sheet.ReadReturn(f, u.Period, vocab, &r.probs)
			}()
		}
	}
	p, readings := sheet.ReadPlanReadings(j.Plan, vocab, &l.Problems)
	l.Readings = readings
	wg.Wait()
	p.Title, p.Organisation, p.AsAt, p.Statuses = j.Title, j.Organisation, j.AsAt, vocab
	p.Baseline = j.PlanPeriod
	if p.Baseline != "" {
		p.Periods = append(p.Periods, p.Baseline)
	}
	var updates []plan.Update
	var narrative []plan.IssueUpdate
	next := 0
	for _, u := range j.Updates {
		if !containsString(p.Periods, u.Period) {
			p.Periods = append(p.Periods, u.Period)
		}
		for _, s := range u.Skipped {
			l.Notes = append(l.Notes, fmt.Sprintf("%s: skipped (the lock file of a workbook open in a spreadsheet program)", s))
		}
		for _, d := range u.Dangling {
			l.Problems.Warnf(plan.Loc{File: d.Name}, "is a link to %q, which does not exist: skipped", d.Target)
		}
		for _, g := range u.Unmatched {
			l.Notes = append(l.Notes, fmt.Sprintf("%s: no returns yet for %s (%q matches no workbook; the block is optional)", j.File, u.Period, g))
		}
		var block []plan.Update
		for range u.Files {
			r := files[next]
			next++
			block = append(block, r.ret.Updates...)
			narrative = append(narrative, r.ret.Issues...)
			l.Problems.Add(r.probs)
			l.Readings = append(l.Readings, r.ret.Readings...)
		}
		updates = append(updates, setAside(p, j, u, block, &l.Problems)...)
	}
	p.Current = j.Period
	if p.Current != "" && len(p.Periods) > 0 && !containsString(p.Periods, p.Current) {
		l.Problems.Errorf(plan.Loc{File: j.File}, "period %q has no [[updates]] (periods: %s)", p.Current, strings.Join(p.Periods, ", "))
	}
	plan.Merge(p, updates, &l.Problems)
	plan.MergeNarrative(p, narrative, &l.Problems)
	extend(p, j, &l.Problems)
	l.Plan = p
	approve(l, j)
	earlyRequests(p, &l.Problems)
	plan.CheckRevisions(p, &l.Problems)
	p.Derive()
	l.Plan = p
	staleNarrative(l)
	untitledIssues(l)
	return l, nil
}

// earlyRequests warns about each request for a new target, not yet
// decided, whose date is not after the action's current target: an
// extension asks for more time, so an earlier date is most likely a slip
// in the return (a year typed wrong), which the committee should not be
// asked to agree as written.
func earlyRequests(p *plan.Plan, probs *plan.Problems) {
	for _, period := range p.Periods {
		for _, rq := range p.Requests(period) {
			if rq.Agreed != nil || rq.Refused != nil || rq.From.Due.IsZero() || rq.From.Due.Before(rq.Requested.Due) {
				continue
			}
			probs.Warnf(rq.Source, "action %q: the new target asked for in the return for %s, %s, is not after its current target, %s: an extension asks for a later date, so check the date with the officer", rq.Action.Ref, period, rq.Requested.Due.Long(), rq.From.Due.Long())
		}
	}
}

// outputsShowing are the job's outputs whose template mentions field (see
// compose.Template.Mentions). A template that cannot be loaded is left out:
// it is reported when composing.
func outputsShowing(l *Loaded, field string) []job.Output {
	var out []job.Output
	for _, o := range l.Job.Outputs {
		if t, err := l.templates.Load(o.Template); err == nil && t.Mentions(field) {
			out = append(out, o)
		}
	}
	return out
}

// untitledIssues warns, for each output whose template prints an issue's
// title, about each of its issues that has none (a plan with no issue
// column and no issue title row): the paper's heading for it would name no
// issue, and a table column of issue titles would be blank. One warning
// per output and issue, naming the output and the fix.
func untitledIssues(l *Loaded) {
	j, p := l.Job, l.Plan
	for _, o := range outputsShowing(l, "Issue.Title") {
		for _, is := range p.Issues {
			if !selected(is, o.Issues) || strings.TrimSpace(is.Title) != "" {
				continue
			}
			loc := is.Source
			if loc.File == "" {
				loc = plan.Loc{File: j.File}
			}
			which := "its actions have no governance issue"
			if is.ID != "" {
				which = fmt.Sprintf("issue %q has no title", is.ID)
			}
			l.Problems.Warnf(loc, "%s prints each governance issue's title, but %s, so the paper leaves the issue's title blank (or prints its heading with no title). Map a column to the issue's title (columns.issue_title = [\"…\"] under [plan.actions] in the job), or put the issue in a title row above the table (\"Governance Issue: …\"); see docs/reading.md", o.Name(), which)
		}
	}
}

// extend applies the job's [[extensions]]: each agreed new target becomes
// a revision of its action, as a revised target in the plan does. An
// extension for an action not in the plan is an error naming the nearest
// ref.
func extend(p *plan.Plan, j *job.Job, probs *plan.Problems) {
	if len(j.Extensions) == 0 {
		return
	}
	var refs []string
	for _, a := range p.Actions() {
		refs = append(refs, a.Ref)
	}
	for _, e := range j.Extensions {
		if e.Ref == "" || e.Target.IsZero() {
			continue // the job has reported it
		}
		a := p.Action(e.Ref)
		if a == nil {
			msg := fmt.Sprintf("[[extensions]] number %d: action %q is not in the plan", e.Index, e.Ref)
			if m := suggest.Message(e.Ref, refs, ""); m != "" {
				msg += ": " + m
			}
			probs.Errorf(plan.Loc{File: j.File}, "%s", msg)
			continue
		}
		a.Revise(plan.Revision{Target: e.Target, Agreed: e.Agreed, By: e.By, Period: e.Period, At: plan.Loc{File: j.File}})
	}
}

// staleNarrative warns, for each output whose template shows an issue's
// overall prospect, about each of its issues whose prospect is older than
// the output's own period: the paper says so, but the governance officer
// will usually want the issue's lead to update it.
func staleNarrative(l *Loaded) {
	p := l.Plan
	for _, o := range outputsShowing(l, "Prospect") {
		period := o.Period
		if period == "" {
			period = p.Current
		}
		for _, is := range p.Issues {
			if !selected(is, o.Issues) {
				continue
			}
			n := p.NarrativeAt(is, period)
			if !compose.NarrativeStale(p, n.Prospect, n.ProspectFrom, period) {
				continue
			}
			from := "recorded in the plan"
			if n.ProspectFrom != "" {
				from = "last updated in " + n.ProspectFrom
			}
			l.Problems.Warnf(is.Source, "%s reports %s, but the overall prospect of issue %q was %s; the paper says so. An \"Issues\" sheet in a return for %s can update it", o.Name(), period, is.ID, from, period)
		}
	}
}

// selected reports whether an output that names issues (by ID or title;
// none means all) includes is.
func selected(is *plan.Issue, names []string) bool {
	if len(names) == 0 {
		return true
	}
	for _, n := range names {
		if plan.Key(n) == plan.Key(is.ID) || plan.Key(n) == plan.Key(is.Title) {
			return true
		}
	}
	return false
}

// setAside takes out of one [[updates]] block's updates the rows its ignore
// list names, recording each in the plan's SetAside with its reason. An
// ignore entry that matches no row is a warning: the job may name the
// wrong ref, or the officer may have corrected the return.
func setAside(p *plan.Plan, j *job.Job, u job.Updates, us []plan.Update, probs *plan.Problems) []plan.Update {
	if len(u.Ignore) == 0 {
		return us
	}
	reason := map[string]string{}
	used := map[string]bool{}
	for _, ig := range u.Ignore {
		reason[plan.RefKey(ig.Ref)] = ig.Reason
	}
	kept := us[:0:0]
	for _, x := range us {
		k := plan.RefKey(x.Ref)
		if r, ok := reason[k]; ok {
			used[k] = true
			p.SetAside = append(p.SetAside, plan.SetAside{Period: x.Period, Ref: x.Ref, Reason: r, Source: x.Source})
			continue
		}
		kept = append(kept, x)
	}
	for _, ig := range u.Ignore {
		if !used[plan.RefKey(ig.Ref)] {
			probs.Warnf(plan.Loc{File: j.File}, "[[updates]] number %d (%s): ignore names action %q, but no return for %s has a row for it", u.Index, u.Period, ig.Ref, u.Period)
		}
	}
	return kept
}

// Check loads the job and prints its summary and every problem to w. It
// returns an error wrapping ErrProblems when there are errors.
func Check(w io.Writer, jobPath string) error {
	return check(w, jobPath, false)
}

// CheckVerbose is Check that first prints, for each table read, what each
// column was read as, which rows were read, and every row or cell not read
// with the reason (`agsreport check -v`).
func CheckVerbose(w io.Writer, jobPath string) error {
	return check(w, jobPath, true)
}

func check(w io.Writer, jobPath string, verbose bool) error {
	j, err := job.Load(jobPath)
	if err != nil {
		return err
	}
	lib := templates(j, nil)
	if err := preflight(j, j.OutputDir, lib); err != nil {
		return err
	}
	l, err := loadJob(j, lib)
	if err != nil {
		return err
	}
	if verbose {
		// The readings already show each sheet's notes, under the sheet.
		fmt.Fprint(w, ReadingsText(l))
		fmt.Fprint(w, summary(l, false))
	} else {
		fmt.Fprint(w, Summary(l))
	}
	if l.Problems.Errors() > 0 {
		return fmt.Errorf("%s: %d error(s): %w", jobPath, l.Problems.Errors(), ErrProblems)
	}
	return nil
}

// Summary is the short account `agsreport check` prints: counts of issues,
// actions and statuses and overdue actions; then, for each period of
// returns, each lead officer with actions open before it and which of those
// have no update; rows the job set aside; then every problem with where it
// is.
func Summary(l *Loaded) string {
	return summary(l, true)
}

// summary is Summary; readingNotes says whether to list the notes of the
// sheets read (check -v shows them under each sheet instead, once).
func summary(l *Loaded, readingNotes bool) string {
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
	var overdue []string
	for _, a := range actions {
		if a.Facts.Overdue {
			overdue = append(overdue, a.Ref)
		}
	}
	if !p.AsAt.IsZero() {
		w("%-28s %d%s", "overdue actions", len(overdue), list(overdue))
	}
	notRead := 0
	for _, rd := range l.Readings {
		notRead += rd.NotRead()
	}
	if notRead > 0 {
		w("%-28s %d (titles, keys, notes, rows left out; agsreport check -v shows each with the reason)", "rows not read", notRead)
	}
	for _, rd := range l.Readings {
		if !readingNotes {
			break
		}
		for _, n := range rd.Notes {
			w("note: %s", n)
		}
	}
	for _, per := range l.Job.Periods() {
		if per != l.Job.PlanPeriod { // the plan's own period has no returns
			b.WriteString(quarterReturns(p, per))
			b.WriteString(extensionRequests(p, per))
		}
	}
	if len(p.SetAside) > 0 {
		w("")
		w("rows of returns set aside by the job:")
		for _, x := range p.SetAside {
			w("  %s: %s: action %q: %s", x.Period, x.Source, x.Ref, x.Reason)
		}
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

// quarterReturns is the account of one period's returns: for each lead
// officer with actions open before the period, how many of those actions
// have an update for it, and which do not.
func quarterReturns(p *plan.Plan, period string) string {
	var b strings.Builder
	expected := returns.Plan(p, period)
	type officer struct {
		name    string
		n       int
		missing []string
	}
	var rows []officer
	full, part, none := 0, 0, 0
	for _, r := range expected {
		o := officer{name: r.Officer, n: len(r.Actions)}
		for _, a := range r.Actions {
			if a.UpdateFor(period) == nil {
				o.missing = append(o.missing, a.Ref)
			}
		}
		switch len(o.missing) {
		case 0:
			full++
		case o.n:
			none++
		default:
			part++
		}
		rows = append(rows, o)
	}
	fmt.Fprintf(&b, "\nreturns for %s: %s with open actions; %d returned in full, %d in part, %d not at all\n",
		period, plural(len(expected), "lead officer"), full, part, none)
	if len(expected) > 0 {
		b.WriteString("  actions updated, of those open, by lead officer:\n")
	}
	for _, o := range rows {
		got := o.n - len(o.missing)
		line := fmt.Sprintf("  %3d of %-3d %s", got, o.n, o.name)
		if len(o.missing) > 0 {
			line += ": no update for" + list(o.missing)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// extensionRequests lists the new target dates officers ask for in the
// returns for period: ref, lead, current target → requested date, reason,
// and whether the job (or the plan) has agreed it. It is "" when there are
// none.
func extensionRequests(p *plan.Plan, period string) string {
	rqs := p.Requests(period)
	if len(rqs) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "  extensions requested in %s: %d\n", period, len(rqs))
	for _, rq := range rqs {
		lead := rq.Action.Lead
		if lead == "" {
			lead = rq.Officer
		}
		line := fmt.Sprintf("    %s (%s): %s → %s", rq.Action.Ref, lead, rq.From.DueText(), rq.Requested.DueText())
		if rq.Reason != "" {
			line += fmt.Sprintf(" — %q", rq.Reason)
		}
		switch {
		case rq.Agreed != nil:
			line += "; " + rq.Agreed.AgreedNote()
		case rq.Refused != nil:
			line += "; " + rq.Refused.Note()
		default:
			line += "; not agreed yet (record the decision in an approvals sheet — agsreport approvals — or agree it with an [[extensions]] block in the job)"
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// ReadingsText writes the account of every table read, as `agsreport
// check -v` prints it before the summary.
func ReadingsText(l *Loaded) string {
	var b strings.Builder
	for _, rd := range l.Readings {
		b.WriteString(rd.Text())
		b.WriteString("\n")
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
