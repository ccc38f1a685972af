package compose

import "testing"

// FuzzParse feeds arbitrary text to the template decoder: it must never
// panic, and a template it accepts must compose against a small plan without
// panicking (an error is fine).
func FuzzParse(f *testing.F) {
	f.Add(tableTemplate)
	f.Add("[[section]]\n[[section.block]]\ntype = \"heading\"\ntext = \"{{.Title}}\"\n")
	f.Add("[[section]]\neach = \"issue\"\n[[section.block]]\ntype = \"status_summary\"\n[[section.block]]\ntype = \"status_chart\"\n")
	f.Add("[page]\nmargins = [1, 2]\n[[section]]\n[[section.block]]\ntype = \"table\"\nrows = \"issues\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		tm, err := Parse("fuzz.toml", []byte(src))
		if err != nil {
			return
		}
		_, _ = Compose(tm, testPlan(t), Options{Name: "fuzz"})
	})
}
