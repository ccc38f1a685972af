package compose

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"text/template"
	"time"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/suggest"
)

// Options are what a job says about one paper beyond its template.
type Options struct {
	Title        string
	Organisation string
	Author       string
	Language     string   // BCP 47 tag of the paper's language; "" means en-GB
	Period       string   // the period the paper reports; "" means the plan's current period
	Issues       []string // IDs or titles of the issues to include; empty means all
	Vars         map[string]string
	Name         string // names the paper in messages, e.g. `output 2 ("appendix-b")`
}

// Data is what placeholders see. In an issue section or an issue row .Issue
// is set; in an action row .Action, .Outcome and .Recommendation are (the
// last two are empty, never nil, when the action has none).
type Data struct {
	Title        string
	Organisation string
	Period       string
	AsAt         string // "28 February 2018", or ""
	Vars         map[string]string
	Plan         *plan.Plan
	Issues       []*Issue // the selected issues
	// SetAside are the rows of the paper's period's returns that the job
	// set aside, with its reasons.
	SetAside []plan.SetAside
	// Counts counts the selected issues' actions by status as at the
	// paper's period: {{.Counts.Closed}} prints "12 of 26 complete (46%)".
	Counts         Counts
	Issue          *Issue
	Theme          string
	Outcome        *plan.Outcome
	Recommendation *plan.Recommendation
	Action         *Action
}

// Issue is an issue as placeholders see it: the plan's issue, with its
// narrative and actions as of the paper's period.
//
// Description and Prospect are the narrative to print: the latest given in
// a return up to the paper's period (or the plan's own), and, when that is
// not the paper's period, opening with a line that says when it was last
// updated — so that no paper passes an earlier period's words off as this
// period's. DescriptionText and ProspectText are the words alone, and
// DescriptionPeriod and ProspectPeriod the periods they were given in (""
// for the plan's own when the plan names no period).
type Issue struct {
	*plan.Issue
	Description, DescriptionText, DescriptionPeriod string
	Prospect, ProspectText, ProspectPeriod          string
	// Stale says the overall prospect shown is older than the paper's
	// period.
	Stale   bool
	Actions []*Action
	// Counts counts the issue's actions by status (see Data.Counts).
	Counts Counts
}

// Action is an action as placeholders see it: the plan's action, with status
// and progress as of the paper's period and the facts derived for it.
//
// Progress is the text to print. When the action has an update for the
// paper's period with progress text, it is that text. Otherwise it is the
// latest earlier text opening with a line that names its period ("No update
// this period. Last update, February 2018:"), or a line saying no update was
// received; and an update that gave text but no status opens with the
// period the status is as at. Text is the progress words alone, TextPeriod
// the period they were given in, and StatusPeriod the period the status was
// given in ("" for the plan's own values when the plan names no period).
type Action struct {
	*plan.Action
	Status       string
	StatusPeriod string
	Progress     string
	Text         string
	TextPeriod   string
	Note         string       // the opening line of Progress, or ""
	Update       *plan.Update // the period's update, or nil
	Overdue      bool
	NoReturn     bool
	Change       string // "unchanged", "better", "worse", "completed", "new"
	PrevStatus   string
	PrevPeriod   string
	Closed       bool
	// ChangeMarks say what changed since the previous reported period,
	// each with a symbol and words so that it reads without colour: the
	// status ("+ New", "▲ Better (was ONGOING)", "▼ Worse (was ON
	// TARGET)", "● Completed (was ONGOING)"), then a target revised in the
	// period ("♦ New target 31 May 2018 (was 31 March 2018)"), then new
	// progress text ("¶ New progress text"). ChangeMark is them joined
	// with "; ", "" when nothing changed.
	ChangeMarks []string
	ChangeMark  string
	// ExtensionNote says what happened to the target in the paper's
	// period: the new date the officer asked for in the period's return,
	// with the reason and whether it was agreed, and any extension the
	// job records as agreed in the period (see plan.Action.ExtensionNote);
	// "" when neither.
	ExtensionNote string
}

// Filters are the names a table's filter may take.
var Filters = []string{"open", "closed", "overdue", "no-return", "better", "worse", "completed", "new", "changed", "extension"}

