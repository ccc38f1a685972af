package plan

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
}

// Derive works out each action's facts for the current period against the
// previous one. Statuses that are better or worse come from the order of the
// vocabulary. An action whose target has no date ("As required") is never
// overdue.
func (p *Plan) Derive() {
	prevIndex := -1
	for i, per := range p.Periods {
		if per == p.Current {
			prevIndex = i - 1
		}
	}
	for _, a := range p.Actions() {
		f := Facts{}
		closed := p.Statuses != nil && p.Statuses.Closed(a.Status)
		if !a.Target.Due.IsZero() && !p.AsAt.IsZero() && a.Target.Due.Before(p.AsAt) && !closed {
			f.Overdue = true
		}
		cur := a.UpdateFor(p.Current)
		f.NoReturn = len(p.Periods) > 0 && cur == nil && !closedBefore(p, a)
		var prev *Update
		for i := prevIndex; i >= 0 && prev == nil; i-- {
			prev = a.UpdateFor(p.Periods[i])
		}
		if prev != nil {
			f.PrevStatus, f.PrevPeriod = prev.Status, prev.Period
		}
		switch {
		case cur == nil:
			f.Change = Unchanged
		case prev == nil && prevIndex >= 0:
			f.Change = New
		case prev == nil:
			f.Change = Unchanged
		case p.Statuses == nil:
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
		a.Facts = f
	}
}

// closedBefore reports whether the action was already closed in an earlier
// period, so that no further return is expected of it.
func closedBefore(p *Plan, a *Action) bool {
	if p.Statuses == nil {
		return false
	}
	for i := len(a.History) - 1; i >= 0; i-- {
		u := a.History[i]
		if u.Period == p.Current {
			continue
		}
		return p.Statuses.Closed(u.Status)
	}
	return false
}
