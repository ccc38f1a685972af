package sheet

import (
	"github.com/agsreport/agsreport/internal/approvals"
	"github.com/agsreport/agsreport/internal/plan"
)

// ReadApprovals reads an approvals sheet: one decision per row on a
// request for a new target (package approvals writes one; a sheet of the
// council's own with the same headings reads too). Every cell of a row is
// read into the approval, so that the caller can check it against the
// request it answers: a decision that is not Y, N or blank, and an
// "Agreed on" that is not a date, are located errors and the row is left
// out. Problems go into probs, located.
func ReadApprovals(spec TableSpec, probs *plan.Problems) ([]plan.Approval, *Reading) {
	files := newFileSet(probs)
	defer files.close()
	src := files.open(&spec)
	if src == nil {
		return nil, nil
	}
	if recogniseApprovals(src) {
		spec.Sheet = approvals.Sheet
		spec.Header = approvals.HeaderRow
	}
	sheet, ok := resolveSheet(src, &spec, Approvals, probs)
	if !ok {
		return nil, nil
	}
	var out []plan.Approval
	_, rd := readTable(src, tableRequest{spec: &spec, sheet: sheet, kinds: []Kind{Approvals}}, probs, func(t *table, r row) string {
		a := plan.Approval{
			Ref: r.id("ref"), Period: r.text("period"), Lead: r.text("lead"), Current: r.text("current"),
			Reason: r.text("reason"), Officer: r.text("officer"), By: r.text("agreed_by"),
			Source: t.loc(r.num, colOf(t, "ref")), At: map[string]plan.Loc{},
		}
		for _, f := range []string{"ref", "period", "lead", "current", "requested", "reason", "officer", "agreed", "agreed_on", "agreed_by"} {
			a.At[f] = r.at(f)
		}
		before := len(probs.List)
		a.Requested = r.target("requested", probs)
		if len(probs.List) == before && !a.Requested.IsZero() && a.Requested.Due.IsZero() {
			probs.Errorf(r.at("requested"), "the requested new target %q is not a date", a.Requested.Text)
		}
		// One message a cell: a date r.target could not read is reported
		// there already.
		onBefore := len(probs.List)
		on := r.target("agreed_on", probs)
		if len(probs.List) == onBefore && !on.IsZero() && on.Due.IsZero() {
			probs.Errorf(r.at("agreed_on"), "%q is not a date: give the date of the decision, such as 12 December 2023", on.Text)
		}
		a.On = on.Due
		d, ok := approvals.Decision(r.text("agreed"))
		if !ok {
			probs.Errorf(r.at("agreed"), "%q is not a decision: write %s (agreed) or %s (refused), or leave it blank while undecided", r.text("agreed"), approvals.Yes, approvals.No)
		}
		if len(probs.List) > before {
			return ""
		}
		a.Decision = d
		out = append(out, a)
		switch d {
		case approvals.Yes:
			return "request for " + a.Ref + ": agreed"
		case approvals.No:
			return "request for " + a.Ref + ": refused"
		}
		return "request for " + a.Ref + ": not decided yet"
	})
	return out, rd
}

// recogniseApprovals reports whether src is one of agsreport's approvals
// sheets, by its marker sheet.
func recogniseApprovals(src source) bool {
	return approvals.IsMarker(markerValues(src, approvals.MarkerSheet, 2))
}
