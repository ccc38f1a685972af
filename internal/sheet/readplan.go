package sheet

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/suggest"
)

// ReadPlan reads the plan's tables. Every problem goes into probs, located;
// it returns what could be read (never nil). The returned Plan has Issues
// (with Outcomes, Recommendations, Actions) and Statuses = vocab (the
// default vocabulary when vocab is nil); title and periods are set by the
// caller.
//
// The plan may be kept as separate tables, linked by issue (its ref, or
// its title when the issues table has no ref column) and by outcome and
// recommendation numbers, or as one flat table of actions whose issue,
// outcome and recommendation columns repeat or are merged down; or as a
// table of issues only. In a flat table, an action whose issue cell is blank
// belongs to the issue of the action above it, and an issue is made for each
// issue the actions name when there is no issues table.
//
// Errors: a file that cannot be opened, a sheet that is not there, a missing
// required column, a target that is not a date, a duplicate action ref, an
// unknown status, an action whose issue is not in the issues table. Each is
// reported once, and reading goes on so that all of them are reported.
func ReadPlan(spec PlanSpec, vocab *plan.Vocabulary, probs *plan.Problems) *plan.Plan {
	p, _ := ReadPlanReadings(spec, vocab, probs)
	return p
}

// ReadPlanReadings is ReadPlan that also returns the account of each table
// read (see Reading), in the order they were read.
func ReadPlanReadings(spec PlanSpec, vocab *plan.Vocabulary, probs *plan.Problems) (*plan.Plan, []*Reading) {
	if vocab == nil {
		vocab = defaultVocabulary()
	}
	p := &plan.Plan{Statuses: vocab}
	files := newFileSet(probs)
	defer files.close()

	reqs := resolvePlan(spec, files, probs)
	b := newBuilder(p, vocab, probs)
	var readings []*Reading
	read := map[string]map[string]bool{} // file → sheets the plan reads
	for _, q := range reqs {
		if read[q.spec.Path] == nil {
			read[q.spec.Path] = map[string]bool{}
		}
		read[q.spec.Path][q.sheet] = true
	}
	for _, q := range reqs {
		src := files.get(q.spec)
		if src == nil {
			continue
		}
		t, rd := readTable(src, q, probs, b.row)
		readings = append(readings, rd)
		if t == nil {
			continue
		}
		sameLayout(src, q, t, read[q.spec.Path], probs)
		switch t.kind {
		case Issues:
			b.issuesTable = t
		case Outcomes:
			b.outcomesTable = t
		case Recommendations:
			b.recsTable = t
		}
	}
	b.assemble()
	unreadSheets(files, readings)
	return p, readings
}

// unreadSheets tells, on the first reading of each workbook, which of its
// sheets the plan does not read and why.
func unreadSheets(files *fileSet, readings []*Reading) {
	first := map[string]*Reading{}
	read := map[string]map[string]bool{}
	for _, rd := range readings {
		if first[rd.File] == nil {
			first[rd.File] = rd
			read[rd.File] = map[string]bool{}
		}
		read[rd.File][rd.Sheet] = true
	}
	for path, src := range files.srcs {
		name := files.names[path]
		rd := first[name]
		if rd == nil {
			continue
		}
		for _, n := range src.sheets() {
			if read[name][n] {
				continue
			}
			why := "not named in the job"
			if st := src.state(n); st != sheetVisible {
				why = "hidden; a hidden sheet is read only when the job names it"
			}
			rd.Unread = append(rd.Unread, fmt.Sprintf("%q (%s)", n, why))
		}
	}
}

// resolvePlan decides which sheet holds each table of the plan. Optional
// tables whose sheet is not there are left out; when every table is left
// out the first visible sheet is read as a flat table of actions, or of
// issues when it has no action columns. An optional actions table is read
// as issues when there is no issues table and it has issue columns but no
// action columns (a CMT plan kept on a sheet called "Action Plan"). A table
// the job gives several sheets (TableSpec.Sheets) is read from each of
// them in workbook order.
func resolvePlan(spec PlanSpec, files *fileSet, probs *plan.Problems) []tableRequest {
	tables := []struct {
		spec *TableSpec
		kind Kind
	}{{spec.Issues, Issues}, {spec.Outcomes, Outcomes}, {spec.Recommendations, Recommendations}, {spec.Actions, Actions}}
	var out []tableRequest
	var fallback *TableSpec
	haveIssues := false
	for _, x := range tables {
		if x.spec == nil {
			continue
		}
		src := files.open(x.spec)
		if src == nil {
			continue
		}
		var sheets []string
		if len(x.spec.Sheets) > 0 {
			sheets = resolveSheets(src, x.spec, probs)
		} else if sheet, ok := resolveSheet(src, x.spec, x.kind, probs); ok {
			sheets = []string{sheet}
		}
		if len(sheets) == 0 {
			if x.spec.Optional && fallback == nil {
				fallback = x.spec
			}
			continue
		}
		kinds := []Kind{x.kind}
		if x.kind == Issues {
			haveIssues = true
		}
		if x.kind == Actions && x.spec.Optional && !haveIssues {
			kinds = append(kinds, Issues)
		}
		for _, sheet := range sheets {
			out = append(out, tableRequest{spec: x.spec, sheet: sheet, kinds: kinds, chosen: x.spec.Sheet == "" && len(x.spec.Sheets) == 0})
		}
	}
	if len(out) == 0 && fallback != nil {
		src := files.get(fallback)
		if sheet, ok := firstVisible(src); ok {
			out = append(out, tableRequest{spec: fallback, sheet: sheet, kinds: []Kind{Actions, Issues}, chosen: true})
		}
	}
	if spec.Issues == nil && spec.Actions == nil {
		probs.Errorf(plan.Loc{}, "the plan needs an issues table or an actions table")
	}
	return out
}

