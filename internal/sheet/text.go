package sheet

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// cleanText normalises a cell's text: line breaks become "\n" (Excel's
// "_x000D_" escape included), spaces at the end of each line and blank lines
// at the start and end go, and a one-line value loses its leading spaces
// too. Blank lines between paragraphs and bullet lines are kept as written.
func cleanText(s string) string {
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s, "\r_") {
		s = strings.ReplaceAll(s, "_x000D_", "")
		s = strings.ReplaceAll(s, "_x000d_", "")
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if !strings.Contains(s, "\n") {
		return strings.TrimSpace(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\u00a0")
	}
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 1 {
		return strings.TrimSpace(lines[0])
	}
	return strings.Join(lines, "\n")
}

// parseNumber reads a stored number such as "43190" or "1.5E+2".
func parseNumber(s string) (float64, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// numberText writes a stored number plainly: "1", not "1.0" or "1E+00".
func numberText(raw string) (string, bool) {
	f, ok := parseNumber(strings.TrimSpace(raw))
	if !ok {
		return "", false
	}
	return strconv.FormatFloat(f, 'f', -1, 64), true
}

func atoiStrict(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return -1
	}
	return n
}

func timeMonth(m int) time.Month { return time.Month(m) }

// refSep splits a list of report references: "R1, R5, R7", "R1; R5",
// one per line.
var refSep = regexp.MustCompile(`\s*[,;\n]\s*`)

// splitRefs splits a cell of report references into its items.
func splitRefs(s string) []string {
	var out []string
	for _, p := range refSep.Split(s, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// leadingNumber matches a recommendation written with its number in front:
// "1 For existing…", "2. Review…", "3) …".
var leadingNumber = regexp.MustCompile(`^(\d{1,3})(?:[.):]|\s)\s*(\S[\s\S]*)$`)

// splitNumbered returns the leading number of a text and the text after it,
// or "" and the text unchanged.
func splitNumbered(s string) (number, text string) {
	m := leadingNumber.FindStringSubmatch(s)
	if m == nil {
		return "", s
	}
	return m[1], m[2]
}
