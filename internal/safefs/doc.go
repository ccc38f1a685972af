// Package safefs holds agsreport's file-safety rules, in one place so that
// every command follows them:
//
//   - A set of output files (a build's papers, a quarter's returns) is
//     written into a folder all together or not at all (Batch): new files
//     are staged in a hidden folder beside their final place, the old files
//     are moved aside, the new ones moved in, and any failure puts the old
//     ones back. A run that was killed part-way leaves a staging folder that
//     the next run in the same folder recognises, rolls back if needed, and
//     removes.
//   - Only regular files are read as inputs; devices, FIFOs and sockets are
//     refused before they are opened, and links that lead out of the job's
//     folder are refused unless the job allows them (CheckInput, Regular).
//   - Output file names must be valid on Windows, macOS and Linux alike
//     (ValidName), because papers and returns are shared between them.
//
// Every file-system operation a Batch makes goes through the FS interface,
// so that tests can make any one of them fail and check what is left.
package safefs
