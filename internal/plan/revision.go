package plan

import "strings"

// Revision is an agreed change to an action's target: the new target, when
// it was agreed and by whom (a committee, a director). An action's Target
// is always its current target; Original keeps the one first set.
type Revision struct {
	Target Target // the revised target
	Agreed Date   // when the revision was agreed; zero when not given
	By     string // who agreed it; "" when not given
	// Period is the period it was agreed in, when the job says so; ""
	// otherwise (and for revisions read from the plan).
	Period string
	// At is where the revision is recorded: the revised target's cell in
	// the plan, the approvals sheet's row, or the job file. AgreedAt is
	// the cell of the date agreed, when that is a cell of its own; zero
	// otherwise (messages about the date then point at At).
	At, AgreedAt Loc
}

// Revise makes r.Target the action's current target, keeping the first
// target as Original and r in Revisions. Overdue is judged on the new
// target once facts are derived.
func (a *Action) Revise(r Revision) {
	if !a.Revised() {
		a.Original = a.Target
	}
	a.Target = r.Target
	a.Revisions = append(a.Revisions, r)
}

// Revised reports whether the action's target has been revised.
func (a *Action) Revised() bool { return !a.Original.IsZero() }

// RevisedNote describes a revised target as committee papers do:
// "Revised: 30 September 2024 (was 31 March 2024; extension agreed 12 June
// 2024 by Audit Committee)". It is "" when the target was never revised.
func (a *Action) RevisedNote() string {
	if !a.Revised() {
		return ""
	}
	s := "Revised: " + a.Target.Shown() + " (was " + a.Original.Shown()
	if len(a.Revisions) > 0 {
		if r := a.Revisions[len(a.Revisions)-1]; !r.Agreed.IsZero() || r.By != "" {
			s += "; extension " + r.AgreedNote()
		}
	}
	return s + ")"
}

// Request is an officer's request, in a return, for a new target date.
type Request struct {
	Action    *Action
	Period    string // the period of the return that asks
	From      Target // the target the officer asked to move
	Requested Target
	Reason    string
	Officer   string
	Source    Loc // the row of the return
	// Agreed is the revision that accepted the request: the first of the
	// action's revisions to the requested date. It is nil while none has.
	Agreed *Revision
	// Refused is the refusal of the request, when it was refused and not
	// agreed; nil otherwise.
	Refused *Refusal
}

// Refusal records that a request for a new target was refused.
type Refusal struct {
	Period    string // the period of the return that asked
	Requested Target // the date asked for
	On        Date   // when it was refused; zero when not given
	By        string // who refused it; "" when not given
}

// Note says when and by whom the request was refused: "refused 12 June
// 2024 by Audit Committee", or as much of that as is known.
func (r Refusal) Note() string { return decided("refused", r.On, r.By) }

// Approval is one decision on a request for a new target, as an
// approvals sheet records it, with where each of its cells is. Decision
// is "Y" (agreed), "N" (refused) or "" (not decided yet).
type Approval struct {
	Ref       string
	Period    string
	Requested Target
	Decision  string
	On        Date
	By        string
	// Lead, Current, Reason and Officer repeat what the request says, as
	// the sheet was written; they are checked against it.
	Lead, Current, Reason, Officer string
	Source                         Loc            // the row
	At                             map[string]Loc // each field's cell, by name
}

// Requests lists the requests for a new target made in the returns for
// period, in plan order.
func (p *Plan) Requests(period string) []Request {
	var out []Request
	for _, a := range p.Actions() {
		if rq, ok := a.Request(period); ok {
			out = append(out, rq)
		}
	}
	return out
}

// Request returns the new target asked for in the action's return for
// period, and whether there is one.
func (a *Action) Request(period string) (Request, bool) {
	for _, u := range a.History {
		if u.Period != period || u.Requested.IsZero() {
			continue
		}
		rq := Request{Action: a, Period: period, From: a.Target, Requested: u.Requested,
			Reason: u.Reason, Officer: u.Officer, Source: u.Source}
		for i := range a.Revisions {
			if a.Revisions[i].Target.Due == u.Requested.Due {
				rq.Agreed = &a.Revisions[i]
				rq.From = a.Original
				if i > 0 {
					rq.From = a.Revisions[i-1].Target
				}
				break
			}
		}
		if rq.Agreed == nil {
			for i := range a.Refusals {
				if x := a.Refusals[i]; Key(x.Period) == Key(period) && x.Requested.Due == u.Requested.Due {
					rq.Refused = &a.Refusals[i]
				}
			}
		}
		return rq, true
	}
	return Request{}, false
}

