package scoring_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/scoring"
)

// The approximate priority method (normalise columns, average rows) on a
// published worked example with an inconsistent matrix (source in
// testdata).
func TestAHPApproximateAsPublished(t *testing.T) {
	var c struct {
		Source     string      `json:"source"`
		Pairwise   [][]float64 `json:"pairwise"`
		Priorities []float64   `json:"priorities"`
		Places     int         `json:"places"`
	}
	testkit.LoadJSON(t, "testdata/ahp_approximate.json", &c)
	p, err := scoring.NewPairwise(c.Pairwise)
	require.NoError(t, err)
	res, err := scoring.AHP(p, scoring.AHPOptions{Method: scoring.AHPMethodApproximate})
	require.NoError(t, err)
	half := 0.5 * math.Pow(10, -float64(c.Places))
	for i, want := range c.Priorities {
		assert.InDelta(t, want, res.Priorities[i], half, "priority %d (%s)", i, c.Source)
	}
	assert.Greater(t, res.CI, 0.0, "the matrix is not consistent")
}
