package vendors_test

import (
	"fmt"
	"log"
	"time"

	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/outsourcing-go/outsourcing/vendors"
)

// A procurement integration hands in the template and the panel's scores
// as JSON and gets the ranking and the decision record back.
func ExampleEvaluate() {
	template, err := vendors.ParseTemplate([]byte(`{
	  "scale": {"min": "0", "max": "10"}, "total": "100",
	  "dimensions": [
	    {"id": "quality", "weight": "50"},
	    {"id": "security", "weight": "20", "gate": "5"},
	    {"id": "price", "weight": "30", "price": {"formula": "proportional"}}
	  ]}`))
	if err != nil {
		log.Fatal(err)
	}
	t, err := vendors.CompileTemplate(template)
	if err != nil {
		log.Fatal(err)
	}
	spec, err := vendors.ParseEvaluation([]byte(`{
	  "id": "helpdesk-2025",
	  "vendors": ["acme", "globex", "initech"],
	  "evaluators": [{"id": "it"}, {"id": "procurement"}],
	  "scores": [
	    {"evaluator": "it", "vendor": "acme", "criterion": "quality", "score": "8", "evidence": "demo 3 March"},
	    {"evaluator": "procurement", "vendor": "acme", "criterion": "quality", "score": "7"},
	    {"evaluator": "it", "vendor": "acme", "criterion": "security", "score": "8"},
	    {"evaluator": "procurement", "vendor": "acme", "criterion": "security", "score": "7"},
	    {"evaluator": "it", "vendor": "globex", "criterion": "quality", "score": "6"},
	    {"evaluator": "procurement", "vendor": "globex", "criterion": "quality", "score": "6"},
	    {"evaluator": "it", "vendor": "globex", "criterion": "security", "score": "7"},
	    {"evaluator": "procurement", "vendor": "globex", "criterion": "security", "score": "6"},
	    {"evaluator": "it", "vendor": "initech", "criterion": "quality", "score": "9"},
	    {"evaluator": "procurement", "vendor": "initech", "criterion": "quality", "score": "9"},
	    {"evaluator": "it", "vendor": "initech", "criterion": "security", "score": "3"},
	    {"evaluator": "procurement", "vendor": "initech", "criterion": "security", "score": "4"}
	  ],
	  "bids": [
	    {"vendor": "acme", "price": {"amount": "120000", "currency": "EUR"}},
	    {"vendor": "globex", "price": {"amount": "100000", "currency": "EUR"}},
	    {"vendor": "initech", "price": {"amount": "90000", "currency": "EUR"}}
	  ]}`))
	if err != nil {
		log.Fatal(err)
	}
	ev, err := vendors.Evaluate(t, spec)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range ev.Ranking {
		fmt.Printf("%d. %s %.1f points\n", r.Rank, r.Vendor, r.Points)
	}
	for _, g := range ev.Gated {
		fmt.Printf("gated: %s (%s %.1f < %s)\n", g.Vendor, g.Dimension, g.Score, g.Gate)
	}
	rec, err := vendors.Decide(ev, vendors.DecisionSpec{
		Selected: ev.Winner(), Rationale: "best quality at a fair price",
		Decided:       time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC),
		RequiredRoles: []string{"procurement"},
		Approvals:     []vendors.Approval{{Approver: "cpo", Role: "procurement", Verdict: vendors.VerdictApprove}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rec.Selected, rec.Status)
	// Output:
	// 1. acme 77.5 points
	// 2. globex 73.0 points
	// gated: initech (security 3.5 < 5)
	// acme approved
}

// Screening knock-outs are rules over each vendor's profile at a date: an
// expired certificate does not count.
func ExampleScreening_Screen() {
	spec, err := vendors.ParsePool([]byte(`{"currency": "EUR", "vendors": [
	  {"id": "acme", "name": "Acme IT", "founded": 2001,
	   "certifications": [{"standard": "ISO27001", "issued": "2023-01-15T00:00:00Z", "expires": "2026-01-14T00:00:00Z"}]},
	  {"id": "globex", "name": "Globex", "founded": 2022,
	   "certifications": [{"standard": "ISO27001", "issued": "2021-06-01T00:00:00Z", "expires": "2024-05-31T00:00:00Z"}]}
	]}`))
	if err != nil {
		log.Fatal(err)
	}
	pool, err := vendors.CompilePool(spec)
	if err != nil {
		log.Fatal(err)
	}
	screening, err := vendors.CompileScreening(rules.SetSpec{Rules: []rules.Rule{
		{ID: "iso27001", Description: "ISO/IEC 27001 certificate in force", Expression: `"ISO27001" in certifications`},
		{ID: "track_record", Description: "at least 5 years in business", Expression: "years_in_business >= 5"},
	}})
	if err != nil {
		log.Fatal(err)
	}
	res, err := screening.Screen(pool, time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("short list:", res.Passed)
	for _, v := range res.Vendors {
		for _, k := range v.KnockOuts {
			fmt.Printf("%s: knocked out: %s\n", v.Vendor, k)
		}
		for _, n := range v.NotCounted {
			fmt.Printf("%s: not counted: %s\n", v.Vendor, n)
		}
	}
	// Output:
	// short list: [acme]
	// globex: knocked out: ISO/IEC 27001 certificate in force (certifications = none)
	// globex: knocked out: at least 5 years in business (years_in_business = 3)
	// globex: not counted: ISO27001 certificate expired on 2024-05-31
}

// The final evaluation of an engagement comes in as a JSON document; the
// recommendation comes from the shipped, editable decision table, which
// names the row that decided.
func ExampleEvaluateFinal() {
	in, err := vendors.ParseFinalInput([]byte(`{
	  "vendor": "acme", "engagement": "service-desk-2022",
	  "start": "2022-01-01T00:00:00Z", "end": "2024-12-31T00:00:00Z", "as_of": "2025-01-15T00:00:00Z",
	  "currency": "EUR", "review_scale": {"min": "1", "max": "5"},
	  "reviews": [
	    {"vendor": "acme", "start": "2024-01-01T00:00:00Z", "end": "2024-07-01T00:00:00Z",
	     "ratings": {"quality": "4", "responsiveness": "4", "problem_solving": "4", "cost_control": "5", "innovation": "4"}},
	    {"vendor": "acme", "start": "2024-07-01T00:00:00Z", "end": "2025-01-01T00:00:00Z",
	     "ratings": {"quality": "5", "responsiveness": "4", "problem_solving": "5", "cost_control": "4", "innovation": "4"}}
	  ],
	  "survey": [{"csat": 5, "nps": 9}, {"csat": 4, "nps": 10}, {"csat": 4, "nps": 6}],
	  "plans": [{"id": "IP-1", "vendor": "acme", "opened": "2024-09-01T00:00:00Z", "actions": [
	    {"id": "A1", "owner": "acme service manager", "due": "2024-12-01T00:00:00Z", "status": "in_progress"}]}]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	f, err := vendors.EvaluateFinal(in)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("score %.1f, reviews %s, NPS %s, %d overdue action(s)\n", f.Score, f.Reviews.Direction, f.Survey.NPS, f.OverdueActions)
	fmt.Printf("%s (row %s: %s)\n", f.Recommendation.Label(), f.RecommendationRow, f.RecommendationReason)
	// Output:
	// score 82.5, reviews improving, NPS 33.33, 1 overdue action(s)
	// re-engage with conditions (row mixed: score from 50 %, with a decline, overdue actions or a score under 75 %)
}
