package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// node is any XML element, kept whole for dumping.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

func (n *node) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (n *node) child(local string) *node {
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == local {
			return &n.Nodes[i]
		}
	}
	return nil
}

// dumpDocx describes a package as stable text for golden files: the
// properties, the running header and footer, then the body — paragraphs
// with their style, list, spacing and alignment, runs with **bold** and
// *italic* marked, fields and drawings; tables with their grid, header and
// band rows, cell spans, merges and fills; section setups.
func dumpDocx(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]*node{}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		var n node
		if err := xml.Unmarshal(b, &n); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = &n
	}
	var b strings.Builder
	fmt.Fprintf(&b, "parts: %s\n", strings.Join(names, ", "))
	if core := parts["docProps/core.xml"]; core != nil {
		for _, n := range core.Nodes {
			fmt.Fprintf(&b, "property %s: %s\n", n.XMLName.Local, n.Text)
		}
	}
	for _, name := range []string{"word/header1.xml", "word/footer1.xml"} {
		if n := parts[name]; n != nil {
			for _, p := range n.Nodes {
				fmt.Fprintf(&b, "%s: %q\n", strings.TrimSuffix(filepath.Base(name), "1.xml"), paraText(&p))
			}
		}
	}
	if doc := parts["word/document.xml"]; doc != nil {
		if body := doc.child("body"); body != nil {
			dumpBlocks(&b, body.Nodes, "")
		}
	}
	for _, name := range names {
		if strings.HasPrefix(name, "word/charts/chart") {
			dumpChart(&b, name, parts[name])
		}
	}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".xlsx") {
			dumpWorkbook(t, &b, f)
		}
	}
	return b.String()
}

func dumpBlocks(b *strings.Builder, nodes []node, indent string) {
	for i := range nodes {
		n := &nodes[i]
		switch n.XMLName.Local {
		case "p":
			fmt.Fprintf(b, "%sp%s: %s\n", indent, paraProps(n), paraText(n))
		case "tbl":
			dumpTable(b, n, indent)
		case "sectPr":
			fmt.Fprintf(b, "%s%s\n", indent, sectText(n))
		case "tcPr", "trPr", "tblPr", "tblGrid":
		default:
			fmt.Fprintf(b, "%s<%s>\n", indent, n.XMLName.Local)
		}
	}
}

// paraProps lists a paragraph's style, list, keep, spacing and alignment.
func paraProps(p *node) string {
	pp := p.child("pPr")
	if pp == nil {
		return ""
	}
	var out []string
	for _, n := range pp.Nodes {
		switch n.XMLName.Local {
		case "pStyle":
			out = append(out, n.attr("val"))
		case "keepNext":
			out = append(out, "keep")
		case "numPr":
			out = append(out, "list")
		case "spacing":
			for _, a := range []string{"before", "after", "line"} {
				if v := n.attr(a); v != "" && v != "0" {
					out = append(out, a+"="+v)
				}
			}
		case "jc":
			out = append(out, n.attr("val"))
		case "sectPr":
			out = append(out, "ends "+sectText(&n))
		}
	}
	if len(out) == 0 {
		return ""
	}
	return " [" + strings.Join(out, " ") + "]"
}

// paraText is a paragraph's runs, with bold, italic, colour, size, fields,
// tabs and drawings marked.
func paraText(p *node) string {
	var b strings.Builder
	for i := range p.Nodes {
		r := &p.Nodes[i]
		if r.XMLName.Local != "r" {
			continue
		}
		var open, closeMark string
		if rp := r.child("rPr"); rp != nil {
			var props []string
			for _, n := range rp.Nodes {
				switch n.XMLName.Local {
				case "b":
					open, closeMark = "**"+open, closeMark+"**"
				case "i":
					open, closeMark = "*"+open, closeMark+"*"
				case "color", "sz", "shd", "bdr":
					v := n.attr("val")
					if n.XMLName.Local == "shd" {
						v = n.attr("fill")
					}
					props = append(props, n.XMLName.Local+"="+v)
				}
			}
			if len(props) > 0 {
				open = "{" + strings.Join(props, ",") + "}" + open
			}
		}
		for _, n := range r.Nodes {
			switch n.XMLName.Local {
			case "t":
				b.WriteString(open + n.Text + closeMark)
			case "tab":
				b.WriteString("\\t")
			case "instrText":
				b.WriteString("{" + strings.TrimSpace(n.Text) + "}")
			case "drawing":
				if in := n.child("inline"); in != nil {
					ext, pr := in.child("extent"), in.child("docPr")
					fmt.Fprintf(&b, "[drawing %s×%s EMU, %q: %q]", ext.attr("cx"), ext.attr("cy"), pr.attr("title"), pr.attr("descr"))
				}
			}
		}
	}
	return b.String()
}

