package fonts

import (
	"math"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestLiberation checks the metrics against widths of Liberation Sans (the
// same as Arial's) that layouts depend on.
func TestLiberation(t *testing.T) {
	m, err := Liberation()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		face  Face
		r     rune
		milli uint16 // Arial's published advance in thousandths of an em
		has   bool
	}{
		{"space", Regular, ' ', 278, true},
		{"digit", Regular, '0', 556, true},
		{"capital M", Regular, 'M', 833, true},
		{"bold M", Bold, 'M', 833, true},
		{"bold a", Bold, 'a', 556, true},
		{"pound sign", Regular, '£', 556, true},
		{"en dash", Italic, '–', 556, true},
		{"bullet", BoldItalic, '•', 350, true},
		{"tab", Regular, '\t', 0, false},
		{"emoji", Regular, '😀', 0, false},
		{"surrogate", Regular, 0xD800, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := m.Has(tt.face, tt.r); got != tt.has {
				t.Fatalf("Has = %v, want %v", got, tt.has)
			}
			em, ok := m.Em(tt.face, tt.r)
			if ok != tt.has {
				t.Fatalf("Em ok = %v", ok)
			}
			if tt.r < 0x10000 {
				if got := m.Milli(tt.face)[tt.r]; got != tt.milli {
					t.Errorf("Milli = %d, want %d", got, tt.milli)
				}
			}
			if math.Abs(em*1000-float64(tt.milli)) > 0.5 {
				t.Errorf("Em = %v, want about %v", em, float64(tt.milli)/1000)
			}
		})
	}
	if FaceOf(true, true) != BoldItalic || FaceOf(false, true) != Italic || FaceOf(true, false) != Bold || FaceOf(false, false) != Regular {
		t.Error("FaceOf")
	}
	if len(ttf[Bold]) == 0 || &ttf[Bold][0] == &ttf[Regular][0] {
		t.Error("each face must have its own data")
	}
}

// TestMetricsAgreeWithSfnt reads every character of every face with
// golang.org/x/image/font/sfnt, an independent TrueType reader, and checks
// that agsreport's own reader finds the same glyphs and advances.
func TestMetricsAgreeWithSfnt(t *testing.T) {
	m, err := Liberation()
	if err != nil {
		t.Fatal(err)
	}
	for f := range NumFaces {
		sf, err := sfnt.Parse(ttf[f])
		if err != nil {
			t.Fatal(err)
		}
		upem := sf.UnitsPerEm()
		var buf sfnt.Buffer
		mismatches := 0
		for r := rune(0); r < planes; r++ {
			want, wantEm := false, 0.0
			if r >= 0x20 && (r < 0xD800 || r > 0xDFFF) {
				gi, err := sf.GlyphIndex(&buf, r)
				if err == nil && gi != 0 {
					adv, err := sf.GlyphAdvance(&buf, gi, fixed.Int26_6(upem), font.HintingNone)
					if err != nil {
						t.Fatal(err)
					}
					want, wantEm = true, float64(adv)/float64(upem)
				}
			}
			em, has := m.Em(f, r)
			if has != want || em != wantEm || int(m.Milli(f)[r]) != int(math.Round(wantEm*1000)) {
				if mismatches++; mismatches < 5 {
					t.Errorf("face %d, %U: has %v em %v milli %d; sfnt has %v em %v", f, r, has, em, m.Milli(f)[r], want, wantEm)
				}
			}
		}
	}
}
