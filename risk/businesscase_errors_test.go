package risk_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/planning"
	"github.com/outsourcing-go/outsourcing/risk"
)

// TestBusinessCaseBadInput changes one thing of the fixture's case and
// checks the typed error, its JSON pointer and the single "risk: " prefix.
func TestBusinessCaseBadInput(t *testing.T) {
	m, good := loadCase(t)
	dec := func(s string) *outsourcing.Decimal { d := outsourcing.MustDecimal(s); return &d }
	usd := outsourcing.MustMoney("1000", "USD")
	cases := map[string]struct {
		change   func(s *risk.BusinessCaseSpec)
		path     string
		sentinel error
	}{
		"pert min above mode": {func(s *risk.BusinessCaseSpec) { s.Inputs[0].Estimate.Min = dec("39000") },
			"/inputs/0/estimate/mode", outsourcing.ErrInvalidInput},
		"pert max not above min": {func(s *risk.BusinessCaseSpec) { s.Inputs[0].Estimate.Max = dec("34000") },
			"/inputs/0/estimate/max", outsourcing.ErrInvalidInput},
		"uniform max below min": {func(s *risk.BusinessCaseSpec) { s.Inputs[2].Estimate.Max = dec("1") },
			"/inputs/2/estimate/max", outsourcing.ErrInvalidInput},
		"lognormal low not positive": {func(s *risk.BusinessCaseSpec) { s.Inputs[8].Estimate.Low = dec("0") },
			"/inputs/8/estimate/low", outsourcing.ErrInvalidInput},
		"lognormal high below low": {func(s *risk.BusinessCaseSpec) { s.Inputs[8].Estimate.High = dec("30000") },
			"/inputs/8/estimate/high", outsourcing.ErrInvalidInput},
		"weights all zero": {func(s *risk.BusinessCaseSpec) {
			s.Inputs[5].Estimate.Weights = outsourcing.MustDecimals("0", "0", "0", "0")
		},
			"/inputs/5/estimate/weights", outsourcing.ErrInvalidInput},
		"weights not matching values": {func(s *risk.BusinessCaseSpec) { s.Inputs[5].Estimate.Weights = outsourcing.MustDecimals("1") },
			"/inputs/5/estimate/weights", outsourcing.ErrInvalidInput},
		"parameter of another distribution": {func(s *risk.BusinessCaseSpec) { s.Inputs[0].Estimate.Low = dec("1") },
			"/inputs/0/estimate/low", outsourcing.ErrInvalidInput},
		"missing parameter": {func(s *risk.BusinessCaseSpec) { s.Inputs[0].Estimate.Mode = nil },
			"/inputs/0/estimate/mode", outsourcing.ErrInvalidInput},
		"unknown distribution": {func(s *risk.BusinessCaseSpec) { s.Inputs[0].Estimate.Distribution = "gamma" },
			"/inputs/0/estimate/distribution", outsourcing.ErrInvalidInput},
		"no such line": {func(s *risk.BusinessCaseSpec) { s.Inputs[1].Line = "catering" },
			"/inputs/1/line", outsourcing.ErrNotFound},
		"no such option": {func(s *risk.BusinessCaseSpec) { s.Inputs[1].Option = "moon" },
			"/inputs/1/option", outsourcing.ErrNotFound},
		"no such moved line": {func(s *risk.BusinessCaseSpec) { s.Inputs[4].Moves = []string{"fees", "lunch"} },
			"/inputs/4/moves/1", outsourcing.ErrNotFound},
		"a line moving itself": {func(s *risk.BusinessCaseSpec) { s.Inputs[4].Moves = []string{"parallel-run"} },
			"/inputs/4/moves/0", outsourcing.ErrInvalidInput},
		"moves without a duration": {func(s *risk.BusinessCaseSpec) { s.Inputs[0].Moves = []string{"severance"} },
			"/inputs/0/moves", outsourcing.ErrInvalidInput},
		"another currency": {func(s *risk.BusinessCaseSpec) { s.Currency = "USD" },
			"/currency", outsourcing.ErrCurrencyMismatch},
		"a risk in another currency": {func(s *risk.BusinessCaseSpec) {
			s.Risks[1].Scenario.Magnitude = risk.Magnitude{Distribution: risk.MagnitudeUniform, Min: &usd, Max: &usd}
			hi := outsourcing.MustMoney("2000", "USD")
			s.Risks[1].Scenario.Magnitude.Max = &hi
		}, "/risks/1/scenario/magnitude", outsourcing.ErrCurrencyMismatch},
		"another model": {func(s *risk.BusinessCaseSpec) { s.Model = "payroll" },
			"/model", outsourcing.ErrInvalidInput},
		"escalation of a percent line": {func(s *risk.BusinessCaseSpec) {
			s.Inputs[6].Parameter = risk.InputParameterEscalation
		}, "/inputs/6/parameter", outsourcing.ErrInvalidInput},
		"duration of a one-off line": {func(s *risk.BusinessCaseSpec) {
			s.Inputs[8].Parameter = risk.InputParameterDuration
		}, "/inputs/8/parameter", outsourcing.ErrInvalidInput},
		"duration beyond the horizon": {func(s *risk.BusinessCaseSpec) { s.Inputs[4].Estimate.Max = dec("61") },
			"/inputs/4/estimate/max", outsourcing.ErrInvalidInput},
		"discrete duration of zero": {func(s *risk.BusinessCaseSpec) { s.Inputs[5].Estimate.Values[0] = outsourcing.MustDecimal("0") },
			"/inputs/5/estimate/values/0", outsourcing.ErrInvalidInput},
		"discount rate of -100 %": {func(s *risk.BusinessCaseSpec) { s.Inputs[7].Estimate.Values[0] = outsourcing.MustDecimal("-100") },
			"/inputs/7/estimate/values/0", outsourcing.ErrInvalidInput},
		"negative share": {func(s *risk.BusinessCaseSpec) { s.Inputs[6].Estimate.Min = dec("-1") },
			"/inputs/6/estimate/min", outsourcing.ErrInvalidInput},
		"amount beyond the limit": {func(s *risk.BusinessCaseSpec) { s.Inputs[0].Estimate.Max = dec("2000000000000000") },
			"/inputs/0/estimate/max", outsourcing.ErrLimit},
		"escalation above 1000 %": {func(s *risk.BusinessCaseSpec) { s.Inputs[3].Estimate.Max = dec("1000.5") },
			"/inputs/3/estimate/max", outsourcing.ErrInvalidInput},
		"discount rate with a line": {func(s *risk.BusinessCaseSpec) { s.Inputs[7].Line = "fees" },
			"/inputs/7/option", outsourcing.ErrInvalidInput},
		"unknown parameter": {func(s *risk.BusinessCaseSpec) { s.Inputs[0].Parameter = "colour" },
			"/inputs/0/parameter", outsourcing.ErrInvalidInput},
		"two inputs setting one thing": {func(s *risk.BusinessCaseSpec) { s.Inputs[1].Option, s.Inputs[1].Line = "nearshore", "fees" },
			"/inputs/1", outsourcing.ErrInvalidInput},
		"duplicate id": {func(s *risk.BusinessCaseSpec) { s.Risks[0].ID = "wage-rise" },
			"/risks/0/id", outsourcing.ErrInvalidInput},
		"risk on no such option": {func(s *risk.BusinessCaseSpec) { s.Risks[0].Option = "moon" },
			"/risks/0/option", outsourcing.ErrNotFound},
		"unknown risk kind": {func(s *risk.BusinessCaseSpec) { s.Risks[0].Kind = "fire" },
			"/risks/0/kind", outsourcing.ErrInvalidInput},
		"invalid risk scenario": {func(s *risk.BusinessCaseSpec) { s.Risks[0].Scenario.Frequency.Rate = -1 },
			"/risks/0/scenario/frequency/rate", outsourcing.ErrInvalidInput},
		"too many inputs": {func(s *risk.BusinessCaseSpec) {
			for len(s.Inputs) <= risk.MaxCaseInputs {
				s.Inputs = append(s.Inputs, s.Inputs[0])
			}
		}, "/inputs", outsourcing.ErrLimit},
	}
	tco, err := planning.CompileTCO(m)
	require.NoError(t, err)
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			spec := cloneSpec(t, good)
			tc.change(&spec)
			bc, err := risk.CompileBusinessCase(tco, spec)
			require.Error(t, err)
			assert.Nil(t, bc)
			assert.ErrorIs(t, err, tc.sentinel)
			assertPath(t, err, tc.path)
		})
	}
	_, err = risk.CompileBusinessCase(nil, good)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}

