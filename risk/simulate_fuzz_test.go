package risk

import (
	"errors"
	"math"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzScenario is one set of fuzzed Monte Carlo inputs.
type fuzzScenario struct {
	Rate                    float64
	UsePERT                 bool
	PMin, PMode, PMax, PLam float64
	Vulnerability           float64
	HasVulnerability        bool
	Distribution            uint8
	Min, Mode, Max          string // amounts; Min and Max are also the lognormal interval
	Mixed                   bool   // Max in USD, the rest in EUR
	Shape                   float64
	Trials                  uint16
	Seed                    uint64
	Confidence, Exceedance  float64
	Threshold               string
	ThresholdExp            int16 // scales Threshold by 10^ThresholdExp, beyond what a string can say
}

// fuzzEventBudget bounds the loss events a fuzzed simulation draws, so
// that a rate near MaxRate is validated and simulated over few years.
const fuzzEventBudget = 1e5

func (f fuzzScenario) build() (Scenario, SimOptions) {
	money := func(amount, currency string) *outsourcing.Money {
		m, err := outsourcing.ParseMoney(amount, currency)
		if err != nil {
			return nil // a missing amount is an input error too
		}
		return &m
	}
	maxCurrency := "EUR"
	if f.Mixed {
		maxCurrency = "USD"
	}
	kinds := append(append([]MagnitudeKind(nil), magnitudeKinds...), "gamma")
	s := Scenario{
		Frequency: Frequency{Rate: f.Rate},
		Magnitude: Magnitude{Distribution: kinds[int(f.Distribution)%len(kinds)],
			Min: money(f.Min, "EUR"), Mode: money(f.Mode, "EUR"), Max: money(f.Max, maxCurrency),
			Low: money(f.Min, "EUR"), High: money(f.Max, maxCurrency), Shape: f.Shape},
	}
	events := f.Rate
	if f.UsePERT {
		s.Frequency.PERT = &PERT{Min: f.PMin, Mode: f.PMode, Max: f.PMax, Shape: f.PLam}
		events = f.PMax
	}
	if f.HasVulnerability {
		s.Vulnerability = &f.Vulnerability
	}
	trials := int(f.Trials % 256)
	if events > 1 && float64(trials)*events > fuzzEventBudget {
		trials = max(1, int(fuzzEventBudget/events))
	}
	opt := SimOptions{Trials: trials, Seed: f.Seed, Workers: 1, SummaryOptions: SummaryOptions{VaRConfidence: f.Confidence, ExceedanceProbabilities: []float64{f.Exceedance}}}
	if th := money(f.Threshold, "EUR"); th != nil {
		opt.Thresholds = []outsourcing.Money{th.Mul(outsourcing.DecimalOf(decimal.New(1, int32(f.ThresholdExp))))}
	}
	return s, opt
}

// FuzzSimulate sends random scenario parameters through validation (ALE)
// and a small simulation. Nothing may panic; invalid input is a
// *outsourcing.FieldError matching ErrInvalidInput, ErrLimit or
// ErrCurrencyMismatch; a valid scenario simulates to ordered, finite
// results that do not depend on the number of workers.
func FuzzSimulate(f *testing.F) {
	add := func(s fuzzScenario) {
		f.Add(s.Rate, s.UsePERT, s.PMin, s.PMode, s.PMax, s.PLam, s.Vulnerability, s.HasVulnerability, s.Distribution,
			s.Min, s.Mode, s.Max, s.Mixed, s.Shape, s.Trials, s.Seed, s.Confidence, s.Exceedance, s.Threshold, s.ThresholdExp)
	}
	const pert, lognormal, triangular, uniform, unknown = 0, 1, 2, 3, 4
	add(fuzzScenario{Rate: 2, Distribution: lognormal, Min: "10000", Max: "1000000", Trials: 200, Seed: 1, Exceedance: 0.01, Threshold: "50000"})
	add(fuzzScenario{UsePERT: true, PMin: 1, PMode: 3, PMax: 8, Distribution: pert, Min: "2000", Mode: "10000", Max: "60000", Trials: 100, Exceedance: 0.5})
	add(fuzzScenario{Rate: 0.4, Vulnerability: 0.5, HasVulnerability: true, Distribution: triangular, Min: "5000", Mode: "20000", Max: "80000", Trials: 50, Exceedance: 0.1, Confidence: 0.99})
	add(fuzzScenario{Rate: 0.02, Distribution: uniform, Min: "300000", Max: "1200000", Trials: 10, Exceedance: 0.2})
	add(fuzzScenario{Rate: 25, Distribution: uniform, Min: "0", Max: "1.5", Trials: 30, Exceedance: 0.2})      // PTRS Poisson
	add(fuzzScenario{Rate: 1e6, Distribution: uniform, Min: "0", Max: "1", Trials: 3, Exceedance: 0.2})        // the rate limit
	add(fuzzScenario{Rate: 1, Distribution: pert, Min: "5", Mode: "4", Max: "9", Trials: 10, Exceedance: 0.2}) // min > mode
	add(fuzzScenario{Rate: 1, Distribution: lognormal, Min: "9", Max: "9", Trials: 10, Exceedance: 0.2})       // low = high
	add(fuzzScenario{Rate: -1, Distribution: uniform, Min: "1", Max: "2", Trials: 10, Exceedance: 0.2})
	add(fuzzScenario{Rate: math.NaN(), Distribution: unknown, Trials: 0, Exceedance: 2, Confidence: -1})
	add(fuzzScenario{Rate: 1, Distribution: uniform, Min: "1", Max: "2", Mixed: true, Trials: 10, Exceedance: 0.2})
	add(fuzzScenario{Rate: 1, Distribution: lognormal, Min: "0.000000000000000000000000000001", Max: "1000000000000000", Trials: 10, Exceedance: 0.2})
	add(fuzzScenario{Rate: 1, Distribution: pert, Min: "1", Mode: "2", Max: "3", Shape: 1e308, Trials: 10, Exceedance: 0.2})
	add(fuzzScenario{Rate: 1, Distribution: uniform, Min: "1", Max: "2", Trials: 10, Exceedance: 0.2, Threshold: "1.5", ThresholdExp: 400})
	add(fuzzScenario{UsePERT: true, PMin: 0, PMode: 1, PMax: 2, PLam: 1e308, Distribution: uniform, Min: "1", Max: "2", Trials: 10, Exceedance: 0.2})
	f.Fuzz(func(t *testing.T, rate float64, usePERT bool, pMin, pMode, pMax, pLam, vuln float64, hasVuln bool, dist uint8,
		lo, mode, hi string, mixed bool, shape float64, trials uint16, seed uint64, confidence, exceed float64, threshold string, thresholdExp int16) {
		s, opt := fuzzScenario{rate, usePERT, pMin, pMode, pMax, pLam, vuln, hasVuln, dist, lo, mode, hi, mixed, shape,
			trials, seed, confidence, exceed, threshold, thresholdExp}.build()
		ale, aleErr := s.ALE()
		res, err := Simulate(s, opt)
		if aleErr != nil {
			assertInputError(t, aleErr)
			require.Error(t, err, "Simulate accepts a scenario ALE rejects")
		}
		if err != nil {
			assertInputError(t, err)
			return
		}
		require.NoError(t, aleErr)
		assert.False(t, ale.IsNegative())
		require.Equal(t, opt.Trials, res.Trials)
		cur := res.Mean.Currency()
		ordered := []outsourcing.Money{res.P10, res.P50, res.P90, res.P95, res.P99}
		for i, m := range ordered {
			require.Equal(t, cur, m.Currency())
			require.False(t, m.IsNegative(), "quantile %d is negative", i)
			if i > 0 {
				c, err := ordered[i-1].Cmp(m)
				require.NoError(t, err)
				require.LessOrEqual(t, c, 0, "quantiles out of order: %v", ordered)
			}
		}
		require.False(t, res.Mean.IsNegative() || res.StdDev.IsNegative())
		require.True(t, res.ProbabilityOfLoss >= 0 && res.ProbabilityOfLoss <= 1)
		for _, p := range res.Exceedance {
			require.True(t, p.Probability >= 0 && p.Probability <= 1)
		}
		opt.Workers = 3
		again, err := Simulate(s, opt)
		require.NoError(t, err)
		require.Equal(t, res, again, "results depend on the number of workers")
	})
}

// assertInputError checks that err is a typed input error: every leaf a
// *outsourcing.FieldError matching one of the input sentinels.
func assertInputError(t *testing.T, err error) {
	t.Helper()
	var leaves []error
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		leaves = append(leaves, e)
	}
	walk(err)
	require.NotEmpty(t, leaves)
	for _, e := range leaves {
		var fe *outsourcing.FieldError
		require.ErrorAs(t, e, &fe, "%v is not a *outsourcing.FieldError", e)
		require.True(t, errors.Is(e, outsourcing.ErrInvalidInput) || errors.Is(e, outsourcing.ErrLimit) ||
			errors.Is(e, outsourcing.ErrCurrencyMismatch), "%v matches no input sentinel", e)
	}
}
