package plan

import (
	"strings"
	"testing"
)

// FuzzParseTarget checks that ParseTarget never panics, always keeps the
// text as written (spacing folded), and returns only dates that exist, with
// the start no later than the due date.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{
		"31/03/2024", "2024-03-31", "31st March 2018", "By 31st October 2017",
		"From 1st October 2017", "Commencing 1st November 2017 to 31st March 2018",
		"From 31st October to 31st March 2018", "March 2018", "As required", "Ongoing",
		"31/02/2018", "31st Febuary 2018", "1 Oct", "29th February", "0/0/0", "99999/1/1",
		"1 january 0", "31 of december 9999", "29 Feb to 1 March 2001",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, err := ParseTarget(s)
		if want := strings.Join(strings.Fields(s), " "); tg.Text != want {
			t.Fatalf("ParseTarget(%q).Text = %q, want %q", s, tg.Text, want)
		}
		if err != nil {
			return
		}
		for _, d := range []Date{tg.Start, tg.Due} {
			if d.IsZero() {
				continue
			}
			if _, ok := MakeDate(d.Year, d.Month, d.Day); !ok {
				t.Fatalf("ParseTarget(%q) gave a date that does not exist: %+v", s, d)
			}
		}
	})
}
