package scoring_test

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/scoring"
)

// Min-max is (x − min)/(max − min): far from zero the middle value of
// 1e9+0.5, 1e9+0.75, 1e9+1.25 is 1/3, not 0.33333325.
func TestMinMaxFarFromZero(t *testing.T) {
	m := newMatrix(t, []scoring.CriterionType{"benefit", "cost"}, [][]float64{{1e9 + 0.5, 1e9 + 0.5}, {1e9 + 0.75, 1e9 + 0.75}, {1e9 + 1.25, 1e9 + 1.25}})
	r, err := scoring.Normalize(m, scoring.NormalizationMinMax, "")
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 1, 1.0 / 3, 2.0 / 3, 1, 0}, r)
	s, err := scoring.WSM(m, []float64{1, 0}, scoring.NormalizationMinMax, "")
	require.NoError(t, err)
	assert.Equal(t, 1.0/3, s.Values[1])
}

// TOPSIS forms alternatives and ideals alike: an alternative worst on
// every criterion has closeness exactly 0, identical rows are an error
// whatever the weights, and so is a single alternative.
func TestTOPSISOneOrderOfOperations(t *testing.T) {
	types := []scoring.CriterionType{"benefit", "cost", "benefit"}
	m := newMatrix(t, types, [][]float64{{5, 3, 4}, {7, 6, 8}, {1e9 + 1, 2e9, 1e-3}, {1, 3e9, 1e-4}})
	for _, norm := range []scoring.Normalization{scoring.NormalizationVector, scoring.NormalizationMinMax, scoring.NormalizationMax, scoring.NormalizationSum, scoring.NormalizationLinear} {
		s, err := scoring.TOPSIS(newMatrix(t, types, [][]float64{{5, 3, 4}, {7, 6, 8}, {1, 7, 1}}), []float64{0.3, 0.4, 0.3}, norm, "")
		require.NoError(t, err, norm)
		assert.Zero(t, s.Values[2], "%s: dominated alternative", norm)
		assert.Zero(t, s.TOPSIS.DMinus[2], norm)
	}
	s, err := scoring.TOPSIS(m, []float64{1, 1, 1}, "", "")
	require.NoError(t, err)
	assert.Zero(t, s.Values[3])
	for _, w := range [][]float64{{0.5, 0.5}, {0.3, 0.7}, {1e-9, 1}} {
		same := newMatrix(t, []scoring.CriterionType{"benefit", "cost"}, [][]float64{{3, 4}, {3, 4}, {3, 4}})
		_, err := scoring.TOPSIS(same, w, scoring.NormalizationVector, "")
		assertPaths(t, err, "/rows/0")
	}
	one := newMatrix(t, []scoring.CriterionType{"benefit"}, [][]float64{{3}})
	_, err = scoring.TOPSIS(one, []float64{1}, "", "")
	assertPaths(t, err, "/rows/0")
}

// Entropy's divergence survives a nearly constant column: columns
// 1e9 ± 1 and 1e9 ± 2 have divergences in the ratio 1 : 4 (to 1e-18), so
// the weights are 0.2 and 0.8.
func TestEntropyNearConstantColumns(t *testing.T) {
	m := newMatrix(t, []scoring.CriterionType{"benefit", "benefit"}, [][]float64{{1e9 - 1, 1e9 - 2}, {1e9 + 1, 1e9 + 2}})
	w, err := scoring.EntropyWeights(m)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.2, 0.8}, w.Values, 1e-12)
}

// CRITIC gives a constant criterion weight 0 and leaves the others as
// they are without it.
func TestCRITICConstantColumnLeftOut(t *testing.T) {
	rows := [][]float64{{5000, 3, 3, 4}, {680, 5, 3, 2}, {2000, 3, 2, 3}, {600, 4, 3, 1}, {800, 2, 4, 3}}
	without, err := scoring.CRITICWeights(newMatrix(t, []scoring.CriterionType{"benefit", "benefit", "cost", "benefit"}, rows))
	require.NoError(t, err)
	for i := range rows {
		rows[i] = append(rows[i][:2:2], append([]float64{7}, rows[i][2:]...)...)
	}
	with, err := scoring.CRITICWeights(newMatrix(t, []scoring.CriterionType{"benefit", "benefit", "benefit", "cost", "benefit"}, rows))
	require.NoError(t, err)
	assert.Zero(t, with.Values[2])
	assert.InDeltaSlice(t, without.Values, append(with.Values[:2:2], with.Values[3:]...), 1e-15)
}

