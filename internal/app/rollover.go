package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/job"
	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/safefs"
)

// RolloverFiles are the files `agsreport rollover` writes, in its folder.
var RolloverFiles = []string{"plan.xlsx", "report.toml"}

// RolloverOptions are the options of `agsreport rollover`.
type RolloverOptions struct {
	OutputDir string // the folder to write the new plan and job into (required)
	Year      string // the new plan year, e.g. "2024/25" (required)
	// From is the plan year rolled over from, e.g. "2023/24"; when "" it is
	// read from the job's title or period, and the command stops when
	// neither names one year clearly.
	From string
	// FS is the file system the files are written through; nil is the
	// real one. Tests put one there that fails.
	FS safefs.FS
}

// planYear matches a plan year as councils write it: "2023/24", "2023-24",
// "2023-2024", "2023/2024".
var planYear = regexp.MustCompile(`\b(20\d\d)\s*[-/–]\s*(\d\d(?:\d\d)?)\b`)

// yearOf returns the one plan year texts name ("2017-18" gives "2017/18"),
// or "" when they name none or more than one.
func yearOf(texts ...string) string {
	found := map[string]bool{}
	for _, t := range texts {
		for _, m := range planYear.FindAllStringSubmatch(t, -1) {
			found[m[1]+"/"+m[2][len(m[2])-2:]] = true
		}
	}
	if len(found) != 1 {
		return ""
	}
	for y := range found {
		return y
	}
	return ""
}

// Rollover writes next year's plan workbook and job file into
// opts.OutputDir: every open action (one whose status is not closed in the
// job's vocabulary, or that has none) with its last status and progress,
// the last update's period in front of the progress text, and the year it
// is carried forward from in the plan's Carried Forward column; the issues
// that still have open actions (or have no actions of their own, as a plan
// that keeps the proposed action on the issue), with their outcomes and
// recommendations; and a job file that reads the new plan with the same statuses, templates
// and outputs and no [[updates]] yet. Closed actions are left behind and
// listed on w. Errors in the input stop it before anything is written; so
// does any of RolloverFiles already being in the folder: it never writes
// over a file. The two files are written together or not at all.
func Rollover(w io.Writer, jobPath string, opts RolloverOptions) error {
	if opts.OutputDir == "" {
		return &UsageError{Msg: "rollover needs -o DIR, the folder for next year's plan and job"}
	}
	if strings.TrimSpace(opts.Year) == "" {
		return &UsageError{Msg: `rollover needs -year, the new plan year, e.g. -year "2024/25"`}
	}
	l, err := loadClean(w, jobPath)
	if err != nil {
		return err
	}
	from := strings.TrimSpace(opts.From)
	if from == "" {
		if from = yearOf(l.Job.Title); from == "" {
			from = yearOf(l.Job.Period)
		}
		if from == "" {
			return &UsageError{Msg: fmt.Sprintf("rollover cannot tell which plan year %s is from its title %q: give it with -from, e.g. -from \"2023/24\"", jobPath, l.Job.Title)}
		}
	}
	if st, err := os.Stat(opts.OutputDir); err == nil && !st.IsDir() {
		return fmt.Errorf("%s is a file, not a folder: give -o a new or empty folder for next year's plan", opts.OutputDir)
	}
	var there []string
	for _, f := range RolloverFiles {
		_, err := os.Lstat(filepath.Join(opts.OutputDir, f))
		switch {
		case err == nil:
			there = append(there, f)
		case !errors.Is(err, fs.ErrNotExist):
			return err
		}
	}
	if len(there) > 0 {
		return fmt.Errorf("%s already holds %s, so nothing was written: rollover writes only into a new or empty folder, so that nothing of yours is replaced", opts.OutputDir, strings.Join(there, " and "))
	}
	r := carry(l.Plan, from)
	book, err := r.workbook(l.Plan, opts.Year)
	if err != nil {
		return fmt.Errorf("writing the new plan: %w", err)
	}
	jobText, dropped, err := r.jobFile(l.Job, opts, from)
	if err != nil {
		return err
	}
	b, err := safefs.Begin(opts.FS, opts.OutputDir, safefs.Options{})
	if err != nil {
		return err
	}
	for _, c := range b.Cleaned {
		fmt.Fprintf(w, "note: %s\n", c)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{"plan.xlsx", book}, {"report.toml", []byte(jobText)}} {
		if err := writeAll(b, f.name, f.data); err != nil {
			b.Abort()
			return fmt.Errorf("writing %s: %w; nothing was written in %s", b.Path(f.name), err, opts.OutputDir)
		}
	}
	if err := b.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s: %s carried forward from %s, in %s\n", b.Path("plan.xlsx"), plural(len(r.actions), "open action"), from, plural(len(r.issues), "issue"))
	fmt.Fprintf(w, "wrote %s\n", b.Path("report.toml"))
	if len(r.closed) > 0 {
		fmt.Fprintf(w, "left behind, closed in %s (%d):\n", from, len(r.closed))
		for _, a := range r.closed {
			fmt.Fprintf(w, "  %s  %s  %s\n", a.Ref, a.Status, firstLine(a.Description))
		}
	}
	if len(r.empty) > 0 {
		fmt.Fprintf(w, "issues left behind, every action closed: %s\n", strings.Join(r.empty, ", "))
	}
	for _, d := range dropped {
		fmt.Fprintf(w, "note: %s\n", d)
	}
	for _, a := range r.actions {
		if left := a.RevisionCells().Left; len(left) > 0 {
			var was []string
			for _, rv := range left {
				was = append(was, strconv.Quote(rv.Target.Text))
			}
			fmt.Fprintf(w, "note: action %s is carried forward with its current revised target, %q, alone: the earlier %s (%s) cannot be kept one a line beside a revision with no date\n", a.Ref, a.Target.Text, map[bool]string{true: "revision", false: "revisions"}[len(left) == 1], strings.Join(was, ", "))
		}
	}
	return nil
}

