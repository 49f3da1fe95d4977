package risk

import (
	"math"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBernoulliExpectedLossReference(t *testing.T) {
	for _, ref := range loadQuant(t).Bernoulli {
		low, high := outsourcing.MustMoney(ref.Low, ref.Currency), outsourcing.MustMoney(ref.High, ref.Currency)
		s := Scenario{Frequency: BernoulliFrequency(ref.Probability), Magnitude: Magnitude{Distribution: MagnitudeLognormal, Low: &low, High: &high}}
		a, err := s.Analytic()
		require.NoError(t, err, ref.Source)
		assertMoney(t, outsourcing.MustMoney(ref.ExpectedLoss, ref.Currency), a.Mean.RoundTo(0, outsourcing.RoundHalfUp))
		assert.InDelta(t, ref.Probability, a.ProbabilityOfLoss, 1e-15, ref.Source)
	}
}

func TestAnalyticPoissonReference(t *testing.T) {
	for _, ref := range loadQuant(t).ALE {
		low, high := outsourcing.MustMoney(ref.Low, ref.Currency), outsourcing.MustMoney(ref.High, ref.Currency)
		s := Scenario{Frequency: PoissonFrequency(ref.Rate), Magnitude: Magnitude{Distribution: MagnitudeLognormal, Low: &low, High: &high}}
		a, err := s.Analytic()
		require.NoError(t, err)
		assertMoney(t, outsourcing.MustMoney(ref.ALE, ref.Currency), a.Mean)
		assert.InDelta(t, ref.PAnyLoss, a.ProbabilityOfLoss, 1e-15, ref.Source)
		// Compound Poisson: Var(S) = λ·E[X²] = λ·exp(2μ + 2σ²).
		l := fitLognormal(low.Amount().Float64(), high.Amount().Float64())
		want := math.Sqrt(ref.Rate * math.Exp(2*l.mu+2*l.sigma*l.sigma))
		assert.InDelta(t, want, a.StdDev.Amount().Float64(), 0.01)
	}
}

// TestAnalyticMatchesSimulation checks every frequency model's closed
// forms against an independent estimate: the simulation's sample.
func TestAnalyticMatchesSimulation(t *testing.T) {
	mag := Magnitude{Distribution: MagnitudePERT, Min: money("1000"), Mode: money("5000"), Max: money("20000")}
	v := 0.5
	cases := map[string]Scenario{
		"poisson":         {Frequency: PoissonFrequency(3), Magnitude: mag},
		"poisson thinned": {Frequency: PoissonFrequency(3), Vulnerability: &v, Magnitude: mag},
		"pert rate":       {Frequency: PERTFrequency(0.5, 2, 6), Vulnerability: &v, Magnitude: mag},
		"fixed":           {Frequency: FixedFrequency(4), Magnitude: mag},
		"fixed thinned":   {Frequency: FixedFrequency(4), Vulnerability: &v, Magnitude: mag},
		"bernoulli":       {Frequency: BernoulliFrequency(0.3), Magnitude: mag},
		"binomial large":  {Frequency: BinomialFrequency(200, 0.2), Magnitude: mag},
		"fair":            {Frequency: PoissonFrequency(2), ThreatCapability: &PERT{Min: 20, Mode: 50, Max: 90}, ResistanceStrength: &PERT{Min: 40, Mode: 60, Max: 80}, Magnitude: mag},
	}
	for name, s := range cases {
		t.Run(name, func(t *testing.T) {
			a, err := s.Analytic()
			require.NoError(t, err)
			res, err := Simulate(s, SimOptions{Trials: 200_000, Seed: 5})
			require.NoError(t, err)
			mean, sd := a.Mean.Amount().Float64(), a.StdDev.Amount().Float64()
			assert.InDelta(t, mean, res.Mean.Amount().Float64(), 5*sd/math.Sqrt(200_000)+0.01)
			assert.InEpsilon(t, sd, res.StdDev.Amount().Float64(), 0.02)
			assert.InDelta(t, a.ProbabilityOfLoss, res.ProbabilityOfLoss, 0.005)
			assert.InDelta(t, a.ThreatEventFrequency*a.Vulnerability, a.LossEventFrequency, 1e-12)
		})
	}
}

func TestFAIRVulnerability(t *testing.T) {
	same := PERT{Min: 20, Mode: 50, Max: 90}
	v, err := FAIRVulnerability(same, same)
	require.NoError(t, err)
	assert.InDelta(t, 0.5, v, 1e-9, "identical continuous distributions: P(T > R) = 1/2")
	v, _ = FAIRVulnerability(PERT{Min: 60, Mode: 70, Max: 80}, PERT{Min: 10, Mode: 20, Max: 50})
	assert.Equal(t, 1.0, v, "capability always above resistance")
	v, _ = FAIRVulnerability(PERT{Min: 10, Mode: 20, Max: 50}, PERT{Min: 60, Mode: 70, Max: 80})
	assert.Equal(t, 0.0, v)
	// Mirror images: P(T > R) + P(R > T) = 1.
	a, b := PERT{Min: 0, Mode: 30, Max: 100}, PERT{Min: 20, Mode: 70, Max: 95, Shape: 6}
	ab, _ := FAIRVulnerability(a, b)
	ba, _ := FAIRVulnerability(b, a)
	assert.InDelta(t, 1, ab+ba, 1e-9)
	_, err = FAIRVulnerability(PERT{Min: 5, Mode: 1, Max: 9}, same)
	assert.Equal(t, []string{"/threat_capability/mode"}, fieldPaths(err))
	_, err = Scenario{Frequency: PoissonFrequency(1), ThreatCapability: &same, Magnitude: benchScenario().Magnitude}.ALE()
	assert.Equal(t, []string{"/threat_capability"}, fieldPaths(err))
}

func TestFrequencyErrors(t *testing.T) {
	mag := benchScenario().Magnitude
	n := -1
	for f, path := range map[*Frequency]string{
		{Rate: 1, Count: new(int)}: "/frequency",
		{Count: &n}:                "/frequency/count",
		{Binomial: &Binomial{Trials: 0, Probability: 0.5}}: "/frequency/binomial/trials",
		{Binomial: &Binomial{Trials: 2, Probability: 1.5}}: "/frequency/binomial/probability",
	} {
		_, err := Scenario{Frequency: *f, Magnitude: mag}.Analytic()
		assert.Equal(t, []string{path}, fieldPaths(err))
	}
}

func TestSummarisePercentileReference(t *testing.T) {
	for _, ref := range loadQuant(t).PercentileInc {
		sample := append([]float64(nil), ref.Sample...)
		r, err := Summarise(sample, "EUR", SummaryOptions{VaRConfidence: ref.K})
		require.NoError(t, err, ref.Source)
		assertMoney(t, outsourcing.MustMoney(ref.Percentile, "EUR"), r.VaR)
		assertMoney(t, outsourcing.MustMoney(ref.Mean, "EUR"), r.Mean)
		assert.Equal(t, ref.Sample, sample, "the caller's sample is not reordered")
	}
	_, err := Summarise(nil, "EUR", SummaryOptions{})
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = Summarise([]float64{1, math.NaN(), math.Inf(-1)}, "EUR", SummaryOptions{})
	assert.Equal(t, []string{"/1", "/2"}, fieldPaths(err))
	_, err = Summarise([]float64{1}, "EUR", SummaryOptions{VaRConfidence: 2})
	assert.Equal(t, []string{"/var_confidence"}, fieldPaths(err))
}

func TestNISTFrequencyLevelReference(t *testing.T) {
	ref := loadQuant(t).NISTG3
	require.NotEmpty(t, ref.Cases)
	for _, c := range ref.Cases {
		got, err := NISTFrequencyLevel(c[0].(float64))
		require.NoError(t, err)
		assert.Equal(t, outsourcing.RiskLevel(c[1].(string)), got, "%v events a year: %s", c[0], ref.Source)
	}
	for _, f := range []float64{-1, math.NaN(), math.Inf(1)} {
		_, err := NISTFrequencyLevel(f)
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	}
}

func TestClassic5x5RateRanks(t *testing.T) {
	m := Classic5x5()
	// NPSA (2008): score = likelihood × consequence; 1–3 low, 4–6 moderate,
	// 8–12 high, 15–25 extreme.
	for _, c := range []struct {
		l, c  int
		level string
	}{{1, 3, "low"}, {2, 2, "moderate"}, {4, 3, "high"}, {5, 5, "extreme"}, {3, 5, "extreme"}} {
		ev, err := m.RateRanks(c.l, c.c)
		require.NoError(t, err)
		assert.Equal(t, c.level, string(ev.Level))
		assert.Equal(t, float64(c.l*c.c), ev.Score)
	}
	_, err := m.RateRanks(0, 6)
	assert.Equal(t, []string{"/likelihood", "/impact"}, fieldPaths(err))
}

func TestResidualScoreAndCombination(t *testing.T) {
	m := Classic5x5()
	k := Risk{Inherent: Rating{"likely", "major"}, Controls: []Control{{Effectiveness: 0.5}, {Effectiveness: 0.4}, {Effectiveness: 0.25, Target: ControlTargetImpact}}}
	r, err := m.Residual(k)
	require.NoError(t, err)
	assert.InDelta(t, 0.7, r.LikelihoodEffectiveness, 1e-12)
	assert.InDelta(t, 4*0.3, r.LikelihoodValue, 1e-12)
	assert.InDelta(t, 4*0.75, r.ImpactValue, 1e-12)
	assert.InDelta(t, 1.2*3, r.Score, 1e-12, "the residual score is the product formula on the reduced values")
	strongest, err := NewCombiner(Combination{Method: CombinationStrongest})
	require.NoError(t, err)
	r, err = m.ResidualWith(k, strongest)
	require.NoError(t, err)
	assert.InDelta(t, 0.5, r.LikelihoodEffectiveness, 1e-12)
	additive, err := NewCombiner(Combination{Method: CombinationRule, Rule: "min(1, sum(effectiveness))"})
	require.NoError(t, err)
	e, err := additive.Combine(0.5, 0.4)
	require.NoError(t, err)
	assert.InDelta(t, 0.9, e, 1e-12)
	_, err = NewCombiner(Combination{Method: CombinationRule, Rule: "effectiveness +"})
	assert.ErrorIs(t, err, outsourcing.ErrRule)
	assert.Equal(t, []string{"/rule"}, fieldPaths(err))
	bad, _ := NewCombiner(Combination{Method: CombinationRule, Rule: "2"})
	_, err = bad.Combine(0.1)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = NewCombiner(Combination{Method: "average"})
	assert.Equal(t, []string{"/method"}, fieldPaths(err))
}

func TestReviewCadenceInDays(t *testing.T) {
	identified := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	reg := Register{ID: "r", Review: ReviewPolicy{Intervals: []ReviewInterval{{Level: "extreme", Days: 45}}},
		Risks: []Risk{{ID: "A", Title: "a", Category: CategorySupplier, Status: StatusOpen, Identified: identified,
			Inherent: Rating{"almost_certain", "catastrophic"}, Contingency: &ContingencyPlan{Owner: "o", Trigger: "t", Steps: []string{"s"}, DrillDays: 90}}}}
	rep, err := Assess(reg, Classic5x5(), identified)
	require.NoError(t, err)
	assert.Equal(t, identified.AddDate(0, 0, 45), rep.Risks[0].Review.Date)
	assert.Equal(t, 45, rep.Risks[0].Review.Days)
	assert.Equal(t, identified.AddDate(0, 0, 90), rep.Risks[0].Drill.Date)
	reg.Review.Intervals[0].Months = 2
	assert.Equal(t, []string{"/review/intervals/0/days"}, fieldPaths(reg.Validate(Classic5x5())))
}
