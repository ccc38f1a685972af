// Package report is the format-neutral document tree that sits between the
// plan and every output format.
//
// The composer (package compose) builds a Document from a template and a
// plan; each renderer (PDF, Excel, HTML: the formats registered in package
// format) writes a Document and knows nothing of where its content came
// from. A Document is plain data: it can be built by
// hand in tests, dumped as stable text with Dump, and handed to any renderer.
//
// A Document is a list of Sections. Each section starts on a new page in
// paginated formats and on a new worksheet in spreadsheet formats. Sections
// hold Blocks: headings, paragraphs, label–value lines, tables, charts and
// status keys, as listed by BlockTypes. Text everywhere is rich text (Text): lines with optional
// bullets, spacing before, and bold or italic runs, parsed from the small
// inline markup that officers type into cells (see Markup).
package report
