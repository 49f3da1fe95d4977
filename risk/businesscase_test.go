package risk_test

import (
	"encoding/json"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/planning"
	"github.com/outsourcing-go/outsourcing/risk"
)

// caseFixture is testdata/businesscase_model.json: a 60-month TCO model
// with three options and a business case with ten uncertain inputs and
// two risks.
type caseFixture struct {
	Model json.RawMessage `json:"model"`
	Case  json.RawMessage `json:"case"`
}

func loadCase(t testing.TB) (planning.TCOModel, risk.BusinessCaseSpec) {
	t.Helper()
	raw, err := os.ReadFile("testdata/businesscase_model.json")
	require.NoError(t, err)
	var f caseFixture
	require.NoError(t, json.Unmarshal(raw, &f))
	m, err := planning.ParseTCOModel(f.Model)
	require.NoError(t, err)
	spec, err := risk.ParseBusinessCase(f.Case)
	require.NoError(t, err)
	return m, spec
}

func compileCase(t testing.TB, m planning.TCOModel, spec risk.BusinessCaseSpec) *risk.BusinessCase {
	t.Helper()
	tco, err := planning.CompileTCO(m)
	require.NoError(t, err)
	bc, err := risk.CompileBusinessCase(tco, spec)
	require.NoError(t, err)
	return bc
}

func fixed(value string) risk.Estimate {
	return risk.Estimate{Distribution: risk.EstimateKindDiscrete, Values: outsourcing.MustDecimals(value)}
}

// TestBusinessCaseFixedInputsReproduceTCO fixes every kind of input at its
// model value (amounts, a share, a line with probability, an escalation, a
// duration with moved lines, the discount rate): every simulated figure
// is then the exact TCO figure.
func TestBusinessCaseFixedInputsReproduceTCO(t *testing.T) {
	m, _ := loadCase(t)
	in := func(id string, p risk.InputParameter, option, line, value string, moves ...string) risk.UncertainInput {
		return risk.UncertainInput{ID: id, Parameter: p, Option: option, Line: line, Moves: moves, Estimate: fixed(value)}
	}
	spec := risk.BusinessCaseSpec{ID: "fixed", Currency: "EUR", Inputs: []risk.UncertainInput{
		in("a", risk.InputParameterAmount, "nearshore", "fees", "38000"),
		in("b", risk.InputParameterAmount, "offshore", "governance", "12"),
		in("c", risk.InputParameterAmount, "in-house", "outage", "50000"),
		in("d", risk.InputParameterEscalation, "nearshore", "fees", "2.5"),
		in("e", risk.InputParameterEscalation, "in-house", "infrastructure", "2"),
		in("f", risk.InputParameterDuration, "nearshore", "parallel-run", "6", "fees", "severance"),
		in("g", risk.InputParameterDuration, "offshore", "parallel-run", "9", "fees"),
		in("h", risk.InputParameterAmount, "offshore", "knowledge-transfer", "60000"),
		{ID: "rate", Parameter: risk.InputParameterDiscountRate, Estimate: fixed("7")},
	}}
	bc := compileCase(t, m, spec)
	res, err := bc.Simulate(risk.CaseOptions{Trials: 3000, Seed: 9})
	require.NoError(t, err)
	tco, err := planning.CompileTCO(m)
	require.NoError(t, err)
	exact := tco.Evaluate()
	cheapest := 0
	for o, want := range exact.Options {
		if want.Discounted.Amount().LessThan(exact.Options[cheapest].Discounted.Amount()) {
			cheapest = o
		}
		got := res.Options[o]
		assertSameMoney(t, want.Discounted, got.PointCost)
		for _, x := range []outsourcing.Money{got.Cost.Mean, got.Cost.P5, got.Cost.P50, got.Cost.P95} {
			assertSameMoney(t, want.Discounted, x)
		}
		assert.True(t, got.Cost.StdDev.Amount().IsZero())
		if want.Savings == nil {
			assert.Nil(t, got.Savings)
			continue
		}
		s := got.Savings
		for _, x := range []outsourcing.Money{s.Point, s.NPV.Mean, s.NPV.P5, s.NPV.P10, s.NPV.P50, s.NPV.P90, s.NPV.P95, s.VaR, s.CVaR} {
			assertSameMoney(t, want.Savings.NPV, x)
		}
		require.NotNil(t, want.Savings.Payback)
		for _, p := range []*outsourcing.Decimal{s.Payback.P10, s.Payback.P50, s.Payback.P90} {
			require.NotNil(t, p)
			assert.Truef(t, want.Savings.Payback.Equal(*p), "payback %s, want %s", p, want.Savings.Payback)
		}
		assert.Equal(t, 1.0, s.Payback.Probability)
		negative := 0.0
		if want.Savings.NPV.IsNegative() {
			negative = 1
		}
		assert.Equal(t, negative, s.ProbabilityNegative)
		require.Len(t, s.Histogram, 1)
		assert.Equal(t, 3000, s.Histogram[0].Count)
		for _, d := range s.Drivers {
			assert.Zero(t, d.Spearman, d.Input)
		}
	}
	assert.Equal(t, 1.0, res.Options[cheapest].ProbabilityCheapest)
}

