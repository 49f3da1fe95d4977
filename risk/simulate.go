package risk

import (
	"errors"
	"hash/fnv"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// MaxTrials bounds SimOptions.Trials (100 million simulated years, 800 MB
// of float64 losses): more is an outsourcing.ErrLimit error.
const MaxTrials = 100_000_000

// chunkSize is the number of simulated years drawn from one random stream.
// It is fixed, so results do not depend on how many workers run.
const chunkSize = 1 << 14

// DefaultExceedanceProbabilities returns the annual exceedance
// probabilities at which Simulate reports the loss exceedance curve when
// SimOptions.ExceedanceProbabilities is nil: 50% down to 0.1% (the
// 1-in-1000-year loss). Each call returns a new slice.
func DefaultExceedanceProbabilities() []float64 {
	return []float64{0.5, 0.25, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001}
}

// SimOptions configures a Monte Carlo run. Error paths point at its
// fields by their JSON names ("/trials").
type SimOptions struct {
	// Trials is the number of simulated years, 1..MaxTrials.
	Trials int `json:"trials"`
	// Seed selects the random streams. The years are split into chunks of
	// 16,384 (the last one shorter); chunk c (0, 1, 2, …) of the risk with
	// id ID (PortfolioItem.ID, "" for Simulate) is drawn from
	// math/rand/v2's PCG seeded with
	// (Seed ⊕ SplitMix64(FNV-1a-64(ID)), SplitMix64(c)), SplitMix64 being
	// its output finaliser applied to x + 0x9e3779b97f4a7c15; a chunk
	// draws every year's number of loss events first, then the events'
	// magnitudes in order (normals by a 256-layer ziggurat). The same Seed
	// and inputs therefore give the same results whatever GOMAXPROCS or
	// Workers, and a risk's result does not depend on its position in a
	// portfolio.
	Seed uint64 `json:"seed"`
	// Workers is the number of goroutines that draw the chunks, at most
	// one per chunk; 0 means runtime.GOMAXPROCS(0), a negative number is
	// an error. The percentile pass of a large run counts and collects
	// values by bucket over disjoint ranges of at least 65,536 years and
	// selects within the wanted buckets on up to Workers goroutines, and
	// selection may use one more goroutine per disjoint range of at least
	// 65,536 years. It never changes results.
	Workers int `json:"workers"`
	// SummaryOptions say how the simulated years are summarised.
	SummaryOptions
}

// SummaryOptions say how a loss sample is summarised (Simulate, Summarise).
type SummaryOptions struct {
	// VaRConfidence is the value-at-risk confidence level in (0, 1); 0
	// means 0.95.
	VaRConfidence float64 `json:"var_confidence"`
	// ExceedanceProbabilities are the annual exceedance probabilities in
	// (0, 1) at which to report the loss exceedance curve; nil means
	// DefaultExceedanceProbabilities().
	ExceedanceProbabilities []float64 `json:"exceedance_probabilities"`
	// Thresholds are loss amounts at which to report the probability that
	// the annual loss exceeds them; they must be in the sample's currency
	// and within float64 range (else outsourcing.ErrLimit).
	Thresholds []outsourcing.Money `json:"thresholds"`
}

// ExceedancePoint is a point of the loss exceedance curve: the annual loss
// exceeds Loss with probability Probability.
type ExceedancePoint struct {
	// Loss is an annual loss; Probability the share of years above it.
	Loss        outsourcing.Money `json:"loss"`
	Probability float64           `json:"probability"`
}

// Result summarises the simulated annual losses. Amounts are computed in
// float64 and rounded half-even to the currency's minor units. Percentiles
// and VaR use the linear interpolation of Hyndman and Fan's type 7 (NumPy's
// default, Excel's PERCENTILE.INC).
type Result struct {
	// Trials is the number of simulated years.
	Trials int `json:"trials"`
	// Mean is the simulated annualised loss expectancy; StdDev the
	// (population) standard deviation of the annual loss.
	Mean   outsourcing.Money `json:"mean"`
	StdDev outsourcing.Money `json:"std_dev"`
	// Percentiles of the annual loss.
	P10 outsourcing.Money `json:"p10"`
	P50 outsourcing.Money `json:"p50"`
	P90 outsourcing.Money `json:"p90"`
	P95 outsourcing.Money `json:"p95"`
	P99 outsourcing.Money `json:"p99"`
	// VaR is the annual loss at VaRConfidence (its quantile).
	VaR           outsourcing.Money `json:"var"`
	VaRConfidence float64           `json:"var_confidence"`
	// ProbabilityOfLoss is the share of years with any loss; it estimates
	// 1 − exp(−rate × vulnerability) for a fixed rate.
	ProbabilityOfLoss float64 `json:"probability_of_loss"`
	// Exceedance is the loss exceedance curve: first one point per
	// exceedance probability (loss = quantile 1 − p), in the order given,
	// then one point per threshold (probability = share of years above it).
	Exceedance []ExceedancePoint `json:"exceedance"`
}

// PortfolioItem is one risk's scenario in a portfolio.
type PortfolioItem struct {
	// ID names the risk; unique within the portfolio. It also selects the
	// risk's random streams, so a risk's result does not depend on its
	// position.
	ID string `json:"id"`
	// Scenario is the risk's loss model.
	Scenario Scenario `json:"scenario"`
}

// PortfolioResult is the outcome of SimulatePortfolio.
type PortfolioResult struct {
	// Total summarises the yearly sum of all risks' losses (risks are
	// independent).
	Total Result `json:"total"`
	// Risks are the per-risk results, in input order.
	Risks []RiskResult `json:"risks"`
}

// RiskResult is one risk's simulated losses.
type RiskResult struct {
	// ID is the portfolio item; Result its simulated losses.
	ID     string `json:"id"`
	Result Result `json:"result"`
}

// Simulate runs a Monte Carlo simulation of s for opt.Trials years, in
// parallel, and summarises the annual losses. Invalid scenarios (PERT with
// min > mode or max ≤ min, a lognormal interval with low ≥ high or low ≤ 0,
// a negative rate, vulnerability outside 0..1, mixed currencies) and
// invalid options (zero trials, a confidence outside (0,1), a threshold in
// another currency) are *outsourcing.FieldError values whose paths point
// into s ("/magnitude/low") or opt ("/trials"); more than MaxTrials
// matches outsourcing.ErrLimit.
func Simulate(s Scenario, opt SimOptions) (Result, error) {
	m, err := s.compile("")
	if err != nil {
		return Result{}, wrap(err)
	}
	p, err := simulate([]*model{m}, []PortfolioItem{{Scenario: s}}, opt)
	if err != nil {
		return Result{}, wrap(err)
	}
	return p.Risks[0].Result, nil
}

// SimulatePortfolio simulates every item for the same years and
// summarises each risk and their total. All scenarios must share one
// currency (else outsourcing.ErrCurrencyMismatch). Errors are as for
// Simulate, with paths into items ("/1/scenario/magnitude/low") or opt.
// Memory: two float64 per trial.
func SimulatePortfolio(items []PortfolioItem, opt SimOptions) (PortfolioResult, error) {
	models, err := compilePortfolio(items)
	if err != nil {
		return PortfolioResult{}, wrap(err)
	}
	if len(models) == 0 {
		return PortfolioResult{}, wrap(outsourcing.FieldErrorf("", "a portfolio needs at least one scenario"))
	}
	p, err := simulate(models, items, opt)
	return p, wrap(err)
}

// simulate runs compiled models (one per item) for the same years.
func simulate(models []*model, items []PortfolioItem, opt SimOptions) (PortfolioResult, error) {
	cur := models[0].currency
	plan, err := newSummaryPlan(opt, cur)
	if err != nil {
		return PortfolioResult{}, err
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	plan.workers = workers
	out := PortfolioResult{Risks: make([]RiskResult, len(items))}
	buf := make([]float64, opt.Trials)
	var total []float64
	if len(models) > 1 {
		total = make([]float64, opt.Trials)
	}
	for i, m := range models {
		mom := fill(buf, m, opt.Seed^streamKey(items[i].ID), workers)
		if total != nil {
			for t, x := range buf {
				total[t] += x
			}
		}
		out.Risks[i] = RiskResult{ID: items[i].ID, Result: plan.summarise(buf, mom)}
	}
	if total == nil {
		out.Total = out.Risks[0].Result
	} else {
		out.Total = plan.summarise(total, momentsOf(total))
	}
	return out, nil
}

// compilePortfolio validates every item and their common currency.
func compilePortfolio(items []PortfolioItem) ([]*model, error) {
	var errs []error
	models := make([]*model, len(items))
	seen := map[string]bool{}
	for i, it := range items {
		path := jsonptr.Join(i)
		if seen[it.ID] {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "id"), "duplicate id %q", text.Truncate(it.ID, 40)))
		}
		seen[it.ID] = true
		m, err := it.Scenario.compile(jsonptr.Append(path, "scenario"))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if models[0] != nil && m.currency != models[0].currency {
			errs = append(errs, mismatch(jsonptr.Append(path, "scenario", "magnitude"), m.currency, models[0].currency))
		}
		models[i] = m
	}
	return models, errors.Join(errs...)
}

