package app

import (
	"fmt"
	"hash/fnv"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agsreport/agsreport/internal/compose"
	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/render/xlsx"
	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/sheet"
	"github.com/agsreport/agsreport/internal/testutil"
)

// TestRegisterRoundTripProperty writes the register of generated plans and
// reads each back with no mapping: the plan read back must equal the plan
// written, field by field, whatever the text holds — texts of several
// thousand characters and many paragraphs, bullets, text that starts like
// a formula, targets as dates, as figures and as words.
func TestRegisterRoundTripProperty(t *testing.T) {
	tmpl, vocab := registerTemplate(t)
	const plans = 25
	long := 0
	var revised [3]int // actions revised never, once, more than once
	worded := 0        // revisions with words, among several
	for seed := int64(1); seed <= plans; seed++ {
		rng := rand.New(rand.NewSource(seed))
		want := genPlan(rng, vocab)
		for _, a := range want.Actions() {
			revised[min(len(a.Revisions), 2)]++
			for _, r := range a.Revisions {
				if len(a.Revisions) > 1 && r.Target.Text != r.Target.Due.Long() {
					worded++
				}
			}
			if len(a.Progress) > 1200 || strings.Count(a.Progress, "\n\n") >= 4 {
				long++
			}
		}
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "register.xlsx")
			writeRegister(t, tmpl, want, path)
			var probs plan.Problems
			got := sheet.ReadPlan(sheet.PlanSpec{Actions: &sheet.TableSpec{Path: path, Name: "register.xlsx", Sheet: "Register"}}, vocab, &probs)
			for _, pr := range probs.List {
				t.Errorf("reading the register: %s", pr)
			}
			if got == nil {
				t.Fatal("no plan read back")
			}
			if a, b := planFacts(want), planFacts(got); a != b {
				t.Errorf("the register reads back as another plan:\n%s", testutil.FirstDiff(a, b))
			}
		})
	}
	if long == 0 {
		t.Error("no generated action has a long progress text: the generator does not test what it should")
	}
	if revised[1] == 0 || revised[2] == 0 {
		t.Errorf("generated actions revised once: %d, more than once: %d; want some of each: the generator does not test what it should", revised[1], revised[2])
	}
	if worded == 0 {
		t.Error("no action revised more than once has a revised target with words: the generator does not test what it should")
	}
}

