package risk

import (
	"math"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/planning"
)

// paybackPlaces is the rounding (half away from zero) of simulated
// paybacks, as planning rounds Savings.Payback.
const paybackPlaces = 4

// CaseResult is the outcome of BusinessCase.Simulate. Point figures are
// exact (planning.TCO.Evaluate); distributions are computed in float64
// and rounded half-even to the currency's minor unit. Percentiles use the
// linear interpolation of Hyndman and Fan's type 7, as Result does.
type CaseResult struct {
	// Case and Model are the IDs of the business case and its TCO model.
	Case  string `json:"case"`
	Model string `json:"model"`
	// Baseline is the ID of the option the others are compared with.
	Baseline string `json:"baseline"`
	// Trials is the number of simulated futures.
	Trials int `json:"trials"`
	// Confidence is the level of VaR and CVaR.
	Confidence float64 `json:"confidence"`
	// Options are the outcomes per option, in model order.
	Options []OptionOutcome `json:"options"`
}

// OptionOutcome is one option's simulated discounted cost and, for an
// option other than the baseline, its savings.
type OptionOutcome struct {
	// ID is the option's ID.
	ID string `json:"id"`
	// PointCost is the exact discounted cost at the model's values.
	PointCost outsourcing.Money `json:"point_cost"`
	// Cost summarises the simulated discounted cost.
	Cost MoneySummary `json:"cost"`
	// ProbabilityCheapest is the share of trials in which the option has
	// the lowest discounted cost of all options, the baseline included
	// (ties go to the option listed first).
	ProbabilityCheapest float64 `json:"probability_cheapest"`
	// Savings compares the option with the baseline; nil for the baseline.
	Savings *SavingsOutcome `json:"savings,omitempty"`
}

// MoneySummary summarises a simulated amount.
type MoneySummary struct {
	// Mean and StdDev (population) of the amount.
	Mean   outsourcing.Money `json:"mean"`
	StdDev outsourcing.Money `json:"std_dev"`
	// Percentiles of the amount.
	P5  outsourcing.Money `json:"p5"`
	P10 outsourcing.Money `json:"p10"`
	P50 outsourcing.Money `json:"p50"`
	P90 outsourcing.Money `json:"p90"`
	P95 outsourcing.Money `json:"p95"`
}

// SavingsOutcome is the distribution of an option's NPV of savings against
// the baseline (baseline cost minus option cost, discounted: positive
// favours the option) and of its payback.
type SavingsOutcome struct {
	// Point is the exact NPV of savings at the model's values
	// (planning.Savings.NPV); PointPayback its exact payback.
	Point        outsourcing.Money    `json:"point"`
	PointPayback *outsourcing.Decimal `json:"point_payback"`
	// NPV summarises the simulated NPV of savings.
	NPV MoneySummary `json:"npv"`
	// ProbabilityNegative is P(NPV of savings < 0): the share of trials in
	// which the option costs more than the baseline.
	ProbabilityNegative float64 `json:"probability_negative"`
	// VaR is the NPV of savings at the (1 − confidence) quantile: in that
	// share of futures the savings are at or below it (negative values are
	// losses against the baseline). CVaR, the expected shortfall, is the
	// mean NPV of savings over the worst ⌈trials × (1 − confidence)⌉
	// trials.
	VaR  outsourcing.Money `json:"var"`
	CVaR outsourcing.Money `json:"cvar"`
	// Payback is the distribution of the payback period.
	Payback PaybackSummary `json:"payback"`
	// Histogram counts the trials' NPV of savings in equal bins from the
	// lowest to the highest (one bin when they are all equal).
	Histogram []HistogramBin `json:"histogram"`
	// Drivers are the uncertain inputs and risks that can change the
	// savings (the discount rate, inputs on this option's or the
	// baseline's lines, risks on either), strongest rank correlation first
	// (ties in document order).
	Drivers []Driver `json:"drivers"`
	// Tornado is planning's deterministic one-at-a-time sensitivity of
	// the NPV of savings, at CaseOptions.TornadoChange.
	Tornado planning.Tornado `json:"tornado"`
}

// PaybackSummary is the distribution of the payback period: the periods
// until the cumulative nominal savings first reach zero, interpolated
// within the period (planning.Savings.Payback), rounded half away from
// zero to 4 places.
type PaybackSummary struct {
	// Probability is the share of trials that pay back within the horizon.
	Probability float64 `json:"probability"`
	// P10, P50 and P90 are percentiles of the payback over all trials;
	// nil where the percentile falls among trials that never pay back.
	P10 *outsourcing.Decimal `json:"p10"`
	P50 *outsourcing.Decimal `json:"p50"`
	P90 *outsourcing.Decimal `json:"p90"`
}

// HistogramBin counts the trials whose NPV of savings lies in [From, To)
// (the last bin includes To). Bounds are rounded to the minor unit.
type HistogramBin struct {
	From  outsourcing.Money `json:"from"`
	To    outsourcing.Money `json:"to"`
	Count int               `json:"count"`
}

// Driver is an uncertain input's or a risk's association with the NPV of
// savings across trials.
type Driver struct {
	// Input is the ID of the uncertain input or risk.
	Input string `json:"input"`
	// Spearman is the rank correlation between the input's draws (a risk's
	// nominal losses in the trial) and the NPV of savings, in [−1, 1],
	// ties given their average rank; 0 when either does not vary.
	Spearman float64 `json:"spearman"`
	// Tornado is the tornado's bar of the same model input, when the
	// tornado has one (amounts, escalations, the discount rate).
	Tornado *planning.TornadoBar `json:"tornado,omitempty"`
}

