// Command vendor-selection runs the whole vendor selection of Handbook §2
// on sample data embedded as JSON, the way a procurement system would
// hand it over: twelve vendor profiles screened at a date to a short list
// of six (§2.1), the short list scored by four evaluators on the
// handbook's seven dimensions with the security dimension as a gate
// (§2.2), ranked by weighted sum and, for comparison, by TOPSIS with AHP
// weights, with the weight-sensitivity report, a clarification log and
// the approved decision record (§2.3).
//
//	go run ./examples/vendor-selection
package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/outsourcing-go/outsourcing/vendors"
)

var (
	//go:embed pool.json
	poolJSON []byte
	//go:embed screening.json
	screeningJSON []byte
	//go:embed evaluation.json
	evaluationJSON []byte
)

// asOf is the screening date: certificates expired by then do not count.
var asOf = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	// §2.1 the pool and the knock-out screening.
	poolSpec, err := vendors.ParsePool(poolJSON)
	if err != nil {
		return err
	}
	pool, err := vendors.CompilePool(poolSpec)
	if err != nil {
		return err
	}
	ruleSet, err := rules.ParseSet(screeningJSON)
	if err != nil {
		return err
	}
	screening, err := vendors.CompileScreening(ruleSet)
	if err != nil {
		return err
	}
	screened, err := screening.Screen(pool, asOf)
	if err != nil {
		return err
	}
	fmt.Printf("Screening of %d vendors at %s\n", pool.Len(), asOf.Format(time.DateOnly))
	for _, v := range screened.Vendors {
		if v.Passed {
			continue
		}
		for _, k := range v.KnockOuts {
			fmt.Printf("  %-10s knocked out: %s %v\n", v.Vendor, k.Description, k.Values)
		}
		for _, n := range v.NotCounted {
			fmt.Printf("  %-10s not counted: %s\n", v.Vendor, n)
		}
	}
	fmt.Printf("  short list: %s\n", strings.Join(screened.Passed, ", "))
	pipeline, err := vendors.NewPipeline(pool).Apply(screened.Moves(asOf, "screening committee")...)
	if err != nil {
		return err
	}

	// §2.2 the default seven-dimension template, edited: security becomes a
	// gate at 6 out of 10.
	tspec, err := vendors.ParseTemplate(vendors.DefaultTemplateJSON())
	if err != nil {
		return err
	}
	for i, d := range tspec.Dimensions {
		if d.ID == "security" {
			gate := outsourcing.MustDecimal("6")
			tspec.Dimensions[i].Gate = &gate
		}
	}
	template, err := vendors.CompileTemplate(tspec)
	if err != nil {
		return err
	}
	espec, err := vendors.ParseEvaluation(evaluationJSON)
	if err != nil {
		return err
	}
	ev, err := vendors.Evaluate(template, espec)
	if err != nil {
		return err
	}
	fmt.Printf("\nEvaluation %q: %d scores by %d evaluators on %d criteria\n", ev.ID, len(espec.Scores), len(espec.Evaluators), len(template.Criteria()))
	printDimensions(ev)
	for _, o := range ev.Outliers {
		fmt.Printf("  outlier: %s gave %s %s on %s (panel median %.1f)\n", o.Evaluator, o.Vendor, o.Score, o.Criterion, o.PanelMedian)
	}
	for _, g := range ev.Gated {
		fmt.Printf("  gated: %s, %s %.2f below %s\n", g.Vendor, g.Dimension, g.Score, g.Gate)
	}
	for _, w := range ev.Warnings {
		fmt.Printf("  warning %s: %s\n", w.Code, w.Message)
	}
	printRanking("Weighted sum, template weights", ev)

	// §2.3 the same panel ranked by TOPSIS with AHP dimension weights.
	espec.Method = "topsis"
	espec.AHP = &vendors.AHPSpec{Judgments: []string{
		"1/2", "1/2", "1/3", "1/2", "1/3", "2", // qualification vs technical … culture
		"1", "1", "1", "1", "3", // technical vs experience … culture
		"1", "1", "1", "3", // experience vs service quality … culture
		"2", "1", "4", // service quality vs price, security, culture
		"1", "2", // price vs security, culture
		"4", // security vs culture
	}}
	alt, err := vendors.Evaluate(template, espec)
	if err != nil {
		return err
	}
	fmt.Printf("\nAHP weights (CR %.3f):", alt.AHP.CR)
	for _, w := range alt.Weights {
		fmt.Printf(" %s %.3f", w.Dimension, w.Weight)
	}
	fmt.Println()
	printRanking("TOPSIS, AHP weights", alt)

	fmt.Println("\nSensitivity (weighted sum): weight intervals keeping the winner / the whole ranking")
	for _, s := range ev.Sensitivity {
		fmt.Printf("  %-16s %.3f  winner [%.3f, %.3f]  ranking [%.3f, %.3f]\n", s.Criterion, s.Weight, s.WinnerLow, s.WinnerHigh, s.RankingLow, s.RankingHigh)
	}

	// Clarification with the top-ranked vendor, then the decision.
	pipeline, err = pipeline.Apply(ev.Moves(asOf.AddDate(0, 1, 0), "evaluation panel")...)
	if err != nil {
		return err
	}
	winner := ev.Winner()
	decision := vendors.DecisionSpec{
		Selected:  winner,
		Rationale: "highest weighted score; robust to weight changes within the intervals reported; clarified transition staffing",
		Decided:   time.Date(2025, 4, 15, 9, 0, 0, 0, time.UTC), DecidedBy: "selection committee",
		RequiredRoles: []string{"procurement", "it", "finance"},
		Approvals: []vendors.Approval{
			{Approver: "cpo", Role: "procurement", Verdict: vendors.VerdictApprove, At: time.Date(2025, 4, 15, 11, 0, 0, 0, time.UTC)},
			{Approver: "cio", Role: "it", Verdict: vendors.VerdictApprove, At: time.Date(2025, 4, 16, 8, 30, 0, 0, time.UTC)},
			{Approver: "cfo", Role: "finance", Verdict: vendors.VerdictApprove, At: time.Date(2025, 4, 16, 17, 0, 0, 0, time.UTC), Comment: "within budget"},
		},
		Log: []vendors.LogItem{
			{ID: "C-1", Vendor: winner, Kind: vendors.LogClarification, Topic: "transition staffing in month 1", Raised: time.Date(2025, 4, 2, 0, 0, 0, 0, time.UTC), RaisedBy: "it",
				Status: vendors.LogResolved, Resolution: "12 FTE on site from day 1", Resolved: time.Date(2025, 4, 8, 0, 0, 0, 0, time.UTC)},
			{ID: "N-1", Vendor: winner, Kind: vendors.LogNegotiation, Topic: "service credits cap at 15 % of the monthly fee", Raised: time.Date(2025, 4, 3, 0, 0, 0, 0, time.UTC), RaisedBy: "procurement",
				Status: vendors.LogResolved, Resolution: "agreed", Resolved: time.Date(2025, 4, 10, 0, 0, 0, 0, time.UTC)},
		},
	}
	record, err := vendors.Decide(ev, decision)
	if err != nil {
		return err
	}
	pipeline, err = pipeline.Apply(record.Moves(decision.Decided, "selection committee")...)
	if err != nil {
		return err
	}
	fmt.Printf("\nDecision %s: %s (rank %d), %s\n", record.ID, record.Selected, record.SelectedRank, record.Status)
	for _, s := range []vendors.Stage{vendors.StageSelected, vendors.StageRejected} {
		fmt.Printf("  %-9s %s\n", s, strings.Join(pipeline.In(s), ", "))
	}
	fmt.Println("\nAudit record (JSON), first moves of the pipeline history:")
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("  ", "  ")
	return enc.Encode(struct {
		Decision vendors.DecisionRecord `json:"decision"`
		History  []vendors.Move         `json:"history"`
	}{record, pipeline.History()[:3]})
}

func printDimensions(ev vendors.Evaluation) {
	fmt.Printf("  %-9s", "")
	for _, w := range ev.Weights {
		fmt.Printf(" %8.8s", w.Dimension)
	}
	fmt.Printf("  bid\n")
	for _, v := range ev.Vendors {
		fmt.Printf("  %-9s", v.Vendor)
		for _, d := range v.Dimensions {
			fmt.Printf(" %8.2f", d.Score)
		}
		if v.Price != nil {
			fmt.Printf(" %s", v.Price.Price)
		}
		fmt.Println()
	}
}

func printRanking(title string, ev vendors.Evaluation) {
	fmt.Printf("\n%s:\n", title)
	for _, r := range ev.Ranking {
		fmt.Printf("  %d. %-9s score %.4f  %.2f points\n", r.Rank, r.Vendor, r.Score, r.Points)
	}
}
