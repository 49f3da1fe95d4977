package risk

import (
	"errors"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/planning"
)

// Limits of a business case simulation.
const (
	// MaxCaseTrials bounds CaseOptions.Trials.
	MaxCaseTrials = 1_000_000
	// MaxCaseValues bounds the values a simulation keeps: trials × (inputs
	// + risks + 3 × options), 256 MB of float64.
	MaxCaseValues = 1 << 25
	// MaxCaseBins bounds CaseOptions.Bins.
	MaxCaseBins = 200
)

// caseChunk is the number of trials drawn from one random stream; fixed,
// so results do not depend on the number of workers.
const caseChunk = 1024

// CaseOptions configures BusinessCase.Simulate. Error paths point at its
// fields by their JSON names ("/trials").
type CaseOptions struct {
	// Trials is the number of simulated futures, 1..MaxCaseTrials.
	Trials int `json:"trials"`
	// Seed selects the random streams: trials are split into chunks of
	// 1,024 (the last one shorter) and chunk c is drawn from math/rand/v2's
	// PCG seeded with (Seed, SplitMix64(c)) (see SimOptions.Seed), so the
	// same Seed gives the same result whatever Workers or GOMAXPROCS. In a
	// trial the inputs are drawn in document order, then the risks, each
	// contract year in turn.
	Seed uint64 `json:"seed"`
	// Workers is the number of goroutines drawing chunks; 0 means
	// runtime.GOMAXPROCS(0), negative is an error. It never changes results.
	Workers int `json:"workers"`
	// Confidence is the level of VaR and CVaR in (0, 1); 0 means 0.95.
	Confidence float64 `json:"confidence"`
	// TornadoChange is the relative change of each input in the
	// deterministic tornado beside the drivers, in (0, 100] percent; zero
	// means 10 %.
	TornadoChange outsourcing.Percent `json:"tornado_change"`
	// Bins is the number of histogram bins of the NPV of savings,
	// 1..MaxCaseBins; 0 means 20.
	Bins int `json:"bins"`
}

// caseSamples are the per-trial values of a simulation, indexed by trial.
type caseSamples struct {
	draws    [][]float64 // per input, in its simulation unit
	riskLoss [][]float64 // per risk, its nominal losses in the trial
	cost     [][]float64 // per option, its discounted cost
	savings  [][]float64 // per option, its NPV of savings; nil for the baseline
	payback  [][]float64 // per option, its payback in periods, +Inf for never; nil for the baseline
}

// Simulate draws opt.Trials futures of the business case and summarises,
// for every option, its discounted cost and the probability that it is
// the cheapest, and for every option but the baseline its NPV of savings
// against the baseline (mean, standard deviation, percentiles, P(savings
// < 0), VaR and CVaR at opt.Confidence, histogram), its payback and the
// drivers of its savings beside planning's tornado.
//
// The point estimates in the result are the exact decimal figures of
// planning.TCO.Evaluate. The simulation computes in float64: each trial
// recomputes the lines its draws change and the risks' losses, and a
// figure is the exact point figure plus the float64 change of the trial's
// cash flows from the model's, rounded half-even to the currency's minor
// unit at the end. A trial whose draws all equal the model's values thus
// reproduces the exact figures.
//
// Errors (*outsourcing.FieldError, after "risk: ", paths into opt): trials
// below 1, negative workers, a confidence outside (0, 1), a tornado change
// outside (0, 100], bins below 0 (ErrInvalidInput); trials above
// MaxCaseTrials or keeping more than MaxCaseValues values, bins above
// MaxCaseBins ("/trials", "/bins", ErrLimit). Nothing is simulated then.
// Inputs whose ranges compound a cost beyond float64 in some trial (an
// escalation of 1000 % a year over decades) are an ErrLimit error at
// "/inputs" and no result.
func (bc *BusinessCase) Simulate(opt CaseOptions) (CaseResult, error) {
	opt, err := bc.checkOptions(opt)
	if err != nil {
		return CaseResult{}, wrap(err)
	}
	s := bc.draw(opt)
	if err := s.finite(); err != nil {
		return CaseResult{}, wrap(err)
	}
	return bc.summarise(opt, s)
}

