package plan

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Priority is an action's priority as the plan writes it, with its rank:
// 1 the highest. Councils write 1/2/3 or High/Medium/Low; both read the
// same. The zero Priority is none given.
type Priority struct {
	Text string // as written: "High", "2"
	Rank int    // 1 high, 2 medium, 3 low; 0 when none is given
}

// priorityWords are the words a priority may be written in, by rank.
var priorityWords = map[string]int{
	"1": 1, "high": 1, "h": 1,
	"2": 2, "medium": 2, "med": 2, "m": 2,
	"3": 3, "low": 3, "l": 3,
}

// ParsePriority reads a priority written 1, 2 or 3, or High, Medium or
// Low (H, Med, M, L), ignoring case and spacing; "" is none given.
// Anything else is an error that says what is accepted.
func ParsePriority(s string) (Priority, error) {
	t := strings.Join(strings.Fields(s), " ")
	if t == "" {
		return Priority{}, nil
	}
	if r, ok := priorityWords[strings.ToLower(t)]; ok {
		return Priority{Text: t, Rank: r}, nil
	}
	return Priority{Text: t}, fmt.Errorf("priority %q is not one of 1, 2, 3 or High, Medium, Low", t)
}

// String is the priority as written.
func (p Priority) String() string { return p.Text }

// Percent is how far complete an action is, 0 to 100; Set is false when
// the plan gives none.
type Percent struct {
	Value float64 // 0 … 100
	Set   bool
}

// ParsePercent reads a percentage complete written "85%", 85 or 0.85: a
// number with a % sign is that percentage; a number of at most 1 written
// with a decimal point is a fraction (0.85, 1.0); any other number from 0
// to 100 is a percentage. "" is none given; anything else, or a value
// outside 0–100%, is an error.
func ParsePercent(s string) (Percent, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Percent{}, nil
	}
	num, pct := strings.CutSuffix(t, "%")
	num = strings.TrimSpace(num)
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return Percent{}, fmt.Errorf("percent complete %q is not a percentage such as 85%%, 85 or 0.85", t)
	}
	if !pct && v <= 1 && strings.Contains(num, ".") {
		v *= 100
	}
	if v < 0 || v > 100 {
		return Percent{}, fmt.Errorf("percent complete %q is not between 0%% and 100%%", t)
	}
	return Percent{Value: math.Round(v*100) / 100, Set: true}, nil
}

// String is the percentage as papers show it, "85%" (whole numbers
// unless the plan gives a fraction of a percent), or "" when none is set.
func (p Percent) String() string {
	if !p.Set {
		return ""
	}
	return strconv.FormatFloat(p.Value, 'f', -1, 64) + "%"
}

// Fraction is the percentage as a fraction of 1, as a spreadsheet's
// percentage cell holds it.
func (p Percent) Fraction() float64 { return p.Value / 100 }
