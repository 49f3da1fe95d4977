package scoring_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/scoring"
)

var allConfigs = []scoring.Config{
	{Method: scoring.MethodWSM},
	{Method: scoring.MethodWSM, Normalization: scoring.NormalizationMinMax},
	{Method: scoring.MethodWSM, Normalization: scoring.NormalizationSum},
	{Method: scoring.MethodWSM, Normalization: scoring.NormalizationVector},
	{Method: scoring.MethodWSM, Normalization: scoring.NormalizationMax},
	{Method: scoring.MethodWPM},
	{Method: scoring.MethodTOPSIS},
	{Method: scoring.MethodTOPSIS, Normalization: scoring.NormalizationMinMax},
	{Method: scoring.MethodVIKOR},
	{Method: scoring.MethodPROMETHEEII},
}

func randomMatrix(t testing.TB, rng *rand.Rand, rows, cols int) *scoring.Matrix {
	types := make([]scoring.CriterionType, cols)
	for j := range types {
		types[j] = scoring.CriterionTypeBenefit
		if j%3 == 2 {
			types[j] = scoring.CriterionTypeCost
		}
	}
	data := make([][]float64, rows)
	for i := range data {
		data[i] = make([]float64, cols)
		for j := range data[i] {
			data[i][j] = 1 + 99*rng.Float64()
		}
	}
	return newMatrix(t, types, data)
}

// Property: scaling every weight by the same positive constant changes nothing.
func TestPropertyWeightScalingChangesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, cfg := range allConfigs {
		t.Run(string(cfg.Method)+"_"+string(cfg.Normalization), func(t *testing.T) {
			for range 20 {
				m := randomMatrix(t, rng, 6, 5)
				w := []float64{rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64(), rng.Float64()}
				k := math.Pow(10, 6*rng.Float64()-3)
				scaled := make([]float64, len(w))
				for j := range w {
					scaled[j] = w[j] * k
				}
				a, err := scoring.Score(m, w, cfg)
				require.NoError(t, err)
				b, err := scoring.Score(m, scaled, cfg)
				require.NoError(t, err)
				assert.InDeltaSlice(t, a.Values, b.Values, 1e-9)
			}
		})
	}
}

// Property: improving one alternative on a benefit criterion never lowers
// its score (raises it for higher-is-better, never raises VIKOR's Q).
func TestPropertyImprovingNeverHurts(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, cfg := range allConfigs {
		t.Run(string(cfg.Method)+"_"+string(cfg.Normalization), func(t *testing.T) {
			for range 30 {
				rows := make([][]float64, 6)
				for i := range rows {
					rows[i] = []float64{1 + 99*rng.Float64(), 1 + 99*rng.Float64(), 1 + 99*rng.Float64()}
				}
				types := []scoring.CriterionType{scoring.CriterionTypeBenefit, scoring.CriterionTypeCost, scoring.CriterionTypeBenefit}
				w := []float64{0.5, 0.3, 0.2}
				before, err := scoring.Score(newMatrix(t, types, rows), w, cfg)
				require.NoError(t, err)
				i := rng.IntN(6)
				rows[i][0] += 50 * rng.Float64()
				after, err := scoring.Score(newMatrix(t, types, rows), w, cfg)
				require.NoError(t, err)
				if before.HigherIsBetter {
					assert.GreaterOrEqual(t, after.Values[i], before.Values[i]-1e-12)
				} else {
					assert.LessOrEqual(t, after.Values[i], before.Values[i]+1e-12)
				}
			}
		})
	}
}

// Closed forms: WSM with min-max is the weighted mean of (x − min)/range.
func TestWSMClosedForm(t *testing.T) {
	m := newMatrix(t, []scoring.CriterionType{"benefit", "cost"}, [][]float64{{10, 100}, {20, 300}, {30, 200}})
	s, err := scoring.WSM(m, []float64{3, 1}, scoring.NormalizationMinMax, "")
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.75*0 + 0.25*1, 0.75*0.5 + 0.25*0, 0.75*1 + 0.25*0.5}, s.Values, 1e-12)
	// WPM with the linear scale: Π (x/max)^w · (min/x)^w.
	p, err := scoring.WPM(m, []float64{0.5, 0.5}, "", "")
	require.NoError(t, err)
	assert.InDelta(t, math.Sqrt(10.0/30)*math.Sqrt(100.0/100), p.Values[0], 1e-12)
	assert.InDelta(t, math.Sqrt(20.0/30)*math.Sqrt(100.0/300), p.Values[1], 1e-12)
}

