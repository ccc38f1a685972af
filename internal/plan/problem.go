package plan

import (
	"fmt"
	"strings"
)

// Loc says where something was read: a file, and within it a sheet, a row
// and a column. Zero parts are left out when it is printed.
type Loc struct {
	File   string
	Sheet  string
	Row    int    // 1-based; 0 when the whole sheet or file is meant
	Col    int    // 1-based; 0 when the whole row is meant
	Header string // the column's header text, when known
}

// String prints the location the way people read it, e.g.
// `plan.xlsx: sheet "Actions", cell F14 ("Target Date")`.
func (l Loc) String() string {
	var b strings.Builder
	b.WriteString(l.File)
	if l.Sheet != "" {
		fmt.Fprintf(&b, ": sheet %q", l.Sheet)
	}
	switch {
	case l.Row > 0 && l.Col > 0:
		fmt.Fprintf(&b, ", cell %s%d", ColumnName(l.Col), l.Row)
	case l.Row > 0:
		fmt.Fprintf(&b, ", row %d", l.Row)
	case l.Col > 0:
		fmt.Fprintf(&b, ", column %s", ColumnName(l.Col))
	}
	if l.Header != "" {
		fmt.Fprintf(&b, " (%q)", l.Header)
	}
	return b.String()
}

// ColumnName turns a 1-based column number into letters: 1 → A, 28 → AB.
func ColumnName(n int) string {
	if n <= 0 {
		return "?"
	}
	var s []byte
	for n > 0 {
		n--
		s = append([]byte{byte('A' + n%26)}, s...)
		n /= 26
	}
	return string(s)
}

// Severity tells whether a problem stops the build.
type Severity int

// Severities.
const (
	Warning Severity = iota // reported; the build goes on
	Error                   // reported; the build stops with exit code 1
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Problem is one thing wrong with the input, with where it is.
type Problem struct {
	Severity Severity
	Loc      Loc
	Msg      string
}

func (p Problem) String() string {
	if p.Loc.File == "" {
		return p.Msg
	}
	return p.Loc.String() + ": " + p.Msg
}

// Problems collects every problem of a run, so that all of them are reported
// at once rather than only the first.
type Problems struct {
	List []Problem
}

// Errorf records an error at loc.
func (ps *Problems) Errorf(loc Loc, format string, a ...any) {
	ps.List = append(ps.List, Problem{Severity: Error, Loc: loc, Msg: fmt.Sprintf(format, a...)})
}

// Warnf records a warning at loc.
func (ps *Problems) Warnf(loc Loc, format string, a ...any) {
	ps.List = append(ps.List, Problem{Severity: Warning, Loc: loc, Msg: fmt.Sprintf(format, a...)})
}

// Add appends problems from another list.
func (ps *Problems) Add(other Problems) { ps.List = append(ps.List, other.List...) }

// Errors counts the errors.
func (ps *Problems) Errors() int { return ps.count(Error) }

// Warnings counts the warnings.
func (ps *Problems) Warnings() int { return ps.count(Warning) }

func (ps *Problems) count(s Severity) int {
	n := 0
	for _, p := range ps.List {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// Err returns an error listing every error, or nil when there is none.
func (ps *Problems) Err() error {
	if ps.Errors() == 0 {
		return nil
	}
	return &ProblemsError{Problems: ps.List}
}

// ProblemsError is returned when the input has errors. Its message lists
// each error on its own line.
type ProblemsError struct {
	Problems []Problem
}

func (e *ProblemsError) Error() string {
	var lines []string
	for _, p := range e.Problems {
		if p.Severity == Error {
			lines = append(lines, p.String())
		}
	}
	return strings.Join(lines, "\n")
}
