package risk

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every layer of the ziggurat has the area V: the base layer's rectangle
// plus the tail beyond R (∫_R^∞ e^{−x²/2} dx = √(π/2)·erfc(R/√2)), the
// others their rectangle x_i·(f_{i+1} − f_i), up to the top one.
func TestZigguratLayersHaveEqualArea(t *testing.T) {
	tail := math.Sqrt(math.Pi/2) * math.Erfc(zigR/math.Sqrt2)
	assert.InEpsilon(t, zigV, zigR*zigF[1]+tail, 1e-9, "base layer")
	for i := 1; i < zigguratLayers; i++ {
		require.Greater(t, zigX[i], zigX[i+1], "layer %d", i)
		assert.InEpsilon(t, zigV, zigX[i]*(zigF[i+1]-zigF[i]), 1e-6, "layer %d", i)
	}
	assert.Zero(t, zigX[zigguratLayers])
	assert.InEpsilon(t, zigX[0]*zigF[1], zigV, 1e-12, "x_0 is the base layer's width")
}

// The draws follow the standard normal: the largest gap between the
// empirical CDF and Φ (Kolmogorov–Smirnov) stays below its 0.1% critical
// value 1.95/√n, the moments match, and the tails beyond R (drawn by
// normalTail) have their probability 2Φ(−R) = 2.58e-4 within 5 standard
// errors.
func TestNormalsFollowTheStandardNormal(t *testing.T) {
	const n = 2_000_000
	xs := make([]float64, n)
	normals(&pcg{21, 22}, xs)
	sum, squares, tail := 0.0, 0.0, 0
	for _, x := range xs {
		sum += x
		squares += x * x
		if math.Abs(x) > zigR {
			tail++
		}
	}
	assert.InDelta(t, 0, sum/n, 5/math.Sqrt(n))
	assert.InDelta(t, 1, squares/n, 5*math.Sqrt(2.0/n))
	p := math.Erfc(zigR / math.Sqrt2)
	assert.InDelta(t, p*n, float64(tail), 5*math.Sqrt(p*n))
	slices.Sort(xs)
	ks := 0.0
	for i, x := range xs {
		phi := 0.5 * math.Erfc(-x/math.Sqrt2)
		ks = max(ks, math.Abs(phi-float64(i)/n), math.Abs(phi-float64(i+1)/n))
	}
	assert.Less(t, ks, 1.95/math.Sqrt(n))
	assert.Equal(t, normal(&pcg{21, 22}), normal(&pcg{21, 22}))
}
