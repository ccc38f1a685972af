package plan

import (
	"strings"
	"testing"
)

// plainKey is Key as its contract states it, with no shortcut.
func plainKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

var keyCases = []string{
	"", " ", "a", "1", "1(ii)", "on target", "ON TARGET", "On  target", " on target", "on target ",
	"on\ttarget", "on\ntarget", "On\r\nTarget", "a\vb", "a\fb", "ÉTÉ", "été", "on\u00a0target", "on\u0085target",
	"R1", "r1 ", "  ", "Z", "@[`{", "ongoing", "ONGOING",
}

// TestKeyShortcuts checks that Key gives what its contract says for
// strings already folded, differing only in case, and neither, and that
// a folded string costs no allocation.
func TestKeyShortcuts(t *testing.T) {
	for _, s := range keyCases {
		if got, want := Key(s), plainKey(s); got != want {
			t.Errorf("Key(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"on target", "1(ii)", ""} {
		if n := testing.AllocsPerRun(100, func() { _ = Key(s) }); n != 0 {
			t.Errorf("Key(%q): %v allocations, want none", s, n)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range keyCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Key(s), plainKey(s); got != want {
			t.Errorf("Key(%q) = %q, want %q", s, got, want)
		}
	})
}
