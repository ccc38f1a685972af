package plan

// Revision is an agreed change to an action's target: the new target, when
// it was agreed and by whom (a committee, a director). An action's Target
// is always its current target; Original keeps the one first set.
type Revision struct {
	Target Target // the revised target
	Agreed Date   // when the revision was agreed; zero when not given
	By     string // who agreed it; "" when not given
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
	s := "Revised: " + a.Target.DueText() + " (was " + a.Original.DueText()
	if len(a.Revisions) > 0 {
		r := a.Revisions[len(a.Revisions)-1]
		switch {
		case !r.Agreed.IsZero() && r.By != "":
			s += "; extension agreed " + r.Agreed.Long() + " by " + r.By
		case !r.Agreed.IsZero():
			s += "; extension agreed " + r.Agreed.Long()
		case r.By != "":
			s += "; extension agreed by " + r.By
		}
	}
	return s + ")"
}