// ExtensionNote says what happened this period to the action's target, as
// the briefing lists it: the new target asked for in the period's return
// and whether it was agreed ("Asked for 30 September 2024: supplier
// delay. Not agreed yet."), and any extension the job records as agreed
// in the period that answers no request of the period ("Agreed 12 June
// 2024 by Audit Committee: 30 September 2024 (was 31 March 2024)."). It
// is "" when neither.
func (a *Action) ExtensionNote(period string) string {
	var parts []string
	rq, asked := a.Request(period)
	if asked {
		s := "Asked for " + rq.Requested.DueText()
		if rq.Reason != "" {
			s += ": " + strings.TrimRight(rq.Reason, ".")
		}
		s += "."
		switch {
		case rq.Agreed != nil:
			s += " " + upperFirst(rq.Agreed.AgreedNote()) + "."
		case rq.Refused != nil:
			s += " " + upperFirst(rq.Refused.Note()) + "."
		default:
			s += " Not agreed yet."
		}
		parts = append(parts, s)
	}
	for i, r := range a.Revisions {
		if r.Period == "" || Key(r.Period) != Key(period) || (asked && rq.Agreed == &a.Revisions[i]) {
			continue
		}
		was := a.Original
		if i > 0 {
			was = a.Revisions[i-1].Target
		}
		parts = append(parts, upperFirst(r.AgreedNote())+": "+r.Target.Shown()+" (was "+was.Shown()+").")
	}
	return strings.Join(parts, " ")
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// AgreedNote says when and by whom a revision was agreed: "agreed 12 June
// 2024 by Audit Committee", "agreed 12 June 2024", "agreed by Audit
// Committee" or "agreed".
func (r Revision) AgreedNote() string { return decided("agreed", r.Agreed, r.By) }

// decided is a decision's word with its date and who made it, as far as
// they are known: "agreed 12 June 2024 by Audit Committee".
func decided(word string, on Date, by string) string {
	if !on.IsZero() {
		word += " " + on.Long()
	}
	if by != "" {
		word += " by " + by
	}
	return word
}

// CheckRevisions warns about each revision of a target that the
// governance officer should look at before the papers go out: a revised
// target with no date (such as "TBC"), which leaves the action never
// overdue; a revised target earlier than the target it replaces; and a
// revision agreed after the plan's as-at date. Each warning points at
// where the revision is recorded and quotes it.
func CheckRevisions(p *Plan, probs *Problems) {
	for _, a := range p.Actions() {
		was := a.Original
		for _, r := range a.Revisions {
			switch {
			case r.Target.Due.IsZero():
				probs.Warnf(r.At, "action %s: the revised target %q has no date, so the action is never overdue while it stands: give the date agreed (the papers show it as written), or, if no new date has been agreed, clear the cell so that the target %s still applies", a.Ref, r.Target.Text, was.Shown())
			case !was.Due.IsZero() && r.Target.Due.Before(was.Due):
				due := ""
				if r.Target.Text != r.Target.Due.Long() {
					due = " (due " + r.Target.Due.Long() + ")"
				}
				probs.Warnf(r.At, "action %s: the revised target %q%s is earlier than the target it replaces, %s: check the date; if the action was brought forward on purpose, say so in its progress", a.Ref, r.Target.Text, due, was.Due.Long())
			}
			if !p.AsAt.IsZero() && p.AsAt.Before(r.Agreed) {
				at := r.AgreedAt
				if at == (Loc{}) {
					at = r.At
				}
				probs.Warnf(at, "action %s: the revision to %q is recorded as agreed on %s, after the as-at date of these papers (%s): check the date agreed (a decision not yet taken should not be recorded as agreed), or the job's as_at", a.Ref, r.Target.Text, r.Agreed.Long(), p.AsAt.Long())
			}
			was = r.Target
		}
	}
}

// FirstTarget is the target first set: Original when the target has been
// revised, the current target otherwise.
func (a *Action) FirstTarget() Target {
	if a.Revised() {
		return a.Original
	}
	return a.Target
}

// RevisionCells are the three cells of a flat sheet (a rolled-over plan,
// the action register) that keep every revision of an action, under the
// headings "Revised Target Date", "Extension Agreed" and "Agreed By".
type RevisionCells struct {
	Targets string // the revised target, or one date a line, oldest first
	Agreed  string // the date each was agreed, a line each, "–" if not known
	By      string // who agreed each, a line each, "–" if not known
	// Left are the earlier revisions the cells do not keep, when one
	// revision is in words with no date (see Action.RevisionCells).
	Left []Revision
}

// RevisionCells returns the cells that keep every revision of the action,
// in the form the plan reader reads back as the same revisions: one
// revision's values as they are, or for several, one line each, oldest
// first, "–" where a date agreed or an agreer is not known (a cell none of
// whose lines is known is left empty). A revision still to be agreed
// ("TBC", see Target.Unconfirmed) is a line as written, which the reader
// reads back as that revision. Other words with no date cannot be one line
// among dates: when a revision is in such words, only the current revision
// is kept, and Left lists the others, for the caller to say so. All three
// cells are "" when the target was never revised.
func (a *Action) RevisionCells() RevisionCells {
	revs := a.Revisions
	var c RevisionCells
	for _, r := range revs {
		if r.Target.Due.IsZero() && !r.Target.Unconfirmed() {
			c.Left = revs[:len(revs)-1]
			revs = revs[len(revs)-1:]
			break
		}
	}
	switch len(revs) {
	case 0:
		return c
	case 1:
		r := revs[0]
		if !r.Agreed.IsZero() {
			c.Agreed = r.Agreed.Long()
		}
		c.Targets, c.By = r.Target.Text, r.By
		return c
	}
	var ts, as, bs []string
	anyAgreed, anyBy := false, false
	for _, r := range revs {
		// A line keeps its words ("30/06/2025 subject to funding", "Q1
		// 2025/26"): the reader reads each line as one date. A range
		// would not read back as one line, so it is its due date.
		t := r.Target.Text
		if !r.Target.Start.IsZero() {
			t = r.Target.DueText()
		}
		ts = append(ts, t)
		ag, by := "–", "–"
		if !r.Agreed.IsZero() {
			ag, anyAgreed = r.Agreed.Long(), true
		}
		if r.By != "" {
			// An agreer written over lines of its own cell
			// ("Audit⏎Committee") is one line here.
			by, anyBy = strings.Join(strings.Fields(r.By), " "), true
		}
		as, bs = append(as, ag), append(bs, by)
	}
	c.Targets = strings.Join(ts, "\n")
	if anyAgreed {
		c.Agreed = strings.Join(as, "\n")
	}
	if anyBy {
		c.By = strings.Join(bs, "\n")
	}
	return c
}
