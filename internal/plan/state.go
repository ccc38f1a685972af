package plan

// StateAt returns the action's status and progress text as they stood in
// the given period: the plan's own values, overtaken by each update up to
// and including that period. It also returns that period's update, or nil
// when none was received. An empty period means the plan's current period.
func (p *Plan) StateAt(a *Action, period string) (status, progress string, u *Update) {
	if period == "" {
		period = p.Current
	}
	status, progress = a.PlanStatus, a.PlanProgress
	limit := p.periodIndex(period)
	for i := range a.History {
		h := &a.History[i]
		if limit >= 0 && p.periodIndex(h.Period) > limit {
			break
		}
		if h.Status != "" {
			status = h.Status
		}
		if h.Progress != "" {
			progress = h.Progress
		}
		if h.Period == period {
			u = h
		}
	}
	return status, progress, u
}

// HasPeriod reports whether updates were read for the period.
func (p *Plan) HasPeriod(period string) bool { return p.periodIndex(period) >= 0 }

func (p *Plan) periodIndex(period string) int {
	for i, x := range p.Periods {
		if x == period {
			return i
		}
	}
	return -1
}
