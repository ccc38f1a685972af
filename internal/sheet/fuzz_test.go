package sheet

import (
	"os"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/sheet/hostile"
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
	ReadApprovals(*s, &probs)
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
			sheetDef{name: "Return", rows: [][]any{{"Action Ref", "Status", "Progress"}, {1, "Complete", "Done"}}},
			sheetDef{name: "Requests", rows: [][]any{{"Action Ref", "Period", "Requested new target", "Agreed (Y/N)", "Agreed on", "Agreed by"},
				{1, "February 2018", serial(43220), "Y", serial(43200), "Audit Committee"}, {2, "February 2018", "30 June 2018", "maybe", "soon"}}}),
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

// FuzzSheetXML mutates a worksheet's XML inside a valid zip, so that every
// mutation reaches the XML reader (byte mutations of a compressed zip
// almost never do). The workbook also has shared strings and styles for
// the sheet to refer to.
func FuzzSheetXML(f *testing.F) {
	for _, rows := range []string{
		hostile.InlineRow(1, hostile.Header) + hostile.InlineRow(2, hostile.Row),
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
			`<row r="3" hidden="1"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>1</v></c><c r="C3" s="1"><v>43190</v></c><c r="D3" s="2"><f>B3*2</f></c></row>` +
			`<row r="4"><c r="B4" t="str"><f t="shared" ref="B4:B5" si="0">A3&amp;"x"</f><v>Ax</v></c><c r="C4" t="b"><v>1</v></c><c r="E4" t="d"><v>2018-03-31</v></c></row>` +
			`<row r="5"><c r="B5"><f t="shared" si="0"/></c><c r="C5" t="e"><v>#N/A</v></c><c r="D5" t="inlineStr"><is><r><t>rich </t></r><r><t>text</t></r></is></c></row>`,
	} {
		for _, after := range []string{"", `<mergeCells count="2"><mergeCell ref="A3:A4"/><mergeCell ref="C4:D4"/></mergeCells>`} {
			f.Add([]byte(hostile.Worksheet(rows, after)))
		}
	}
	f.Add([]byte(`<worksheet><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`))
	sst := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Issue Ref</t></si><si><t>Action Ref</t></si><si><t>Target Date</t></si><si><t>A</t></si></sst>`
	styles := `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fills count="3"><fill><patternFill patternType="none"/></fill>` +
		`<fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/></patternFill></fill></fills>` +
		`<cellXfs count="3"><xf numFmtId="0" fillId="0"/><xf numFmtId="14" fillId="0"/><xf numFmtId="0" fillId="2"/></cellXfs></styleSheet>`
	f.Fuzz(func(t *testing.T, sheet []byte) {
		parts := hostile.Parts(string(sheet))
		parts["xl/sharedStrings.xml"] = sst
		parts["xl/styles.xml"] = styles
		parts["xl/_rels/workbook.xml.rels"] = strings.Replace(parts["xl/_rels/workbook.xml.rels"], "</Relationships>",
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`+
				`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`, 1)
		data, err := hostile.Zip(parts)
		if err != nil {
			t.Fatal(err)
		}
		readAll(t, writeFile(t, t.TempDir(), "plan.xlsx", data))
	})
}