// firstVisible returns the first sheet that is not hidden ("" for CSV).
func firstVisible(src source) (string, bool) {
	names := src.sheets()
	if names == nil {
		return "", true
	}
	for _, n := range names {
		if src.state(n) == sheetVisible {
			return n, true
		}
	}
	return "", false
}

// resolveSheets finds the sheets a table is kept on when the job lists
// several: each entry names a sheet, or is a pattern ("Directorate *")
// matched against the names ignoring case. A pattern never matches a
// hidden sheet; a name does. An entry that matches nothing is an error.
func resolveSheets(src source, spec *TableSpec, probs *plan.Problems) []string {
	names := src.sheets()
	if names == nil {
		return []string{""}
	}
	take := map[string]bool{}
	for _, want := range spec.Sheets {
		found := false
		for _, n := range names {
			switch {
			case plan.Key(n) == plan.Key(want):
				take[n], found = true, true
			case strings.ContainsAny(want, "*?["):
				if ok, _ := path.Match(strings.ToLower(want), strings.ToLower(n)); ok && src.state(n) == sheetVisible {
					take[n], found = true, true
				}
			}
		}
		if !found {
			probs.Errorf(plan.Loc{File: spec.Name}, "sheets: %q matches no visible sheet; the sheets are %s", want, quoteList(names, ", "))
		}
	}
	var out []string
	for _, n := range names {
		if take[n] {
			out = append(out, n)
		}
	}
	return out
}

// resolveSheet finds the sheet for a table: the one the job names (hidden
// or not), else a visible one named for the table's kind, else (unless the
// table is optional) the first visible sheet. Hidden sheets (an archived
// plan, a list for a drop-down) are never read unless the job names them.
// A CSV file has no sheets; it is read unless the table is optional.
func resolveSheet(src source, spec *TableSpec, kind Kind, probs *plan.Problems) (string, bool) {
	names := src.sheets()
	if names == nil {
		return "", !spec.Optional
	}
	if spec.Sheet != "" {
		for _, n := range names {
			if n == spec.Sheet {
				return n, true
			}
		}
		for _, n := range names {
			if plan.Key(n) == plan.Key(spec.Sheet) {
				return n, true
			}
		}
		probs.Errorf(plan.Loc{File: spec.Name}, "there is no sheet %q; the sheets are %s", spec.Sheet, quoteList(names, ", "))
		return "", false
	}
	for _, want := range sheetNames[kind] {
		for _, n := range names {
			if plan.Key(n) == plan.Key(want) && src.state(n) == sheetVisible {
				return n, true
			}
		}
	}
	if spec.Optional {
		return "", false
	}
	if n, ok := firstVisible(src); ok {
		return n, true
	}
	probs.Errorf(plan.Loc{File: spec.Name}, "every sheet is hidden (%s); name the sheet to read with sheet = \"…\" in the job", quoteList(names, ", "))
	return "", false
}

// sameLayout warns when agsreport chose a table's sheet itself and other
// visible sheets of the workbook, not read for the plan, hold a table of
// the same kind: the job may mean them all.
func sameLayout(src source, q tableRequest, t *table, read map[string]bool, probs *plan.Problems) {
	names := src.sheets()
	if !q.chosen || len(names) < 2 {
		return
	}
	var others []string
	for _, n := range names {
		if read[n] || src.state(n) != sheetVisible {
			continue
		}
		if k, ok := findHeader(src, n, q.spec, []Kind{t.kind}); ok && k == t.kind {
			others = append(others, n)
		}
	}
	if len(others) == 0 {
		return
	}
	probs.Warnf(plan.Loc{File: q.spec.Name, Sheet: q.sheet}, "only this sheet is read, but %s also %s a table of %s: to read them too, list them with sheets = [...] in the job (a pattern such as \"Directorate *\" will do); to read only this one, name it with sheet = %q",
		quoteList(brief(others), ", "), map[bool]string{true: "holds", false: "hold"}[len(others) == 1], kindPlural(t.kind), q.sheet)
}

// findHeader looks for a header row of one of kinds in a sheet's first
// rows, without reading the rest.
func findHeader(src source, sheet string, spec *TableSpec, kinds []Kind) (Kind, bool) {
	it, err := src.rows(sheet, false)
	if err != nil {
		return "", false
	}
	defer it.close()
	for it.next() && it.row() <= headerScan {
		cells, err := it.cells()
		if err != nil {
			return "", false
		}
		heads := make([]string, len(cells))
		for i, c := range cells {
			heads[i] = cleanText(c.text)
		}
		if k, m, ok := pickKind(kinds, heads, spec, false); ok && len(m.missing(k)) == 0 {
			return k, true
		}
	}
	return "", false
}

