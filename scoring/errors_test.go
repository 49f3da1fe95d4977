package scoring_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/scoring"
)

// fieldErrors collects the *FieldErrors in err, through wrapping and joins.
func fieldErrors(err error) []*outsourcing.FieldError {
	var out []*outsourcing.FieldError
	var walk func(error)
	walk = func(e error) {
		switch x := e.(type) {
		case nil:
		case *outsourcing.FieldError:
			out = append(out, x)
		case interface{ Unwrap() []error }:
			for _, y := range x.Unwrap() {
				walk(y)
			}
		case interface{ Unwrap() error }:
			walk(x.Unwrap())
		}
	}
	walk(err)
	return out
}

// assertPaths checks that err holds field errors at exactly these RFC 6901
// pointers, in any order, and reads "scoring: " once at the start.
func assertPaths(t *testing.T, err error, paths ...string) {
	t.Helper()
	require.Error(t, err)
	var got []string
	for _, fe := range fieldErrors(err) {
		got = append(got, fe.Path)
		assert.NotContains(t, fe.Reason, "scoring:", "a reason carries no prefix")
	}
	assert.ElementsMatch(t, paths, got, "%v", err)
	assert.True(t, strings.HasPrefix(err.Error(), "scoring: "), "%v", err)
	assert.Equal(t, 1, strings.Count(err.Error(), "scoring:"), "%v", err)
}

// Every FieldError of a Go-value API is a JSON pointer into its arguments.
func TestErrorPathsOfGoValues(t *testing.T) {
	crit := []scoring.Criterion{{ID: "price", Type: scoring.CriterionTypeCost}, {ID: "q/a", Type: "more"}}
	_, err := scoring.NewMatrix([]string{"a", "a"}, crit, [][]float64{{1, math.NaN()}, {2, 3}})
	assertPaths(t, err, "/alternatives/1", "/criteria/1/type")
	crit[1].Type = scoring.CriterionTypeBenefit
	_, err = scoring.NewMatrix([]string{"a", "b"}, crit, [][]float64{{1, math.NaN()}, {math.Inf(1), 3}})
	assertPaths(t, err, "/rows/0/1", "/rows/1/0")
	_, err = scoring.NewMatrixFlat([]string{"a", "b"}, crit, []float64{1, 2, 3, math.NaN()})
	assertPaths(t, err, "/data/3")

	m := newMatrix(t, []scoring.CriterionType{"benefit", "cost"}, [][]float64{{1, 2}, {3, 4}})
	_, err = scoring.Score(m, []float64{-1, math.NaN()}, scoring.Config{Method: scoring.MethodWSM})
	assertPaths(t, err, "/weights/0", "/weights/1")
	_, err = scoring.Score(m, []float64{1, 1}, scoring.Config{Method: scoring.MethodPROMETHEEII, Preferences: []scoring.Preference{{Function: "usual"}, {Function: "linear", Q: 2, P: 1}}})
	assertPaths(t, err, "/preferences/1")
	v := 2.0
	_, err = scoring.Score(m, []float64{1, 1}, scoring.Config{Method: scoring.MethodVIKOR, V: &v})
	assertPaths(t, err, "/v")
	_, err = scoring.Score(m, []float64{1, 1}, scoring.Config{Method: "electre"})
	assertPaths(t, err, "/method")
	flat := newMatrix(t, []scoring.CriterionType{"benefit", "cost"}, [][]float64{{1, 2}, {3, 2}})
	_, err = scoring.Normalize(flat, scoring.NormalizationMinMax, "")
	assertPaths(t, err, "/criteria/1")
	_, err = scoring.NewPairwise([][]float64{{1, 3}, {0.5, 1}})
	assertPaths(t, err, "/rows/0/1")
	_, err = scoring.NewPairwiseUpper(3, []float64{1, -2, 1})
	assertPaths(t, err, "/upper/1")
	p, err := scoring.NewPairwiseUpper(3, []float64{2.5, 1, 1})
	require.NoError(t, err)
	_, err = scoring.AHP(p, scoring.AHPOptions{Scale: scoring.AHPScaleSaaty, Tolerance: -1})
	assertPaths(t, err, "/tolerance")
	_, err = scoring.AHP(p, scoring.AHPOptions{Scale: scoring.AHPScaleSaaty})
	assertPaths(t, err, "/pairwise/0/1")
	_, err = scoring.SynthesizeHierarchy(scoring.Node{Name: "goal", Comparisons: mustUpper(t, 2, 3), Children: []scoring.Node{
		{Name: "x", Comparisons: mustUpper(t, 2, 2)}, {Name: "y", Comparisons: p}}}, 2, scoring.AHPOptions{})
	assertPaths(t, err, "/children/1/comparisons")
	_, err = scoring.Rank(&scoring.Scores{}, scoring.RankOptions{Policy: "olympic"})
	assertPaths(t, err, "/policy")
	_, err = scoring.ScorePrices([]scoring.Bid{{ID: "A", Price: eur("1")}, {ID: "A", Price: outsourcing.MustMoney("2", "USD")}}, scoring.PriceRule{Formula: scoring.PriceFormulaProportional})
	assertPaths(t, err, "/bids/1/id", "/bids/1/price", "/max_score")
	_, err = scoring.WeightStability(m, []float64{1, 1}, scoring.Config{Method: scoring.MethodWSM}, scoring.SensitivityOptions{Step: math.NaN()})
	assertPaths(t, err, "/step")
}

