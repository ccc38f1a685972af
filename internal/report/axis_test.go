package report

import "testing"

func TestChartAxis(t *testing.T) {
	counts := func(vals ...float64) *Chart {
		c := &Chart{Series: []Series{{Name: "a", Values: vals}}}
		for range vals {
			c.Categories = append(c.Categories, "x")
		}
		return c
	}
	for _, tc := range []struct {
		name      string
		chart     *Chart
		top, step float64
	}{
		{"two actions: whole steps, not 0.5", counts(2, 1), 2, 1},
		{"one action", counts(1), 1, 1},
		{"four actions", counts(4, 3), 4, 1},
		{"seven actions", counts(7), 8, 2},
		{"twenty-six actions", counts(26), 30, 10},
		{"nothing", counts(0, 0), 1, 1},
		{"fractions keep fine steps", counts(1.5, 0.25), 1.5, 0.5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			top, step := tc.chart.Axis()
			if top != tc.top || step != tc.step {
				t.Errorf("Axis() = %v, %v; want %v, %v", top, step, tc.top, tc.step)
			}
		})
	}
}
