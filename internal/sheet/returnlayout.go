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

// returnInfo is what the marker sheet of a return says.
type returnInfo struct {
	period, officer string
}

// recogniseReturn checks whether src is one of agsreport's own returns. If
// it is, spec is pointed at the return's sheet, header row and columns, so
// that the job needs no mapping, and the marker's period and officer are
// returned.
func recogniseReturn(src source, spec *TableSpec) (returnInfo, bool) {
	found := false
	for _, n := range src.sheets() {
		if n == ReturnMarkerSheet {
			found = true
		}
	}
	if !found {
		return returnInfo{}, false
	}
	it, err := src.rows(ReturnMarkerSheet, false)
	if err != nil {
		return returnInfo{}, false
	}
	defer it.close()
	values := map[string]string{}
	for it.next() && it.row() <= 3 {
		cells, err := it.cells()
		if err != nil || len(cells) < 2 {
			continue
		}
		values[cells[0].text] = cells[1].text
	}
	if values["agsreport"] != ReturnMarker {
		return returnInfo{}, false
	}
	info := returnInfo{period: values["period"], officer: values["officer"]}
	cols := ReturnColumns(info.period)
	spec.Sheet = ReturnSheet
	spec.Header = ReturnHeaderRow
	spec.Columns = map[string][]string{
		"ref":      {ReturnRef},
		"status":   {ReturnNewStatus},
		"progress": {cols[len(cols)-1], ReturnNewUpdate},
	}
	return info, true
}