// fileSet opens each file once, however many tables it holds, and reports
// a file that cannot be opened once.
type fileSet struct {
	probs  *plan.Problems
	srcs   map[string]source
	names  map[string]string // path → the name messages give it
	failed map[string]bool
}

func newFileSet(probs *plan.Problems) *fileSet {
	return &fileSet{probs: probs, srcs: map[string]source{}, names: map[string]string{}, failed: map[string]bool{}}
}

func (fs *fileSet) open(spec *TableSpec) source {
	if src, ok := fs.srcs[spec.Path]; ok {
		return src
	}
	if fs.failed[spec.Path] {
		return nil
	}
	src, err := openSource(spec.Path)
	if err != nil {
		fs.failed[spec.Path] = true
		fs.probs.Errorf(plan.Loc{File: nameOf(spec)}, "%v", err)
		return nil
	}
	fs.srcs[spec.Path] = src
	fs.names[spec.Path] = nameOf(spec)
	return src
}

func (fs *fileSet) get(spec *TableSpec) source { return fs.srcs[spec.Path] }

func (fs *fileSet) close() {
	for _, src := range fs.srcs {
		src.close()
	}
}

func nameOf(spec *TableSpec) string {
	if spec.Name != "" {
		return spec.Name
	}
	return spec.Path
}

func defaultVocabulary() *plan.Vocabulary {
	v, err := plan.NewVocabulary(plan.DefaultStatuses())
	if err != nil {
		// The default statuses are fixed and valid; an empty vocabulary
		// would only make every status unknown.
		v, _ = plan.NewVocabulary(nil)
	}
	return v
}

// builder collects the rows of the plan's tables and links them.
type builder struct {
	p     *plan.Plan
	vocab *plan.Vocabulary
	probs *plan.Problems

	issuesTable, outcomesTable, recsTable *table
	byID, byTitle                         map[string]*plan.Issue

	outcomes []numbered
	recs     []numbered
	actions  []actionRow
	// The outcomes and recommendations of each issue by number: each
	// action looks its own up, and scanning the issue's list for each
	// would be quadratic in a plan that numbers a recommendation per
	// action.
	outcomesBy byNumber[*plan.Outcome]
	recsBy     byNumber[*plan.Recommendation]
	rows       int // rows taken, all tables together
	// percentOnes are the actions whose % complete is a bare 1, read once
	// the whole column is known; percentFraction is, by table, the first
	// cell of its column written as a fraction of 1 (0.5), if any.
	percentOnes     []percentOne
	percentFraction map[*table]plan.Loc
	maxRows         int // 0 for maxPlanRows
}

func newBuilder(p *plan.Plan, vocab *plan.Vocabulary, probs *plan.Problems) *builder {
	return &builder{p: p, vocab: vocab, probs: probs, byID: map[string]*plan.Issue{}, byTitle: map[string]*plan.Issue{},
		outcomesBy: outcomesByNumber(), recsBy: recommendationsByNumber()}
}

// maxPlanRows bounds the rows a plan is read from: issues, outcomes,
// recommendations and actions together. It lets 200,000 actions through
// (issue 17 plans for 100,000) and keeps a plan's memory bounded; the rows
// past it are an error, reported once.
const maxPlanRows = 200_000

// numbered is a row of the outcomes or recommendations table.
type numbered struct {
	t            *table
	num          int
	issue        string
	number, text string
	refs         []string
}

// actionRow is a row of the actions table, with the issue columns a flat
// table may have.
type actionRow struct {
	a                                       *plan.Action
	t                                       *table
	num                                     int
	issue, issueTitle, issueDesc, issueLead string
	issueProspect, theme                    string
	outcomeText, recText                    string
	refs                                    []string
	is                                      *plan.Issue
}

// row takes one data row of any table of the plan and says what it was
// read as.
func (b *builder) row(t *table, r row) string {
	limit := b.maxRows
	if limit == 0 {
		limit = maxPlanRows
	}
	if b.rows++; b.rows > limit {
		if b.rows == limit+1 {
			b.probs.Errorf(t.loc(r.num, -1), "the plan has more than %d rows of issues, outcomes, recommendations and actions, agsreport's limit; this row and those below it are not read", limit)
		}
		return ""
	}
	switch t.kind {
	case Issues:
		return b.issueRow(t, r)
	case Outcomes:
		n := numbered{t: t, num: r.num, issue: r.id("issue"), number: r.id("number"), text: r.text("text")}
		b.outcomes = append(b.outcomes, n)
		return "outcome " + n.number
	case Recommendations:
		n := numbered{t: t, num: r.num, issue: r.id("issue"), number: r.id("number"), text: r.text("text"), refs: splitRefs(r.text("refs"))}
		b.recs = append(b.recs, n)
		return "recommendation " + n.number
	case Actions:
		return b.actionRow(t, r)
	}
	return ""
}

