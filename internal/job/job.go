// Package job reads the job file: the TOML file in which a governance
// officer says where the plan and the progress updates are, how their
// columns are named, the council's status vocabulary, the reporting period,
// and which papers to produce.
//
// Decoding is strict: an unknown key, a key in the wrong case, a value of the
// wrong type, or a file that is not there is an error naming the key and the
// line. Paths in the job are relative to the job file's folder. Defaults make
// a short job work: the plan's tables are found by sheet name, headers are
// found automatically, and the default status vocabulary applies.
package job

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/agsreport/agsreport/internal/fonts"
	"github.com/agsreport/agsreport/internal/format"
	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/safefs"
	"github.com/agsreport/agsreport/internal/sheet"
	"github.com/agsreport/agsreport/internal/tomlx"
)

// languageTag is the shape of a BCP 47 language tag: a language of two
// or three letters, then subtags of letters and digits.
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// Job is a decoded, checked job file.
type Job struct {
	File string // the job file as given
	Dir  string // its folder; relative paths are resolved against it

	Title        string
	Organisation string
	Author       string
	Language     string    // BCP 47 tag of the papers' language, e.g. "en-GB" (the default) or "cy"
	Period       string    // the period this pack reports; "" means the last period with updates
	AsAt         plan.Date // overdue checks are made against it; zero means none
	Templates    string    // a folder of the user's templates, overriding built-ins by name; "" for none
	OutputDir    string    // where papers are written
	// AllowLinksOutside lets inputs be reached through links that lead out
	// of the job's folder (allow_links_outside = true); by default such
	// links are refused (see safefs.Input).
	AllowLinksOutside bool
	Vars              map[string]string

	Plan sheet.PlanSpec
	// PlanPeriod is the period the plan's own status and progress columns
	// are as at (its baseline), or "" when the plan names none. It comes
	// before every period of Updates.
	PlanPeriod string
	Updates    []Updates
	// Extensions are the new target dates the job agrees
	// ([[extensions]]), in the job's order.
	Extensions []Extension
	// Approvals are the approvals sheets the job reads (approvals = […]):
	// decisions on the officers' requests for new target dates.
	Approvals []sheet.TableSpec
	Statuses  []plan.Status // best first
	Outputs   []Output
}

// Updates is one set of progress-update workbooks for one period.
type Updates struct {
	Index  int // 1-based position in the job, for messages
	Period string
	// Files are the workbooks the globs matched, sorted, with lock files of
	// open workbooks ("~$…") left out; Skipped lists those.
	Files   []sheet.TableSpec
	Skipped []string
	// Optional blocks may match no workbook (returns not in yet); the
	// patterns that matched nothing are listed in Unmatched. A pattern of
	// a block that is not optional must match a workbook.
	Optional  bool
	Unmatched []string
	// Ignore lists rows of the returns that the job sets aside, by action
	// ref, each with the reason to report.
	Ignore []Ignore
	// Dangling lists the links the globs matched whose target does not
	// exist: they are skipped with a warning.
	Dangling []Dangling
	// Patterns are the block's workbook patterns as written, and resolved
	// against the job's folder.
	Patterns, Resolved []string
}

// Ignore is a row of a return set aside by the job rather than by editing
// the officer's workbook.
type Ignore struct {
	Ref    string
	Reason string
}

// Extension is a new target date for an action, agreed (by a committee,
// say) and recorded in the job: it becomes a revision of the action's
// target, as a revised target in the plan does.
type Extension struct {
	Index  int    // 1-based position in the job, for messages
	Ref    string // the action's ref, as written
	Target plan.Target
	Agreed plan.Date // when it was agreed; zero when not given
	By     string    // who agreed it; "" when not given
	Period string    // the period it was agreed in; "" when not given
}

// Dangling is a link to a file that does not exist.
type Dangling struct {
	Name   string // the link, as messages name it
	Target string // what it points to, as written in the link
}

