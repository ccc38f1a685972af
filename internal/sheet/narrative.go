package sheet

import (
	"github.com/agsreport/agsreport/internal/plan"
)

// readNarrative reads the issue narrative a return gives for its period:
// a sheet named like the plan's issues table ("Issues"), other than the
// sheet the updates were read from, whose rows name an issue (by ref or
// title) and give its description and/or overall prospect as at the
// period. A return without such a sheet gives none. A return changes
// nothing else about an issue: any other non-empty cell of a row is not
// read, and readTable warns about it, located and quoted.
//
// It returns the updates and the account of the sheet read (nil when there
// is no such sheet).
func readNarrative(src source, spec *TableSpec, updatesSheet, period string, probs *plan.Problems) ([]plan.IssueUpdate, *Reading) {
	name := ""
	for _, want := range sheetNames[Issues] {
		for _, n := range src.sheets() {
			if plan.Key(n) == plan.Key(want) && n != updatesSheet {
				name = n
			}
		}
		if name != "" {
			break
		}
	}
	if name == "" {
		return nil, nil
	}
	is := TableSpec{Path: spec.Path, Name: spec.Name, Sheet: name}
	var out []plan.IssueUpdate
	_, rd := readTable(src, tableRequest{spec: &is, sheet: name, kinds: []Kind{Issues}}, probs, func(t *table, r row) string {
		u := plan.IssueUpdate{
			Period:      period,
			Issue:       r.id("id"),
			Description: r.text("description"),
			Prospect:    r.text("prospect"),
			Source:      t.loc(r.num, colOf(t, "id")),
		}
		// The title is read even beside a ref, so that it counts as read.
		if title := r.text("title"); u.Issue == "" {
			u.Issue, u.Source = title, t.loc(r.num, colOf(t, "title"))
		}
		if u.Description == "" && u.Prospect == "" {
			return "an issue with no description or overall prospect (no update of its narrative)"
		}
		out = append(out, u)
		return "narrative of issue " + u.Issue + " for " + period
	})
	return out, rd
}
