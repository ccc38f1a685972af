package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/agsreport/agsreport/internal/approvals"
	"github.com/agsreport/agsreport/internal/job"
	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/returns"
	"github.com/agsreport/agsreport/internal/safefs"
	"github.com/agsreport/agsreport/internal/sheet"
	"github.com/agsreport/agsreport/internal/suggest"
)

// approve reads the job's approvals sheets and applies their decisions to
// the requests for new targets in the returns: an agreed request becomes a
// revision of its action's target, with the date it was agreed and who
// agreed it; a refused one is recorded as refused; an undecided one stays
// a request. Every cell of a row ends in the plan or in a located message:
// a ref not in the plan, a period the job does not know, a row that
// answers no request (or a different date) and an agreement with no date
// are errors; a lead, target, reason or officer that is not what the
// request says, and a date or name given with no decision, are warnings
// quoting the cell.
func approve(l *Loaded, j *job.Job) {
	p := l.Plan
	var refs []string
	for _, a := range p.Actions() {
		refs = append(refs, a.Ref)
	}
	// decided is where each request was decided, by period and ref, so
	// that a second row deciding it (a row copied, two sheets) is an error
	// naming both, never taken for the job's [[extensions]].
	decided := map[string]plan.Loc{}
	for _, spec := range j.Approvals {
		rows, rd := sheet.ReadApprovals(spec, &l.Problems)
		if rd != nil {
			l.Readings = append(l.Readings, rd)
		}
		for _, ap := range rows {
			applyApproval(p, j, ap, refs, decided, &l.Problems)
		}
	}
}

// applyApproval applies one row of an approvals sheet (see approve).
func applyApproval(p *plan.Plan, j *job.Job, ap plan.Approval, refs []string, decided map[string]plan.Loc, probs *plan.Problems) {
	a := p.Action(ap.Ref)
	if a == nil {
		msg := fmt.Sprintf("action %q is not in the plan", ap.Ref)
		if m := suggest.Message(ap.Ref, refs, ""); m != "" {
			msg += ": " + m
		}
		probs.Errorf(ap.At["ref"], "%s", msg)
		return
	}
	if ap.Period == "" {
		probs.Errorf(ap.At["period"], "the request for %s names no period: give the period of the return that asked (%s)", ap.Ref, strings.Join(j.Periods(), ", "))
		return
	}
	if !j.KnowsPeriod(ap.Period) {
		probs.Errorf(ap.At["period"], "period %q is not a period of this job (%s)", ap.Period, strings.Join(j.Periods(), ", "))
		return
	}
	rq, ok := a.Request(ap.Period)
	switch {
	case !ok:
		probs.Errorf(ap.Source, "no return for %s asks for a new target for %s, so there is nothing to decide: remove the row, or check the ref and period", ap.Period, ap.Ref)
		return
	case ap.Requested.IsZero() || ap.Requested.Due != rq.Requested.Due:
		probs.Errorf(ap.At["requested"], "the row is about %q, but the return for %s asks for %s for %s: write the approvals sheet again (agsreport approvals) and copy the decision across",
			ap.Requested.Text, ap.Period, rq.Requested.DueText(), ap.Ref)
		return
	}
	for _, c := range []struct{ field, got, want, what string }{
		{"lead", ap.Lead, a.Lead, "the action's lead"},
		{"current", ap.Current, rq.From.Text, "the target the request moves"},
		{"reason", ap.Reason, rq.Reason, "the reason the return gives"},
		{"officer", ap.Officer, rq.Officer, "who the return says asked"},
	} {
		if c.got != "" && plan.Key(c.got) != plan.Key(c.want) && (c.field != "current" || plan.Key(c.got) != plan.Key(rq.From.DueText())) {
			probs.Warnf(ap.At[c.field], "%q is not %s (%q); the return's is used", c.got, c.what, c.want)
		}
	}
	if ap.Decision == approvals.Yes || ap.Decision == approvals.No {
		key := plan.Key(ap.Period) + "\x00" + plan.RefKey(a.Ref)
		if first, dup := decided[key]; dup {
			probs.Errorf(ap.At["agreed"], "a second decision on the request for %s in %s (the first is at %s): keep one row for each request", ap.Ref, ap.Period, first)
			return
		}
		decided[key] = ap.At["agreed"]
	}
	switch ap.Decision {
	case approvals.Yes:
		if ap.On.IsZero() {
			probs.Errorf(ap.At["agreed_on"], "the request for %s is agreed with no date: give the date it was agreed under %q", ap.Ref, approvals.ColOn)
			return
		}
		if rq.Agreed != nil {
			probs.Warnf(ap.At["agreed"], "the request for %s to move its target to %s is already agreed (%s) in the job's [[extensions]]; it is not agreed twice", ap.Ref, rq.Requested.DueText(), rq.Agreed.AgreedNote())
			return
		}
		a.Revise(plan.Revision{Target: rq.Requested, Agreed: ap.On, By: ap.By, Period: ap.Period, At: ap.Source, AgreedAt: ap.At["agreed_on"]})
	case approvals.No:
		if rq.Agreed != nil {
			probs.Errorf(ap.At["agreed"], "the request for %s is refused here but agreed in the job's [[extensions]] (%s): say which", ap.Ref, rq.Agreed.AgreedNote())
			return
		}
		a.Refusals = append(a.Refusals, plan.Refusal{Period: ap.Period, Requested: rq.Requested, On: ap.On, By: ap.By})
	default:
		if !ap.On.IsZero() {
			probs.Warnf(ap.At["agreed_on"], "a date, %s, with no decision under %q: the request for %s stays undecided", ap.On.Long(), approvals.ColAgreed, ap.Ref)
		}
		if ap.By != "" {
			probs.Warnf(ap.At["agreed_by"], "%q with no decision under %q: the request for %s stays undecided", ap.By, approvals.ColAgreed, ap.Ref)
		}
	}
}

