package xlsx

import "testing"

// The ASCII table gives exactly what measuring each character gives, for
// every character and both weights.
func TestEmTableMatchesFont(t *testing.T) {
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	for _, bold := range []bool{false, true} {
		for r := rune(-1); r <= 0x10001; r++ {
			if got, want := m.em(r, bold), m.measure(r, bold); got != want {
				t.Fatalf("em(%U, bold %v) = %v, the font says %v", r, bold, got, want)
			}
		}
	}
	if m.em('W', false) <= m.em('i', false) || m.em('W', true) <= m.em('i', true) {
		t.Fatalf("table holds no real widths: W %v, i %v", m.em('W', false), m.em('i', false))
	}
}
