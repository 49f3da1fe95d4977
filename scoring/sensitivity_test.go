package scoring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/scoring"
)

// For WSM the winner interval has a closed form: with two alternatives
// A = (1, 0) and B = (0, 1) on min-max-normalised benefit criteria and
// weights (t, 1 − t), A wins exactly for t ≥ 0.5.
func TestWeightStabilityClosedForm(t *testing.T) {
	m := newMatrix(t, []scoring.CriterionType{"benefit", "benefit"}, [][]float64{{10, 0}, {0, 10}})
	for _, cfg := range []scoring.Config{
		{Method: scoring.MethodWSM, Normalization: scoring.NormalizationMinMax},
		{Method: scoring.MethodTOPSIS, Normalization: scoring.NormalizationMinMax},
	} {
		t.Run(string(cfg.Method), func(t *testing.T) {
			iv, err := scoring.WeightStability(m, []float64{0.7, 0.3}, cfg, scoring.SensitivityOptions{})
			require.NoError(t, err)
			require.Len(t, iv, 2)
			assert.Equal(t, cfg.Method == scoring.MethodWSM, iv[0].Exact)
			assert.InDelta(t, 0.5, iv[0].WinnerLow, 1e-5)
			assert.InDelta(t, 1, iv[0].WinnerHigh, 1e-9)
			assert.InDelta(t, 0, iv[1].WinnerLow, 1e-9)
			assert.InDelta(t, 0.5, iv[1].WinnerHigh, 1e-5)
			assert.InDelta(t, 0.7, iv[0].Weight, 1e-12)
		})
	}
}

// The exact and the numeric search agree on a larger WSM case.
func TestWeightStabilityExactMatchesScan(t *testing.T) {
	var doc struct{ Cases []methodCase }
	testkit.LoadJSON(t, "testdata/methods.json", &doc)
	c := doc.Cases[2] // Papathanasiou & Ploskas matrix
	m := newMatrix(t, c.Types, c.Matrix)
	exact, err := scoring.WeightStability(m, c.Weights, scoring.Config{Method: scoring.MethodWSM}, scoring.SensitivityOptions{})
	require.NoError(t, err)
	for j, iv := range exact {
		assert.LessOrEqual(t, iv.WinnerLow, iv.Weight)
		assert.GreaterOrEqual(t, iv.WinnerHigh, iv.Weight)
		assert.LessOrEqual(t, iv.WinnerLow, iv.RankingLow)
		assert.GreaterOrEqual(t, iv.WinnerHigh, iv.RankingHigh)
		// Just inside the bounds the winner holds; just outside (if < 1) it changes.
		base, err := scoring.WSM(m, c.Weights, "", "")
		require.NoError(t, err)
		top, _ := scoring.TopK(base, 1, scoring.RankOptions{})
		if iv.WinnerHigh < 1 {
			w := shifted(base.Weights, j, iv.WinnerHigh+1e-4)
			s, err := scoring.WSM(m, w, "", "")
			require.NoError(t, err)
			now, _ := scoring.TopK(s, 1, scoring.RankOptions{})
			assert.NotEqual(t, top[0].Alternative, now[0].Alternative, "criterion %d", j)
		}
	}
}

func shifted(w []float64, j int, t float64) []float64 {
	out := make([]float64, len(w))
	for k, v := range w {
		out[k] = v * (1 - t) / (1 - w[j])
	}
	out[j] = t
	return out
}

func TestRankReversalChecks(t *testing.T) {
	// TOPSIS with min-max is known to reverse ranks when alternatives change.
	m := newMatrix(t, []scoring.CriterionType{"benefit", "benefit"}, [][]float64{{1, 9}, {9, 1}, {5, 5.2}, {4.9, 5}})
	rep, err := scoring.RankReversalChecks(m, []float64{0.5, 0.5}, scoring.Config{Method: scoring.MethodWSM, Normalization: scoring.NormalizationMinMax}, 0)
	require.NoError(t, err)
	assert.InDelta(t, 0.1, rep.Delta, 1e-12)
	assert.Len(t, rep.Scenarios, 8)
	for _, s := range rep.Scenarios {
		assert.Empty(t, s.Skipped)
	}
	// Removing the "9,1" alternative changes the min of column 2 only for
	// min-max WSM; linear WSM (x/max) never reverses when a non-max is removed.
	lin, err := scoring.RankReversalChecks(m, []float64{0.5, 0.5}, scoring.Config{Method: scoring.MethodWSM}, 0.1)
	require.NoError(t, err)
	for _, s := range lin.Scenarios {
		if s.Scenario == "add_dominated" {
			assert.Empty(t, s.Reversed, s.Alternative)
		}
	}
	_, err = scoring.RankReversalChecks(m, []float64{0.5, 0.5}, scoring.Config{Method: scoring.MethodWSM}, 2)
	require.Error(t, err)
}

func TestMonteCarloDeterministic(t *testing.T) {
	m := newMatrix(t, []scoring.CriterionType{"benefit", "benefit"}, [][]float64{{10, 0}, {0, 10}, {4, 4}})
	cfg := scoring.Config{Method: scoring.MethodWSM, Normalization: scoring.NormalizationMinMax}
	opt := scoring.MonteCarloOptions{Iterations: 2000, Spread: 0.5, Seed: 42}
	a, err := scoring.MonteCarlo(m, []float64{0.5, 0.5}, cfg, opt)
	require.NoError(t, err)
	b, err := scoring.MonteCarlo(m, []float64{0.5, 0.5}, cfg, opt)
	require.NoError(t, err)
	assert.Equal(t, a, b)
	// Symmetric problem: A and B each win about half the time, C never.
	assert.InDelta(t, 0.5, a.FirstProbability[0], 0.05)
	assert.InDelta(t, 0.5, a.FirstProbability[1], 0.05)
	assert.Zero(t, a.FirstProbability[2])
	assert.InDelta(t, 1, a.FirstProbability[0]+a.FirstProbability[1], 1e-12)
	for i := range a.RankProbability {
		sum := 0.0
		for _, p := range a.RankProbability[i] {
			sum += p
		}
		assert.InDelta(t, 1, sum, 1e-12)
	}
	_, err = scoring.MonteCarlo(m, []float64{0.5, 0.5}, cfg, scoring.MonteCarloOptions{Iterations: 0, Spread: 0.1})
	require.Error(t, err)
}
