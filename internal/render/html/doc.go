// Package html writes a report.Document as one accessible HTML5 page, the
// format agsreport offers where committee papers must meet the Public Sector
// Bodies Accessibility Regulations (WCAG 2.2 AA), which an untagged PDF
// cannot.
//
// The page is self-contained: UTF-8, an inline style sheet, no scripts, no
// external resources, so it can be published or mailed as a single file.
// Its structure carries the meaning that the PDF shows only visually:
//
//   - each report.Section is a <section> labelled by its first heading
//     (or by its name when it has none); a <nav> lists the sections,
//     bookmarked headings and group bands as in-page links;
//   - headings become <h1>–<h3> with levels renumbered within each section
//     so that the outline starts at <h1> and never skips a level; a
//     lower-ranked heading that only introduces the section's main heading
//     (such as an owning group's name above the title) is shown as a styled
//     line, not as a heading;
//   - label–value fields become a <dl>; paragraphs become <p> and bullet
//     lines <ul>, bold and italic runs <strong> and <em>;
//   - tables get a <caption>, a <thead> of <th scope="col">, one <tbody>
//     per group starting with its band as a full-width <th
//     scope="rowgroup">, row spans as rowspan; status cells show the status
//     in words, with the status colour only as a background under black or
//     white text, whichever contrasts more (always at least 4.5:1);
//   - charts become a <figure> holding an SVG stacked bar chart (role="img"
//     with a <title> and a <desc> that states every value) and the same
//     numbers as a data table;
//   - status keys list each status with a colour swatch and its name.
//
// Tables sit in a focusable, labelled wrapper that scrolls sideways on
// narrow screens. When printed, the page follows the document's page setup
// (@page size, orientation and margins), repeats table header rows, keeps
// rows and band rows together where the browser can, starts each section on
// a new page, and prints the running header and footer in the page margins
// with page numbers where the browser supports CSS page margin boxes; on
// screen the running texts (without page numbers) open and close the page.
//
// All text is escaped; invalid UTF-8 and control characters become U+FFFD,
// so no cell text can inject markup or break the page. The same document
// always gives the same bytes.
package html
