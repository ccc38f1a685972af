package plan

import "strings"

// Merge folds progress updates onto the plan's actions and reports what does
// not fit, each problem located where the update was read:
//
//   - an update for a ref the plan does not have is an error (the officer's
//     text would otherwise be lost);
//   - two updates for one action in one period are an error;
//   - an update with progress text but no status is a warning, for an
//     action tracked by status (one with a status in the plan or before):
//     the action keeps its last status, and papers say as at when;
//   - an update with a status but no progress text is a warning: papers
//     show the new status and the earlier text labelled with its period.
//
// An action with no update for a period is not a problem of the data: it
// is a fact of the quarter (Facts.NoReturn), which `check` and the papers
// report.
//
// When the plan has a Baseline period, the plan's own status and progress
// become each action's update for it (marked Baseline), before any other.
// Updates must already carry statuses from the vocabulary (readers warn about
// unknown ones and leave Status empty). The plan's Periods give the order of
// each action's history; an update for a period not in Periods is appended
// to it. After merging, each action's Status and Progress are those of its
// latest update up to the current period.
func Merge(p *Plan, updates []Update, probs *Problems) {
	byRef := map[string]*Action{}
	if p.Baseline != "" && !containsString(p.Periods, p.Baseline) {
		p.Periods = append([]string{p.Baseline}, p.Periods...)
	}
	for _, a := range p.Actions() {
		byRef[RefKey(a.Ref)] = a
		a.PlanStatus, a.PlanProgress = a.Status, a.Progress
		if p.Baseline != "" {
			a.History = append(a.History, Update{Period: p.Baseline, Ref: a.Ref, Status: a.Status,
				Progress: a.Progress, Officer: a.Lead, Source: a.Source, Baseline: true})
		}
	}
	seen := map[string]Loc{} // period + ref → where first seen
	for _, u := range updates {
		if !containsString(p.Periods, u.Period) {
			p.Periods = append(p.Periods, u.Period)
		}
		a := byRef[RefKey(u.Ref)]
		if a == nil {
			probs.Errorf(u.Source, "action %q is not in the plan: correct the ref in the return, or set the row aside with ignore = [{ref = %q, reason = \"…\"}] in the job's [[updates]] block for %s", u.Ref, u.Ref, u.Period)
			continue
		}
		key := u.Period + "\x00" + RefKey(u.Ref)
		if first, dup := seen[key]; dup {
			probs.Errorf(u.Source, "a second update for action %q in %s (the first is at %s)", a.Ref, u.Period, first)
			continue
		}
		seen[key] = u.Source
		switch {
		case u.Status == "" && strings.TrimSpace(u.Progress) != "" && tracksStatus(a):
			probs.Warnf(u.Source, "the update for action %q has progress text but no status: the action keeps its last status, shown as at its period", a.Ref)
		case u.Status != "" && strings.TrimSpace(u.Progress) == "":
			probs.Warnf(u.Source, "the update for action %q has a status but no progress text: the papers show the earlier text with its period", a.Ref)
		}
		a.History = append(a.History, u)
	}
	order := map[string]int{}
	for i, per := range p.Periods {
		order[per] = i
	}
	if p.Current == "" && len(p.Periods) > 0 {
		p.Current = p.Periods[len(p.Periods)-1]
	}
	for _, a := range p.Actions() {
		sortUpdates(a.History, order)
		a.Status, a.Progress, _ = p.StateAt(a, p.Current)
	}
}

func sortUpdates(us []Update, order map[string]int) {
	for i := 1; i < len(us); i++ {
		for j := i; j > 0 && order[us[j].Period] < order[us[j-1].Period]; j-- {
			us[j], us[j-1] = us[j-1], us[j]
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tracksStatus reports whether the action has been given a status, in the
// plan or in an earlier update, so that an update without one is a slip.
func tracksStatus(a *Action) bool {
	if a.Status != "" {
		return true
	}
	for _, u := range a.History {
		if u.Status != "" {
			return true
		}
	}
	return false
}

// MergeNarrative folds the issue narrative that returns give (description
// and overall prospect as at a period) onto the plan's issues, in period
// order. An update naming no issue of the plan (by ID or title) is an
// error, and so is a second update for one issue in one period.
func MergeNarrative(p *Plan, updates []IssueUpdate, probs *Problems) {
	order := map[string]int{}
	for i, per := range p.Periods {
		order[per] = i
	}
	seen := map[string]Loc{}
	for _, u := range updates {
		var is *Issue
		for _, x := range p.Issues {
			if Key(x.ID) == Key(u.Issue) || (x.Title != "" && Key(x.Title) == Key(u.Issue)) {
				is = x
				break
			}
		}
		if is == nil {
			probs.Errorf(u.Source, "issue %q is not in the plan", u.Issue)
			continue
		}
		key := u.Period + "\x00" + Key(is.ID)
		if first, dup := seen[key]; dup {
			probs.Errorf(u.Source, "a second update of issue %q's narrative for %s (the first is at %s)", is.ID, u.Period, first)
			continue
		}
		seen[key] = u.Source
		is.Narrative = append(is.Narrative, u)
	}
	for _, is := range p.Issues {
		n := is.Narrative
		for i := 1; i < len(n); i++ {
			for j := i; j > 0 && order[n[j].Period] < order[n[j-1].Period]; j-- {
				n[j], n[j-1] = n[j-1], n[j]
			}
		}
	}
}
