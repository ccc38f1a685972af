package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/report/reporttest"
)

// cases are the shared renderer test documents plus documents that reach
// what they do not: a chart, hostile text, several sections, no running
// texts.
func cases() []reporttest.Case {
	out := reporttest.Cases()
	chart := reporttest.Base("Chart")
	chart.Sections = []report.Section{{Name: "Summary", Blocks: []report.Block{
		&report.Heading{Level: 1, Text: report.Plain("Status of actions")},
		&report.Chart{Title: "Actions by status", Categories: []string{"Amey", "Children’s Services <&>"}, Series: []report.Series{
			{Name: "COMPLETE", Colour: "#C6EFCE", Values: []float64{12, 0}},
			{Name: "ONGOING", Values: []float64{9, 4}},
		}},
		&report.Chart{Title: "No categories"},
	}}}
	hostile := reporttest.Base("Hostile \x00 <title> & \"quotes\"")
	hostile.Meta.Language = "en GB\"><x"
	hostile.Header = report.Running{Left: "A & B <c>", Centre: "{page} {pages} {pagex}", Right: "\x07bell"}
	hostile.Sections = []report.Section{
		{Name: "One", Blocks: []report.Block{
			&report.Heading{Level: 3, Text: report.Plain("Group above the title")},
			&report.Heading{Level: 2, Text: report.Plain("  ")},
			&report.Heading{Level: 1, Text: report.Markup("**Title** with \x01 control and \ufffe")},
			&report.Fields{Items: []report.Field{
				{Label: "Description", Value: report.Markup("- bullet first\n- second")},
				{Label: "Empty"},
				{Label: "Stacked:", Value: report.Plain("below"), Stacked: true},
			}},
			(*report.Table)(nil),
			&report.Table{Name: "No columns", Empty: "Nothing here."},
		}},
		{Name: "Two", Blocks: []report.Block{
			&report.Paragraph{Text: report.Plain("Second section"), Small: true},
			&report.Table{Name: "Ragged", Columns: reporttest.Columns(3, true), Groups: []report.Group{
				{Bookmark: "Bookmark only", Rows: []report.Row{
					{Cells: []report.Cell{{Text: report.Plain("short row")}}},
					{Cells: []report.Cell{{Text: report.Plain("a"), Span: 5}, {}, {Status: "ONGOING", Fill: "#FFF2CC"}, {Text: report.Plain("extra")}}},
					{Cells: []report.Cell{{Covered: true}, {}, {Fill: "not a colour"}}},
				}},
			}},
		}},
	}
	bare := reporttest.Base("Bare")
	bare.Header, bare.Footer = report.Running{}, report.Running{}
	bare.Page = report.Page{}
	return append(out,
		reporttest.Case{Name: "chart", Doc: chart},
		reporttest.Case{Name: "hostile", Doc: hostile},
		reporttest.Case{Name: "bare", Doc: bare},
		reporttest.Case{Name: "no-sections", Doc: reporttest.Base("Empty")},
	)
}

func renderDoc(t *testing.T, d *report.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPackageIsComplete opens each rendered package and checks that every
// part is well-formed XML, has a content type, and that every relationship
// points at a part that exists, every part but the content types and
// relationships is reached by one, and every relationship id a part uses
// is declared. Embedded workbooks are checked the same way.
func TestPackageIsComplete(t *testing.T) {
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			checkPackage(t, "", renderDoc(t, c.Doc))
		})
	}
}

// checkPackage checks one Open XML package; where names it in messages.
func checkPackage(t *testing.T, where string, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s%v", where, err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		if _, dup := parts[f.Name]; dup {
			t.Errorf("%spart %s twice", where, f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc) // checks the CRC
		if err != nil {
			t.Fatalf("%s%s: %v", where, f.Name, err)
		}
		parts[f.Name] = string(b)
		if strings.HasSuffix(f.Name, ".xlsx") {
			checkPackage(t, where+f.Name+": ", b)
			continue
		}
		if err := wellFormed(b); err != nil {
			t.Errorf("%s%s is not well-formed: %v", where, f.Name, err)
		}
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("%sfirst part is %s", where, zr.File[0].Name)
	}
	types := contentTypes(t, parts["[Content_Types].xml"])
	for name := range parts {
		if name == "[Content_Types].xml" {
			continue
		}
		if _, ok := types["/"+name]; !ok {
			if _, ok := types[path.Ext(name)]; !ok {
				t.Errorf("%spart %s has no content type", where, name)
			}
		}
	}
	for name := range types {
		if strings.HasPrefix(name, "/") {
			if _, ok := parts[name[1:]]; !ok {
				t.Errorf("%scontent type for missing part %s", where, name)
			}
		}
	}
	reached := map[string]bool{}
	for name, body := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		// _rels/x.rels belongs to the package, a/_rels/b.xml.rels to a/b.xml.
		source := path.Join(path.Dir(path.Dir(name)), strings.TrimSuffix(path.Base(name), ".rels"))
		dir := path.Dir(source)
		ids := map[string]bool{}
		for _, r := range relationships(t, body) {
			target := path.Join(dir, r.Target)
			if _, ok := parts[target]; !ok {
				t.Errorf("%s%s: %s points at missing part %s", where, name, r.ID, target)
			}
			reached[target] = true
			ids[r.ID] = true
		}
		if src, ok := parts[source]; ok {
			for _, id := range relIDs(src) {
				if !ids[id] {
					t.Errorf("%s%s uses undeclared relationship %s", where, source, id)
				}
			}
		}
	}
	for name, body := range parts {
		if strings.HasSuffix(name, ".rels") || name == "[Content_Types].xml" || reached[name] {
			continue
		}
		t.Errorf("%spart %s is not reached by any relationship", where, name)
		if ids := relIDs(body); len(ids) > 0 && !strings.HasSuffix(name, ".xlsx") {
			if _, ok := parts[path.Join(path.Dir(name), "_rels", path.Base(name)+".rels")]; !ok {
				t.Errorf("%s%s uses relationships %v but has no relationships part", where, name, ids)
			}
		}
	}
}