func dumpTable(b *strings.Builder, t *node, indent string) {
	var grid []string
	if g := t.child("tblGrid"); g != nil {
		for _, c := range g.Nodes {
			grid = append(grid, c.attr("w"))
		}
	}
	caption := ""
	if pr := t.child("tblPr"); pr != nil {
		if c := pr.child("tblCaption"); c != nil {
			caption = c.attr("val")
		}
		if w := pr.child("tblW"); w != nil {
			grid = append([]string{"width " + w.attr("w") + ":"}, grid...)
		}
	}
	fmt.Fprintf(b, "%stable %q grid %s\n", indent, caption, strings.Join(grid, " "))
	for i := range t.Nodes {
		tr := &t.Nodes[i]
		if tr.XMLName.Local != "tr" {
			continue
		}
		var flags []string
		if pr := tr.child("trPr"); pr != nil {
			for _, n := range pr.Nodes {
				flags = append(flags, n.XMLName.Local)
			}
		}
		fmt.Fprintf(b, "%s  row %s\n", indent, strings.Join(flags, " "))
		for j := range tr.Nodes {
			tc := &tr.Nodes[j]
			if tc.XMLName.Local != "tc" {
				continue
			}
			var props []string
			if pr := tc.child("tcPr"); pr != nil {
				for _, n := range pr.Nodes {
					switch n.XMLName.Local {
					case "tcW":
						props = append(props, n.attr("w"))
					case "gridSpan":
						props = append(props, "span="+n.attr("val"))
					case "vMerge":
						v := n.attr("val")
						if v == "" {
							v = "continue"
						}
						props = append(props, "merge="+v)
					case "shd":
						props = append(props, "fill="+n.attr("fill"))
					}
				}
			}
			fmt.Fprintf(b, "%s    cell %s\n", indent, strings.Join(props, " "))
			dumpBlocks(b, tc.Nodes, indent+"      ")
		}
	}
}

func sectText(s *node) string {
	var out []string
	for _, n := range s.Nodes {
		switch n.XMLName.Local {
		case "headerReference", "footerReference":
			out = append(out, n.XMLName.Local[:6])
		case "pgSz":
			out = append(out, fmt.Sprintf("page %s×%s %s", n.attr("w"), n.attr("h"), n.attr("orient")))
		case "pgMar":
			out = append(out, fmt.Sprintf("margins %s %s %s %s header %s footer %s",
				n.attr("top"), n.attr("right"), n.attr("bottom"), n.attr("left"), n.attr("header"), n.attr("footer")))
		}
	}
	return "section: " + strings.Join(out, ", ")
}

// dumpChart lists a chart's type, axis scale, series with their colours and
// values, and categories.
func dumpChart(b *strings.Builder, name string, cs *node) {
	fmt.Fprintf(b, "%s:\n", name)
	var walk func(n *node, path string)
	walk = func(n *node, path string) {
		switch n.XMLName.Local {
		case "barDir", "grouping", "orientation", "max", "min", "majorUnit", "crosses", "legendPos":
			fmt.Fprintf(b, "  %s=%s\n", n.XMLName.Local, n.attr("val"))
		case "ser":
			var vals, cats []string
			colour := ""
			nameText := ""
			if tx := n.child("tx"); tx != nil {
				nameText = strings.Join(pointTexts(tx), " ")
			}
			if sp := n.child("spPr"); sp != nil {
				if f := sp.child("solidFill"); f != nil && f.child("srgbClr") != nil {
					colour = f.child("srgbClr").attr("val")
				}
			}
			if v := n.child("val"); v != nil {
				vals = pointTexts(v)
			}
			if c := n.child("cat"); c != nil {
				cats = pointTexts(c)
			}
			fmt.Fprintf(b, "  series %q fill %s values %s categories %q\n", nameText, colour, strings.Join(vals, " "), cats)
			return
		}
		for i := range n.Nodes {
			walk(&n.Nodes[i], path+"/"+n.XMLName.Local)
		}
	}
	walk(cs, "")
}

// pointTexts lists the c:v values of a cache's points.
func pointTexts(n *node) []string {
	var out []string
	var walk func(n *node)
	walk = func(n *node) {
		if n.XMLName.Local == "pt" {
			if v := n.child("v"); v != nil {
				out = append(out, v.Text)
			}
			return
		}
		for i := range n.Nodes {
			walk(&n.Nodes[i])
		}
	}
	walk(n)
	return out
}

// dumpWorkbook lists the cells of an embedded workbook's sheet.
func dumpWorkbook(t *testing.T, b *strings.Builder, f *zip.File) {
	t.Helper()
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	var names []string
	for _, p := range zr.File {
		names = append(names, p.Name)
	}
	fmt.Fprintf(b, "%s: %s\n", f.Name, strings.Join(names, ", "))
	for _, p := range zr.File {
		if p.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		rc, err := p.Open()
		if err != nil {
			t.Fatal(err)
		}
		var ws node
		if err := xml.NewDecoder(rc).Decode(&ws); err != nil {
			t.Fatal(err)
		}
		for _, row := range ws.child("sheetData").Nodes {
			var cells []string
			for _, c := range row.Nodes {
				v := ""
				if x := c.child("v"); x != nil {
					v = x.Text
				} else if is := c.child("is"); is != nil && is.child("t") != nil {
					v = fmt.Sprintf("%q", is.child("t").Text)
				}
				cells = append(cells, c.attr("r")+"="+v)
			}
			fmt.Fprintf(b, "  %s\n", strings.Join(cells, " "))
		}
	}
}

// TestGoldenDumps renders each shared test document and compares a dump of
// the package with its golden file (refresh with -update and review the
// diff).
func TestGoldenDumps(t *testing.T) {
	for _, c := range cases() {
		t.Run(c.Name, func(t *testing.T) {
			got := dumpDocx(t, renderDoc(t, c.Doc))
			testutil.Golden(t, filepath.Join("testdata", c.Name+".dump"), got, *update)
		})
	}
}