// NaN, ±Inf, empty input and values near the float64 limits get a typed
// error at every float64 entry point, never a panic or a NaN result.
func TestNonFiniteAndEmptyInputs(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	crit := []scoring.Criterion{{ID: "a", Type: "benefit"}, {ID: "b", Type: "cost"}}
	good := newMatrix(t, []scoring.CriterionType{"benefit", "cost"}, [][]float64{{1, 2}, {3, 4}})
	huge := newMatrix(t, []scoring.CriterionType{"benefit", "cost"}, [][]float64{{1e308, -1e308}, {-1e308, 1e308}})
	bounds := func(lo, hi float64) []scoring.Criterion {
		return []scoring.Criterion{{ID: "a", Type: "benefit", Min: &lo, Max: &hi}}
	}
	calls := map[string]func() error{
		"matrix NaN":   func() error { _, err := scoring.NewMatrix([]string{"x"}, crit, [][]float64{{nan, 1}}); return err },
		"matrix -Inf":  func() error { _, err := scoring.NewMatrixFlat([]string{"x"}, crit, []float64{1, -inf}); return err },
		"matrix empty": func() error { _, err := scoring.NewMatrix(nil, crit, nil); return err },
		"values empty": func() error { _, err := scoring.NewMatrixValues(nil, nil); return err },
		"bounds NaN":   func() error { _, err := scoring.NewMatrix([]string{"x"}, bounds(nan, 1), [][]float64{{1}}); return err },
		"weights NaN":  func() error { _, err := scoring.WSM(good, []float64{nan, 1}, "", ""); return err },
		"weights Inf":  func() error { _, err := scoring.DirectWeights(good, []float64{inf, 1}); return err },
		"weights empty": func() error {
			_, err := scoring.Score(good, nil, scoring.Config{Method: scoring.MethodTOPSIS})
			return err
		},
		"weights overflow": func() error { _, err := scoring.WPM(good, []float64{1e308, 1e308}, "", ""); return err },
		"v NaN":            func() error { _, err := scoring.VIKOR(good, []float64{1, 1}, nan, ""); return err },
		"preference Inf": func() error {
			_, err := scoring.PROMETHEEII(good, []float64{1, 1}, []scoring.Preference{{Function: "v_shape", P: inf}, {Function: "usual"}})
			return err
		},
		"ideal NaN": func() error {
			_, err := scoring.Score(good, []float64{1, 1}, scoring.Config{Method: scoring.MethodTOPSIS, IdealPositive: []float64{nan, 1}})
			return err
		},
		"min-max overflow": func() error {
			_, err := scoring.WSM(huge, []float64{1, 1}, scoring.NormalizationMinMax, "")
			return err
		},
		"vector overflow": func() error { _, err := scoring.TOPSIS(huge, []float64{1, 1}, "", ""); return err },
		"entropy overflow": func() error {
			_, err := scoring.EntropyWeights(newMatrix(t, []scoring.CriterionType{"benefit"}, [][]float64{{1e308}, {1e308}}))
			return err
		},
		"pairwise NaN":   func() error { _, err := scoring.NewPairwise([][]float64{{1, nan}, {nan, 1}}); return err },
		"pairwise empty": func() error { _, err := scoring.NewPairwiseUpper(0, nil); return err },
		"upper Inf":      func() error { _, err := scoring.NewPairwiseUpper(2, []float64{inf}); return err },
		"ahp tolerance NaN": func() error {
			_, err := scoring.AHP(mustUpper(t, 2, 3), scoring.AHPOptions{Tolerance: nan})
			return err
		},
		"ahp threshold Inf": func() error {
			_, err := scoring.AHP(mustUpper(t, 2, 3), scoring.AHPOptions{Threshold: inf})
			return err
		},
		"priorities NaN":   func() error { _, err := scoring.AggregatePriorities([][]float64{{nan, 1}}, nil, ""); return err },
		"priorities empty": func() error { _, err := scoring.AggregatePriorities(nil, nil, ""); return err },
		"judges NaN": func() error {
			_, err := scoring.AggregateJudgments([]*scoring.Pairwise{mustUpper(t, 2, 3)}, []float64{nan})
			return err
		},
		"rank tolerance NaN": func() error {
			_, err := scoring.Rank(&scoring.Scores{}, scoring.RankOptions{Tolerance: nan})
			return err
		},
		"sensitivity step Inf": func() error {
			_, err := scoring.WeightStability(good, []float64{1, 1}, scoring.Config{Method: scoring.MethodWSM}, scoring.SensitivityOptions{Step: inf})
			return err
		},
		"monte carlo spread NaN": func() error {
			_, err := scoring.MonteCarlo(good, []float64{1, 1}, scoring.Config{Method: scoring.MethodWSM}, scoring.MonteCarloOptions{Iterations: 1, Spread: nan})
			return err
		},
		"reversal delta NaN": func() error {
			_, err := scoring.RankReversalChecks(good, []float64{1, 1}, scoring.Config{Method: scoring.MethodWSM}, nan)
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			var err error
			require.NotPanics(t, func() { err = call() })
			require.Error(t, err)
			assert.True(t, errors.Is(err, outsourcing.ErrInvalidInput), "%v", err)
		})
	}
}

