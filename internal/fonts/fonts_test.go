package fonts

import (
	"math"
	"testing"
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
	if len(TTF(Bold)) == 0 || &TTF(Bold)[0] == &TTF(Regular)[0] {
		t.Error("TTF must return each face's own data")
	}
}
