// Package templates embeds agsreport's built-in paper templates. Each
// *.toml file here is one template, named by its file name without the
// extension; a user's template folder overrides a built-in of the same name.
package templates

import "embed"

// FS holds the built-in templates.
//
//go:embed *.toml
var FS embed.FS
