package sheet

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/agsreport/agsreport/internal/plan"
)

// band is a band row: a heading inside a table for the rows below it.
type band struct {
	kind   string // "outcome", "theme", "issue", "recommendation"; "" when unknown
	number string
	text   string
	loc    plan.Loc
	index  int  // its row in the table's reading
	used   bool // a data row came under it
	// fields are an issue band's description, lead and overall prospect,
	// from labelled rows above the table ("Lead Manager: …").
	fields map[string]string
}

// issueLabel reads a labelled row above a table ("Lead Manager: Director
// of Resources", or the label and the value in two cells) as a field of the
// governance issue: description, lead or prospect. It returns "" when the
// row is no such label.
func issueLabel(quoted []CellText) (field, value string) {
	var label string
	switch len(quoted) {
	case 1:
		var ok bool
		label, value, ok = strings.Cut(quoted[0].Text, ":")
		if !ok {
			return "", ""
		}
	case 2:
		label, value = quoted[0].Text, quoted[1].Text
	default:
		return "", ""
	}
	value = cleanText(strings.TrimLeft(value, " \t\u00a0"))
	if value == "" || len(label) > 60 {
		return "", ""
	}
	k := headerKey(label)
	for _, f := range []string{"description", "lead", "prospect"} {
		for _, a := range Aliases(Issues, f) {
			if headerKey(a) == k {
				return f, value
			}
		}
	}
	return "", ""
}

func (b *band) describe() string {
	switch {
	case b.kind == "":
		return fmt.Sprintf("%q", oneLine(b.text))
	case b.number != "" && b.text != "":
		return fmt.Sprintf("%s %s: %q", b.kind, b.number, oneLine(b.text))
	case b.number != "":
		return b.kind + " " + b.number
	}
	return fmt.Sprintf("%s %q", b.kind, oneLine(b.text))
}

// Band words recognised without configuration.
var (
	outcomeBand = regexp.MustCompile(`(?i)^(?:strategic\s+)?outcome\s*(\d{1,3}[a-z]?)\s*[:.)\-–—]?\s*([\s\S]*)$`)
	themeBand   = regexp.MustCompile(`(?i)^theme\s*(\d{1,3})?\s*[:.)\-–—]\s*([\s\S]+)$`)
	issueBand   = regexp.MustCompile(`(?i)^(?:(?:significant\s+)?governance\s+)?issue\s*(\d{1,3}[a-z]?)?\s*[:.)\-–—]\s*([\s\S]*)$`)
	issueBand2  = regexp.MustCompile(`(?i)^issue\s+(\d{1,3}[a-z]?)\s+([\s\S]+)$`)
)

// bandOf reads a band row's text: by the job's Bands when it says what
// bands are, else by the words it begins with. It returns nil when the text
// is no band.
func bandOf(text, kind string) *band {
	switch kind {
	case "none":
		return nil
	case "":
	default:
		n, t := splitNumbered(text)
		for _, re := range []*regexp.Regexp{outcomeBand, themeBand, issueBand, issueBand2} {
			if b := matchBand(re, text, kind); b != nil {
				return b
			}
		}
		return &band{kind: kind, number: n, text: t}
	}
	if b := matchBand(outcomeBand, text, "outcome"); b != nil {
		return b
	}
	if b := matchBand(themeBand, text, "theme"); b != nil {
		return b
	}
	if b := matchBand(issueBand, text, "issue"); b != nil {
		return b
	}
	return matchBand(issueBand2, text, "issue")
}

func matchBand(re *regexp.Regexp, text, kind string) *band {
	m := re.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	num, rest := m[1], m[2]
	b := &band{kind: kind, number: strings.TrimSpace(num), text: cleanText(rest)}
	if b.number == "" && b.text == "" {
		return nil
	}
	return b
}

// bandState follows the bands of a table as its rows are read.
type bandState struct {
	current map[string]*band // by kind, the band over the current row
	all     []*band
	pending []pendingNote // rows with text in one column only since the last data row
	unused  []pendingNote // those of them that came before a data row
	seq     map[string]int
}

type pendingNote struct {
	loc       plan.Loc
	text, why string
}

func newBandState() *bandState {
	return &bandState{current: map[string]*band{}, seq: map[string]int{}}
}

func (bs *bandState) add(b *band) {
	bs.all = append(bs.all, b)
	if b.kind == "" {
		return
	}
	if b.number == "" && (b.kind == "outcome" || b.kind == "recommendation") {
		bs.seq[b.kind]++
		b.number = strconv.Itoa(bs.seq[b.kind])
	}
	next := make(map[string]*band, len(bs.current)+1)
	for k, v := range bs.current {
		next[k] = v
	}
	next[b.kind] = b
	if b.kind == "issue" || b.kind == "theme" {
		// A new issue (or theme) starts its outcomes afresh.
		delete(next, "outcome")
		delete(next, "recommendation")
		bs.seq["outcome"], bs.seq["recommendation"] = 0, 0
	}
	bs.current = next
}

