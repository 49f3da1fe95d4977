package risk

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPERTDistributionReference(t *testing.T) {
	for _, ref := range loadQuant(t).PERT {
		d, err := NewPERT(ref.Min, ref.Mode, ref.Max, ref.Shape)
		require.NoError(t, err, ref.Source)
		assert.InDelta(t, ref.Alpha, d.Alpha(), 1e-12, ref.Source)
		assert.InDelta(t, ref.Beta, d.Beta(), 1e-12, ref.Source)
		assert.InDelta(t, ref.Mean, d.Mean(), 1e-12, ref.Source)
		if ref.Variance != 0 {
			assert.InDelta(t, ref.Variance, d.Variance(), 1e-9, ref.Source)
		}
		// The quantile inverts the CDF.
		for _, p := range []float64{0.01, 0.25, 0.5, 0.9, 0.999} {
			x, err := d.Quantile(p)
			require.NoError(t, err)
			c, err := d.CDF(x)
			require.NoError(t, err)
			assert.InDelta(t, p, c, 1e-9)
		}
	}
	// PERT(0, 50, 100) is Beta(3, 3) on [0, 100]: symmetric about 50, and
	// its CDF is the polynomial 10u³ − 15u⁴ + 6u⁵ (u = x/100).
	d, err := NewPERT(0, 50, 100, 0)
	require.NoError(t, err)
	median, _ := d.Quantile(0.5)
	assert.InDelta(t, 50, median, 1e-9)
	for _, x := range []float64{-5, 0, 10, 37.5, 80, 100, 120} {
		u := min(1, max(0, x/100))
		c, err := d.CDF(x)
		require.NoError(t, err)
		assert.InDelta(t, 10*u*u*u-15*u*u*u*u+6*u*u*u*u*u, c, 1e-12, x)
	}
	// Draws from the caller's source: the same source gives the same value,
	// and the sample moments approach the closed forms.
	assert.Equal(t, d.Draw(rand.NewPCG(1, 2)), d.Draw(rand.NewPCG(1, 2)))
	src := rand.NewPCG(3, 4)
	mean, variance := sampleMoments(200_000, func() float64 { return d.Draw(src) })
	assert.InDelta(t, d.Mean(), mean, 0.2)
	assert.InDelta(t, d.Variance(), variance, 5)
}

func TestLognormalDistributionReference(t *testing.T) {
	for _, ref := range loadQuant(t).Lognormal {
		d, err := LognormalFrom90(ref.Low, ref.High)
		require.NoError(t, err, ref.Source)
		assert.InDelta(t, ref.Mu, d.Mu(), 1e-12, ref.Source)
		assert.InDelta(t, ref.Sigma, d.Sigma(), 1e-12, ref.Source)
		assert.InDelta(t, ref.Mean, d.Mean(), 1e-6, ref.Source)
		assert.InDelta(t, math.Exp(ref.Mu), d.Median(), 1e-6, ref.Source)
		// The interval's ends are the 5th and 95th percentiles.
		lo, err := d.Quantile(0.05)
		require.NoError(t, err)
		hi, err := d.Quantile(0.95)
		require.NoError(t, err)
		assert.InDelta(t, ref.Low, lo, 1e-6*ref.Low)
		assert.InDelta(t, ref.High, hi, 1e-6*ref.High)
		c, _ := d.CDF(ref.High)
		assert.InDelta(t, 0.95, c, 1e-12)
		same, err := NewLognormal(d.Mu(), d.Sigma())
		require.NoError(t, err)
		assert.Equal(t, d, same)
	}
}

func TestDistributionBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for name, err := range map[string]error{
		"pert NaN":      second(NewPERT(nan, 1, 2, 0)),
		"pert Inf":      second(NewPERT(0, 1, inf, 0)),
		"pert min>mode": second(NewPERT(3, 1, 5, 0)),
		"pert empty":    second(NewPERT(1, 1, 1, 0)),
		"pert shape":    second(NewPERT(0, 1, 2, -1)),
		// max − min = 2e308 overflows: the variance was +Inf, the median NaN.
		"pert overflow":      second(NewPERT(-1e308, 0, 1e308, 0)),
		"lognormal sigma 0":  second(NewLognormal(0, 0)),
		"lognormal sigma<0":  second(NewLognormal(0, -1)),
		"lognormal NaN mu":   second(NewLognormal(nan, 1)),
		"lognormal Inf":      second(NewLognormal(0, inf)),
		"lognormal overflow": second(NewLognormal(700, 30)),
		"90 low 0":           second(LognormalFrom90(0, 1)),
		"90 inverted":        second(LognormalFrom90(2, 1)),
		"90 NaN":             second(LognormalFrom90(1, nan)),
	} {
		assert.Error(t, err, name)
		assert.True(t, isRiskError(err), name)
	}
	d, _ := NewPERT(0, 1, 2, 0)
	l, _ := LognormalFrom90(1, 10)
	for _, dist := range []Distribution{d, l} {
		for _, p := range []float64{0, 1, -0.5, 1.5, nan, inf} {
			_, err := dist.Quantile(p)
			assert.ErrorIs(t, err, outsourcing.ErrInvalidInput, p)
		}
		_, err := dist.CDF(nan)
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	}
}

func second[T any](_ T, err error) error { return err }

// isRiskError reports a typed error with the package prefix.
func isRiskError(err error) bool {
	return err != nil && len(fieldPaths(err)) > 0 && err.Error()[:6] == "risk: "
}

func FuzzDistributions(f *testing.F) {
	f.Add(10.0, 20.0, 60.0, 4.0, 0.5, 25.0)
	f.Add(0.0, 0.0, 1.0, 0.0, 1e-300, -1.0)
	f.Add(1e-300, 1e300, math.Inf(1), math.NaN(), 2.0, math.NaN())
	f.Fuzz(func(t *testing.T, a, b, c, shape, p, x float64) {
		var dists []Distribution
		if d, err := NewPERT(a, b, c, shape); err == nil {
			dists = append(dists, d)
		}
		if d, err := NewLognormal(a, b); err == nil {
			dists = append(dists, d)
		}
		if d, err := LognormalFrom90(a, c); err == nil {
			dists = append(dists, d)
		}
		for _, d := range dists {
			for _, v := range []float64{d.Mean(), d.Variance()} {
				require.False(t, math.IsNaN(v) || math.IsInf(v, 0), "moment %g of %+v", v, d)
			}
			if q, err := d.Quantile(p); err == nil {
				require.False(t, math.IsNaN(q), "quantile %g of %+v", p, d)
			}
			if cdf, err := d.CDF(x); err == nil {
				require.True(t, cdf >= 0 && cdf <= 1, "cdf %g at %g of %+v", cdf, x, d)
			}
		}
		_, _ = FAIRVulnerability(PERT{a, b, c, shape}, PERT{b, c, x, 0})
		_, _ = NISTFrequencyLevel(x)
		_, _ = CombinedEffectiveness(a, b, p)
		_, _ = Summarise([]float64{a, b, c, x}, "EUR", SummaryOptions{VaRConfidence: p})
	})
}