// TestBusinessCaseBadOptions: nothing is simulated for invalid options.
func TestBusinessCaseBadOptions(t *testing.T) {
	m, spec := loadCase(t)
	bc := compileCase(t, m, spec)
	cases := map[string]struct {
		opt      risk.CaseOptions
		path     string
		sentinel error
	}{
		"no trials":           {risk.CaseOptions{}, "/trials", outsourcing.ErrInvalidInput},
		"trials beyond limit": {risk.CaseOptions{Trials: risk.MaxCaseTrials + 1}, "/trials", outsourcing.ErrLimit},
		"negative workers":    {risk.CaseOptions{Trials: 10, Workers: -1}, "/workers", outsourcing.ErrInvalidInput},
		"confidence of 1":     {risk.CaseOptions{Trials: 10, Confidence: 1}, "/confidence", outsourcing.ErrInvalidInput},
		"tornado change 150":  {risk.CaseOptions{Trials: 10, TornadoChange: outsourcing.MustPercent("150")}, "/tornado_change", outsourcing.ErrInvalidInput},
		"negative bins":       {risk.CaseOptions{Trials: 10, Bins: -2}, "/bins", outsourcing.ErrInvalidInput},
		"bins beyond limit":   {risk.CaseOptions{Trials: 10, Bins: risk.MaxCaseBins + 1}, "/bins", outsourcing.ErrLimit},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			res, err := bc.Simulate(tc.opt)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.sentinel)
			assertPath(t, err, tc.path)
			assert.Zero(t, res.Trials)
		})
	}
}

