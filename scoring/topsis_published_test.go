package scoring_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/scoring"
)

// TOPSIS's weighted normalised matrix as a published worked example
// prints it (source in testdata), and the ideals as its column extremes.
func TestTOPSISWeightedMatrixAsPublished(t *testing.T) {
	var c struct {
		Source   string      `json:"source"`
		Rows     [][]float64 `json:"rows"`
		Weights  []float64   `json:"weights"`
		Weighted [][]float64 `json:"weighted"`
		Places   int         `json:"places"`
	}
	testkit.LoadJSON(t, "testdata/topsis_weighted.json", &c)
	m, err := scoring.NewMatrixValues(c.Rows, []scoring.CriterionType{"benefit", "benefit"})
	require.NoError(t, err)
	s, err := scoring.Score(m, c.Weights, scoring.Config{Method: scoring.MethodTOPSIS, ShowWork: true, WeightsAsGiven: true})
	require.NoError(t, err)
	half := 0.5 * math.Pow(10, -float64(c.Places))
	cols := len(c.Weights)
	for i, row := range c.Weighted {
		for j, want := range row {
			assert.InDelta(t, want, s.TOPSIS.Weighted[i*cols+j], half, "v[%d][%d] (%s)", i, j, c.Source)
		}
	}
	assert.InDelta(t, c.Weighted[0][0], s.TOPSIS.IdealPositive[0], half, "A+ of a benefit column is its maximum")
	assert.InDelta(t, c.Weighted[2][1], s.TOPSIS.IdealNegative[1], half, "A- of a benefit column is its minimum")
}

// TOPSIS's positive ideal in the standard convention (the minimum of a
// cost column) as published course slides print it (source in
// testdata): the slides weight r rounded to two places, so the test
// rounds A⁺ⱼ/wⱼ the same way before comparing to three decimals.
func TestTOPSISIdealAsPublished(t *testing.T) {
	var c struct {
		Source        string                  `json:"source"`
		Criteria      []scoring.CriterionType `json:"criteria"`
		Weights       []float64               `json:"weights"`
		Rows          [][]float64             `json:"rows"`
		SumsOfSquares []float64               `json:"sums_of_squares"`
		IdealPositive []float64               `json:"ideal_positive"`
		RPlaces       int                     `json:"r_places"`
	}
	testkit.LoadJSON(t, "testdata/topsis_ideal.json", &c)
	for j, sum := range c.SumsOfSquares {
		var got float64
		for _, row := range c.Rows {
			got += row[j] * row[j]
		}
		require.Equal(t, sum, got, "the transcribed column %d sums as printed", j)
	}
	m, err := scoring.NewMatrixValues(c.Rows, c.Criteria)
	require.NoError(t, err)
	s, err := scoring.Score(m, c.Weights, scoring.Config{Method: scoring.MethodTOPSIS, ShowWork: true})
	require.NoError(t, err)
	scale := math.Pow(10, float64(c.RPlaces))
	for j, want := range c.IdealPositive {
		r := math.Round(s.TOPSIS.IdealPositive[j]/c.Weights[j]*scale) / scale
		assert.InDelta(t, want, c.Weights[j]*r, 1e-9, "A+[%d] (%s)", j, c.Source)
	}
}
