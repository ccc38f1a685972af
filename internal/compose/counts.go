package compose

import (
	"fmt"
	"strings"

	"github.com/agsreport/agsreport/internal/plan"
)

// Count is how many of a set of actions have some property: N of Of, under
// a label such as "complete". It prints as committees write it: "12 of 26
// complete (46%)".
type Count struct {
	Label string // lower case: "complete", "behind target", "overdue"
	N, Of int
}

// Percent is N as a whole percentage of Of, rounded half up; 0 when Of is 0.
func (c Count) Percent() int {
	if c.Of <= 0 {
		return 0
	}
	return (200*c.N + c.Of) / (2 * c.Of)
}

// Share is the percentage as text, "46%", or "" when there is nothing to
// count.
func (c Count) Share() string {
	if c.Of <= 0 {
		return ""
	}
	return fmt.Sprintf("%d%%", c.Percent())
}

// String is "12 of 26 complete (46%)"; with nothing to count, "0 of 0
// complete".
func (c Count) String() string {
	s := fmt.Sprintf("%d of %d %s", c.N, c.Of, c.Label)
	if c.Of > 0 {
		s += " (" + c.Share() + ")"
	}
	return s
}

// Counts counts a set of actions by status as at the paper's period: one
// Count per status of the vocabulary, best first, then "no status" when
// some action has none the vocabulary knows. Closed counts the statuses
// that count as closed (labelled with that status's name when there is one
// such status, else "closed"), Open the rest, Overdue the overdue ones.
type Counts struct {
	Total    int
	Statuses []Count
	Closed   Count
	Open     Count
	Overdue  Count
	NoReturn Count
	vocab    *plan.Vocabulary
}

// countActions counts actions against the plan's vocabulary.
func countActions(v *plan.Vocabulary, actions []*Action) Counts {
	c := Counts{Total: len(actions), vocab: v}
	var list []plan.Status
	if v != nil {
		list = v.List()
	}
	closedLabel, nClosed := "closed", 0
	for _, st := range list {
		c.Statuses = append(c.Statuses, Count{Label: strings.ToLower(st.Name), Of: len(actions)})
		if st.Closed {
			nClosed++
			closedLabel = strings.ToLower(st.Name)
		}
	}
	if nClosed != 1 {
		closedLabel = "closed"
	}
	none := Count{Label: "no status", Of: len(actions)}
	c.Closed = Count{Label: closedLabel, Of: len(actions)}
	c.Open = Count{Label: "open", Of: len(actions)}
	c.Overdue = Count{Label: "overdue", Of: len(actions)}
	c.NoReturn = Count{Label: "with no return", Of: len(actions)}
	for _, a := range actions {
		r := -1
		if v != nil {
			r = v.Rank(a.Status)
		}
		if r < 0 {
			none.N++
		} else {
			c.Statuses[r].N++
		}
		if a.Closed {
			c.Closed.N++
		} else {
			c.Open.N++
		}
		if a.Overdue {
			c.Overdue.N++
		}
		if a.NoReturn {
			c.NoReturn.N++
		}
	}
	if none.N > 0 {
		c.Statuses = append(c.Statuses, none)
	}
	return c
}

// Of is the count of the status named (a name or alias of the job's
// statuses); a name the vocabulary does not know is an error that lists
// the statuses.
func (c Counts) Of(status string) (Count, error) {
	if c.vocab != nil {
		if r := c.vocab.Rank(status); r >= 0 && r < len(c.Statuses) {
			return c.Statuses[r], nil
		}
		return Count{}, fmt.Errorf("%q is not a status (the statuses are %s)", status, strings.Join(c.vocab.Names(), ", "))
	}
	return Count{}, fmt.Errorf("%q is not a status: the plan has no status vocabulary", status)
}

// Listed is every status with at least one action, as "12 of 26 complete
// (46%)", joined with "; ".
func (c Counts) Listed() string {
	var parts []string
	for _, s := range c.Statuses {
		if s.N > 0 {
			parts = append(parts, s.String())
		}
	}
	return strings.Join(parts, "; ")
}
