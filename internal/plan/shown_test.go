package plan

import "testing"

// TestTargetShown checks, case by case, how a revised note prints a
// target: as its date when the words say no more than the date, as
// written when they do, so that no word is dropped and no "By" is doubled.
func TestTargetShown(t *testing.T) {
	tests := []struct{ text, want string }{
		{"31 March 2025", "31 March 2025"},
		{"31/03/2025", "31 March 2025"},
		{"By 31st January 2018", "31 January 2018"},
		{"due by 31/03/2025.", "31 March 2025"},
		{"March 2025", "31 March 2025"},
		{"30/06/2025 subject to funding", "30/06/2025 subject to funding"},
		{"Q1 2025/26", "Q1 2025/26"},
		{"End of Q1 2025/26", "End of Q1 2025/26"},
		{"From 1st October 2017 to 31st March 2018", "From 1st October 2017 to 31st March 2018"},
		{"Commence 31st January 2018", "Commence 31st January 2018"},
		{"TBC", "TBC"},
		{"", ""},
	}
	for _, tc := range tests {
		tg, err := ParseTarget(tc.text)
		if err != nil {
			t.Fatalf("%q: %v", tc.text, err)
		}
		if got := tg.Shown(); got != tc.want {
			t.Errorf("%q: Shown() = %q, want %q", tc.text, got, tc.want)
		}
	}
}
