package risk

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type quantRef struct {
	PERT []struct {
		Source                      string
		Min, Mode, Max, Shape       float64
		Mean, Alpha, Beta, Variance float64
	} `json:"pert"`
	Lognormal []struct {
		Source                     string
		Low, High, Mu, Sigma, Mean float64
	} `json:"lognormal_90"`
	ALE []struct {
		Source    string
		Rate      float64
		Low, High string
		Currency  string
		ALE       string  `json:"ale"`
		PAnyLoss  float64 `json:"p_any_loss"`
	} `json:"ale"`
	Residual []struct {
		Source        string
		Effectiveness []float64
		Combined      float64
	} `json:"residual"`
	Bernoulli []struct {
		Source       string
		Probability  float64
		Low, High    string
		Currency     string
		ExpectedLoss string `json:"expected_loss"`
	} `json:"expected_loss_bernoulli"`
	PercentileInc []struct {
		Source     string
		Sample     []float64
		K          float64
		Percentile string
		Mean       string
	} `json:"percentile_inc"`
	NISTG3 struct {
		Source string
		Cases  [][2]any
	} `json:"nist_g3"`
}

func loadQuant(t *testing.T) quantRef {
	var ref quantRef
	testkit.LoadJSON(t, "testdata/quantification.json", &ref)
	require.NotEmpty(t, ref.PERT)
	return ref
}

// sampleMoments returns the mean and variance of n draws.
func sampleMoments(n int, draw func() float64) (mean, variance float64) {
	var sum, sum2 float64
	for range n {
		x := draw()
		sum += x
		sum2 += x * x
	}
	mean = sum / float64(n)
	return mean, sum2/float64(n) - mean*mean
}

func TestPERTClosedForm(t *testing.T) {
	for _, c := range loadQuant(t).PERT {
		t.Run(c.Source, func(t *testing.T) {
			p := newPERT(c.Min, c.Mode, c.Max, c.Shape)
			assert.InDelta(t, c.Mean, p.mean(), 1e-12)
			assert.InDelta(t, c.Alpha, p.alpha, 1e-12)
			assert.InDelta(t, c.Beta, p.beta, 1e-12)
			// Beta variance αβ/((α+β)²(α+β+1)) scaled to the range.
			ab := p.alpha + p.beta
			betaVar := p.alpha * p.beta / (ab * ab * (ab + 1)) * (c.Max - c.Min) * (c.Max - c.Min)
			assert.InDelta(t, betaVar, p.variance(), 1e-9)
			if c.Variance != 0 {
				assert.InDelta(t, c.Variance, p.variance(), 1e-9)
			}
			src := &pcg{1, 2}
			const n = 400_000
			mean, variance := sampleMoments(n, func() float64 { return p.sample(src) })
			// 5 standard errors of the mean; variance within 2%.
			assert.InDelta(t, p.mean(), mean, 5*math.Sqrt(p.variance()/n))
			assert.InEpsilon(t, p.variance(), variance, 0.02)
		})
	}
}

func TestLognormalFromInterval(t *testing.T) {
	for _, c := range loadQuant(t).Lognormal {
		t.Run(c.Source, func(t *testing.T) {
			l := fitLognormal(c.Low, c.High)
			assert.InDelta(t, c.Mu, l.mu, 1e-12)
			assert.InDelta(t, c.Sigma, l.sigma, 1e-12)
			assert.InEpsilon(t, c.Mean, l.mean(), 1e-12)
			src := &pcg{3, 4}
			const n = 400_000
			draws := make([]float64, n)
			for i := range draws {
				draws[i] = math.Exp(l.mu + l.sigma*normal(src))
			}
			q := quantiles(draws, []float64{0.05, 0.95}, 1)
			// The fitted distribution puts the interval at P5 and P95.
			assert.InEpsilon(t, c.Low, q[0], 0.02)
			assert.InEpsilon(t, c.High, q[1], 0.02)
			mean, variance := sampleMoments(n, func() float64 { return math.Exp(l.mu + l.sigma*normal(src)) })
			assert.InEpsilon(t, l.mean(), mean, 0.03)
			assert.InEpsilon(t, l.variance(), variance, 0.25) // heavy tail: variance converges slowly
		})
	}
}

