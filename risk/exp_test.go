package risk

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFastExpMatchesMathExp(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for i := range 2_000_000 {
		x := (r.Float64() - 0.5) * 1400
		if i%2 == 0 {
			x /= 100
		}
		want, got := math.Exp(x), fastExp(x)
		require.InEpsilon(t, want, got, 1e-15, "exp(%v)", x)
	}
	for _, x := range []float64{0, -0, 1, -1, 709, -745, 710, math.Inf(1), math.Inf(-1)} {
		require.Equal(t, math.Exp(x), fastExp(x), x)
	}
	require.True(t, math.IsNaN(fastExp(math.NaN())))
}
