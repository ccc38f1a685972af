package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date with no time of day and no time zone. The zero
// Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// MakeDate returns the date, and whether it exists (no 31st of April).
func MakeDate(y int, m time.Month, d int) (Date, bool) {
	if m < 1 || m > 12 || d < 1 || y < 1 {
		return Date{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Date{}, false
	}
	return Date{y, m, d}, true
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// String formats the date as 2018-03-31, or "" for no date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Long formats the date the way committee papers write it: "31 March 2018".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// Target is an action's target as written, with the dates that could be read
// from it. Targets such as "As required" or "Ongoing" have no dates and are
// never overdue.
type Target struct {
	Text  string // as written, for display
	Start Date   // "From 1st October 2017", "Commencing …": when work starts
	Due   Date   // when the action should be done; zero when there is none
}

// Written returns the target as written when its due date alone does not
// say it: "" when there is no target or the text is exactly the due date in
// long form ("31 March 2018"), the text otherwise ("By 31st March 2018",
// "31/03/2018", "As required").
func (t Target) Written() string {
	if t.Start.IsZero() && !t.Due.IsZero() && t.Text == t.Due.Long() {
		return ""
	}
	return t.Text
}

// DueText returns the due date in long form when there is one, otherwise
// the text as written ("As required").
func (t Target) DueText() string {
	if !t.Due.IsZero() {
		return t.Due.Long()
	}
	return t.Text
}

// Shown returns the target as papers show it after "Revised:" or "was":
// the due date in long form when the text says nothing more than that
// date ("31/03/2025", "By 31st March 2025", "March 2025"), the text
// as written otherwise, so that no words are lost ("30/06/2025 subject to
// funding", "Q1 2025/26", "From 1st October 2017 to 31st March 2018",
// "TBC").
func (t Target) Shown() string {
	if t.Due.IsZero() || !t.Start.IsZero() {
		return t.Text
	}
	rest := numericDate.ReplaceAllString(t.Text, "")
	rest = wordDate.ReplaceAllString(rest, "")
	rest = monthYear.ReplaceAllStringFunc(rest, func(m string) string {
		if _, ok := months[strings.ToLower(strings.Fields(m)[0])]; ok {
			return ""
		}
		return m
	})
	if plainLead.MatchString(rest) {
		return t.Due.Long()
	}
	return t.Text
}

// plainLead is what may stand beside a single date in a target that says
// no more than the date: "By", "Due:", "on or before", punctuation.
var plainLead = regexp.MustCompile(`(?i)^[\s.,:;()]*(?:(?:due|deadline)[\s:]*)?(?:by|on|before|on or before|no later than)?[\s.,:;()]*$`)

// Unconfirmed reports whether the target says that its date is still to be
// agreed, in one of the words officers use for that: "TBC", "TBA", "TBD",
// "To be confirmed", "To be agreed", "To be determined" (any case, with or
// without full stops). Such a target has no date.
func (t Target) Unconfirmed() bool {
	if !t.Due.IsZero() || !t.Start.IsZero() {
		return false
	}
	w := strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer(".", " ").Replace(t.Text)), " "))
	switch w {
	case "tbc", "t b c", "tba", "t b a", "tbd", "t b d", "to be confirmed", "to be agreed", "to be determined":
		return true
	}
	return false
}

// IsZero reports whether no target was given.
func (t Target) IsZero() bool { return t.Text == "" && t.Due.IsZero() && t.Start.IsZero() }

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
	"nov": 11, "november": 11, "dec": 12, "december": 12,
}