// firstLine is the first line of s, shortened for a listing.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if r := []rune(s); len(r) > 70 {
		s = string(r[:69]) + "…"
	}
	return s
}

// rolled is what a rollover carries into the new plan.
type rolled struct {
	from    string
	issues  []*plan.Issue  // issues with at least one open action, in plan order
	actions []*plan.Action // open actions, in plan order
	closed  []*plan.Action // closed actions, left behind
	empty   []string       // IDs of issues left behind
	// textFrom is the period each carried action's progress text was
	// given in: the last update with text, or the plan's own period.
	textFrom map[*plan.Action]string
}

// carry sorts the plan's actions into those carried forward and those
// left behind.
func carry(p *plan.Plan, from string) *rolled {
	r := &rolled{from: from, textFrom: map[*plan.Action]string{}}
	for _, is := range p.Issues {
		open := 0
		for _, a := range is.Actions {
			if p.Statuses != nil && p.Statuses.Closed(a.Status) {
				r.closed = append(r.closed, a)
				continue
			}
			open++
			r.actions = append(r.actions, a)
			for i := len(a.History) - 1; i >= 0; i-- {
				if u := a.History[i]; u.Progress != "" {
					r.textFrom[a] = u.Period
					break
				}
			}
		}
		// An issue with no actions of its own (a plan that keeps the
		// proposed action on the issue) is carried: nothing says it is done.
		if open > 0 || len(is.Actions) == 0 {
			r.issues = append(r.issues, is)
		} else {
			r.empty = append(r.empty, is.ID)
		}
	}
	return r
}

// progress is the text the new plan's progress column holds for a: the
// last text, after the period it was given in — an update's, the plan's
// own period's, or, when the plan names none, the year rolled over from —
// so that next year's papers never pass it off as their own. A text an
// earlier rollover labelled keeps its label.
func (r *rolled) progress(a *plan.Action) string {
	text := a.Progress
	if text == "" || strings.HasPrefix(text, "Last update (") {
		return text
	}
	period := r.textFrom[a]
	if period == "" {
		period = r.from
	}
	return "Last update (" + period + "): " + text
}

