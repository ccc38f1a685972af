package returns

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/plan"
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
	hdr, _ := f.GetCellValue(Sheet, "A6")
	ref, _ := f.GetCellValue(Sheet, "A7")
	action, _ := f.GetCellValue(Sheet, "C7")
	last, _ := f.GetCellValue(Sheet, "E7")
	if hdr != ColRef || ref != "1(i)" || last != "ONGOING" || action != "=SUM(A1) is text" {
		t.Errorf("cells: header %q ref %q action %q last status %q", hdr, ref, action, last)
	}
	if formula, _ := f.GetCellFormula(Sheet, "C7"); formula != "" {
		t.Errorf("cell text became a formula: %q", formula)
	}
	dvs, err := f.GetDataValidations(Sheet)
	if err != nil || len(dvs) != 1 || dvs[0].Sqref != "G7:G7" {
		t.Fatalf("status drop-down: %+v %v", dvs, err)
	}
	for col, locked := range map[string]bool{"A7": true, "F7": true, "G7": false, "H7": false} {
		id, _ := f.GetCellStyle(Sheet, col)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Protection == nil || st.Protection.Locked != locked {
			t.Errorf("%s locked = %v, want %v", col, st.Protection, locked)
		}
	}
	// The plan's text keeps the quote prefix; what an officer types is
	// formatted as text.
	cid, _ := f.GetCellStyle(Sheet, "C7")
	if _, err := f.GetStyle(cid); err != nil {
		t.Fatal(err)
	}
	if q := f.Styles.CellXfs.Xf[cid].QuotePrefix; q == nil || !*q {
		t.Errorf("C7 (%q) has no quote prefix", action)
	}
	hid, _ := f.GetCellStyle(Sheet, "H7")
	if st, err := f.GetStyle(hid); err != nil || st.NumFmt != 49 {
		t.Errorf("H7, where the officer writes, is not formatted as text: %+v %v", st, err)
	}
	marker, _ := f.GetCellValue(MarkerSheet, "B1")
	officer, _ := f.GetCellValue(MarkerSheet, "B3")
	if marker != Marker || officer != "AD Finance" {
		t.Errorf("marker %q officer %q", marker, officer)
	}
	if visible, _ := f.GetSheetVisible(MarkerSheet); visible {
		t.Error("the marker sheet is visible")
	}
	hf, _ := f.GetHeaderFooter(Sheet)
	if !strings.Contains(hf.OddHeader, "Council && Co") {
		t.Errorf("header does not escape &: %q", hf.OddHeader)
	}
}

// TestLayoutReadsBack checks that what Workbook writes is what the layout
// tells the reader to look for: the marker keys, the header row and the
// headings of the columns read back.
func TestLayoutReadsBack(t *testing.T) {
	p := testPlan(t)
	rs := Plan(p, "Q1")
	data, err := Workbook(rs[0], p, Options{Period: "Q1", Title: "Plan"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(MarkerSheet)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]string{}
	for _, r := range rows[:MarkerRows] {
		values[r[0]] = r[1]
	}
	info, ok := ReadMarker(values)
	if !ok || info != (Info{Period: "Q1", Officer: rs[0].Officer}) {
		t.Errorf("ReadMarker = %+v, %v", info, ok)
	}
	heads, err := f.GetRows(Sheet)
	if err != nil {
		t.Fatal(err)
	}
	header := heads[HeaderRow-1]
	for field, names := range ReadColumns("Q1") {
		found := false
		for _, h := range header {
			found = found || h == names[0]
		}
		if !found {
			t.Errorf("field %s: heading %q is not in the header row %q", field, names[0], header)
		}
	}
	if _, ok := ReadMarker(map[string]string{MarkerKey: "agsreport progress return v0"}); ok {
		t.Error("another layout's marker must not be read as this one")
	}
}
