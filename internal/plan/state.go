package plan

// StateAt returns the action's status and progress text as they stood in
// the given period: the plan's own values, overtaken by each update up to
// and including that period. It also returns that period's update, or nil
// when none was received. An empty period means the plan's current period.
func (p *Plan) StateAt(a *Action, period string) (status, progress string, u *Update) {
	st := p.StateOf(a, period)
	return st.Status, st.Progress, st.Update
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

// State is an action's state as at a period, with where each part came
// from, so that a paper can name the period of anything not reported in it.
type State struct {
	Status   string
	Progress string
	// StatusFrom and ProgressFrom are the periods the status and the text
	// were last given in; "" when they are the plan's own values and the
	// plan names no period (Plan.Baseline).
	StatusFrom   string
	ProgressFrom string
	Update       *Update // the period's own update, or nil
}

// StateOf is StateAt with the period each value came from.
func (p *Plan) StateOf(a *Action, period string) State {
	if period == "" {
		period = p.Current
	}
	s := State{Status: a.PlanStatus, Progress: a.PlanProgress}
	limit := p.periodIndex(period)
	for i := range a.History {
		h := &a.History[i]
		if limit >= 0 && p.periodIndex(h.Period) > limit {
			break
		}
		if h.Status != "" {
			s.Status, s.StatusFrom = h.Status, h.Period
		}
		if h.Progress != "" {
			s.Progress, s.ProgressFrom = h.Progress, h.Period
		}
		if h.Period == period {
			s.Update = h
		}
	}
	return s
}

// IssueState is an issue's narrative as at a period, with the period each
// part was last given in ("" for the plan's own text when the plan names no
// period, and the plan's period when it does).
type IssueState struct {
	Description, DescriptionFrom string
	Prospect, ProspectFrom       string
}

// NarrativeAt returns the issue's description and overall prospect as they
// stood in the period: the plan's own, overtaken by each period's update up
// to and including it.
func (p *Plan) NarrativeAt(is *Issue, period string) IssueState {
	if period == "" {
		period = p.Current
	}
	s := IssueState{Description: is.Description, Prospect: is.Prospect,
		DescriptionFrom: p.Baseline, ProspectFrom: p.Baseline}
	limit := p.periodIndex(period)
	for _, u := range is.Narrative {
		if limit >= 0 && p.periodIndex(u.Period) > limit {
			break
		}
		if u.Description != "" {
			s.Description, s.DescriptionFrom = u.Description, u.Period
		}
		if u.Prospect != "" {
			s.Prospect, s.ProspectFrom = u.Prospect, u.Period
		}
	}
	return s
}

// Before reports whether period a comes before period b in the plan's
// periods; false when either is not one of them.
func (p *Plan) Before(a, b string) bool {
	i, j := p.periodIndex(a), p.periodIndex(b)
	return i >= 0 && j >= 0 && i < j
}
