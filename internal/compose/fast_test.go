package compose

import (
	"reflect"
	"strings"
	"testing"
	"text/template"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/report"
)

// TestFastMatchesTemplates checks, for every built-in template, that the
// fast path gives exactly what executing the template gives: per placeholder
// text on every row's data, and for the whole composed document.
func TestFastMatchesTemplates(t *testing.T) {
	p := testPlan(t)
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			tm, err := Library{}.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			if len(tm.fast) == 0 {
				t.Fatalf("no placeholder text of %s takes the fast path", name)
			}
			opts := Options{Title: "T", Organisation: "O", Vars: map[string]string{"council": "C"}, Name: name}
			fast, err := compose(tm, p, opts, false)
			if err != nil {
				t.Fatal(err)
			}
			slow, err := compose(tm, p, opts, true)
			if err != nil {
				t.Fatal(err)
			}
			if f, s := fast.Dump(), slow.Dump(); f != s {
				t.Errorf("fast and slow documents differ:\nfast:\n%s\nslow:\n%s", f, s)
			}
			for src, ft := range tm.fast {
				for _, d := range sampleData(t, p) {
					checkFast(t, src, tm.compiled[src], ft, d)
				}
			}
		})
	}
}

// sampleData gives the data placeholders see in sections and rows of p,
// including rows without an outcome and a bare document.
func sampleData(t testing.TB, p *plan.Plan) []*Data {
	t.Helper()
	base := Data{Title: "T", Vars: map[string]string{"council": "C"}, Plan: p,
		Outcome: &plan.Outcome{}, Recommendation: &plan.Recommendation{}}
	out := []*Data{&base}
	for _, is := range p.Issues {
		vi := &Issue{Issue: is}
		d := base
		d.Issue = vi
		out = append(out, &d)
		for _, a := range is.Actions {
			da := d
			da.Action = actionView(p, a, "Q3")
			if len(is.Outcomes) > 0 {
				da.Outcome = is.Outcomes[0]
			}
			out = append(out, &da)
		}
	}
	return out
}

func checkFast(t *testing.T, src string, tm *template.Template, ft *fastText, d *Data) {
	t.Helper()
	got, ok := ft.eval(d, fieldPaths{})
	if !ok {
		return // the caller executes the template
	}
	var b strings.Builder
	if err := tm.Execute(&b, d); err != nil {
		t.Errorf("%q: fast path gave %q where the template fails: %v", src, got, err)
		return
	}
	if got != b.String() {
		t.Errorf("%q: fast path gave %q, template %q", src, got, b.String())
	}
}

func TestCompileFast(t *testing.T) {
	tests := []struct {
		name string
		src  string
		fast bool
	}{
		{"field chain", "Lead: {{.Action.Lead}}", true},
		{"map key", "{{.Vars.council}}", true},
		{"trimmed", "{{- .Title -}} x", true},
		{"function", "{{upper .Title}}", false},
		{"pipeline", "{{.Title | lower}}", false},
		{"condition", "{{if .Action}}x{{end}}", true},
		{"condition with else if", "{{if eq .Title \"a\"}}x{{else if .Period}}y{{else}}{{.Title}}{{end}}", true},
		{"with printing its value", "{{with .Period}} to {{.}}{{else}}{{.Title}}{{end}}", true},
		{"a field inside with", "{{with .Period}}{{.Title}}{{end}}", false},
		{"a condition inside with", "{{with .Period}}{{if .Title}}x{{end}}{{end}}", false},
		{"eq in with", "{{with eq .Title \"a\"}}x{{end}}", false},
		{"another comparison", "{{if ne .Title \"a\"}}x{{end}}", false},
		{"function in a condition", "{{if gt (len .Issues) 1}}x{{end}}", false},
		{"dot in if", "{{if .Title}}{{.}}{{end}}", false},
		{"dot", "{{.}}", false},
		{"variable", "{{$x := .Title}}{{$x}}", false},
		{"comment, which the parser drops", "a{{/* c */}}b", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tm := template.Must(template.New("x").Funcs(funcs).Parse(tc.src))
			if got := compileFast(tm) != nil; got != tc.fast {
				t.Errorf("compileFast(%q) fast = %v, want %v", tc.src, got, tc.fast)
			}
		})
	}
}

// TestFastConditions checks conditions on the fast path against the
// template, each way they can go, and that they take the fast path.
func TestFastConditions(t *testing.T) {
	p := testPlan(t)
	a := actionView(p, p.Issues[0].Actions[0], "Q3")
	srcs := []string{
		"{{with .Period}} to {{.}}{{end}}",
		"x{{with .Period}} to {{.}}{{else}}none{{end}}y",
		"{{if .Period}}{{.Period}}{{else if .Title}}{{.Title}}{{else}}neither{{end}}",
		"{{if eq .Title \"Plan\"}}plan{{else if eq .Title \"\"}}empty{{else}}other{{end}}",
		"{{if .Action.Overdue}}overdue{{else}}not{{end}}",
		"{{if .Issues}}issues{{end}}{{if .Vars}}vars{{end}}",
		"{{with .Action.Ref}}**{{.}}**{{end}}{{with .Action.Lead}} ({{.}}){{end}}",
		"{{with .Action.RevisedNote}}*{{.}}*{{else}}{{.Action.Target.Text}}{{end}}",
		"{{.Action.RevisedNote}}|{{join .Action.ChangeMarks \", \"}}",
	}
	datas := []*Data{
		{},
		{Title: "Plan", Period: "Q3", Action: a, Vars: map[string]string{"k": "v"}},
		{Title: "Other", Action: a, Issues: []*Issue{{}}},
	}
	for _, src := range srcs {
		tm := template.Must(template.New("x").Funcs(funcs).Parse(src))
		ft := compileFast(tm)
		if ft == nil {
			t.Errorf("%q is not compiled to the fast form", src)
			continue
		}
		for _, d := range datas {
			if d.Action == nil && strings.Contains(src, ".Action") {
				continue
			}
			if _, ok := ft.eval(d, fieldPaths{}); !ok {
				t.Errorf("%q on %+v falls back to the template", src, d)
			}
			checkFast(t, src, tm, ft, d)
		}
	}
}