func (a *Action) passes(filter string) bool {
	switch filter {
	case "":
		return true
	case "open":
		return !a.Closed
	case "closed":
		return a.Closed
	case "overdue":
		return a.Overdue
	case "no-return":
		return a.NoReturn
	case "changed":
		return len(a.ChangeMarks) > 0
	case "extension":
		return a.ExtensionNote != ""
	}
	return a.Change == filter
}

var funcs = template.FuncMap{
	"join":  strings.Join,
	"upper": strings.ToUpper,
	"lower": strings.ToLower,
	"default": func(def, s string) string {
		if strings.TrimSpace(s) == "" {
			return def
		}
		return s
	},
	// extra returns an issue's or action's extra field by column name, or "".
	"extra": func(v any, name string) string {
		var fs plan.Fields
		switch x := v.(type) {
		case *Issue:
			fs = x.Extra
		case *Action:
			fs = x.Extra
		}
		s, _ := fs.Get(name)
		return s
	},
}

// composer holds one composition's state.
type composer struct {
	t     *Template
	p     *plan.Plan
	opts  Options
	base  Data
	paths fieldPaths // field paths for fast placeholder texts
	slow  bool       // execute every placeholder text as a template (tests)
}

// Compose builds the paper's document from the template and the plan.
func Compose(t *Template, p *plan.Plan, opts Options) (*report.Document, error) {
	return compose(t, p, opts, false)
}

// compose is Compose; slow turns off the fast path for placeholder texts,
// so that tests can compare the two.
func compose(t *Template, p *plan.Plan, opts Options, slow bool) (*report.Document, error) {
	if opts.Period == "" {
		opts.Period = p.Current
	}
	if opts.Period != "" && len(p.Periods) > 0 && !p.HasPeriod(opts.Period) {
		return nil, fmt.Errorf("%s: period %q has no updates (periods read: %s)", opts.Name, opts.Period, strings.Join(p.Periods, ", "))
	}
	issues, err := selectIssues(p, opts)
	if err != nil {
		return nil, err
	}
	c := &composer{t: t, p: p, opts: opts, paths: fieldPaths{}, slow: slow}
	c.base = Data{
		Title: opts.Title, Organisation: opts.Organisation, Period: opts.Period,
		Vars: opts.Vars, Plan: p, Issues: issues,
		Outcome: &plan.Outcome{}, Recommendation: &plan.Recommendation{},
	}
	var all []*Action
	for _, is := range issues {
		all = append(all, is.Actions...)
	}
	c.base.Counts = countActions(p.Statuses, all)
	for _, x := range p.SetAside {
		if x.Period == opts.Period {
			c.base.SetAside = append(c.base.SetAside, x)
		}
	}
	if c.base.Vars == nil {
		c.base.Vars = map[string]string{}
	}
	if !p.AsAt.IsZero() {
		c.base.AsAt = p.AsAt.Long()
	}
	doc := c.document()
	for si, s := range t.Sections {
		if s.Each == "issue" {
			for _, is := range issues {
				d := c.base
				d.Issue, d.Theme = is, is.Theme
				sec, err := c.section(si, s, &d)
				if err != nil {
					return nil, err
				}
				doc.Sections = append(doc.Sections, sec)
			}
			continue
		}
		d := c.base
		sec, err := c.section(si, s, &d)
		if err != nil {
			return nil, err
		}
		doc.Sections = append(doc.Sections, sec)
	}
	if c.t != nil {
		hd, err := c.running(t.Header, &c.base)
		if err != nil {
			return nil, err
		}
		ft, err := c.running(t.Footer, &c.base)
		if err != nil {
			return nil, err
		}
		doc.Header, doc.Footer = hd, ft
		if t.Title != "" {
			title, err := c.exec(t.Title, &c.base)
			if err != nil {
				return nil, err
			}
			if title = strings.Join(strings.Fields(title), " "); title != "" {
				doc.Meta.Title = title
			}
		}
	}
	return doc, nil
}

