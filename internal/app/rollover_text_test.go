package app

import (
	"bytes"
	"path/filepath"
	"testing"
)

// TestRolloverNamesEveryTextsPeriod rolls over a tracker whose texts come
// from the plan itself (as at its period, or with no period named), from a
// return, and from a return that gave a status with no new text: each
// carried text names the period it was written in, never the period of a
// later status, and a text rolled over twice keeps its first label.
func TestRolloverNamesEveryTextsPeriod(t *testing.T) {
	for _, tc := range []struct {
		name, planPeriod string
		want             map[string]string
	}{
		{"plan as at a period", `period = "Quarter 2 2024/25"`, map[string]string{
			"E1": "Last update (Quarter 2 2024/25): Draft rules at consultation",
			"E2": "Last update (Quarter 2 2024/25): Half the sessions held",
			"E3": "Last update (Quarter 3 2024/25): Register published in draft",
			"E4": "Last update (Quarter 4 2023/24): Carried from last year",
		}},
		{"plan with no period", "", map[string]string{
			"E1": "Last update (2024/25): Draft rules at consultation",
			"E2": "Last update (2024/25): Half the sessions held",
			"E3": "Last update (Quarter 3 2024/25): Register published in draft",
			"E4": "Last update (Quarter 4 2023/24): Carried from last year",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			x := newXL(t, "Actions")
			x.row("Actions", 1, "Ref", "Action", "Lead", "Target Date", "Status", "Progress")
			x.row("Actions", 2, "E1", "Refresh contract procedure rules", "Head of Legal", "31/03/2025", "Amber", "Draft rules at consultation")
			x.row("Actions", 3, "E2", "Train budget holders", "Head of Procurement", "31/03/2025", "Amber", "Half the sessions held")
			x.row("Actions", 4, "E3", "Publish the contract register", "Head of Procurement", "31/03/2025", "Amber", "Register in draft")
			x.row("Actions", 5, "E4", "Agency spend controls", "Head of Legal", "31/03/2025", "Amber", "Last update (Quarter 4 2023/24): Carried from last year")
			x.save(filepath.Join(dir, "plan.xlsx"))
			r := newXL(t, "Return")
			r.row("Return", 1, "Action Ref", "Status", "Progress")
			r.row("Return", 2, "E2", "Red", "")
			r.row("Return", 3, "E3", "Amber", "Register published in draft")
			r.save(filepath.Join(dir, "procurement.xlsx"))
			job := filepath.Join(dir, "report.toml")
			writeFile(t, job, []byte(`title = "Annual Governance Statement Action Plan 2024-25"
organisation = "Borsetshire District Council"
period = "Quarter 3 2024/25"
as_at = 2025-01-10

[plan]
workbook = "plan.xlsx"
`+tc.planPeriod+`

[[updates]]
period = "Quarter 3 2024/25"
workbooks = ["procurement.xlsx"]

[statuses.Green]
colour = "#C6EFCE"
closed = true
[statuses.Amber]
colour = "#FFEB9C"
[statuses.Red]
colour = "#FFC7CE"

[[output]]
template = "register"
formats = ["xlsx"]
`))
			next := filepath.Join(dir, "next")
			var out bytes.Buffer
			if err := Rollover(&out, job, RolloverOptions{OutputDir: next, Year: "2025/26"}); err != nil {
				t.Fatalf("rollover: %v\n%s", err, out.String())
			}
			l, err := Load(filepath.Join(next, "report.toml"))
			if err != nil {
				t.Fatal(err)
			}
			if l.Problems.Errors() != 0 {
				t.Fatalf("the new plan reads with errors:\n%v\n%s", l.Problems.List, out.String())
			}
			got := map[string]string{}
			for _, is := range l.Plan.Issues {
				for _, a := range is.Actions {
					got[a.Ref] = a.Progress
				}
			}
			for ref, want := range tc.want {
				if got[ref] != want {
					t.Errorf("%s carried with progress %q, want %q", ref, got[ref], want)
				}
			}
		})
	}
}
