package report

// Spans returns the row span of each cell of a group's rows, by row and
// column: 0 for a cell that another cell covers, otherwise 1 or more. A
// span stops at the group's end and at the first cell below that is not
// marked Covered, so every cell keeps its text and the grid stays whole; a
// cell marked Covered that nothing covers gets span 1 (drawn empty).
func Spans(rows []Row, n int) [][]int {
	out := make([][]int, len(rows))
	for r := range rows {
		out[r] = make([]int, n)
		for c := range out[r] {
			out[r][c] = 1
		}
	}
	for c := 0; c < n; c++ {
		for r := 0; r < len(rows); r++ {
			cell, ok := rows[r].CellAt(c)
			if !ok || cell.Covered || cell.Span <= 1 || out[r][c] == 0 {
				continue
			}
			k := 1
			for k < cell.Span && r+k < len(rows) {
				below, ok := rows[r+k].CellAt(c)
				if !ok || !below.Covered {
					break
				}
				out[r+k][c] = 0
				k++
			}
			out[r][c] = k
		}
	}
	return out
}

// CellAt returns the row's cell in column c, if the row has one.
func (row Row) CellAt(c int) (Cell, bool) {
	if c < 0 || c >= len(row.Cells) {
		return Cell{}, false
	}
	return row.Cells[c], true
}
