// Package pdf renders a report.Document as a PDF committee paper.
//
// Rendering happens in two passes. LayoutDocument turns the document
// into pages of positioned boxes — text lines, fills, rules — measuring text
// through the Metrics interface; it decides every line break and page break,
// repeats table header rows and group bands, reprints spanning cells and
// splits rows taller than a page. The draw pass then writes those boxes
// into each page's content exactly where the layout placed them, so what
// was measured is what is drawn. Render runs the two passes together: each
// page is drawn as soon as the layout has finished it and its boxes are
// reused for the next, so a long paper is never all in memory as boxes;
// the running header and footer, which need the page count, are drawn
// last, as a second content stream of each page. A Layout can dump itself
// as text, which the tests compare with golden files, so pagination is
// tested without parsing PDF files.
//
// Text is set in the embedded Liberation Sans faces (metric compatible with
// Arial). Characters the faces cannot draw are replaced by "?" before
// measuring; tabs and no-break spaces become spaces and carriage returns are
// dropped, so no input can make the renderer panic.
//
// Output is byte-identical for the same document: the catalogue is sorted,
// the creation and modification dates come from the document (or a fixed
// date), and nothing depends on map order. The draw pass writes each page's
// content stream itself and compresses it as soon as the page is done; fpdf writes the rest of the file (outline,
// catalogue, resources), and assemble puts the pages' content in place of
// fpdf's, embeds the faces of the text font as subsets cut from the font
// package fonts parses once per process (fpdf has only placeholders for
// them), and writes the paper in pieces (see content.go, embed.go and
// compress.go).
//
// Papers are tagged PDF (PDF/UA-1): layout also builds a structure tree
// (Layout.Elems: sections, headings, paragraphs, lists, tables with header
// cells and spans, figures with alternative text) and gives every box the
// element it belongs to, or marks it an artifact (running headers, rules,
// fills, and text drawn again after a page break). The draw pass wraps the
// boxes in marked content and appends the tree to the file as an
// incremental update (see structure.go); internal/pdfua and the app tests
// check the result with qpdf, poppler and pdf.js.
//
// Known limits: a table header row taller than a quarter of the page is
// drawn only on the table's first page, and one taller than a whole page
// runs past its foot; a spanning cell whose text cannot fit on one page is
// drawn as an ordinary cell of its first row (which then splits).
//
// fpdf is used only inside this package.
package pdf
