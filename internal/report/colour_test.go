package report

import (
	"strings"
	"testing"
)

func TestParseColour(t *testing.T) {
	tests := []struct {
		name, in string
		want     RGB
		ok       bool
	}{
		{"upper", "#1F3864", RGB{R: 0x1F, G: 0x38, B: 0x64}, true},
		{"lower", "#c6efce", RGB{R: 0xC6, G: 0xEF, B: 0xCE}, true},
		{"empty means none", "", RGB{}, false},
		{"no hash", "1F3864", RGB{}, false},
		{"short form", "#FFF", RGB{}, false},
		{"name", "red", RGB{}, false},
		{"not hex", "#GGGGGG", RGB{}, false},
		{"spaces", " #1F3864", RGB{}, false},
		{"alpha", "#1F386400", RGB{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseColour(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseColour(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
			if ok && !strings.EqualFold(got.String(), tt.in) {
				t.Errorf("String() = %q, want %q in upper case", got.String(), tt.in)
			}
		})
	}
}

func TestContrast(t *testing.T) {
	black, white := RGB{}, RGB{R: 255, G: 255, B: 255}
	if c := Contrast(black, white); c < 20.99 || c > 21.01 {
		t.Errorf("black on white = %v, want 21", c)
	}
	if c := Contrast(white, white); c != 1 {
		t.Errorf("white on white = %v, want 1", c)
	}
}

func TestSeriesFill(t *testing.T) {
	if got := (Series{Colour: "#C6EFCE"}).Fill(3); got != (RGB{R: 0xC6, G: 0xEF, B: 0xCE}) {
		t.Errorf("own colour: %v", got)
	}
	a, b := (Series{}).Fill(0), (Series{}).Fill(len(palette))
	if a != b || a == (Series{}).Fill(1) {
		t.Errorf("palette colours must cycle: %v %v %v", a, b, (Series{}).Fill(1))
	}
}

func TestPapers(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"empty is A4", "", "A4", true},
		{"any case", "letter", "Letter", true},
		{"A3", "a3", "A3", true},
		{"unknown", "B5", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := LookupPaper(tt.in)
			if ok != tt.ok || p.Name != tt.want {
				t.Errorf("LookupPaper(%q) = %q, %v; want %q, %v", tt.in, p.Name, ok, tt.want, tt.ok)
			}
			_, err := Page{Size: tt.in}.Paper()
			if (err == nil) != tt.ok {
				t.Errorf("Page.Paper error = %v", err)
			}
		})
	}
	for _, p := range Papers() {
		if p.Width <= 0 || p.Height <= p.Width || p.ExcelCode == 0 || p.CSSName == "" {
			t.Errorf("incomplete paper %+v", p)
		}
	}
	if got := PaperNames(); got != "A3, A4, A5, Letter or Legal" {
		t.Errorf("PaperNames() = %q", got)
	}
}
