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
	// mean                          534,743.09 EUR
	// std dev                       966,794.41 EUR
	// P10                                 0.00 EUR
	// P50                           238,771.65 EUR
	// P90                         1,312,871.42 EUR
	// P95                         1,981,929.30 EUR
	// P99                         4,341,248.55 EUR
	// VaR 95%                     1,981,929.30 EUR
	// P(any loss)                           0.8646
	// P(loss > 1,312,871.42 EUR)            0.1000
	// P(loss > 4,341,248.55 EUR)            0.0100
	// <nil>
}