// Headings of the new plan's sheets: each is a heading the reader maps
// (internal/sheet/fields.go), so that the new plan reads with no column
// left over and a governance officer can add rows under the same headings.
var (
	rollIssueCols   = []string{"Issue Ref", "Theme", "Governance Issue", "Description", "Rationale", "Proposed Action", "Lead Manager", "Target Date", "Overall Prospect"}
	rollOutcomeCols = []string{"Issue Ref", "Outcome No", "Strategic Outcome"}
	rollRecCols     = []string{"Issue Ref", "Rec No", "Recommendation", "Report Refs"}
	rollActionCols  = []string{"Issue Ref", "Outcome No", "Rec No", "Action Ref", "Action", "Lead", "Target Date",
		"Revised Target Date", "Extension Agreed", "Agreed By", "Resources", "Priority", "% Complete", "Status", "Progress", "Carried Forward"}
)

// workbook writes the new plan as .xlsx bytes: the same bytes for the same
// plan and year.
func (r *rolled) workbook(p *plan.Plan, year string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	var issueRows, outcomeRows, recRows, actionRows [][]string
	issueExtra := extraNames(len(r.issues), func(i int) plan.Fields { return r.issues[i].Extra })
	actionExtra := extraNames(len(r.actions), func(i int) plan.Fields { return r.actions[i].Extra })
	for _, is := range r.issues {
		issueRows = append(issueRows, append([]string{is.ID, is.Theme, is.Title, is.Description, is.Rationale, is.Action, is.Lead, is.Target.Text, is.Prospect},
			extraValues(is.Extra, issueExtra)...))
		used := map[string]bool{}
		usedRec := map[string]bool{}
		for _, a := range r.actions {
			if a.Issue == is.ID {
				used[a.Outcome], usedRec[a.Recommendation] = true, true
			}
		}
		for _, o := range is.Outcomes {
			if used[o.Number] {
				outcomeRows = append(outcomeRows, []string{is.ID, o.Number, o.Text})
			}
		}
		for _, rec := range is.Recommendations {
			if usedRec[rec.Number] {
				recRows = append(recRows, []string{is.ID, rec.Number, rec.Text, strings.Join(rec.Refs, ", ")})
			}
		}
	}
	for _, a := range r.actions {
		rc := a.RevisionCells()
		actionRows = append(actionRows, append([]string{a.Issue, a.Outcome, a.Recommendation, a.Ref, a.Description, a.Lead, a.FirstTarget().Text,
			rc.Targets, rc.Agreed, rc.By, a.Resources, a.Priority.Text, a.Percent.String(), a.Status, r.progress(a), r.from},
			extraValues(a.Extra, actionExtra)...))
	}
	title := "Action plan " + year
	sheets := []struct {
		name, title string
		cols        []string
		rows        [][]string
		widths      []float64
	}{
		{"Issues", "Governance issues " + year, concat(rollIssueCols, issueExtra), issueRows, extraWidths([]float64{10, 16, 30, 60, 40, 40, 24, 18, 60}, issueExtra)},
		{"Outcomes", "Strategic outcomes " + year, rollOutcomeCols, outcomeRows, []float64{10, 12, 80}},
		{"Recommendations", "Recommendations " + year, rollRecCols, recRows, []float64{10, 8, 60, 16}},
		{"Actions", title, concat(rollActionCols, actionExtra), actionRows, extraWidths([]float64{10, 10, 8, 10, 50, 20, 18, 18, 16, 16, 16, 10, 10, 14, 60, 16}, actionExtra)},
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
		for c, wd := range s.widths {
			col, _ := excelize.ColumnNumberToName(c + 1)
			if err := f.SetColWidth(s.name, col, col, wd); err != nil {
				return nil, err
			}
		}
		if err := f.SetCellStr(s.name, "A1", s.title); err != nil {
			return nil, err
		}
		rows := append([][]string{s.cols}, s.rows...)
		for y, row := range rows {
			for x, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(x+1, y+3)
				if err := f.SetCellStr(s.name, cell, v); err != nil {
					return nil, err
				}
			}
		}
		last, _ := excelize.CoordinatesToCellName(len(s.cols), len(rows)+2)
		style := wrap
		if err := f.SetCellStyle(s.name, "A4", last, style); err != nil && len(rows) > 1 {
			return nil, err
		}
		hdrEnd, _ := excelize.CoordinatesToCellName(len(s.cols), 3)
		if err := f.SetCellStyle(s.name, "A3", hdrEnd, bold); err != nil {
			return nil, err
		}
	}
	stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: "Carried forward from " + r.from, Creator: "agsreport",
		Created: stamp, Modified: stamp,
	}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// forYear returns s with each plan year it names ("2017-18") and each of
