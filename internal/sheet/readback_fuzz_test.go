package sheet

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agsreport/agsreport/internal/compose"
	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/render/xlsx"
	"github.com/agsreport/agsreport/internal/returns"
)

// clean reports whether s is text every step keeps exactly as it is:
// letters and digits with single spaces between words.
func clean(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' && s[i-1] != ' '
		if !ok {
			return false
		}
	}
	return true
}

// FuzzReadReturnBack writes agsreport's own progress return for a plan
// whose officer, action ref, last update and period are the fuzzer's, fills
// in the new status and progress as an officer would, and reads it back.
// It must never panic, every problem must name the file, and what the
// officer wrote must come back as the action's update whenever the texts
// are ones no step changes.
func FuzzReadReturnBack(f *testing.F) {
	f.Add("AD Finance", "1(i)", "Started", "COMPLETE", "Done in **March**.\n\n- item", "Q1")
	f.Add("AD Finance", "A1", "Started", "ON TARGET", "Going well", "June 2018")
	f.Add("Jane\u202eSmith", "=SUM(A1)", "=1+1", "Closed", "", "June 2018")
	f.Add("", "", "", "", "\x00\xff", "")
	f.Add("CON", "1 (ii)", "'quoted", "on target", "  spaced  ", "Q1 2024/25")
	vocab := mustVocab(f)
	f.Fuzz(func(t *testing.T, officer, ref, last, status, progress, period string) {
		is := &plan.Issue{ID: "I1", Title: "Contracts", Lead: "Director"}
		is.Actions = []*plan.Action{
			{Ref: ref, Issue: "I1", Lead: officer, Description: "Do it", Status: "ONGOING", Progress: last},
			{Ref: "Z9", Issue: "I1", Lead: officer, Description: "Second", Status: "ONGOING"},
		}
		p := &plan.Plan{Title: "Plan", Statuses: vocab, Issues: []*plan.Issue{is}}
		var mp plan.Problems
		plan.Merge(p, nil, &mp)
		for _, r := range returns.Plan(p, period) {
			data, err := returns.Workbook(r, p, returns.Options{Period: period, Title: "Plan"})
			if err != nil {
				return // text a workbook cannot hold is refused, never a panic
			}
			fx, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("agsreport's own return does not open: %v", err)
			}
			row := returns.HeaderRow + 1 // the first action's row
			if fx.SetCellStr(returns.Sheet, cellName(7, row), status) != nil || fx.SetCellStr(returns.Sheet, cellName(8, row), progress) != nil {
				fx.Close()
				return
			}
			var buf bytes.Buffer
			_, err = fx.WriteTo(&buf)
			fx.Close()
			if err != nil {
				return
			}
			path := writeFile(t, t.TempDir(), "return.xlsx", buf.Bytes())
			var probs plan.Problems
			ups := ReadUpdates(TableSpec{Path: path, Name: "return.xlsx"}, period, vocab, &probs)
			for _, pr := range probs.List {
				if pr.Loc.File != "return.xlsx" {
					t.Fatalf("problem without the file: %v", pr)
				}
			}
			if !clean(ref) || !clean(progress) || !clean(period) || ref == "Z9" || !isName(vocab, status) {
				continue
			}
			found := false
			for _, u := range ups {
				if u.Ref == ref {
					found = true
					if u.Status != status || u.Progress != progress {
						t.Errorf("read back %q, %q; the officer wrote %q, %q", u.Status, u.Progress, status, progress)
					}
				}
			}
			if !found {
				t.Errorf("the update for %q is not read back; problems: %v", ref, problemStrings(&probs))
			}
		}
	})
}

func isName(v *plan.Vocabulary, s string) bool {
	st, ok := v.Lookup(s)
	return ok && st.Name == s
}

// FuzzReadRegisterBack renders the action register for a plan whose
// action texts are the fuzzer's and reads the register back as a plan, as
// a council that keeps its plan in the register does. It must never panic,
// every problem must name the file, and each field must come back as it
// was whenever the texts are ones no step changes.
func FuzzReadRegisterBack(f *testing.F) {
	f.Add("1(i)", "Review contracts", "AD Finance", "31 March 2018", "ONGOING", "Started")
	f.Add("A1", "Do it", "Chief Executive", "As required", "COMPLETE", "Done")
	f.Add("=1+1", "**bold** and *italic*\n\n- a bullet", "", "By 31st January 2018", "Closed", "=HYPERLINK(\"x\")")
	f.Add("", "\x00", "\u202e", "31/02/2018", "", "\xff")
	vocab := mustVocab(f)
	tmpl, err := compose.Library{}.Load("register")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, ref, description, lead, target, status, progress string) {
		is := &plan.Issue{ID: "I1", Title: "Contracts"}
		a := &plan.Action{Ref: ref, Issue: "I1", Description: description, Lead: lead, Status: status, Progress: progress}
		a.Target, _ = plan.ParseTarget(target)
		is.Actions = []*plan.Action{a}
		p := &plan.Plan{Title: "Plan", Statuses: vocab, Issues: []*plan.Issue{is}}
		var mp plan.Problems
		plan.Merge(p, nil, &mp)
		p.Derive()
		doc, err := compose.Compose(tmpl, p, compose.Options{Title: "Plan", Name: "register"})
		if err != nil {
			return // a plan the template cannot show is refused, never a panic
		}
		var buf bytes.Buffer
		if _, err := xlsx.Render(&buf, doc); err != nil {
			return
		}
		path := writeFile(t, t.TempDir(), "register.xlsx", buf.Bytes())
		var probs plan.Problems
		back := ReadPlan(PlanSpec{Actions: &TableSpec{Path: path, Name: "register.xlsx", Sheet: "Register"}}, vocab, &probs)
		for _, pr := range probs.List {
			if pr.Loc.File != "register.xlsx" {
				t.Fatalf("problem without the file: %v", pr)
			}
		}
		if !clean(ref) || !clean(description) || !clean(lead) || !clean(progress) || !isName(vocab, status) {
			return
		}
		acts := back.Actions()
		if len(acts) != 1 {
			t.Fatalf("read back %d actions, want 1; problems: %v", len(acts), problemStrings(&probs))
		}
		got := acts[0]
		for _, c := range [][3]string{
			{"ref", got.Ref, ref}, {"description", got.Description, description}, {"lead", got.Lead, lead},
			{"status", got.Status, status}, {"progress", got.Progress, progress},
		} {
			if c[1] != c[2] {
				t.Errorf("%s: read back %q, wrote %q", c[0], c[1], c[2])
			}
		}
	})
}