// writeRegister composes the register of p with tmpl, writes it to path
// as a workbook and returns the document.
func writeRegister(t *testing.T, tmpl *compose.Template, p *plan.Plan, path string) *report.Document {
	t.Helper()
	doc, err := compose.Compose(tmpl, p, compose.Options{Title: "Register", Name: "register"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := xlsx.Render(f, doc); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return doc
}

// planFacts lists every field the register holds, one per line, in plan
// order, with text as a reader sees it.
func planFacts(p *plan.Plan) string {
	var b strings.Builder
	for _, is := range p.Issues {
		fmt.Fprintf(&b, "issue %q title=%q\n", is.ID, is.Title)
		for _, a := range is.Actions {
			fmt.Fprintf(&b, "  action %q issue=%q\n", a.Ref, a.Issue)
			if o := is.Outcome(a.Outcome); o != nil {
				fmt.Fprintf(&b, "    outcome %q %q\n", o.Number, plainText(o.Text))
			} else {
				fmt.Fprintf(&b, "    outcome %q\n", a.Outcome)
			}
			if r := is.Recommendation(a.Recommendation); r != nil {
				fmt.Fprintf(&b, "    recommendation %q %q refs=%q\n", r.Number, plainText(r.Text), r.Refs)
			} else {
				fmt.Fprintf(&b, "    recommendation %q\n", a.Recommendation)
			}
			for _, f := range [][2]string{
				{"description", a.Description}, {"lead", a.Lead}, {"resources", a.Resources},
				{"status", a.Status}, {"progress", a.Progress},
			} {
				fmt.Fprintf(&b, "    %s %q\n", f[0], plainText(f[1]))
			}
			fmt.Fprintf(&b, "    target %q due=%s start=%s\n", a.Target.Text, a.Target.Due, a.Target.Start)
			fmt.Fprintf(&b, "    original %q due=%s start=%s\n", a.Original.Text, a.Original.Due, a.Original.Start)
			for _, r := range a.Revisions {
				fmt.Fprintf(&b, "    revised %q due=%s agreed=%s by=%q\n", r.Target.Text, r.Target.Due, r.Agreed, r.By)
			}
			fmt.Fprintf(&b, "    priority %q rank=%d percent=%v\n", a.Priority.Text, a.Priority.Rank, a.Percent)
		}
	}
	return b.String()
}

// genWords are the words generated text is made of.
var genWords = strings.Fields(`governance assurance contract Amey highways review audit committee
	officer report lessons learned procurement risk register £2.5m 31st March 2018 50% payment
	schedule monitoring inspection "independent" panel’s – recommendations (R1, R5) budget`)

// genStarts are what a text may start with: plain words, and characters
// a spreadsheet takes for a formula.
var genStarts = []string{"", "", "", "=", "=SUM(A1:A3) ", "+44 ", "-5% ", "@risk ", "-"}

// genText returns text of about n words in paras paragraphs, some lines
// bullets, starting with one of genStarts.
func genText(rng *rand.Rand, n, paras int) string {
	if n == 0 {
		return ""
	}
	var ps []string
	per := max(n/max(paras, 1), 1)
	for p := 0; p < max(paras, 1); p++ {
		var lines []string
		for l := 0; l < 1+rng.Intn(3); l++ {
			words := make([]string, 1+rng.Intn(per))
			for i := range words {
				words[i] = genWords[rng.Intn(len(genWords))]
			}
			line := strings.Join(words, " ")
			if rng.Intn(4) == 0 {
				line = "• " + line
			}
			lines = append(lines, line)
		}
		ps = append(ps, strings.Join(lines, "\n"))
	}
	return genStarts[rng.Intn(len(genStarts))] + strings.Join(ps, "\n\n")
}

// genTargets are targets as councils write them.
var genTargets = []string{"", "As required", "Ongoing", "31 March 2018", "31/03/2018", "By 31st January 2018",
	"From 1st October 2017", "March 2018", "Commencing 1st November 2017 to 31st March 2018", "2018-06-30", "30 June 2019"}

// genRevisedTargets are revised targets as councils write them; none is
// the same date as a target in genTargets.
var genRevisedTargets = []string{"30 September 2018", "By 31st July 2018", "30/11/2018", "Ongoing", "31 December 2018"}

// genRevisedLines are revised targets with words as they are written one
// a line among several revisions (Y is the year); "" is a plain date.
var genRevisedLines = []string{"", "", "30/09/Y subject to funding", "By 31st December Y", "31/03/Y"}

// genAgreers are who agree extensions.
var genAgreers = []string{"", "Audit and Assurance Committee", "Corporate Director Resources", "CMT"}

// genRevisions revises a's target: not at all, once (a target in dates or
// words), or two or three times (dates, some with words, a line each in
// the register),
// each agreed on a date, by someone, both or neither.
func genRevisions(rng *rand.Rand, a *plan.Action) {
	n := rng.Intn(5) - 1 // -1 or 0: none
	if n < 0 {
		n = 0
	}
	for i := 0; i < n; i++ {
		var t plan.Target
		if n == 1 {
			t, _ = plan.ParseTarget(genRevisedTargets[rng.Intn(len(genRevisedTargets))])
		} else if w := genRevisedLines[rng.Intn(len(genRevisedLines))]; w != "" {
			t, _ = plan.ParseTarget(strings.ReplaceAll(w, "Y", fmt.Sprint(2018+i)))
		} else {
			d, _ := plan.MakeDate(2018+i, time.Month(3+3*rng.Intn(4)), 28)
			t = plan.Target{Text: d.Long(), Due: d}
		}
		r := plan.Revision{Target: t, By: genAgreers[rng.Intn(len(genAgreers))]}
		if rng.Intn(3) > 0 {
			r.Agreed, _ = plan.MakeDate(2018, time.Month(1+rng.Intn(12)), 1+rng.Intn(28))
		}
		a.Revise(r)
	}
}

// genPriorities and genPercents are priorities and percentages complete
// as councils write them.
var (
	genPriorities = []string{"", "High", "Medium", "Low", "1", "2", "3", "H", "Med"}
	genPercents   = []string{"", "85%", "0.5", "100", "12.5%", "0", "33.33%", "1.0"}
)

// genPlan generates a plan of one to four issues, each with actions under
// outcomes and recommendations, in the shape the register writes: every
// outcome and recommendation has an action.
func genPlan(rng *rand.Rand, vocab *plan.Vocabulary) *plan.Plan {
	p := &plan.Plan{Statuses: vocab}
	names := vocab.Names()
	refs := 0
	for i := 0; i < 1+rng.Intn(4); i++ {
		is := &plan.Issue{ID: fmt.Sprintf("GI%d", i+1), Title: strings.TrimSpace(genText(rng, 6, 1))}
		is.Title = strings.ReplaceAll(is.Title, "\n", " ")
		for o := 0; o < 1+rng.Intn(3); o++ {
			out := &plan.Outcome{Number: fmt.Sprint(o + 1), Text: genText(rng, 12, 1)}
			is.Outcomes = append(is.Outcomes, out)
			for r := 0; r < 1+rng.Intn(2); r++ {
				rec := &plan.Recommendation{Number: fmt.Sprintf("%d.%d", o+1, r+1), Text: genText(rng, 30, 1+rng.Intn(2))}
				for k := 0; k < rng.Intn(3); k++ {
					rec.Refs = append(rec.Refs, fmt.Sprintf("R%d", rng.Intn(20)+1))
				}
				is.Recommendations = append(is.Recommendations, rec)
				for a := 0; a < 1+rng.Intn(3); a++ {
					refs++
					target, _ := plan.ParseTarget(genTargets[rng.Intn(len(genTargets))])
					act := &plan.Action{
						Ref: fmt.Sprintf("%d(%s)", refs, strings.Repeat("i", 1+a)), Issue: is.ID,
						Outcome: out.Number, Recommendation: rec.Number,
						Description: genText(rng, 20+rng.Intn(60), 1+rng.Intn(3)),
						Lead:        genText(rng, 3, 1), Target: target,
						Resources: genText(rng, rng.Intn(8), 1),
					}
					if rng.Intn(5) > 0 {
						act.Status = names[rng.Intn(len(names))]
					}
					switch rng.Intn(4) {
					case 0: // a long update: thousands of characters, many paragraphs
						act.Progress = genText(rng, 400+rng.Intn(600), 5+rng.Intn(6))
					default:
						act.Progress = genText(rng, rng.Intn(80), 1+rng.Intn(3))
					}
					act.PlanStatus, act.PlanProgress = act.Status, act.Progress
					act.Priority, _ = plan.ParsePriority(genPriorities[rng.Intn(len(genPriorities))])
					act.Percent, _ = plan.ParsePercent(genPercents[rng.Intn(len(genPercents))])
					if !act.Target.IsZero() {
						// Revisions draw from a source of their own, seeded
						// by the action's text, so that the rest of each
						// generated plan stays what it was before.
						h := fnv.New64a()
						h.Write([]byte(act.Description))
						genRevisions(rand.New(rand.NewSource(int64(h.Sum64()))), act)
					}
					is.Actions = append(is.Actions, act)
				}
			}
		}
		p.Issues = append(p.Issues, is)
	}
	return p
}

// TestRegisterHeadingsReadBack reads the register's header row back and
// checks that no two headings map to one field and that the target
// columns read as the target first set, its words, and the revisions with
// their agreement — never one taken for another ("Current Target" beside an
// original target, for one, would be read as the revised target).
func TestRegisterHeadingsReadBack(t *testing.T) {
	tmpl, vocab := registerTemplate(t)
	path := filepath.Join(t.TempDir(), "register.xlsx")
	writeRegister(t, tmpl, genPlan(rand.New(rand.NewSource(1)), vocab), path)
	var probs plan.Problems
	_, readings := sheet.ReadPlanReadings(sheet.PlanSpec{Actions: &sheet.TableSpec{Path: path, Name: "register.xlsx", Sheet: "Register"}}, vocab, &probs)
	for _, pr := range probs.List {
		t.Errorf("reading the register: %s", pr)
	}
	if len(readings) != 1 {
		t.Fatalf("%d readings, want 1", len(readings))
	}
	want := map[string]string{
		"Original Target Date": "target",
		"Target (as written)":  "target_text",
		"Revised Target Date":  "revised_target",
		"Extension Agreed":     "revision_agreed",
		"Agreed By":            "revision_by",
	}
	seen := map[string]string{}
	for _, c := range readings[0].Columns {
		if c.Field == "" || c.NotRead {
			// Kept as an extra column ("Progress As At" is), so not
			// taken for any field.
			continue
		}
		if h, ok := seen[c.Field]; ok {
			t.Errorf("%q and %q are both read as %s", h, c.Heading, c.Field)
		}
		seen[c.Field] = c.Heading
		if f, ok := want[c.Heading]; ok && f != c.Field {
			t.Errorf("%q is read as %s, want %s", c.Heading, c.Field, f)
		}
		delete(want, c.Heading)
	}
	for h, f := range want {
		t.Errorf("the register has no column %q read as %s", h, f)
	}
}

// registerTemplate loads the built-in register template and the default
// status vocabulary.
func registerTemplate(t *testing.T) (*compose.Template, *plan.Vocabulary) {
	t.Helper()
	tmpl, err := compose.Library{}.Load("register")
	if err != nil {
		t.Fatal(err)
	}
	vocab, err := plan.NewVocabulary(plan.DefaultStatuses())
	if err != nil {
		t.Fatal(err)
	}
	return tmpl, vocab
}
