package main

import "strings"

// The Amey Lessons Learned action plan kept the way the council keeps its
// Appendix 1 (B) as a workbook, rather than as the tidy tables of
// cumbria-2017-18: the governance issue in a title row, the strategic
// outcomes as bands across the table, the action refs at the start of the
// action text (there is no ref column), the recommendation and its report
// refs merged down over their actions, a key to the statuses under the
// table, and last year's plan kept on a hidden sheet. The words are those
// of cumbria.go.

const keptPlan = "appendix-as-kept/plan.xlsx"

// keptKey is the key to the statuses, written under the table as the
// council's paper has it.
const keptKey = "Key: COMPLETE – the action is finished; ON TARGET – on course for its target date; " +
	"ONGOING – continuing work with no end date; BEHIND TARGET – will miss its target date"

// The columns of the kept appendix.
const (
	keptRec = iota
	keptRefs
	keptAction
	keptLead
	keptTarget
	keptResources
	keptStatus
	keptProgress
)

func keptBook() book {
	t := table{
		Sheet: "Appendix 1 (B)",
		Title: "Appendix 1 (B) – Annual Governance Statement Action Plan 2017-18: progress to February 2018",
		Above: []string{
			"Governance Issue: Amey Lessons Learned",
			"Lead Manager: " + cumbriaIssues[1].Lead,
			"Description: " + cumbriaIssues[1].Description,
		},
		Columns: []column{
			{"Recommendation", 30}, {"Report Refs", 9}, {"Action", 40}, {"Lead", 14}, {"Target Date", 14},
			{"Resources", 18}, {"Status", 11}, {"Progress", 60},
		},
		StatusColumn: keptStatus,
		Bands:        map[int]bool{},
	}
	for _, o := range ameyOutcomes {
		t.Bands[len(t.Rows)] = true
		t.Rows = append(t.Rows, []string{"Strategic Outcome " + o.No + ": " + o.Text})
		for _, r := range o.Recs {
			for i, a := range r.Actions {
				row := make([]string, keptProgress+1)
				row[keptRec], row[keptRefs] = r.No+". "+r.Text, r.Refs
				if i > 0 {
					row[keptRec], row[keptRefs] = ditto, ditto
				}
				row[keptAction] = a.Ref + " " + a.Text
				row[keptLead], row[keptTarget], row[keptResources] = a.Lead, a.Target, a.Resources
				row[keptStatus], row[keptProgress] = a.Status, a.Progress
				t.Rows = append(t.Rows, row)
			}
		}
	}
	t.Rows = append(t.Rows, nil)
	t.Bands[len(t.Rows)] = true
	t.Rows = append(t.Rows, []string{keptKey})

	// Last year's plan, hidden: agsreport never reads it unless the job
	// names it.
	archive := table{
		Sheet:        "2016-17 (archived)",
		Title:        "Annual Governance Statement Action Plan 2016-17 (closed)",
		Columns:      []column{{"Action", 40}, {"Lead", 14}, {"Status", 11}},
		StatusColumn: 2,
		Hidden:       true,
		Rows: [][]string{
			{"1(i) " + strings.TrimSpace("Review of the Constitution"), "Monitoring Officer", "COMPLETE"},
		},
	}
	return book{Path: keptPlan, Title: "Appendix 1 (B) – Amey Lessons Learned", Tables: []table{t, archive}}
}
