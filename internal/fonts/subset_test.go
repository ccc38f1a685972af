package fonts

import (
	"bytes"
	"fmt"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestSubset cuts each face down to some text and reads the subset back
// with golang.org/x/image/font/sfnt, an independent reader: every
// character must map to the glyph the subset says, with the same advance
// and the same outline as in the full face, composite glyphs (accented
// letters) included; characters the face lacks are left out.
func TestSubset(t *testing.T) {
	m, err := Liberation()
	if err != nil {
		t.Fatal(err)
	}
	text := []rune("Annual Governance Statement 2017-18: £1,250 – “on target” • ÁÉÍÓÚ áéíóú ŵŷ ►●■▼ ?")
	text = append(text, 0x1F600, 0xE000, 'A') // an emoji, a private-use character, a repeat
	for f := range NumFaces {
		t.Run(fmt.Sprint(f), func(t *testing.T) {
			s, err := m.Subset(f, text)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Runes) != len(s.GIDs) {
				t.Fatalf("%d runes, %d glyphs", len(s.Runes), len(s.GIDs))
			}
			for i := 1; i < len(s.Runes); i++ {
				if s.Runes[i] <= s.Runes[i-1] {
					t.Fatalf("runes not ascending: %q", s.Runes)
				}
			}
			if n := len(s.Font); n > len(ttf[f])/4 {
				t.Errorf("subset is %d bytes, the face %d", n, len(ttf[f]))
			}
			full, err := sfnt.Parse(ttf[f])
			if err != nil {
				t.Fatal(err)
			}
			sub, err := sfnt.Parse(s.Font)
			if err != nil {
				t.Fatalf("the subset does not parse: %v", err)
			}
			upem := fixed.Int26_6(full.UnitsPerEm())
			var fb, sb sfnt.Buffer
			seen := map[rune]bool{}
			for i, r := range s.Runes {
				seen[r] = true
				fg, err := full.GlyphIndex(&fb, r)
				if err != nil || fg == 0 {
					t.Fatalf("%q is in the subset but not the face", r)
				}
				sg := sfnt.GlyphIndex(s.GIDs[i])
				if got, err := sub.GlyphIndex(&sb, r); err != nil || got != sg {
					t.Errorf("%q: the subset's cmap gives glyph %d, want %d (%v)", r, got, sg, err)
				}
				fa, _ := full.GlyphAdvance(&fb, fg, upem, font.HintingNone)
				sa, err := sub.GlyphAdvance(&sb, sg, upem, font.HintingNone)
				if err != nil || fa != sa {
					t.Errorf("%q: advance %v in the subset, %v in the face (%v)", r, sa, fa, err)
				}
				fs, err1 := full.LoadGlyph(&fb, fg, upem, nil)
				fo := fmt.Sprint(fs)
				ss, err2 := sub.LoadGlyph(&sb, sg, upem, nil)
				if err1 != nil || err2 != nil || fo != fmt.Sprint(ss) {
					t.Errorf("%q: outline differs from the face's (%v, %v)", r, err1, err2)
				}
			}
			for _, r := range text {
				if m.Has(f, r) != seen[r] {
					t.Errorf("%q: in subset %v, in face %v", r, seen[r], m.Has(f, r))
				}
			}
			if !bytes.Contains(s.Font, []byte("glyf")) || !bytes.Contains(s.Font, []byte("fpgm")) {
				t.Error("subset lacks glyf or fpgm")
			}
			if sum := checksum(s.Font); sum != 0xB1B0AFBA {
				t.Errorf("whole-file checksum %#x, want 0xB1B0AFBA", sum)
			}
		})
	}
}

// TestDescriptor checks the descriptor facts of the faces against
// Liberation Sans's published values.
func TestDescriptor(t *testing.T) {
	m, err := Liberation()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		face   Face
		name   string
		bold   bool
		italic bool
	}{
		{Regular, "LiberationSans", false, false},
		{Bold, "LiberationSans-Bold", true, false},
		{Italic, "LiberationSans-Italic", false, true},
		{BoldItalic, "LiberationSans-BoldItalic", true, true},
	}
	for _, tt := range tests {
		d := m.Descriptor(tt.face)
		if d.PostScriptName != tt.name || d.Bold != tt.bold || (d.ItalicAngle != 0) != tt.italic {
			t.Errorf("face %d: %+v", tt.face, d)
		}
		if d.Ascent != 905 || d.Descent != -212 || d.CapHeight < 600 || d.CapHeight > 750 || d.MissingWidth != 750 {
			t.Errorf("face %d: ascent %d, descent %d, cap height %d, missing width %d", tt.face, d.Ascent, d.Descent, d.CapHeight, d.MissingWidth)
		}
	}
}
