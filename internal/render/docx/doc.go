// Package docx writes a report.Document as a Word document (Office Open
// XML, .docx), so that an officer can paste an appendix into the council's
// own report template or adjust it before the agenda deadline.
//
// The package is written with the standard library only (archive/zip and
// hand-written, escaped XML): a .docx is a dozen small parts, and writing
// them directly keeps every byte under our control, so the same document
// always gives the same file.
//
// What the tree becomes:
//
//   - the page setup becomes one page size, orientation and margins for
//     every section; each report.Section starts on a new page (a Word
//     section break), and all share the running header and footer, whose
//     "{page}" and "{pages}" are PAGE and NUMPAGES fields;
//   - headings use Word's built-in styles Heading 1–4 at the levels of the
//     paper's heading plan (report.PlanDocument, as HTML and tagged PDF
//     have them): one level-1 heading, the title, and no skipped levels; a
//     group name written above a section's title stays a styled line;
//   - paragraphs keep their lines, bold and italic runs; bullet lines are a
//     real list (numbering.xml), not typed bullets;
//   - tables have a fixed grid scaled to the body width, a header row
//     marked to repeat on every page, group bands as full-width rows that
//     keep with the row after them, spanning cells as vertical merges, and
//     status cells filled with the status colour and always showing the
//     status word;
//   - charts become native Word charts (DrawingML, a stacked bar chart drawn
//     from the values held in the chart part, with the same values in a
//     small embedded workbook for Word's Edit Data) with alternative text
//     naming every value, followed by the same numbers as a table;
//   - the title, author, subject, keywords, language and date go into the
//     document properties.
//
// Text is cleaned and escaped: control characters and the XML
// noncharacters become U+FFFD, tabs become spaces, so no cell text can break
// the package.
package docx
