package scoring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing/scoring"
)

// Indexers panic out of range like a slice: At(0, 2) on a 2×2 matrix must
// not return the first value of row 1.
func TestIndexersPanicOutOfRange(t *testing.T) {
	m := newMatrix(t, []scoring.CriterionType{"benefit", "benefit"}, [][]float64{{1, 2}, {3, 4}})
	p, err := scoring.NewPairwiseUpper(2, []float64{3})
	require.NoError(t, err)
	assert.Equal(t, 4.0, m.At(1, 1))
	assert.InDelta(t, 1.0/3, p.At(1, 0), 1e-15)
	for _, ij := range [][2]int{{0, 2}, {2, 0}, {-1, 0}, {0, -1}, {1, 2}} {
		assert.Panics(t, func() { m.At(ij[0], ij[1]) }, "Matrix.At%v", ij)
		assert.Panics(t, func() { p.At(ij[0], ij[1]) }, "Pairwise.At%v", ij)
	}
}
