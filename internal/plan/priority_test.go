package plan

import "testing"

func TestParsePriority(t *testing.T) {
	tests := []struct {
		name, in string
		rank     int
		bad      bool
	}{
		{"none", "  ", 0, false},
		{"number", "1", 1, false},
		{"word", "High", 1, false},
		{"lower case", "medium", 2, false},
		{"short", "L", 3, false},
		{"spaced", " Low ", 3, false},
		{"not a priority", "Urgent", 0, true},
		{"out of range", "4", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParsePriority(tc.in)
			if (err != nil) != tc.bad || p.Rank != tc.rank {
				t.Errorf("ParsePriority(%q) = %+v, %v; want rank %d, error %v", tc.in, p, err, tc.rank, tc.bad)
			}
		})
	}
}

func TestParsePercent(t *testing.T) {
	tests := []struct {
		name, in, want string
		bad            bool
	}{
		{"none", "", "", false},
		{"with a sign", "85%", "85%", false},
		{"a number", "85", "85%", false},
		{"a fraction", "0.85", "85%", false},
		{"all done as a fraction", "1.0", "100%", false},
		{"one percent", "1", "1%", false},
		{"a part percent", "12.5%", "12.5%", false},
		{"fraction with a sign is a percent", "0.5%", "0.5%", false},
		{"words", "nearly", "", true},
		{"over 100", "120", "", true},
		{"negative", "-5%", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParsePercent(tc.in)
			if (err != nil) != tc.bad || p.String() != tc.want {
				t.Errorf("ParsePercent(%q) = %q, %v; want %q, error %v", tc.in, p, err, tc.want, tc.bad)
			}
		})
	}
}