// pendNote keeps a row with text in one column only until it is known
// whether data rows follow it (a band agsreport does not know) or not (a
// note under the table).
func (bs *bandState) pendNote(loc plan.Loc, text, why string) {
	bs.pending = append(bs.pending, pendingNote{loc: loc, text: text, why: why})
}

// used records that a data row came: the bands over it are used, and the
// rows with text in one column only above it were inside the table.
func (bs *bandState) used() {
	for _, b := range bs.current {
		b.used = true
	}
	for _, b := range bs.all {
		if b.kind == "" && !b.used {
			b.used = true
			bs.unused = append(bs.unused, pendingNote{loc: b.loc, text: b.text, why: "a band agsreport does not know"})
		}
	}
	bs.unused = append(bs.unused, bs.pending...)
	bs.pending = nil
}

// finish reports the bands that were not used, and bands of a kind the
// table cannot use; the rows of bands with no data row under them become
// rows not read.
func (bs *bandState) finish(t *table, rd *Reading, probs *plan.Problems) {
	for _, b := range bs.all {
		switch {
		case b.kind == "" && !b.used:
			rd.Rows[b.index].As = RowNot
			rd.Rows[b.index].What = "under the table (a note across the table after the last " + kindNoun[t.kind] + ")"
			rd.Rows[b.index].Cells = []CellText{{Col: b.loc.Col, Text: b.text}}
		case b.kind == "":
		case !b.used:
			probs.Warnf(b.loc, "the %s band %q has no %s under it; it is not read", b.kind, oneLine(b.text), kindPlural(t.kind))
			rd.Rows[b.index].As = RowNot
			rd.Rows[b.index].What = "a band with nothing under it"
			rd.Rows[b.index].Cells = []CellText{{Col: b.loc.Col, Text: b.text}}
		case !bandApplies(t.kind, b.kind):
			probs.Warnf(b.loc, "the %s band %q is not read: a table of %s has no %ss (say what its bands are with bands = \"theme\", \"issue\" or \"none\" in the job)", b.kind, oneLine(b.text), kindPlural(t.kind), b.kind)
			rd.Rows[b.index].As = RowNot
			rd.Rows[b.index].What = "a band this table cannot use"
			rd.Rows[b.index].Cells = []CellText{{Col: b.loc.Col, Text: b.text}}
		}
	}
	for _, n := range bs.unused {
		probs.Warnf(n.loc, "%q is not read (%s): if it is a heading for the rows below it, say what it is with bands = \"outcome\", \"theme\" or \"issue\" in the job", oneLine(n.text), n.why)
	}
	for _, b := range bs.all {
		if b.kind == "" && b.used {
			rd.Rows[b.index].As = RowNot
			rd.Rows[b.index].What = "a band agsreport does not know (see the warning)"
			rd.Rows[b.index].Cells = []CellText{{Col: b.loc.Col, Text: b.text}}
		}
	}
}

// bandApplies reports whether a table of kind k uses bands of a kind.
func bandApplies(k Kind, kind string) bool {
	switch k {
	case Actions:
		return true
	case Issues:
		return kind == "theme"
	}
	return false
}

// noteWords begin the keys, notes, sign-offs and totals kept under a table.
var noteWords = []string{"key", "rag key", "status key", "note", "notes", "nb", "n b", "source", "sources",
	"signed", "signature", "sign off", "signed off", "approved", "approved by", "agreed by", "prepared by",
	"total", "totals", "grand total", "last updated", "updated", "date of last update", "version"}

// isNote reports whether a text begins like a key, note, sign-off or total.
func isNote(text string) bool {
	k := headerKey(text)
	for _, w := range noteWords {
		if k == w || strings.HasPrefix(k, w+" ") {
			// "Notes" as a whole row is a note; "Note" followed by words too.
			return true
		}
	}
	return strings.HasPrefix(strings.TrimSpace(text), "*")
}

// refAtStart matches a ref at the start of an action text: "1(i)",
// "4 (iii)", "FS2", "A1.3", "1.2", "3a)".
var refAtStart = regexp.MustCompile(`^(\d{1,3}\s?\((?:[ivxlc]{1,6}|[a-z])\)|[A-Z]{1,4}\d{1,3}(?:\.\d{1,3})*[a-z]?|\d{1,3}(?:\.\d{1,3})+[a-z]?|\d{1,3}[a-z]?\))(?:[.:)]|\s*[–—-])?\s+\S`)

// splitRef returns the ref at the start of an action text, written
// without spaces ("4 (iii)" gives "4(iii)"), and the text after it; or ""
// and the text when it begins with none. The action text itself is kept as
// the council wrote it.
func splitRef(s string) (ref, rest string) {
	m := refAtStart.FindStringSubmatchIndex(s)
	if m == nil {
		return "", s
	}
	ref = strings.Join(strings.Fields(s[m[2]:m[3]]), "")
	if strings.HasSuffix(ref, ")") && !strings.Contains(ref, "(") {
		ref = strings.TrimSuffix(ref, ")")
	}
	return ref, strings.TrimSpace(s[m[1]-1:])
}
