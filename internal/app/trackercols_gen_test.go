package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// trackerJob is the job a governance officer writes for a tracker kept on
// one sheet, with a RAG vocabulary and the briefing.
const trackerJob = `title = "Annual Governance Statement Action Plan 2024-25"
organisation = "Borsetshire District Council"
period = "Quarter 2 2024/25"
as_at = 2024-10-15

[plan]
workbook = "plan.xlsx"

[statuses.Green]
colour = "#C6EFCE"
[statuses.Amber]
colour = "#FFEB9C"
[statuses.Red]
colour = "#FFC7CE"

[[output]]
template = "briefing"
formats = ["pdf"]
`

// trackerLayouts are trackers that keep the original target beside the
// revised one, as councils do once a committee has agreed extensions.
func trackerLayouts() []councilLayout {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	return []councilLayout{
		{
			// "Original target" and "Revised target" side by side: the
			// original is the target the revision moves, never a column
			// left aside while the revision passes for the first target.
			name: "original-and-revised-targets",
			files: func(t testing.TB, dir string) {
				s := "AGS Tracker 2024-25"
				x := newXL(t, s)
				x.set(s, "A1", "Borsetshire District Council – AGS Action Tracker 2024/25")
				x.merge(s, "A1", "J1")
				x.row(s, 3, "Ref", "Governance Issue", "Action", "Responsible Officer", "Original target", "Revised target", "Date Agreed", "Agreed By", "RAG", "Latest Update")
				x.row(s, 4, "B1", "Procurement", "Refresh contract procedure rules", "Head of Legal", day(2024, 6, 30), day(2024, 9, 30), day(2024, 7, 10), "Audit Committee", "Green", "Draft rules at consultation")
				x.row(s, 5, "B2", "ICT", "Backup testing", "Head of ICT", "March 2025", "30 June 2025\n30 September 2025", "01/04/2025\n01/07/2025", "CMT\nAudit Committee", "Amber", "Awaiting supplier")
				x.row(s, 6, "B3", "ICT", "Disaster recovery plan", "Head of ICT", day(2025, 3, 31), "", "", "", "Green", "Started")
				x.save(filepath.Join(dir, "plan.xlsx"))
			},
			job: trackerJob,
			see: []string{
				`E   "Original target"                            → target`,
				`F   "Revised target"                             → revised_target`,
				`overdue actions              1 (B1)`,
			},
			papers: []string{
				"Revised: 30 September 2024 (was 30 June 2024; extension agreed 10 July 2024 by Audit Committee)",
				"Revised: 30 September 2025 (was 31 March 2025; extension agreed 1 July 2025 by Audit Committee)",
			},
		},
		{
			// A revised target in a row whose target is blank: which date
			// it revises is not known, so it is an error at the cell, not
			// read as the first target (and a second revision as the
			// first's extension).
			name: "revised-target-with-no-original",
			files: func(t testing.TB, dir string) {
				s := "Actions"
				x := newXL(t, s)
				x.row(s, 1, "Ref", "Action", "Lead", "Target Date", "Revised Target Date", "Status", "Progress")
				x.row(s, 2, "C1", "Refresh the risk register", "Head of Audit", day(2024, 12, 31), day(2025, 3, 31), "Amber", "Workshops held")
				x.row(s, 3, "C2", "Publish the counter-fraud policy", "Head of Audit", "", "30 June 2025\n30 September 2025", "Amber", "Drafted")
				x.save(filepath.Join(dir, "plan.xlsx"))
			},
			job:    trackerJob,
			errors: true,
			see: []string{
				`error: plan.xlsx: sheet "Actions", cell E3 ("Revised Target Date"): a revised target, "30 June 2025 30 September 2025", with no original target in the row`,
			},
			notSee: []string{`cell E2`},
		},
		{
			// % complete typed as fractions of 1 in cells with no
			// percentage format: the finished action's 1 is 100%, as the
			// column means, never 1%.
			name: "percent-as-fractions",
			files: func(t testing.TB, dir string) {
				s := "Actions"
				x := newXL(t, s)
				x.row(s, 1, "Ref", "Action", "Lead", "Target Date", "% Complete", "Status", "Progress")
				x.row(s, 2, "D1", "Budget monitoring", "CFO", day(2025, 3, 31), 0.25, "Amber", "Started")
				x.row(s, 3, "D2", "Reserves strategy", "CFO", day(2025, 3, 31), 1, "Green", "Agreed by Council")
				x.row(s, 4, "D3", "Treasury training", "CFO", day(2025, 3, 31), 0.5, "Amber", "Half the sessions held")
				x.save(filepath.Join(dir, "plan.xlsx"))
			},
			job: trackerJob,
			see: []string{
				`note: plan.xlsx: sheet "Actions", cell E3 ("% Complete"): percent complete 1 is read as 100%: the column writes fractions of 1 (as at E2)`,
			},
			notSee: []string{`read as 1%`},
			papers: []string{"Green\n        cell 6\n          100%\n"},
		},
		{
			// Whole percentages: 1 is 1%, but a council may have meant a
			// finished action, so check says so at the cell.
			name: "percent-whole-with-a-one",
			files: func(t testing.TB, dir string) {
				s := "Actions"
				x := newXL(t, s)
				x.row(s, 1, "Ref", "Action", "Lead", "Target Date", "% Complete", "Status", "Progress")
				x.row(s, 2, "D1", "Budget monitoring", "CFO", day(2025, 3, 31), 25, "Amber", "Started")
				x.row(s, 3, "D2", "Reserves strategy", "CFO", day(2025, 3, 31), 1, "Amber", "Scoping")
				x.row(s, 4, "D3") // a ref typed ahead of its action
				x.save(filepath.Join(dir, "plan.xlsx"))
			},
			job: trackerJob,
			see: []string{
				`warning: plan.xlsx: sheet "Actions", cell E3 ("% Complete"): percent complete 1 is read as 1%; if the action is complete, write 100%`,
				`row 4 not read: an action ref with nothing else in the row`,
			},
			papers: []string{"Amber\n        cell 6\n          1%\n"},
		},
		{
			// An officer asks for a "new target" earlier than the current
			// one (the year typed wrong): check says so at the return's
			// row, and lists the request as asked, for the committee.
			name: "request-before-current-target",
			files: func(t testing.TB, dir string) {
				x := newXL(t, "Actions")
				x.row("Actions", 1, "Ref", "Action", "Lead", "Target Date", "Status", "Progress")
				x.row("Actions", 2, "G1", "Wellbeing survey", "HR Manager", day(2024, 9, 30), "Amber", "Survey drafted")
				x.row("Actions", 3, "G2", "Pay policy", "HR Manager", day(2024, 9, 30), "Amber", "Drafted")
				x.save(filepath.Join(dir, "plan.xlsx"))
				r := newXL(t, "Return")
				r.row("Return", 1, "Action Ref", "Status", "Progress", "Requested new target", "Reason for extension")
				r.row("Return", 2, "G1", "Amber", "Survey out", day(2024, 8, 1), "Supplier late")
				r.row("Return", 3, "G2", "Amber", "To Council in January", day(2025, 1, 31), "Council date moved")
				r.save(filepath.Join(dir, "hr.xlsx"))
			},
			job: strings.Replace(trackerJob, "[statuses.Green]", `[[updates]]
period = "Quarter 2 2024/25"
workbooks = ["hr.xlsx"]

[statuses.Green]`, 1),
			see: []string{
				`warning: hr.xlsx: sheet "Return", cell A2 ("Action Ref"): action "G1": the new target asked for in the return for Quarter 2 2024/25, 1 August 2024, is not after its current target, 30 September 2024`,
				`G1 (HR Manager): 30 September 2024 → 1 August 2024 — "Supplier late"; not agreed yet`,
			},
			notSee: []string{`action "G2": the new target`},
		},
		{
			// Next year's job, as rollover writes it, gives no as-at date:
			// no action can be judged overdue, so the briefing counts none
			// as "0 of 2 overdue" and says why its overdue list is empty.
			name: "no-as-at-date",
			files: func(t testing.TB, dir string) {
				x := newXL(t, "Actions")
				x.row("Actions", 1, "Ref", "Action", "Lead", "Target Date", "Status", "Progress")
				x.row("Actions", 2, "H1", "Wellbeing survey", "HR Manager", day(2024, 9, 30), "Amber", "Survey drafted")
				x.row("Actions", 3, "H2", "Pay policy", "HR Manager", day(2024, 9, 30), "Green", "Drafted")
				x.save(filepath.Join(dir, "plan.xlsx"))
			},
			job: strings.Replace(trackerJob, "as_at = 2024-10-15\n", "", 1),
			papers: []string{
				"**All actions:** 1 of 2 green (50%); 1 of 2 amber (50%).",
				"No action is judged overdue: the job gives no as-at date (as_at) to judge targets against.",
			},
		},
		{
			// Priority marked by fill colour alone, with a key under the
			// table: check says at the cell that no priority is read; a
			// row highlighted across (ref and priority alike) is not a
			// priority and is not reported.
			name: "priority-by-colour-only",
			files: func(t testing.TB, dir string) {
				x := newXL(t, "Actions")
				x.row("Actions", 1, "Ref", "Action", "Lead", "Priority", "Target Date", "Status", "Progress")
				x.row("Actions", 2, "P1", "Wellbeing survey", "HR Manager", "", day(2025, 3, 31), "Amber", "Survey drafted")
				x.row("Actions", 3, "P2", "Pay policy", "HR Manager", "", day(2025, 3, 31), "Amber", "Drafted")
				x.row("Actions", 4, "P3", "Exit interviews", "HR Manager", "Low", day(2025, 3, 31), "Amber", "Started")
				x.row("Actions", 6, "Key: red = high priority")
				x.fill("Actions", "D2", "#FF0000")
				for _, c := range []string{"A3", "B3", "C3", "D3", "E3", "F3", "G3"} {
					x.fill("Actions", c, "#FFFF00")
				}
				x.save(filepath.Join(dir, "plan.xlsx"))
			},
			job: trackerJob,
			see: []string{
				`warning: plan.xlsx: sheet "Actions", cell D2 ("Priority"): the priority cell has no words, only a fill colour, #FF0000: agsreport reads a priority from words only`,
				`A6 "Key: red = high priority"`,
			},
			notSee: []string{`cell D3 ("Priority")`},
		},
		{
			// "Progress update" merged over Q1–Q4 in the row above the
			// header row, the other headings only in the lower row: the
			// group is a title and no column is the progress, which check
			// says at the cell, with the job line that reads one.
			name: "quarters-under-a-group-heading-above",
			files: func(t testing.TB, dir string) {
				s := "Action Plan"
				x := newXL(t, s)
				x.set(s, "A1", "Wessex Fire Authority – AGS Improvement Plan")
				x.merge(s, "A1", "I1")
				x.set(s, "E2", "Progress update")
				x.merge(s, "E2", "H2")
				x.row(s, 3, "Action Ref", "Action", "Lead Officer", "Target Date", "Q1", "Q2", "Q3", "Q4", "Status")
				x.row(s, 4, "F1", "Budget monitoring", "CFO", day(2025, 3, 31), "Started", "Half way", "", "", "Green")
				x.save(filepath.Join(dir, "plan.xlsx"))
			},
			job: trackerJob,
			see: []string{
				`warning: plan.xlsx: sheet "Action Plan", cell E2: "Progress update", over columns E to H, is above the header row (row 3), so it is read as a title: its columns are kept as extra columns ("Q1", "Q2", "Q3", "Q4") and none is read as the progress. Say which is with columns.progress = ["Q4"] in the job`,
			},
			notSee: []string{`cell A1:`},
		},
		{
			// "N/A" and a dash under Revised Target Date and % Complete say
			// there is none: the target is not revised (and is judged
			// overdue on the original), with a note quoting each cell.
			name: "not-applicable-revision-and-percent",
			files: func(t testing.TB, dir string) {
				x := newXL(t, "Actions")
				x.row("Actions", 1, "Ref", "Action", "Lead", "Target Date", "Revised Target Date", "% Complete", "Status", "Progress")
				x.row("Actions", 2, "N1", "Wellbeing survey", "HR Manager", day(2024, 9, 30), "N/A", "N/A", "Amber", "Survey drafted")
				x.row("Actions", 3, "N2", "Pay policy", "HR Manager", day(2024, 9, 30), "-", "–", "Amber", "Drafted")
				x.row("Actions", 4, "N3", "Exit interviews", "HR Manager", day(2024, 9, 30), day(2024, 12, 31), "50%", "Amber", "Started")
				x.save(filepath.Join(dir, "plan.xlsx"))
			},
			job: trackerJob,
			see: []string{
				`note: plan.xlsx: sheet "Actions", cell E2 ("Revised Target Date"): the revised target "N/A" is read as none: the target is not revised`,
				`note: plan.xlsx: sheet "Actions", cell F2 ("% Complete"): percent complete "N/A" is read as none given`,
				`note: plan.xlsx: sheet "Actions", cell E3 ("Revised Target Date"): the revised target "-" is read as none`,
				`note: plan.xlsx: sheet "Actions", cell F3 ("% Complete"): percent complete "–" is read as none given`,
				`overdue actions              2 (N1, N2)`,
			},
			notSee: []string{`Revised: N/A`, `Revised: -`},
			papers: []string{"Revised: 31 December 2024 (was 30 September 2024)"},
		},
		{
			// "Original target" beside "Current target": the current one is
			// the target overdue is judged on, a revision where it differs
			// and no revision where it is the same date.
			name: "original-and-current-targets",
			files: func(t testing.TB, dir string) {
				x := newXL(t, "Actions")
				x.row("Actions", 1, "Ref", "Action", "Lead", "Original Target", "Current Target", "Status", "Progress")
				x.row("Actions", 2, "C1", "Wellbeing survey", "HR Manager", day(2024, 9, 30), day(2025, 3, 31), "Amber", "Survey drafted")
				x.row("Actions", 3, "C2", "Pay policy", "HR Manager", day(2024, 9, 30), day(2024, 9, 30), "Amber", "Drafted")
				x.save(filepath.Join(dir, "plan.xlsx"))
			},
			job: trackerJob,
			see: []string{
				`E   "Current Target"                             → revised_target`,
				`note: plan.xlsx: sheet "Actions", cell E3 ("Current Target"): 30 September 2024 is the target itself, not a revision of it`,
				`overdue actions              1 (C2)`,
			},
			papers: []string{"Revised: 31 March 2025 (was 30 September 2024)"},
			notSee: []string{`(C1`},
		},
	}
}

func TestTrackerColumnLayouts(t *testing.T) {
	for _, l := range trackerLayouts() {
		t.Run(l.name, func(t *testing.T) { runCouncilLayout(t, l) })
	}
}