// TestBusinessCaseMatchesChangedModel fixes one input at a value other
// than the model's and compares the simulation with planning's exact
// evaluation of the model changed the same way: amounts, a share, a line
// with probability, escalations (one on a line without escalation),
// durations with moved recurring and one-off lines, the discount rate.
func TestBusinessCaseMatchesChangedModel(t *testing.T) {
	base, _ := loadCase(t)
	find := func(m *planning.TCOModel, option, line string) *planning.CostLine {
		for i := range m.Options {
			for j := range m.Options[i].Lines {
				if m.Options[i].ID == option && m.Options[i].Lines[j].ID == line {
					return &m.Options[i].Lines[j]
				}
			}
		}
		t.Fatalf("no line %s/%s", option, line)
		return nil
	}
	eur := func(s string) *outsourcing.Money { m := outsourcing.MustMoney(s, "EUR"); return &m }
	pct := func(s string) *outsourcing.Percent { p := outsourcing.MustPercent(s); return &p }
	cases := map[string]struct {
		input  risk.UncertainInput
		change func(m *planning.TCOModel)
	}{
		"amount": {risk.UncertainInput{Parameter: risk.InputParameterAmount, Option: "nearshore", Line: "fees", Estimate: fixed("41234.56")},
			func(m *planning.TCOModel) { find(m, "nearshore", "fees").Amount = eur("41234.56") }},
		"share": {risk.UncertainInput{Parameter: risk.InputParameterAmount, Option: "offshore", Line: "governance", Estimate: fixed("17.5")},
			func(m *planning.TCOModel) { find(m, "offshore", "governance").Percent = pct("17.5") }},
		"amount with probability": {risk.UncertainInput{Parameter: risk.InputParameterAmount, Option: "in-house", Line: "outage", Estimate: fixed("90000")},
			func(m *planning.TCOModel) { find(m, "in-house", "outage").Amount = eur("90000") }},
		"capped escalation": {risk.UncertainInput{Parameter: risk.InputParameterEscalation, Option: "in-house", Line: "staff", Estimate: fixed("4")},
			func(m *planning.TCOModel) {
				find(m, "in-house", "staff").Escalation.Index = []outsourcing.Percent{outsourcing.MustPercent("4")}
			}},
		"escalation every 6 months": {risk.UncertainInput{Parameter: risk.InputParameterEscalation, Option: "offshore", Line: "fees", Estimate: fixed("1.25")},
			func(m *planning.TCOModel) {
				find(m, "offshore", "fees").Escalation.Index = []outsourcing.Percent{outsourcing.MustPercent("1.25")}
			}},
		"escalation of a line without": {risk.UncertainInput{Parameter: risk.InputParameterEscalation, Option: "in-house", Line: "licences", Estimate: fixed("5")},
			func(m *planning.TCOModel) {
				find(m, "in-house", "licences").Escalation = &planning.Escalation{Index: []outsourcing.Percent{outsourcing.MustPercent("5")}}
			}},
		"longer transition": {risk.UncertainInput{Parameter: risk.InputParameterDuration, Option: "nearshore", Line: "parallel-run", Moves: []string{"fees", "severance"}, Estimate: fixed("9")},
			func(m *planning.TCOModel) {
				find(m, "nearshore", "parallel-run").End = 9
				find(m, "nearshore", "fees").Start = 10
				find(m, "nearshore", "severance").Start = 9
			}},
		"shorter transition": {risk.UncertainInput{Parameter: risk.InputParameterDuration, Option: "offshore", Line: "parallel-run", Moves: []string{"fees"}, Estimate: fixed("4")},
			func(m *planning.TCOModel) {
				find(m, "offshore", "parallel-run").End = 4
				find(m, "offshore", "fees").Start = 5
			}},
		"discount rate": {risk.UncertainInput{Parameter: risk.InputParameterDiscountRate, Estimate: fixed("9.5")},
			func(m *planning.TCOModel) { m.DiscountRate = outsourcing.MustPercent("9.5") }},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			tc.input.ID = "x"
			bc := compileCase(t, base, risk.BusinessCaseSpec{ID: "one", Currency: "EUR", Inputs: []risk.UncertainInput{tc.input}})
			res, err := bc.Simulate(risk.CaseOptions{Trials: 10, Workers: 1})
			require.NoError(t, err)
			changed := mustClone(t, base)
			tc.change(&changed)
			tco, err := planning.CompileTCO(changed)
			require.NoError(t, err)
			want := tco.Evaluate()
			for o, w := range want.Options {
				got := res.Options[o]
				assertCents(t, w.Discounted, got.Cost.Mean)
				if w.Savings != nil {
					assertCents(t, w.Savings.NPV, got.Savings.NPV.Mean)
					require.NotNil(t, got.Savings.Payback.P50)
					assert.InDelta(t, w.Savings.Payback.Float64(), got.Savings.Payback.P50.Float64(), 1e-4, w.ID)
				}
			}
		})
	}
}

