// Package plan is agsreport's domain: an Annual Governance Statement action
// plan with its governance issues, strategic outcomes, recommendations and
// actions, the progress updates returned for each reporting period, and the
// council's status vocabulary.
//
// Readers (package sheet) fill a Plan and record every problem they meet as a
// located Problem; Merge folds progress updates onto the actions; Derive
// works out what a committee asks about (overdue, changed since the last
// period, no return received). Dump writes the whole plan as stable text for
// golden tests. The package uses the standard library only.
package plan
