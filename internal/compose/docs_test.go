package compose

import (
	"bytes"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/agsreport/agsreport/internal/format"
	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/tomlx"
)

const docsPath = "../../docs/templates.md"

// docExample is a template on the docs page and the text the page says
// the paper shows.
type docExample struct {
	line  int    // of the opening fence
	src   string // the template
	shows []string
}

// docExamples finds the examples of the docs page: fenced toml blocks
// whose first line is "# example", each with the text block that follows
// it, if any. Fences may be indented (examples inside a list).
func docExamples(t *testing.T, page string) []docExample {
	t.Helper()
	var out []docExample
	lines := strings.Split(page, "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if l != "```toml" || i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) != "# example" {
			continue
		}
		indent := lines[i][:strings.Index(lines[i], "`")]
		ex := docExample{line: i + 1}
		var body []string
		j := i + 1
		for ; j < len(lines) && strings.TrimSpace(lines[j]) != "```"; j++ {
			body = append(body, strings.TrimPrefix(lines[j], indent))
		}
		ex.src = strings.Join(body, "\n")
		// The text block, if the next fence after a line or two of prose is one.
		for k := j + 1; k < len(lines) && k <= j+4; k++ {
			if strings.TrimSpace(lines[k]) == "```text" {
				for k++; k < len(lines) && strings.TrimSpace(lines[k]) != "```"; k++ {
					if s := strings.TrimSpace(lines[k]); s != "" {
						ex.shows = append(ex.shows, s)
					}
				}
				break
			}
		}
		out = append(out, ex)
		i = j
	}
	return out
}

// TestTemplateDocs compiles every example of docs/templates.md, composes
// it with the test plan, renders it in every format, and checks that the
// paper shows the text the page says it shows, so the page cannot drift
// from what agsreport does.
func TestTemplateDocs(t *testing.T) {
	data, err := os.ReadFile(docsPath)
	if err != nil {
		t.Fatal(err)
	}
	examples := docExamples(t, string(data))
	if len(examples) < 8 {
		t.Fatalf("found %d examples on the page; the test is not reading it right", len(examples))
	}
	p := testPlan(t)
	for _, ex := range examples {
		t.Run("line "+itoa(ex.line), func(t *testing.T) {
			tm, err := Parse("docs/templates.md example", []byte(ex.src))
			if err != nil {
				t.Fatalf("the example does not compile: %v\n%s", err, ex.src)
			}
			doc, err := Compose(tm, p, Options{Title: "AGS 2017-18", Organisation: "Test Council", Name: "example"})
			if err != nil {
				t.Fatalf("the example does not compose: %v", err)
			}
			text := strings.Join(doc.Texts(), "\n")
			for _, want := range ex.shows {
				if !strings.Contains(text, want) {
					t.Errorf("the page says the paper shows %q; it shows:\n%s", want, text)
				}
			}
			for _, f := range format.All() {
				if _, err := f.Render(&bytes.Buffer{}, doc); err != nil {
					t.Errorf("%s: %v", f.Name, err)
				}
			}
		})
	}
}

func itoa(n int) string {
	b := []byte{}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestTemplateDocsComplete checks that the page names every key a template
// accepts, every block type, filter and function, and every field of what
// placeholders see, so that nothing new goes undocumented.
func TestTemplateDocsComplete(t *testing.T) {
	data, err := os.ReadFile(docsPath)
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	var missing []string
	need := func(what, s string) {
		if !strings.Contains(page, s) {
			missing = append(missing, what+" "+s)
		}
	}
	tf := reflect.TypeOf(templateFile{})
	for _, path := range []toml.Key{nil, {"page"}, {"style"}, {"header"}, {"footer"}, {"section"}, {"section", "block"}, {"section", "block", "field"}, {"section", "block", "column"}} {
		keys, ok := tomlx.Keys(tf, path)
		if !ok {
			t.Fatalf("no table %v in templates", path)
		}
		for _, k := range keys {
			need("key", "`"+k+"`")
		}
	}
	for _, b := range blockTypes {
		need("block type", "`"+b+"`")
	}
	for _, f := range Filters {
		need("filter", "`"+f+"`")
	}
	fns := make([]string, 0, len(funcs))
	for f := range funcs {
		fns = append(fns, f)
	}
	sort.Strings(fns)
	for _, f := range fns {
		need("function", "`"+f+" ")
	}
	for _, p := range report.Papers() {
		need("paper size", "`"+p.Name+"`")
	}
	for _, typ := range []any{Data{}, Issue{}, Action{}, plan.Outcome{}, plan.Recommendation{}, plan.Target{}} {
		for _, f := range fieldNames(reflect.TypeOf(typ)) {
			if !regexp.MustCompile("`[^`]*\\." + f + "\\b").MatchString(page) {
				missing = append(missing, "field ."+f+" of "+reflect.TypeOf(typ).String())
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("docs/templates.md does not mention:\n  %s", strings.Join(missing, "\n  "))
	}
}
