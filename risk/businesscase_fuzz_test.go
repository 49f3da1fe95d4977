package risk_test

import (
	"errors"
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/planning"
	"github.com/outsourcing-go/outsourcing/risk"
)

// FuzzParseBusinessCase sends arbitrary documents through
// ParseBusinessCase and CompileBusinessCase against the fixture's model,
// and simulates what compiles over a few trials. Nothing may panic; a
// rejected document is a *outsourcing.SyntaxError or *FieldError values
// matching a sentinel; a simulated case has finite, ordered figures.
func FuzzParseBusinessCase(f *testing.F) {
	raw, err := os.ReadFile("testdata/businesscase_model.json")
	require.NoError(f, err)
	m, spec := loadCase(f)
	f.Add(mustJSON(f, spec))
	f.Add(raw)
	for _, doc := range []string{
		`{"id": "x", "currency": "EUR"}`,
		`{"id": "x", "currency": "EUR", "inputs": [{"id": "a", "parameter": "duration", "option": "offshore", "line": "parallel-run", "moves": ["fees"], "estimate": {"distribution": "lognormal", "low": "1", "high": "80"}}]}`,
		`{"id": "x", "currency": "EUR", "inputs": [{"id": "r", "parameter": "discount_rate", "estimate": {"distribution": "uniform", "min": "-99.9", "max": "500"}}]}`,
		`{"id": "x", "currency": "EUR", "inputs": [{"id": "a", "parameter": "amount", "option": "nearshore", "line": "fees", "estimate": {"distribution": "discrete", "values": ["-5", "1e3"], "weights": ["0", "0"]}}]}`,
		`{"id": "x", "currency": "EUR", "risks": [{"id": "r", "option": "in-house", "kind": "exit", "scenario": {"frequency": {"count": 3}, "magnitude": {"distribution": "uniform", "min": {"amount": "1", "currency": "EUR"}, "max": {"amount": "2", "currency": "EUR"}}}}]}`,
		`[`, `null`, `{"id": "x", "currency": "EUR", "inputs": [{}]}`,
	} {
		f.Add([]byte(doc))
	}
	tco, err := planning.CompileTCO(m)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, doc []byte) {
		spec, err := risk.ParseBusinessCase(doc)
		if err != nil {
			assertTyped(t, err)
			return
		}
		bc, err := risk.CompileBusinessCase(tco, spec)
		if err != nil {
			assertTyped(t, err)
			return
		}
		res, err := bc.Simulate(risk.CaseOptions{Trials: 16, Workers: 1})
		require.NoError(t, err)
		for _, o := range res.Options {
			if o.Savings == nil {
				continue
			}
			s := o.Savings.NPV
			for _, x := range []outsourcing.Money{s.Mean, s.StdDev, s.P5, s.P95, o.Savings.VaR, o.Savings.CVaR} {
				assert.False(t, math.IsNaN(x.Amount().Float64()) || math.IsInf(x.Amount().Float64(), 0))
			}
			assert.True(t, s.P5.Amount().LessThanOrEqual(s.P95.Amount()))
			assert.True(t, o.Savings.CVaR.Amount().LessThanOrEqual(o.Savings.VaR.Amount()))
		}
	})
}

// assertTyped checks that a rejection is typed and matches a sentinel.
func assertTyped(t *testing.T, err error) {
	t.Helper()
	var syn *outsourcing.SyntaxError
	if errors.As(err, &syn) {
		return
	}
	require.NotEmpty(t, outsourcing.FieldErrors(err), err.Error())
	matched := false
	for _, s := range []error{outsourcing.ErrInvalidInput, outsourcing.ErrLimit, outsourcing.ErrNotFound, outsourcing.ErrCurrencyMismatch} {
		matched = matched || errors.Is(err, s)
	}
	assert.True(t, matched, err.Error())
}
