package pdf

import (
	"sort"
	"strings"
	"testing"
	"unsafe"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/report/reporttest"
)

// TestEveryBlockTagged lays out each block type's example (report's
// registry, one short page each, so nothing is drawn twice) and checks
// that every text it draws belongs to a structure element: a block type
// added without tags would otherwise be read by nobody, its text left as
// an artifact. Tags must name elements that exist, content elements must
// have no child elements, and every element's parent must come before it.
func TestEveryBlockTagged(t *testing.T) {
	m := metrics(t)
	blocks := reporttest.EveryBlock()
	names := make([]string, 0, len(blocks))
	for n := range blocks {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			l, err := LayoutDocument(blocks[name], m)
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Pages) != 1 {
				t.Fatalf("%d pages: the example should fit on one", len(l.Pages))
			}
			checkTags(t, l)
		})
	}
}

// checkTags checks a layout's tags as TestEveryBlockTagged describes.
func checkTags(t *testing.T, l *Layout) {
	t.Helper()
	if len(l.Elems) == 0 || l.Elems[0].Role != roleDocument || l.Elems[0].Parent != -1 {
		t.Fatal("the tree does not start with the Document")
	}
	hasKids := make([]bool, len(l.Elems))
	for i, e := range l.Elems[1:] {
		if e.Parent < 0 || int(e.Parent) > i {
			t.Errorf("element %d (%s) has parent %d, not one before it", i+1, e.Role, e.Parent)
			continue
		}
		hasKids[e.Parent] = true
	}
	tagged := 0
	for _, p := range l.Pages {
		for _, b := range p.Boxes {
			if int(b.Tag) < 0 || int(b.Tag) >= len(l.Elems) {
				t.Errorf("box %q tagged %d, past the %d elements", b.Text, b.Tag, len(l.Elems))
				continue
			}
			if b.Tag == Artifact {
				if b.Kind == TextBox && !b.Running {
					t.Errorf("text %q is an artifact: no screen reader would read it", b.Text)
				}
				continue
			}
			tagged++
			if hasKids[b.Tag] {
				t.Errorf("text %q belongs to %s, which has child elements", b.Text, l.Elems[b.Tag].Role)
			}
		}
	}
	if tagged == 0 {
		t.Error("nothing is tagged")
	}
}

// TestTagLines checks how wrapped lines become elements: plain lines of a
// leaf stay in it, paragraphs split at blank lines, bullets make a list.
func TestTagLines(t *testing.T) {
	f := &flow{m: metrics(t), elems: []Elem{{Role: roleDocument, Parent: -1}}}
	tests := []struct {
		name, markup string
		leaf         bool
		want         string
	}{
		{"leaf", "one line\nanother line", true, "TD"},
		{"paragraphs", "first\nstill first\n\nsecond", false, "P P"},
		{"bullets", "intro\n• one\n• two\nafter", false, "P L LI Lbl LBody LI Lbl LBody P"},
		{"bullets in a leaf", "• one", true, "L LI Lbl LBody"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f.elems = f.elems[:1]
			parent := f.elem(roleTD, 0)
			lines := f.wrap(report.Markup(tc.markup), 10, 200, false)
			f.tagLines(parent, lines, tc.leaf)
			var roles []string
			for _, e := range f.elems[2:] {
				roles = append(roles, e.Role.String())
			}
			got := strings.Join(roles, " ")
			if tc.leaf && got == "" {
				got = "TD"
				for _, ln := range lines {
					if ln.tag != parent {
						t.Errorf("line tagged %d, want the cell", ln.tag)
					}
				}
			}
			if got != tc.want {
				t.Errorf("elements %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRoleNames checks that every structure type has its own name and
// that an element stays small.
func TestRoleNames(t *testing.T) {
	seen := map[string]bool{}
	for r := range numRoles {
		name := r.String()
		if name == "" || seen[name] {
			t.Errorf("role %d is named %q", r, name)
		}
		seen[name] = true
	}
	if got, want := headingRole(report.HeadingPlan{Level: map[int]int{0: 9}}, 0), roleH6; got != want {
		t.Errorf("a level 9 heading is %s, want %s", got, want)
	}
	if n := unsafe.Sizeof(Elem{}); n > 32 {
		t.Errorf("an Elem is %d bytes, more than 32", n)
	}
}
