package risk

import (
	"math"

	"github.com/outsourcing-go/outsourcing/planning"
)

// flowLine is the float64 image of a TCO cost line, read from the public
// model with CompileTCO's defaults, for the lines an uncertain input
// changes (planning.TCO keeps its per-line costs to itself). Its costs
// follow planning's rules: a recurring line charges amount × probability
// × the escalation factor of each period from start to end, a one-off
// line the same once in period start, a percent line its share of the
// named lines in each period from start to end; the factor of step k is
// Π (1 + min(index, cap)) over the steps up to k, a step every `every`
// periods from period 1.
type flowLine struct {
	basis      planning.CostBasis
	amount     float64 // Amount, or the share (a fraction) of a percent line
	prob       float64 // Probability as a fraction, 1 without
	of         []int
	start, end int
	index      []float64 // escalation per step (fractions), nil without
	capped     bool
	cap        float64
	every      int // periods per escalation step, 0 without escalation
}

// newFlowLine reads line l of a model with perYear periods a year and
// the horizon h.
func newFlowLine(l planning.CostLine, ids map[string]int, perYear, h int) flowLine {
	f := flowLine{basis: l.Basis, prob: 1, start: l.Start, end: l.End}
	switch {
	case l.Basis == planning.CostBasisPercent:
		f.amount = l.Percent.Fraction().Float64()
		for _, ref := range l.Of {
			f.of = append(f.of, ids[ref])
		}
	default:
		f.amount = l.Amount.Amount().Float64()
	}
	if l.Probability != nil {
		f.prob = l.Probability.Fraction().Float64()
	}
	if l.Basis == planning.CostBasisOneOff {
		f.end = f.start
	} else {
		f.start = max(f.start, 1)
		if f.end == 0 {
			f.end = h
		}
	}
	if esc := l.Escalation; esc != nil {
		f.every = esc.Every
		if f.every == 0 {
			f.every = perYear
		}
		for _, p := range esc.Index {
			f.index = append(f.index, p.Fraction().Float64())
		}
		if esc.Cap != nil {
			f.capped, f.cap = true, esc.Cap.Fraction().Float64()
		}
	}
	return f
}

// lineValues are a line's values in one trial.
type lineValues struct {
	amount     float64 // amount, or share for a percent line
	rate       float64 // constant escalation per step when constRate
	constRate  bool
	start, end int // periods charged; none when start > end
}

// values returns the line's model values.
func (l *flowLine) values() lineValues {
	return lineValues{amount: l.amount, start: l.start, end: l.end}
}

// step is the escalation step of period p (periods 0 and 1 are step 0).
func (l *flowLine) step(p int) int {
	if l.every == 0 || p <= 1 {
		return 0
	}
	return (p - 1) / l.every
}

// rise is the escalation of step k ≥ 1 under v, capped.
func (l *flowLine) rise(k int, v *lineValues) float64 {
	var r float64
	switch {
	case v.constRate:
		r = v.rate
	case l.index == nil:
		return 0
	default:
		r = l.index[min(k-1, len(l.index)-1)]
	}
	if l.capped && r > l.cap {
		r = l.cap
	}
	return r
}

// flows writes the line's cost in each period 0..h into out under v; a
// percent line reads its lines' costs from src (src[i] is line i's
// costs, nil for lines it does not read).
func (l *flowLine) flows(out []float64, v *lineValues, src [][]float64) {
	clear(out)
	if l.basis == planning.CostBasisPercent {
		for _, ref := range l.of {
			f := src[ref]
			for p := v.start; p <= v.end; p++ {
				out[p] += f[p] * v.amount
			}
		}
		return
	}
	a := v.amount * l.prob
	k, factor := 0, 1.0
	for p := v.start; p <= v.end; p++ {
		for s := l.step(p); k < s; {
			k++
			factor *= 1 + l.rise(k, v)
		}
		out[p] = a * factor
	}
}

// discountFactors writes (1 + rate)^(−p/perYear) for p = 0..len(df)−1.
func discountFactors(df []float64, rate float64, perYear int) {
	d := math.Pow(1+rate, -1/float64(perYear))
	df[0] = 1
	for p := 1; p < len(df); p++ {
		df[p] = df[p-1] * d
	}
}