// TestBusinessCaseValuesLimit: a case with 40 inputs keeps more than
// MaxCaseValues values at MaxCaseTrials trials.
func TestBusinessCaseValuesLimit(t *testing.T) {
	var lines []planning.CostLine
	spec := risk.BusinessCaseSpec{ID: "wide", Currency: "EUR"}
	for i := range 40 {
		id := fmt.Sprint("l", i)
		a := outsourcing.MustMoney("100", "EUR")
		lines = append(lines, planning.CostLine{ID: id, Category: planning.CostCategoryOther, Basis: planning.CostBasisRecurring, Amount: &a})
		spec.Inputs = append(spec.Inputs, risk.UncertainInput{ID: id, Parameter: risk.InputParameterAmount, Option: "b", Line: id, Estimate: fixed("90")})
	}
	m := planning.TCOModel{ID: "wide", Currency: "EUR", Period: planning.PeriodUnitYear, Horizon: 2, Baseline: "a",
		Options: []planning.SourcingOption{{ID: "a", Lines: lines}, {ID: "b", Lines: lines}}}
	bc := compileCase(t, m, spec)
	_, err := bc.Simulate(risk.CaseOptions{Trials: risk.MaxCaseTrials})
	require.Error(t, err)
	assert.ErrorIs(t, err, outsourcing.ErrLimit)
	assertPath(t, err, "/trials")
}

