package plan

import (
	"testing"

	"github.com/agsreport/agsreport/internal/fonts"
)

func TestVocabularyReadsStatusesAsShown(t *testing.T) {
	v, err := NewVocabulary(DefaultStatuses())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, want string // want "" when not a status
	}{
		{"name", "COMPLETE", "COMPLETE"},
		{"name with its symbol", "● COMPLETE", "COMPLETE"},
		{"alias with the status's symbol", "▼ Delayed", "BEHIND SCHEDULE"},
		{"symbol spaced out", "●   complete", "COMPLETE"},
		{"another status's symbol", "● BEHIND SCHEDULE", ""},
		{"symbol alone", "●", ""},
		{"symbol without a space", "●COMPLETE", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, ok := v.Lookup(tc.in)
			if got := st.Name; got != tc.want || ok != (tc.want != "") {
				t.Errorf("Lookup(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
			}
		})
	}
}

func TestDefaultStatusesTellApartWithoutColour(t *testing.T) {
	seen := map[string]string{}
	for _, s := range DefaultStatuses() {
		if s.Symbol == "" {
			t.Errorf("%s has no symbol", s.Name)
		}
		if o, dup := seen[s.Symbol]; dup {
			t.Errorf("%s and %s share the symbol %q", s.Name, o, s.Symbol)
		}
		seen[s.Symbol] = s.Name
		if err := fonts.CanShow(s.Symbol); err != nil {
			t.Errorf("%s: %v", s.Name, err)
		}
	}
}