func mustUpper(t *testing.T, n int, upper ...float64) *scoring.Pairwise {
	t.Helper()
	p, err := scoring.NewPairwiseUpper(n, upper)
	require.NoError(t, err)
	return p
}

// A model's errors point into the document the user wrote.
func TestErrorPathsOfModelDocuments(t *testing.T) {
	const head = `{"criteria":[{"id":"quality","type":"benefit","max":10},{"id":"price/eur","type":"cost"}],` +
		`"alternatives":[{"id":"x","values":{"quality":11,"price/eur":5}},{"id":"y","values":{"quality":3,"price/eur":5,"speed":1}},{"id":"z","values":{"quality":3,"price/eur":5}}],`
	tests := []struct {
		name, doc string
		paths     []string
	}{
		{"cells", head + `"weights":{"method":"equal"},"method":{"method":"wsm"}}`,
			[]string{"/alternatives/0/values/quality", "/alternatives/1/values/speed"}},
		{"weights", `{"criteria":[{"id":"a","type":"benefit"},{"id":"b","type":"benefit"}],"alternatives":[{"id":"x","values":{"a":1,"b":2}}],` +
			`"weights":{"method":"direct","values":[0,0]},"method":{"method":"wsm"}}`, []string{"/weights/values"}},
		{"weights left out", `{"criteria":[{"id":"a","type":"benefit"},{"id":"b","type":"benefit"}],"alternatives":[{"id":"x","values":{"a":1,"b":2}}],` +
			`"weights":{"method":"direct"},"method":{"method":"wsm"}}`, []string{"/weights"}},
		{"ahp", `{"criteria":[{"id":"a","type":"benefit"},{"id":"b","type":"benefit"},{"id":"c","type":"benefit"}],"alternatives":[{"id":"x","values":{"a":1,"b":2,"c":3}}],` +
			`"weights":{"method":"ahp","pairwise_upper":[2,3,2.5],"ahp":{"scale":"saaty"}},"method":{"method":"wsm"}}`, []string{"/weights/pairwise_upper/2"}},
		{"method", `{"criteria":[{"id":"a","type":"benefit"}],"alternatives":[{"id":"x","values":{"a":1}}],` +
			`"weights":{"method":"equal"},"method":{"method":"wsm","v":0.5}}`, []string{"/method/v"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec, err := scoring.ParseModel([]byte(tc.doc))
			require.NoError(t, err)
			_, err = scoring.CompileModel(spec)
			assertPaths(t, err, tc.paths...)
		})
	}
	// Run-time errors: TOPSIS on two identical rows points at the first
	// alternative kept after the knock-outs (document index 1).
	spec, err := scoring.ParseModel([]byte(`{"criteria":[{"id":"a","type":"benefit"},{"id":"b","type":"cost"}],` +
		`"alternatives":[{"id":"x","values":{"a":9,"b":1}},{"id":"y","values":{"a":2,"b":3}},{"id":"z","values":{"a":2,"b":3}}],` +
		`"weights":{"method":"equal"},"method":{"method":"topsis"},"knockouts":[{"id":"k","expression":"values.a < 5"}]}`))
	require.NoError(t, err)
	md, err := scoring.CompileModel(spec)
	require.NoError(t, err)
	_, err = md.Evaluate()
	assertPaths(t, err, "/alternatives/1")
	assert.True(t, errors.Is(err, outsourcing.ErrInvalidInput))
}