func selectIssues(p *plan.Plan, opts Options) ([]*Issue, error) {
	var chosen []*plan.Issue
	if len(opts.Issues) == 0 {
		chosen = p.Issues
	}
	for _, want := range opts.Issues {
		var found *plan.Issue
		for _, is := range p.Issues {
			if plan.Key(is.ID) == plan.Key(want) || plan.Key(is.Title) == plan.Key(want) {
				found = is
				break
			}
		}
		if found == nil {
			var ids []string
			for _, is := range p.Issues {
				ids = append(ids, is.ID)
			}
			return nil, fmt.Errorf("%s: issue %q is not in the plan (issues: %s)", opts.Name, want, strings.Join(ids, ", "))
		}
		chosen = append(chosen, found)
	}
	if len(chosen) == 0 {
		return nil, fmt.Errorf("%s: no issues selected: the plan has no issues", opts.Name)
	}
	out := make([]*Issue, len(chosen))
	for i, is := range chosen {
		v := issueView(p, is, opts.Period)
		for _, a := range is.Actions {
			v.Actions = append(v.Actions, actionView(p, a, opts.Period))
		}
		v.Counts = countActions(p.Statuses, v.Actions)
		out[i] = v
	}
	return out, nil
}

func actionView(p *plan.Plan, a *plan.Action, period string) *Action {
	st := p.StateOf(a, period)
	f := p.FactsAt(a, period)
	v := &Action{
		Action: a, Status: st.Status, StatusPeriod: st.StatusFrom, Text: st.Progress, TextPeriod: st.ProgressFrom,
		Update: st.Update, Overdue: f.Overdue, NoReturn: f.NoReturn, Change: f.Change.String(),
		PrevStatus: f.PrevStatus, PrevPeriod: f.PrevPeriod,
		Closed: p.Statuses != nil && p.Statuses.Closed(st.Status),
	}
	v.Note = progressNote(p, st, period)
	v.Progress = withNote(v.Note, st.Progress)
	v.ChangeMarks = changeMarks(f)
	v.ChangeMark = strings.Join(v.ChangeMarks, "; ")
	v.ExtensionNote = a.ExtensionNote(period)
	return v
}

// Marks are the symbol and words of each change, as papers print them;
// every symbol is in the papers' font.
var (
	statusMarks = map[plan.Change]string{
		plan.New: "+ New", plan.Better: "▲ Better", plan.Worse: "▼ Worse", plan.Completed: "● Completed",
	}
	retargetMark = "♦ New target"
	newTextMark  = "¶ New progress text"
)

// changeMarks are an action's changes in the period as marks that survive
// greyscale: its status, a target revised in the period, new progress
// text.
func changeMarks(f plan.Facts) []string {
	var out []string
	if m := statusMarks[f.Change]; m != "" {
		if f.PrevStatus != "" && f.Change != plan.New {
			m += " (was " + f.PrevStatus + ")"
		}
		out = append(out, m)
	}
	if f.Retargeted {
		out = append(out, retargetMark+" "+f.NewTarget.Shown()+" (was "+f.WasTarget.Shown()+")")
	}
	if f.NewText {
		out = append(out, newTextMark)
	}
	return out
}

// progressNote is the line that opens an action's progress on a paper for
// period when the text or the status is not that period's own; "" when
// both are (or when the job has no periods, so the plan's values are all
// there is).
func progressNote(p *plan.Plan, st plan.State, period string) string {
	if period == "" || !p.HasPeriod(period) || st.ProgressFrom == period && (st.StatusFrom == period || st.Status == "") {
		return ""
	}
	u := st.Update
	switch {
	case u != nil && u.Baseline:
		return "" // the plan's own values are this period's
	case u == nil && st.Progress == "":
		return "No update received for this period."
	case u == nil:
		return "No update this period. " + lastUpdate(st.ProgressFrom)
	case st.ProgressFrom != period && st.Progress == "":
		return "Status updated this period, with no progress text."
	case st.ProgressFrom != period:
		return "Status updated this period, with no new progress text. " + lastUpdate(st.ProgressFrom)
	case st.StatusFrom == "":
		return "No status given this period: " + st.Status + " is the status recorded in the plan."
	default:
		return "No status given this period: " + st.Status + " is the status as at " + st.StatusFrom + "."
	}
}

func lastUpdate(from string) string {
	if from == "" {
		return "As recorded in the plan:"
	}
	return "Last update, " + from + ":"
}

// withNote puts the note, in italics, as a paragraph of its own above text.
func withNote(note, text string) string {
	switch {
	case note == "":
		return text
	case text == "":
		return "*" + note + "*"
	}
	return "*" + note + "*\n\n" + text
}

