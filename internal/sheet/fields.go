package sheet

import (
	"sort"
	"strings"
	"unicode"

	"github.com/agsreport/agsreport/internal/approvals"
	"github.com/agsreport/agsreport/internal/returns"
)

// field is one field a column of a table can be mapped to, with the header
// texts that name it, most specific first.
type field struct {
	name    string
	aliases []string
}

// fieldsOf lists the fields of each kind of table, in the order they claim
// headers when two could take the same one.
var fieldsOf = map[Kind][]field{
	Issues: {
		{"id", []string{"Issue Ref", "Issue ID", "Issue No", "Issue Number", "Issue Reference", "Ref", "ID", "Reference", "Ref No"}},
		{"theme", []string{"Theme", "Governance Theme"}},
		{"title", []string{"Governance Issue", "Issue", "Issue Title", "Title", "Significant Governance Issue", "Governance Issue Title", "Key Improvement Area", "Area of Focus"}},
		{"description", []string{"Description", "Issue Description", "Details"}},
		{"rationale", []string{"Rationale", "Reason"}},
		{"lead", []string{"Lead", "Lead Manager", "Lead Officer", "Lead Corporate/Assistant Director", "Lead Assistant Director",
			"Lead Director", "Lead Corporate Director", "Responsible Officer", "Issue Lead", "Owner", "By Whom", "Responsibility"}},
		{"prospect", []string{"Overall Prospect", "Prospect", "Overall Prospect of Achieving Sufficient Progress"}},
		{"action", []string{"Proposed Action", "Proposed Actions"}},
		{"target", []string{"Target Date", "Target", "Deadline", "Due Date", "By When", "To be delivered by"}},
	},
	Outcomes: {
		{"issue", []string{"Issue Ref", "Issue", "Issue ID", "Issue No", "Governance Issue"}},
		{"number", []string{"Outcome No", "Outcome Number", "Outcome Ref", "Outcome", "No", "Number"}},
		{"text", []string{"Strategic Outcome", "Outcome Text", "Outcome Description", "Description", "Text"}},
	},
	Recommendations: {
		{"issue", []string{"Issue Ref", "Issue", "Issue ID", "Issue No", "Governance Issue"}},
		{"number", []string{"Rec No", "Recommendation No", "Recommendation Number", "Rec", "No", "Number"}},
		{"text", []string{"Recommendation", "Recommendation Text", "Text"}},
		{"refs", []string{"Report Refs", "Refs", "Report References", "Report Ref", "References"}},
	},
	Actions: {
		{"ref", []string{"Action Ref", "Ref", "Action No", "Action Number", "Action ID", "Action Reference", "Reference", "Action Code",
			"No", "Ref No", "Minute No", "Minute Ref"}},
		{"issue", []string{"Issue Ref", "Issue", "Issue ID", "Issue No"}},
		{"issue_title", []string{"Governance Issue", "Issue Title", "Area of Focus", "Key Improvement Area", "Significant Governance Issue"}},
		{"issue_description", []string{"Issue Description"}},
		{"issue_lead", []string{"Issue Lead", "Lead Manager", "Lead Director", "Lead Corporate/Assistant Director"}},
		{"issue_prospect", []string{"Overall Prospect", "Prospect"}},
		{"theme", []string{"Theme"}},
		{"outcome", []string{"Outcome No", "Outcome Number", "Outcome"}},
		{"outcome_text", []string{"Strategic Outcome", "Outcome Text"}},
		{"recommendation", []string{"Rec No", "Recommendation No", "Recommendation Number", "Rec"}},
		{"recommendation_text", []string{"Recommendation", "Recommendation Text"}},
		{"refs", []string{"Report Refs", "Refs", "Report References", "Report Ref"}},
		{"description", []string{"Action", "Agreed Action", "Action Description", "Description", "Actions", "Agreed Actions", "Action Required", "Proposed Action"}},
		{"lead", []string{"Lead", "Lead Officer", "Responsible Officer", "Action Owner", "Action Lead", "Owner", "By Whom", "Responsibility",
			"Responsible for", "Responsible", "Who"}},
		// A plan that keeps the original target beside the revised one
		// heads it "Original target": that is the target a revision moves.
		{"target", []string{"Target Date", "Target", "Deadline", "Due Date", "Timescale", "By When", "To be delivered by", "Completion Date", "Due",
			"Original Target Date", "Original Target", "Original Deadline", "Original Due Date", "Original Completion Date"}},
		{"target_text", []string{"Target (as written)", "Written Target"}},
		// "Current target" beside "Original target" is the target as
		// revised; the same date as the original is no revision.
		{"revised_target", []string{"Revised Target Date", "Revised Target", "Revised Date", "New Target Date", "Revised Deadline", "Revised Due Date",
			"Current Target Date", "Current Target"}},
		{"revision_agreed", []string{"Extension Agreed", "Date Agreed", "Revision Agreed", "Revised Date Agreed", "Extension Agreed On"}},
		{"revision_by", []string{"Agreed By", "Extension Agreed By", "Revision Agreed By"}},
		{"resources", []string{"Resources", "Resource"}},
		{"priority", []string{"Priority", "Priority Rating", "Action Priority"}},
		// "% Complete" folds to "complete": a column so headed is read as
		// percentages, and a value that is not one is a located error.
		{"percent", []string{"% Complete", "Percent Complete", "Percentage Complete", "Percent Completed"}},
		{"status", []string{"Status", "RAG", "RAG Status", "Current Status", "Status Icon", "RAG Rating"}},
		{"progress", []string{"Progress", "Progress Update", "Update", "Progress to Date", "Commentary", "Action Update", "Latest Update", "Comments"}},
		{"carried_from", []string{"Carried Forward", "Carried Forward From", "Carried Over From", "Brought Forward From"}},
	},
	Updates: {
		{"ref", []string{"Action Ref", "Ref", "Action No", "Action Number", "Action ID", "Action Reference", "Reference"}},
		{"status", []string{"Status", "RAG", "RAG Status", "Current Status"}},
		{"progress", []string{"Progress", "Progress Update", "Update", "Progress to Date", "Commentary", "Comments"}},
		{"officer", []string{"Officer", "Lead Officer", "Returned By", "Completed By", "Responsible Officer"}},
		{"period", []string{"Period", "Update Period", "Quarter"}},
		{"requested", []string{returns.ColRequested, "Requested Target Date", "Requested Target", "New Target Requested", "Proposed Target Date"}},
		{"reason", []string{returns.ColReason, "Reason for Extension Request", "Extension Reason", "Reason for Revised Target"}},
	},
	Approvals: {
		{"ref", []string{approvals.ColRef, "Ref", "Action No", "Action Reference"}},
		{"lead", []string{approvals.ColLead, "Lead Officer"}},
		{"period", []string{approvals.ColPeriod, "Update Period", "Quarter"}},
		{"current", []string{approvals.ColCurrent, "Target Date", "Target"}},
		{"requested", []string{approvals.ColRequested, "Requested Target Date", "Requested Target", "New Target Requested"}},
		{"reason", []string{approvals.ColReason, "Reason"}},
		{"officer", []string{approvals.ColOfficer, "Requested By", "Officer"}},
		{"agreed", []string{approvals.ColAgreed, "Agreed", "Approved", "Decision"}},
		{"agreed_on", []string{approvals.ColOn, "Date Agreed", "Decision Date", "Approved On"}},
		{"agreed_by", []string{approvals.ColBy, "Approved By", "Decided By"}},
	},
}

