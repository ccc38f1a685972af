package safefs

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestValidName(t *testing.T) {
	cases := []struct {
		name, in, want string // want: part of the error, "" when valid
	}{
		{"plain", "Appendix 1B - Amey Lessons Learned.pdf", ""},
		{"accents and dashes", "Adroddiad – Cyngor Sir Ddinbych.xlsx", ""},
		{"reserved", "CON", "a name Windows reserves for a device (CON)"},
		{"reserved with extension", "nul.pdf", "reserves for a device (NUL)"},
		{"reserved in another case", "Aux.xlsx", "(AUX)"},
		{"reserved before a space", "prn .html", "(PRN)"},
		{"reserved port", "COM7.pdf", "(COM7)"},
		{"reserved printer", "lpt1", "(LPT1)"},
		{"reserved superscript port", "COM².pdf", "(COM²)"},
		{"not reserved", "CONTRACTS.pdf", ""},
		{"port ten is free", "COM10.pdf", ""},
		{"trailing dot", "paper.", "ends in a dot or a space"},
		{"trailing space", "paper ", "ends in a dot or a space"},
		{"colon", "Q1: summary.pdf", `contains ':'`},
		{"question mark", "why?.pdf", `contains '?'`},
		{"pipe", "a|b.pdf", `contains '|'`},
		{"star", "a*.pdf", `contains '*'`},
		{"quote", `"a".pdf`, `contains '"'`},
		{"angle", "<a>.pdf", `contains '<'`},
		{"slash", "a/b.pdf", `contains '/'`},
		{"backslash", `a\b.pdf`, `contains '\\'`},
		{"tab", "a\tb.pdf", "control character (U+0009)"},
		{"newline", "a\nb.pdf", "control character (U+000A)"},
		{"delete", "a\x7fb.pdf", "control character (U+007F)"},
		{"C1 control", "a\u0085b.pdf", "control character (U+0085)"},
		{"right-to-left override", "return\u202Exslx.exe", "changes the direction of text (U+202E)"},
		{"left-to-right embedding", "a\u202Ab.pdf", "(U+202A)"},
		{"isolate", "a\u2066b.pdf", "(U+2066)"},
		{"pop isolate", "a\u2069b.pdf", "(U+2069)"},
		{"not UTF-8", "a\xffb.pdf", "not valid UTF-8"},
		{"empty", "", "empty"},
		{"dot dot", "..", "not a file name"},
		{"255 bytes", strings.Repeat("a", 251) + ".pdf", ""},
		{"256 bytes", strings.Repeat("a", 252) + ".pdf", "256 bytes long; a file name may have at most 255"},
		{"long in bytes, short in letters", strings.Repeat("é", 126) + ".pdf", "256 bytes long"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidName(tc.in)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("ValidName(%q) = %v, want no error", tc.in, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("ValidName(%q) = %v, want an error containing %q", tc.in, err, tc.want)
			}
		})
	}
}

func TestValidPath(t *testing.T) {
	dir := t.TempDir()
	if err := ValidPath(filepath.Join(dir, "paper.pdf")); err != nil {
		t.Errorf("a short path: %v", err)
	}
	long := filepath.Join(dir, strings.Repeat("folder/", 150), "paper.pdf")
	if err := ValidPath(long); err == nil || !strings.Contains(err.Error(), "a path may have at most 1023") {
		t.Errorf("a path of %d bytes: %v", len(long), err)
	}
	if err := ValidPath(filepath.Join(dir, "CON.pdf")); err == nil {
		t.Errorf("a reserved name is accepted")
	}
}
