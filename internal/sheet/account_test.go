package sheet

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/plan"
)

// layout pieces for generated plans, as councils keep them.
var (
	genTitles   = []string{"Annual Governance Statement Action Plan 2023-24", "Appendix 1 (B)", "Audit Committee – 14 March 2024", "Issue 3: Procurement"}
	genHeadings = [][]string{
		{"Ref", "Action", "Lead Officer", "Target Date", "Status", "Progress update"},
		{"No.", "Area of focus", "Action", "Lead Officer", "Timescale", "Progress update (to March 2024)", "RAG"},
		{"Action Ref", "Governance Issue", "Action", "By Whom", "By When", "Comments"},
		{"Action", "Lead", "Deadline", "Update", "Update"},
		{"ACTION", "RESPONSIBILITY", "DUE DATE", "PROGRESS TO DATE", ""},
	}
	genBands = []string{"Strategic Outcome 1: Contracts are clear and robust", "Theme: Governance", "Issue 2 – Risk", "Contracts", "Outcome 3 - Staff are trained"}
	genNotes = []string{"Key: Green – on track; Amber – some slippage; Red – off track", "Note: as at 31 March", "Signed", "Total", "Source: internal audit", "Prepared by the governance team"}
	genWords = []string{"Review the contracts register.", "Train staff.", "CD Resources", "31/03/2024", "As required", "Green", "amber", "Complete", "Done in part.\n\nMore to do.", "FS2 Financial standing", "1(ii) Report to committee", "45382", "see minute 12"}
)

// genSheet writes one generated worksheet and returns its rows.
func genSheet(f *excelize.File, name string, rng *rand.Rand) error {
	r := 1
	set := func(col int, v any) error {
		ref, _ := excelize.CoordinatesToCellName(col, r)
		return f.SetCellValue(name, ref, v)
	}
	merge := func(c1, c2 int) error {
		a, _ := excelize.CoordinatesToCellName(c1, r)
		b, _ := excelize.CoordinatesToCellName(c2, r)
		return f.MergeCell(name, a, b)
	}
	for range rng.IntN(3) {
		if err := set(1, genTitles[rng.IntN(len(genTitles))]); err != nil {
			return err
		}
		r += 1 + rng.IntN(2)
	}
	heads := genHeadings[rng.IntN(len(genHeadings))]
	for i, h := range heads {
		if h != "" {
			if err := set(i+1, h); err != nil {
				return err
			}
		}
	}
	width := len(heads)
	r++
	refCol := -1
	for i, h := range heads {
		if k := headerKey(h); k == "ref" || k == "no" || k == "action ref" {
			refCol = i
		}
	}
	for n := range 3 + rng.IntN(12) {
		switch rng.IntN(10) {
		case 0: // a band, merged across or not
			if err := set(1, genBands[rng.IntN(len(genBands))]); err != nil {
				return err
			}
			if rng.IntN(2) == 0 {
				if err := merge(1, width); err != nil {
					return err
				}
			}
		case 1: // a spacer row
		case 2: // a note or key, in one column or two
			if err := set(1, genNotes[rng.IntN(len(genNotes))]); err != nil {
				return err
			}
			if rng.IntN(2) == 0 {
				if err := set(2, genWords[rng.IntN(len(genWords))]); err != nil {
					return err
				}
			}
		default: // a data row, sometimes with a cell past the headings or a merge
			for c := range width + rng.IntN(2) {
				if rng.IntN(4) == 0 {
					continue
				}
				var v any = genWords[rng.IntN(len(genWords))]
				if c == refCol && rng.IntN(6) > 0 {
					v = fmt.Sprintf("%d(%s)", n+1, strings.Repeat("i", 1+rng.IntN(3)))
				}
				if rng.IntN(12) == 0 {
					v = 45000 + rng.IntN(1000)
				}
				if rng.IntN(20) == 0 {
					// A formula: a file written by a program has no value
					// saved for it.
					ref, _ := excelize.CoordinatesToCellName(c+1, r)
					if err := f.SetCellFormula(name, ref, fmt.Sprintf("\"A\"&ROW()+%d", c)); err != nil {
						return err
					}
					continue
				}
				if err := set(c+1, v); err != nil {
					return err
				}
			}
			if rng.IntN(8) == 0 {
				if err := f.SetRowVisible(name, r, false); err != nil {
					return err
				}
			}
			if rng.IntN(8) == 0 && width > 3 {
				if err := merge(2, 3); err != nil {
					return err
				}
			}
		}
		r++
	}
	return nil
}

// TestEveryCellAccounted generates workbooks laid out in many ways and
// checks that every non-empty cell of the sheet read is accounted for: a
// heading, a field or kept extra of a row read, a band, a cell quoted among
// those not read, or in a message located at its row.
func TestEveryCellAccounted(t *testing.T) {
	for seed := range uint64(120) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 9))
			f := excelize.NewFile()
			defer f.Close()
			// A hidden archive first, sometimes: never read.
			if rng.IntN(3) == 0 {
				if err := f.SetSheetName("Sheet1", "Archive"); err != nil {
					t.Fatal(err)
				}
				if err := genSheet(f, "Archive", rng); err != nil {
					t.Fatal(err)
				}
				if _, err := f.NewSheet("Actions"); err != nil {
					t.Fatal(err)
				}
				f.SetActiveSheet(1)
				if err := f.SetSheetVisible("Archive", false); err != nil {
					t.Fatal(err)
				}
			} else if err := f.SetSheetName("Sheet1", "Actions"); err != nil {
				t.Fatal(err)
			}
			if err := genSheet(f, "Actions", rng); err != nil {
				t.Fatal(err)
			}
			path := t.TempDir() + "/plan.xlsx"
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			var probs plan.Problems
			_, rds := ReadPlanReadings(PlanSpec{Actions: spec(path, "")}, mustVocab(t), &probs)
			if len(rds) != 1 {
				t.Fatalf("%d readings", len(rds))
			}
			rd := rds[0]
			if rd.Sheet != "Actions" {
				t.Fatalf("read sheet %q", rd.Sheet)
			}
			if rd.Header == 0 {
				if probs.Errors() == 0 {
					t.Fatalf("no header row and no error")
				}
				return
			}
			rows, err := f.GetRows("Actions")
			if err != nil {
				t.Fatal(err)
			}
			// A message about a whole row, or one about the cell itself.
			located := map[[2]int]bool{}
			for _, p := range probs.List {
				located[[2]int{p.Loc.Row, p.Loc.Col}] = true
			}
			for i, cols := range rows {
				for j, v := range cols {
					if strings.TrimSpace(v) == "" {
						continue
					}
					if rd.Accounted(i+1, j+1) == "" && !located[[2]int{i + 1, 0}] && !located[[2]int{i + 1, j + 1}] {
						t.Errorf("cell %s%d %q is not accounted for\n%s\n%v", plan.ColumnName(j+1), i+1, v, rd.Text(), problemStrings(&probs))
					}
				}
			}
		})
	}
}
