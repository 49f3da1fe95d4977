package scoring_test

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing/scoring"
)

// The notebook quick path: plain values to a ranking table in four lines,
// on the TOPSIS worked example of Tzeng & Huang (2011).
func Example_quickPath() {
	m, _ := scoring.NewMatrixValues([][]float64{{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}}, []scoring.CriterionType{"benefit", "benefit", "benefit"})
	s, _ := scoring.Score(m, []float64{0.3, 0.4, 0.3}, scoring.Config{Method: scoring.MethodTOPSIS})
	r, _ := scoring.Rank(s, scoring.RankOptions{})
	fmt.Print(scoring.RankingTable(r).Text(), "\n", scoring.RankingTable(r).Markdown())
	// Output:
	// rank  alternative   score
	// ----  -----------  ------
	//    1  A3           0.7482
	//    2  A2           0.6581
	//    3  A1           0.5037
	//    4  A4           0.3340
	//
	// | rank | alternative | score |
	// | ---: | --- | ---: |
	// | 1 | A3 | 0.7482 |
	// | 2 | A2 | 0.6581 |
	// | 3 | A1 | 0.5037 |
	// | 4 | A4 | 0.3340 |
}

// A sensitivity table for the same matrix scored by WSM: the weight of
// each criterion may move within these bounds (the others rescaled)
// before the winner, or the whole ranking, changes. At C2's lower bound
// the weights are 0.4, 0.2, 0.4 and A3 ties A2: 0.4·1 + 0.2·1 + 0.4·0.75
// = 0.4·0.875 + 0.2·0.75 + 0.4·1 = 0.9 (linear normalisation x/max).
func ExampleSensitivityTable() {
	m, _ := scoring.NewMatrixValues([][]float64{{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}}, []scoring.CriterionType{"benefit", "benefit", "benefit"})
	iv, _ := scoring.WeightStability(m, []float64{0.3, 0.4, 0.3}, scoring.Config{Method: scoring.MethodWSM}, scoring.SensitivityOptions{})
	fmt.Print(scoring.SensitivityTable(iv).Text())
	// Output:
	// criterion  weight  winner low  winner high  ranking low  ranking high  exact
	// ---------  ------  ----------  -----------  -----------  ------------  -----
	// C1          0.300       0.000        1.000        0.000         0.417  true
	// C2          0.400       0.200        1.000        0.333         0.600  true
	// C3          0.300       0.000        0.440        0.067         0.417  true
}
