// Package sheet reads an Annual Governance Statement action plan and the
// officers' progress returns from the workbooks a governance team keeps:
// .xlsx and .xlsm files (opened read-only, streamed row by row) and CSV
// files.
//
// A table is found on the sheet the job names, or on a sheet named for what
// it holds ("Issues", "Actions", "Action Plan", "Return" …), or on the first
// sheet. Its header row is the one the job names, or the first of the top
// 30 rows that has two known column names, so title rows above it are
// skipped. Columns are matched to fields by header text, ignoring case,
// spacing, punctuation and line breaks: the job's aliases first, then
// built-in ones (FieldNames and Aliases list them), a whole header before a
// header that only begins with an alias. Columns that map to no field are
// kept as extra fields for templates.
//
// Merged cells are filled down and across; blank rows, bands (one merged
// cell across the table) and notes under the table are skipped. Dates
// stored as Excel serials (1900 or 1904 system) or written as text become
// plan.Target values; numbers that are not dates read as written ("1").
// Cell text keeps its paragraphs and bullet lines.
//
// Nothing stops at the first problem: each one is recorded in a
// plan.Problems with the file, sheet and cell it is about, and reading goes
// on, so that a governance officer can fix a workbook in one pass.
package sheet
