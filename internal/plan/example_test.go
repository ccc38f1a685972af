package plan_test

import (
	"fmt"

	"github.com/agsreport/agsreport/internal/plan"
)

func ExampleParseTarget() {
	for _, s := range []string{
		"31/03/2024",
		"By 31st October 2017",
		"Commencing 1st November 2017 to 31st March 2018",
		"From 31st October to 31st March 2018",
		"As required",
		"31/02/2018",
	} {
		t, err := plan.ParseTarget(s)
		if err != nil {
			fmt.Printf("%s\n  error: %v\n", s, err)
			continue
		}
		fmt.Printf("%s\n  start: %s  due: %s\n", t.Text, orDash(t.Start), orDash(t.Due))
	}
	// Output:
	// 31/03/2024
	//   start: -  due: 2024-03-31
	// By 31st October 2017
	//   start: -  due: 2017-10-31
	// Commencing 1st November 2017 to 31st March 2018
	//   start: 2017-11-01  due: 2018-03-31
	// From 31st October to 31st March 2018
	//   start: 2017-10-31  due: 2018-03-31
	// As required
	//   start: -  due: -
	// 31/02/2018
	//   error: "31/02/2018" is not a date (day/month/year)
}

func orDash(d plan.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}

func ExampleTarget_Written() {
	for _, s := range []string{"31 March 2018", "31/03/2018", "By 31st January 2018", "As required"} {
		t, _ := plan.ParseTarget(s)
		fmt.Printf("%q: date %q, written %q\n", s, t.DueText(), t.Written())
	}
	// Output:
	// "31 March 2018": date "31 March 2018", written ""
	// "31/03/2018": date "31 March 2018", written "31/03/2018"
	// "By 31st January 2018": date "31 January 2018", written "By 31st January 2018"
	// "As required": date "As required", written "As required"
}
