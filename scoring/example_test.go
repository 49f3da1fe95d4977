package scoring_test

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/scoring"
)

// TOPSIS on the worked example of Tzeng & Huang (2011).
func ExampleTOPSIS() {
	crit := []scoring.Criterion{{ID: "c1", Type: scoring.CriterionTypeBenefit}, {ID: "c2", Type: scoring.CriterionTypeBenefit}, {ID: "c3", Type: scoring.CriterionTypeBenefit}}
	m, err := scoring.NewMatrix([]string{"A1", "A2", "A3", "A4"}, crit, [][]float64{{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}})
	if err != nil {
		panic(err)
	}
	s, err := scoring.TOPSIS(m, []float64{0.3, 0.4, 0.3}, scoring.NormalizationVector, "")
	if err != nil {
		panic(err)
	}
	ranking, _ := scoring.Rank(s, scoring.RankOptions{})
	for _, r := range ranking {
		fmt.Printf("%v %s %.4f\n", r.Rank, r.Alternative, r.Score)
	}
	// Output:
	// 1 A3 0.7482
	// 2 A2 0.6581
	// 3 A1 0.5037
	// 4 A4 0.3340
}

// AHP weights for the criteria of Wikipedia's "choosing a leader" example.
func ExampleAHP() {
	p, err := scoring.NewPairwiseUpper(4, []float64{4, 3, 7, 1.0 / 3, 3, 5})
	if err != nil {
		panic(err)
	}
	r, err := scoring.AHP(p, scoring.AHPOptions{RandomIndex: scoring.RITableSaaty1980})
	if err != nil {
		panic(err)
	}
	fmt.Printf("priorities %.4f\n", r.Priorities)
	fmt.Printf("lambda max %.4f, CR %.4f, consistent %v\n", r.LambdaMax, r.CR, r.Consistent)
	// Output:
	// priorities [0.5476 0.1266 0.2699 0.0559]
	// lambda max 4.1184, CR 0.0439, consistent true
}

// Proportional price scoring out of 30 points, with abnormally low bids
// (30 % under the mean of the others) flagged for explanation.
func ExampleScorePrices() {
	bids := []scoring.Bid{
		{ID: "acme", Price: outsourcing.MustMoney("100000", "EUR")},
		{ID: "globex", Price: outsourcing.MustMoney("125000", "EUR")},
		{ID: "initech", Price: outsourcing.MustMoney("118000", "EUR")},
		{ID: "lowball", Price: outsourcing.MustMoney("60000", "EUR")},
	}
	scores, err := scoring.ScorePrices(bids, scoring.PriceRule{
		Formula:       scoring.PriceFormulaProportional,
		MaxScore:      outsourcing.MustDecimal("30"),
		AbnormallyLow: &scoring.AbnormallyLowRule{Below: outsourcing.MustPercent("30"), MinBids: 4},
	})
	if err != nil {
		panic(err)
	}
	for _, s := range scores {
		fmt.Printf("%-8s %s %v\n", s.ID, s.Score.Round(2, outsourcing.RoundHalfUp), s.AbnormallyLow)
	}
	// Output:
	// acme     18.00 false
	// globex   14.40 false
	// initech  15.25 false
	// lowball  30.00 true
}