// issueView is the issue with its narrative as at the paper's period.
func issueView(p *plan.Plan, is *plan.Issue, period string) *Issue {
	n := p.NarrativeAt(is, period)
	v := &Issue{Issue: is,
		DescriptionText: n.Description, DescriptionPeriod: n.DescriptionFrom,
		ProspectText: n.Prospect, ProspectPeriod: n.ProspectFrom,
	}
	v.Stale = NarrativeStale(p, n.Prospect, n.ProspectFrom, period)
	v.Prospect = withNote(narrativeNote(v.Stale, n.ProspectFrom, period), n.Prospect)
	// The description is the issue's standing account: it is labelled only
	// when a return updated it in an earlier period.
	descStale := n.DescriptionFrom != "" && n.DescriptionFrom != p.Baseline && NarrativeStale(p, n.Description, n.DescriptionFrom, period)
	v.Description = withNote(narrativeNote(descStale, n.DescriptionFrom, period), n.Description)
	return v
}

// NarrativeStale reports whether an issue's narrative text, last given in
// period from ("" for the plan's own when the plan names no period), is
// older than the paper's period.
func NarrativeStale(p *plan.Plan, text, from, period string) bool {
	if text == "" || period == "" || !p.HasPeriod(period) || from == period {
		return false
	}
	return from == "" || p.Before(from, period)
}

func narrativeNote(stale bool, from, period string) string {
	if !stale {
		return ""
	}
	if from == "" {
		return "Not updated for " + period + "; as recorded in the plan:"
	}
	return "Not updated for " + period + "; last updated " + from + ":"
}

func (c *composer) document() *report.Document {
	t := c.t
	doc := &report.Document{
		Meta: report.Meta{
			Title:    c.opts.Title,
			Author:   c.opts.Author,
			Subject:  t.Description,
			Language: c.language(),
			Date:     time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		},
		Page: report.Page{Size: "A4", Landscape: true, Margins: report.Margins{Top: 15, Right: 12, Bottom: 15, Left: 12}},
		Style: report.Style{
			FontSize: 10, TableFontSize: 8.5, HeadingSizes: [3]float64{14, 12, 10.5},
			HeaderFill: "#1F3864", HeaderColour: "#FFFFFF", BandFill: "#D9E2F3", RuleColour: "#7F7F7F",
		},
	}
	if !c.p.AsAt.IsZero() {
		doc.Meta.Date = c.p.AsAt.Time()
	}
	for _, k := range []string{"Annual Governance Statement", c.opts.Organisation, c.opts.Period} {
		if k != "" {
			doc.Meta.Keywords = append(doc.Meta.Keywords, k)
		}
	}
	if pp, ok := report.LookupPaper(t.Page.Size); ok {
		doc.Page.Size = pp.Name
	}
	doc.Page.Landscape = !strings.EqualFold(t.Page.Orientation, "portrait")
	if m := t.Page.Margins; len(m) == 4 {
		doc.Page.Margins = report.Margins{Top: m[0], Right: m[1], Bottom: m[2], Left: m[3]}
	}
	s := t.Style
	set := func(dst *float64, v float64) {
		if v > 0 {
			*dst = v
		}
	}
	set(&doc.Style.FontSize, s.FontSize)
	set(&doc.Style.TableFontSize, s.TableFontSize)
	for i := 0; i < 3 && i < len(s.HeadingSizes); i++ {
		set(&doc.Style.HeadingSizes[i], s.HeadingSizes[i])
	}
	for dst, v := range map[*string]string{&doc.Style.HeaderFill: s.HeaderFill, &doc.Style.HeaderColour: s.HeaderColour,
		&doc.Style.BandFill: s.BandFill, &doc.Style.RuleColour: s.RuleColour} {
		if v != "" {
			*dst = strings.ToUpper(v)
		}
	}
	if c.p.Statuses != nil {
		for _, st := range c.p.Statuses.List() {
			doc.Statuses = append(doc.Statuses, report.Status{Name: st.Name, Colour: st.Colour, Symbol: st.Symbol, Closed: st.Closed})
		}
	}
	return doc
}

// language is the paper's language tag.
func (c *composer) language() string {
	if l := strings.TrimSpace(c.opts.Language); l != "" {
		return l
	}
	return "en-GB"
}

// exec expands one placeholder text.
func (c *composer) exec(src string, d *Data) (string, error) {
	tm, ok := c.t.compiled[src]
	if !ok {
		return src, nil
	}
	if ft := c.t.fast[src]; ft != nil && !c.slow {
		if s, ok := ft.eval(d, c.paths); ok {
			return s, nil
		}
	}
	var b strings.Builder
	if err := tm.Execute(&b, d); err != nil {
		return "", c.execError(src, d, err)
	}
	return b.String(), nil
}

