package vendors

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomNum returns a number from a mix that exercises every path of
// num: small fractions, int64 fractions near the overflow bounds, and
// values only a big.Rat holds.
func randomNum(r *rand.Rand) num {
	switch r.IntN(5) {
	case 0:
		return frac(r.Int64N(201)-100, r.Int64N(20)+1)
	case 1: // near the int64 bounds
		n := math.MaxInt64 - r.Int64N(1000)
		if r.IntN(2) == 0 {
			n = -n
		}
		return frac(n, r.Int64N(3)+1)
	case 2:
		return frac(r.Int64N(2001)-1000, math.MaxInt64-r.Int64N(1000))
	case 3: // beyond int64
		n := new(big.Int).Lsh(big.NewInt(r.Int64N(1000)+1), 70)
		return ratNum(new(big.Rat).SetFrac(n, big.NewInt(r.Int64N(1000)+1)))
	}
	return intNum(r.Int64N(11) - 5)
}

// Every operation agrees with math/big, on both sides of int64 overflow,
// and float returns the float64 nearest to the exact value.
func TestNumMatchesBigRat(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20_000 {
		a, b := randomNum(r), randomNum(r)
		ra, rb := new(big.Rat).Set(a.rat()), new(big.Rat).Set(b.rat())
		assert.Equal(t, new(big.Rat).Add(ra, rb).String(), a.add(b).rat().String(), "%s + %s", ra, rb)
		assert.Equal(t, new(big.Rat).Sub(ra, rb).String(), a.sub(b).rat().String(), "%s - %s", ra, rb)
		assert.Equal(t, new(big.Rat).Mul(ra, rb).String(), a.mul(b).rat().String(), "%s * %s", ra, rb)
		if rb.Sign() != 0 {
			assert.Equal(t, new(big.Rat).Quo(ra, rb).String(), a.quo(b).rat().String(), "%s / %s", ra, rb)
		}
		assert.Equal(t, ra.Cmp(rb), a.cmp(b), "cmp %s %s", ra, rb)
		assert.Equal(t, new(big.Rat).Abs(ra).String(), a.abs().rat().String())
		assert.Equal(t, ra.Sign(), a.sign())
		want, _ := ra.Float64()
		assert.Equal(t, want, a.float(), "float %s", ra)
		require.Equal(t, ra.String(), a.rat().String(), "operands unchanged")
		require.Equal(t, rb.String(), b.rat().String(), "operands unchanged")
	}
}

func TestNumOf(t *testing.T) {
	for _, d := range []outsourcing.Decimal{
		outsourcing.MustDecimal("0"), outsourcing.MustDecimal("3.8"), outsourcing.MustDecimal("-0.000000000000000001"),
		outsourcing.MustDecimal("999999999999999999"), outsourcing.MustDecimal("9999999999999999999"),
		outsourcing.MustDecimal("0.1234567890123456789012345"), outsourcing.MustDecimal("-12.50"),
		outsourcing.DecimalOf(decimal.New(5, 3)), outsourcing.DecimalOf(decimal.New(5, 30)), outsourcing.DecimalOf(decimal.New(-7, -30)),
	} {
		assert.Equal(t, d.Shopspring().Rat().String(), numOf(d).rat().String(), d.String())
	}
	assert.Equal(t, "3/10", defaultThreshold().rat().String())
	var zero num
	assert.Equal(t, 0, zero.cmp(intNum(0)))
	assert.Equal(t, "5/2", zero.add(frac(5, 2)).rat().String())
}
