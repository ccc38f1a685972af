// Package format is the registry of output formats: the one list that job
// validation, `agsreport build`, the command's help and the docs all read.
//
// Adding a format is one renderer package, with a function
//
//	func Render(w io.Writer, doc *report.Document) (render.Info, error)
//
// and one line in the list below. Nothing else names the formats.
package format

import (
	"io"
	"sort"
	"strings"

	"github.com/agsreport/agsreport/internal/render"
	"github.com/agsreport/agsreport/internal/render/docx"
	"github.com/agsreport/agsreport/internal/render/html"
	"github.com/agsreport/agsreport/internal/render/pdf"
	"github.com/agsreport/agsreport/internal/render/xlsx"
	"github.com/agsreport/agsreport/internal/report"
)

// Renderer writes one document in one format.
type Renderer func(w io.Writer, doc *report.Document) (render.Info, error)

// Format is one output format a job may ask for.
type Format struct {
	Name        string   // as written in a job's formats, e.g. "pdf"
	Ext         string   // file extension without the dot
	Description string   // one line for help and docs
	Render      Renderer // writes a document in this format
}

// registry lists every format. It is never modified; All returns a copy.
var registry = []Format{
	{Name: "docx", Ext: "docx", Render: docx.Render,
		Description: "a Word document, to adjust or paste into the council's own report template"},
	{Name: "html", Ext: "html", Render: html.Render,
		Description: "one self-contained accessible web page, for publishing on the council's website"},
	{Name: "pdf", Ext: "pdf", Render: pdf.Render,
		Description: "the paper for the agenda pack, page by page as printed"},
	{Name: "xlsx", Ext: "xlsx", Render: xlsx.Render,
		Description: "an Excel workbook for officers, one worksheet per section"},
}

// Default is the format an output gets when it names none.
const Default = "pdf"

// All returns every format, sorted by name.
func All() []Format {
	out := append([]Format(nil), registry...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Names returns the names of every format, sorted.
func Names() []string {
	var out []string
	for _, f := range All() {
		out = append(out, f.Name)
	}
	return out
}

// Lookup returns the format called name (exactly as a job writes it).
func Lookup(name string) (Format, bool) {
	for _, f := range registry {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Known is the list of names for messages: "html, pdf, xlsx".
func Known() string { return strings.Join(Names(), ", ") }