// Output is one paper to produce.
type Output struct {
	Index    int // 1-based position in the job, for messages
	Template string
	Issues   []string // issue IDs or titles; empty means every issue
	File     string   // file name without extension, in OutputDir
	Formats  []string // names in the format registry: "pdf", "xlsx", …
	Period   string   // the period this paper reports; "" means the job's
	Title    string   // overrides the job's title on this paper
	Vars     map[string]string
}

// Name names the output in messages: `output 2 ("appendix-b")`.
func (o Output) Name() string { return fmt.Sprintf("output %d (%q)", o.Index, o.Template) }

// file mirrors the TOML; it is decoded and then checked into a Job.
type file struct {
	Title        string                `toml:"title"`
	Organisation string                `toml:"organisation"`
	Author       string                `toml:"author"`
	Language     string                `toml:"language"`
	Period       string                `toml:"period"`
	AsAt         any                   `toml:"as_at"`
	Templates    string                `toml:"templates"`
	OutputDir    string                `toml:"output_dir"`
	AllowLinks   bool                  `toml:"allow_links_outside"`
	Vars         map[string]string     `toml:"vars"`
	Plan         *planFile             `toml:"plan"`
	Updates      []updatesFile         `toml:"updates"`
	Extensions   []extensionFile       `toml:"extensions"`
	Approvals    []string              `toml:"approvals"`
	Statuses     map[string]statusFile `toml:"statuses"`
	Outputs      []outputFile          `toml:"output"`
}

type planFile struct {
	Workbook        string     `toml:"workbook"`
	Period          string     `toml:"period"`
	Issues          *tableFile `toml:"issues"`
	Outcomes        *tableFile `toml:"outcomes"`
	Recommendations *tableFile `toml:"recommendations"`
	Actions         *tableFile `toml:"actions"`
}

type tableFile struct {
	Workbook  string         `toml:"workbook"`
	Sheet     string         `toml:"sheet"`
	Sheets    []string       `toml:"sheets"`
	Header    any            `toml:"header"`
	Columns   map[string]any `toml:"columns"`
	Bands     string         `toml:"bands"`
	RefInText *bool          `toml:"ref_in_text"`
	LastRow   int            `toml:"last_row"`
	End       string         `toml:"end"`
}

type updatesFile struct {
	Workbooks []string       `toml:"workbooks"`
	Period    string         `toml:"period"`
	Sheet     string         `toml:"sheet"`
	Header    any            `toml:"header"`
	Columns   map[string]any `toml:"columns"`
	Optional  bool           `toml:"optional"`
	Ignore    []ignoreFile   `toml:"ignore"`
}

type extensionFile struct {
	Ref    string `toml:"ref"`
	Target any    `toml:"target"`
	Agreed any    `toml:"agreed"`
	By     string `toml:"by"`
	Period string `toml:"period"`
}

type ignoreFile struct {
	Ref    string `toml:"ref"`
	Reason string `toml:"reason"`
}

type statusFile struct {
	Aliases []string `toml:"aliases"`
	Colour  string   `toml:"colour"`
	Symbol  string   `toml:"symbol"`
	Closed  bool     `toml:"closed"`
}

type outputFile struct {
	Template string            `toml:"template"`
	Issues   []string          `toml:"issues"`
	File     string            `toml:"file"`
	Formats  []string          `toml:"formats"`
	Period   string            `toml:"period"`
	Title    string            `toml:"title"`
	Vars     map[string]string `toml:"vars"`
}

// Load reads and checks the job file at path. Every problem found is
// returned together, one per line, each naming the key and its line.
func Load(path string) (*Job, error) {
	if err := safefs.Regular(path, "job file"); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: job file not found", path)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: job file not found", path)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse decodes and checks a job file's contents; path names it in