// mustClone deep-copies a model through JSON, so a test can change it.
func mustClone(t *testing.T, m planning.TCOModel) planning.TCOModel {
	raw, err := json.Marshal(m)
	require.NoError(t, err)
	var out planning.TCOModel
	require.NoError(t, json.Unmarshal(raw, &out))
	return out
}

// assertSameMoney checks that got equals want exactly, currency included.
func assertSameMoney(t *testing.T, want, got outsourcing.Money) {
	t.Helper()
	assert.Truef(t, want.Equal(got), "want %s, got %s", want, got)
}

// assertCents checks that got is want within one minor unit (float64
// against exact decimal arithmetic).
func assertCents(t *testing.T, want, got outsourcing.Money) {
	t.Helper()
	assert.InDeltaf(t, want.Amount().Float64(), got.Amount().Float64(), 0.0100001, "want %s, got %s", want, got)
}

// TestBusinessCaseUniformLineMatchesClosedForm gives one cost line a
// uniform amount: the NPV of savings is c − K·a with the annuity factor K,
// so its mean and standard deviation are closed forms
// (testdata/businesscase.json); the simulation must be within four
// standard errors of each.
func TestBusinessCaseUniformLineMatchesClosedForm(t *testing.T) {
	var ref struct {
		Months          int
		AnnualRate      string  `json:"annual_rate"`
		AnnuityFactor   string  `json:"annuity_factor"`
		BaselineMonthly string  `json:"baseline_monthly"`
		FeeModel        string  `json:"fee_model"`
		FeeMin          string  `json:"fee_min"`
		FeeMax          string  `json:"fee_max"`
		Kurtosis        float64 `json:"uniform_kurtosis"`
	}
	raw, err := os.ReadFile("testdata/businesscase.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &ref))
	line := func(id, amount string) planning.CostLine {
		a := outsourcing.MustMoney(amount, "EUR")
		return planning.CostLine{ID: id, Category: planning.CostCategoryOther, Basis: planning.CostBasisRecurring, Amount: &a}
	}
	m := planning.TCOModel{ID: "uniform", Currency: "EUR", Period: planning.PeriodUnitMonth, Horizon: ref.Months,
		DiscountRate: outsourcing.MustPercent(ref.AnnualRate), Baseline: "in-house", Options: []planning.SourcingOption{
			{ID: "in-house", Lines: []planning.CostLine{line("cost", ref.BaselineMonthly)}},
			{ID: "vendor", Lines: []planning.CostLine{line("fee", ref.FeeModel)}}}}
	lo, hi := outsourcing.MustDecimal(ref.FeeMin), outsourcing.MustDecimal(ref.FeeMax)
	bc := compileCase(t, m, risk.BusinessCaseSpec{ID: "u", Currency: "EUR", Inputs: []risk.UncertainInput{{ID: "fee",
		Parameter: risk.InputParameterAmount, Option: "vendor", Line: "fee",
		Estimate: risk.Estimate{Distribution: risk.EstimateKindUniform, Min: &lo, Max: &hi}}}})
	const n = 100_000
	res, err := bc.Simulate(risk.CaseOptions{Trials: n, Seed: 2024})
	require.NoError(t, err)
	k := parseFloat(t, ref.AnnuityFactor)
	a, b := lo.Float64(), hi.Float64()
	mean := k * (parseFloat(t, ref.BaselineMonthly) - (a+b)/2)
	sd := k * (b - a) / math.Sqrt(12)
	got := res.Options[1].Savings.NPV
	seMean, seSD := sd/math.Sqrt(n), sd*math.Sqrt((ref.Kurtosis-1)/(4*n))
	assert.InDelta(t, mean, got.Mean.Amount().Float64(), 4*seMean)
	assert.InDelta(t, sd, got.StdDev.Amount().Float64(), 4*seSD)
	// The fee is the only driver and lowers the savings one for one.
	require.Len(t, res.Options[1].Savings.Drivers, 1)
	assert.InDelta(t, -1, res.Options[1].Savings.Drivers[0].Spearman, 1e-12)
}

func parseFloat(t *testing.T, s string) float64 {
	x, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return x
}

// TestBusinessCaseDeterministicAcrossWorkers runs the full case with
// 1, 2, 3 and 8 workers over a number of trials that is not a multiple of
// the chunk size: the results are identical.
func TestBusinessCaseDeterministicAcrossWorkers(t *testing.T) {
	m, spec := loadCase(t)
	bc := compileCase(t, m, spec)
	var first []byte
	for _, w := range []int{1, 2, 3, 8} {
		res, err := bc.Simulate(risk.CaseOptions{Trials: 5000, Seed: 77, Workers: w})
		require.NoError(t, err)
		raw, err := json.Marshal(res)
		require.NoError(t, err)
		if first == nil {
			first = raw
			continue
		}
		assert.JSONEq(t, string(first), string(raw), "workers %d", w)
	}
	other, err := bc.Simulate(risk.CaseOptions{Trials: 5000, Seed: 78})
	require.NoError(t, err)
	raw, err := json.Marshal(other)
	require.NoError(t, err)
	assert.NotEqual(t, string(first), string(raw), "another seed draws other futures")
}
