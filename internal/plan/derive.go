package plan

import "strings"

// Change is how an action's status moved since the previous period.
type Change int

// Changes, as a committee reads them.
const (
	Unchanged Change = iota
	Better
	Worse
	Completed // closed this period, having been open before
	New       // first reported this period
)

func (c Change) String() string {
	return [...]string{"unchanged", "better", "worse", "completed", "new"}[c]
}

// Facts are what Derive works out for an action in the current period.
type Facts struct {
	Overdue    bool   // due date before the as-at date and not closed
	NoReturn   bool   // no update received for the current period
	Change     Change // against the previous period
	PrevStatus string // status in the previous period with an update, or ""
	PrevPeriod string // that period
	// Retargeted is true when a revision of the action's target was agreed
	// in the period (an extension the job records with that period);
	// WasTarget is then the target it replaced and NewTarget the one
	// agreed (the last, when several were).
	Retargeted           bool
	WasTarget, NewTarget Target
	// NewText is true when the period's update gives progress text that
	// differs (beyond spacing) from the text as at the period before. It
	// is false for an action new this period (Change says so) and in the
	// first period, which has nothing before it.
	NewText bool
}

// Derive sets each action's Facts for the plan's current period.
func (p *Plan) Derive() {
	for _, a := range p.Actions() {
		a.Facts = p.FactsAt(a, p.Current)
	}
}

// FactsAt works out the action's facts for a period against the period
// before it. Statuses that are better or worse come from the order of the
// vocabulary. An action whose target has no date ("As required") is never
// overdue; nor is a closed one.
func (p *Plan) FactsAt(a *Action, period string) Facts {
	f := Facts{}
	idx := p.periodIndex(period)
	status, _, cur := p.StateAt(a, period)
	closed := p.Statuses != nil && p.Statuses.Closed(status)
	if !a.Target.Due.IsZero() && !p.AsAt.IsZero() && a.Target.Due.Before(p.AsAt) && !closed {
		f.Overdue = true
	}
	var prev *Update
	for i := idx - 1; i >= 0 && prev == nil; i-- {
		prev = a.UpdateFor(p.Periods[i])
	}
	if prev != nil {
		f.PrevStatus, f.PrevPeriod = prev.Status, prev.Period
	}
	// An action closed before the period (in an earlier return, or in the
	// plan itself) owes no return.
	before := a.PlanStatus
	if idx > 0 {
		before, _, _ = p.StateAt(a, p.Periods[idx-1])
	}
	f.NoReturn = idx >= 0 && cur == nil && !(p.Statuses != nil && p.Statuses.Closed(before))
	f.WasTarget, f.NewTarget, f.Retargeted = a.RevisedIn(period)
	switch {
	case cur == nil || p.Statuses == nil:
		f.Change = Unchanged
	case prev == nil && idx > 0:
		f.Change = New
	case prev == nil:
		f.Change = Unchanged
	case p.Statuses.Closed(cur.Status) && !p.Statuses.Closed(prev.Status):
		f.Change = Completed
	default:
		rc, rp := p.Statuses.Rank(cur.Status), p.Statuses.Rank(prev.Status)
		switch {
		case rc < 0 || rp < 0 || rc == rp:
			f.Change = Unchanged
		case rc < rp:
			f.Change = Better
		default:
			f.Change = Worse
		}
	}
	if cur != nil && idx > 0 && f.Change != New && strings.TrimSpace(cur.Progress) != "" {
		_, before, _ := p.StateAt(a, p.Periods[idx-1])
		f.NewText = strings.Join(strings.Fields(cur.Progress), " ") != strings.Join(strings.Fields(before), " ")
	}
	return f
}

// RevisedIn reports whether a revision of the action's target was agreed
// in the period (an extension recorded with that period), with the target
// in force before the first such revision and the one the last agreed.
func (a *Action) RevisedIn(period string) (was, now Target, ok bool) {
	if period == "" {
		return Target{}, Target{}, false
	}
	for i, r := range a.Revisions {
		if r.Period == "" || Key(r.Period) != Key(period) {
			continue
		}
		if !ok {
			was, ok = a.Original, true
			if i > 0 {
				was = a.Revisions[i-1].Target
			}
		}
		now = r.Target
	}
	return was, now, ok
}