// required lists, per kind, groups of fields of which at least one must have
// a column.
var required = map[Kind][][]string{
	Issues:          {{"title", "id"}},
	Outcomes:        {{"number"}, {"text"}},
	Recommendations: {{"number", "text"}},
	Actions:         {{"ref"}, {"description"}},
	Updates:         {{"ref"}, {"status", "progress"}},
	Approvals:       {{"ref"}, {"requested"}, {"agreed"}},
}

// keyField is the field a data row must have a value in to be read.
var keyField = map[Kind][]string{
	Issues:          {"title", "id"},
	Outcomes:        {"number"},
	Recommendations: {"number", "text"},
	Actions:         {"ref"},
	Updates:         {"ref"},
	Approvals:       {"ref"},
}

// kindNoun names a row of each kind in messages.
var kindNoun = map[Kind]string{
	Issues:          "issue",
	Outcomes:        "outcome",
	Recommendations: "recommendation",
	Actions:         "action",
	Updates:         "update",
	Approvals:       "request",
}

// sheetNames are the sheet names that hold each kind of table when the job
// names no sheet, matched ignoring case and spacing.
var sheetNames = map[Kind][]string{
	Issues:          {"Issues", "Governance Issues"},
	Outcomes:        {"Outcomes", "Strategic Outcomes"},
	Recommendations: {"Recommendations"},
	Actions:         {"Actions", "Action Plan"},
	Updates:         {"Return", "Updates", "Progress"},
	Approvals:       {approvals.Sheet, "Approvals", "Extensions"},
}

