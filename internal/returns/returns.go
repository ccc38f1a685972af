// Package returns writes the progress-return workbooks a governance officer
// sends to lead officers each quarter: one workbook per officer, listing
// their open actions with the last status and update, and two columns to
// fill in — the new status (a drop-down of the council's vocabulary) and the
// new progress text. The columns officers must not change are protected.
//
// The workbooks carry a hidden marker sheet, so that when they come back the
// reader (package sheet) recognises agsreport's own return layout and needs
// no column mapping. The layout — sheet names, marker keys, header row,
// column headings — is defined once, in layout.go, for both sides.
package returns

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/form"
	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/safefs"
)

// Options say which period the returns collect, for which plan.
type Options struct {
	Period string // the period officers report on
	Title  string // the plan's title
	Org    string
	Due    string // optional: when the returns are due, in words
	Date   time.Time
}

// Return is one officer's return: the file and its actions.
type Return struct {
	Officer string
	File    string // the file name, safe on every file system
	Actions []*plan.Action
}

// Plan groups the plan's open actions by lead officer, in the order the
// officers first appear in the plan. An action is open when its status as
// at the period before opts.Period is not closed. An action with no lead
// goes to its issue's lead, or else under "No lead officer".
func Plan(p *plan.Plan, period string) []Return {
	var out []Return
	index := map[string]int{}
	for _, a := range p.Actions() {
		status := lastState(p, a, period).Status
		if p.Statuses != nil && p.Statuses.Closed(status) {
			continue
		}
		officer := strings.TrimSpace(a.Lead)
		if is := p.Issue(a.Issue); officer == "" && is != nil {
			officer = strings.TrimSpace(is.Lead) // the issue's lead answers for it
		}
		if officer == "" {
			officer = "No lead officer"
		}
		k := plan.Key(officer)
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, Return{Officer: officer})
		}
		out[i].Actions = append(out[i].Actions, a)
	}
	used := map[string]int{}
	for i := range out {
		name := "Progress return - " + SafeName(out[i].Officer) + " - " + SafeName(period)
		key := strings.ToLower(name)
		used[key]++
		if used[key] > 1 {
			name += fmt.Sprintf(" (%d)", used[key])
		}
		out[i].File = name + ".xlsx"
	}
	return out
}

// lastState is the action's state before the period: as at the period
// before it, or, for the first period or one not read yet, the latest
// known (the plan's own values when nothing is).
func lastState(p *plan.Plan, a *plan.Action, period string) plan.State {
	idx := -1
	for i, x := range p.Periods {
		if x == period {
			idx = i
		}
	}
	switch {
	case idx > 0:
		return p.StateOf(a, p.Periods[idx-1])
	case idx == 0:
		return plan.State{Status: a.PlanStatus, Progress: a.PlanProgress}
	}
	return p.StateOf(a, p.Current) // a period not read yet: the latest known
}

// lastUpdate is the last progress text as the form shows it, under a line
// naming the period it was given in, so that an officer sees how old it
// is.
func lastUpdate(st plan.State) string {
	switch {
	case st.Progress == "":
		return ""
	case st.ProgressFrom == "":
		return "As recorded in the plan:\n" + st.Progress
	}
	return st.ProgressFrom + ":\n" + st.Progress
}

// SafeName turns an officer's name into a file name part that every file
// system accepts: no path separators or reserved characters, no control
// characters or characters that change the direction of text, no leading
// or trailing dots or spaces, at most 60 characters and 100 bytes (so that
// a return's whole name stays within safefs.MaxName).
func SafeName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case safefs.Bidi(r) || r == utf8.RuneError:
			continue
		case unicode.IsSpace(r):
			r = ' '
		case strings.ContainsRune(`<>:"/\|?*`, r) || unicode.IsControl(r):
			r = '-'
		}
		if r == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteRune(r)
	}
	out := strings.Trim(b.String(), " .-")
	for utf8.RuneCountInString(out) > 60 || len(out) > 100 {
		_, size := utf8.DecodeLastRuneInString(out)
		out = out[:len(out)-size]
	}
	out = strings.Trim(out, " .")
	if out == "" {
		out = "officer"
	}
	if safefs.Reserved(out) { // a name Windows keeps for a device
		out = "_" + out
	}
	return out
}

// Workbook returns one officer's return workbook as .xlsx bytes.
func Workbook(r Return, p *plan.Plan, opts Options) ([]byte, error) {
	data, err := workbook(r, p, opts)
	if err != nil {
		return nil, fmt.Errorf("the return for %s: %w", r.Officer, err)
	}
	return data, nil
}

