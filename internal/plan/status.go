package plan

import "fmt"

// Status is one entry of a council's status vocabulary.
type Status struct {
	Name    string   // as shown on the papers: "COMPLETE", "Green"
	Aliases []string // other spellings accepted in the workbooks
	Colour  string   // "#RRGGBB" cell fill
	// Symbol is shown before the name in status cells and the key, so a
	// paper printed in black and white still tells statuses apart; "" for
	// none. It must be a character the papers' font has.
	Symbol string
	Closed bool // the action needs no more work
}

// Vocabulary is a council's ordered list of statuses, best first: an action
// whose status moves towards the front of the list has got better.
type Vocabulary struct {
	list  []Status
	index map[string]int // by Key of each name and alias
	// exact holds each name and alias as written, so that the commonest
	// lookup, a status spelt as the job spells it, needs no folding.
	exact map[string]int
}

// NewVocabulary builds a vocabulary from statuses listed best first. Names
// and aliases must be unique once folded with Key.
func NewVocabulary(statuses []Status) (*Vocabulary, error) {
	v := &Vocabulary{index: map[string]int{}, exact: map[string]int{}}
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
			v.exact[n] = i
		}
		v.list = append(v.list, s)
	}
	// A status as the papers show it, symbol first ("● COMPLETE"), is that
	// status: a register or return written by agsreport, or text copied
	// from a paper, reads back. A symbol before another status's name is
	// not accepted.
	for i, s := range statuses {
		if s.Symbol == "" {
			continue
		}
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			if k := Key(s.Symbol + " " + n); k != "" {
				if _, taken := v.index[k]; !taken {
					v.index[k] = i
				}
			}
		}
	}
	return v, nil
}

// DefaultStatuses is the vocabulary used when a job names none. Its pastel
// fills are within a few grey levels of each other once printed in black
// and white, so each status also has a symbol of a distinct shape: a full
// circle for done, an arrow for on course, a square for under way, an empty
// circle for not begun, a downward triangle for behind.
func DefaultStatuses() []Status {
	return []Status{
		{Name: "COMPLETE", Aliases: []string{"Completed", "Complete", "Closed", "Done"}, Colour: "#C6EFCE", Symbol: "●", Closed: true},
		{Name: "ON TARGET", Aliases: []string{"On track", "Green"}, Colour: "#DDEBF7", Symbol: "►"},
		{Name: "ONGOING", Aliases: []string{"In progress", "On-going"}, Colour: "#FFF2CC", Symbol: "■"},
		{Name: "NOT STARTED", Aliases: []string{"Not yet started"}, Colour: "#EDEDED", Symbol: "○"},
		{Name: "BEHIND SCHEDULE", Aliases: []string{"Behind", "Delayed", "Off target", "Red"}, Colour: "#FFC7CE", Symbol: "▼"},
	}
}

// List returns the statuses, best first.
func (v *Vocabulary) List() []Status { return v.list }

// Lookup finds the status named s or one of its aliases, ignoring case and
// spacing.
func (v *Vocabulary) Lookup(s string) (Status, bool) {
	i := v.Rank(s)
	if i < 0 {
		return Status{}, false
	}
	return v.list[i], true
}

// Rank returns the status's position, 0 for the best, or -1 when unknown.
func (v *Vocabulary) Rank(name string) int {
	if i, ok := v.exact[name]; ok {
		return i // the same as by Key: names and aliases are unique by Key
	}
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