// wellFormed reads every token of an XML document.
func wellFormed(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := dec.Token(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

func contentTypes(t *testing.T, body string) map[string]string {
	t.Helper()
	var ct struct {
		Defaults []struct {
			Ext  string `xml:"Extension,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal([]byte(body), &ct); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range ct.Defaults {
		out["."+d.Ext] = d.Type
	}
	for _, o := range ct.Overrides {
		out[o.Part] = o.Type
	}
	return out
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

func relationships(t *testing.T, body string) []relationship {
	t.Helper()
	var rs struct {
		Rels []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal([]byte(body), &rs); err != nil {
		t.Fatal(err)
	}
	return rs.Rels
}

// relIDs lists the r:id and r:embed attribute values of a part.
func relIDs(body string) []string {
	var out []string
	dec := xml.NewDecoder(strings.NewReader(body))
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Space == nsR {
					out = append(out, a.Value)
				}
			}
		}
	}
}

// TestRenderIsRepeatable renders each document twice: the bytes are the
// same.
func TestRenderIsRepeatable(t *testing.T) {
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			if a, b := renderDoc(t, c.Doc), renderDoc(t, c.Doc); !bytes.Equal(a, b) {
				t.Error("two renders of the same document differ")
			}
		})
	}
}

// TestRenderRefuses checks the documents Render cannot write: it fails
// with a message and writes nothing.
func TestRenderRefuses(t *testing.T) {
	bad := func(p report.Page) *report.Document {
		d := reporttest.OneRow()
		d.Page = p
		return d
	}
	tests := []struct {
		name string
		doc  *report.Document
		want string
	}{
		{"nil", nil, "no document"},
		{"unknown size", bad(report.Page{Size: "B5"}), `unknown page size "B5"`},
		{"unknown block", func() *report.Document {
			d := reporttest.OneRow()
			d.Sections[0].Blocks = append(d.Sections[0].Blocks, nil)
			return d
		}(), "unknown block type"},
		{"negative margin", bad(report.Page{Margins: report.Margins{Top: -1}}), "page margins must be positive millimetres"},
		{"no room", bad(report.Page{Margins: report.Margins{Left: 130, Right: 130}}), "leave less than 40 mm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := Render(&buf, tt.doc)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			if buf.Len() > 0 {
				t.Errorf("%d bytes written", buf.Len())
			}
		})
	}
}

// TestRunningFields checks how running texts become fields.
func TestRunningFields(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Page {page} of {pages}", `<w:r><w:t xml:space="preserve">Page </w:t></w:r>[PAGE]<w:r><w:t xml:space="preserve"> of </w:t></w:r>[NUMPAGES]`},
		{"{pages}{page}", `[NUMPAGES][PAGE]`},
		{"{pagex} & {page", `<w:r><w:t xml:space="preserve">{page</w:t></w:r><w:r><w:t xml:space="preserve">x} &amp; {page</w:t></w:r>`},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var b strings.Builder
			runningSlot(&b, tt.in)
			got := b.String()
			for _, f := range []string{"PAGE", "NUMPAGES"} {
				got = strings.ReplaceAll(got, `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> `+f+
					` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`, "["+f+"]")
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestEsc checks the text cleaning every string goes through.
func TestEsc(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"markup", `<a href="x">&</a>`, `&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;`},
		{"controls", "a\x00b\x1fc\x7f", "a\ufffdb\ufffdc\ufffd"},
		{"tab and newlines", "a\tb\r\nc", "a bc"},
		{"noncharacters", "\ufffe\uffff\ufdd0", "\ufffd\ufffd\ufffd"},
		{"invalid UTF-8", "a\xffb", "a\ufffdb"},
		{"kept", "Gŵyl £1 – 😀", "Gŵyl £1 – 😀"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := esc(tt.in); got != tt.want {
				t.Errorf("esc(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
