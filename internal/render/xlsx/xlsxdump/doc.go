// Package xlsxdump describes a workbook as stable text, cell by cell, for
// agsreport's golden tests: sheets, document properties, cell values and
// types, rich-text runs, the style facts that matter in a committee paper
// (font size, bold, italic, colour, fill, alignment, wrapping, borders),
// merged ranges, row heights, column widths, data validations, conditional
// formats, defined names (print titles), frozen panes, the autofilter and
// the page setup.
//
// The same workbook always gives the same text, so a golden file shows any
// change in what a renderer writes as a readable diff. The package only
// reads; it never changes a workbook.
package xlsxdump
