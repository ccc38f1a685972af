package plan

import (
	"fmt"
	"strings"
)

// Dump writes the plan as stable, readable text for golden tests and for
// people checking what was read. Long text is written in full, one line per
// source line, indented under its field.
func (p *Plan) Dump() string {
	var b strings.Builder
	w := func(indent, format string, a ...any) {
		b.WriteString(indent)
		fmt.Fprintf(&b, format, a...)
		b.WriteByte('\n')
	}
	text := func(indent, name, s string) {
		if s == "" {
			return
		}
		lines := strings.Split(s, "\n")
		if len(lines) == 1 {
			w(indent, "%s: %s", name, s)
			return
		}
		w(indent, "%s: |", name)
		for _, l := range lines {
			w(indent+"  ", "%s", l)
		}
	}
	target := func(indent string, t Target) {
		if t.IsZero() {
			return
		}
		s := fmt.Sprintf("target: %q", t.Text)
		if !t.Start.IsZero() {
			s += " start=" + t.Start.String()
		}
		if !t.Due.IsZero() {
			s += " due=" + t.Due.String()
		}
		w(indent, "%s", s)
	}
	w("", "plan %q", p.Title)
	text("  ", "organisation", p.Organisation)
	if len(p.Periods) > 0 {
		w("  ", "periods: %s", strings.Join(p.Periods, " | "))
	}
	text("  ", "plan as at", p.Baseline)
	text("  ", "current", p.Current)
	text("  ", "as at", p.AsAt.String())
	if p.Statuses != nil {
		for _, s := range p.Statuses.List() {
			w("  ", "status %q colour=%s closed=%v aliases=%q", s.Name, s.Colour, s.Closed, s.Aliases)
		}
	}
	for _, is := range p.Issues {
		w("", "issue %q", is.ID)
		text("  ", "theme", is.Theme)
		text("  ", "title", is.Title)
		text("  ", "description", is.Description)
		text("  ", "rationale", is.Rationale)
		text("  ", "lead", is.Lead)
		text("  ", "prospect", is.Prospect)
		text("  ", "action", is.Action)
		target("  ", is.Target)
		for _, f := range is.Extra {
			text("  ", "extra "+fmt.Sprintf("%q", f.Name), f.Value)
		}
		for _, u := range is.Narrative {
			w("  ", "narrative %q", u.Period)
			text("    ", "description", u.Description)
			text("    ", "prospect", u.Prospect)
		}
		for _, o := range is.Outcomes {
			w("  ", "outcome %q", o.Number)
			text("    ", "text", o.Text)
		}
		for _, r := range is.Recommendations {
			w("  ", "recommendation %q refs=%s", r.Number, strings.Join(r.Refs, ","))
			text("    ", "text", r.Text)
		}
		for _, a := range is.Actions {
			w("  ", "action %q", a.Ref)
			text("    ", "outcome", a.Outcome)
			text("    ", "recommendation", a.Recommendation)
			text("    ", "description", a.Description)
			text("    ", "lead", a.Lead)
			target("    ", a.Target)
			if a.Revised() {
				w("    ", "%s", a.RevisedNote())
			}
			text("    ", "resources", a.Resources)
			text("    ", "priority", a.Priority.Text)
			text("    ", "percent complete", a.Percent.String())
			text("    ", "carried forward from", a.CarriedFrom)
			text("    ", "status", a.Status)
			text("    ", "progress", a.Progress)
			for _, f := range a.Extra {
				text("    ", "extra "+fmt.Sprintf("%q", f.Name), f.Value)
			}
			for _, u := range a.History {
				if u.Baseline {
					w("    ", "update %q status=%q (the plan's own)", u.Period, u.Status)
				} else {
					w("    ", "update %q status=%q", u.Period, u.Status)
				}
				text("      ", "officer", u.Officer)
				text("      ", "progress", u.Progress)
			}
			if f := a.Facts; f != (Facts{}) {
				more := ""
				if f.Retargeted {
					more += fmt.Sprintf(" retargeted %q (was %q)", f.NewTarget.Text, f.WasTarget.Text)
				}
				if f.NewText {
					more += " new-text"
				}
				w("    ", "facts overdue=%v no-return=%v change=%s previous=%q%s", f.Overdue, f.NoReturn, f.Change, f.PrevStatus, more)
			}
		}
	}
	for _, x := range p.SetAside {
		w("", "set aside %q %q at %s: %s", x.Period, x.Ref, x.Source, x.Reason)
	}
	return b.String()
}