func (b *builder) issueRow(t *table, r row) string {
	is := &plan.Issue{
		ID:          r.id("id"),
		Theme:       r.text("theme"),
		Title:       r.text("title"),
		Description: r.text("description"),
		Rationale:   r.text("rationale"),
		Lead:        r.text("lead"),
		Prospect:    r.text("prospect"),
		Action:      r.text("action"),
		Target:      r.target("target", b.probs),
		Extra:       r.extras(),
		Source:      t.loc(r.num, -1),
	}
	if th := r.bands["theme"]; is.Theme == "" && th != nil {
		is.Theme = th.text
	}
	keyField := "id"
	if is.ID == "" {
		is.ID, keyField = is.Title, "title"
	}
	if prev, dup := b.byID[plan.Key(is.ID)]; dup {
		b.probs.Errorf(r.at(keyField), "issue %q is already at row %d", is.ID, prev.Source.Row)
		return ""
	}
	b.addIssue(is)
	return fmt.Sprintf("issue %q", is.ID)
}

func (b *builder) addIssue(is *plan.Issue) {
	b.p.Issues = append(b.p.Issues, is)
	b.byID[plan.Key(is.ID)] = is
	if k := plan.Key(is.Title); k != "" {
		if _, taken := b.byTitle[k]; !taken {
			b.byTitle[k] = is
		}
	}
}

func (b *builder) findIssue(s string) *plan.Issue {
	k := plan.Key(s)
	if is, ok := b.byID[k]; ok {
		return is
	}
	return b.byTitle[k]
}

func (b *builder) actionRow(t *table, r row) string {
	a := &plan.Action{
		Ref:            r.id("ref"),
		Outcome:        r.id("outcome"),
		Recommendation: r.id("recommendation"),
		Description:    r.text("description"),
		Lead:           r.text("lead"),
		Target:         r.target("target", b.probs),
		Resources:      r.text("resources"),
		CarriedFrom:    r.text("carried_from"),
		Progress:       r.text("progress"),
		Extra:          r.extras(),
		Source:         r.at("ref"),
	}
	a.Status = r.status("status", b.vocab, b.probs)
	if !t.has("status") && a.Progress != "" {
		if st, ok := statusPrefix(a.Progress, b.vocab); ok {
			a.Status = st
			t.note(r.at("progress"), "the table has no status column; the status %s is read from the start of the progress text", st)
		}
	}
	b.revision(a, r)
	var err error
	if a.Priority, err = plan.ParsePriority(r.text("priority")); err != nil {
		b.probs.Errorf(r.at("priority"), "%v", err)
	} else if a.Priority.Text == "" {
		b.colourOnlyPriority(r)
	}
	if pc := r.text("percent"); notGiven(pc) {
		t.note(r.at("percent"), "percent complete %q is read as none given", pc)
	} else if a.Percent, err = plan.ParsePercent(pc); err != nil {
		b.probs.Errorf(r.at("percent"), "%v", err)
	} else {
		b.percentShape(t, a, r)
	}
	if t.refInText {
		// The ref is the action's Ref; templates print it in front of the
		// text, as the council's paper does.
		_, a.Description = splitRef(a.Description)
	}
	a.PlanStatus, a.PlanProgress = a.Status, a.Progress
	for _, f := range plan.SpanFields {
		if m := r.mergedDown(f); m != "" {
			if a.Merged == nil {
				a.Merged = map[string]string{}
			}
			a.Merged[f] = m
		}
	}
	ar := actionRow{
		a: a, t: t, num: r.num,
		issue: r.id("issue"), issueTitle: r.text("issue_title"), issueDesc: r.text("issue_description"),
		issueLead: r.text("issue_lead"), issueProspect: r.text("issue_prospect"), theme: r.text("theme"),
		outcomeText: r.text("outcome_text"), recText: r.text("recommendation_text"), refs: splitRefs(r.text("refs")),
	}
	applyBands(&ar, r.bands)
	b.actions = append(b.actions, ar)
	return fmt.Sprintf("action %q", a.Ref)
}

// applyBands gives an action the issue, theme, outcome and recommendation
// of the bands above it, where its own columns are blank.
func applyBands(ar *actionRow, bands map[string]*band) {
	if b := bands["issue"]; b != nil && ar.issue == "" && ar.issueTitle == "" {
		ar.issue, ar.issueTitle = b.number, b.text
		if ar.issue == "" {
			ar.issue = b.text
		}
		set := func(dst *string, f string) {
			if *dst == "" {
				*dst = b.fields[f]
			}
		}
		set(&ar.issueDesc, "description")
		set(&ar.issueLead, "lead")
		set(&ar.issueProspect, "prospect")
	}
	if b := bands["theme"]; b != nil && ar.theme == "" {
		ar.theme = b.text
	}
	if b := bands["outcome"]; b != nil && ar.a.Outcome == "" && ar.outcomeText == "" {
		ar.a.Outcome, ar.outcomeText = b.number, b.text
	}
	if b := bands["recommendation"]; b != nil && ar.a.Recommendation == "" && ar.recText == "" {
		ar.a.Recommendation, ar.recText = b.number, b.text
	}
}

