package main

import (
	"fmt"
	"strings"
	"time"
)

// The quarterly-cycle example (examples/cumbria-quarterly): the Cumbria plan
// with its real February 2018 return, plus an earlier (December 2017) and a
// later (March 2018) return for the Amey actions. The December and March
// returns are INVENTED for illustration: they exist to show how agsreport
// follows an action plan across quarters (better, worse, completed, no
// return, overdue), not what happened at the council.

const (
	cyclePlan     = "cumbria-quarterly/plan.xlsx"
	cycleDecember = "cumbria-quarterly/updates/2017-12/amey.xlsx"
	cycleMarch    = "cumbria-quarterly/updates/2018-03/amey.xlsx"
)

// cycleChange is an invented update: a status and a line of progress. An
// empty Status means the officer sent no update for the action.
type cycleChange struct{ Status, Progress string }

// decemberChanges are the invented December 2017 positions that differ from
// "the same status as February, with an earlier-stage update".
var decemberChanges = map[string]cycleChange{
	"1(i)":  {"ON TARGET", "Guidance and Procedure note issued to Corporate Directors; significant contracts are being identified."},
	"1(ii)": {"ON TARGET", "Tender for the corporate contract management system evaluated; award expected in January."},
	"2(i)":  {"ON TARGET", "Sign-off process drafted for inclusion in the Contract Procedure Rules."},
	"3(i)":  {"ONGOING", "Directorate contract reviews under way."},
	"3(ii)": {"ON TARGET", "Corporate Governance Training programme being refreshed."},
	"4(i)":  {"BEHIND TARGET", "First quarterly reviews delayed while significant contracts are confirmed."},
	"6(i)":  {"ON TARGET", "Draft amendments to the Contract Procedure Rules prepared for Council in January."},
	"6(ii)": {"ON TARGET", "Proposals to go to the Constitution Review Group."},
	"8(i)":  {"COMPLETE", "Officer Decision Record process agreed by CMT on 30 August 2017 and in use."},
	"5(ii)": {"ON TARGET", "Draft Speak Up Policy reviewed by CMT on 29 November 2017."},
}

// marchChanges are the invented March 2018 positions; every other Amey
// action keeps its February status and its officer sends the February text
// again (nothing new to say), except those listed in marchMissing, which
// sent no return.
var marchChanges = map[string]cycleChange{
	"1(iv)":  {"ON TARGET", "Summary Annual Report drafted for CMT on 30 May 2018."},
	"1(v)":   {"COMPLETE", "Zurich Municipal's draft report received and considered by CMT; roll-out of its recommendations agreed."},
	"3(iii)": {"COMPLETE", "All Contract Management workshops delivered by 31 March; highways sessions booked for April."},
	"4(ii)":  {"COMPLETE", "Risk management training delivered on 19, 22, 23 and 27 March."},
	"4(iii)": {"BEHIND TARGET", "Member risk management training on 28 March postponed; a new date in May is being arranged."},
	"5(ii)":  {"BEHIND TARGET", "Discussion with Trade Unions moved from 12 March to late April, so the policy will reach Audit and Assurance Committee later than planned."},
	"7(iii)": {"ON TARGET", "DMT review of audit action plans now a standing item in every directorate."},
}

var marchMissing = map[string]bool{"11(i)": true, "12(ii)": true}

// extensionRequest is a new target an officer asks for in a return, with
// the reason.
type extensionRequest struct {
	Y      int
	M      time.Month
	D      int
	Reason string
}

// marchRequests are the invented requests for a new target in the March
// 2018 return: the job agrees 4(iii)'s ([[extensions]] in
// cumbria-quarterly/report.toml); 5(ii)'s waits for the committee.
var marchRequests = map[string]extensionRequest{
	"4(iii)": {2018, time.May, 31, "Member training of 28 March postponed; Zurich can deliver it in May"},
	"5(ii)":  {2018, time.June, 30, "Trade Union discussion moved to late April; the policy then goes to Audit and Assurance Committee"},
}