// finite reports a trial whose costs left float64's range: extreme
// escalations or discount rates over a long horizon can compound beyond
// it (ErrLimit at "/inputs").
func (s *caseSamples) finite() error {
	for _, col := range append(append([][]float64(nil), s.cost...), s.savings...) {
		for t, x := range col {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return limitf("/inputs", "in trial %d the inputs drive a discounted cost beyond the range of float64", t)
			}
		}
	}
	return nil
}

// checkOptions validates opt and fills in its defaults.
func (bc *BusinessCase) checkOptions(opt CaseOptions) (CaseOptions, error) {
	var errs []error
	perTrial := len(bc.inputs) + len(bc.risks) + 3*len(bc.options)
	switch {
	case opt.Trials < 1:
		errs = append(errs, outsourcing.FieldErrorf("/trials", "trials must be at least 1, got %d", opt.Trials))
	case opt.Trials > MaxCaseTrials:
		errs = append(errs, limitf("/trials", "%d trials exceed the limit of %d", opt.Trials, MaxCaseTrials))
	case opt.Trials*perTrial > MaxCaseValues:
		errs = append(errs, limitf("/trials", "%d trials of %d values each exceed the limit of %d values", opt.Trials, perTrial, MaxCaseValues))
	}
	if opt.Workers < 0 {
		errs = append(errs, outsourcing.FieldErrorf("/workers", "workers %d is negative", opt.Workers))
	}
	if opt.Confidence == 0 {
		opt.Confidence = 0.95
	}
	if !(opt.Confidence > 0 && opt.Confidence < 1) {
		errs = append(errs, outsourcing.FieldErrorf("/confidence", "confidence %g is outside (0, 1)", opt.Confidence))
	}
	if opt.TornadoChange.IsZero() {
		opt.TornadoChange = outsourcing.MustPercent("10")
	}
	if !opt.TornadoChange.Points().IsPositive() || opt.TornadoChange.Cmp(outsourcing.MustPercent("100")) > 0 {
		errs = append(errs, outsourcing.FieldErrorf("/tornado_change", "tornado change %s is outside (0, 100] percent", opt.TornadoChange))
	}
	switch {
	case opt.Bins == 0:
		opt.Bins = 20
	case opt.Bins < 0:
		errs = append(errs, outsourcing.FieldErrorf("/bins", "bins %d is negative", opt.Bins))
	case opt.Bins > MaxCaseBins:
		errs = append(errs, limitf("/bins", "%d bins exceed the limit of %d", opt.Bins, MaxCaseBins))
	}
	if opt.Workers == 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	return opt, errors.Join(errs...)
}

// draw simulates every trial, chunk by chunk on opt.Workers goroutines.
func (bc *BusinessCase) draw(opt CaseOptions) *caseSamples {
	n := opt.Trials
	cols := func(k int, skipBaseline bool) [][]float64 {
		out := make([][]float64, k)
		for i := range out {
			if !skipBaseline || i != bc.baseline {
				out[i] = make([]float64, n)
			}
		}
		return out
	}
	s := &caseSamples{draws: cols(len(bc.inputs), false), riskLoss: cols(len(bc.risks), false),
		cost: cols(len(bc.options), false), savings: cols(len(bc.options), true), payback: cols(len(bc.options), true)}
	chunks := (n + caseChunk - 1) / caseChunk
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(opt.Workers, chunks) {
		wg.Go(func() {
			src := new(pcg)
			w := bc.newWorkspace()
			for {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				*src = pcg{opt.Seed, mix(uint64(c))}
				for t := c * caseChunk; t < min((c+1)*caseChunk, n); t++ {
					bc.trial(src, w, t, s)
				}
			}
		})
	}
	wg.Wait()
	return s
}

// workspace is one goroutine's scratch space.
type workspace struct {
	vals []float64     // the trial's input values
	df   []float64     // the trial's discount factors
	cost [][]float64   // per option and period
	src  [][][]float64 // per option and line: the trial's line costs, or the model's for lines that do not vary
	dpv  []float64     // per option, the change of its discounted cost
}

func (bc *BusinessCase) newWorkspace() *workspace {
	h := bc.horizon + 1
	w := &workspace{vals: make([]float64, len(bc.inputs)), df: make([]float64, h), dpv: make([]float64, len(bc.options))}
	for _, co := range bc.options {
		w.cost = append(w.cost, make([]float64, h))
		src := append([][]float64(nil), co.base...)
		for _, d := range co.dyn {
			src[d.line] = make([]float64, h)
		}
		w.src = append(w.src, src)
	}
	return w
}

