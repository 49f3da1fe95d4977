package scoring_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/scoring"
)

// newMatrix builds a matrix named a1.., c1.. from criterion types and rows.
func newMatrix(t testing.TB, types []scoring.CriterionType, rows [][]float64) *scoring.Matrix {
	t.Helper()
	alts := make([]string, len(rows))
	for i := range alts {
		alts[i] = fmt.Sprintf("a%d", i+1)
	}
	crits := make([]scoring.Criterion, len(types))
	for j, ty := range types {
		crits[j] = scoring.Criterion{ID: fmt.Sprintf("c%d", j+1), Type: ty}
	}
	m, err := scoring.NewMatrix(alts, crits, rows)
	require.NoError(t, err)
	return m
}

// assertRounded checks that got rounds to want at the given decimals.
func assertRounded(t testing.TB, want, got []float64, decimals int) {
	t.Helper()
	require.Len(t, got, len(want))
	p := math.Pow(10, float64(decimals))
	for i := range want {
		assert.InDeltaf(t, want[i], math.Round(got[i]*p)/p, 1e-9, "index %d: got %.8f", i, got[i])
	}
}

type methodCase struct {
	Name          string                  `json:"name"`
	Source        string                  `json:"source"`
	Method        scoring.Method          `json:"method"`
	Normalization scoring.Normalization   `json:"normalization"`
	V             *float64                `json:"v"`
	Lambda        *float64                `json:"lambda"`
	AsGiven       bool                    `json:"weights_as_given"`
	Preferences   []scoring.Preference    `json:"preferences"`
	Types         []scoring.CriterionType `json:"types"`
	Matrix        [][]float64             `json:"matrix"`
	Weights       []float64               `json:"weights"`
	Want          []float64               `json:"want"`
	Decimals      int                     `json:"decimals"`
}

func TestMethodsReproducePublishedExamples(t *testing.T) {
	var doc struct{ Cases []methodCase }
	testkit.LoadJSON(t, "testdata/methods.json", &doc)
	require.NotEmpty(t, doc.Cases)
	for _, c := range doc.Cases {
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			m := newMatrix(t, c.Types, c.Matrix)
			s, err := scoring.Score(m, c.Weights, scoring.Config{Method: c.Method, Normalization: c.Normalization, V: c.V, Lambda: c.Lambda, WeightsAsGiven: c.AsGiven, Preferences: c.Preferences})
			require.NoError(t, err)
			assertRounded(t, c.Want, s.Values, c.Decimals)
		})
	}
}

type weightCase struct {
	Name     string                  `json:"name"`
	Source   string                  `json:"source"`
	Method   scoring.WeightMethod    `json:"method"`
	Types    []scoring.CriterionType `json:"types"`
	Matrix   [][]float64             `json:"matrix"`
	Want     []float64               `json:"want"`
	Decimals int                     `json:"decimals"`
}

func TestObjectiveWeightsReproducePublishedExamples(t *testing.T) {
	var doc struct{ Cases []weightCase }
	testkit.LoadJSON(t, "testdata/weights.json", &doc)
	for _, c := range doc.Cases {
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			m := newMatrix(t, c.Types, c.Matrix)
			var w scoring.Weights
			var err error
			switch c.Method {
			case scoring.WeightMethodEntropy:
				w, err = scoring.EntropyWeights(m)
			case scoring.WeightMethodCRITIC:
				w, err = scoring.CRITICWeights(m)
			case scoring.WeightMethodStdDev:
				w, err = scoring.StdDevWeights(m)
			case scoring.WeightMethodStdDevRaw:
				w, err = scoring.StdDevRawWeights(m)
			case scoring.WeightMethodMEREC:
				w, err = scoring.MERECWeights(m)
			default:
				t.Fatalf("unexpected method %s", c.Method)
			}
			require.NoError(t, err)
			assert.Equal(t, c.Method, w.Method)
			assertRounded(t, c.Want, w.Values, c.Decimals)
		})
	}
}
