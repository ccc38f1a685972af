package sheet

import (
	"github.com/agsreport/agsreport/internal/plan"
)

// narrativeFields are the only fields of an issue a period's return may
// update, besides the issue's ID or title that says which issue it is.
var narrativeFields = map[string]bool{"id": true, "title": true, "description": true, "prospect": true}

// readNarrative reads the issue narrative a return gives for its period:
// a sheet named like the plan's issues table ("Issues"), other than the
// sheet the updates were read from, whose rows name an issue (by ref or
// title) and give its description and/or overall prospect as at the
// period. A return without such a sheet gives none. Any other non-empty
// cell of the sheet is a warning, located and quoted, since a return does
// not change an issue's lead, target or other columns.
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
		if u.Issue == "" {
			u.Issue, u.Source = r.text("title"), t.loc(r.num, colOf(t, "title"))
		}
		used := map[int]bool{}
		for f := range narrativeFields {
			if i, ok := t.col[f]; ok {
				used[i] = true
			}
		}
		for i := range t.heads {
			if used[i] || i >= len(r.cells) {
				continue
			}
			if v := cleanText(r.cells[i].text); v != "" {
				probs.Warnf(t.loc(r.num, i), "a return updates only an issue's description and overall prospect: %q is not used", v)
			}
		}
		if u.Description == "" && u.Prospect == "" {
			return "an issue with no description or overall prospect (no update of its narrative)"
		}
		out = append(out, u)
		return "narrative of issue " + u.Issue + " for " + period
	})
	return out, rd
}