// suggestStatus returns the statuses a mistyped status word most likely
// meant: each status a word of s names, when it names two or more
// ("Amber/Red"); otherwise the status whose name or alias is nearest in
// spelling, when near enough to be a slip. It returns nil when nothing fits.
func suggestStatus(s string, vocab *plan.Vocabulary) []string {
	var named []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if st, ok := vocab.Lookup(w); ok && !seen[st.Name] {
			seen[st.Name] = true
			named = append(named, st.Name)
		}
	}
	if len(named) > 1 {
		return named
	}
	var spellings []string
	for _, st := range vocab.List() {
		spellings = append(spellings, st.Name)
		spellings = append(spellings, st.Aliases...)
	}
	if c := suggest.Closest(plan.Key(s), spellings); c != "" {
		st, _ := vocab.Lookup(c)
		return []string{st.Name}
	}
	return named
}

// unknownStatus is the message for a status word not in vocab, with a
// "did you mean" hint when one status is near it in spelling, or when its
// words name statuses ("Amber/Red").
func unknownStatus(s string, vocab *plan.Vocabulary) string {
	hint := ""
	switch sug := suggestStatus(s, vocab); len(sug) {
	case 0:
	case 1:
		hint = fmt.Sprintf("did you mean %q? ", sug[0])
	default:
		hint = fmt.Sprintf("did you mean one of %s? a cell holds one status; ", quoteList(sug, ", "))
	}
	return fmt.Sprintf("unknown status %q (%sthe statuses are %s; add it as an alias under [statuses] in the job to accept it)", s, hint, quoteList(vocab.Names(), ", "))
}

// assemble links the rows read: actions to their issues (making issues
// from a flat table when there is no issues table), outcomes and
// recommendations to theirs, and actions to outcomes and recommendations.
func (b *builder) assemble() {
	b.resolvePercentOnes()
	// Issues named by actions come first, so that outcome and
	// recommendation tables can refer to them too.
	var prev *plan.Issue
	var implicit *plan.Issue
	themeWarned := map[string]bool{}
	for i := range b.actions {
		ar := &b.actions[i]
		key, keyField := ar.issue, "issue"
		if key == "" {
			key, keyField = ar.issueTitle, "issue_title"
		}
		var is *plan.Issue
		switch {
		case key != "":
			is = b.findIssue(key)
			if is == nil && b.issuesTable != nil {
				b.probs.Errorf(ar.t.loc(ar.num, colOf(ar.t, keyField)), "issue %q is not in the issues table (%s)", key, tableName(b.issuesTable))
				continue
			}
			if is == nil {
				title := ar.issueTitle
				if title == "" && !ar.t.has("issue_title") {
					title = key
				}
				is = &plan.Issue{ID: key, Title: title, Source: ar.t.loc(ar.num, -1)}
				b.addIssue(is)
			}
		case prev != nil:
			is = prev
		case b.issuesTable != nil && len(b.p.Issues) == 1:
			is = b.p.Issues[0]
		case b.issuesTable != nil && len(b.p.Issues) > 0:
			// A table of issues that lists none (a plan rolled over from
			// one with no issue) leaves the actions one untitled issue.
			b.probs.Errorf(ar.t.loc(ar.num, colOf(ar.t, "issue")), "action %q has no issue (the plan has %d issues; give each action's issue ref)", ar.a.Ref, len(b.p.Issues))
			continue
		default:
			if implicit == nil {
				implicit = &plan.Issue{Source: ar.t.loc(ar.num, -1)}
				b.addIssue(implicit)
			}
			is = implicit
		}
		prev = is
		ar.is = is
		fillIssue(is, ar)
		if ar.theme != "" && plan.Key(ar.theme) != plan.Key(is.Theme) && !themeWarned[is.Theme+"\x00"+ar.theme] {
			themeWarned[is.Theme+"\x00"+ar.theme] = true
			b.probs.Warnf(ar.t.loc(ar.num, colOf(ar.t, "theme")), "action %q is under the theme %q, but its governance issue already has the theme %q: "+
				"a theme belongs to an issue, so no paper shows %q for this action; give each theme's actions their own issue "+
				"(an issue column, or bands = \"issue\" in the job to read each band as an issue)", ar.a.Ref, ar.theme, is.Theme, ar.theme)
		}
	}

	for _, n := range b.outcomes {
		is := b.issueFor(n)
		if is == nil {
			continue
		}
		if b.outcomesBy.find(is, n.number) != nil {
			b.probs.Errorf(n.t.loc(n.num, colOf(n.t, "number")), "outcome %q of issue %q is given twice", n.number, is.ID)
			continue
		}
		b.outcomesBy.add(is, &plan.Outcome{Number: n.number, Text: n.text})
	}
	for _, n := range b.recs {
		is := b.issueFor(n)
		if is == nil {
			continue
		}
		number, text := n.number, n.text
		if number == "" {
			number, text = splitNumbered(text)
		}
		if number == "" {
			number = strconv.Itoa(len(is.Recommendations) + 1)
		}
		if b.recsBy.find(is, number) != nil {
			b.probs.Errorf(n.t.loc(n.num, colOf(n.t, "number")), "recommendation %q of issue %q is given twice", number, is.ID)
			continue
		}
		b.recsBy.add(is, &plan.Recommendation{Number: number, Text: text, Refs: n.refs})
	}

	refs := map[string]plan.Loc{}
	for i := range b.actions {
		ar := &b.actions[i]
		if ar.is == nil {
			continue
		}
		a := ar.a
		k := plan.RefKey(a.Ref)
		refLoc := ar.t.loc(ar.num, colOf(ar.t, "ref"))
		if first, dup := refs[k]; dup {
			where := fmt.Sprintf("cell %s%d", plan.ColumnName(first.Col), first.Row)
			if first.Sheet != refLoc.Sheet {
				where = fmt.Sprintf("sheet %q, %s", first.Sheet, where)
			}
			b.probs.Errorf(refLoc, "action ref %q is already used at %s", a.Ref, where)
			continue
		}
		refs[k] = refLoc
		a.Issue = ar.is.ID
		b.linkOutcome(ar)
		b.linkRecommendation(ar)
		ar.is.Actions = append(ar.is.Actions, a)
	}
}

