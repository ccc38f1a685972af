package compose

import (
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/tomlx"
)

// testPlan is a small plan with two outcomes, a recommendation spanning two
// actions, and updates over two periods.
func testPlan(t testing.TB) *plan.Plan {
	t.Helper()
	vocab, err := plan.NewVocabulary(plan.DefaultStatuses())
	if err != nil {
		t.Fatal(err)
	}
	is := &plan.Issue{ID: "AMEY", Title: "Amey Lessons Learned", Lead: "Director", Description: "Why it matters."}
	is.Outcomes = []*plan.Outcome{{Number: "1", Text: "Contracts are clear"}, {Number: "2", Text: "Strong governance"}}
	is.Recommendations = []*plan.Recommendation{{Number: "1", Text: "Keep contracts under review.", Refs: []string{"R1", "R5"}}}
	is.Actions = []*plan.Action{
		{Ref: "1(i)", Issue: "AMEY", Outcome: "1", Recommendation: "1", Description: "Identify contracts.", Status: "ONGOING"},
		{Ref: "1(ii)", Issue: "AMEY", Outcome: "1", Recommendation: "1", Description: "Buy software.", Status: "ONGOING"},
		{Ref: "2(i)", Issue: "AMEY", Outcome: "2", Description: "Escalate.", Status: "NOT STARTED",
			Target: plan.Target{Text: "By 31st January 2018", Due: plan.Date{Year: 2018, Month: 1, Day: 31}}},
	}
	p := &plan.Plan{Title: "AGS 2017-18", Statuses: vocab, Issues: []*plan.Issue{is},
		Periods: []string{"Q2", "Q3"}, AsAt: plan.Date{Year: 2018, Month: 2, Day: 28}}
	var probs plan.Problems
	plan.Merge(p, []plan.Update{
		{Period: "Q2", Ref: "1(i)", Status: "ONGOING", Progress: "Started."},
		{Period: "Q2", Ref: "2(i)", Status: "ON TARGET", Progress: "Planned."},
		{Period: "Q3", Ref: "1(i)", Status: "COMPLETE", Progress: "Done."},
		{Period: "Q3", Ref: "2(i)", Status: "BEHIND SCHEDULE", Progress: "Slipped."},
	}, &probs)
	p.Derive()
	return p
}

const tableTemplate = `
description = "test"
[[section]]
each = "issue"
  [[section.block]]
  type = "heading"
  text = "Governance Issue – {{.Issue.Title}}"
  bookmark = "{{.Issue.ID}}"
  [[section.block]]
  type = "table"
  rows = "actions"
  group_by = "outcome"
  band = "**Strategic Outcome {{.Outcome.Number}}:** {{.Outcome.Text}}"
    [[section.block.column]]
    title = "Recommendation"
    value = "{{.Recommendation.Text}}"
    merge = true
    merge_key = "{{.Recommendation.Number}}"
    [[section.block.column]]
    title = "Action"
    value = "**{{.Action.Ref}}** {{.Action.Description}}"
    [[section.block.column]]
    title = "Status"
    value = "{{.Action.Status}}"
    status = true
    [[section.block.column]]
    title = "Change"
    value = "{{.Action.Change}}{{if .Action.Overdue}} (overdue){{end}}{{if .Action.NoReturn}} (no return){{end}}"
`

