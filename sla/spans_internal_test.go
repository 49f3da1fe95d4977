package sla

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestClipNextIsClipTotal: reading forward from the period before gives
// clipTotal's length and count, for periods in time order, repeated,
// overlapping or earlier than the one before.
func TestClipNextIsClipTotal(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		raw := make([]span, r.IntN(300))
		for i := range raw {
			s := r.Int64N(1e6)
			raw[i] = span{s, s + 1 + r.Int64N(5000)}
		}
		spans := mergeSpans(raw, nil)
		next := 0
		for range 30 {
			s := r.Int64N(1.1e6) - 5e4
			e := s + r.Int64N(2e5)
			total, n := clipTotal(spans, s, e)
			gotTotal, gotN := clipNext(spans, s, e, &next)
			require.Equal(t, total, gotTotal, "[%d, %d)", s, e)
			require.Equal(t, n, gotN, "[%d, %d)", s, e)
		}
	}
}
