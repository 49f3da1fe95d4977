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
