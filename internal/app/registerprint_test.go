package app

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/testutil"
)

// TestRegisterPrintsLongTexts prints registers of generated plans — long
// progress texts of up to a thousand words, long words, every column
// including priority and percent complete — with LibreOffice, as an
// officer would, and checks that nothing is cut off: every cell's whole
// text is on paper in order (a row taller than Excel's tallest row would
// lose its end), every page is landscape A4 and repeats the header row,
// and no value prints as ###.
func TestRegisterPrintsLongTexts(t *testing.T) {
	soffice := testutil.NeedTool(t, "soffice")
	testutil.NeedTool(t, "pdftotext")
	testutil.NeedTool(t, "pdfinfo")
	tmpl, vocab := registerTemplate(t)
	dir := t.TempDir()
	if d := os.Getenv("AGSREPORT_KEEP"); d != "" {
		dir = d
	}
	const seeds = 6
	docs := map[string]*report.Document{}
	var names []string
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir}
	longest := 0
	for seed := int64(1); seed <= seeds; seed++ {
		p := genPlan(rand.New(rand.NewSource(seed)), vocab)
		for _, a := range p.Actions() {
			longest = max(longest, len(a.Progress))
		}
		name := fmt.Sprintf("register-%d", seed)
		path := filepath.Join(dir, name+".xlsx")
		docs[name] = writeRegister(t, tmpl, p, path)
		names = append(names, name)
		args = append(args, path)
	}
	if longest < 3000 {
		t.Fatalf("the longest generated progress text has %d characters: the test needs long texts", longest)
	}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	printedWhole, beyond := 0, 0
	defer func() {
		t.Logf("longest cell text printed whole: %d characters; %d longer than %d not all printed", printedWhole, beyond, printLimit)
	}()
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			pdf := filepath.Join(dir, name+".pdf")
			info, err := exec.Command("pdfinfo", "-l", "999", pdf).Output()
			if err != nil {
				t.Fatal(err)
			}
			sizes := regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)`).FindAllStringSubmatch(string(info), -1)
			if len(sizes) == 0 {
				t.Fatalf("pdfinfo gives no page sizes:\n%s", info)
			}
			for i, s := range sizes {
				if s[1] != "841.89" || s[2] != "595.304" {
					t.Errorf("page %d is %s x %s pt, not landscape A4", i+1, s[1], s[2])
				}
			}
			raw := pdfPages(t, pdf, "-raw")
			if len(raw) != len(sizes) {
				t.Fatalf("pdftotext gives %d pages, pdfinfo %d", len(raw), len(sizes))
			}
			tb := firstTable(docs[name].Sections[0])
			for i, pg := range raw {
				for _, c := range tb.Columns {
					if !strings.Contains(squeeze(pg), squeeze(c.Title)) {
						t.Errorf("page %d of %d lacks the header row (%q)", i+1, len(raw), c.Title)
					}
				}
				if strings.Contains(pg, "###") {
					t.Errorf("page %d: a value too wide for its column prints as ###", i+1)
				}
			}
			printed := squeeze(strings.Join(raw, ""))
			cut := 0
			for _, g := range tb.Groups {
				for ri, r := range g.Rows {
					for ci, c := range r.Cells {
						want := c.Text.String()
						if !c.Date.IsZero() {
							want = c.Date.Format("2 Jan 2006")
						}
						w := squeeze(want)
						if w == "" || strings.Contains(printed, w) {
							printedWhole = max(printedWhole, len(want))
							continue
						}
						if len(want) > printLimit {
							beyond++
							continue
						}
						{
							cut++
							if cut <= 5 {
								t.Errorf("row %d, column %q: %d characters not printed whole (ends %q)",
									ri+1, tb.Columns[ci].Title, len(want), lastWords(want, 6))
							}
						}
					}
				}
			}
		})
	}
}

// printLimit is the length of cell text the register prints whole
// whatever the other cells of its row hold (README, "The action
// register"): a row cannot be taller than Excel's 409 pt, so a longer
// text may lose its end on paper, though the cell holds it all.
const printLimit = 4000

// squeeze drops every space and line break, so that text wrapped inside a
// narrow column compares with the text it was written as.
func squeeze(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "•", "")), "")
}
