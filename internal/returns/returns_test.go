package returns

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/sheet"
)

func TestSafeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Chief Executive", "Chief Executive"},
		{"AD's/ Lead Managers", "AD's- Lead Managers"},
		{`CD: Resources\Finance*?`, "CD- Resources-Finance"},
		{"  ..Director.. ", "Director"},
		{"con", "_con"},
		{"", "officer"},
		{"a\tb\nc", "a b c"},
		{strings.Repeat("é", 80), strings.Repeat("é", 50)},
		{strings.Repeat("x", 80), strings.Repeat("x", 60)},
		{"Jane\u202Excod.exe Smith", "Janexcod.exe Smith"},
		{"lpt9", "_lpt9"},
		{"COM¹", "_COM¹"},
	}
	for _, tt := range tests {
		if got := SafeName(tt.in); got != tt.want {
			t.Errorf("SafeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func testPlan(t *testing.T) *plan.Plan {
	t.Helper()
	v, err := plan.NewVocabulary(plan.DefaultStatuses())
	if err != nil {
		t.Fatal(err)
	}
	is := &plan.Issue{ID: "I1", Title: "Contracts", Lead: "Director"}
	is.Actions = []*plan.Action{
		{Ref: "1(i)", Issue: "I1", Lead: "AD Finance", Description: "=SUM(A1) is text", Status: "ONGOING", Progress: "Started"},
		{Ref: "1(ii)", Issue: "I1", Lead: "ad finance ", Description: "Second", Status: "COMPLETE"},
		{Ref: "1(iii)", Issue: "I1", Description: "No lead: the issue's lead answers", Status: "ON TARGET"},
	}
	p := &plan.Plan{Title: "Plan", Statuses: v, Issues: []*plan.Issue{is}}
	var probs plan.Problems
	plan.Merge(p, nil, &probs)
	return p
}

func TestPlanGroupsOpenActionsByOfficer(t *testing.T) {
	rs := Plan(testPlan(t), "Q1")
	var got []string
	for _, r := range rs {
		var refs []string
		for _, a := range r.Actions {
			refs = append(refs, a.Ref)
		}
		got = append(got, r.Officer+": "+strings.Join(refs, ",")+" → "+r.File)
	}
	want := []string{
		"AD Finance: 1(i) → Progress return - AD Finance - Q1.xlsx", // 1(ii) is closed
		"Director: 1(iii) → Progress return - Director - Q1.xlsx",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("returns:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWorkbook(t *testing.T) {
	p := testPlan(t)
	rs := Plan(p, "Q1")
	data, err := Workbook(rs[0], p, Options{Period: "Q1", Title: "Plan", Org: "Council & Co"})
	if err != nil {
		t.Fatal(err)
	}
	again, err := Workbook(rs[0], p, Options{Period: "Q1", Title: "Plan", Org: "Council & Co"})
	if err != nil || !bytes.Equal(data, again) {
		t.Errorf("the same return differs between two writes (err %v)", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	hdr, _ := f.GetCellValue(sheet.ReturnSheet, "A6")
	ref, _ := f.GetCellValue(sheet.ReturnSheet, "A7")
	action, _ := f.GetCellValue(sheet.ReturnSheet, "C7")
	last, _ := f.GetCellValue(sheet.ReturnSheet, "E7")
	if hdr != sheet.ReturnRef || ref != "1(i)" || last != "ONGOING" || action != "=SUM(A1) is text" {
		t.Errorf("cells: header %q ref %q action %q last status %q", hdr, ref, action, last)
	}
	if formula, _ := f.GetCellFormula(sheet.ReturnSheet, "C7"); formula != "" {
		t.Errorf("cell text became a formula: %q", formula)
	}
	dvs, err := f.GetDataValidations(sheet.ReturnSheet)
	if err != nil || len(dvs) != 1 || dvs[0].Sqref != "G7:G7" {
		t.Fatalf("status drop-down: %+v %v", dvs, err)
	}
	for col, locked := range map[string]bool{"A7": true, "F7": true, "G7": false, "H7": false} {
		id, _ := f.GetCellStyle(sheet.ReturnSheet, col)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Protection == nil || st.Protection.Locked != locked {
			t.Errorf("%s locked = %v, want %v", col, st.Protection, locked)
		}
	}
	marker, _ := f.GetCellValue(sheet.ReturnMarkerSheet, "B1")
	officer, _ := f.GetCellValue(sheet.ReturnMarkerSheet, "B3")
	if marker != sheet.ReturnMarker || officer != "AD Finance" {
		t.Errorf("marker %q officer %q", marker, officer)
	}
	if visible, _ := f.GetSheetVisible(sheet.ReturnMarkerSheet); visible {
		t.Error("the marker sheet is visible")
	}
	hf, _ := f.GetHeaderFooter(sheet.ReturnSheet)
	if !strings.Contains(hf.OddHeader, "Council && Co") {
		t.Errorf("header does not escape &: %q", hf.OddHeader)
	}
}
