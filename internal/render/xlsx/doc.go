// Package xlsx writes a report.Document as an Excel workbook (.xlsx) that
// officers can filter, print and edit.
//
// Each report.Section becomes one worksheet. Its blocks are stacked down the
// sheet: headings and paragraphs merged across the table width, label–value
// fields, tables with a formatted header row, group bands, vertically merged
// spanning cells and rich text, native stacked bar charts with their data
// written beside them, and status keys. Because spreadsheet programs do not
// fit row heights to wrapped text when they open a file, every row height is
// computed here from the text, the column widths and the font metrics of
// Liberation Sans (metric-compatible with Arial, the font the cells use).
// A row taller than Excel's 409 pt limit becomes several physical rows with
// every cell of the row merged down over them, so the text stays whole in
// one cell and fully visible.
//
// Status columns get a drop-down of the document's status vocabulary (read
// from a hidden list sheet, so names with commas or a leading "=" are safe)
// and conditional formatting that colours a status typed later. Cell text is
// always written as text, never as a formula.
//
// Sheets are set up for printing: A4 or the document's paper, orientation,
// margins, one page wide, header row repeated on every page, running header
// and footer with page numbers, frozen panes and an autofilter on the first
// table's header row.
//
// The same document always gives the same bytes: document dates come from
// Meta.Date and the zip entries are written in a fixed order.
//
// Excelize stays behind this package; callers only see Render. It writes
// the workbook, except the worksheets' rows, which this package writes
// itself for speed (see cells.go) into the sheets excelize frames.
package xlsx
