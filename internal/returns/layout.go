package returns

// The layout of a progress return: the one description of the form that
// Workbook writes and the reader (package sheet) recognises when the
// workbook comes back. A workbook with the marker sheet is read with this
// layout and needs no column mapping in the job.
const (
	// Sheet is the sheet officers fill in.
	Sheet = "Return"
	// MarkerSheet is the hidden sheet that marks a return: column A holds
	// the keys below, column B their values, from row 1.
	MarkerSheet = "agsreport"
	// Marker is the value of MarkerKey on a return of this layout.
	Marker = "agsreport progress return v1"
	// HeaderRow is the row of column headings on Sheet.
	HeaderRow = 6
)

// Keys of the marker sheet, in its rows 1 to 3.
const (
	MarkerKey  = "agsreport" // Marker
	PeriodKey  = "period"    // the period the return collects
	OfficerKey = "officer"   // the lead officer it was sent to
	// MarkerRows is how many rows of the marker sheet hold keys.
	MarkerRows = 3
)

// Column headings, in order. The last four, from ColNewStatus, are the
// ones officers fill in; the last two are optional (an officer asks for a
// new target date, and says why, only when an action needs one).
const (
	ColRef        = "Action Ref"
	ColIssue      = "Governance Issue"
	ColAction     = "Action"
	ColTarget     = "Target Date"
	ColLastStatus = "Last Status"
	ColLastUpdate = "Last Update"
	ColNewStatus  = "New Status"
	ColNewUpdate  = "New Progress Update"
	ColRequested  = "Requested new target"
	ColReason     = "Reason for extension"
)

// Inputs is how many of the last columns officers fill in.
const Inputs = 4

// StatusColumn is the 1-based column of ColNewStatus, which offers the
// status vocabulary as a drop-down.
const StatusColumn = 7

// Columns lists a return's column headings for a period.
func Columns(period string) []string {
	last := ColNewUpdate
	if period != "" {
		last += " (" + period + ")"
	}
	return []string{ColRef, ColIssue, ColAction, ColTarget, ColLastStatus, ColLastUpdate, ColNewStatus, last, ColRequested, ColReason}
}

// Widths are the columns' widths in Excel's character units, in the order
// of Columns.
var Widths = [...]float64{9, 16, 32, 13, 12, 34, 13, 40, 14, 30}

// Info is what a return's marker sheet says.
type Info struct {
	Period, Officer string
}

// ReadMarker interprets the marker sheet's key–value rows (column A to
// column B). ok is false when they do not mark a return of this layout.
func ReadMarker(values map[string]string) (info Info, ok bool) {
	if values[MarkerKey] != Marker {
		return Info{}, false
	}
	return Info{Period: values[PeriodKey], Officer: values[OfficerKey]}, true
}

// ReadColumns is the column mapping that reads a return for period back:
// plan field name to the headings that hold it. The optional columns
// ColRequested and ColReason are not in it: they are read by their
// headings (package sheet's aliases for "requested" and "reason"), so that
// returns written before they existed still read.
func ReadColumns(period string) map[string][]string {
	cols := Columns(period)
	progress := cols[StatusColumn] // 0-based: the column after ColNewStatus
	return map[string][]string{
		"ref":      {ColRef},
		"status":   {ColNewStatus},
		"progress": {progress, ColNewUpdate},
	}
}
