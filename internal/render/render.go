// Package render holds what every output format shares: the Info a renderer
// returns about the file it wrote, and the deflate writers the zipped
// formats reuse. Each format lives in its own sub-package (pdf, xlsx, html,
// docx) with a function
//
//	func Render(w io.Writer, doc *report.Document) (render.Info, error)
//
// that writes one report.Document and knows nothing of where its content
// came from. Formats are registered, once, in package format.
package render

// Info describes a rendered file.
type Info struct {
	Pages  int // pages (PDF) or printed pages estimated (0 when unknown)
	Sheets int // worksheets (Excel)
}