// trial draws trial t and stores its values in s.
func (bc *BusinessCase) trial(src *pcg, w *workspace, t int, s *caseSamples) {
	for i := range bc.inputs {
		w.vals[i] = bc.inputs[i].est.draw(src)
		s.draws[i][t] = w.vals[i]
	}
	df := bc.dfBase
	if bc.rateInput >= 0 {
		discountFactors(w.df, w.vals[bc.rateInput], bc.perYear)
		df = w.df
	}
	for o := range bc.options {
		cost := w.cost[o]
		copy(cost, bc.baseCost[o])
		co := &bc.options[o]
		for _, d := range co.dyn {
			v := bc.lineValues(co, &d, w.vals)
			trial, base := w.src[o][d.line], co.base[d.line]
			co.lines[d.line].flows(trial, &v, w.src[o])
			for p := range cost {
				cost[p] += trial[p] - base[p]
			}
		}
	}
	for k := range bc.risks {
		s.riskLoss[k][t] = bc.riskLosses(src, &bc.risks[k], w.cost[bc.risks[k].option])
	}
	for o := range bc.options {
		pv := 0.0
		for p, c := range w.cost[o] {
			pv += c * df[p]
		}
		w.dpv[o] = pv - bc.pvBase[o]
		s.cost[o][t] = bc.point.Options[o].Discounted.Amount().Float64() + w.dpv[o]
	}
	for o, opt := range bc.point.Options {
		if o == bc.baseline {
			continue
		}
		s.savings[o][t] = opt.Savings.NPV.Amount().Float64() + w.dpv[bc.baseline] - w.dpv[o]
		s.payback[o][t] = payback(w.cost[bc.baseline], w.cost[o])
	}
}

// lineValues returns the values of a varying line in a trial.
func (bc *BusinessCase) lineValues(co *caseOption, d *dynLine, vals []float64) lineValues {
	l := &co.lines[d.line]
	v := l.values()
	if d.amount >= 0 {
		v.amount = vals[d.amount]
	}
	if d.rate >= 0 {
		v.rate, v.constRate = vals[d.rate], true
	}
	shift := 0
	for _, i := range d.movedBy {
		shift += int(math.Round(vals[i])) - bc.inputs[i].d0
	}
	if l.basis == planning.CostBasisOneOff {
		v.start += shift
		v.end = v.start
		if v.start < 0 || v.start > bc.horizon {
			v.start, v.end = 1, 0 // moved out of the horizon: nothing charged
		}
		return v
	}
	v.start = max(v.start+shift, 1)
	if d.duration >= 0 {
		v.end = min(v.start+int(math.Round(vals[d.duration]))-1, bc.horizon)
	}
	return v
}

// riskLosses adds risk k's losses of a trial to the option's costs per
// period and returns their nominal total.
func (bc *BusinessCase) riskLosses(src *pcg, k *caseRisk, cost []float64) float64 {
	total := 0.0
	years := (bc.horizon + bc.perYear - 1) / bc.perYear
	for y := 1; y <= years; y++ {
		p := min(y*bc.perYear, bc.horizon)
		var loss float64
		if k.kind == CaseRiskKindExit {
			if k.m.count.draw(src) == 0 {
				continue
			}
			loss = k.m.magnitude(src)
		} else {
			loss = k.m.year(src) * float64(p-(y-1)*bc.perYear) / float64(bc.perYear)
		}
		cost[p] += loss
		total += loss
		if k.kind == CaseRiskKindExit {
			break
		}
	}
	return total
}

// payback is the number of periods until the running sum of base − cost
// first reaches zero from below, interpolated within the period as
// planning.Savings.Payback is; 0 when it never goes below zero (a zero
// sum before the first negative one is no payback); +Inf when it is not
// reached within the horizon.
func payback(base, cost []float64) float64 {
	cum, below := 0.0, false
	for p := range cost {
		f := base[p] - cost[p]
		next := cum + f
		switch {
		case next < 0:
			below = true
		case below: // cum < 0 ≤ next
			return float64(p-1) + -cum/f
		}
		cum = next
	}
	if !below {
		return 0
	}
	return math.Inf(1)
}
