// Package suggest finds what a person probably meant when they mistype a
// name agsreport knows: a command, a flag, a job or template key, a
// template field.
package suggest

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate nearest to word, ignoring case, or "" when
// none is near enough to be a likely slip: no edit for names of one or two
// letters (only a change of case), at most one up to four letters, two up to eight, three beyond. A candidate that starts
// with word (at least three letters of it) also counts, as in "temp" for
// "templates", and so does one that word starts with, as in "output" for
// the flag "o".
func Closest(word string, candidates []string) string {
	w := strings.ToLower(word)
	best, bestD := "", -1
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if lc == w {
			return c
		}
		d := distance(w, lc)
		if d > limit(w) {
			if utf8.RuneCountInString(w) >= 3 && (strings.HasPrefix(lc, w) || strings.HasPrefix(w, lc)) {
				d = limit(w)
			} else {
				continue
			}
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func limit(w string) int {
	switch n := utf8.RuneCountInString(w); {
	case n <= 2:
		return 0 // one letter off a two-letter name is anything
	case n <= 4:
		return 1
	case n <= 8:
		return 2
	}
	return 3
}

// distance is the optimal string alignment distance between a and b: the
// edits (insert, delete, substitute, swap two neighbours) that turn one
// into the other.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range rb {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// Message returns "did you mean X? " for the closest candidate, or "".
// With a non-empty noun it goes on to list every candidate, sorted:
// "(keys of [[output]]: file, formats, issues)".
func Message(word string, candidates []string, noun string) string {
	var b strings.Builder
	if c := Closest(word, candidates); c != "" {
		b.WriteString("did you mean \"" + c + "\"? ")
	}
	if noun != "" && len(candidates) > 0 {
		sorted := append([]string(nil), candidates...)
		sort.Strings(sorted)
		b.WriteString("(" + noun + ": " + strings.Join(sorted, ", ") + ")")
	}
	return strings.TrimSpace(b.String())
}
