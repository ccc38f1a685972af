package pdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendFixed2 checks appendFixed2 against strconv on numbers a page
// holds, on halves of a hundredth, and on numbers out of its range.
func TestAppendFixed2(t *testing.T) {
	check := func(v float64) {
		t.Helper()
		want := strconv.AppendFloat(nil, v, 'f', 2, 64)
		if got := appendFixed2(nil, v); string(got) != string(want) {
			t.Fatalf("appendFixed2(%v) = %s, want %s", v, got, want)
		}
	}
	for _, v := range []float64{0, math.Copysign(0, -1), -0.001, 0.004999, 0.005, 0.015, 0.025, 1.005, 2.675, -2.675,
		0.125, 99.995, 841.89, -26.00, 1e6 + 0.005, 1e7, -1e9, 1e300, math.Inf(1), math.NaN(), 5e-324} {
		check(v)
	}
	r := rand.New(rand.NewPCG(1, 2))
	k := 72 / 25.4
	for range 200000 {
		mm := r.Float64()*400 - 50
		check(mm * k)
		check(float64(r.IntN(100000))/200 + float64(r.IntN(3)-1)*1e-9) // near halves
	}
}
