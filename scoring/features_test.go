package scoring_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing/scoring"
)

// TOPSIS shows its work in the standard convention: with vector
// normalisation A⁺ of a cost column is w·min/‖x‖ and A⁻ w·max/‖x‖, and
// the weighted normalised matrix is w·x/‖x‖ for every column (Hwang &
// Yoon 1981); closeness from these equals the method's.
func TestTOPSISShowsItsWork(t *testing.T) {
	rows := [][]float64{{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}}
	m := newMatrix(t, []scoring.CriterionType{"benefit", "cost", "benefit"}, rows)
	w := []float64{0.3, 0.4, 0.3}
	s, err := scoring.Score(m, w, scoring.Config{Method: scoring.MethodTOPSIS, ShowWork: true})
	require.NoError(t, err)
	d := s.TOPSIS
	norm := func(j int) float64 {
		ss := 0.0
		for _, r := range rows {
			ss += r[j] * r[j]
		}
		return math.Sqrt(ss)
	}
	assert.InDelta(t, 0.4*4/norm(1), d.IdealPositive[1], 1e-15)
	assert.InDelta(t, 0.4*8/norm(1), d.IdealNegative[1], 1e-15)
	assert.InDelta(t, 0.3*8/norm(0), d.IdealPositive[0], 1e-15)
	for i, r := range rows {
		dp, dn := 0.0, 0.0
		for j, x := range r {
			v := w[j] * x / norm(j)
			assert.InDelta(t, v, d.Weighted[i*3+j], 1e-15)
			dp += (v - d.IdealPositive[j]) * (v - d.IdealPositive[j])
			dn += (v - d.IdealNegative[j]) * (v - d.IdealNegative[j])
		}
		assert.InDelta(t, math.Sqrt(dn)/(math.Sqrt(dp)+math.Sqrt(dn)), s.Values[i], 1e-12)
	}
	// Fixed reference ideals in the criteria's units: 10 and 0 on a 0–10 scale.
	ref, err := scoring.Score(m, w, scoring.Config{Method: scoring.MethodTOPSIS, Normalization: scoring.NormalizationMax,
		IdealPositive: []float64{10, 0, 10}, IdealNegative: []float64{0, 10, 0}})
	require.NoError(t, err)
	for i, r := range rows {
		dp, dn := 0.0, 0.0
		for j, x := range r {
			hi := 8.0 // every column's maximum, the max normalisation's divisor
			best, worst := 10/hi, 0.0
			if j == 1 {
				best, worst = 0, 10/hi
			}
			v := x / hi
			dp += w[j] * w[j] * (v - best) * (v - best)
			dn += w[j] * w[j] * (v - worst) * (v - worst)
		}
		assert.InDelta(t, math.Sqrt(dn)/(math.Sqrt(dp)+math.Sqrt(dn)), ref.Values[i], 1e-12)
	}
	_, err = scoring.Score(m, w, scoring.Config{Method: scoring.MethodWSM, IdealPositive: []float64{1, 2, 3}})
	assertPaths(t, err, "/ideal_positive")
}

// WASPAS is λ·WSM + (1 − λ)·WPM on linear normalisation: λ = 1 and 0 give
// the two methods exactly.
func TestWASPASLambda(t *testing.T) {
	m := newMatrix(t, []scoring.CriterionType{"benefit", "cost", "benefit"}, [][]float64{{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}})
	w := []float64{0.3, 0.4, 0.3}
	sum, err := scoring.WSM(m, w, "", "")
	require.NoError(t, err)
	prod, err := scoring.WPM(m, w, "", "")
	require.NoError(t, err)
	for _, l := range []float64{0, 0.5, 1} {
		s, err := scoring.Score(m, w, scoring.Config{Method: scoring.MethodWASPAS, Lambda: &l})
		require.NoError(t, err)
		for i := range s.Values {
			assert.InDelta(t, l*sum.Values[i]+(1-l)*prod.Values[i], s.Values[i], 1e-15)
		}
		assert.Equal(t, l, s.WASPAS.Lambda)
	}
	bad := 1.5
	_, err = scoring.Score(m, w, scoring.Config{Method: scoring.MethodWASPAS, Lambda: &bad})
	assertPaths(t, err, "/lambda")
}

// Weights as given: sums and flows scale with Σw, products take its
// power, TOPSIS's closeness and VIKOR's Q do not change.
func TestWeightsAsGiven(t *testing.T) {
	m := newMatrix(t, []scoring.CriterionType{"benefit", "cost", "benefit"}, [][]float64{{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}})
	w := []float64{0.6, 0.8, 0.6} // sums to 2
	for _, cfg := range append(allConfigs, scoring.Config{Method: scoring.MethodWASPAS}) {
		norm, err := scoring.Score(m, w, cfg)
		require.NoError(t, err)
		cfg.WeightsAsGiven = true
		given, err := scoring.Score(m, w, cfg)
		require.NoError(t, err)
		assert.Equal(t, w, given.Weights)
		for i, v := range norm.Values {
			want := v
			switch cfg.Method {
			case scoring.MethodWSM, scoring.MethodPROMETHEEII:
				want = 2 * v
			case scoring.MethodWPM:
				want = v * v
			case scoring.MethodWASPAS:
				want = 0.5*2*norm.WASPAS.WSM[i] + 0.5*norm.WASPAS.WPM[i]*norm.WASPAS.WPM[i]
			}
			assert.InDelta(t, want, given.Values[i], 1e-12, "%s %s", cfg.Method, cfg.Normalization)
		}
	}
}
