package plan

import (
	"strings"
	"testing"
)

// TestRevisionCellsTBC: an action revised to "TBC" and then to a date keeps
// both revisions, "TBC" as the officer wrote it, while a revision in other
// words with no date still leaves only the current one, with the one left
// out in Left.
func TestRevisionCellsTBC(t *testing.T) {
	tests := []struct {
		name  string
		first string
		want  RevisionCells
		left  string // the target of the revision left out, if any
	}{
		{"TBC", "TBC", RevisionCells{Targets: "TBC\n31 May 2025", By: "–\nAudit Committee"}, ""},
		{"to be confirmed", "To be confirmed.", RevisionCells{Targets: "To be confirmed.\n31 May 2025", By: "–\nAudit Committee"}, ""},
		{"words", "When funding allows", RevisionCells{Targets: "31 May 2025", By: "Audit Committee"}, "When funding allows"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &Action{Target: Target{Text: "31 March 2025"}}
			for _, r := range []struct{ target, by string }{{tc.first, ""}, {"31 May 2025", "Audit Committee"}} {
				tg, err := ParseTarget(r.target)
				if err != nil {
					t.Fatal(err)
				}
				a.Revise(Revision{Target: tg, By: r.by})
			}
			got := a.RevisionCells()
			var left []string
			for _, r := range got.Left {
				left = append(left, r.Target.Text)
			}
			if got.Targets != tc.want.Targets || got.Agreed != tc.want.Agreed || got.By != tc.want.By || strings.Join(left, "|") != tc.left {
				t.Errorf("%+v (left out %q), want %+v (left out %q)", got, left, tc.want, tc.left)
			}
		})
	}
}

func TestUnconfirmed(t *testing.T) {
	for s, want := range map[string]bool{
		"TBC": true, "t.b.c.": true, "TBA": true, "To be agreed": true, "to  be confirmed": true,
		"31/03/2025": false, "TBC 31/03/2025": false, "Ongoing": false, "": false, "TBC later": false,
	} {
		tg, err := ParseTarget(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := tg.Unconfirmed(); got != want {
			t.Errorf("%q: Unconfirmed() = %v, want %v", s, got, want)
		}
	}
}