func workbook(r Return, p *plan.Plan, opts Options) ([]byte, error) {
	const sh = Sheet
	cols := Columns(opts.Period)
	widths := Widths[:]
	f, st, err := form.New(sh, widths)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	last, _ := excelize.ColumnNumberToName(len(cols))
	set := func(cell string, v string, style int) error { return form.Set(f, sh, cell, v, style) }
	title := form.Title(opts.Org, opts.Title)
	lines := []form.Line{
		{Text: title, Style: st.Title},
		{Text: "Progress return from " + r.Officer + " for " + opts.Period, Style: st.Subtitle},
		{Text: "For each action, choose the new status from the list in the “" + ColNewStatus + "” column and write your progress update beside it. " +
			"Blank lines start new paragraphs; a line starting with “• ” or “- ” is a bullet. " +
			"If an action needs more time, give the date you ask for under “" + ColRequested + "” and say why under “" + ColReason + "”.", Style: st.Note},
		{Text: "Please do not change the grey columns, the action references or the sheet's layout: the governance team reads this workbook back as it is." + due(opts.Due), Style: st.Note},
	}
	if err := form.Lines(f, sh, last, lines); err != nil {
		return nil, err
	}
	for row, h := range map[int]float64{1: 22, 2: 18, 3: 30, 4: 30} {
		if err := f.SetRowHeight(sh, row, h); err != nil {
			return nil, err
		}
	}
	hr := HeaderRow
	if err := form.Headers(f, sh, hr, cols, Inputs, st); err != nil {
		return nil, err
	}
	for i, a := range r.Actions {
		row := hr + 1 + i
		last := lastState(p, a, opts.Period)
		status, progress := last.Status, lastUpdate(last)
		issue := a.Issue
		if is := p.Issue(a.Issue); is != nil && is.Title != "" {
			issue = is.Title
		}
		values := []string{a.Ref, issue, a.Description, a.Target.Text, status, progress, "", "", "", ""}
		for c, v := range values {
			cell, _ := excelize.CoordinatesToCellName(c+1, row)
			style := st.Locked
			if c >= len(values)-Inputs {
				style = st.Input
			}
			if err := set(cell, v, style); err != nil {
				return nil, err
			}
		}
		if err := f.SetRowHeight(sh, row, form.RowHeight(values, widths)); err != nil {
			return nil, err
		}
	}
	if err := writeMarker(f, r.Officer, opts.Period); err != nil {
		return nil, err
	}
	n := len(r.Actions)
	if n > 0 {
		if err := statusList(f, p, hr+1, hr+n, StatusColumn); err != nil {
			return nil, err
		}
	}
	return form.Finish(f, form.Page{
		Sheet: sh, HeaderRow: hr,
		Header: "&L" + escapeHF(opts.Org) + "&R" + escapeHF("Progress return — "+opts.Period),
		Footer: "&L" + escapeHF(r.Officer) + "&CPage &P of &N",
	}, excelize.DocProperties{Title: "Progress return — " + opts.Period, Subject: opts.Title, Description: "Progress return for " + r.Officer}, opts.Date)
}

func due(s string) string {
	if s == "" {
		return ""
	}
	return " Please return it by " + s + "."
}

func escapeHF(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// statusList offers the vocabulary as a drop-down on the new-status column.
// The names live on the hidden marker sheet and the list refers to them, so
// names with commas or leading "=" stay plain text.
func statusList(f *excelize.File, p *plan.Plan, top, bottom, col int) error {
	names := p.Statuses.Names()
	if len(names) == 0 {
		return nil
	}
	c, _ := excelize.ColumnNumberToName(col)
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s%d:%s%d", c, top, c, bottom))
	dv.SetSqrefDropList(fmt.Sprintf("'%s'!$B$%d:$B$%d", MarkerSheet, markerStatusRow, markerStatusRow+len(names)-1))
	dv.SetError(excelize.DataValidationErrorStyleStop, "Status", "Choose a status from the list.")
	if err := f.AddDataValidation(Sheet, dv); err != nil {
		return err
	}
	for i, n := range names {
		if err := f.SetCellStr(MarkerSheet, fmt.Sprintf("B%d", markerStatusRow+i), n); err != nil {
			return err
		}
	}
	return nil
}

// markerStatusRow is where the status names start on the marker sheet.
const markerStatusRow = 10

// writeMarker adds the hidden sheet that tells the reader this is an
// agsreport return, with its period and officer.
func writeMarker(f *excelize.File, officer, period string) error {
	return form.WriteMarker(f, MarkerSheet, [][2]string{
		{MarkerKey, Marker},
		{PeriodKey, period},
		{OfficerKey, officer},
		{"statuses", "(below, from B10)"},
	})
}