func TestTriangularAndUniformMoments(t *testing.T) {
	tri := triangular{10, 20, 60}
	assert.InDelta(t, 30, tri.mean(), 1e-12)
	assert.InDelta(t, (100+400+3600-200-600-1200)/18.0, tri.variance(), 1e-12)
	r := rand.New(rand.NewPCG(5, 6))
	const n = 400_000
	mean, variance := sampleMoments(n, func() float64 { return tri.sample(r.Float64()) })
	assert.InDelta(t, tri.mean(), mean, 5*math.Sqrt(tri.variance()/n))
	assert.InEpsilon(t, tri.variance(), variance, 0.02)
}

func TestPoissonMoments(t *testing.T) {
	for _, lambda := range []float64{0.05, 0.7, 3, 9.5, 10, 25, 400} {
		src := &pcg{7, uint64(lambda * 100)}
		const n = 300_000
		expNeg := math.Exp(-lambda)
		mean, variance := sampleMoments(n, func() float64 { return float64(poisson(src, lambda, expNeg)) })
		assert.InDelta(t, lambda, mean, 5*math.Sqrt(lambda/n), "λ=%g mean", lambda)
		assert.InEpsilon(t, lambda, variance, 0.03, "λ=%g variance", lambda)
	}
	// P(N = 0) = e^{-λ}.
	src := &pcg{8, 9}
	zeros := 0
	const n = 200_000
	for range n {
		if poisson(src, 25, math.Exp(-25)) == 0 {
			zeros++
		}
	}
	assert.Zero(t, zeros)
}

func TestSimulatedMeanMatchesAnalyticALE(t *testing.T) {
	ref := loadQuant(t)
	for _, c := range ref.ALE {
		low, high := outsourcing.MustMoney(c.Low, c.Currency), outsourcing.MustMoney(c.High, c.Currency)
		s := Scenario{Frequency: Frequency{Rate: c.Rate}, Magnitude: Magnitude{Distribution: MagnitudeLognormal, Low: &low, High: &high}}
		ale, err := s.ALE()
		require.NoError(t, err)
		assertMoney(t, outsourcing.MustMoney(c.ALE, c.Currency), ale)
		res, err := Simulate(s, SimOptions{Trials: 400_000, Seed: 11})
		require.NoError(t, err)
		// Stated tolerance: the simulated mean is within 4 standard errors
		// (std dev / √trials) of the analytic ALE.
		tol := 4 * res.StdDev.Amount().Float64() / math.Sqrt(float64(res.Trials))
		assert.InDelta(t, ale.Amount().Float64(), res.Mean.Amount().Float64(), tol, c.Source)
		assert.InDelta(t, c.PAnyLoss, res.ProbabilityOfLoss, 4*math.Sqrt(c.PAnyLoss*(1-c.PAnyLoss)/float64(res.Trials)))
		// Compound Poisson variance: λ·E[X²].
		l := fitLognormal(low.Amount().Float64(), high.Amount().Float64())
		sd := math.Sqrt(c.Rate * (l.variance() + l.mean()*l.mean()))
		assert.InEpsilon(t, sd, res.StdDev.Amount().Float64(), 0.05)
	}
}