func TestNormalizations(t *testing.T) {
	m := newMatrix(t, []scoring.CriterionType{"benefit", "cost"}, [][]float64{{1, 2}, {3, 4}})
	tests := []struct {
		norm scoring.Normalization
		want []float64
	}{
		{scoring.NormalizationMinMax, []float64{0, 1, 1, 0}},
		{scoring.NormalizationMax, []float64{1.0 / 3, 0.5, 1, 0}},
		{scoring.NormalizationSum, []float64{0.25, (1.0 / 2) / (1.0/2 + 1.0/4), 0.75, (1.0 / 4) / (1.0/2 + 1.0/4)}},
		{scoring.NormalizationVector, []float64{1 / math.Sqrt(10), 1 - 2/math.Sqrt(20), 3 / math.Sqrt(10), 1 - 4/math.Sqrt(20)}},
		{scoring.NormalizationLinear, []float64{1.0 / 3, 1, 1, 0.5}},
	}
	for _, tc := range tests {
		t.Run(string(tc.norm), func(t *testing.T) {
			got, err := scoring.Normalize(m, tc.norm, "")
			require.NoError(t, err)
			assert.InDeltaSlice(t, tc.want, got, 1e-12)
		})
	}
}

func TestConstantCriterion(t *testing.T) {
	m := newMatrix(t, []scoring.CriterionType{"benefit", "benefit"}, [][]float64{{1, 5}, {3, 5}})
	_, err := scoring.Normalize(m, scoring.NormalizationMinMax, "")
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Contains(t, err.Error(), `"c2"`)
	got, err := scoring.Normalize(m, scoring.NormalizationMinMax, scoring.ConstantPolicyNeutral)
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 1, 1, 1}, got)
	_, err = scoring.VIKOR(m, []float64{1, 1}, 0.5, "")
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	v, err := scoring.VIKOR(m, []float64{1, 1}, 0.5, scoring.ConstantPolicyNeutral)
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 0}, v.Values)
	for _, x := range v.Values {
		assert.False(t, math.IsNaN(x))
	}
}

func TestVIKORCompromise(t *testing.T) {
	var doc struct{ Cases []methodCase }
	testkit.LoadJSON(t, "testdata/methods.json", &doc)
	c := doc.Cases[2]
	require.Equal(t, scoring.MethodVIKOR, c.Method)
	s, err := scoring.VIKOR(newMatrix(t, c.Types, c.Matrix), c.Weights, *c.V, "")
	require.NoError(t, err)
	d := s.VIKOR
	assert.InDelta(t, 0.2, d.DQ, 1e-12)
	// Q: a5 = 0, a4 = 0.271 → advantage 0.271 ≥ 0.2; a5 is also best by S and R.
	assert.True(t, d.AcceptableAdvantage)
	assert.True(t, d.AcceptableStability)
	assert.Equal(t, []string{"a5"}, d.Compromise)
	assert.False(t, s.HigherIsBetter)
}

func TestPROMETHEEPreferenceFunctions(t *testing.T) {
	// Two alternatives, one criterion, difference d = 3: P(d) per function.
	m := newMatrix(t, []scoring.CriterionType{"benefit"}, [][]float64{{5}, {2}})
	tests := []struct {
		pref scoring.Preference
		want float64
	}{
		{scoring.Preference{Function: scoring.PreferenceUsual}, 1},
		{scoring.Preference{Function: scoring.PreferenceUShape, Q: 3}, 0},
		{scoring.Preference{Function: scoring.PreferenceUShape, Q: 2}, 1},
		{scoring.Preference{Function: scoring.PreferenceVShape, P: 6}, 0.5},
		{scoring.Preference{Function: scoring.PreferenceLevel, Q: 1, P: 5}, 0.5},
		{scoring.Preference{Function: scoring.PreferenceLevel, Q: 1, P: 3}, 0.5},
		{scoring.Preference{Function: scoring.PreferenceLinear, Q: 1, P: 5}, 0.5},
		{scoring.Preference{Function: scoring.PreferenceGaussian, S: 2}, 1 - math.Exp(-9.0/8)},
	}
	for _, tc := range tests {
		t.Run(string(tc.pref.Function), func(t *testing.T) {
			s, err := scoring.PROMETHEEII(m, []float64{1}, []scoring.Preference{tc.pref})
			require.NoError(t, err)
			// φ(a1) = P(3) − P(−3) = P(3); φ(a2) = −P(3).
			assert.InDelta(t, tc.want, s.Values[0], 1e-12)
			assert.InDelta(t, -tc.want, s.Values[1], 1e-12)
			assert.InDelta(t, tc.want, s.PROMETHEE.Plus[0], 1e-12)
		})
	}
}

