// Package sample writes synthetic action plans of any size, shaped like the
// Cumbria example: issues with strategic outcomes, numbered recommendations
// spanning one to four actions (merged cells), multi-paragraph progress
// text, and progress returns for two periods, with a job file that builds
// Appendix 1 (B)-style papers and the CMT briefing pack. It serves the
// benchmarks and anyone who wants to try agsreport at scale; the content is
// generated, deterministic and marked as illustrative.
package sample

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Options say how big a plan to write.
type Options struct {
	Actions int // number of actions; issues are one per 200 actions (at least one)
	Seed    uint64
	// Formats of the papers the job asks for; default pdf and xlsx.
	Formats []string
}

// Periods are the two update periods a sample carries.
var Periods = []string{"Quarter 1 2024-25", "Quarter 2 2024-25"}

var statuses = []string{"COMPLETE", "ON TARGET", "ONGOING", "BEHIND TARGET"}

var leads = []string{
	"CD Resources", "Chief Executive", "Monitoring Officer", "AD Finance",
	"AD Transformation", "All CD's", "AD's", "DCS",
}

var words = strings.Fields(`contract management arrangements review assurance framework
significant contracts risk register governance training directorates performance quarterly
reports escalation members officers procurement commissioning capacity capability
monitoring delivery improvement plan audit recommendations stakeholders communications
policy procedure rules decision record scrutiny committee cabinet budget savings workforce
partnership information security compliance oversight timetable workshop programme`)

type gen struct{ r *rand.Rand }

func (g gen) sentence(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := words[g.r.IntN(len(words))]
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
	return b.String()
}

func (g gen) paragraphs(n, minWords, maxWords int) string {
	ps := make([]string, n)
	for i := range ps {
		ps[i] = g.sentence(minWords + g.r.IntN(maxWords-minWords+1))
	}
	return strings.Join(ps, "\n\n")
}

var roman = []string{"i", "ii", "iii", "iv", "v", "vi"}

// action is one generated action row.
type action struct {
	issue, outcome, rec int
	recText, refs       string
	recSpan             int // rows the recommendation covers, on its first action; 0 on the rest
	ref, lead, target   string
	text, resources     string
	status              [2]string
	progress            [2]string
}

// Files are the files Write writes, relative to its folder.
var Files = []string{"plan.xlsx", "updates/q1/returns.xlsx", "updates/q2/returns.xlsx", "report.toml"}

// Write writes Files into dir, creating it. It never writes over a file:
// when any of them is already in dir, it stops before writing anything and
// names them.
func Write(dir string, opts Options) error {
	if opts.Actions < 1 {
		return fmt.Errorf("a sample needs at least one action")
	}
	var there []string
	for _, f := range Files {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f))); err == nil {
			there = append(there, f)
		}
	}
	if len(there) > 0 {
		return fmt.Errorf("%s already holds %s: a sample is written only into a new or empty folder, so that nothing of yours is replaced", dir, strings.Join(there, ", "))
	}
	if len(opts.Formats) == 0 {
		opts.Formats = []string{"pdf", "xlsx"}
	}
	g := gen{rand.New(rand.NewPCG(opts.Seed, 2024))}
	issues := max(1, opts.Actions/200)
	var acts []action
	for i := 0; i < opts.Actions; {
		issue := len(acts)*issues/opts.Actions + 1
		rec := 1
		if n := len(acts); n > 0 && acts[n-1].issue == issue {
			rec = acts[n-1].rec + 1
		}
		span := min(1+g.r.IntN(4), opts.Actions-i)
		// A recommendation never crosses into the next issue.
		for span > 1 && (i+span-1)*issues/opts.Actions+1 != issue {
			span--
		}
		recText := g.sentence(5 + g.r.IntN(6))
		refs := fmt.Sprintf("R%d, R%d", rec, rec+g.r.IntN(9)+1)
		for k := 0; k < span; k++ {
			a := action{
				issue: issue, outcome: 1 + (rec-1)%4, rec: rec, recText: recText, refs: refs,
				ref:       fmt.Sprintf("%d.%d(%s)", issue, rec, roman[k]),
				lead:      leads[g.r.IntN(len(leads))],
				text:      g.sentence(4 + g.r.IntN(5)),
				resources: "Officer time",
			}
			if k == 0 {
				a.recSpan = span
			}
			switch g.r.IntN(10) {
			case 0, 1:
				a.target = "As required"
			case 2:
				a.target = fmt.Sprintf("%02d/%02d/2024", 1+g.r.IntN(28), 1+g.r.IntN(9)) // some are overdue
			case 3, 4:
				a.target = fmt.Sprintf("By %d March 2025", 1+g.r.IntN(28))
			default:
				a.target = fmt.Sprintf("%02d/%02d/2025", 1+g.r.IntN(28), 1+g.r.IntN(12))
			}
			for p := 0; p < 2; p++ {
				a.status[p] = statuses[g.r.IntN(len(statuses))]
				paras := 1
				if g.r.IntN(4) == 0 {
					paras = 2
				}
				a.progress[p] = g.paragraphs(paras, 5, 10)
			}
			acts = append(acts, a)
		}
		i += span
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := writePlan(filepath.Join(dir, "plan.xlsx"), issues, acts, g); err != nil {
		return err
	}
	for p, name := range []string{"q1", "q2"} {
		if err := writeReturns(filepath.Join(dir, "updates", name, "returns.xlsx"), acts, p); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "report.toml"), []byte(jobFile(opts)), 0o644)
}