func TestSimulateEveryDistributionAgainstALE(t *testing.T) {
	v := 0.4
	cases := map[string]Scenario{
		"pert":       {Frequency: Frequency{Rate: 3}, Magnitude: Magnitude{Distribution: MagnitudePERT, Min: money("1000"), Mode: money("5000"), Max: money("40000")}},
		"triangular": {Frequency: Frequency{Rate: 0.5}, Magnitude: Magnitude{Distribution: MagnitudeTriangular, Min: money("1000"), Mode: money("2000"), Max: money("9000")}},
		"uniform":    {Frequency: Frequency{Rate: 12}, Vulnerability: &v, Magnitude: Magnitude{Distribution: MagnitudeUniform, Min: money("100"), Max: money("300")}},
		"pert rate":  {Frequency: Frequency{PERT: &PERT{Min: 0.5, Mode: 2, Max: 20}}, Magnitude: Magnitude{Distribution: MagnitudePERT, Min: money("10"), Mode: money("20"), Max: money("60"), Shape: 6}},
		"large rate": {Frequency: Frequency{Rate: 80}, Magnitude: Magnitude{Distribution: MagnitudeUniform, Min: money("0"), Max: money("10")}},
	}
	for name, s := range cases {
		t.Run(name, func(t *testing.T) {
			ale, err := s.ALE()
			require.NoError(t, err)
			res, err := Simulate(s, SimOptions{Trials: 200_000, Seed: 5})
			require.NoError(t, err)
			tol := 4 * res.StdDev.Amount().Float64() / math.Sqrt(float64(res.Trials))
			assert.InDelta(t, ale.Amount().Float64(), res.Mean.Amount().Float64(), tol)
		})
	}
}

func TestSimulateDeterministicAcrossWorkers(t *testing.T) {
	s := benchScenario()
	opt := SimOptions{Trials: 100_003, Seed: 99, SummaryOptions: SummaryOptions{Thresholds: []outsourcing.Money{outsourcing.MustMoney("500000", "EUR")}}}
	opt.Workers = 1
	one, err := Simulate(s, opt)
	require.NoError(t, err)
	opt.Workers = 7
	seven, err := Simulate(s, opt)
	require.NoError(t, err)
	prev := runtime.GOMAXPROCS(1)
	opt.Workers = 0
	gomax1, err := Simulate(s, opt)
	runtime.GOMAXPROCS(prev)
	require.NoError(t, err)
	assert.Equal(t, one, seven)
	assert.Equal(t, one, gomax1)
	opt.Seed = 100
	other, err := Simulate(s, opt)
	require.NoError(t, err)
	assert.False(t, one.Mean.Equal(other.Mean))
}

func TestSimulateResultShape(t *testing.T) {
	s := benchScenario()
	thresholds := []outsourcing.Money{outsourcing.MustMoney("1000000", "EUR"), outsourcing.MustMoney("0", "EUR")}
	res, err := Simulate(s, SimOptions{Trials: 50_000, Seed: 1, SummaryOptions: SummaryOptions{VaRConfidence: 0.99, Thresholds: thresholds}})
	require.NoError(t, err)
	assert.Equal(t, outsourcing.Currency("EUR"), res.Mean.Currency())
	assert.True(t, res.VaR.Equal(res.P99))
	ordered := []outsourcing.Money{res.P10, res.P50, res.P90, res.P95, res.P99}
	for i := 1; i < len(ordered); i++ {
		c, err := ordered[i-1].Cmp(ordered[i])
		require.NoError(t, err)
		assert.LessOrEqual(t, c, 0)
	}
	require.Len(t, res.Exceedance, len(DefaultExceedanceProbabilities())+2)
	assert.True(t, res.Exceedance[3].Loss.Equal(res.P95)) // p = 0.05
	zero := res.Exceedance[len(res.Exceedance)-1]
	assert.InDelta(t, res.ProbabilityOfLoss, zero.Probability, 0)
	// Minor units: two decimals for EUR.
	assert.LessOrEqual(t, res.Mean.Amount().Places(), int32(2))
}

