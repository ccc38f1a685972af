package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

// plainZip is what orderedZip must match byte for byte: the parts, in the
// given order, through zip.Writer's own compression at BestSpeed.
func plainZip(t *testing.T, names []string, bodies map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	for _, n := range names {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(fw, bodies[n]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestOrderedZipMatchesZipWriter(t *testing.T) {
	big := strings.Repeat("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>text</t></is></c></row>", 5000)
	cases := []struct {
		name    string
		written []string // order excelize writes in
		sorted  []string // order in the archive
		bodies  map[string]string
	}{
		{
			name:    "parts sorted, content types first",
			written: []string{"xl/worksheets/sheet2.xml", "[Content_Types].xml", "xl/worksheets/sheet1.xml"},
			sorted:  []string{"[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"},
			bodies: map[string]string{
				"[Content_Types].xml":      `<Types><Default Extension="xml" ContentType="a"/></Types>`,
				"xl/worksheets/sheet1.xml": big,
				"xl/worksheets/sheet2.xml": "<worksheet/>",
			},
		},
		{
			name:    "empty part and a name needing UTF-8",
			written: []string{"xl/empty.xml", "xl/tëst.xml"},
			sorted:  []string{"xl/empty.xml", "xl/tëst.xml"},
			bodies:  map[string]string{"xl/empty.xml": "", "xl/tëst.xml": "é"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got bytes.Buffer
			z := newOrderedZip(&got)
			for _, n := range tc.written {
				w, err := z.Create(n)
				if err != nil {
					t.Fatal(err)
				}
				// Written in small pieces, as excelize copies streamed sheets.
				body := tc.bodies[n]
				for len(body) > 0 {
					k := min(len(body), 777)
					if _, err := io.WriteString(w, body[:k]); err != nil {
						t.Fatal(err)
					}
					body = body[k:]
				}
			}
			if err := z.Close(); err != nil {
				t.Fatal(err)
			}
			want := plainZip(t, tc.sorted, tc.bodies)
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("archive differs from zip.Writer's: %d bytes, want %d", got.Len(), len(want))
			}
		})
	}
}

func TestOrderedZipRefusesLateWrites(t *testing.T) {
	z := newOrderedZip(io.Discard)
	first, err := z.Create("xl/a.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := z.Create("xl/b.xml"); err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(first, "late"); err == nil {
		t.Error("a write to a finished part was accepted")
	}
}

func TestAddPrintTitles(t *testing.T) {
	const book = `<definedNames>` +
		`<definedName hidden="true" localSheetId="0" name="_xlnm._FilterDatabase">'A'!$A$2:$C$9</definedName>` +
		`<definedName hidden="true" localSheetId="2" name="_xlnm._FilterDatabase">'C&amp;D'!$A$5:$C$9</definedName>` +
		`</definedNames>`
	cases := []struct {
		name    string
		titles  []printTitle
		want    string
		wantErr bool
	}{
		{"none", nil, book, false},
		{
			"two sheets, escaped",
			[]printTitle{{0, "'A'!$2:$2"}, {2, "'C&D'!$5:$5"}},
			`<definedNames>` +
				`<definedName hidden="true" localSheetId="0" name="_xlnm._FilterDatabase">'A'!$A$2:$C$9</definedName>` +
				`<definedName localSheetId="0" name="_xlnm.Print_Titles">&#39;A&#39;!$2:$2</definedName>` +
				`<definedName hidden="true" localSheetId="2" name="_xlnm._FilterDatabase">'C&amp;D'!$A$5:$C$9</definedName>` +
				`<definedName localSheetId="2" name="_xlnm.Print_Titles">&#39;C&amp;D&#39;!$5:$5</definedName>` +
				`</definedNames>`,
			false,
		},
		{"sheet without autofilter", []printTitle{{1, "'B'!$1:$1"}}, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := addPrintTitles([]byte(book), tc.titles)
			if tc.wantErr {
				if err == nil {
					t.Error("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// typeRE is the expression typeElements stands for.
var typeRE = regexp.MustCompile(`<(?:Default|Override) [^>]*?(?:/>|></(?:Default|Override)>)`)

// typeElements finds exactly what typeRE finds, in every combination of
// the pieces that make or break a match.
func TestTypeElementsMatchRegexp(t *testing.T) {
	pieces := []string{"<Default ", "<Override ", "<Defaults", "<", "/", ">", "/>", "></Default>", "></Override>", "></Other>", `Extension="xml"`, " ", "x", "\n", "\xff", "<Types>"}
	var inputs []string
	var grow func(s string, depth int)
	grow = func(s string, depth int) {
		inputs = append(inputs, s)
		if depth == 0 {
			return
		}
		for _, p := range pieces {
			grow(s+p, depth-1)
		}
	}
	grow("", 4)
	inputs = append(inputs, `<Types xmlns="x"><Default Extension="rels" ContentType="a"/><Override PartName="/b" ContentType="c"></Override><Default Extension="xml" ContentType="d"></Default></Types>`)
	matched := 0
	for _, in := range inputs {
		want := typeRE.FindAllIndex([]byte(in), -1)
		got := typeElements([]byte(in))
		if len(want) != len(got) || (len(want) > 0 && !reflect.DeepEqual(want, got)) {
			t.Fatalf("%q: found %v, the expression finds %v", in, got, want)
		}
		matched += len(want)
	}
	if matched < 1000 {
		t.Fatalf("only %d matches among %d inputs: the cases test too little", matched, len(inputs))
	}
}