// messages and anchors relative paths.
func Parse(path string, data []byte) (*Job, error) {
	if err := notText(path, data); err != nil {
		return nil, err
	}
	var f file
	c, err := tomlx.Decode(path, data, &f, "statuses", "vars", "columns")
	if err != nil {
		return nil, err
	}
	j := &Job{
		File:         path,
		Dir:          filepath.Dir(path),
		Title:        f.Title,
		Organisation: f.Organisation,
		Author:       f.Author,
		Period:       strings.TrimSpace(f.Period),
		Vars:         f.Vars,

		AllowLinksOutside: f.AllowLinks,
	}
	if j.Author == "" {
		j.Author = j.Organisation
	}
	j.Language = "en-GB"
	if l := strings.TrimSpace(f.Language); l != "" {
		if !languageTag.MatchString(l) {
			c.Errorf(toml.Key{"language"}, "language %q is not a language tag such as \"en-GB\" or \"cy\"", f.Language)
		}
		j.Language = l
	}
	if j.Title == "" {
		c.Errorf(nil, "the job needs a title, e.g. title = \"Annual Governance Statement Action Plan 2017-18\"")
	}
	j.AsAt = date(c, toml.Key{"as_at"}, f.AsAt)
	if f.Templates != "" {
		j.Templates = j.resolve(f.Templates)
		if st, err := os.Stat(j.Templates); err != nil || !st.IsDir() {
			c.Errorf(toml.Key{"templates"}, "templates folder %q not found", f.Templates)
		}
	}
	j.OutputDir = j.resolve(f.OutputDir)
	if f.OutputDir == "" {
		j.OutputDir = j.resolve("out")
	}
	j.Plan = planSpec(c, j, f.Plan)
	if f.Plan != nil {
		j.PlanPeriod = strings.TrimSpace(f.Plan.Period)
	}
	for i, u := range f.Updates {
		j.Updates = append(j.Updates, updates(c, j, i, u))
	}
	checkPeriods(c, j)
	for i, e := range f.Extensions {
		j.Extensions = append(j.Extensions, extension(c, j, i, e))
	}
	for _, a := range f.Approvals {
		if strings.TrimSpace(a) == "" {
			c.Errorf(toml.Key{"approvals"}, "approvals lists an empty file name")
			continue
		}
		spec := sheet.TableSpec{Path: j.resolve(a), Name: a}
		j.input(c, toml.Key{"approvals"}, spec.Path, a, "approvals workbook")
		j.Approvals = append(j.Approvals, spec)
	}
	j.Statuses = statuses(c, f.Statuses)
	if len(j.Statuses) == 0 {
		j.Statuses = plan.DefaultStatuses()
	}
	if _, err := plan.NewVocabulary(j.Statuses); err != nil {
		var key toml.Key
		var de *plan.DuplicateStatusError
		if errors.As(err, &de) {
			key = toml.Key{"statuses", de.Status}
		}
		c.Errorf(key, "%v", err)
	}
	for i, o := range f.Outputs {
		j.Outputs = append(j.Outputs, output(c, i, o))
		j.templateInput(c, j.Outputs[i])
	}
	for _, o := range j.Outputs {
		if o.Period != "" && !j.KnowsPeriod(o.Period) {
			c.Errorf(toml.Key{"output", "period"}, "[[output]] number %d: period %q is not a period of this job (%s)", o.Index, o.Period, j.periodList())
		}
	}
	if err := c.Err(); err != nil {
		return nil, err
	}
	return j, nil
}

func (j *Job) resolve(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(j.Dir, p)
}

func date(c *tomlx.File, key toml.Key, v any) plan.Date {
	switch x := v.(type) {
	case nil:
		return plan.Date{}
	case time.Time:
		// A TOML local date decodes to midnight in the machine's zone: take
		// its calendar date as written.
		return plan.DateOf(x)
	case string:
		t, err := plan.ParseTarget(x)
		if err != nil || t.Due.IsZero() {
			c.Errorf(key, "%q is not a date; write it as 2018-02-28", x)
			return plan.Date{}
		}
		return t.Due
	default:
		c.Errorf(key, "must be a date such as 2018-02-28, not %T", v)
		return plan.Date{}
	}
}

