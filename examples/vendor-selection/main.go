// Command vendor-selection runs the whole vendor selection of Handbook §2
// from JSON documents, the way a procurement system would hand them over,
// and prints the selection report: twelve vendor profiles screened at a
// date to a short list of six (§2.1), the short list scored by four
// evaluators on the handbook's seven dimensions with security as a gate
// (§2.2), ranked by weighted sum and cross-checked by TOPSIS with AHP
// weights, with the weight sensitivity, and the committee's decision with
// its approvals and clarification log (§2.3).
//
//	go run ./examples/vendor-selection         # the report
//	go run ./examples/vendor-selection -json   # the decision record an ERP archives
package main

import (
	_ "embed"
	"encoding/json"
	"flag"
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
	//go:embed decision.json
	decisionJSON []byte
)

// asOf is the screening date: certificates expired by then do not count.
var asOf = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)

func main() {
	asJSON := flag.Bool("json", false, "print the decision record and the pipeline history as JSON instead of the report")
	flag.Parse()
	if err := run(*asJSON); err != nil {
		log.Fatal(err)
	}
}

func run(asJSON bool) error {
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

	// §2.3 the same panel ranked by TOPSIS with AHP dimension weights, as a
	// cross-check.
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

	// The committee's decision, with approvals and the clarification log.
	pipeline, err = pipeline.Apply(ev.Moves(asOf.AddDate(0, 1, 0), "evaluation panel")...)
	if err != nil {
		return err
	}
	decision, err := vendors.ParseDecision(decisionJSON)
	if err != nil {
		return err
	}
	record, err := vendors.Decide(ev, decision)
	if err != nil {
		return err
	}
	pipeline, err = pipeline.Apply(record.Moves(decision.Decided, "selection committee")...)
	if err != nil {
		return err
	}

	if asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Decision vendors.DecisionRecord `json:"decision"`
			History  []vendors.Move         `json:"history"`
		}{record, pipeline.History()})
	}
	fmt.Printf("VENDOR SELECTION REPORT, evaluation %s\n", ev.ID)
	printScreening(pool, screened, len(ruleSet.Rules))
	printEvaluation(ev, template, len(espec.Scores))
	printRanking(ev, alt)
	printSensitivity(ev)
	printDecision(record, pipeline)
	return nil
}

func printScreening(pool *vendors.Pool, screened vendors.ScreeningResult, rules int) {
	fmt.Printf("\n1. Screening of %d vendors on %s against %d knock-out criteria\n", pool.Len(), screened.AsOf.Format(time.DateOnly), rules)
	t := outsourcing.Table{Header: []string{"vendor", "outcome", "reason"}}
	for _, v := range screened.Vendors {
		if v.Passed {
			continue
		}
		for _, k := range v.KnockOuts {
			t.Rows = append(t.Rows, []string{v.Vendor, "rejected", k.String()})
		}
		for _, n := range v.NotCounted {
			t.Rows = append(t.Rows, []string{"", "not counted", n.String()})
		}
	}
	printTable(t)
	fmt.Printf("   Short list (%d): %s\n", len(screened.Passed), strings.Join(screened.Passed, ", "))
}

func printEvaluation(ev vendors.Evaluation, t *vendors.Template, scores int) {
	spec := t.Spec()
	fmt.Printf("\n2. Evaluation: %d scores on %d criteria by the panel, scale %s to %s; dimension scores and bids\n", scores, len(t.Criteria()), spec.Scale.Min, spec.Scale.Max)
	printTable(ev.MatrixTable(t))
	for _, g := range ev.Gated {
		fmt.Printf("   %s scores %.1f on %s, below the gate of %s: not ranked, its bid not scored\n", g.Vendor, g.Score, g.Dimension, g.Gate)
	}
	for _, o := range ev.Outliers {
		fmt.Printf("   Outlier: the %s evaluator gave %s %s on %s; the rest of the panel's median is %.1f\n", o.Evaluator, o.Vendor, o.Score, o.Criterion, o.PanelMedian)
	}
	for _, w := range ev.Warnings {
		if w.Code != vendors.WarningOutliers {
			fmt.Printf("   Warning: %s\n", w.Message)
		}
	}
}

func printRanking(ev, alt vendors.Evaluation) {
	fmt.Printf("\n3. Ranking by weighted sum of the template weights (points out of 100)\n")
	printTable(ev.RankingTable())
	fmt.Printf("   Cross-check by TOPSIS with AHP weights (consistency ratio %.3f, acceptable under 0.10):\n  ", alt.AHP.CR)
	for _, r := range alt.Ranking {
		fmt.Printf(" %d. %s", r.Rank, r.Vendor)
	}
	fmt.Println()
}

func printSensitivity(ev vendors.Evaluation) {
	fmt.Printf("\n4. Sensitivity: each weight can move within these bounds, the others rescaled, without changing\n")
	t := outsourcing.Table{Header: []string{"dimension", "weight", "the winner", "the whole ranking"}, Numeric: []bool{false, true}}
	for _, s := range ev.Sensitivity {
		t.Rows = append(t.Rows, []string{s.Criterion, fmt.Sprintf("%.1f%%", 100*s.Weight),
			percentRange(s.WinnerLow, s.WinnerHigh), percentRange(s.RankingLow, s.RankingHigh)})
	}
	printTable(t)
}

func percentRange(low, high float64) string {
	if low == 0 && high == 1 {
		return "any weight"
	}
	return fmt.Sprintf("%.1f%% to %.1f%%", 100*low, 100*high)
}

func printDecision(r vendors.DecisionRecord, p *vendors.Pipeline) {
	fmt.Printf("\n5. Decision of %s by the %s: %s, ranked %d of %d; status %s\n", r.Decided.Format(time.DateOnly), r.DecidedBy, r.Selected, r.SelectedRank, len(r.Ranking), r.Status)
	if r.OverridesRanking {
		fmt.Printf("   Chosen against the ranking: %s was ranked first.\n", r.TopRanked)
	}
	fmt.Printf("   Rationale: %s\n", r.Rationale)
	printTable(r.ApprovalsTable())
	fmt.Printf("   Clarification and negotiation log:\n")
	printTable(r.LogTable())
	fmt.Printf("   Pipeline: selected %s; rejected %s\n", strings.Join(p.In(vendors.StageSelected), ", "), strings.Join(p.In(vendors.StageRejected), ", "))
	fmt.Printf("   Audit record %s (run with -json for the record and every move's reason)\n", r.ID)
}

// printTable writes a table's aligned text indented under its section.
func printTable(t outsourcing.Table) {
	for line := range strings.Lines(t.Text()) {
		fmt.Print("   " + line)
	}
}
