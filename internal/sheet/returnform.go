package sheet

import "github.com/agsreport/agsreport/internal/returns"

// The layout of agsreport's own progress returns lives in package returns,
// beside the writer; this file only recognises it.

// recogniseReturn checks whether src is one of agsreport's own returns. If
// it is, spec is pointed at the return's sheet, header row and columns, so
// that the job needs no mapping, and the marker's period and officer are
// returned.
func recogniseReturn(src source, spec *TableSpec) (returns.Info, bool) {
	values := markerValues(src, returns.MarkerSheet, returns.MarkerRows)
	if values == nil {
		return returns.Info{}, false
	}
	info, ok := returns.ReadMarker(values)
	if !ok {
		return returns.Info{}, false
	}
	spec.Sheet = returns.Sheet
	spec.Header = returns.HeaderRow
	spec.Columns = returns.ReadColumns(info.Period)
	return info, true
}

// markerValues reads the key–value rows (column A to column B) of the
// first rows of a marker sheet; nil when the workbook has no such sheet.
func markerValues(src source, sheet string, rows int) map[string]string {
	found := false
	for _, n := range src.sheets() {
		if n == sheet {
			found = true
		}
	}
	if !found {
		return nil
	}
	it, err := src.rows(sheet, false)
	if err != nil {
		return nil
	}
	defer it.close()
	values := map[string]string{}
	for it.next() && it.row() <= rows {
		cells, err := it.cells()
		if err != nil || len(cells) < 2 {
			continue
		}
		values[cells[0].text] = cells[1].text
	}
	return values
}