// marchProspect is the invented overall prospect of the Amey issue at the
// end of March 2018, consistent with the March positions above.
const marchProspect = "Illustrative update: at the end of March 2018 most of the Amey Lessons Learned Action Plan was complete or on target. " +
	"Two actions are behind target — 4(iii), member risk management training, and 5(ii), the Speak Up Policy — and both are overdue; " +
	"no March update was received for 11(i) and 12(ii)."

// cycleReturn is one invented return as a table. An action with no
// change is returned with defaultText, or, when that is "", with its
// February status and text again. Requests add the two columns in which
// an officer asks for a new target.
func cycleReturn(title string, changes map[string]cycleChange, missing map[string]bool, defaultText string, requests map[string]extensionRequest) table {
	t := table{
		Sheet:        "Return",
		Title:        title,
		Columns:      []column{{"Action Ref", 10}, {"Status", 13}, {"Progress Update", 90}},
		StatusColumn: 1,
	}
	if len(requests) > 0 {
		t.Columns = append(t.Columns, column{"Requested new target", 14}, column{"Reason for extension", 30})
		t.Typed = map[[2]int]typed{}
	}
	for _, a := range ameyActions() {
		if missing[a.Ref] {
			continue
		}
		row := []string{a.Ref, strings.TrimSpace(a.Status), a.Progress}
		if c, ok := changes[a.Ref]; ok {
			row[1], row[2] = c.Status, "Illustrative update: "+c.Progress
		} else if defaultText != "" {
			row[2] = "Illustrative update: " + defaultText
		}
		if rq, ok := requests[a.Ref]; ok {
			t.Typed[[2]int{len(t.Rows), 3}] = typed{serial(rq.Y, rq.M, rq.D), dateFormat}
			row = append(row, fmt.Sprintf("%d %s %d", rq.D, rq.M, rq.Y), rq.Reason)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// dateFormat shows a date cell as "31 May 2018".
const dateFormat = "d mmmm yyyy"

// The quarterly tracker: the plan as the governance officer keeps it
// through the year, with the columns committees ask about beside the
// agreed actions. Every word of the plan is cumbria.go's; the priorities,
// the revised target and the percentages are INVENTED for illustration.

// ameyPriorities are the invented priorities of the Amey actions, as the
// Corporate Governance Group set them when the plan was agreed.
var ameyPriorities = map[string]string{
	"1(i)": "High", "1(ii)": "High", "1(iii)": "High", "1(iv)": "Medium", "1(v)": "Medium",
	"2(i)": "High", "2(ii)": "Medium",
	"3(i)": "Medium", "3(ii)": "Medium", "3(iii)": "Medium",
	"4(i)": "High", "4(ii)": "Medium", "4(iii)": "Medium",
	"5(i)": "Medium", "5(ii)": "High",
	"6(i)": "High", "6(ii)": "Medium",
	"7(i)": "Low", "7(ii)": "Low", "7(iii)": "Medium",
	"8(i)": "Low", "9(i)": "Medium", "10(i)": "High", "11(i)": "High", "12(i)": "Medium", "12(ii)": "Low",
}

// trackerRevision is a target the committee revised before March: 4(i)'s
// quarterly contract reviews, behind target in December, moved from 31
// January to 31 March 2018.
var trackerRevision = struct {
	Ref              string
	Target, Agreed   [3]int
	TargetText, When string
	By               string
}{"4(i)", [3]int{2018, 3, 31}, [3]int{2018, 1, 25}, "31 March 2018", "25 January 2018", "Audit and Assurance Committee"}

// trackerPercent is the % Complete the governance officer keeps for the
// actions with a date to meet, as at the March returns, typed as people
// type them: "100%" and "60%" typed into Excel are stored as 1 and 0.6
// with a percentage format; 60 typed without the sign is the number 60;
// "50%" typed into a cell formatted as text stays text; 0.85 pasted from
// a calculation is a plain number.
var trackerPercent = map[string]typed{
	"1(iv)":  {60, ""},
	"4(iii)": {-1, "50%"}, // text
	"5(ii)":  {0.85, ""},
	"1(ii)":  {1, "0%"}, "1(i)": {1, "0%"}, "1(v)": {1, "0%"}, "2(i)": {1, "0%"}, "3(i)": {1, "0%"},
	"3(ii)": {1, "0%"}, "3(iii)": {1, "0%"}, "4(i)": {1, "0%"}, "4(ii)": {1, "0%"},
	"6(i)": {1, "0%"}, "6(ii)": {1, "0%"}, "8(i)": {1, "0%"},
}

// marchStatus is an Amey action's status after the March returns, as the
// tracker holds it.
func marchStatus(a action) string {
	if c, ok := marchChanges[a.Ref]; ok {
		return c.Status
	}
	return strings.TrimSpace(a.Status)
}

// trackerTable is the plan's Actions sheet with the tracker's columns:
// the revised target with when and by whom it was agreed, the priority,
// and % Complete; statuses as at the March returns.
func trackerTable() table {
	base := actionsTable()
	t := base
	t.Title = cumbriaTitle + ": action tracker"
	// Where each column of the tracker comes from: a column of the plan's
	// Actions sheet, or -1 for a tracker column.
	from := []int{colIssue, colOutcome, colRecNo, colRec, colRefs, colLead, colTarget, -1, -1, -1, colRef, -1, colAction, colResources, colStatus, -1}
	t.Columns = []column{
		{"Issue Ref", 7}, {"Outcome No", 8}, {"Rec No", 6}, {"Recommendation", 32}, {"Report Refs", 10},
		{"Lead", 16}, {"Target Date", 15}, {"Revised Target Date", 12}, {"Extension Agreed", 12}, {"Agreed By", 14},
		{"Action Ref", 8}, {"Priority", 8}, {"Action", 40}, {"Resources", 20}, {"Status", 12}, {"% Complete", 9},
	}
	const revised, agreed, by, priority, status, percent = 7, 8, 9, 11, 14, 15
	t.StatusColumn = status
	t.Typed = map[[2]int]typed{}
	amey := map[string]action{}
	for _, a := range ameyActions() {
		amey[a.Ref] = a
	}
	t.Rows = nil
	for r, old := range base.Rows {
		row := make([]string, len(t.Columns))
		for c, f := range from {
			if f >= 0 && f < len(old) {
				row[c] = old[f]
			}
		}
		ref := old[colRef]
		a, isAmey := amey[ref]
		if isAmey {
			row[priority] = ameyPriorities[ref]
			row[status] = marchStatus(a)
		}
		if ref == trackerRevision.Ref {
			v := trackerRevision
			row[revised], row[agreed], row[by] = v.TargetText, v.When, v.By
			t.Typed[[2]int{r, revised}] = typed{serial(v.Target[0], time.Month(v.Target[1]), v.Target[2]), dateFormat}
			t.Typed[[2]int{r, agreed}] = typed{serial(v.Agreed[0], time.Month(v.Agreed[1]), v.Agreed[2]), dateFormat}
		}
		if p, ok := trackerPercent[ref]; ok {
			switch {
			case p.Value < 0:
				row[percent] = p.Format
			case p.Format == "0%":
				row[percent] = fmt.Sprintf("%g%%", p.Value*100)
				t.Typed[[2]int{r, percent}] = p
			default:
				row[percent] = fmt.Sprintf("%g", p.Value)
				t.Typed[[2]int{r, percent}] = p
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func cycleBooks() []book {
	const note = " – ILLUSTRATIVE progress return (invented for the agsreport example)"
	return []book{
		{Path: cyclePlan, Title: cumbriaTitle + " – action tracker (priorities, revised target and % complete ILLUSTRATIVE)",
			Tables: []table{issuesTable(), outcomesTable(), trackerTable()}},
		{Path: cycleDecember, Title: cumbriaTitle + note + ", December 2017", Tables: []table{
			cycleReturn(cumbriaIssues[1].Title+" – progress update to December 2017 (illustrative)", decemberChanges, nil,
				"Work is progressing in line with the action plan.", nil),
		}},
		{Path: cycleMarch, Title: cumbriaTitle + note + ", March 2018", Tables: []table{
			cycleReturn(cumbriaIssues[1].Title+" – progress update to March 2018 (illustrative)", marchChanges, marchMissing,
				"", marchRequests),
			narrativeTable(cumbriaIssues[1].Title+" – overall prospect, March 2018 (illustrative)", cumbriaIssues[1].Ref, marchProspect),
		}},
	}
}