// streamKey hashes a risk id into the second PCG seed word.
func streamKey(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return mix(h.Sum64())
}

// mix is SplitMix64's finaliser, spreading close integers apart.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// fill draws buf[t] for every year t, chunk by chunk on workers
// goroutines, and returns the moments of buf. Chunk c uses PCG(key,
// mix(c)) and its moments are merged in chunk order, so the content of
// buf and the moments are the same for any number of workers.
func fill(buf []float64, m *model, key uint64, workers int) moments {
	chunks := (len(buf) + chunkSize - 1) / chunkSize
	parts := make([]moments, chunks)
	workers = min(workers, chunks)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			src := new(pcg)
			scratch := newYearScratch()
			for {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				*src = pcg{key, mix(uint64(c))}
				lo := c * chunkSize
				hi := min(lo+chunkSize, len(buf))
				m.years(src, buf[lo:hi], scratch)
				parts[c] = chunkMoments(buf[lo:hi])
			}
		})
	}
	wg.Wait()
	var total moments
	for _, p := range parts {
		total = total.merge(p)
	}
	return total
}

// summaryPlan holds the validated options a summary needs.
type summaryPlan struct {
	workers    int // goroutines the percentile selection may use
	currency   outsourcing.Currency
	confidence float64
	probs      []float64
	thresholds []float64
}