func TestQuantilesType7(t *testing.T) {
	// NumPy: np.percentile([15, 20, 35, 40, 50], [0, 10, 40, 50, 90, 100])
	// = [15, 17, 29, 35, 46, 50] (linear method).
	got := quantiles([]float64{50, 15, 40, 35, 20}, []float64{0, 0.1, 0.4, 0.5, 0.9, 1}, 1)
	want := []float64{15, 17, 29, 35, 46, 50}
	assert.InDeltaSlice(t, want, got, 1e-12)
	// Many ties, in any order.
	a := make([]float64, 1000)
	for i := range a {
		a[i] = float64(i % 3)
	}
	assert.InDeltaSlice(t, []float64{0, 1, 2}, quantiles(a, []float64{0.2, 0.5, 0.9}, 2), 0)
	assert.InDeltaSlice(t, []float64{7, 7}, quantiles([]float64{7}, []float64{0, 1}, 1), 0)
}

func TestSimulatePortfolio(t *testing.T) {
	a, b := benchScenario(), Scenario{Frequency: Frequency{Rate: 1}, Magnitude: Magnitude{Distribution: MagnitudeUniform, Min: money("0"), Max: money("1000")}}
	opt := SimOptions{Trials: 40_000, Seed: 3}
	p, err := SimulatePortfolio([]PortfolioItem{{"a", a}, {"b", b}}, opt)
	require.NoError(t, err)
	q, err := SimulatePortfolio([]PortfolioItem{{"b", b}, {"a", a}}, opt)
	require.NoError(t, err)
	// A risk's result does not depend on its position, nor the total.
	assert.Equal(t, p.Risks[0].Result, q.Risks[1].Result)
	assert.Equal(t, p.Total.P50, q.Total.P50)
	sum, err := p.Risks[0].Result.Mean.Add(p.Risks[1].Result.Mean)
	require.NoError(t, err)
	assert.InDelta(t, sum.Amount().Float64(), p.Total.Mean.Amount().Float64(), 0.02)
	assert.GreaterOrEqual(t, p.Total.ProbabilityOfLoss, p.Risks[0].Result.ProbabilityOfLoss)
	assert.InDelta(t, 1-math.Exp(-3), p.Total.ProbabilityOfLoss, 0.01)
}