// extension checks one [[extensions]] block: a ref, a target date, and a
// period (when given) that is one of the job's.
func extension(c *tomlx.File, j *Job, i int, e extensionFile) Extension {
	at := func(k string) toml.Key { return toml.Key{"extensions", k} }
	out := Extension{Index: i + 1, Ref: strings.TrimSpace(e.Ref), By: strings.TrimSpace(e.By), Period: strings.TrimSpace(e.Period)}
	if out.Ref == "" {
		c.Errorf(toml.Key{"extensions"}, "[[extensions]] number %d names no action: give ref = \"…\"", i+1)
	}
	if e.Target == nil {
		c.Errorf(toml.Key{"extensions"}, "[[extensions]] number %d gives no target: give the new target date, such as target = 2024-09-30", i+1)
	} else if d := date(c, at("target"), e.Target); !d.IsZero() {
		out.Target = plan.Target{Text: d.Long(), Due: d}
	}
	out.Agreed = date(c, at("agreed"), e.Agreed)
	if out.Period != "" && !containsFold(j.Periods(), out.Period) {
		c.Errorf(at("period"), "[[extensions]] number %d: period %q is not a period of this job (%s)", i+1, out.Period, j.periodList())
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if plan.Key(x) == plan.Key(s) {
			return true
		}
	}
	return false
}

func header(c *tomlx.File, key toml.Key, v any) int {
	switch x := v.(type) {
	case nil:
		return 0
	case string:
		if strings.EqualFold(x, "auto") {
			return 0
		}
	case int64:
		if x >= 1 && x <= 1048576 {
			return int(x)
		}
	}
	c.Errorf(key, `must be "auto" or a row number from 1, not %v`, v)
	return 0
}

func columns(c *tomlx.File, key toml.Key, m map[string]any) map[string][]string {
	if len(m) == 0 {
		return nil
	}
	out := map[string][]string{}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		switch x := m[k].(type) {
		case string:
			out[k] = []string{x}
		case []any:
			for _, e := range x {
				s, ok := e.(string)
				if !ok {
					c.Errorf(append(key, k), "must be a header text or a list of them")
					break
				}
				out[k] = append(out[k], s)
			}
		default:
			c.Errorf(append(key, k), "must be a header text or a list of them")
		}
	}
	return out
}

func table(c *tomlx.File, j *Job, key toml.Key, t *tableFile, workbook string) *sheet.TableSpec {
	if t == nil {
		return nil
	}
	wb := t.Workbook
	if wb == "" {
		wb = workbook
	}
	if wb == "" {
		c.Errorf(key, "no workbook: set plan.workbook or %s.workbook", key.String())
		return nil
	}
	spec := &sheet.TableSpec{
		Path:    j.resolve(wb),
		Name:    wb,
		Sheet:   t.Sheet,
		Sheets:  t.Sheets,
		Header:  header(c, append(key, "header"), t.Header),
		Columns: columns(c, append(key, "columns"), t.Columns),
		Bands:   strings.ToLower(strings.TrimSpace(t.Bands)),
		LastRow: t.LastRow,
		End:     strings.TrimSpace(t.End),
	}
	if spec.Bands != "" && !slices.Contains(sheet.BandKinds, spec.Bands) {
		c.Errorf(append(key, "bands"), "must be one of %s, not %q", strings.Join(sheet.BandKinds, ", "), t.Bands)
	}
	if t.Sheet != "" && len(t.Sheets) > 0 {
		c.Errorf(append(key, "sheets"), "give sheet or sheets, not both")
	}
	if t.RefInText != nil && !*t.RefInText {
		spec.RefInText = sheet.RefInTextNo
	}
	if t.LastRow < 0 || t.LastRow > 0 && t.LastRow <= spec.Header {
		c.Errorf(append(key, "last_row"), "must be a row number below the header row, not %d", t.LastRow)
	}
	j.input(c, append(key, "workbook"), spec.Path, wb, "workbook")
	return spec
}

// input checks, without opening it, a file the job reads (see
// safefs.Input): what is the kind of file, for messages.
func (j *Job) input(c *tomlx.File, key toml.Key, path, as, what string) {
	err := j.check(path, what)
	var dl *safefs.DanglingError
	switch {
	case err == nil:
	case errors.As(err, &dl):
		c.Errorf(key, "%s %q %v", what, as, err)
	case errors.Is(err, os.ErrNotExist):
		c.Errorf(key, "%s %q not found", what, as)
	default:
		c.Errorf(key, "%q %v", as, err)
	}
}