func TestFastEvalFallsBack(t *testing.T) {
	p := testPlan(t)
	tests := []struct {
		name string
		src  string
		d    *Data
	}{
		{"nil action", "{{.Action.Ref}}", &Data{}},
		{"missing key", "{{.Vars.nothing}}", &Data{Vars: map[string]string{}}},
		{"not a string", "{{.Action.Overdue}}", &Data{Action: actionView(p, p.Issues[0].Actions[0], "Q3")}},
		{"unknown field", "{{.Nothing}}", &Data{}},
		{"with on a bool", "{{with .Action.Overdue}}x{{end}}", &Data{Action: actionView(p, p.Issues[0].Actions[0], "Q3")}},
		{"if on a pointer", "{{if .Action}}x{{end}}", &Data{}},
		{"a method that takes an argument", "{{.Action.UpdateFor}}", &Data{Action: actionView(p, p.Issues[0].Actions[0], "Q3")}},
		{"a method that gives no string", "{{.Plan.Actions}}", &Data{Plan: p}},
		{"join of no strings", "{{join .Issues \", \"}}", &Data{}},
		{"a method of a missing action", "{{.Action.RevisedNote}}", &Data{Action: &Action{}}},
		{"eq on a bool", "{{if eq .Action.Overdue \"true\"}}x{{end}}", &Data{Action: actionView(p, p.Issues[0].Actions[0], "Q3")}},
		{"nil action in a condition", "{{if .Action.Ref}}x{{end}}", &Data{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ft := compileFast(template.Must(template.New("x").Funcs(funcs).Parse(tc.src)))
			if ft == nil {
				t.Fatalf("%q is not compiled to the fast form", tc.src)
			}
			if s, ok := ft.eval(tc.d, fieldPaths{}); ok {
				t.Errorf("eval(%q) = %q, ok; want a fall-back to the template", tc.src, s)
			}
		})
	}
}

func TestMarkupShortcut(t *testing.T) {
	tests := []struct{ name, s string }{
		{"plain", "Review the contract register"},
		{"trailing spaces", "Lead officer \u00a0 "},
		{"leading spaces", "   indented text"},
		{"empty", ""},
		{"blank", " \t "},
		{"bold", "**Outcome 1:** text"},
		{"italic", "_note_"},
		{"snake word", "file_name"},
		{"dash bullet", "- item"},
		{"dash in text", "2024-25 - Q1"},
		{"bullet", "• item"},
		{"en dash bullet", "\u2013 item"},
		{"square bullet", "\u25aa item"},
		{"symbol bullet", "\uf0b7 item"},
		{"tab bullet", "•\titem"},
		{"two lines", "a\nb"},
		{"carriage return", "a\r\nb"},
		{"invalid utf-8", "bad \xff byte"},
		{"non-breaking only", "\u00a0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, want := markup(tc.s), report.Markup(tc.s)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("markup(%q) = %#v, want %#v", tc.s, got, want)
			}
		})
	}
}

// FuzzMarkupShortcut checks the shortcut against report.Markup on any text.
func FuzzMarkupShortcut(f *testing.F) {
	for _, s := range []string{"plain", "**b**", "- x", " a ", "\u00a0x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := markup(s), report.Markup(s); !reflect.DeepEqual(got, want) {
			t.Errorf("markup(%q) = %#v, want %#v", s, got, want)
		}
	})
}

// FuzzFastMatchesTemplate checks the fast path against text/template on
// any placeholder text that compiles to the fast form, on the data of
// every section and row of the test plan: whatever the fast path gives, the
// template gives too, so the two cannot drift apart for a construct the
// fast path takes.
func FuzzFastMatchesTemplate(f *testing.F) {
	for _, s := range []string{
		"Lead: {{.Action.Lead}}",
		"{{.Vars.council}} and {{.Vars.nothing}}",
		"{{- .Title -}} x",
		"{{if .Action}}x{{end}}",
		"{{if .Action.Overdue}}overdue{{else}}not{{end}}",
		"{{if .Issues}}issues{{end}}{{if .Vars}}vars{{end}}",
		"{{if .Issue.Actions}}{{.Issue.Title}}{{end}}",
		"{{if eq .Title \"T\"}}x{{else if .Period}}y{{else}}{{.Title}}{{end}}",
		"x{{with .Period}} to {{.}}{{else}}none{{end}}y",
		"{{with .Action.Ref}}**{{.}}**{{end}}{{with .Action.Lead}} ({{.}}){{end}}",
		"{{with .Action.RevisedNote}}*{{.}}*{{else}}{{.Action.Target.Text}}{{end}}",
		"{{.Action.RevisedNote}}|{{join .Action.ChangeMarks \", \"}}",
		"{{.Outcome.Text}}{{.Recommendation.Text}}",
	} {
		f.Add(s)
	}
	p := testPlan(f)
	datas := sampleData(f, p)
	f.Fuzz(func(t *testing.T, src string) {
		tm, err := template.New("x").Funcs(funcs).Option("missingkey=error").Parse(src)
		if err != nil {
			return
		}
		ft := compileFast(tm)
		if ft == nil {
			return
		}
		for _, d := range datas {
			checkFast(t, src, tm, ft, d)
		}
	})
}