func TestSimulateErrors(t *testing.T) {
	good := benchScenario()
	usd := outsourcing.MustMoney("5", "USD")
	cases := map[string]struct {
		s    Scenario
		opt  SimOptions
		path string
		is   error
	}{
		"zero trials":         {good, SimOptions{}, "/trials", outsourcing.ErrInvalidInput},
		"too many trials":     {good, SimOptions{Trials: MaxTrials + 1}, "/trials", outsourcing.ErrLimit},
		"confidence":          {good, SimOptions{Trials: 10, SummaryOptions: SummaryOptions{VaRConfidence: 1}}, "/var_confidence", outsourcing.ErrInvalidInput},
		"exceedance":          {good, SimOptions{Trials: 10, SummaryOptions: SummaryOptions{ExceedanceProbabilities: []float64{0}}}, "/exceedance_probabilities/0", outsourcing.ErrInvalidInput},
		"threshold":           {good, SimOptions{Trials: 10, SummaryOptions: SummaryOptions{Thresholds: []outsourcing.Money{usd}}}, "/thresholds/0", outsourcing.ErrCurrencyMismatch},
		"huge threshold":      {good, SimOptions{Trials: 10, SummaryOptions: SummaryOptions{Thresholds: []outsourcing.Money{outsourcing.MustMoney("1", "EUR").Mul(outsourcing.DecimalOf(decimal.New(1, 400)))}}}, "/thresholds/0", outsourcing.ErrLimit},
		"negative rate":       {Scenario{Frequency: Frequency{Rate: -1}, Magnitude: good.Magnitude}, SimOptions{Trials: 10}, "/frequency/rate", outsourcing.ErrInvalidInput},
		"NaN rate":            {Scenario{Frequency: Frequency{Rate: math.NaN()}, Magnitude: good.Magnitude}, SimOptions{Trials: 10}, "/frequency/rate", outsourcing.ErrInvalidInput},
		"rate and pert":       {Scenario{Frequency: Frequency{Rate: 1, PERT: &PERT{0, 1, 2, 0}}, Magnitude: good.Magnitude}, SimOptions{Trials: 10}, "/frequency", outsourcing.ErrInvalidInput},
		"pert rate min>mode":  {Scenario{Frequency: Frequency{PERT: &PERT{3, 1, 5, 0}}, Magnitude: good.Magnitude}, SimOptions{Trials: 10}, "/frequency/pert/mode", outsourcing.ErrInvalidInput},
		"pert negative":       {Scenario{Frequency: Frequency{PERT: &PERT{-1, 1, 5, 0}}, Magnitude: good.Magnitude}, SimOptions{Trials: 10}, "/frequency/pert/min", outsourcing.ErrInvalidInput},
		"vulnerability":       {Scenario{Frequency: good.Frequency, Vulnerability: ptr(1.5), Magnitude: good.Magnitude}, SimOptions{Trials: 10}, "/vulnerability", outsourcing.ErrInvalidInput},
		"pert min>mode":       {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: MagnitudePERT, Min: money("5"), Mode: money("4"), Max: money("9")}}, SimOptions{Trials: 10}, "/magnitude/mode", outsourcing.ErrInvalidInput},
		"pert max<=min":       {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: MagnitudePERT, Min: money("5"), Mode: money("5"), Max: money("5")}}, SimOptions{Trials: 10}, "/magnitude/max", outsourcing.ErrInvalidInput},
		"pert shape":          {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: MagnitudePERT, Min: money("1"), Mode: money("2"), Max: money("3"), Shape: -1}}, SimOptions{Trials: 10}, "/magnitude/shape", outsourcing.ErrInvalidInput},
		"pert missing mode":   {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: MagnitudePERT, Min: money("1"), Max: money("3")}}, SimOptions{Trials: 10}, "/magnitude/mode", outsourcing.ErrInvalidInput},
		"lognormal low>=high": {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: MagnitudeLognormal, Low: money("9"), High: money("9")}}, SimOptions{Trials: 10}, "/magnitude/high", outsourcing.ErrInvalidInput},
		"lognormal low<=0":    {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: MagnitudeLognormal, Low: money("0"), High: money("9")}}, SimOptions{Trials: 10}, "/magnitude/low", outsourcing.ErrInvalidInput},
		"mixed currency":      {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: MagnitudeLognormal, Low: money("1"), High: &usd}}, SimOptions{Trials: 10}, "/magnitude/high", outsourcing.ErrCurrencyMismatch},
		"uniform":             {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: MagnitudeUniform, Min: money("3"), Max: money("1")}}, SimOptions{Trials: 10}, "/magnitude/max", outsourcing.ErrInvalidInput},
		"triangular neg":      {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: MagnitudeTriangular, Min: money("-3"), Mode: money("1"), Max: money("4")}}, SimOptions{Trials: 10}, "/magnitude/min", outsourcing.ErrInvalidInput},
		"rate limit":          {Scenario{Frequency: Frequency{Rate: 2e6}, Magnitude: good.Magnitude}, SimOptions{Trials: 10}, "/frequency/rate", outsourcing.ErrLimit},
		"pert rate limit":     {Scenario{Frequency: Frequency{PERT: &PERT{1, 2, 1e7, 0}}, Magnitude: good.Magnitude}, SimOptions{Trials: 10}, "/frequency/pert/max", outsourcing.ErrLimit},
		"amount limit":        {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: MagnitudeUniform, Min: money("1"), Max: money("10000000000000000")}}, SimOptions{Trials: 10}, "/magnitude/max", outsourcing.ErrLimit},
		"pert shape limit":    {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: MagnitudePERT, Min: money("1"), Mode: money("2"), Max: money("3"), Shape: 1e308}}, SimOptions{Trials: 10}, "/magnitude/shape", outsourcing.ErrLimit},
		"rate shape limit":    {Scenario{Frequency: Frequency{PERT: &PERT{0, 1, 2, 1001}}, Magnitude: good.Magnitude}, SimOptions{Trials: 10}, "/frequency/pert/shape", outsourcing.ErrLimit},
		"lognormal too wide":  {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: MagnitudeLognormal, Low: money("0.000000000000000000000000000001"), High: money("1000000000000000")}}, SimOptions{Trials: 10}, "/magnitude/high", outsourcing.ErrLimit},
		"kind":                {Scenario{Frequency: good.Frequency, Magnitude: Magnitude{Distribution: "gamma"}}, SimOptions{Trials: 10}, "/magnitude/distribution", outsourcing.ErrInvalidInput},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Simulate(tc.s, tc.opt)
			require.ErrorIs(t, err, tc.is)
			assert.Contains(t, fieldPaths(err), tc.path, err.Error())
		})
	}
	_, err := SimulatePortfolio(nil, SimOptions{Trials: 1})
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	eur := benchScenario()
	dollars := Scenario{Frequency: Frequency{Rate: 1}, Magnitude: Magnitude{Distribution: MagnitudeUniform, Min: &usd, Max: func() *outsourcing.Money { m := outsourcing.MustMoney("9", "USD"); return &m }()}}
	_, err = SimulatePortfolio([]PortfolioItem{{"a", eur}, {"b", dollars}}, SimOptions{Trials: 1})
	assert.ErrorIs(t, err, outsourcing.ErrCurrencyMismatch)
	_, err = SimulatePortfolio([]PortfolioItem{{"a", eur}, {"a", eur}}, SimOptions{Trials: 1})
	assert.Contains(t, fieldPaths(err), "/1/id")
}