// templateInput checks the user's template file an output uses, if any: a
// file it names, or the one in the templates folder overriding a built-in.
// A template that is not there is reported when templates are compiled.
func (j *Job) templateInput(c *tomlx.File, o Output) {
	var p string
	switch {
	case strings.HasSuffix(o.Template, ".toml"):
		p = j.resolve(o.Template)
	case j.Templates != "" && o.Template != "":
		p = filepath.Join(j.Templates, o.Template+".toml")
		if _, err := os.Lstat(p); err != nil {
			return // none: the built-in is used
		}
	default:
		return
	}
	err := j.check(p, "template")
	var dl *safefs.DanglingError
	if err != nil && (errors.As(err, &dl) || !errors.Is(err, os.ErrNotExist)) {
		c.Errorf(toml.Key{"output", "template"}, "[[output]] number %d: template %q %v", o.Index, o.Template, err)
	}
}

// check applies safefs.Input with the job's folder and its
// allow_links_outside.
func (j *Job) check(path, what string) error {
	return safefs.Input(path, what, j.Dir, j.AllowLinksOutside)
}

func planSpec(c *tomlx.File, j *Job, p *planFile) sheet.PlanSpec {
	if p == nil {
		c.Errorf(nil, "the job has no [plan]: say where the plan workbook is, e.g. [plan] workbook = \"plan.xlsx\"")
		return sheet.PlanSpec{}
	}
	key := toml.Key{"plan"}
	spec := sheet.PlanSpec{
		Issues:          table(c, j, toml.Key{"plan", "issues"}, p.Issues, p.Workbook),
		Outcomes:        table(c, j, toml.Key{"plan", "outcomes"}, p.Outcomes, p.Workbook),
		Recommendations: table(c, j, toml.Key{"plan", "recommendations"}, p.Recommendations, p.Workbook),
		Actions:         table(c, j, toml.Key{"plan", "actions"}, p.Actions, p.Workbook),
	}
	if p.Issues == nil && p.Outcomes == nil && p.Recommendations == nil && p.Actions == nil {
		// A short job names only the workbook: each table is looked for by
		// sheet name when the plan is read, and left out when absent.
		if p.Workbook == "" {
			c.Errorf(key, "set plan.workbook to the plan's workbook")
			return spec
		}
		mk := func() *sheet.TableSpec {
			t := table(c, j, key, &tableFile{}, p.Workbook)
			if t != nil {
				t.Optional = true
			}
			return t
		}
		spec = sheet.PlanSpec{Issues: mk(), Outcomes: mk(), Recommendations: mk(), Actions: mk()}
	}
	return spec
}

