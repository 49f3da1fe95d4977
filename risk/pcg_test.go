package risk

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// pcg is math/rand/v2's PCG: the same seeds give the same values.
func TestPCGMatchesMathRand(t *testing.T) {
	for _, seed := range [][2]uint64{{0, 0}, {1, 2}, {42, mix(0)}, {^uint64(0), 1 << 63}} {
		want := rand.NewPCG(seed[0], seed[1])
		got := pcg{seed[0], seed[1]}
		for i := range 10_000 {
			require.Equal(t, want.Uint64(), got.Uint64(), "seed %v, value %d", seed, i)
		}
	}
}