func TestZeroRateNeverLoses(t *testing.T) {
	s := benchScenario()
	s.Frequency.Rate = 0
	res, err := Simulate(s, SimOptions{Trials: 1000, Seed: 1})
	require.NoError(t, err)
	assert.True(t, res.P99.Amount().IsZero())
	assert.Zero(t, res.ProbabilityOfLoss)
	ale, err := s.ALE()
	require.NoError(t, err)
	assert.True(t, ale.Amount().Equal(outsourcing.DecimalOf(decimal.Zero)))
}

func TestOrderStatisticsAgainstSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	n := 200_000
	shuffled := make([]float64, n)
	for i := range shuffled {
		if r.Float64() < 0.3 {
			continue // ties at zero, as in years without loss
		}
		shuffled[i] = math.Floor(r.ExpFloat64() * 1000)
	}
	// Every value in one bucket (1/16 of a binade), with runs of equal
	// values that later spill into a list.
	oneBucket := make([]float64, n)
	for i := range oneBucket {
		oneBucket[i] = 1e9 + float64(i%7)*0.25
		if i < n/2 {
			oneBucket[i] = 1e9 + 0.5 // a long run before the first other value
		}
	}
	// Both signs, both zeros, subnormals and extremes.
	signed := make([]float64, n)
	for i := range signed {
		switch i % 9 {
		case 0:
			signed[i] = math.Copysign(0, -1)
		case 1:
			signed[i] = -5e-324
		case 2:
			signed[i] = math.MaxFloat64
		case 3:
			signed[i] = -math.MaxFloat64
		default:
			signed[i] = r.NormFloat64() * 1e6
		}
	}
	constant := slices.Repeat([]float64{42}, n)
	qs := []float64{0, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1}
	for name, data := range map[string][]float64{"shuffled": shuffled, "one bucket": oneBucket, "signed": signed, "constant": constant} {
		t.Run(name, func(t *testing.T) {
			sorted := slices.Clone(data)
			slices.Sort(sorted)
			want := make([]float64, len(qs))
			for i, q := range qs {
				h := q * float64(n-1)
				lo := int(h)
				want[i] = sorted[lo]
				if lo+1 < n {
					want[i] += (h - float64(lo)) * (sorted[lo+1] - sorted[lo])
				}
			}
			for _, workers := range []int{1, 2, 5} {
				assert.Equal(t, want, quantiles(slices.Clone(data), qs, workers), "workers %d", workers)
			}
		})
	}
}
