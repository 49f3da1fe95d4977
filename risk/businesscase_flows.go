package risk

import (
	"math"

	"github.com/outsourcing-go/outsourcing/planning"
)

// caseLine is the float64 image of a cost line as planning lays it out
// (planning.TCO.Lines: the line's window and profile), converted once
// when the case is compiled, so the simulation never re-derives
// planning's rules: the line costs base × factors[p] in each period p of
// its window, a percent line its share of the costs of the lines in of.
type caseLine struct {
	basis      planning.CostBasis
	base       float64   // the line's amount, or a percent line's share (a fraction)
	prob       float64   // the probability weighting the amount, 1 without
	factors    []float64 // the multiplier of base in each period 0..h
	steps      []int     // the escalation step of each period 0..h
	capped     bool
	cap        float64 // the escalation cap (a fraction) when capped
	of         []int   // the lines a percent line reads
	start, end int     // the periods charged
}

// newCaseLine converts planning's layout of a line but its per-period
// factors and steps (see setProfile); ids maps the IDs of the option's
// lines to their indices.
func newCaseLine(l planning.LineCost, ids map[string]int) caseLine {
	p := l.Profile
	c := caseLine{basis: l.Basis, base: p.Base.Float64(), prob: p.Probability.Float64(), start: l.Start, end: l.End}
	if p.Cap != nil {
		c.capped, c.cap = true, p.Cap.Fraction().Float64()
	}
	for _, ref := range p.Of {
		c.of = append(c.of, ids[ref])
	}
	return c
}

// setProfile converts the per-period factors and escalation steps of
// the line's profile p, for a line whose costs a trial recomputes or reads.
func (l *caseLine) setProfile(p planning.LineProfile) {
	l.factors, l.steps = make([]float64, len(p.Factors)), make([]int, len(p.Factors))
	for i, f := range p.Factors {
		l.factors[i], l.steps[i] = f.Float64(), p.Step(i)
	}
}

// lineValues are a line's values in one trial.
type lineValues struct {
	amount     float64 // amount, or share for a percent line
	rate       float64 // constant escalation per step when constRate
	constRate  bool
	start, end int // periods charged; none when start > end
}

// values returns the line's model values.
func (l *caseLine) values() lineValues {
	return lineValues{amount: l.base, start: l.start, end: l.end}
}

// flows writes the line's cost in each period 0..h into out under v; a
// percent line reads its lines' costs from src (src[i] is line i's
// costs, nil for lines it does not read). A constant escalation rate
// replaces the line's index: the factor of step k is (1 + min(rate,
// cap))^k, times the line's probability.
func (l *caseLine) flows(out []float64, v *lineValues, src [][]float64) {
	clear(out)
	switch {
	case l.basis == planning.CostBasisPercent:
		for _, ref := range l.of {
			f := src[ref]
			for p := v.start; p <= v.end; p++ {
				out[p] += f[p] * v.amount
			}
		}
	case v.constRate:
		rise := v.rate
		if l.capped && rise > l.cap {
			rise = l.cap
		}
		a := v.amount * l.prob
		k, factor := 0, 1.0
		for p := v.start; p <= v.end; p++ {
			for ; k < l.steps[p]; k++ {
				factor *= 1 + rise
			}
			out[p] = a * factor
		}
	default:
		for p := v.start; p <= v.end; p++ {
			out[p] = v.amount * l.factors[p]
		}
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