// summarise builds the result from the samples.
func (bc *BusinessCase) summarise(opt CaseOptions, s *caseSamples) (CaseResult, error) {
	res := CaseResult{Case: bc.id, Model: bc.point.Model, Baseline: bc.point.Baseline, Trials: opt.Trials, Confidence: opt.Confidence}
	cheapest := make([]int, len(bc.options))
	for t := range opt.Trials {
		best := 0
		for o := range bc.options {
			if s.cost[o][t] < s.cost[best][t] {
				best = o
			}
		}
		cheapest[best]++
	}
	ranks := make([][]float64, len(bc.inputs)+len(bc.risks))
	for o, p := range bc.point.Options {
		out := OptionOutcome{ID: p.ID, PointCost: p.Discounted, ProbabilityCheapest: float64(cheapest[o]) / float64(opt.Trials)}
		out.Cost, _ = bc.moneySummary(s.cost[o])
		if o != bc.baseline {
			sv, err := bc.savingsOutcome(opt, s, o, ranks)
			if err != nil {
				return CaseResult{}, wrap(err)
			}
			out.Savings = sv
		}
		res.Options = append(res.Options, out)
	}
	return res, nil
}

// moneySummary summarises x and returns its sorted copy.
func (bc *BusinessCase) moneySummary(x []float64) (MoneySummary, []float64) {
	mom := momentsOf(x)
	sorted := slices.Clone(x)
	slices.Sort(sorted)
	q := quantiles(slices.Clone(sorted), []float64{0.05, 0.10, 0.50, 0.90, 0.95}, 1)
	return MoneySummary{Mean: bc.money(mom.mean), StdDev: bc.money(math.Sqrt(mom.m2 / mom.n)),
		P5: bc.money(q[0]), P10: bc.money(q[1]), P50: bc.money(q[2]), P90: bc.money(q[3]), P95: bc.money(q[4])}, sorted
}

func (bc *BusinessCase) money(x float64) outsourcing.Money { return toMoney(x, bc.currency) }

// savingsOutcome summarises option o's savings; ranks caches the ranks of
// the inputs' and risks' draws across options.
func (bc *BusinessCase) savingsOutcome(opt CaseOptions, s *caseSamples, o int, ranks [][]float64) (*SavingsOutcome, error) {
	p := bc.point.Options[o].Savings
	x := s.savings[o]
	n := len(x)
	sum, sorted := bc.moneySummary(x)
	out := &SavingsOutcome{Point: p.NPV, PointPayback: p.Payback, NPV: sum}
	out.ProbabilityNegative = float64(lowerBound(sorted, 0)) / float64(n)
	out.VaR = bc.money(quantiles(slices.Clone(sorted), []float64{1 - opt.Confidence}, 1)[0])
	k := max(1, int(math.Ceil(float64(n)*(1-opt.Confidence)-1e-9)))
	out.CVaR = bc.money(momentsOf(sorted[:k]).mean)
	out.Payback = paybackSummary(s.payback[o])
	out.Histogram = bc.histogram(sorted, opt.Bins)
	tornado, err := bc.tco.Tornado(bc.point.Options[o].ID, opt.TornadoChange)
	if err != nil {
		return nil, err
	}
	out.Tornado = tornado
	out.Drivers = bc.drivers(s, o, ranks, tornado)
	return out, nil
}

// lowerBound returns the number of values in sorted below x.
func lowerBound(sorted []float64, x float64) int {
	lo, hi := 0, len(sorted)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if sorted[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// paybackSummary summarises paybacks, +Inf for never.
func paybackSummary(x []float64) PaybackSummary {
	sorted := slices.Clone(x)
	slices.Sort(sorted)
	n := len(sorted)
	q := func(p float64) *outsourcing.Decimal {
		h := p * float64(n-1)
		lo := int(math.Floor(h))
		hi := min(lo+1, n-1)
		v := sorted[lo]
		if h > float64(lo) {
			v += (h - float64(lo)) * (sorted[hi] - v)
		}
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return nil
		}
		d, _ := outsourcing.DecimalFromFloat(v)
		d = d.Round(paybackPlaces, outsourcing.RoundHalfUp).Trim()
		return &d
	}
	return PaybackSummary{Probability: float64(lowerBound(sorted, math.Inf(1))) / float64(n), P10: q(0.1), P50: q(0.5), P90: q(0.9)}
}

// histogram counts sorted values in bins equal bins from the lowest to
// the highest.
func (bc *BusinessCase) histogram(sorted []float64, bins int) []HistogramBin {
	lo, hi := sorted[0], sorted[len(sorted)-1]
	if !(hi > lo) {
		return []HistogramBin{{From: bc.money(lo), To: bc.money(hi), Count: len(sorted)}}
	}
	w := (hi - lo) / float64(bins)
	out := make([]HistogramBin, bins)
	for i := range out {
		out[i].From, out[i].To = bc.money(lo+float64(i)*w), bc.money(lo+float64(i+1)*w)
	}
	out[bins-1].To = bc.money(hi)
	for _, x := range sorted {
		out[min(int((x-lo)/w), bins-1)].Count++
	}
	return out
}