var (
	numericDate = regexp.MustCompile(`\b(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})\b`)
	// day [of] month [year]: "31st March 2018", "1 Oct", "31st of March".
	wordDate = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?`)
	// month year: "March 2018" (the last day of the month is meant).
	monthYear = regexp.MustCompile(`(?i)\b([a-z]+)\s+(\d{4})\b`)
	// quarterYear is a quarter of a council's financial year, which runs
	// from April to March: "Q3 2024/25", "Quarter 4 2024-2025".
	quarterYear = regexp.MustCompile(`(?i)\b(?:q|qtr|quarter)\s*([1-4])\s+(?:of\s+)?(?:fy\s*)?(\d{4})\s*[/\-]\s*(\d{2}|\d{4})\b`)
	startWord   = regexp.MustCompile(`(?i)\b(from|commenc\w*|starting|start\w*|beginning)\b`)
)

type found struct {
	at, end int
	date    Date
	noYear  bool
	month   time.Month
	day     int
}

// ParseTarget reads a target date as officers write it: "31/03/2024",
// "2024-03-31", "31st March 2018", "By 31st October 2017", "From 1st October
// 2017", "Commencing 1st November 2017 to 31st March 2018", "From 31st
// October to 31st March 2018", "March 2018", a quarter of the financial
// year that runs from April ("Q3 2024/25" is due 31 December 2024,
// "Quarter 4 2024-25" 31 March 2025), or words such as "As required"
// and "Ongoing", which have no date. The text is always kept as written.
//
// It returns an error only when the text holds something that is plainly
// meant as a date but is not one, such as "31/02/2018" or "31st Febuary 2018".
func ParseTarget(s string) (Target, error) {
	s = strings.Join(strings.Fields(s), " ")
	t := Target{Text: s}
	if s == "" {
		return t, nil
	}
	var dates []found
	taken := make([]bool, len(s)+1)
	mark := func(a, b int) {
		for i := a; i < b; i++ {
			taken[i] = true
		}
	}
	for _, m := range numericDate.FindAllStringSubmatchIndex(s, -1) {
		a, b, c := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		var y, mo, d int
		if m[3]-m[2] == 4 { // 2024-03-31
			y, mo, d = a, b, c
		} else { // 31/03/2024, UK order
			d, mo, y = a, b, c
			if m[7]-m[6] == 2 {
				y += 2000
			}
		}
		date, ok := MakeDate(y, time.Month(mo), d)
		if !ok {
			return t, fmt.Errorf("%q is not a date (day/month/year)", s[m[0]:m[1]])
		}
		dates = append(dates, found{at: m[0], end: m[1], date: date})
		mark(m[0], m[1])
	}
	for _, m := range wordDate.FindAllStringSubmatchIndex(s, -1) {
		if taken[m[0]] {
			continue
		}
		word := strings.ToLower(s[m[4]:m[5]])
		mo, ok := months[word]
		if !ok {
			if m[6] >= 0 || looksLikeMonth(word) {
				return t, fmt.Errorf("%q is not a date: %q is not a month", s[m[0]:m[1]], s[m[4]:m[5]])
			}
			continue
		}
		day := atoi(s[m[2]:m[3]])
		f := found{at: m[0], end: m[1], month: mo, day: day}
		if m[6] >= 0 {
			y := atoi(s[m[6]:m[7]])
			if y < 1 {
				return t, fmt.Errorf("%q is not a date: there is no year %s", s[m[0]:m[1]], s[m[6]:m[7]])
			}
			date, ok := MakeDate(y, mo, day)
			if !ok {
				return t, fmt.Errorf("%q is not a date: %s has no day %d", s[m[0]:m[1]], mo, day)
			}
			f.date = date
		} else {
			if _, ok := MakeDate(2000, mo, day); !ok { // 2000 is a leap year
				return t, fmt.Errorf("%q is not a date: %s has no day %d", s[m[0]:m[1]], mo, day)
			}
			f.noYear = true
		}
		dates = append(dates, f)
		mark(m[0], m[1])
	}
	for _, m := range quarterYear.FindAllStringSubmatchIndex(s, -1) {
		if taken[m[0]] {
			continue
		}
		q, y, next := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		if next != y+1 && next != (y+1)%100 {
			return t, fmt.Errorf("%q is not a financial year: %s does not follow %d", s[m[0]:m[1]], s[m[6]:m[7]], y)
		}
		// The quarter ends in June, September, December or (the next
		// year's) March.
		end := time.Date(y, time.Month(3*q+4), 0, 0, 0, 0, 0, time.UTC)
		dates = append(dates, found{at: m[0], end: m[1], date: DateOf(end)})
		mark(m[0], m[1])
	}
	for _, m := range monthYear.FindAllStringSubmatchIndex(s, -1) {
		if taken[m[0]] || taken[m[2]] {
			continue
		}
		mo, ok := months[strings.ToLower(s[m[2]:m[3]])]
		if !ok {
			continue
		}
		y := atoi(s[m[4]:m[5]])
		if y < 1 {
			return t, fmt.Errorf("%q is not a date: there is no year %s", s[m[0]:m[1]], s[m[4]:m[5]])
		}
		last := time.Date(y, mo+1, 0, 0, 0, 0, 0, time.UTC)
		dates = append(dates, found{at: m[0], end: m[1], date: DateOf(last)})
		mark(m[0], m[1])
	}
	if len(dates) == 0 {
		return t, nil
	}
	sortFound(dates)
	// A date without a year takes the year of the next date that has one,
	// moved back a year if it would otherwise fall after it.
	for i := range dates {
		if !dates[i].noYear {
			continue
		}
		var ref Date
		for j := i + 1; j < len(dates); j++ {
			if !dates[j].noYear {
				ref = dates[j].date
				break
			}
		}
		if ref.IsZero() {
			return t, fmt.Errorf("%q has no year", strings.TrimSpace(s[dates[i].at:dates[i].end]))
		}
		d, ok := MakeDate(ref.Year, dates[i].month, dates[i].day)
		if !ok || ref.Before(d) {
			d, ok = MakeDate(ref.Year-1, dates[i].month, dates[i].day)
		}
		if !ok {
			return t, fmt.Errorf("%q is not a date", strings.TrimSpace(s[dates[i].at:dates[i].end]))
		}
		dates[i].date = d
	}
	first := dates[0]
	before := s[:first.at]
	if startWord.MatchString(before) {
		t.Start = first.date
		if len(dates) > 1 {
			t.Due = dates[len(dates)-1].date
		}
		return t, nil
	}
	t.Due = dates[len(dates)-1].date
	if len(dates) > 1 {
		t.Start = first.date
	}
	return t, nil
}

// looksLikeMonth reports whether a word after a day number is probably a
// misspelt month rather than an ordinary word ("3 contracts").
func looksLikeMonth(w string) bool {
	if len(w) < 3 {
		return false
	}
	for name := range months {
		if len(name) > 3 && (strings.HasPrefix(w, name[:3]) || editDistance(w, name) <= 2) {
			return true
		}
	}
	return false
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func sortFound(fs []found) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].at < fs[j-1].at; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// ExcelDate converts an Excel date serial to a date. date1904 selects the
// 1904 date system used by some workbooks saved on a Mac. The 1900 system
// counts the non-existent 29 February 1900, as Excel does.
func ExcelDate(serial float64, date1904 bool) (Date, bool) {
	days := int(serial)
	if serial < 0 || days > 2958465 { // 31 December 9999
		return Date{}, false
	}
	var base time.Time
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else {
		if days < 1 {
			return Date{}, false
		}
		if days < 60 {
			days++
		}
		base = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	return DateOf(base.AddDate(0, 0, days)), true
}