func newSummaryPlan(opt SimOptions, cur outsourcing.Currency) (*summaryPlan, error) {
	var errs []error
	switch {
	case opt.Trials <= 0:
		errs = append(errs, outsourcing.FieldErrorf("/trials", "trials must be at least 1, got %d", opt.Trials))
	case opt.Trials > MaxTrials:
		errs = append(errs, limitf("/trials", "%d trials exceed the limit of %d", opt.Trials, MaxTrials))
	}
	if opt.Workers < 0 {
		errs = append(errs, outsourcing.FieldErrorf("/workers", "workers %d is negative", opt.Workers))
	}
	p, err := newSummary(opt.SummaryOptions, cur)
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return p, nil
}

// newSummary validates summary options for a sample in cur.
func newSummary(opt SummaryOptions, cur outsourcing.Currency) (*summaryPlan, error) {
	var errs []error
	p := &summaryPlan{workers: runtime.GOMAXPROCS(0), currency: cur, confidence: opt.VaRConfidence, probs: opt.ExceedanceProbabilities}
	if p.confidence == 0 {
		p.confidence = 0.95
	}
	if !(p.confidence > 0 && p.confidence < 1) {
		errs = append(errs, outsourcing.FieldErrorf("/var_confidence", "confidence %g is outside (0, 1)", opt.VaRConfidence))
	}
	if p.probs == nil {
		p.probs = DefaultExceedanceProbabilities()
	}
	for i, q := range p.probs {
		if !(q > 0 && q < 1) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("exceedance_probabilities", i), "probability %g is outside (0, 1)", q))
		}
	}
	for i, t := range opt.Thresholds {
		if t.Currency() != cur {
			errs = append(errs, mismatch(jsonptr.Join("thresholds", i), t.Currency(), cur))
		}
		x := t.Amount().Float64()
		if math.IsInf(x, 0) {
			errs = append(errs, limitf(jsonptr.Join("thresholds", i), "threshold %s is beyond the range of a simulation", outsourcing.DecimalOf(t.Amount().Shopspring()).String()))
		}
		p.thresholds = append(p.thresholds, x)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return p, nil
}

// summarise computes the result of losses; it reorders losses.
func (p *summaryPlan) summarise(losses []float64, mom moments) Result {
	n := float64(len(losses))
	mean, ss, positive := mom.mean, mom.m2, mom.positive
	// Threshold exceedance needs the values, not their order: count first.
	exceed := make([]int, len(p.thresholds))
	if len(p.thresholds) > 0 {
		sorted := slices.Clone(p.thresholds)
		slices.Sort(sorted)
		counts := make([]int, len(sorted)+1)
		for _, x := range losses {
			// number of thresholds strictly below x
			k, _ := slices.BinarySearch(sorted, x)
			counts[k]++
		}
		for i, t := range p.thresholds {
			k, found := slices.BinarySearch(sorted, t)
			if found {
				k++ // strictly above: values equal to t do not exceed it
				for k < len(sorted) && sorted[k] == t {
					k++
				}
			}
			for j := k; j < len(counts); j++ {
				exceed[i] += counts[j]
			}
		}
	}
	qs := []float64{0.10, 0.50, 0.90, 0.95, 0.99, p.confidence}
	for _, e := range p.probs {
		qs = append(qs, 1-e)
	}
	vals := quantiles(losses, qs, p.workers)
	money := func(x float64) outsourcing.Money { return toMoney(x, p.currency) }
	r := Result{
		Trials:            len(losses),
		Mean:              money(mean),
		StdDev:            money(math.Sqrt(ss / n)),
		P10:               money(vals[0]),
		P50:               money(vals[1]),
		P90:               money(vals[2]),
		P95:               money(vals[3]),
		P99:               money(vals[4]),
		VaR:               money(vals[5]),
		VaRConfidence:     p.confidence,
		ProbabilityOfLoss: float64(positive) / n,
	}
	for i, e := range p.probs {
		r.Exceedance = append(r.Exceedance, ExceedancePoint{Loss: money(vals[6+i]), Probability: e})
	}
	for i, t := range p.thresholds {
		r.Exceedance = append(r.Exceedance, ExceedancePoint{Loss: money(t), Probability: float64(exceed[i]) / n})
	}
	return r
}
