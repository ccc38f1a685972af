package plan

import (
	"strings"
	"unicode/utf8"
)

// Plan is an action plan and what is known of its progress.
type Plan struct {
	Title        string
	Organisation string
	// Periods are the reporting periods in order, oldest first. Current is
	// the period this run reports on; it is one of Periods when any updates
	// were read.
	Periods []string
	Current string
	// Baseline is the period the plan's own status and progress are as at
	// ("" when the plan names none). When set it is Periods[0], and Merge
	// records the plan's values as each action's update for it, so that the
	// first period of returns is compared with the plan.
	Baseline string
	AsAt     Date // the date overdue checks are made against
	Statuses *Vocabulary
	Issues   []*Issue
	// SetAside are rows of returns the job set aside, with its reasons, in
	// the order read; they are in no action's history.
	SetAside []SetAside
}

// SetAside is a row of a return that the job set aside (an [[updates]]
// block's ignore list) instead of having the officer's workbook edited.
type SetAside struct {
	Period string
	Ref    string // as written in the return
	Reason string
	Source Loc
}

// Issue is one governance issue (or, in a CMT plan, one issue under a theme).
type Issue struct {
	ID          string
	Theme       string
	Title       string
	Description string
	Rationale   string
	Lead        string
	Prospect    string // overall prospect narrative
	Action      string // proposed action, for plans that keep it on the issue
	Target      Target
	Extra       Fields

	Outcomes        []*Outcome
	Recommendations []*Recommendation
	Actions         []*Action
	Source          Loc
	// Narrative holds the issue's description and overall prospect as
	// updated in each period's returns, in period order. Description and
	// Prospect above are the plan's own.
	Narrative []IssueUpdate
}

// IssueUpdate is an issue's narrative as a period's returns gave it; an
// empty field leaves the earlier text in place.
type IssueUpdate struct {
	Period      string
	Issue       string // the issue's ID or title as written
	Description string
	Prospect    string
	Source      Loc
}

// Outcome is a strategic outcome that groups actions ("Strategic Outcome 1").
type Outcome struct {
	Number string
	Text   string
}

// Recommendation is a numbered recommendation that several actions answer,
// with the references of the report it came from (R1, R5 …).
type Recommendation struct {
	Number string
	Text   string
	Refs   []string
}

// SpanFields are the action fields whose merged cells in the plan are
// recorded in Action.Merged: lead, target and resources.
var SpanFields = []string{"lead", "target", "resources"}

// Action is one agreed action.
type Action struct {
	Ref            string // as written: "1(ii)", "Action 3"
	Issue          string // the issue's ID
	Outcome        string // the outcome's Number, or ""
	Recommendation string // the recommendation's Number, or ""
	Description    string
	Lead           string
	Target         Target // the current target: the last revised one, if any
	// Original is the target first set when it has since been revised
	// (Revisions lists each revision, oldest first); zero otherwise.
	Original  Target
	Revisions []Revision
	// Refusals are the requests for a new target that were refused, in
	// the order they were read (an approvals sheet's "N").
	Refusals  []Refusal
	Resources string
	Priority  Priority // as the plan gives it; the zero value when none
	Percent   Percent  // percent complete as the plan gives it
	// CarriedFrom is the plan year the action was carried forward from
	// ("2023/24"), as the plan's Carried Forward column gives it; "" for an
	// action new to this year's plan. `agsreport rollover` writes it.
	CarriedFrom string
	// Status and Progress are the action's current state: from the update
	// for the current period when there is one, otherwise as the plan has
	// them. Status is a name from the vocabulary, or "".
	Status   string
	Progress string
	// PlanStatus and PlanProgress are the values the plan itself gave,
	// before any update was merged.
	PlanStatus   string
	PlanProgress string
	History      []Update // one per period with an update, in period order
	Extra        Fields
	Source       Loc
	// Merged records, for the fields of SpanFields, the merged area of the
	// source the value was read from ("Actions!J12:J14") when the plan
	// merges it down over several actions; nil when none is. Papers print
	// such a value once, spanning those actions, as the plan does.
	Merged map[string]string

	// Derived by Derive; not read from any file.
	Facts Facts
}

