package risk

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// The guide table only skips comparisons: every draw gives the count
// that the sequential search over poissonSteps gives, including the
// uniforms at the edges of every bucket.
func TestPoissonTableMatchesSequentialSearch(t *testing.T) {
	src := rand.NewPCG(11, 12)
	for _, lambda := range []float64{1e-9, 0.05, 0.7, 2, 3, 9.5, 9.999} {
		expNeg := math.Exp(-lambda)
		table := newPoissonTable(lambda, expNeg)
		require.NotNil(t, table)
		check := func(bits uint64) {
			want := searchPoisson(poissonSteps(lambda, expNeg), unitFloat(bits))
			require.Equal(t, want, table.draw(bits), "λ=%g bits=%#x", lambda, bits)
		}
		for j := range uint64(guideSize) {
			for _, offset := range []uint64{0, 1, 1<<45 - 1} {
				check(j<<45 + offset)
				check(j<<45 + offset | 0xffe0_0000_0000_0000) // bits unitFloat ignores
			}
		}
		for range 200_000 {
			check(src.Uint64())
		}
	}
	require.Nil(t, newPoissonTable(10, math.Exp(-10)))
	require.Nil(t, newPoissonTable(0, 1))
}
