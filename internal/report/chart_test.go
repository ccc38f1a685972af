package report

import (
	"math"
	"testing"
)

func TestScale(t *testing.T) {
	tests := []struct{ peak, top, step float64 }{
		{0, 1, 0.2},
		{-3, 1, 0.2},
		{math.NaN(), 1, 0.2},
		{26, 30, 10},
		{12, 12.5, 2.5},
		{4, 4, 1},
		{950, 1000, 200},
	}
	for _, tt := range tests {
		top, step := Scale(tt.peak)
		if top != tt.top || step != tt.step {
			t.Errorf("Scale(%v) = %v, %v; want %v, %v", tt.peak, top, step, tt.top, tt.step)
		}
	}
}

func TestSeriesValue(t *testing.T) {
	s := Series{Values: []float64{3, -1, math.Inf(1), math.NaN()}}
	for i, want := range []float64{3, 0, 0, 0, 0} {
		if got := s.Value(i); got != want {
			t.Errorf("Value(%d) = %v, want %v", i, got, want)
		}
	}
	if s.Value(-1) != 0 {
		t.Error("Value(-1) should be 0")
	}
}