// periods it names ("March 2018"), longest first, replaced by year.
func forYear(s string, periods []string, year string) string {
	s = planYear.ReplaceAllLiteralString(s, year)
	ps := slices.Clone(periods)
	sort.SliceStable(ps, func(i, k int) bool { return len(ps[i]) > len(ps[k]) })
	for _, p := range ps {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		re := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(p) + `\b`)
		s = re.ReplaceAllLiteralString(s, year)
	}
	return s
}

// extraNames lists the names of the extra columns (fields the reader kept
// unmapped) of n rows, in the order they first occur.
func extraNames(n int, extra func(int) plan.Fields) []string {
	var names []string
	seen := map[string]bool{}
	for i := range n {
		for _, f := range extra(i) {
			if k := plan.Key(f.Name); !seen[k] {
				seen[k] = true
				names = append(names, f.Name)
			}
		}
	}
	return names
}

// extraValues are a row's values of the extra columns names.
func extraValues(fs plan.Fields, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i], _ = fs.Get(n)
	}
	return out
}

func concat(a, b []string) []string { return append(slices.Clip(a), b...) }

// extraWidths adds a width for each extra column to widths.
func extraWidths(widths []float64, extra []string) []float64 {
	out := slices.Clip(widths)
	for range extra {
		out = append(out, 30)
	}
	return out
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func tomlList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = tomlString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// tomlVars writes a [NAME] table of vars, keys sorted.
func tomlVars(b *strings.Builder, name string, vars map[string]string) {
	if len(vars) == 0 {
		return
	}
	keys := make([]string, 0, len(vars))
	for k := range vars {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(b, "  [%s]\n", name)
	for _, k := range keys {
		fmt.Fprintf(b, "  %s = %s\n", tomlString(k), tomlString(vars[k]))
	}
}

// jobFile writes the new job: the old one's settings, statuses and outputs,
// reading the new plan, with no updates. An output limited to issues of
// which none is carried forward is left out; dropped says so.
func (r *rolled) jobFile(j *job.Job, opts RolloverOptions, from string) (text string, dropped []string, err error) {
	kept := map[string]bool{}
	for _, is := range r.issues {
		kept[is.ID], kept[is.Title] = true, true
	}
	title := j.Title
	if m := planYear.FindStringIndex(title); m != nil {
		title = title[:m[0]] + opts.Year + title[m[1]:]
	} else {
		title = strings.TrimSpace(title + " " + opts.Year)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Next year's action plan, written by agsreport rollover from %s:\n", filepath.Base(j.File))
	fmt.Fprintf(&b, "# the actions still open in %s, carried forward with their last status and update.\n", from)
	b.WriteString("#\n#   agsreport check report.toml\n\n")
	fmt.Fprintf(&b, "title        = %s\n", tomlString(title))
	if j.Organisation != "" {
		fmt.Fprintf(&b, "organisation = %s\n", tomlString(j.Organisation))
	}
	if j.Author != "" {
		fmt.Fprintf(&b, "author       = %s\n", tomlString(j.Author))
	}
	if j.Language != "" {
		fmt.Fprintf(&b, "language     = %s\n", tomlString(j.Language))
	}
	b.WriteString("# period = \"...\"   # the period the papers report, once [[updates]] come in\n")
	b.WriteString("# as_at  = 2025-06-30   # the date overdue actions are judged against\n")
	if j.Templates != "" {
		abs, err := filepath.Abs(opts.OutputDir)
		if err != nil {
			return "", nil, err
		}
		t := j.Templates
		if rel, err := filepath.Rel(abs, t); err == nil {
			t = filepath.ToSlash(rel)
		}
		fmt.Fprintf(&b, "templates    = %s\n", tomlString(t))
	}
	b.WriteString("output_dir   = \"out\"\n")
	if j.AllowLinksOutside {
		b.WriteString("allow_links_outside = true\n")
	}
	if len(j.Vars) > 0 {
		b.WriteString("\n")
		tomlVars(&b, "vars", j.Vars)
	}
	b.WriteString("\n[plan]\nworkbook = \"plan.xlsx\"\n")
	b.WriteString("  [plan.issues]\n  sheet = \"Issues\"\n  [plan.outcomes]\n  sheet = \"Outcomes\"\n  [plan.recommendations]\n  sheet = \"Recommendations\"\n  [plan.actions]\n  sheet = \"Actions\"\n")
	b.WriteString(`
# No progress updates yet. When the first returns come in, list them here:
#
# [[updates]]
# period    = "June 2025"
# workbooks = ["updates/2025-06/*.xlsx"]
#
# ` + "`agsreport returns report.toml -period \"June 2025\"`" + ` writes the returns to send out.
`)
	for _, s := range j.Statuses {
		fmt.Fprintf(&b, "\n[statuses.%s]\n", tomlString(s.Name))
		if len(s.Aliases) > 0 {
			fmt.Fprintf(&b, "aliases = %s\n", tomlList(s.Aliases))
		}
		if s.Colour != "" {
			fmt.Fprintf(&b, "colour  = %s\n", tomlString(s.Colour))
		}
		if s.Symbol != "" {
			fmt.Fprintf(&b, "symbol  = %s\n", tomlString(s.Symbol))
		}
		if s.Closed {
			b.WriteString("closed  = true\n")
		}
	}
	// Output names that name this year or one of its periods name the new
	// year instead, so that next year's papers are not named after this
	// year's ("CMT briefing - March 2018" becomes "CMT briefing -
	// 2018-19"); a file name writes the year with a hyphen.
	periods := j.Periods()
	if j.Period != "" {
		periods = append(periods, j.Period)
	}
	fileYear := strings.ReplaceAll(opts.Year, "/", "-")
	for _, o := range j.Outputs {
		var issues []string
		for _, n := range o.Issues {
			if kept[n] {
				issues = append(issues, n)
			}
		}
		if len(o.Issues) > 0 && len(issues) == 0 {
			dropped = append(dropped, fmt.Sprintf("%s is left out of the new job: none of its issues (%s) has an open action", o.Name(), strings.Join(o.Issues, ", ")))
			continue
		}
		b.WriteString("\n[[output]]\n")
		fmt.Fprintf(&b, "template = %s\n", tomlString(o.Template))
		if len(issues) > 0 {
			fmt.Fprintf(&b, "issues   = %s\n", tomlList(issues))
		}
		fmt.Fprintf(&b, "file     = %s\n", tomlString(forYear(o.File, periods, fileYear)))
		fmt.Fprintf(&b, "formats  = %s\n", tomlList(o.Formats))
		if o.Title != "" {
			fmt.Fprintf(&b, "title    = %s\n", tomlString(forYear(o.Title, periods, opts.Year)))
		}
		tomlVars(&b, "output.vars", o.Vars)
	}
	return b.String(), dropped, nil
}
