package sheet

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

func TestMapColumns(t *testing.T) {
	tests := []struct {
		name   string
		kind   Kind
		heads  []string
		custom map[string][]string
		want   string // field=column letters, sorted by field
	}{
		{
			name:  "exact match beats a column to the left that only starts with an alias",
			kind:  Actions,
			heads: []string{"Action taken so far", "Action"},
			want:  "description=B",
		},
		{
			name:  "a specific alias beats a general one to its left",
			kind:  Updates,
			heads: []string{"Ref", "Action Ref", "Status"},
			want:  "ref=B status=C",
		},
		{
			name:  "punctuation, case, spacing and line breaks are ignored",
			kind:  Recommendations,
			heads: []string{"REC. NO:", "Recommendation\n", "Report  refs"},
			want:  "number=A refs=C text=B",
		},
		{
			name:  "headers that begin with an alias",
			kind:  Issues,
			heads: []string{"Issue", "Lead Corporate/Assistant\nDirector", "Proposed Action 2014/15", "Target Date (dd/mm/yyyy)"},
			want:  "action=C lead=B target=D title=A",
		},
		{
			name:   "the job's names come first",
			kind:   Actions,
			heads:  []string{"Ref", "No.", "Task"},
			custom: map[string][]string{"ref": {"No."}, "description": {"task"}},
			want:   "description=C ref=B",
		},
		{
			name:  "one header maps one field",
			kind:  Actions,
			heads: []string{"Status", "Status"},
			want:  "status=A",
		},
		{
			name:  "flat sheet: issue columns kept apart from action columns",
			kind:  Actions,
			heads: []string{"Governance Issue", "Lead Manager", "Strategic Outcome", "Outcome No", "Action Ref", "Action", "Lead"},
			want:  "description=F issue_lead=B issue_title=A lead=G outcome=D outcome_text=C ref=E",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := mapColumns(tc.kind, tc.heads, tc.custom)
			var got []string
			for f, i := range m.col {
				got = append(got, f+"="+string(rune('A'+i)))
			}
			sort.Strings(got)
			want := strings.Fields(tc.want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"one line trimmed", "  Officer time  ", "Officer time"},
		{"windows line breaks", "a\r\nb\rc", "a\nb\nc"},
		{"excel escape", "a_x000D_\nb", "a\nb"},
		{"blank lines at the ends", "\n\n  first\n\nsecond  \n \n", "  first\n\nsecond"},
		{"bullets kept", "Outcomes:\n• one\n• two", "Outcomes:\n• one\n• two"},
		{"empty", " \n ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanText(tc.in); got != tc.want {
				t.Errorf("cleanText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSplitRefs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"R1, R5, R7", []string{"R1", "R5", "R7"}},
		{"R2a;R2b", []string{"R2a", "R2b"}},
		{"R1,R5 ,\nR9", []string{"R1", "R5", "R9"}},
		{"", nil},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := splitRefs(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("splitRefs(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSplitNumbered(t *testing.T) {
	tests := []struct{ in, number, text string }{
		{"1 For existing contracts", "1", "For existing contracts"},
		{"12. Review", "12", "Review"},
		{"3) Train\nstaff", "3", "Train\nstaff"},
		{"For all contracts", "", "For all contracts"},
		{"2018 budget", "", "2018 budget"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			n, text := splitNumbered(tc.in)
			if n != tc.number || text != tc.text {
				t.Errorf("splitNumbered(%q) = %q, %q; want %q, %q", tc.in, n, text, tc.number, tc.text)
			}
		})
	}
}

func TestSniffComma(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want rune
	}{
		{"commas", "a,b;c\n1,2,3", ','},
		{"semicolons", "a;b;c,d\n", ';'},
		{"quoted delimiters do not count", "\"a;b;c\",d\n", ','},
		{"one line", "x;y", ';'},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sniffComma([]byte(tc.in)); got != tc.want {
				t.Errorf("sniffComma(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFieldNamesAndAliases(t *testing.T) {
	for _, k := range []Kind{Issues, Outcomes, Recommendations, Actions, Updates} {
		seen := map[string]string{}
		for _, f := range FieldNames(k) {
			if len(Aliases(k, f)) == 0 {
				t.Errorf("%s.%s has no aliases", k, f)
			}
			for _, a := range Aliases(k, f) {
				if other, dup := seen[headerKey(a)]; dup {
					t.Errorf("%s: alias %q names both %s and %s", k, a, other, f)
				}
				seen[headerKey(a)] = f
			}
		}
	}
	if FieldNames("nonsense") != nil {
		t.Error("FieldNames of an unknown kind should be nil")
	}
}

// TestCouncilHeadings maps header rows seen in councils' AGS and
// audit-committee trackers without any mapping in the job.
func TestCouncilHeadings(t *testing.T) {
	tests := []struct {
		name  string
		heads []string
		want  string // field=column letters, sorted by field
	}{
		{"governance issue, by when, by whom", []string{"Governance Issue", "Action Update", "By When", "By Whom"},
			"issue_title=A lead=D progress=B target=C"},
		{"capitals", []string{"ACTION", "RESPONSIBILITY", "DUE DATE", "PROGRESS TO DATE"},
			"description=A lead=B progress=D target=C"},
		{"committee action log", []string{"Date", "Minute No.", "Action", "Owner", "Status"},
			"description=C lead=D ref=B status=E"},
		{"improvement areas", []string{"Key improvement area", "Lead Officer", "To be delivered by"},
			"issue_title=A lead=B target=C"},
		{"action codes", []string{"Action Code", "Action description", "Status Icon", "Update date", "Due Date", "Action update", "Responsible for"},
			"description=B lead=G progress=F ref=A status=C target=E"},
		{"areas of focus", []string{"No.", "Area of focus", "Action", "Lead Officer", "Timescale", "Progress update (to March 2024)", "RAG"},
			"description=C issue_title=B lead=D progress=F ref=A status=G target=E"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := mapColumns(Actions, tc.heads, nil)
			var got []string
			for f, i := range m.col {
				got = append(got, f+"="+string(rune('A'+i)))
			}
			sort.Strings(got)
			if want := strings.Fields(tc.want); !reflect.DeepEqual(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestSuggestStatus(t *testing.T) {
	v, err := plan.NewVocabulary([]plan.Status{{Name: "COMPLETE", Aliases: []string{"Completed"}, Closed: true},
		{Name: "Green"}, {Name: "Amber"}, {Name: "Red"}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, want string
	}{
		{"a letter left out", "Compete", "COMPLETE"},
		{"an alias mistyped", "Completd", "COMPLETE"},
		{"case and a slip", "gren", "Green"},
		{"two statuses in one", "Amber/Red", "Amber Red"},
		{"nothing like it", "Postponed", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(suggestStatus(tt.in, v), " "); got != tt.want {
				t.Errorf("suggestStatus(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