// FieldNames lists the field names a job may map columns to for a kind of
// table (the keys of TableSpec.Columns), in a fixed order. It returns nil
// for an unknown kind.
func FieldNames(k Kind) []string {
	fs := fieldsOf[k]
	if fs == nil {
		return nil
	}
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

// Aliases returns the built-in header texts for a field of a kind of table,
// most specific first, or nil when there is no such field.
func Aliases(k Kind, name string) []string {
	for _, f := range fieldsOf[k] {
		if f.name == name {
			return append([]string(nil), f.aliases...)
		}
	}
	return nil
}

// headerKey folds a header text for matching: case, spacing, line breaks
// and punctuation are ignored, so "Rec. No:" matches "Rec No".
func headerKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

// mapping is how a header row's columns map to fields.
type mapping struct {
	col    map[string]int  // field → 0-based column
	exact  int             // fields matched by a whole header text
	custom map[string]bool // fields matched by a heading the job gave
	// refInText says the actions have no ref column and their refs are
	// taken from the start of the action text.
	refInText bool
}

func (m mapping) has(f string) bool {
	_, ok := m.col[f]
	return ok
}

// columnLetter reads a job's alias of the form "column F", which names a
// column by its letter rather than its heading; it returns the 0-based
// column.
func columnLetter(alias string) (int, bool) {
	rest, ok := strings.CutPrefix(strings.ToLower(strings.TrimSpace(alias)), "column ")
	rest = strings.TrimSpace(rest)
	if !ok || rest == "" || len(rest) > 3 {
		return 0, false
	}
	n := 0
	for _, c := range rest {
		if c < 'a' || c > 'z' {
			return 0, false
		}
		n = n*26 + int(c-'a'+1)
	}
	return n - 1, true
}

// mapColumns maps header texts to the fields of kind k. Each header maps at
// most one field and each field at most one header. The job's aliases are
// tried first, then the built-in aliases, each matching a whole header
// (leftmost first); then a header that starts with an alias's words, such as
// "Proposed Action 2014/15" or "Progress update to January 2018", takes the
// field of the longest such alias.
func mapColumns(k Kind, heads []string, custom map[string][]string) mapping {
	m := mapping{col: map[string]int{}, custom: map[string]bool{}}
	keys := make([]string, len(heads))
	for i, h := range heads {
		keys[i] = headerKey(h)
	}
	taken := make([]bool, len(heads))
	fields := fieldsOf[k]
	claim := func(aliases func(f field) []string) {
		for _, f := range fields {
			if _, done := m.col[f.name]; done {
				continue
			}
		alias:
			for _, a := range aliases(f) {
				ak := headerKey(a)
				if ak == "" {
					continue
				}
				for i, hk := range keys {
					if !taken[i] && hk == ak {
						m.col[f.name] = i
						taken[i] = true
						m.exact++
						break alias
					}
				}
			}
		}
	}
	// The job's columns named by letter, then by heading.
	for _, f := range fields {
		for _, a := range custom[f.name] {
			if i, ok := columnLetter(a); ok && i < len(heads) && !taken[i] {
				m.col[f.name] = i
				taken[i] = true
				m.custom[f.name] = true
				m.exact++
				break
			}
		}
	}
	claim(func(f field) []string { return custom[f.name] })
	for f := range m.col {
		m.custom[f] = true
	}
	claim(func(f field) []string { return f.aliases })
	// Loose: a header that begins with an alias's words.
	for i, hk := range keys {
		if taken[i] || hk == "" {
			continue
		}
		best, bestLen := "", 0
		for _, f := range fields {
			if _, done := m.col[f.name]; done {
				continue
			}
			for _, a := range append(append([]string(nil), custom[f.name]...), f.aliases...) {
				ak := headerKey(a)
				if ak != "" && strings.HasPrefix(hk, ak+" ") && len(ak) > bestLen {
					best, bestLen = f.name, len(ak)
				}
			}
		}
		if best != "" {
			m.col[best] = i
			taken[i] = true
		}
	}
	return m
}

// missing returns, for each required group with no column, the group.
func (m mapping) missing(k Kind) [][]string {
	var out [][]string
	for _, group := range required[k] {
		ok := k == Actions && group[0] == "ref" && m.refInText
		for _, f := range group {
			if _, has := m.col[f]; has {
				ok = true
			}
		}
		if !ok {
			out = append(out, group)
		}
	}
	return out
}

// unknownFields returns the keys of custom that are not fields of k, sorted.
func unknownFields(k Kind, custom map[string][]string) []string {
	var out []string
	for name := range custom {
		if Aliases(k, name) == nil {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