// Update is one progress update for an action in one period.
type Update struct {
	Period   string
	Ref      string
	Status   string // a name from the vocabulary, or ""
	Progress string
	Officer  string
	Source   Loc
	// Requested is the new target date the officer asks for, zero when
	// none; Reason is why. A request is not a revision until the job
	// accepts it.
	Requested Target
	Reason    string
	// Baseline marks the plan's own values, recorded as the update for the
	// plan's period (Plan.Baseline); Source is then the action's row.
	Baseline bool
}

// Field is a named value from a column the reader did not map, kept so that
// templates can show it.
type Field struct {
	Name  string
	Value string
}

// Fields is an ordered list of extra fields.
type Fields []Field

// Get returns the value of the field whose name matches name ignoring case
// and spacing, and whether there is one.
func (fs Fields) Get(name string) (string, bool) {
	k := Key(name)
	for _, f := range fs {
		if Key(f.Name) == k {
			return f.Value, true
		}
	}
	return "", false
}

// Key folds a name or ref for matching: case, spacing and line breaks are
// ignored, as are leading and trailing punctuation spaces.
//
// Key allocates nothing for a string that is already folded (the usual
// ref, number or lower-case name), and one string for one that differs
// only in ASCII case: it is called for every cell and candidate matched.
func Key(s string) string {
	switch foldState(s) {
	case folded:
		return s
	case upperOnly:
		return strings.ToLower(s)
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Results of foldState.
const (
	folded    = iota // Key(s) == s
	upperOnly        // Key(s) == strings.ToLower(s)
	other            // neither is known
)

// foldState says how far s is from its Key: it is folded when it is ASCII
// with no upper-case letter and its words are separated by single spaces
// with none before or after.
func foldState(s string) int {
	state := folded
	space := true // a space here would lead the string or follow another
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return other
		case c == ' ':
			if space {
				return other
			}
			space = true
		case 'A' <= c && c <= 'Z':
			state, space = upperOnly, false
		default:
			space = false
		}
	}
	if space && s != "" {
		return other // a trailing space
	}
	return state
}

// RefKey folds an action ref for matching: case and all white space are
// ignored, so "1 (ii)" matches "1(ii)".
func RefKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// Issue returns the issue with the given ID (matched with Key), or nil.
func (p *Plan) Issue(id string) *Issue {
	k := Key(id)
	for _, is := range p.Issues {
		if Key(is.ID) == k {
			return is
		}
	}
	return nil
}

// Action returns the action with the given ref (matched with RefKey), or nil.
func (p *Plan) Action(ref string) *Action {
	k := RefKey(ref)
	for _, is := range p.Issues {
		for _, a := range is.Actions {
			if RefKey(a.Ref) == k {
				return a
			}
		}
	}
	return nil
}

// Actions returns every action of the plan in plan order.
func (p *Plan) Actions() []*Action {
	var out []*Action
	for _, is := range p.Issues {
		out = append(out, is.Actions...)
	}
	return out
}

// Outcome returns the issue's outcome with the given number, or nil.
func (is *Issue) Outcome(number string) *Outcome {
	k := Key(number)
	for _, o := range is.Outcomes {
		if Key(o.Number) == k {
			return o
		}
	}
	return nil
}

// Recommendation returns the issue's recommendation with the given number,
// or nil.
func (is *Issue) Recommendation(number string) *Recommendation {
	k := Key(number)
	for _, r := range is.Recommendations {
		if Key(r.Number) == k {
			return r
		}
	}
	return nil
}

// UpdateFor returns the action's update for the period, or nil.
func (a *Action) UpdateFor(period string) *Update {
	for i := range a.History {
		if a.History[i].Period == period {
			return &a.History[i]
		}
	}
	return nil
}