func updates(c *tomlx.File, j *Job, i int, u updatesFile) Updates {
	key := toml.Key{"updates"}
	out := Updates{Index: i + 1, Period: strings.TrimSpace(u.Period), Optional: u.Optional}
	if out.Period == "" {
		c.Errorf(key, "[[updates]] number %d needs a period, e.g. period = \"February 2018\"", i+1)
	}
	if len(u.Workbooks) == 0 {
		c.Errorf(key, "[[updates]] number %d needs workbooks, e.g. workbooks = [\"updates/2018-02/*.xlsx\"]", i+1)
	}
	header := header(c, append(key, "header"), u.Header)
	cols := columns(c, append(key, "columns"), u.Columns)
	seen := map[string]bool{}
	for _, g := range u.Workbooks {
		out.Patterns = append(out.Patterns, g)
		out.Resolved = append(out.Resolved, j.resolve(g))
		matches, err := filepath.Glob(j.resolve(g))
		if err != nil {
			c.Errorf(append(key, "workbooks"), "bad pattern %q: %v", g, err)
			continue
		}
		found := false
		sort.Strings(matches)
		for _, m := range matches {
			base := filepath.Base(m)
			rel, err := filepath.Rel(j.Dir, m)
			if err != nil {
				rel = m
			}
			if strings.HasPrefix(base, "~$") || strings.HasPrefix(base, ".~lock.") {
				out.Skipped = append(out.Skipped, rel)
				continue
			}
			if seen[m] {
				continue
			}
			if st, err := os.Stat(m); err == nil && st.IsDir() {
				continue // a folder the pattern matches is not a return
			}
			var dl *safefs.DanglingError
			if err := j.check(m, "workbook"); errors.As(err, &dl) {
				out.Dangling = append(out.Dangling, Dangling{Name: rel, Target: dl.Target})
				continue
			} else if err != nil {
				c.Errorf(append(key, "workbooks"), "[[updates]] number %d: %q %v", i+1, rel, err)
				continue
			}
			seen[m] = true
			found = true
			out.Files = append(out.Files, sheet.TableSpec{Path: m, Name: rel, Sheet: u.Sheet, Header: header, Columns: cols})
		}
		switch {
		case found:
		case out.Optional:
			out.Unmatched = append(out.Unmatched, g)
		case !hasMeta(g):
			c.Errorf(append(key, "workbooks"), "workbook %q not found", g)
		default:
			c.Errorf(append(key, "workbooks"), "[[updates]] number %d (%s): no workbook matches %q; set optional = true in the block if its returns may not have arrived yet", i+1, out.Period, g)
		}
	}
	for k, ig := range u.Ignore {
		ref := strings.TrimSpace(ig.Ref)
		if ref == "" || strings.TrimSpace(ig.Reason) == "" {
			c.Errorf(append(key, "ignore"), "[[updates]] number %d: ignore entry %d needs a ref and a reason, e.g. {ref = \"FS9\", reason = \"not in this year's plan\"}", i+1, k+1)
			continue
		}
		out.Ignore = append(out.Ignore, Ignore{Ref: ref, Reason: strings.TrimSpace(ig.Reason)})
	}
	return out
}

// Periods lists the job's periods in order: the plan's own period, when it
// names one, then the period of each [[updates]] block.
func (j *Job) Periods() []string {
	var out []string
	if j.PlanPeriod != "" {
		out = append(out, j.PlanPeriod)
	}
	for _, u := range j.Updates {
		if u.Period != "" && !contains(out, u.Period) {
			out = append(out, u.Period)
		}
	}
	return out
}

// KnowsPeriod reports whether a paper may report the period: it is one of
// Periods, or, for a job with no periods at all, the job's own period.
func (j *Job) KnowsPeriod(period string) bool {
	ps := j.Periods()
	if len(ps) == 0 {
		return period == j.Period
	}
	return contains(ps, period)
}

func (j *Job) periodList() string {
	ps := j.Periods()
	if len(ps) == 0 {
		if j.Period == "" {
			return "the job names no period"
		}
		return fmt.Sprintf("the job's only period is %q", j.Period)
	}
	return "periods: " + strings.Join(ps, ", ")
}

// checkPeriods checks that the plan's period is not also a period of
// returns, and that the job's period is one the job knows.
func checkPeriods(c *tomlx.File, j *Job) {
	for _, u := range j.Updates {
		if j.PlanPeriod != "" && u.Period == j.PlanPeriod {
			c.Errorf(toml.Key{"plan", "period"}, "the plan's status and progress are the state as at %q, and [[updates]] number %d reads returns for that period too: the plan's period must come before every period of returns", j.PlanPeriod, u.Index)
		}
	}
	if j.Period != "" && len(j.Periods()) > 0 && !j.KnowsPeriod(j.Period) {
		c.Errorf(toml.Key{"period"}, "period %q is not a period of this job (%s)", j.Period, j.periodList())
	}
}

func hasMeta(p string) bool { return strings.ContainsAny(p, "*?[") }

