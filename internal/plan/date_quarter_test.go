package plan

import "testing"

// TestParseTargetQuarters reads targets written as a quarter of the
// council's financial year (April to March), as trackers often give them.
func TestParseTargetQuarters(t *testing.T) {
	cases := []struct {
		name, in, due, err string
	}{
		{name: "first quarter ends in June", in: "Q1 2024/25", due: "2024-06-30"},
		{name: "third quarter ends in December", in: "Q3 2024/25", due: "2024-12-31"},
		{name: "fourth quarter ends in March of the next year", in: "Q4 2024/25", due: "2025-03-31"},
		{name: "written out, four-digit second year", in: "Quarter 2 2023-2024", due: "2023-09-30"},
		{name: "with words around it", in: "By end of Q3 2024/25", due: "2024-12-31"},
		{name: "lower case, of", in: "q4 of 2025/26", due: "2026-03-31"},
		{name: "a range of quarters", in: "Q1 2024/25 to Q2 2024/25", due: "2024-09-30"},
		{name: "years that do not follow", in: "Q3 2024/26", err: `"Q3 2024/26" is not a financial year: 26 does not follow 2024`},
		{name: "no year is no date", in: "Q3", due: ""},
		{name: "a fifth quarter is words", in: "Q5 2024/25", due: ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tg, err := ParseTarget(c.in)
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Fatalf("ParseTarget(%q) error = %v, want %s", c.in, err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := tg.Due.String(); got != c.due {
				t.Errorf("ParseTarget(%q).Due = %q, want %q", c.in, got, c.due)
			}
			if tg.Text != c.in {
				t.Errorf("text %q not kept as written: %q", c.in, tg.Text)
			}
		})
	}
}
