package plan

import (
	"fmt"
	"strings"
	"unicode"
)

// Status is one entry of a council's status vocabulary.
type Status struct {
	Name    string   // as shown on the papers: "COMPLETE", "Green"
	Aliases []string // other spellings accepted in the workbooks
	Colour  string   // "#RRGGBB" cell fill
	Closed  bool     // the action needs no more work
}

// Vocabulary is a council's ordered list of statuses, best first: an action
// whose status moves towards the front of the list has got better.
type Vocabulary struct {
	list  []Status
	index map[string]int
}

// NewVocabulary builds a vocabulary from statuses listed best first. Names
// and aliases must be unique once folded with Key.
func NewVocabulary(statuses []Status) (*Vocabulary, error) {
	v := &Vocabulary{index: map[string]int{}}
	for i, s := range statuses {
		if Key(s.Name) == "" {
			return nil, fmt.Errorf("status %d has no name", i+1)
		}
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			k := Key(n)
			if j, dup := v.index[k]; dup && j != i {
				return nil, &DuplicateStatusError{Status: s.Name, Name: n, Of: statuses[j].Name}
			}
			v.index[k] = i
		}
		v.list = append(v.list, s)
	}
	return v, nil
}

// DefaultStatuses is the vocabulary used when a job names none.
func DefaultStatuses() []Status {
	return []Status{
		{Name: "COMPLETE", Aliases: []string{"Completed", "Complete", "Closed", "Done"}, Colour: "#C6EFCE", Closed: true},
		{Name: "ON TARGET", Aliases: []string{"On track", "Green"}, Colour: "#DDEBF7"},
		{Name: "ONGOING", Aliases: []string{"In progress", "On-going"}, Colour: "#FFF2CC"},
		{Name: "NOT STARTED", Aliases: []string{"Not yet started"}, Colour: "#EDEDED"},
		{Name: "BEHIND SCHEDULE", Aliases: []string{"Behind", "Delayed", "Off target", "Red"}, Colour: "#FFC7CE"},
	}
}

// List returns the statuses, best first.
func (v *Vocabulary) List() []Status { return v.list }

// Lookup finds the status named s or one of its aliases, ignoring case and
// spacing.
func (v *Vocabulary) Lookup(s string) (Status, bool) {
	i, ok := v.index[Key(s)]
	if !ok {
		return Status{}, false
	}
	return v.list[i], true
}

// Rank returns the status's position, 0 for the best, or -1 when unknown.
func (v *Vocabulary) Rank(name string) int {
	if i, ok := v.index[Key(name)]; ok {
		return i
	}
	return -1
}

// Closed reports whether the named status counts as closed.
func (v *Vocabulary) Closed(name string) bool {
	s, ok := v.Lookup(name)
	return ok && s.Closed
}

// Names lists the status names, best first.
func (v *Vocabulary) Names() []string {
	out := make([]string, len(v.list))
	for i, s := range v.list {
		out[i] = s.Name
	}
	return out
}

// DuplicateStatusError says that a status name or alias is used twice.
type DuplicateStatusError struct {
	Status string // the status where the name appears the second time
	Name   string // the name or alias
	Of     string // the status that already has it
}

func (e *DuplicateStatusError) Error() string {
	return fmt.Sprintf("status %q: %q is already a name or alias of %q", e.Status, e.Name, e.Of)
}

// Suggest returns the status names a mistyped status word most likely
// meant, for a "did you mean" hint: the status whose name or alias is
// nearest in spelling (ignoring case and spacing), when it is near enough
// to be a slip; otherwise each status a word of s names ("Amber/Red" names
// two). It returns nil when nothing fits.
func (v *Vocabulary) Suggest(s string) []string {
	k := Key(s)
	best, bestD := -1, 0
	for name, i := range v.index {
		d := editDistance(k, name)
		if best < 0 || d < bestD || (d == bestD && i < best) {
			best, bestD = i, d
		}
	}
	if best >= 0 && bestD <= max(1, len(k)/3) {
		return []string{v.list[best].Name}
	}
	var out []string
	seen := map[int]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if i, ok := v.index[Key(w)]; ok && !seen[i] {
			seen[i] = true
			out = append(out, v.list[i].Name)
		}
	}
	return out
}