// TestBusinessCaseBeyondFloat64: a discount rate near −100 % over a
// century compounds the discount factor beyond float64; Simulate refuses
// the result.
func TestBusinessCaseBeyondFloat64(t *testing.T) {
	a := outsourcing.MustMoney("100", "EUR")
	line := []planning.CostLine{{ID: "l", Category: planning.CostCategoryOther, Basis: planning.CostBasisRecurring, Amount: &a}}
	m := planning.TCOModel{ID: "long", Currency: "EUR", Period: planning.PeriodUnitMonth, Horizon: planning.MaxTCOHorizon, Baseline: "a",
		Options: []planning.SourcingOption{{ID: "a", Lines: line}, {ID: "b", Lines: line}}}
	bc := compileCase(t, m, risk.BusinessCaseSpec{ID: "x", Currency: "EUR", Inputs: []risk.UncertainInput{
		{ID: "r", Parameter: risk.InputParameterDiscountRate, Estimate: fixed("-99.99")}}})
	_, err := bc.Simulate(risk.CaseOptions{Trials: 3})
	require.Error(t, err)
	assert.ErrorIs(t, err, outsourcing.ErrLimit)
	assertPath(t, err, "/inputs")
}

// TestParseBusinessCaseErrors: malformed JSON, schema violations and
// unknown properties, each at its pointer.
func TestParseBusinessCaseErrors(t *testing.T) {
	_, err := risk.ParseBusinessCase([]byte(`{"id": "x",`))
	var syn *outsourcing.SyntaxError
	assert.ErrorAs(t, err, &syn)
	cases := map[string]string{
		`{"id": "x", "currency": "EUR", "inputs": [{"id": "a", "parameter": "colour", "option": "o", "line": "l", "estimate": {"distribution": "pert", "min": "1", "mode": "2", "max": "3"}}]}`:    "/inputs/0/parameter",
		`{"id": "x", "currency": "EUR", "inputs": [{"id": "a", "parameter": "amount", "option": "o", "line": "l", "estimate": {"distribution": "pert", "min": "1", "max": "3"}}]}`:                 "/inputs/0/estimate",
		`{"id": "x", "currency": "EUR", "inputs": [{"id": "a", "parameter": "amount", "option": "o", "line": "l", "estimate": {"distribution": "uniform", "min": "1", "max": "3", "step": "1"}}]}`: "/inputs/0/estimate/step",
		`{"id": "x", "currency": "EUR", "inputs": [{"id": "a", "parameter": "discount_rate", "option": "o", "estimate": {"distribution": "discrete", "values": ["5"]}}]}`:                          "/inputs/0/option",
		`{"id": "x", "currency": "EUR", "risks": [{"id": "r", "option": "o", "kind": "loss", "scenario": {"frequency": {"rate": -1}, "magnitude": {"distribution": "pert"}}}]}`:                    "/risks/0/scenario/frequency/rate",
		`{"id": "x", "currency": "EUR", "colour": "red"}`: "/colour",
	}
	for doc, path := range cases {
		_, err := risk.ParseBusinessCase([]byte(doc))
		require.Error(t, err, doc)
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
		assertPath(t, err, path)
	}
}

// assertPath checks that err carries a FieldError at path and starts with
// the package prefix exactly once.
func assertPath(t *testing.T, err error, path string) {
	t.Helper()
	var paths []string
	for _, fe := range outsourcing.FieldErrors(err) {
		paths = append(paths, fe.Path)
	}
	assert.Contains(t, paths, path, err.Error())
	assert.True(t, strings.HasPrefix(err.Error(), "risk: "), err.Error())
	assert.Equal(t, 1, strings.Count(err.Error(), "risk: "), err.Error())
	var fe *outsourcing.FieldError
	assert.True(t, errors.As(err, &fe))
}

// cloneSpec deep-copies a spec through JSON.
func cloneSpec(t *testing.T, s risk.BusinessCaseSpec) risk.BusinessCaseSpec {
	t.Helper()
	raw, err := json.Marshal(s)
	require.NoError(t, err)
	out, err := risk.ParseBusinessCase(raw)
	require.NoError(t, err)
	return out
}
