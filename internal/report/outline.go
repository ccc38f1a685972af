package report

// HeadingPlan says how the headings of one section nest in an outline that
// starts at level 1 and never skips a level, as screen readers, Word's
// navigation pane and accessibility checkers expect.
type HeadingPlan struct {
	// Level is the outline level (1–3) of each heading block, by block
	// index, or 0 for a heading that is to be written as a styled line (a
	// kicker) rather than as a heading.
	Level map[int]int
	// First is the block index of the heading that labels the section, or
	// -1 when the section has no heading.
	First int
}

// PlanHeadings renumbers a section's headings: a heading is one level below
// the nearest heading before it that ranks above it in the report, or
// level 1 when there is none; headings of equal rank stay siblings. A
// heading that ranks below the section's first highest-ranked heading and
// comes before it with only headings between (such as a group name above
// the title) is a kicker, written as a line in its heading's style rather
// than as a heading. Nil blocks are ignored.
func PlanHeadings(sec Section) HeadingPlan {
	hp := HeadingPlan{Level: map[int]int{}, First: -1}
	top, topAt := 4, -1
	for i, bl := range sec.Blocks {
		if h, ok := bl.(*Heading); ok && h != nil && ClampLevel(h.Level) < top {
			top, topAt = ClampLevel(h.Level), i
		}
	}
	if topAt < 0 {
		return hp
	}
	// The first heading at the top level.
	for i, bl := range sec.Blocks {
		if h, ok := bl.(*Heading); ok && h != nil && ClampLevel(h.Level) == top {
			topAt = i
			break
		}
	}
	kicker := map[int]bool{}
	for i := topAt - 1; i >= 0; i-- {
		h, ok := sec.Blocks[i].(*Heading)
		if !ok || h == nil {
			break
		}
		kicker[i] = true
	}
	// open holds the report and outline levels of the headings still open.
	type level struct{ src, out int }
	var open []level
	for i, bl := range sec.Blocks {
		h, ok := bl.(*Heading)
		if !ok || h == nil {
			continue
		}
		if kicker[i] {
			hp.Level[i] = 0
			continue
		}
		src := ClampLevel(h.Level)
		for len(open) > 0 && open[len(open)-1].src >= src {
			open = open[:len(open)-1]
		}
		lv := 1
		if len(open) > 0 {
			lv = open[len(open)-1].out + 1
		}
		open = append(open, level{src, lv})
		hp.Level[i] = lv
		if hp.First < 0 {
			hp.First = i
		}
	}
	return hp
}

// ClampLevel brings a heading level into 1–3.
func ClampLevel(l int) int { return min(max(l, 1), 3) }

// PlanDocument renumbers the headings of a whole paper, one plan per
// section, so that the paper has one level-1 heading, its title, and
// levels never skip: each section is planned alone (see PlanHeadings);
// in the section holding the paper's first level-1 heading, later level-1
// headings become level 2; in the sections after it every heading moves
// one level down. HTML writes the levels as <h1>–<h4>, and tagged PDF as
// H1–H4; kickers (level 0) are paragraphs in both.
func PlanDocument(doc *Document) []HeadingPlan {
	plans := make([]HeadingPlan, len(doc.Sections))
	titled := false
	for s, sec := range doc.Sections {
		hp := PlanHeadings(sec)
		shift, titleHere := 0, false
		if titled {
			shift = 1
		}
		for i := range sec.Blocks {
			lv, ok := hp.Level[i]
			if !ok || lv == 0 {
				continue
			}
			switch {
			case shift > 0:
				hp.Level[i] = lv + shift
			case lv == 1 && titleHere:
				hp.Level[i] = 2
			case lv == 1:
				titleHere = true
			}
		}
		titled = titled || titleHere
		plans[s] = hp
	}
	return plans
}
