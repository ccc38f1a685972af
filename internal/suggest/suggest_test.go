package suggest

import "testing"

func TestClosest(t *testing.T) {
	commands := []string{"check", "build", "dump", "returns", "templates", "sample", "watch", "version", "help"}
	tests := []struct {
		name, word string
		cands      []string
		want       string
	}{
		{"swapped letters", "biuld", commands, "build"},
		{"one letter off", "chek", commands, "check"},
		{"prefix", "temp", commands, "templates"},
		{"case", "BUILD", commands, "build"},
		{"nothing near", "publish", commands, ""},
		{"short words need a close match", "go", commands, ""},
		{"key", "fromats", []string{"template", "issues", "file", "formats", "period", "title", "vars"}, "formats"},
		{"plural slip", "output_dirs", []string{"output_dir", "templates", "title"}, "output_dir"},
		{"no candidates", "x", nil, ""},
		{"one letter is no clue", "x", []string{"o", "v"}, ""},
		{"a long form of a short flag", "output", []string{"o", "v"}, "o"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Closest(tt.word, tt.cands); got != tt.want {
				t.Errorf("Closest(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestMessage(t *testing.T) {
	got := Message("fromats", []string{"template", "formats", "file"}, "keys of [[output]]")
	want := `did you mean "formats"? (keys of [[output]]: file, formats, template)`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := Message("zzz", []string{"a"}, ""); got != "" {
		t.Errorf("no suggestion and no list: got %q", got)
	}
}