func jobFile(opts Options) string {
	formats := `"` + strings.Join(opts.Formats, `", "`) + `"`
	return fmt.Sprintf(`# A synthetic plan of %d actions, written by agsreport sample.
# Illustrative content only.
title        = "Annual Governance Statement Action Plan 2024-25 (sample)"
organisation = "Sample County Council"
period       = %q
as_at        = 2024-09-30
output_dir   = "out"

[plan]
workbook = "plan.xlsx"
  [plan.issues]
  sheet = "Issues"
  [plan.outcomes]
  sheet = "Outcomes"
  [plan.actions]
  sheet = "Actions"

[[updates]]
period    = %q
workbooks = ["updates/q1/*.xlsx"]

[[updates]]
period    = %q
workbooks = ["updates/q2/*.xlsx"]

[statuses.COMPLETE]
colour = "#C6EFCE"
closed = true

[statuses."ON TARGET"]
colour = "#DDEBF7"

[statuses.ONGOING]
colour = "#FFF2CC"

[statuses."BEHIND TARGET"]
colour = "#FFC7CE"

[[output]]
template = "appendix-b"
file     = "Appendix B - action plan"
formats  = [%s]

[[output]]
template = "briefing"
file     = "CMT briefing"
formats  = [%s]
`, opts.Actions, Periods[1], Periods[0], Periods[1], formats, formats)
}

// sheetWriter streams rows into one sheet, with a title row, a blank row
// and a header row first.
type sheetWriter struct {
	sw  *excelize.StreamWriter
	row int
}

func newSheet(f *excelize.File, name, title string, header []string, widths []float64) (*sheetWriter, error) {
	if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	s := &sheetWriter{sw: sw}
	if err := s.add([]any{title}); err != nil {
		return nil, err
	}
	if err := s.add(nil); err != nil {
		return nil, err
	}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
	}
	return s, s.add(hdr)
}

func (s *sheetWriter) add(values []any) error {
	s.row++
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	return s.sw.SetRow(cell, values)
}

func writePlan(path string, issues int, acts []action, g gen) error {
	f := excelize.NewFile()
	defer f.Close()
	is, err := newSheet(f, "Issues", "Governance issues (sample)",
		[]string{"Issue Ref", "Governance Issue", "Description", "Target Date", "Overall Prospect", "Lead Manager"},
		[]float64{10, 30, 60, 16, 60, 30})
	if err != nil {
		return err
	}
	for i := 1; i <= issues; i++ {
		if err := is.add([]any{fmt.Sprint(i), fmt.Sprintf("Sample governance issue %d", i), g.paragraphs(2, 20, 40),
			"31st March 2025", g.paragraphs(1, 20, 30), leads[i%len(leads)]}); err != nil {
			return err
		}
	}
	if err := is.sw.Flush(); err != nil {
		return err
	}
	oc, err := newSheet(f, "Outcomes", "Strategic outcomes (sample)",
		[]string{"Issue Ref", "Outcome No", "Strategic Outcome"}, []float64{10, 12, 80})
	if err != nil {
		return err
	}
	for i := 1; i <= issues; i++ {
		for o := 1; o <= 4; o++ {
			if err := oc.add([]any{fmt.Sprint(i), fmt.Sprint(o), g.sentence(14)}); err != nil {
				return err
			}
		}
	}
	if err := oc.sw.Flush(); err != nil {
		return err
	}
	as, err := newSheet(f, "Actions", "Action plan (sample)",
		[]string{"Issue Ref", "Outcome No", "Rec No", "Recommendation", "Report Refs", "Lead", "Target Date", "Action Ref", "Action", "Resources", "Status"},
		[]float64{10, 10, 8, 40, 12, 18, 16, 10, 45, 16, 14})
	if err != nil {
		return err
	}
	for _, a := range acts {
		row := []any{fmt.Sprint(a.issue), fmt.Sprint(a.outcome), nil, nil, nil, a.lead, a.target, a.ref, a.text, a.resources, a.status[0]}
		if a.recSpan > 0 {
			row[2], row[3], row[4] = fmt.Sprint(a.rec), a.recText, a.refs
		}
		if err := as.add(row); err != nil {
			return err
		}
		if a.recSpan > 1 {
			for col := 3; col <= 5; col++ {
				top, _ := excelize.CoordinatesToCellName(col, as.row)
				bottom, _ := excelize.CoordinatesToCellName(col, as.row+a.recSpan-1)
				if err := as.sw.MergeCell(top, bottom); err != nil {
					return err
				}
			}
		}
	}
	if err := as.sw.Flush(); err != nil {
		return err
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	return save(f, path)
}

func writeReturns(path string, acts []action, period int) error {
	f := excelize.NewFile()
	defer f.Close()
	s, err := newSheet(f, "Return", "Progress return — "+Periods[period]+" (sample)",
		[]string{"Action Ref", "Status", "Progress Update"}, []float64{12, 16, 90})
	if err != nil {
		return err
	}
	for _, a := range acts {
		if err := s.add([]any{a.ref, a.status[period], a.progress[period]}); err != nil {
			return err
		}
	}
	if err := s.sw.Flush(); err != nil {
		return err
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	return save(f, path)
}

func save(f *excelize.File, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newSortedZip(w) })
	if _, err := f.WriteTo(out); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