// missingVar finds text/template's message for a map key that is not there.
var missingVar = regexp.MustCompile(`at <\.Vars\.([^>]*)>: map has no entry for key`)

// execError says where a placeholder text failed, at its line in the
// template when it can be found; a variable the job does not set is named
// with the nearest that it does, and the list of them.
func (c *composer) execError(src string, d *Data, err error) error {
	msg := err.Error()
	if i := strings.Index(msg, "executing "); i >= 0 {
		msg = msg[i+len("executing "):]
	}
	where := "template " + c.t.Source
	if c.t.file != nil {
		if line := c.t.file.LineOf(src); line > 0 {
			where += fmt.Sprintf(": line %d", line)
		}
	}
	if m := missingVar.FindStringSubmatch(msg); m != nil {
		names := make([]string, 0, len(d.Vars))
		for k := range d.Vars {
			names = append(names, k)
		}
		msg = fmt.Sprintf("%q uses the variable %q, which the job does not set in [vars] or [output.vars]", short(src), m[1])
		if hint := suggest.Message(m[1], names, "variables set"); hint != "" {
			if strings.HasPrefix(hint, "(") {
				msg += " " + hint
			} else {
				msg += ": " + hint
			}
		}
	}
	return fmt.Errorf("%s: %s: %s", c.opts.Name, where, msg)
}

func (c *composer) running(r RunningT, d *Data) (report.Running, error) {
	var out report.Running
	for _, x := range []struct {
		src string
		dst *string
	}{{r.Left, &out.Left}, {r.Centre, &out.Centre}, {r.Right, &out.Right}} {
		s, err := c.exec(x.src, d)
		if err != nil {
			return out, err
		}
		*x.dst = strings.TrimSpace(s)
	}
	return out, nil
}

func (c *composer) section(si int, s SectionT, d *Data) (report.Section, error) {
	name := s.Name
	if name == "" {
		name = c.opts.Title
		if d.Issue != nil {
			name = d.Issue.Title
		}
	}
	name, err := c.exec(name, d)
	if err != nil {
		return report.Section{}, err
	}
	sec := report.Section{Name: strings.TrimSpace(name)}
	for _, b := range s.Blocks {
		if b.When != "" {
			w, err := c.exec(b.When, d)
			if err != nil {
				return sec, err
			}
			if w = strings.TrimSpace(w); w == "" || w == "false" {
				continue
			}
		}
		if b.Type == "table" && b.Split {
			blks, err := c.splitTable(b, d)
			if err != nil {
				return sec, err
			}
			sec.Blocks = append(sec.Blocks, blks...)
			continue
		}
		blk, err := c.block(b, d)
		if err != nil {
			return sec, err
		}
		if blk != nil {
			sec.Blocks = append(sec.Blocks, blk)
		}
	}
	return sec, nil
}

func (c *composer) block(b BlockT, d *Data) (report.Block, error) {
	switch b.Type {
	case "heading":
		text, err := c.exec(b.Text, d)
		if err != nil {
			return nil, err
		}
		bm, err := c.exec(b.Bookmark, d)
		if err != nil {
			return nil, err
		}
		return &report.Heading{Level: b.Level, Text: markup(text), Bookmark: strings.TrimSpace(bm)}, nil
	case "paragraph":
		text, err := c.exec(b.Text, d)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(text) == "" {
			return nil, nil
		}
		return &report.Paragraph{Text: markup(text), Small: b.Small}, nil
	case "fields":
		f := &report.Fields{}
		for _, ft := range b.Fields {
			label, err := c.exec(ft.Label, d)
			if err != nil {
				return nil, err
			}
			value, err := c.exec(ft.Value, d)
			if err != nil {
				return nil, err
			}
			if ft.Optional && strings.TrimSpace(value) == "" {
				continue
			}
			f.Items = append(f.Items, report.Field{Label: strings.TrimSpace(label), Value: markup(value), Stacked: ft.Stacked})
		}
		if len(f.Items) == 0 {
			return nil, nil
		}
		return f, nil
	case "table":
		return c.table(b, d)
	case "status_summary":
		return c.summary(b, d), nil
	case "status_chart":
		return c.chart(b, d)
	case "status_key":
		title, err := c.exec(b.Title, d)
		if err != nil {
			return nil, err
		}
		return &report.StatusKey{Title: title}, nil
	}
	return nil, fmt.Errorf("%s: unknown block type %q", c.opts.Name, b.Type)
}

