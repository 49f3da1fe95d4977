package scoring_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/outsourcing-go/outsourcing/rules"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/scoring"
)

func readModel(t testing.TB) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", "model.json"))
	require.NoError(t, err)
	return data
}

// evaluateModel parses, compiles and evaluates testdata/model.json.
func evaluateModel(t *testing.T) *scoring.Result {
	t.Helper()
	spec, err := scoring.ParseModel(readModel(t))
	require.NoError(t, err)
	md, err := scoring.CompileModel(spec)
	require.NoError(t, err)
	res, err := md.Evaluate()
	require.NoError(t, err)
	return res
}

func TestParseModelAndEvaluate(t *testing.T) {
	res := evaluateModel(t)
	require.Len(t, res.Excluded, 1)
	assert.Equal(t, "initech", res.Excluded[0].Alternative)
	assert.Equal(t, []string{"must hold ISO/IEC 27001 certification"}, res.Excluded[0].Reasons)
	assert.Equal(t, scoring.WeightMethodAHP, res.Weights.Method)
	require.NotNil(t, res.AHP)
	assert.Len(t, res.Ranking, 3)
	assert.Equal(t, scoring.MethodTOPSIS, res.Scores.Method)
	assert.Equal(t, scoring.NormalizationVector, res.Scores.Normalization)
	out, err := json.Marshal(res)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"method":"topsis"`)
}

// A fully filled model survives Marshal → schema validation → Parse.
func TestModelRoundTripThroughSchema(t *testing.T) {
	md, err := scoring.ParseModel(readModel(t))
	require.NoError(t, err)
	v := 0.6
	md.Method = scoring.Config{Method: scoring.MethodVIKOR, Constant: scoring.ConstantPolicyNeutral, V: &v}
	md.Weights.Values = []float64{1, 2, 3}
	md.Weights.Ranks = []int{1, 2, 3}
	md.Weights.AHP = scoring.AHPOptions{Method: scoring.AHPMethodGeometricMean, RandomIndex: scoring.RITableAlonsoLamata2006, Scale: scoring.AHPScaleSaaty, Tolerance: 1e-10, MaxIterations: 500, Threshold: 0.1}
	md.Ranking = scoring.RankOptions{Policy: scoring.TiePolicyAverage, Tolerance: 0.001}
	doc, err := json.Marshal(md)
	require.NoError(t, err)
	require.NoError(t, scoring.ModelSchema().Validate(doc))
	back, err := scoring.ParseModel(doc)
	require.NoError(t, err)
	assert.Equal(t, md, back)

	prom := md
	prom.Method = scoring.Config{Method: scoring.MethodPROMETHEEII, Preferences: []scoring.Preference{{Function: scoring.PreferenceLinear, Q: 1, P: 2}, {Function: scoring.PreferenceGaussian, S: 3}, {Function: scoring.PreferenceUsual}}}
	doc, err = json.Marshal(prom)
	require.NoError(t, err)
	back, err = scoring.ParseModel(doc)
	require.NoError(t, err)
	assert.Equal(t, prom, back)
}

func TestParseModelRejects(t *testing.T) {
	for name, doc := range map[string]string{
		"unknown field":   `{"criteria":[{"id":"a","type":"benefit"}],"alternatives":[{"id":"x","values":{"a":1}}],"weights":{"method":"equal"},"method":{"method":"wsm"},"extra":1}`,
		"unknown method":  `{"criteria":[{"id":"a","type":"benefit"}],"alternatives":[{"id":"x","values":{"a":1}}],"weights":{"method":"equal"},"method":{"method":"electre"}}`,
		"negative weight": `{"criteria":[{"id":"a","type":"benefit"}],"alternatives":[{"id":"x","values":{"a":1}}],"weights":{"method":"direct","values":[-1]},"method":{"method":"wsm"}}`,
		"not json":        `{`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := scoring.ParseModel([]byte(doc))
			require.Error(t, err)
			assert.True(t, errors.Is(err, outsourcing.ErrInvalidInput), "%v", err)
		})
	}
}

func TestCompileModelMissingValue(t *testing.T) {
	spec, err := scoring.ParseModel([]byte(`{"criteria":[{"id":"a","type":"benefit"},{"id":"b","type":"cost"}],"alternatives":[{"id":"x","values":{"a":1}},{"id":"y","values":{"a":2,"b":3}}],"weights":{"method":"equal"},"method":{"method":"wsm"}}`))
	require.NoError(t, err)
	_, err = scoring.CompileModel(spec)
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Contains(t, err.Error(), `"x"`)
	assert.Contains(t, err.Error(), `"b"`)
	assertPaths(t, err, "/alternatives/0/values")
}

func TestKnockoutRuleErrors(t *testing.T) {
	_, err := scoring.CompileKnockouts[scoring.KnockoutEnv]([]rules.Rule{{ID: "bad", Expression: "values.quality +"}})
	require.ErrorIs(t, err, outsourcing.ErrRule)
	_, err = scoring.CompileKnockouts[scoring.KnockoutEnv]([]rules.Rule{{ID: "num", Expression: "values.quality + 1"}})
	require.ErrorIs(t, err, outsourcing.ErrRule)
}

func FuzzParseModel(f *testing.F) {
	f.Add(readModel(f))
	f.Add([]byte(`{"criteria":[{"id":"a","type":"benefit"}],"alternatives":[{"id":"x","values":{"a":1}}],"weights":{"method":"equal"},"method":{"method":"wsm"}}`))
	f.Add([]byte(`{"criteria":[],"alternatives":[],"weights":{},"method":{}}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		spec, err := scoring.ParseModel(doc)
		if err != nil {
			return
		}
		// A parsed model compiles and evaluates or fails with a typed
		// error, never a panic.
		md, err := scoring.CompileModel(spec)
		if err == nil {
			_, err = md.Evaluate()
		}
		if err != nil && !errors.Is(err, outsourcing.ErrInvalidInput) && !errors.Is(err, outsourcing.ErrRule) && !errors.Is(err, outsourcing.ErrNoConvergence) && !errors.Is(err, outsourcing.ErrLimit) {
			t.Fatalf("untyped error: %v", err)
		}
	})
}