func mustParse(t *testing.T, src string) *Template {
	t.Helper()
	tm, err := Parse("test.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func TestComposeTable(t *testing.T) {
	doc, err := Compose(mustParse(t, tableTemplate), testPlan(t), Options{Title: "T", Name: "output 1"})
	if err != nil {
		t.Fatal(err)
	}
	tab := doc.Sections[0].Blocks[1].(*report.Table)
	if len(tab.Groups) != 2 {
		t.Fatalf("groups = %d, want 2 (one per outcome)", len(tab.Groups))
	}
	if got := tab.Groups[0].Band.String(); got != "Strategic Outcome 1: Contracts are clear" {
		t.Errorf("band = %q", got)
	}
	g := tab.Groups[0]
	if g.Rows[0].Cells[0].Span != 2 || !g.Rows[1].Cells[0].Covered {
		t.Errorf("the recommendation should span its two actions: %+v / %+v", g.Rows[0].Cells[0], g.Rows[1].Cells[0])
	}
	cases := []struct {
		row          report.Row
		status, fill string
		change       string
	}{
		{g.Rows[0], "COMPLETE", "#C6EFCE", "completed"},
		{g.Rows[1], "ONGOING", "#FFF2CC", "unchanged (no return)"},
		{tab.Groups[1].Rows[0], "BEHIND SCHEDULE", "#FFC7CE", "worse (overdue)"},
	}
	for _, c := range cases {
		if got := c.row.Cells[2]; got.Status != c.status || got.Fill != c.fill {
			t.Errorf("status cell = %q %q, want %q %q", got.Status, got.Fill, c.status, c.fill)
		}
		if got := c.row.Cells[3].Text.String(); got != c.change {
			t.Errorf("change = %q, want %q", got, c.change)
		}
	}
}

func TestComposeEarlierPeriod(t *testing.T) {
	doc, err := Compose(mustParse(t, tableTemplate), testPlan(t), Options{Period: "Q2", Name: "output 1"})
	if err != nil {
		t.Fatal(err)
	}
	tab := doc.Sections[0].Blocks[1].(*report.Table)
	if got := tab.Groups[0].Rows[0].Cells[2].Status; got != "ONGOING" {
		t.Errorf("status in Q2 = %q, want ONGOING", got)
	}
}

func TestComposeErrors(t *testing.T) {
	p := testPlan(t)
	tests := []struct {
		name string
		tmpl string
		opts Options
		want string
	}{
		{"unknown issue", tableTemplate, Options{Name: "output 2", Issues: []string{"XYZ"}},
			`output 2: issue "XYZ" is not in the plan (issues: AMEY)`},
		{"unknown period", tableTemplate, Options{Name: "output 2", Period: "Q9"},
			`output 2: period "Q9" has no updates (periods read: Q2, Q3)`},
		{"missing key", "[[section]]\n[[section.block]]\ntype = \"paragraph\"\ntext = \"{{.Vars.nothing}}\"\n", Options{Name: "output 3"},
			`output 3: template test.toml: line 4: "{{.Vars.nothing}}" uses the variable "nothing", which the job does not set in [vars] or [output.vars]`},
		{"misspelt variable", "[[section]]\n[[section.block]]\ntype = \"heading\"\ntext = \"x\"\n[[section.block]]\ntype = \"paragraph\"\ntext = \"{{.Vars.gruop}}\"\n",
			Options{Name: "output 3", Vars: map[string]string{"group": "Corporate Governance Group", "header": "CMT"}},
			`output 3: template test.toml: line 7: "{{.Vars.gruop}}" uses the variable "gruop", which the job does not set in [vars] or [output.vars]: did you mean "group"? (variables set: group, header)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compose(mustParse(t, tt.tmpl), p, tt.opts)
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v\nwant %s", err, tt.want)
			}
		})
	}
	empty := &plan.Plan{Statuses: p.Statuses}
	_, err := Compose(mustParse(t, tableTemplate), empty, Options{Name: "output 4"})
	if err == nil || err.Error() != "output 4: no issues selected: the plan has no issues" {
		t.Errorf("empty plan: err = %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown key", "colour = 1\n[[section]]\n", `test.toml: line 1: unknown key "colour" (keys of the top level: ` + templateKeys() + ")"},
		{"misspelt block key", "[[section]]\n[[section.block]]\ntype = \"heading\"\ntxet = \"x\"\n",
			`test.toml: line 4: unknown key "section.block.txet": did you mean "text"? (keys of [[section.block]]: ` + templateKeys("section", "block") + ")"},
		{"unknown block", "[[section]]\n[[section.block]]\ntype = \"picture\"\n",
			`test.toml: line 3: section 1, block 1: unknown block type "picture" (one of heading, paragraph, fields, table, status_summary, status_chart, status_key)`},
		{"bad placeholder", "[[section]]\n[[section.block]]\ntype = \"heading\"\ntext = \"{{.Title\"\n",
			`test.toml: line 4: bad placeholder in "{{.Title": unclosed action`},
		{"bad rows", "[[section]]\n[[section.block]]\ntype = \"table\"\nrows = \"people\"\n[[section.block.column]]\ntitle = \"A\"\n",
			`test.toml: line 4: section 1, block 1: rows must be "actions" or "issues", not "people"`},
		{"no sections", "description = \"x\"\n", `test.toml: the template has no [[section]]`},
		{"bad orientation", "[page]\norientation = \"sideways\"\n[[section]]\n",
			`test.toml: line 2: orientation must be "landscape" or "portrait", not "sideways"`},
		{"unclosed placeholder in a later block", "[[section]]\n[[section.block]]\ntype = \"heading\"\ntext = \"{{.Title}}\"\n[[section.block]]\ntype = \"paragraph\"\ntext = \"Lead: {{.Issue.Lead\"\n",
			`test.toml: line 7: bad placeholder in "Lead: {{.Issue.Lead": unclosed action`},
		{"unclosed placeholder on a later line of a long text", "[[section]]\n[[section.block]]\ntype = \"paragraph\"\ntext = \"\"\"\nFirst line.\nSecond {{.Title\n\"\"\"\n",
			`test.toml: line 6: bad placeholder in "First line. Second {{.Title": unclosed action`},
		{"misspelt field", "[[section]]\n[[section.block]]\ntype = \"heading\"\ntext = \"{{.Title}}\"\n[[section.block]]\ntype = \"table\"\nrows = \"actions\"\n[[section.block.column]]\nvalue = \"{{.Action.Reff}}\"\n",
			`test.toml: line 9: bad placeholder in "{{.Action.Reff}}": .Action has no field "Reff": did you mean "Ref"? (fields: ` + fieldList(reflect.TypeOf(Action{})) + ")"},
		{"misspelt field inside with", "[[section]]\n[[section.block]]\ntype = \"heading\"\ntext = \"{{with .Issue}}{{.Titel}}{{end}}\"\n",
			`test.toml: line 4: bad placeholder in "{{with .Issue}}{{.Titel}}{{end}}": .Issue has no field "Titel": did you mean "Title"? (fields: ` + fieldList(reflect.TypeOf(Issue{})) + ")"},
		{"misspelt top-level field", "[[section]]\n[[section.block]]\ntype = \"heading\"\ntext = \"{{.Organization}}\"\n",
			`test.toml: line 4: bad placeholder in "{{.Organization}}": the placeholder's data has no field "Organization": did you mean "Organisation"? (fields: ` + fieldList(reflect.TypeOf(Data{})) + ")"},
		{"bad page size", "[page]\nsize = \"B5\"\n[[section]]\n",
			`test.toml: line 2: page size must be A3, A4, A5, Letter or Legal, not "B5"`},
		{"bad colour", "[style]\nheader_fill = \"navy\"\n[[section]]\n",
			`test.toml: line 2: header_fill "navy" is not a colour of the form "#RRGGBB"`},
		{"colour without hash", "[style]\nband_fill = \"D9E2F3\"\n[[section]]\n",
			`test.toml: line 2: band_fill "D9E2F3" is not a colour of the form "#RRGGBB"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("test.toml", []byte(tt.src))
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestBuiltinsParse(t *testing.T) {
	names := Names()
	for _, want := range []string{"action-plan", "appendix-a", "appendix-b"} {
		if !strings.Contains(strings.Join(names, " "), want) {
			t.Errorf("built-in %q missing from %v", want, names)
		}
	}
	for _, n := range names {
		if _, err := (Library{}).Load(n); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
	_, err := (Library{}).Load("appendix-z")
	if err == nil || !strings.HasPrefix(err.Error(), `unknown template "appendix-z" (built-in templates: action-plan, appendix-a, appendix-b`) {
		t.Errorf("err = %v", err)
	}
}

// templateKeys lists the keys a template accepts in the table at path, as
// messages list them.
func templateKeys(path ...string) string {
	k, _ := tomlx.Keys(reflect.TypeOf(templateFile{}), toml.Key(path))
	return strings.Join(k, ", ")
}

func TestDateOf(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"long form", "31 March 2018", "2018-03-31"},
		{"figures", "31/03/2018", "2018-03-31"},
		{"ISO figures", "2018-03-31", "2018-03-31"},
		{"words before a date", "By 31st March 2018", ""},
		{"a start", "From 1st October 2017", ""},
		{"words", "As required", ""},
		{"a month", "March 2018", ""},
		{"empty", "", ""},
		{"not a date", "31/02/2018", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if d := dateOf(tc.in); !d.IsZero() {
				got = d.Format("2006-01-02")
			}
			if got != tc.want {
				t.Errorf("dateOf(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func fieldList(t reflect.Type) string { return strings.Join(fieldNames(t), ", ") }
