package sla

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFracAgreesWithBigRat: comparisons, rounding and the exact text of
// int64 fractions are big.Rat's, near the int64 limits too.
func TestFracAgreesWithBigRat(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	draw := func() frac {
		switch r.IntN(3) {
		case 0:
			return fracOf(r.Int64N(1000)-500, 1+r.Int64N(7))
		case 1:
			return percentOf(r.Int64N(math.MaxInt64/100), 1+r.Int64N(math.MaxInt64/100))
		}
		n := r.Int64() - math.MaxInt64/2
		return fracOf(n, 1+r.Int64N(math.MaxInt64-1))
	}
	for range 20000 {
		x, y := draw(), draw()
		require.Equal(t, x.rat().Cmp(y.rat()), x.cmp(y), "%v %v", x, y)
		require.Equal(t, ratDecimal(x.rat(), 6).String(), x.round(6).String(), "%v", x)
		require.Equal(t, ratDecimal(x.rat(), 6).String(), string(x.appendRounded(nil, 6)), "%v", x)
		require.Equal(t, x.rat().RatString(), string(x.appendExact(nil)), "%v", x)
	}
	wide := frac{r: big.NewRat(1, 3)}
	require.Equal(t, -1, wide.cmp(fracOf(1, 2)))
	require.Equal(t, "0.333333", wide.round(6).String())
	require.Equal(t, "0", fracOf(0, 5).round(6).String())
	require.Equal(t, "-0.5", fracOf(-1, 2).round(6).String())
}

// TestAllowedDowntimeAgreesWithBigRat: the error budget's integer path is
// the rational formula floored.
func TestAllowedDowntimeAgreesWithBigRat(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		exp := fracOf(r.Int64N(100_000_001), 1_000_000)
		denom := r.Int64N(400 * 24 * 3600 * 1e9)
		share := new(big.Rat).Sub(ratHundred, exp.rat())
		share.Quo(share, ratHundred).Mul(share, new(big.Rat).SetInt64(denom))
		want := new(big.Int).Quo(share.Num(), share.Denom()).Int64()
		require.Equal(t, want, allowedDowntime(exp, denom))
	}
}
