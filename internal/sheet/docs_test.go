package sheet

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

// readingDoc is the user guide to how workbooks are read. The part between
// the markers is written from fieldsOf and the default statuses, so that it
// cannot drift from what agsreport does; -update rewrites it.
const readingDoc = "../../docs/reading.md"

const (
	docBegin = "<!-- generated: fields and headings (go test ./internal/sheet -update) -->\n"
	docEnd   = "<!-- end of generated part -->\n"
)

// fieldsDoc writes, for each kind of table, every field a job may map and
// the headings that map to it without configuration; then the default
// status words.
func fieldsDoc() string {
	var b strings.Builder
	kinds := []struct {
		kind  Kind
		title string
	}{
		{Actions, "Actions (`[plan.actions]`, or a plan kept as one sheet)"},
		{Issues, "Issues (`[plan.issues]`)"},
		{Outcomes, "Strategic outcomes (`[plan.outcomes]`)"},
		{Recommendations, "Recommendations (`[plan.recommendations]`)"},
		{Updates, "Progress returns (`[[updates]]`)"},
		{Approvals, "Approvals sheets (`approvals = [\"…\"]`)"},
	}
	for _, k := range kinds {
		fmt.Fprintf(&b, "### %s\n\n", k.title)
		var req []string
		for _, g := range required[k.kind] {
			req = append(req, "`"+strings.Join(g, "` or `")+"`")
		}
		fmt.Fprintf(&b, "A table of %s needs a column for %s.\n\n", kindPlural(k.kind), strings.Join(req, ", and for "))
		b.WriteString("| field | headings recognised without mapping |\n|---|---|\n")
		for _, f := range fieldsOf[k.kind] {
			fmt.Fprintf(&b, "| `%s` | %s |\n", f.name, strings.Join(f.aliases, " · "))
		}
		b.WriteString("\n")
	}
	b.WriteString("### Status words\n\nWhen the job has no `[statuses]`, these are the statuses, best first, with the words each also accepts (in any case) and the fill colour a status cell may have instead of words:\n\n")
	b.WriteString("| status | also written as | colour | closed |\n|---|---|---|---|\n")
	for _, s := range plan.DefaultStatuses() {
		closed := "no"
		if s.Closed {
			closed = "yes"
		}
		fmt.Fprintf(&b, "| %s | %s | `%s` | %s |\n", s.Name, strings.Join(s.Aliases, " · "), s.Colour, closed)
	}
	b.WriteString("\n")
	return b.String()
}

func TestReadingDocIsCurrent(t *testing.T) {
	data, err := os.ReadFile(readingDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	i, j := strings.Index(doc, docBegin), strings.Index(doc, docEnd)
	if i < 0 || j < i {
		t.Fatalf("%s: the generated part's markers are missing", readingDoc)
	}
	want := doc[:i+len(docBegin)] + fieldsDoc() + doc[j:]
	if want == doc {
		return
	}
	if *update {
		if err := os.WriteFile(readingDoc, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s: the list of fields and headings is out of date: run go test ./internal/sheet -update", readingDoc)
}
