package risk_test

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing/risk"
)

// A notebook cell: from plain numbers to a summary table in four lines.
// res.Markdown() gives the same table in Markdown, res.ExceedanceSVG() the
// loss exceedance curve as SVG bytes.
func Example_quickPath() {
	s := risk.Scenario{Frequency: risk.PoissonFrequency(2), Magnitude: risk.LognormalMagnitude(10_000, 1_000_000, "EUR")}
	res, err := risk.Simulate(s, risk.SimOptions{Trials: 100_000, Seed: 1, SummaryOptions: risk.SummaryOptions{ExceedanceProbabilities: []float64{0.1, 0.01}}})
	fmt.Print(res.Text(), err)
	// Output:
	// statistic                              value
	// --------------------------  ----------------
	// trials                                100000
	// mean                          533,833.88 EUR
	// std dev                       976,153.13 EUR
	// P10                                 0.00 EUR
	// P50                           242,077.45 EUR
	// P90                         1,315,009.13 EUR
	// P95                         1,971,322.24 EUR
	// P99                         4,245,206.63 EUR
	// VaR 95%                     1,971,322.24 EUR
	// P(any loss)                           0.8650
	// P(loss > 1,315,009.13 EUR)            0.1000
	// P(loss > 4,245,206.63 EUR)            0.0100
	// <nil>
}
