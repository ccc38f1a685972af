package main

import "strings"

// The quarterly-cycle example (examples/cumbria-quarterly): the Cumbria plan
// with its real February 2018 return, plus an earlier (December 2017) and a
// later (March 2018) return for the Amey actions. The December and March
// returns are INVENTED for illustration: they exist to show how agsreport
// follows an action plan across quarters (better, worse, completed, no
// return, overdue), not what happened at the council.

const (
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
// action keeps its February status with a short "no change" update, except
// those listed in marchMissing, which sent no return.
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

// marchProspect is the invented overall prospect of the Amey issue at the
// end of March 2018, consistent with the March positions above.
const marchProspect = "Illustrative update: at the end of March 2018 most of the Amey Lessons Learned Action Plan was complete or on target. " +
	"Two actions are behind target — 4(iii), member risk management training, and 5(ii), the Speak Up Policy — and both are overdue; " +
	"no March update was received for 11(i) and 12(ii)."

// cycleReturn is one invented return as a table.
func cycleReturn(title string, changes map[string]cycleChange, missing map[string]bool, defaultText string) table {
	t := table{
		Sheet:        "Return",
		Title:        title,
		Columns:      []column{{"Action Ref", 10}, {"Status", 13}, {"Progress Update", 90}},
		StatusColumn: 1,
	}
	for _, a := range ameyActions() {
		if missing[a.Ref] {
			continue
		}
		c, ok := changes[a.Ref]
		if !ok {
			c = cycleChange{Status: strings.TrimSpace(a.Status), Progress: defaultText}
		}
		t.Rows = append(t.Rows, []string{a.Ref, c.Status, "Illustrative update: " + c.Progress})
	}
	return t
}

func cycleBooks() []book {
	const note = " – ILLUSTRATIVE progress return (invented for the agsreport example)"
	return []book{
		{Path: cycleDecember, Title: cumbriaTitle + note + ", December 2017", Tables: []table{
			cycleReturn(cumbriaIssues[1].Title+" – progress update to December 2017 (illustrative)", decemberChanges, nil,
				"Work is progressing in line with the action plan."),
		}},
		{Path: cycleMarch, Title: cumbriaTitle + note + ", March 2018", Tables: []table{
			cycleReturn(cumbriaIssues[1].Title+" – progress update to March 2018 (illustrative)", marchChanges, marchMissing,
				"No change since the February update."),
			narrativeTable(cumbriaIssues[1].Title+" – overall prospect, March 2018 (illustrative)", cumbriaIssues[1].Ref, marchProspect),
		}},
	}
}