// FuzzFloatEntryPoints sends arbitrary float64 values through every
// method and weighting: each either succeeds with finite numbers or fails
// with ErrInvalidInput, and never panics.
func FuzzFloatEntryPoints(f *testing.F) {
	f.Add(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.5, 0.5, 0.5)
	f.Add(1e9+0.5, 1e9+0.75, 1e9+1.25, 0.0, -1.0, 1e308, 1e-300, 1.0, 0.0)
	f.Add(math.NaN(), math.Inf(1), math.Inf(-1), 0.0, 0.0, 0.0, -1.0, 2.0, 2.0)
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, w1, w2, v float64) {
		m, err := scoring.NewMatrixValues([][]float64{{a, b}, {c, d}, {e, g}}, []scoring.CriterionType{"benefit", "cost"})
		if err != nil {
			requireInvalid(t, err)
			return
		}
		w := []float64{w1, w2}
		for _, cfg := range allConfigs {
			if cfg.Method == scoring.MethodVIKOR {
				cfg.V = &v
			}
			s, err := scoring.Score(m, w, cfg)
			if err != nil {
				requireInvalid(t, err)
				continue
			}
			for _, x := range s.Values {
				require.False(t, math.IsNaN(x) || math.IsInf(x, 0), "%+v: %v", cfg, s.Values)
			}
		}
		for _, weigh := range []func(*scoring.Matrix) (scoring.Weights, error){scoring.EntropyWeights, scoring.CRITICWeights, scoring.StdDevWeights} {
			ws, err := weigh(m)
			if err != nil {
				requireInvalid(t, err)
				continue
			}
			for _, x := range ws.Values {
				require.False(t, math.IsNaN(x) || math.IsInf(x, 0), "%v", ws)
			}
		}
		if p, err := scoring.NewPairwiseUpper(3, []float64{a, b, c}); err == nil {
			if r, err := scoring.AHP(p, scoring.AHPOptions{}); err == nil {
				for _, x := range r.Priorities {
					require.False(t, math.IsNaN(x) || math.IsInf(x, 0), "%v", r.Priorities)
				}
			} else if !errors.Is(err, outsourcing.ErrNoConvergence) {
				requireInvalid(t, err)
			}
		}
	})
}

func requireInvalid(t *testing.T, err error) {
	t.Helper()
	require.True(t, errors.Is(err, outsourcing.ErrInvalidInput), "%v", err)
}
