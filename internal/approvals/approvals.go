// Package approvals is the extension approvals sheet: a workbook listing
// the new target dates officers asked for in their returns, with columns
// where the governance officer records the committee's decision. Its
// layout, writer and the constants its reader (package sheet) needs live
// here together.
package approvals

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/form"
	"github.com/agsreport/agsreport/internal/plan"
)

const (
	// Sheet is the sheet of requests.
	Sheet = "Requests"
	// MarkerSheet is the hidden sheet that marks an approvals sheet:
	// column A holds keys, column B their values.
	MarkerSheet = "agsreport"
	// Marker is the value of the "agsreport" key on the marker sheet.
	Marker = "agsreport extension approvals v1"
	// HeaderRow is the row of column headings on Sheet.
	HeaderRow = 4
)

// Column headings, in order. The last three are the ones the governance
// officer fills in.
const (
	ColRef       = "Action Ref"
	ColLead      = "Lead"
	ColPeriod    = "Period"
	ColCurrent   = "Current Target"
	ColRequested = "Requested new target"
	ColReason    = "Reason for extension"
	ColOfficer   = "Asked by"
	ColAgreed    = "Agreed (Y/N)"
	ColOn        = "Agreed on"
	ColBy        = "Agreed by"
)

// Columns are the headings in order.
var Columns = []string{ColRef, ColLead, ColPeriod, ColCurrent, ColRequested, ColReason, ColOfficer, ColAgreed, ColOn, ColBy}

// Inputs is how many of the last columns are filled in.
const Inputs = 3

// widths are the columns' widths in Excel's character units.
var widths = []float64{10, 18, 14, 16, 16, 36, 18, 10, 14, 22}

// Yes and No are the decisions the drop-down offers; Decision reads
// these and the usual other spellings.
const (
	Yes = "Y"
	No  = "N"
)

// Decision reads an "Agreed (Y/N)" cell: Yes, No or "" (blank: not
// decided yet). ok is false for anything else.
func Decision(s string) (d string, ok bool) {
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "":
		return "", true
	case "y", "yes", "agreed", "approved":
		return Yes, true
	case "n", "no", "refused", "not agreed", "rejected", "declined":
		return No, true
	}
	return "", false
}

// Options say what the workbook is for.
type Options struct {
	Period string    // the period whose requests it lists
	Title  string    // the job's title
	Org    string    // the organisation
	Date   time.Time // the document date (fixed, so the same input gives the same bytes)
}

// Workbook returns the approvals workbook for the requests as .xlsx bytes.
func Workbook(rqs []plan.Request, opts Options) ([]byte, error) {
	const sh = Sheet
	f, st, err := form.New(sh, widths)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dateStyle, err := form.DateInput(f)
	if err != nil {
		return nil, err
	}
	last, _ := excelize.ColumnNumberToName(len(Columns))
	set := func(cell string, v string, style int) error { return form.Set(f, sh, cell, v, style) }
	title := form.Title(opts.Org, opts.Title)
	if err := form.Lines(f, sh, last, []form.Line{
		{Text: title, Style: st.Title},
		{Text: "New target dates asked for in the returns for " + opts.Period, Style: st.Subtitle},
		{Text: "For each request, record the decision: “" + Yes + "” (agreed) or “" + No + "” (refused) under “" + ColAgreed + "”, the date of the decision under “" + ColOn +
			"” and who made it under “" + ColBy + "”; leave the row blank while it is undecided. Name this workbook under approvals in the job file. Please do not change the grey columns.", Style: st.Note},
	}); err != nil {
		return nil, err
	}
	if err := f.SetRowHeight(sh, 3, 42); err != nil {
		return nil, err
	}
	if err := f.SetRowHeight(sh, HeaderRow, form.RowHeight(Columns, widths)); err != nil {
		return nil, err
	}
	if err := form.Headers(f, sh, HeaderRow, Columns, Inputs, st); err != nil {
		return nil, err
	}
	for i, rq := range rqs {
		row := HeaderRow + 1 + i
		lead := rq.Action.Lead
		values := []string{rq.Action.Ref, lead, rq.Period, rq.From.Text, rq.Requested.DueText(), rq.Reason, rq.Officer}
		for c, v := range values {
			cell, _ := excelize.CoordinatesToCellName(c+1, row)
			if err := set(cell, v, st.Locked); err != nil {
				return nil, err
			}
		}
		if err := f.SetRowHeight(sh, row, form.RowHeight(values, widths)); err != nil {
			return nil, err
		}
		for c := len(values); c < len(Columns); c++ {
			cell, _ := excelize.CoordinatesToCellName(c+1, row)
			style := st.Input
			if Columns[c] == ColOn {
				style = dateStyle
			}
			if err := f.SetCellStyle(sh, cell, cell, style); err != nil {
				return nil, err
			}
		}
	}
	if n := len(rqs); n > 0 {
		col, _ := excelize.ColumnNumberToName(len(Columns) - Inputs + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", col, HeaderRow+1, col, HeaderRow+n)
		if err := dv.SetDropList([]string{Yes, No}); err != nil {
			return nil, err
		}
		if err := f.AddDataValidation(sh, dv); err != nil {
			return nil, err
		}
	}
	if err := form.WriteMarker(f, MarkerSheet, [][2]string{{"agsreport", Marker}, {"period", opts.Period}}); err != nil {
		return nil, err
	}
	return form.Finish(f, form.Page{Sheet: sh, HeaderRow: HeaderRow},
		excelize.DocProperties{Title: "Extension requests — " + opts.Period, Subject: opts.Title}, opts.Date)
}

// IsMarker reports whether the marker sheet's key–value rows mark an
// approvals sheet of this layout.
func IsMarker(values map[string]string) bool { return values["agsreport"] == Marker }