// rowData is one table row's context and the group it falls in.
type rowData struct {
	d     Data
	group string // grouping key
}

func (c *composer) rows(b BlockT, d *Data) []rowData {
	issues := d.Issues
	if d.Issue != nil {
		issues = []*Issue{d.Issue}
	}
	// A row's data is large: count the rows first, so the list is made
	// once at its size.
	n := 0
	for _, is := range issues {
		if b.Rows == "issues" {
			n++
			continue
		}
		for _, a := range is.Actions {
			if a.passes(b.Filter) {
				n++
			}
		}
	}
	out := make([]rowData, 0, n)
	for _, is := range issues {
		if b.Rows == "issues" {
			rd := *d
			rd.Issue, rd.Theme = is, is.Theme
			out = append(out, rowData{d: rd, group: groupKey(b.GroupBy, &rd)})
			continue
		}
		// Index the issue's outcomes and recommendations once: looking each
		// action's up by scanning them is quadratic in a large issue.
		outcomes := make(map[string]*plan.Outcome, len(is.Outcomes))
		for _, o := range is.Outcomes {
			if k := plan.Key(o.Number); outcomes[k] == nil {
				outcomes[k] = o
			}
		}
		recs := make(map[string]*plan.Recommendation, len(is.Recommendations))
		for _, r := range is.Recommendations {
			if k := plan.Key(r.Number); recs[k] == nil {
				recs[k] = r
			}
		}
		for _, a := range is.Actions {
			if !a.passes(b.Filter) {
				continue
			}
			rd := *d
			rd.Issue, rd.Theme, rd.Action = is, is.Theme, a
			if o := outcomes[plan.Key(a.Outcome)]; o != nil {
				rd.Outcome = o
			} else {
				rd.Outcome = &plan.Outcome{Number: a.Outcome}
			}
			if r := recs[plan.Key(a.Recommendation)]; r != nil {
				rd.Recommendation = r
			} else {
				rd.Recommendation = &plan.Recommendation{Number: a.Recommendation}
			}
			out = append(out, rowData{d: rd, group: groupKey(b.GroupBy, &rd)})
		}
	}
	if b.Order == "priority" {
		// Highest priority first; actions with none after those with one;
		// otherwise the plan's order.
		sort.SliceStable(out, func(i, j int) bool {
			return priorityRank(out[i].d.Action) < priorityRank(out[j].d.Action)
		})
	}
	return out
}

// priorityRank orders actions by priority, those with none last.
func priorityRank(a *Action) int {
	if a == nil || a.Priority.Rank == 0 {
		return math.MaxInt
	}
	return a.Priority.Rank
}

func groupKey(by string, d *Data) string {
	switch by {
	case "outcome":
		return d.Issue.ID + "\x00" + d.Outcome.Number
	case "theme":
		return d.Theme
	case "issue":
		return d.Issue.ID
	case "recommendation":
		return d.Issue.ID + "\x00" + d.Recommendation.Number
	}
	return ""
}

func (c *composer) table(b BlockT, d *Data) (report.Block, error) {
	t := &report.Table{Flat: b.Flat}
	var err error
	if t.Name, err = c.exec(b.Name, d); err != nil {
		return nil, err
	}
	if t.Empty, err = c.exec(b.Empty, d); err != nil {
		return nil, err
	}
	if t.Empty == "" {
		t.Empty = "None."
	}
	for _, col := range b.Columns {
		title, err := c.exec(col.Title, d)
		if err != nil {
			return nil, err
		}
		w := col.Width
		if w == 0 {
			w = 1
		}
		rc := report.Column{Title: strings.TrimSpace(title), Width: w, Status: col.Status}
		switch col.Align {
		case "centre", "center":
			rc.Align = report.Centre
		case "right":
			rc.Align = report.Right
		}
		t.Columns = append(t.Columns, rc)
	}
	rows := c.rows(b, d)
	// Groups keep the order in which they first appear; rows keep plan
	// order within their group.
	var order []string
	byKey := map[string][]*rowData{}
	for i := range rows {
		r := &rows[i]
		if _, ok := byKey[r.group]; !ok {
			order = append(order, r.group)
		}
		byKey[r.group] = append(byKey[r.group], r)
	}
	for _, k := range order {
		g, err := c.group(b, byKey[k])
		if err != nil {
			return nil, err
		}
		t.Groups = append(t.Groups, g)
	}
	return t, nil
}

