package sla

import (
	"math/rand/v2"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestShareUnitsIsAllocate: credits shared in int64 minor units and
// fixed-point weights are Money.Allocate's parts, and the shares are the
// decimal quotient rounded half up, for weights of mixed exponents, ties
// and zeros, in currencies with 0, 2 and 3 minor digits.
func TestShareUnitsIsAllocate(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		n := 2 + r.IntN(5)
		raw := make([]outsourcing.Decimal, n)
		for i := range raw {
			switch r.IntN(4) {
			case 0: // zero
			case 1:
				raw[i] = outsourcing.DecimalOf(decimal.New(100, 0)) // ties
			default:
				raw[i] = outsourcing.DecimalOf(decimal.New(r.Int64N(1e9), -int32(r.IntN(8))))
			}
		}
		cur := []outsourcing.Currency{"JPY", "EUR", "KWD"}[r.IntN(3)]
		credits, err := outsourcing.NewMoney(outsourcing.DecimalOf(decimal.New(1+r.Int64N(1e7), -cur.MinorUnits())), cur)
		require.NoError(t, err)
		ar := &arena{am: &amounts{}}
		w := ar.am.weights(n)
		total, _, ok := fixedPoint(raw, w)
		require.True(t, ok)
		if total == 0 {
			continue
		}
		units, ok := minorUnits(credits)
		require.True(t, ok)
		rep := &Report{Credits: credits, Levels: make([]LevelReport, n)}
		require.NoError(t, shareUnits(rep, units, w, total, ar))
		want, err := credits.Allocate(raw...)
		require.NoError(t, err)
		whole := outsourcing.DecimalFromInt(0)
		for _, x := range raw {
			whole = whole.Add(x)
		}
		for i := range raw {
			require.True(t, want[i].Amount().Equal(rep.Levels[i].Credit.Amount()), "%v: %s, not %s", raw, rep.Levels[i].Credit, want[i])
			if raw[i].IsZero() {
				continue
			}
			share, err := raw[i].Mul(outsourcing.DecimalFromInt(100)).Quo(whole, ActualPlaces, outsourcing.RoundHalfUp)
			require.NoError(t, err)
			require.Equal(t, share.Trim().String(), rep.Levels[i].CreditShare.String(), "%v", raw)
		}
	}
}
