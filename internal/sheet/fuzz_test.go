package sheet

import (
	"os"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
)

// readAll reads a file as every kind of plan table and as a return,
// checking only what must always hold: no panic, a plan back, and every
// problem naming the file.
func readAll(t *testing.T, path string) {
	t.Helper()
	s := spec(path, "")
	opt := *s
	opt.Optional = true
	var probs plan.Problems
	p := ReadPlan(PlanSpec{Issues: &opt, Outcomes: &opt, Recommendations: &opt, Actions: &opt}, nil, &probs)
	if p == nil {
		t.Fatal("ReadPlan returned nil")
	}
	ReadUpdates(*s, "February 2018", nil, &probs)
	for _, pr := range probs.List {
		if pr.Loc.File != s.Name {
			t.Fatalf("problem without the file: %v", pr)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"Issue,Action Ref,Action,Target Date,Status\nA,1,Do,31/03/2018,COMPLETE\n",
		"\xEF\xBB\xBFRef;Status;Progress\r\n1;ongoing;\"two\r\n\r\nparagraphs\"\r\n",
		"Governance Issue,Recommendation,Action Ref,Action\nX,1 For all,1(i),Do\n,,1(ii),Again\n",
		"Theme,Issue,Description\nT,I,D\n",
		"\"unterminated,Ref,Action\n",
		"Ref,Status\n\xff\xfe,\x00\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readAll(t, writeFile(t, t.TempDir(), "plan.csv", data))
	})
}

func FuzzReadWorkbook(f *testing.F) {
	dir := f.TempDir()
	seeds := []string{
		writeBook(f, dir, "a.xlsx", bookOpts{}, sheetDef{name: "Actions", rows: [][]any{
			{"Title"}, {}, {"Issue Ref", "Action Ref", "Action", "Target Date", "Status"},
			{"A", "1", "Do", serial(43190), "COMPLETE"}, {nil, "2", "Again", "By 31st March 2018", "ongoing"},
		}, merges: []string{"A1:E1", "A4:A5"}}),
		writeBook(f, dir, "b.xlsx", bookOpts{date1904: true},
			sheetDef{name: "Issues", rows: [][]any{{"Issue Ref", "Governance Issue"}, {"A", "Alpha"}}},
			sheetDef{name: "Return", rows: [][]any{{"Action Ref", "Status", "Progress"}, {1, "Complete", "Done"}}}),
	}
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0})
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readAll(t, writeFile(t, t.TempDir(), "plan.xlsx", data))
	})
}

// TestSeedsReadable keeps the fuzz seeds honest: the first workbook seed
// reads with no problem at all.
func TestSeedsReadable(t *testing.T) {
	path := writeBook(t, t.TempDir(), "a.xlsx", bookOpts{}, sheetDef{name: "Actions", rows: [][]any{
		{"Issue Ref", "Action Ref", "Action"}, {"A", "1", "Do"},
	}})
	var probs plan.Problems
	p := ReadPlan(PlanSpec{Actions: spec(path, "")}, nil, &probs)
	if len(probs.List) != 0 || len(p.Actions()) != 1 {
		t.Fatalf("got %d actions and problems %v", len(p.Actions()), problemStrings(&probs))
	}
}