// splitTable composes a grouped table as one table per group: each group's
// band becomes a heading above a table of the group's rows with its own
// header row. With no rows it is the one table, saying it is empty.
func (c *composer) splitTable(b BlockT, d *Data) ([]report.Block, error) {
	blk, err := c.table(b, d)
	if err != nil {
		return nil, err
	}
	t := blk.(*report.Table)
	if len(t.Groups) == 0 {
		return []report.Block{t}, nil
	}
	level := b.Level
	if level == 0 {
		level = 2
	}
	var out []report.Block
	for _, g := range t.Groups {
		if strings.TrimSpace(g.Band.String()) != "" {
			out = append(out, &report.Heading{Level: level, Text: g.Band, Bookmark: g.Bookmark})
		}
		one := *t
		g.Band, g.Bookmark = report.Text{}, ""
		one.Groups = []report.Group{g}
		out = append(out, &one)
	}
	return out, nil
}

func (c *composer) group(b BlockT, rows []*rowData) (report.Group, error) {
	var g report.Group
	first := &rows[0].d
	if b.GroupBy != "" {
		band, err := c.exec(b.Band, first)
		if err != nil {
			return g, err
		}
		bm, err := c.exec(b.Bookmark, first)
		if err != nil {
			return g, err
		}
		g.Band, g.Bookmark = markup(band), strings.TrimSpace(bm)
	}
	keys := make([][]string, len(b.Columns))
	g.Rows = make([]report.Row, 0, len(rows))
	for _, r := range rows {
		row := report.Row{Cells: make([]report.Cell, 0, len(b.Columns))}
		for ci, col := range b.Columns {
			v, err := c.exec(col.Value, &r.d)
			if err != nil {
				return g, err
			}
			cell := report.Cell{Text: markup(v)}
			switch col.Type {
			case "plain":
				cell.Text = report.Plain(v)
			case "date":
				cell.Date = dateOf(v)
			case "percent":
				cell.Value = percentOf(v)
			case "priority":
				cell.Value = priorityOf(v)
			}
			if col.Status && c.p.Statuses != nil {
				if st, ok := c.p.Statuses.Lookup(strings.TrimSpace(v)); ok {
					cell.Status, cell.Fill = st.Name, st.Colour
					if st.Symbol != "" {
						cell.Symbol, cell.Text = st.Symbol, markup(st.Symbol+" "+strings.TrimSpace(v))
					}
				}
			}
			if f := col.sourceField(); f != "" && !b.Flat {
				// The source's merged area is the key: rows read from one
				// merged cell span; rows that only happen to share a value
				// do not.
				k := ""
				if r.d.Action != nil {
					k = r.d.Action.Merged[f]
				}
				if f == "target" && r.d.Action != nil && r.d.Action.Revised() {
					// A revised target is the action's own, not the
					// merged cell's it was read from.
					k = ""
				}
				keys[ci] = append(keys[ci], k)
			}
			if col.Merge {
				k := v
				if col.MergeKey != "" {
					if k, err = c.exec(col.MergeKey, &r.d); err != nil {
						return g, err
					}
				}
				keys[ci] = append(keys[ci], strings.TrimSpace(k))
			}
			row.Cells = append(row.Cells, cell)
		}
		g.Rows = append(g.Rows, row)
	}
	for ci, ks := range keys {
		for i := 0; i < len(ks); {
			j := i + 1
			for j < len(ks) && ks[i] != "" && ks[j] == ks[i] {
				j++
			}
			if j-i > 1 {
				g.Rows[i].Cells[ci].Span = j - i
				for k := i + 1; k < j; k++ {
					g.Rows[k].Cells[ci] = report.Cell{Covered: true}
				}
			}
			i = j
		}
	}
	return g, nil
}

// dateOf returns the date a cell value is when it is exactly one date in
// long form ("31 March 2018") or figures ("31/03/2018"), or the zero time:
// a target such as "By 31st March 2018" or "As required" is words.
func dateOf(v string) time.Time {
	v = strings.Join(strings.Fields(v), " ")
	t, err := plan.ParseTarget(v)
	if err != nil || t.Due.IsZero() || !t.Start.IsZero() {
		return time.Time{}
	}
	if v != t.Due.Long() && !onlyFigures.MatchString(v) {
		return time.Time{}
	}
	return t.Due.Time()
}

