package main

// The example workbooks and their layouts (see examples/README.md). All the
// words are in cumbria.go and cmt.go.

const (
	cumbriaPlan     = "cumbria-2017-18/plan.xlsx"
	cumbriaJanuary  = "cumbria-2017-18/updates/2018-01/childrens-services.xlsx"
	cumbriaFebruary = "cumbria-2017-18/updates/2018-02/amey.xlsx"
	cmtPlan         = "cmt-2014/plan.xlsx"
)

const cumbriaTitle = "Cumbria County Council – Annual Governance Statement Action Plan 2017-18"

// books lists every example workbook, in the order they are written.
func books() []book {
	return append([]book{
		{Path: cumbriaPlan, Title: cumbriaTitle, Tables: []table{issuesTable(), outcomesTable(), actionsTable()}},
		{Path: cumbriaJanuary, Title: cumbriaTitle + " – progress return, January 2018", Tables: []table{
			returnTable(cumbriaIssues[0].Title+" – progress update to January 2018", childrensActions),
			narrativeTable(cumbriaIssues[0].Title+" – overall prospect, January 2018", cumbriaIssues[0].Ref, cumbriaIssues[0].Prospect),
		}},
		{Path: cumbriaFebruary, Title: cumbriaTitle + " – progress return, February 2018", Tables: []table{
			returnTable(cumbriaIssues[1].Title+" – progress update to February 2018", ameyActions()),
			narrativeTable(cumbriaIssues[1].Title+" – overall prospect, February 2018", cumbriaIssues[1].Ref, cumbriaIssues[1].Prospect),
		}},
		{Path: cmtPlan, Title: "Draft Annual Governance Action Plan 2014/15", Tables: []table{cmtTable()}},
	}, append(cycleBooks(), keptBook())...)
}

func issuesTable() table {
	t := table{
		Sheet: "Issues",
		Title: cumbriaTitle + ": governance issues",
		Columns: []column{
			{"Issue Ref", 9}, {"Governance Issue", 22}, {"Description", 64}, {"Target Date", 13},
			{"Overall Prospect", 64}, {"Lead Manager", 20}, {"Specific Measurable Actions", 16},
		},
		StatusColumn: -1,
	}
	for _, is := range cumbriaIssues {
		t.Rows = append(t.Rows, []string{is.Ref, is.Title, is.Description, is.Target, is.Prospect, is.Lead, is.Measures})
	}
	return t
}

func outcomesTable() table {
	t := table{
		Sheet:        "Outcomes",
		Title:        cumbriaTitle + ": strategic outcomes",
		Columns:      []column{{"Issue Ref", 9}, {"Outcome No", 10}, {"Strategic Outcome", 100}},
		StatusColumn: -1,
	}
	for i, o := range ameyOutcomes {
		ref := "AMEY"
		if i > 0 {
			ref = ditto
		}
		t.Rows = append(t.Rows, []string{ref, o.No, o.Text})
	}
	return t
}

// The columns of the Actions sheet, in order.
const (
	colIssue = iota
	colOutcome
	colRecNo
	colRec
	colRefs
	colLead
	colTarget
	colRef
	colAction
	colResources
	colStatus
)

func actionsTable() table {
	t := table{
		Sheet: "Actions",
		Title: cumbriaTitle + ": agreed actions",
		Columns: []column{
			{"Issue Ref", 7}, {"Outcome No", 8}, {"Rec No", 6}, {"Recommendation", 32}, {"Report Refs", 10},
			{"Lead", 16}, {"Target Date", 15}, {"Action Ref", 8}, {"Action", 40}, {"Resources", 20}, {"Status", 12},
		},
		StatusColumn: colStatus,
	}
	for i, a := range childrensActions {
		row := make([]string, colStatus+1)
		row[colIssue] = "CSLG"
		if i > 0 {
			row[colIssue] = ditto
		}
		row[colRef], row[colAction] = a.Ref, a.Text
		t.Rows = append(t.Rows, row)
	}
	first := true
	for _, o := range ameyOutcomes {
		firstInOutcome := true
		for _, r := range o.Recs {
			for i, a := range r.Actions {
				row := []string{"AMEY", o.No, r.No, r.Text, r.Refs, a.Lead, a.Target, a.Ref, a.Text, a.Resources, a.Status}
				if !first {
					row[colIssue] = ditto
				}
				if !firstInOutcome {
					row[colOutcome] = ditto
				}
				if i > 0 {
					row[colRecNo], row[colRec], row[colRefs] = ditto, ditto, ditto
				}
				t.Rows = append(t.Rows, row)
				first, firstInOutcome = false, false
			}
		}
	}
	return t
}

// ameyActions lists the Amey actions in plan order.
func ameyActions() []action {
	var out []action
	for _, o := range ameyOutcomes {
		for _, r := range o.Recs {
			out = append(out, r.Actions...)
		}
	}
	return out
}

// returnTable is a lead officer's progress return: one row per action.
func returnTable(title string, actions []action) table {
	t := table{
		Sheet:        "Return",
		Title:        title,
		Columns:      []column{{"Action Ref", 10}, {"Status", 13}, {"Progress Update", 90}},
		StatusColumn: 1,
	}
	for _, a := range actions {
		t.Rows = append(t.Rows, []string{a.Ref, a.Status, a.Progress})
	}
	return t
}

// narrativeTable is the issue narrative a return brings for its period: the
// governance issue's overall prospect as its lead manager writes it that
// quarter, on a sheet named like the plan's issues table.
func narrativeTable(title, ref, prospect string) table {
	return table{
		Sheet:        "Issues",
		Title:        title,
		Columns:      []column{{"Issue Ref", 10}, {"Overall Prospect", 100}},
		StatusColumn: -1,
		Rows:         [][]string{{ref, prospect}},
	}
}

func cmtTable() table {
	t := table{
		Sheet: "Action Plan",
		Title: "DRAFT ANNUAL GOVERNANCE ACTION PLAN FOR CONSIDERATION BY CMT MAY 2014",
		Columns: []column{
			{"Theme", 16}, {"Issue", 22}, {"Description", 40}, {"Lead Corporate/Assistant Director", 26},
			{"Rationale", 44}, {"Proposed Action 2014/15", 60},
		},
		StatusColumn: -1,
	}
	for _, is := range cmtIssues {
		t.Rows = append(t.Rows, []string{is.Theme, is.Issue, is.Description, is.Lead, is.Rationale, is.Action})
	}
	return t
}
