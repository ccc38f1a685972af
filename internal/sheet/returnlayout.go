package sheet

// The layout of agsreport's own progress-return workbooks (written by
// package returns). A workbook with the marker sheet is read with this
// layout and needs no column mapping in the job.
const (
	// ReturnSheet is the sheet officers fill in.
	ReturnSheet = "Return"
	// ReturnMarkerSheet is the hidden sheet that marks a return; cell B1
	// holds ReturnMarker, B2 the period and B3 the officer.
	ReturnMarkerSheet = "agsreport"
	ReturnMarker      = "agsreport progress return v1"
	// ReturnHeaderRow is the row of column headings on ReturnSheet.
	ReturnHeaderRow = 6
)

// Return column headings, in order. The last two are the ones officers
// fill in.
const (
	ReturnRef        = "Action Ref"
	ReturnIssue      = "Governance Issue"
	ReturnAction     = "Action"
	ReturnTarget     = "Target Date"
	ReturnLastStatus = "Last Status"
	ReturnLastUpdate = "Last Update"
	ReturnNewStatus  = "New Status"
	ReturnNewUpdate  = "New Progress Update"
)

// ReturnColumns lists a return's column headings for a period.
func ReturnColumns(period string) []string {
	last := ReturnNewUpdate
	if period != "" {
		last += " (" + period + ")"
	}
	return []string{ReturnRef, ReturnIssue, ReturnAction, ReturnTarget, ReturnLastStatus, ReturnLastUpdate, ReturnNewStatus, last}
}