func statuses(c *tomlx.File, m map[string]statusFile) []plan.Status {
	if len(m) == 0 {
		return nil
	}
	// The order of the vocabulary matters (best first), and a TOML table
	// is a map: take the order the file wrote them in.
	var out []plan.Status
	done := map[string]bool{}
	for _, k := range c.MD.Keys() {
		if len(k) != 2 || k[0] != "statuses" || done[k[1]] {
			continue
		}
		done[k[1]] = true
		s := m[k[1]]
		if s.Colour != "" && !report.IsColour(s.Colour) {
			c.Errorf(toml.Key{"statuses", k[1], "colour"}, "colour %q is not of the form \"#RRGGBB\"", s.Colour)
		}
		sym := strings.TrimSpace(s.Symbol)
		if sym != "" {
			if err := fonts.CanShow(sym); err != nil {
				c.Errorf(toml.Key{"statuses", k[1], "symbol"}, "symbol %q: %v; symbols it has include %s", sym, err, strings.Join(fonts.StatusSymbols, " "))
				sym = ""
			}
		}
		out = append(out, plan.Status{Name: k[1], Aliases: s.Aliases, Colour: strings.ToUpper(s.Colour), Symbol: sym, Closed: s.Closed})
	}
	return out
}

func output(c *tomlx.File, i int, o outputFile) Output {
	key := toml.Key{"output"}
	out := Output{
		Index:    i + 1,
		Template: o.Template,
		Issues:   o.Issues,
		File:     o.File,
		Formats:  o.Formats,
		Period:   strings.TrimSpace(o.Period),
		Title:    o.Title,
		Vars:     o.Vars,
	}
	if out.Template == "" {
		c.Errorf(key, "[[output]] number %d needs a template, e.g. template = \"appendix-b\"", i+1)
	}
	if len(out.Formats) == 0 {
		out.Formats = []string{format.Default}
	}
	for _, f := range out.Formats {
		if _, ok := format.Lookup(f); !ok {
			c.Errorf(append(key, "formats"), "[[output]] number %d: unknown format %q (known: %s)", i+1, f, format.Known())
		}
	}
	if out.File == "" {
		// A template given as a file ("templates/mine.toml") names the
		// paper by its base name: "mine".
		out.File = strings.TrimSuffix(filepath.Base(filepath.FromSlash(out.Template)), ".toml")
	}
	if strings.ContainsAny(out.File, `/\`) || out.File == "." || out.File == ".." {
		c.Errorf(append(key, "file"), "[[output]] number %d: file %q must be a plain file name", i+1, out.File)
		return out
	}
	for _, f := range format.All() {
		out.File = strings.TrimSuffix(out.File, "."+f.Ext)
	}
	// Papers go to councils' shared drives and websites: each name must
	// work on Windows, macOS and Linux alike.
	for _, name := range out.Formats {
		f, ok := format.Lookup(name)
		if !ok {
			continue // reported above
		}
		if err := safefs.ValidName(out.File + "." + f.Ext); err != nil {
			c.Errorf(append(key, "file"), "[[output]] number %d: %v", i+1, err)
			break
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Keys lists the keys a job file accepts in the table at path (none for
// the top level; "output" for [[output]]), sorted. They are read from the
// decoder's own structs, the one list of keys: messages about unknown keys
// name the nearest of them.
func Keys(path ...string) []string {
	k, _ := tomlx.Keys(reflect.TypeOf(file{}), toml.Key(path))
	return k
}

// notText recognises a file given as the job file that is not one — most
// often the plan workbook itself — and says what to give instead.
func notText(path string, data []byte) error {
	const hint = "give the job file instead: a text file ending in .toml that names the workbooks, e.g. [plan] workbook = \"plan.xlsx\" (see the README)"
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return fmt.Errorf("%s is an Excel workbook (or another zip file), not a job file: %s", path, hint)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return fmt.Errorf("%s is an old-style Excel workbook (.xls) or Word file, not a job file: %s", path, hint)
	case bytes.HasPrefix(data, []byte("%PDF")):
		return fmt.Errorf("%s is a PDF file, not a job file: %s", path, hint)
	case bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return fmt.Errorf("%s is saved as UTF-16 text: save the job file as UTF-8 (in Notepad: Save As, Encoding UTF-8)", path)
	case bytes.IndexByte(data, 0) >= 0:
		return fmt.Errorf("%s is not a text file, so it cannot be a job file: %s", path, hint)
	}
	return nil
}
