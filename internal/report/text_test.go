package report

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func ExampleMarkup() {
	t := Markup("Assessment outcomes:\n• **Good** for leadership\n- *requires improvement* overall\n\nNext steps follow.")
	for _, l := range t.Lines {
		fmt.Printf("bullet=%v gap=%v", l.Bullet, l.SpaceBefore)
		for _, r := range l.Runs {
			fmt.Printf(" [%s bold=%v italic=%v]", r.Text, r.Bold, r.Italic)
		}
		fmt.Println()
	}
	// Output:
	// bullet=false gap=false [Assessment outcomes: bold=false italic=false]
	// bullet=true gap=false [Good bold=true italic=false] [ for leadership bold=false italic=false]
	// bullet=true gap=false [requires improvement bold=false italic=true] [ overall bold=false italic=false]
	// bullet=false gap=true [Next steps follow. bold=false italic=false]
}

func TestMarkup(t *testing.T) {
	tests := []struct {
		name, in, want string // want is the dump of the text
	}{
		{"plain", "Officer time", "Officer time\n"},
		{"bold", "**1(i)** All contracts", "**1(i)** All contracts\n"},
		{"italic", "an *important* word", "an *important* word\n"},
		{"underscore bold", "__bold__ text", "**bold** text\n"},
		{"snake case is not italic", "see file_name_here", "see file_name_here\n"},
		{"unclosed bold kept", "2 ** 3 = 8", "2 ** 3 = 8\n"},
		{"lone star kept", "R1* and R2", "R1* and R2\n"},
		{"multiplication kept", "3 * 4 * 5", "3 * 4 * 5\n"},
		{"bullets", "• one\n- two\n* three", "• one\n• two\n• three\n"},
		{"blank lines make paragraphs", "a\n\n\nb", "a\n¶ b\n"},
		{"leading and trailing blank lines dropped", "\n\na\n\n", "a\n"},
		{"crlf", "a\r\nb\rc", "a\nb\nc\n"},
		{"dash without space is not a bullet", "-SUM(A1)", "-SUM(A1)\n"},
		{"bold and italic nest", "**bold *both* bold**", "**bold *****both***** bold**\n"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			dumpText(&b, "", Markup(tt.in))
			if got := b.String(); got != tt.want {
				t.Errorf("Markup(%q):\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPlainKeepsMarkers(t *testing.T) {
	got := Plain("**not bold**\n- not a bullet").String()
	if got != "**not bold**\n- not a bullet" {
		t.Errorf("Plain changed the text: %q", got)
	}
}

func TestStringRoundTrip(t *testing.T) {
	in := "Line one\n• bullet\n\nAfter a gap"
	if got := Markup(in).String(); got != in {
		t.Errorf("String() = %q, want %q", got, in)
	}
}

// FuzzMarkup checks that markup never panics, always yields valid UTF-8,
// and keeps every non-marker character of valid input.
func FuzzMarkup(f *testing.F) {
	for _, s := range []string{"**a**", "*b*", "• c\n\n- d", "__e__ _f_", "***", "a*b**c", "\r\n\r\n", "😀 **x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		txt := Markup(s)
		out := txt.String()
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		if !utf8.ValidString(s) {
			return
		}
		strip := func(x string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				switch r {
				case '*', '_', '•', '-', '–', '▪', '\uf0b7', ' ', '\t', '\n', '\r', '\u00a0':
					return -1
				}
				return r
			}, x)
		}
		if strip(out) != strip(s) {
			t.Fatalf("text lost or added:\n in %q\nout %q", s, out)
		}
	})
}
