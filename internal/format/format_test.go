package format_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/format"
	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/report/reporttest"
)

// TestRegistry checks that every registered format is complete and renders
// the shared test document.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range format.All() {
		t.Run(f.Name, func(t *testing.T) {
			if f.Name == "" || f.Ext == "" || f.Description == "" || f.Render == nil {
				t.Fatalf("incomplete registry entry %+v", f)
			}
			if f.Name != strings.ToLower(f.Name) || strings.ContainsAny(f.Ext, "./") {
				t.Errorf("name %q must be lower case and extension %q bare", f.Name, f.Ext)
			}
			if seen[f.Name] || seen["."+f.Ext] {
				t.Errorf("format %q or extension %q registered twice", f.Name, f.Ext)
			}
			seen[f.Name], seen["."+f.Ext] = true, true
			if g, ok := format.Lookup(f.Name); !ok || g.Name != f.Name {
				t.Errorf("Lookup(%q) = %v, %v", f.Name, g.Name, ok)
			}
			var b bytes.Buffer
			if _, err := f.Render(&b, reporttest.OneRow()); err != nil {
				t.Fatalf("rendering the shared test document: %v", err)
			}
			if b.Len() == 0 {
				t.Error("rendered nothing")
			}
		})
	}
	if _, ok := format.Lookup(format.Default); !ok {
		t.Errorf("the default format %q is not registered", format.Default)
	}
	if _, ok := format.Lookup("PDF"); ok {
		t.Error("Lookup must match names exactly as a job writes them")
	}
}

// TestEveryRendererEveryBlock renders every registered block type with every
// registered format. A renderer without a case for a block type fails here
// (its switch ends in a default that returns report.UnknownBlockError),
// so a new block type cannot be dropped silently by any format.
func TestEveryRendererEveryBlock(t *testing.T) {
	docs := reporttest.EveryBlock()
	for _, f := range format.All() {
		for _, bt := range report.BlockTypes() {
			t.Run(f.Name+"/"+bt.Name, func(t *testing.T) {
				var b bytes.Buffer
				if _, err := f.Render(&b, docs[bt.Name]); err != nil {
					t.Fatalf("%s cannot render a %s block: %v", f.Name, bt.Name, err)
				}
				if b.Len() == 0 {
					t.Error("rendered nothing")
				}
			})
		}
	}
}

// TestUnknownBlockIsAnError checks that a block no renderer knows (here a
// nil block) stops the render with an error naming it, and writes nothing.
func TestUnknownBlockIsAnError(t *testing.T) {
	for _, f := range format.All() {
		t.Run(f.Name, func(t *testing.T) {
			d := reporttest.Base("Unknown block")
			d.Sections = []report.Section{{Name: "s", Blocks: []report.Block{
				&report.Paragraph{Text: report.Plain("Before.")}, nil,
			}}}
			var b bytes.Buffer
			_, err := f.Render(&b, d)
			var ub *report.UnknownBlockError
			if !errors.As(err, &ub) {
				t.Fatalf("err = %v, want a report.UnknownBlockError", err)
			}
			if !strings.Contains(err.Error(), "unknown block type") {
				t.Errorf("message %q does not say the block type is unknown", err)
			}
			if b.Len() != 0 {
				t.Errorf("wrote %d bytes despite the error", b.Len())
			}
		})
	}
}

// TestEveryRendererEveryPaper checks that every format accepts every paper
// size of the registry and refuses the same unknown size, so the formats
// never disagree about which papers exist.
func TestEveryRendererEveryPaper(t *testing.T) {
	for _, f := range format.All() {
		for _, p := range report.Papers() {
			t.Run(f.Name+"/"+p.Name, func(t *testing.T) {
				d := reporttest.OneRow()
				d.Page.Size = p.Name
				var b bytes.Buffer
				if _, err := f.Render(&b, d); err != nil {
					t.Fatalf("%s on %s paper: %v", f.Name, p.Name, err)
				}
			})
		}
		t.Run(f.Name+"/unknown", func(t *testing.T) {
			d := reporttest.OneRow()
			d.Page.Size = "B5"
			var b bytes.Buffer
			_, err := f.Render(&b, d)
			if err == nil || !strings.Contains(err.Error(), `unknown page size "B5"`) {
				t.Errorf("err = %v, want an unknown page size error", err)
			}
		})
	}
}