// percentOf types a percent column's value: text that is one
// percentage ("85%", 85, 0.85, as plan.ParsePercent reads it) is that
// percentage; anything else stays text.
func percentOf(v string) report.Value {
	p, err := plan.ParsePercent(v)
	if err != nil || !p.Set {
		return report.Value{}
	}
	return report.Value{Kind: report.PercentValue, Number: p.Value}
}

// priorityOf types a priority column's value: text that is one priority
// (1/2/3, High/Medium/Low, as plan.ParsePriority reads it) is its rank;
// anything else stays text.
func priorityOf(v string) report.Value {
	p, err := plan.ParsePriority(v)
	if err != nil || p.Rank == 0 {
		return report.Value{}
	}
	return report.Value{Kind: report.RankValue, Number: float64(p.Rank)}
}

// onlyFigures matches a date written in figures and nothing else.
var onlyFigures = regexp.MustCompile(`^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}$`)

// counts returns, per selected issue, the number of actions in each status
// as of the paper's period, and the statuses to show (the vocabulary, plus
// "No status" when some action has none).
func (c *composer) counts(d *Data) (names []string, colours []string, perIssue [][]int) {
	for _, st := range c.p.Statuses.List() {
		// The symbol names the column and the chart's series too, so the
		// summary and the chart's legend read in greyscale.
		n := st.Name
		if st.Symbol != "" {
			n = st.Symbol + " " + n
		}
		names = append(names, n)
		colours = append(colours, st.Colour)
	}
	none := false
	perIssue = make([][]int, len(d.Issues))
	for i, is := range d.Issues {
		perIssue[i] = make([]int, len(names)+1)
		for _, a := range is.Actions {
			r := c.p.Statuses.Rank(a.Status)
			if r < 0 {
				r, none = len(names), true
			}
			perIssue[i][r]++
		}
	}
	if none {
		names = append(names, "No status")
		colours = append(colours, "#FFFFFF")
	} else {
		for i := range perIssue {
			perIssue[i] = perIssue[i][:len(names)]
		}
	}
	return names, colours, perIssue
}

func (c *composer) summary(b BlockT, d *Data) report.Block {
	names, colours, counts := c.counts(d)
	t := &report.Table{Name: "Summary", Columns: []report.Column{{Title: "Governance issue", Width: 4}}}
	for _, n := range names {
		t.Columns = append(t.Columns, report.Column{Title: n, Width: 1, Align: report.Centre})
	}
	t.Columns = append(t.Columns, report.Column{Title: "Total", Width: 1, Align: report.Centre})
	totals := make([]int, len(names)+1)
	var g report.Group
	num := func(n int, bold bool) report.Text {
		if bold {
			return report.Bold(fmt.Sprint(n))
		}
		return report.Plain(fmt.Sprint(n))
	}
	for i, is := range d.Issues {
		row := report.Row{Cells: []report.Cell{{Text: report.Plain(is.Title)}}}
		sum := 0
		for j, n := range counts[i] {
			cell := report.Cell{Text: num(n, false)}
			if n > 0 {
				cell.Fill = colours[j]
			}
			row.Cells = append(row.Cells, cell)
			sum += n
			totals[j] += n
		}
		totals[len(names)] += sum
		row.Cells = append(row.Cells, report.Cell{Text: num(sum, true)})
		g.Rows = append(g.Rows, row)
	}
	row := report.Row{Cells: []report.Cell{{Text: report.Bold("Total")}}}
	for _, n := range totals {
		row.Cells = append(row.Cells, report.Cell{Text: num(n, true)})
	}
	g.Rows = append(g.Rows, row)
	t.Groups = []report.Group{g}
	return t
}

func (c *composer) chart(b BlockT, d *Data) (report.Block, error) {
	title, err := c.exec(b.Title, d)
	if err != nil {
		return nil, err
	}
	names, colours, counts := c.counts(d)
	ch := &report.Chart{Title: title}
	for _, is := range d.Issues {
		ch.Categories = append(ch.Categories, is.Title)
	}
	for j, n := range names {
		s := report.Series{Name: n, Colour: colours[j]}
		for i := range d.Issues {
			s.Values = append(s.Values, float64(counts[i][j]))
		}
		ch.Series = append(ch.Series, s)
	}
	return ch, nil
}