func TestBadInput(t *testing.T) {
	crit := []scoring.Criterion{{ID: "price", Type: scoring.CriterionTypeCost}, {ID: "quality", Type: scoring.CriterionTypeBenefit}}
	good, err := scoring.NewMatrix([]string{"a", "b"}, crit, [][]float64{{1, 2}, {3, 4}})
	require.NoError(t, err)
	tests := []struct {
		name    string
		run     func() error
		mention string
	}{
		{"empty matrix", func() error { _, err := scoring.NewMatrix(nil, nil, nil); return err }, "no alternatives"},
		{"mismatched row", func() error {
			_, err := scoring.NewMatrix([]string{"a"}, crit, [][]float64{{1}})
			return err
		}, `"a"`},
		{"NaN cell", func() error {
			_, err := scoring.NewMatrix([]string{"a"}, crit, [][]float64{{math.NaN(), 1}})
			return err
		}, `"price"`},
		{"Inf cell", func() error {
			_, err := scoring.NewMatrix([]string{"a"}, crit, [][]float64{{1, math.Inf(1)}})
			return err
		}, `"quality"`},
		{"duplicate alternative", func() error {
			_, err := scoring.NewMatrix([]string{"a", "a"}, crit, [][]float64{{1, 1}, {1, 1}})
			return err
		}, "duplicate"},
		{"out of bounds", func() error {
			hi := 10.0
			_, err := scoring.NewMatrix([]string{"a"}, []scoring.Criterion{{ID: "x", Type: "benefit", Max: &hi}}, [][]float64{{11}})
			return err
		}, "bounds"},
		{"unknown type", func() error {
			_, err := scoring.NewMatrix([]string{"a"}, []scoring.Criterion{{ID: "x", Type: "more"}}, [][]float64{{1}})
			return err
		}, "unknown type"},
		{"weights length", func() error {
			_, err := scoring.Score(good, []float64{1}, scoring.Config{Method: scoring.MethodWSM})
			return err
		}, "weights"},
		{"negative weight", func() error {
			_, err := scoring.Score(good, []float64{-1, 2}, scoring.Config{Method: scoring.MethodTOPSIS})
			return err
		}, `"price"`},
		{"zero weights", func() error {
			_, err := scoring.Score(good, []float64{0, 0}, scoring.Config{Method: scoring.MethodTOPSIS})
			return err
		}, "sum"},
		{"NaN weight", func() error {
			_, err := scoring.Score(good, []float64{math.NaN(), 1}, scoring.Config{Method: scoring.MethodWSM})
			return err
		}, "not finite"},
		{"unknown method", func() error {
			_, err := scoring.Score(good, []float64{1, 1}, scoring.Config{Method: "electre"})
			return err
		}, "electre"},
		{"v out of range", func() error { _, err := scoring.VIKOR(good, []float64{1, 1}, 2, ""); return err }, "v must"},
		{"bad preference", func() error {
			_, err := scoring.PROMETHEEII(good, []float64{1, 1}, []scoring.Preference{{Function: "linear", Q: 2, P: 1}, {Function: "usual"}})
			return err
		}, "/preferences/0"},
		{"normalization on vikor", func() error {
			_, err := scoring.Score(good, []float64{1, 1}, scoring.Config{Method: scoring.MethodVIKOR, Normalization: "max"})
			return err
		}, "normalization"},
		{"negative for linear", func() error {
			m := newMatrix(t, []scoring.CriterionType{"cost"}, [][]float64{{-1}, {2}})
			_, err := scoring.WSM(m, []float64{1}, scoring.NormalizationLinear, "")
			return err
		}, `"c1"`},
		// Vector normalisation keeps a negative benefit value negative,
		// and −0.408…^w has no real value: reported at the criterion,
		// not as an overflow to rescale.
		{"negative vector value for wpm", func() error {
			m := newMatrix(t, []scoring.CriterionType{"benefit", "cost"}, [][]float64{{-1, 2}, {1, 2}, {2, 1}})
			_, err := scoring.Score(m, []float64{1, 1}, scoring.Config{Method: scoring.MethodWPM, Normalization: scoring.NormalizationVector})
			return err
		}, `/criteria/0: criterion "c1": vector normalisation gives`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run()
			require.Error(t, err)
			assert.True(t, errors.Is(err, outsourcing.ErrInvalidInput), "%v", err)
			assert.Contains(t, err.Error(), tc.mention)
			assert.Contains(t, err.Error(), "scoring")
		})
	}
}

func TestWeights(t *testing.T) {
	m := newMatrix(t, []scoring.CriterionType{"benefit", "benefit", "cost", "benefit"}, [][]float64{{1, 2, 3, 4}, {2, 3, 4, 5}})
	w, err := scoring.DirectWeights(m, []float64{2, 3, 5, 10})
	require.NoError(t, err)
	assert.InDelta(t, 20, w.InputSum, 1e-12)
	assert.InDeltaSlice(t, []float64{0.1, 0.15, 0.25, 0.5}, w.Values, 1e-12)
	assert.Equal(t, []float64{0.25, 0.25, 0.25, 0.25}, scoring.EqualWeights(m).Values)
	// Barron & Barrett (1996) ROC for n = 4: 0.5208, 0.2708, 0.1458, 0.0625.
	roc, err := scoring.ROCWeights(m, []int{2, 1, 4, 3})
	require.NoError(t, err)
	assertRounded(t, []float64{0.2708, 0.5208, 0.0625, 0.1458}, roc.Values, 4)
	tied, err := scoring.ROCWeights(m, []int{1, 1, 3, 4})
	require.NoError(t, err)
	assert.InDelta(t, (0.5208333333333333+0.2708333333333333)/2, tied.Values[0], 1e-12)
	_, err = scoring.ROCWeights(m, []int{0, 1, 2, 3})
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}