// ApprovalsOptions are the options of `agsreport approvals`.
type ApprovalsOptions struct {
	Output string // the workbook to write; default: the job's output folder, approvals/
	Period string // the period whose requests it lists; default the job's period
	// FS is the file system the workbook is written through; nil is the
	// real one.
	FS safefs.FS
}

// Approvals writes the approvals sheet for a period: every request for a
// new target in the period's returns that is not yet agreed or refused,
// with columns for the decision. It never writes over a file: when the
// workbook is already there (a governance officer may have filled it in)
// nothing is written, unless it holds exactly what would be written.
func Approvals(w io.Writer, jobPath string, opts ApprovalsOptions) error {
	l, period, err := loadForPeriod(w, jobPath, opts.Period, "approvals")
	if err != nil {
		return err
	}
	if !l.Job.KnowsPeriod(period) {
		return &UsageError{Msg: fmt.Sprintf("period %q is not a period of %s (%s)", period, jobPath, strings.Join(l.Job.Periods(), ", "))}
	}
	var open []plan.Request
	for _, rq := range l.Plan.Requests(period) {
		if rq.Agreed == nil && rq.Refused == nil {
			open = append(open, rq)
		}
	}
	if len(open) == 0 {
		fmt.Fprintf(w, "no requests for a new target waiting for a decision in the returns for %s: nothing written\n", period)
		return nil
	}
	path := opts.Output
	if path == "" {
		path = filepath.Join(l.Job.OutputDir, "approvals", "Extension requests - "+returns.SafeName(period)+".xlsx")
	}
	if err := safefs.ValidPath(path); err != nil {
		return err
	}
	if err := notInputs(l.Job, []string{path}, func(int) string { return "the approvals sheet" }); err != nil {
		return err
	}
	o := approvals.Options{Period: period, Title: l.Job.Title, Org: l.Job.Organisation}
	if !l.Plan.AsAt.IsZero() {
		o.Date = l.Plan.AsAt.Time()
	}
	data, err := approvals.Workbook(open, o)
	if err != nil {
		return fmt.Errorf("the approvals sheet: %w", err)
	}
	same, err := sameContent(path, data, "the approvals sheet")
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case same:
		fmt.Fprintf(w, "unchanged %s (%s)\n", path, plural(len(open), "request"))
		return nil
	default:
		return fmt.Errorf("%s already exists and differs from what would be written (decisions may have been recorded in it), so nothing was written: name another file with -o, or move it away first", path)
	}
	b, err := safefs.Begin(opts.FS, filepath.Dir(path), safefs.Options{})
	if err != nil {
		return err
	}
	if err := writeAll(b, filepath.Base(path), data); err != nil {
		b.Abort()
		return fmt.Errorf("writing %s: %w; nothing was written", path, err)
	}
	if err := b.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s (%s); record the decisions in it and name it in the job: approvals = [%q]\n", path, plural(len(open), "request"), filepath.ToSlash(relTo(l.Job.Dir, path)))
	return nil
}

// relTo returns path relative to dir when it can, else path.
func relTo(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil {
		return r
	}
	return path
}
