// Package compose turns a template and a plan into a report.Document.
//
// A template (a TOML file, see Template) gives the page setup, the running
// header and footer, and the sections of the paper. A section is composed
// once, or once per selected issue; its blocks are headings, paragraphs,
// label–value fields, tables of actions or issues (grouped under bands, with
// columns whose repeated values merge down into one tall cell), status
// summaries, charts and status keys. Text in a template is a Go text/template
// with strict keys (a misspelt placeholder is an error); the result is read
// as inline markup (report.Markup), so "**{{.Issue.Title}}**" is bold.
package compose
