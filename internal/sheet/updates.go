package sheet

import (
	"github.com/agsreport/agsreport/internal/plan"
)

// ReadUpdates reads one progress-update table (an officer's return) for a
// period. A return that agsreport wrote (package returns) is recognised by
// its marker sheet and read with its own layout, whatever the spec says. Each row with an action ref and a status or progress text is an
// update; rows with a ref but neither are left out, so that the action
// counts as having no return. A status not in vocab (the default
// vocabulary when nil) is an error, as it is in the plan, with the nearest
// status word suggested; the row is left out. When
// the table has a period column, a row's period is used only when period
// is ""; a row whose period differs from a non-empty period is warned
// about. Problems go into probs, located; it returns what could be read.
func ReadUpdates(spec TableSpec, period string, vocab *plan.Vocabulary, probs *plan.Problems) []plan.Update {
	return ReadReturn(spec, period, vocab, probs).Updates
}

// Return is what one officer's return gives for a period.
type Return struct {
	Updates []plan.Update
	// Issues are updates to issues' narrative, from a sheet named "Issues"
	// in the same workbook (see readNarrative).
	Issues []plan.IssueUpdate
	// Readings account for the tables read: the updates, then the issues
	// sheet when there is one (none when the file or sheet could not be
	// opened).
	Readings []*Reading
}

// ReadReturn reads one return as ReadUpdates does, and also the issue
// narrative its "Issues" sheet gives for the period, if it has one.
func ReadReturn(spec TableSpec, period string, vocab *plan.Vocabulary, probs *plan.Problems) Return {
	if vocab == nil {
		vocab = defaultVocabulary()
	}
	files := newFileSet(probs)
	defer files.close()
	src := files.open(&spec)
	if src == nil {
		return Return{}
	}
	ret, isReturn := recogniseReturn(src, &spec)
	if isReturn && period != "" && ret.Period != "" && plan.Key(ret.Period) != plan.Key(period) {
		probs.Warnf(plan.Loc{File: spec.Name}, "this return was written for %s but is read for %s", ret.Period, period)
	}
	sheet, ok := resolveSheet(src, &spec, Updates, probs)
	if !ok {
		return Return{}
	}
	var out []plan.Update
	_, rd := readTable(src, tableRequest{spec: &spec, sheet: sheet, kinds: []Kind{Updates}}, probs, func(t *table, r row) string {
		u := plan.Update{
			Period:   period,
			Ref:      r.id("ref"),
			Progress: r.text("progress"),
			Officer:  r.text("officer"),
			Source:   t.loc(r.num, colOf(t, "ref")),
		}
		if u.Officer == "" {
			u.Officer = ret.Officer
		}
		if !requestedTarget(&u, r, probs) {
			return ""
		}
		status := r.text("status")
		if status == "" && u.Progress == "" && u.Requested.IsZero() {
			return "an update with no status or progress (no return for " + u.Ref + ")"
		}
		if status != "" {
			if st, ok := vocab.Lookup(status); ok {
				u.Status = st.Name
			} else {
				probs.Errorf(r.at("status"), "%s", unknownStatus(status, vocab))
				return ""
			}
		}
		if p := r.text("period"); p != "" {
			switch {
			case period == "":
				u.Period = p
			case plan.Key(p) != plan.Key(period):
				probs.Warnf(r.at("period"), "period %q differs from the period %q these updates are read for, which is used", p, period)
			}
		}
		out = append(out, u)
		return "update for " + u.Ref
	})
	result := Return{Updates: out, Readings: []*Reading{rd}}
	var nrd *Reading
	result.Issues, nrd = readNarrative(src, &spec, sheet, period, probs)
	if nrd != nil {
		result.Readings = append(result.Readings, nrd)
	}
	return result
}

// requestedTarget reads the new target an officer asks for, and the reason,
// into u. A request must be a date ("31 March 2025", or a date cell); one
// that is not, or a reason with no date, is a located error, and it
// returns false so that the row is left out rather than half read.
func requestedTarget(u *plan.Update, r row, probs *plan.Problems) bool {
	u.Reason = r.text("reason")
	before := len(probs.List)
	req := r.target("requested", probs)
	switch {
	case len(probs.List) > before:
		return false // r.target has reported it
	case req.IsZero() && u.Reason != "":
		probs.Errorf(r.at("reason"), "a reason for extension with no requested new target beside it: give the date asked for, or clear the cell")
		return false
	case !req.IsZero() && req.Due.IsZero():
		probs.Errorf(r.at("requested"), "the requested new target %q is not a date: give the date asked for, such as 30 September 2025", req.Text)
		return false
	}
	u.Requested = req
	return true
}