// issueFor finds the issue of an outcome or recommendation row.
func (b *builder) issueFor(n numbered) *plan.Issue {
	if n.issue == "" {
		if len(b.p.Issues) == 1 {
			return b.p.Issues[0]
		}
		b.probs.Errorf(n.t.loc(n.num, colOf(n.t, "issue")), "the row has no issue ref (the plan has %d issues)", len(b.p.Issues))
		return nil
	}
	is := b.findIssue(n.issue)
	if is == nil {
		b.probs.Errorf(n.t.loc(n.num, colOf(n.t, "issue")), "issue %q is not in the plan", n.issue)
	}
	return is
}

// fillIssue copies a flat table's issue columns onto the issue where it
// has no value yet.
func fillIssue(is *plan.Issue, ar *actionRow) {
	set := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	set(&is.Title, ar.issueTitle)
	set(&is.Description, ar.issueDesc)
	set(&is.Lead, ar.issueLead)
	set(&is.Prospect, ar.issueProspect)
	set(&is.Theme, ar.theme)
}

func (b *builder) linkOutcome(ar *actionRow) {
	a, is := ar.a, ar.is
	number, text := a.Outcome, ar.outcomeText
	if number == "" && text != "" {
		number, text = splitNumbered(text)
		if number == "" {
			if o := outcomeByText(is, text); o != nil {
				number = o.Number
			} else {
				number = strconv.Itoa(len(is.Outcomes) + 1)
			}
		}
	}
	if number == "" {
		return
	}
	a.Outcome = number
	if o := b.outcomesBy.find(is, number); o != nil {
		if o.Text == "" {
			o.Text = text
		}
		return
	}
	if text == "" && b.outcomesTable != nil {
		b.probs.Warnf(ar.t.loc(ar.num, colOf(ar.t, "outcome")), "outcome %q of issue %q is not in the outcomes table (%s)", number, is.ID, tableName(b.outcomesTable))
	}
	b.outcomesBy.add(is, &plan.Outcome{Number: number, Text: text})
}

func (b *builder) linkRecommendation(ar *actionRow) {
	a, is := ar.a, ar.is
	number, text := a.Recommendation, ar.recText
	if number == "" && text != "" {
		number, text = splitNumbered(text)
		if number == "" {
			if r := recByText(is, text); r != nil {
				number = r.Number
			} else {
				number = strconv.Itoa(len(is.Recommendations) + 1)
			}
		}
	}
	if number == "" {
		return
	}
	a.Recommendation = number
	if r := b.recsBy.find(is, number); r != nil {
		if r.Text == "" {
			r.Text = text
		}
		if len(r.Refs) == 0 {
			r.Refs = ar.refs
		}
		return
	}
	if text == "" && b.recsTable != nil {
		b.probs.Warnf(ar.t.loc(ar.num, colOf(ar.t, "recommendation")), "recommendation %q of issue %q is not in the recommendations table (%s)", number, is.ID, tableName(b.recsTable))
	}
	b.recsBy.add(is, &plan.Recommendation{Number: number, Text: text, Refs: ar.refs})
}

// byNumber indexes the outcomes or the recommendations of each issue by
// Key of their number, first given first, as Issue.Outcome and
// Issue.Recommendation find them.
type byNumber[T any] struct {
	index  map[*plan.Issue]map[string]T
	list   func(*plan.Issue) *[]T // the issue's list
	number func(T) string
}

// find returns the issue's entry with the number, or the zero T.
func (x *byNumber[T]) find(is *plan.Issue, number string) T {
	return x.of(is)[plan.Key(number)]
}

// add appends v to the issue's list and to the index.
func (x *byNumber[T]) add(is *plan.Issue, v T) {
	idx := x.of(is)
	if _, dup := idx[plan.Key(x.number(v))]; !dup {
		idx[plan.Key(x.number(v))] = v
	}
	*x.list(is) = append(*x.list(is), v)
}

