package compose

import (
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/report"
)

// TestSplitTable checks that split prints each group as a table of its
// own: the band as a heading at the block's level, then a table with the
// group's rows, its own header and no band.
func TestSplitTable(t *testing.T) {
	src := strings.Replace(tableTemplate, `group_by = "outcome"`, "group_by = \"outcome\"\n  split = true\n  level = 3", 1)
	doc, err := Compose(mustParse(t, src), testPlan(t), Options{Title: "T", Name: "output 1"})
	if err != nil {
		t.Fatal(err)
	}
	blocks := doc.Sections[0].Blocks[1:]
	var got []string
	for _, b := range blocks {
		switch x := b.(type) {
		case *report.Heading:
			got = append(got, "heading "+itoa(x.Level)+": "+x.Text.String())
		case *report.Table:
			var refs []string
			for _, g := range x.Groups {
				if g.Band.String() != "" {
					t.Errorf("a split table keeps its band %q", g.Band.String())
				}
				for _, r := range g.Rows {
					refs = append(refs, strings.Fields(r.Cells[1].Text.String())[0])
				}
			}
			got = append(got, "table of "+itoa(len(x.Columns))+" columns: "+strings.Join(refs, " "))
		default:
			t.Errorf("unexpected block %T", b)
		}
	}
	want := []string{
		"heading 3: Strategic Outcome 1: Contracts are clear",
		"table of 4 columns: 1(i) 1(ii)",
		"heading 3: Strategic Outcome 2: Strong governance",
		"table of 4 columns: 2(i)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSplitNeedsGroups(t *testing.T) {
	src := "[[section]]\n[[section.block]]\ntype = \"table\"\nrows = \"actions\"\nsplit = true\n[[section.block.column]]\ntitle = \"A\"\nvalue = \"{{.Action.Ref}}\"\n"
	_, err := Parse("test.toml", []byte(src))
	want := `test.toml: line 5: section 1, block 1: split prints one table per group and needs group_by`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}
