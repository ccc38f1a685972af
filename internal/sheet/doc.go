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
// Merged cells are filled down and across; a heading merged over several
// columns reads all of them. Every non-empty cell of a sheet read is
// accounted for in a Reading: a heading, a field or kept extra column of a
// row read, a band, or a cell quoted among those not read with the reason.
// Band rows (one value across the table, merged or not) are structure:
// "Strategic Outcome N: …", "Theme: …" and "Issue N …" become the outcome,
// theme or issue of the rows below them. Keys, notes, sign-offs and totals
// under the table, title rows above it and rows with text in one column
// only are never data; a row with text but no ref is an error quoting it.
// A table with no ref column takes each action's ref from the start of its
// text ("1(i) …", "FS2 …") unless TableSpec.RefInText says no. Dates
// stored as Excel serials (1900 or 1904 system) or written as text become
// plan.Target values; numbers that are not dates read as written ("1").
// Cell text keeps its paragraphs and bullet lines.
//
// Nothing stops at the first problem: each one is recorded in a
// plan.Problems with the file, sheet and cell it is about, and reading goes
// on, so that a governance officer can fix a workbook in one pass.
package sheet