// of returns the issue's index, made from its list the first time.
func (x *byNumber[T]) of(is *plan.Issue) map[string]T {
	if x.index == nil {
		x.index = map[*plan.Issue]map[string]T{}
	}
	idx := x.index[is]
	if idx == nil {
		idx = map[string]T{}
		for _, v := range *x.list(is) {
			if _, dup := idx[plan.Key(x.number(v))]; !dup {
				idx[plan.Key(x.number(v))] = v
			}
		}
		x.index[is] = idx
	}
	return idx
}

func outcomesByNumber() byNumber[*plan.Outcome] {
	return byNumber[*plan.Outcome]{
		list:   func(is *plan.Issue) *[]*plan.Outcome { return &is.Outcomes },
		number: func(o *plan.Outcome) string { return o.Number },
	}
}

func recommendationsByNumber() byNumber[*plan.Recommendation] {
	return byNumber[*plan.Recommendation]{
		list:   func(is *plan.Issue) *[]*plan.Recommendation { return &is.Recommendations },
		number: func(r *plan.Recommendation) string { return r.Number },
	}
}

func outcomeByText(is *plan.Issue, text string) *plan.Outcome {
	k := plan.Key(text)
	for _, o := range is.Outcomes {
		if plan.Key(o.Text) == k {
			return o
		}
	}
	return nil
}

func recByText(is *plan.Issue, text string) *plan.Recommendation {
	k := plan.Key(text)
	for _, r := range is.Recommendations {
		if plan.Key(r.Text) == k {
			return r
		}
	}
	return nil
}

// colOf returns the field's 0-based column, or -1.
func colOf(t *table, field string) int {
	if i, ok := t.col[field]; ok {
		return i
	}
	return -1
}

// tableName names a table in messages: its sheet, or its file for CSV.
func tableName(t *table) string {
	if t.sheet != "" {
		return fmt.Sprintf("sheet %q", t.sheet)
	}
	return t.file
}

// statusPrefix reads a status written at the start of a progress text, as
// trackers with no status column keep it: "Ongoing – the review has
// started", "Complete: report agreed". The word or words before the dash or
// colon must be one of the vocabulary's statuses or aliases.
func statusPrefix(progress string, vocab *plan.Vocabulary) (string, bool) {
	first, _, _ := strings.Cut(progress, "\n")
	for _, sep := range []string{" – ", " — ", " - ", ": ", " -- "} {
		head, _, ok := strings.Cut(first, sep)
		if !ok || len(head) > 30 {
			continue
		}
		if st, ok := vocab.Lookup(strings.TrimSpace(head)); ok {
			return st.Name, true
		}
	}
	return "", false
}

// revision reads a revised target beside the original one: the action's
// Target becomes the revised target, Original keeps the first, and the
// date agreed and who agreed it are kept with the revision. A date agreed
// or an agreer with no revised target is a located error, never dropped.
func (b *builder) revision(a *plan.Action, r row) {
	given := r.text("revised_target")
	if notGiven(given) {
		r.t.note(r.at("revised_target"), "the revised target %q is read as none: the target is not revised", given)
		given = ""
	}
	if a.Target.IsZero() && given != "" {
		b.probs.Errorf(r.at("revised_target"), "a revised target, %q, with no original target in the row: give the target it revises (a column headed \"Target Date\" or \"Original target\", or columns.target in the job), so that the papers do not show a revision as the first target", oneLine(r.text("revised_target")))
		return
	}
	if b.revisions(a, r) {
		return
	}
	var revised plan.Target
	if given != "" {
		revised = r.target("revised_target", b.probs)
	}
	agreed, by := r.target("revision_agreed", b.probs), r.text("revision_by")
	if revised.IsZero() {
		if !agreed.IsZero() {
			b.probs.Errorf(r.at("revision_agreed"), "an extension agreed (%s) with no revised target beside it: give the revised target, or clear the cell", agreed.Text)
		}
		if by != "" {
			b.probs.Errorf(r.at("revision_by"), "an extension agreed by %q with no revised target beside it: give the revised target, or clear the cell", by)
		}
		return
	}
	if !agreed.IsZero() && agreed.Due.IsZero() {
		b.probs.Errorf(r.at("revision_agreed"), "the date the extension was agreed, %q, is not a date", agreed.Text)
	}
	if agreed.IsZero() && by == "" && plan.Key(revised.DueText()) == plan.Key(a.Target.DueText()) {
		r.t.note(r.at("revised_target"), "%s is the target itself, not a revision of it", revised.DueText())
		return
	}
	a.Revise(plan.Revision{Target: revised, Agreed: agreed.Due, By: by, At: r.at("revised_target"), AgreedAt: agreedAt(r)})
}

// agreedAt locates the date-agreed cell, when the row has one.
func agreedAt(r row) plan.Loc {
	if _, _, ok := r.get("revision_agreed"); !ok {
		return plan.Loc{}
	}
	return r.at("revision_agreed")
}

