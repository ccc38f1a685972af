package tomlx

import (
	"testing"
)

type testOutput struct {
	Template string   `toml:"template"`
	Formats  []string `toml:"formats"`
	Width    float64  `toml:"width"`
	Closed   bool     `toml:"closed"`
	Header   int      `toml:"header"`
}

type testPlan struct {
	Workbook string `toml:"workbook"`
}

type testFile struct {
	Title    string            `toml:"title"`
	Plan     *testPlan         `toml:"plan"`
	Outputs  []testOutput      `toml:"output"`
	Vars     map[string]string `toml:"vars"`
	Statuses map[string]testPlan
}

// TestMessages checks what a person sees for the usual slips in a job or
// template file.
func TestMessages(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown key with a near one", "title = \"x\"\n[[output]]\nfromats = [\"pdf\"]\n",
			`f.toml: line 3: unknown key "output.fromats": did you mean "formats"? (keys of [[output]]: closed, formats, header, template, width)`},
		{"unknown key with none near", "title = \"x\"\n[plan]\ncolour = 1\n",
			`f.toml: line 3: unknown key "plan.colour" (keys of [plan]: workbook)`},
		{"unknown top-level key", "titel = \"x\"\n",
			`f.toml: line 1: unknown key "titel": did you mean "title"? (keys of the top level: Statuses, output, plan, title, vars)`},
		{"a text for a list", "[[output]]\nformats = \"pdf\"\n",
			`f.toml: line 2: formats must be a list of texts in quotes, e.g. formats = ["pdf"], not a text`},
		{"a number for a text", "title = 3\n",
			`f.toml: line 1: title must be a text in quotes, e.g. title = "…", not a whole number`},
		{"a text for a number", "[[output]]\nwidth = \"wide\"\n",
			`f.toml: line 2: width must be a number, e.g. width = 1.5, not a text`},
		{"a number for true or false", "[[output]]\nclosed = 1\n",
			`f.toml: line 2: closed must be true or false, e.g. closed = true, not a whole number`},
		{"a fraction for a whole number", "[[output]]\nheader = 2.5\n",
			`f.toml: line 2: header must be a whole number, e.g. header = 5, not a number`},
		{"a value for a table", "plan = 1\n",
			`f.toml: line 1: plan must be a table: write [plan] on a line of its own with its keys below it, not a whole number`},
		{"a value for tables", "output = 1\n",
			`f.toml: line 1: output must be tables: write [[output]] on a line of its own above each one's keys, not a whole number`},
		{"free keys are not checked", "[vars]\nAnything = \"x\"\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v testFile
			f, err := Decode("f.toml", []byte(tt.src), &v, "vars")
			if err == nil {
				err = f.Err()
			}
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
