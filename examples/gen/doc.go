// Command gen writes the example workbooks under examples/ from the text in
// this folder:
//
//	go run ./examples/gen [-dir examples]
//
// cumbria.go holds Cumbria County Council's Annual Governance Statement
// Action Plan 2017-18 (Appendix 1 (A) and 1 (B), seed document 001) and
// cmt.go the draft action plan put to the Corporate Management Team in May
// 2014 (seed document 000), each as Go literals a reviewer can read, with
// the judgment calls made in rebuilding the seeds' tables listed at the top
// of the file. books.go lays the text out in the sheets examples/README.md
// describes; workbook.go writes them the way a governance officer keeps a
// workbook: a bold title row merged across, a blank row, a filled header
// row, wrapped top-aligned cells with borders, row heights measured from the
// text (Liberation Sans, the metric twin of the workbooks' Arial), merged
// cells where one value covers several rows, a frozen header and a
// landscape A4 print setup.
//
// The output is deterministic: the same text gives the same bytes, so
// running gen again is a no-op in git, and the package's tests fail when a
// committed workbook differs from what the text generates. Only files whose
// bytes change are rewritten, each through a temporary file and a rename.
// The job files (report.toml) are not written here.
package main