// revisions reads several revisions kept in one row, as rollover writes
// an action revised more than once: the revised target cell holds one
// date per line, oldest first, and the agreed and agreed-by cells hold
// the line of each revision ("–" where it is not known). A line still to
// be agreed ("TBC", see plan.Target.Unconfirmed) is a revision with no
// date, kept as written. It reports whether the row keeps revisions so; an
// agreed or agreed-by cell whose lines are not one for each revised target
// (which revision a lone line belongs to is not known), or an agreed line
// that is not a date, is a located error.
func (b *builder) revisions(a *plan.Action, r row) bool {
	targets := revisionLines(r.text("revised_target"))
	if len(targets) < 2 {
		return false
	}
	dues := make([]plan.Target, len(targets))
	for i, t := range targets {
		d, err := plan.ParseTarget(t)
		if err != nil || !d.Start.IsZero() || (d.Due.IsZero() && !d.Unconfirmed()) {
			return false // not one date a line: read as one revised target
		}
		dues[i] = d
	}
	agreed := revisionLines(r.text("revision_agreed"))
	by := revisionLines(r.text("revision_by"))
	for _, c := range []struct {
		field string
		lines []string
	}{{"revision_agreed", agreed}, {"revision_by", by}} {
		if len(c.lines) > 0 && len(c.lines) != len(targets) {
			n := fmt.Sprintf("%d lines", len(c.lines))
			if len(c.lines) == 1 {
				n = fmt.Sprintf("one line (%q)", c.lines[0])
			}
			b.probs.Errorf(r.at(c.field), "%s, but the revised target beside it has %d: give one line for each revised target, oldest first (\"–\" where it is not known), so that each is shown with the revision it belongs to", n, len(targets))
			return true
		}
	}
	revs := make([]plan.Revision, len(targets))
	for i := range targets {
		revs[i].Target = dues[i]
		revs[i].At, revs[i].AgreedAt = r.at("revised_target"), agreedAt(r)
		if i < len(agreed) && agreed[i] != "" {
			d, err := plan.ParseTarget(agreed[i])
			if err != nil || d.Due.IsZero() {
				b.probs.Errorf(r.at("revision_agreed"), "line %d: the date the extension was agreed, %q, is not a date", i+1, agreed[i])
				return true
			}
			revs[i].Agreed = d.Due
		}
		if i < len(by) {
			revs[i].By = by[i]
		}
	}
	for _, rev := range revs {
		a.Revise(rev)
	}
	return true
}

// revisionLines splits a cell of several revisions into its lines; a line
// "–" or "-" is one whose value is not known.
func revisionLines(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "–" || l == "-" {
			l = ""
		}
		lines[i] = l
	}
	return lines
}

// A percentOne is an action whose % complete is written 1, with no % sign
// and no decimal point: 1% in a column of whole percentages, 100% in a
// column of fractions of 1.
type percentOne struct {
	t   *table
	a   *plan.Action
	loc plan.Loc
	raw string
}

// percentShape notes a % complete cell written as a bare 1, or as a
// fraction of 1, so that the column as a whole says which a bare 1 is.
func (b *builder) percentShape(t *table, a *plan.Action, r row) {
	raw := r.text("percent")
	if strings.ContainsRune(raw, '%') {
		return
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	switch {
	case err != nil:
	case v == 1 && !strings.Contains(raw, "."):
		b.percentOnes = append(b.percentOnes, percentOne{t: t, a: a, loc: r.at("percent"), raw: raw})
	case v > 0 && v < 1:
		if _, seen := b.percentFraction[t]; !seen {
			if b.percentFraction == nil {
				b.percentFraction = map[*table]plan.Loc{}
			}
			b.percentFraction[t] = r.at("percent")
		}
	}
}

// resolvePercentOnes reads each bare 1 of a % complete column: as 100% in
// a column whose other values are fractions of 1 (0.25, 0.5), with a
// note; otherwise as 1%, with a warning, since a council that writes
// fractions may mean a finished action.
func (b *builder) resolvePercentOnes() {
	for _, o := range b.percentOnes {
		if frac, ok := b.percentFraction[o.t]; ok {
			o.a.Percent = plan.Percent{Value: 100, Set: true}
			o.t.note(o.loc, "percent complete %s is read as 100%%: the column writes fractions of 1 (as at %s%d)", o.raw, plan.ColumnName(frac.Col), frac.Row)
			continue
		}
		b.probs.Warnf(o.loc, "percent complete %s is read as 1%%; if the action is complete, write 100%% (or give the column a percentage format, where 1 shows as 100%%)", o.raw)
	}
}

// colourOnlyPriority warns about a priority cell with no words but a solid
// fill of its own (the row's ref cell has another): a tracker that marks
// priority by colour alone would otherwise lose it without a word. A fill
// the whole row shares is the row's highlight, not a priority.
func (b *builder) colourOnlyPriority(r row) {
	c, _, ok := r.get("priority")
	if !ok || c.fill == "" || strings.TrimSpace(c.text) != "" {
		return
	}
	if ref, _, _ := r.get("ref"); ref.fill == c.fill {
		return
	}
	b.probs.Warnf(r.at("priority"), "the priority cell has no words, only a fill colour, #%s: agsreport reads a priority from words only (High, Medium, Low or 1, 2, 3), so the action has none; write the priority in the cell", c.fill)
}

// notGiven reports whether a cell's text is a council's way of writing
// that there is no value: a dash, "N/A", "None", "Not applicable".
func notGiven(s string) bool {
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "-", "–", "—", "n/a", "n / a", "na", "none", "not applicable":
		return true
	}
	return false
}
