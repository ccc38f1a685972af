package xlsx

import (
	_ "embed"

	"github.com/xuri/excelize/v2"
)

// themePath is where a workbook keeps its theme.
const themePath = "xl/theme/theme1.xml"

// themeXML is the theme part exactly as excelize writes it for a new
// workbook. Every workbook agsreport writes has that theme unchanged, yet
// excelize decodes its template theme when it creates a workbook and encodes
// it again when it writes one: about a twentieth of the CPU time of a
// council-sized build (30 actions, three workbooks, measured with pprof over
// 60 runs). plainTheme stores these bytes in its place instead;
// TestThemeMatchesExcelize fails if excelize's own theme part changes.
//
//go:embed theme1.xml
var themeXML []byte

// plainTheme makes f write themeXML as its theme part without decoding or
// encoding a theme. The workbook's bytes are the same as before: only the
// work of producing them is skipped. f must be new and its theme unread by
// anything after (agsreport reads no theme colours while writing).
func plainTheme(f *excelize.File) {
	f.Theme = nil
	f.Pkg.Store(themePath, themeXML)
}
