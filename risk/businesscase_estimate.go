package risk

import (
	"errors"
	"math"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// estimate is a compiled Estimate in the simulation's unit (amounts,
// periods, or fractions for percentages), drawn with the samplers Simulate
// uses.
type estimate struct {
	kind   EstimateKind
	pert   pert
	logn   lognormal
	tri    triangular
	lo, hi float64   // uniform bounds; the clamp range of lognormal durations
	clamp  bool      // clamp lognormal draws into [lo, hi]
	values []float64 // discrete values
	cum    []float64 // their cumulative probabilities, the last exactly 1
}

// draw returns one value of the estimate.
func (e *estimate) draw(src *pcg) float64 {
	switch e.kind {
	case EstimateKindPERT:
		return e.pert.sample(src)
	case EstimateKindLognormal:
		x := fastExp(e.logn.mu + e.logn.sigma*normal(src))
		if e.clamp {
			x = min(max(x, e.lo), e.hi)
		}
		return x
	case EstimateKindTriangular:
		return e.tri.sample(uniform(src))
	case EstimateKindUniform:
		return e.lo + (e.hi-e.lo)*uniform(src)
	}
	if len(e.values) == 1 {
		return e.values[0]
	}
	return e.values[min(upperBound(e.cum, uniform(src)), len(e.values)-1)]
}

// unit says how an input's decimals become simulation values and which
// values it accepts: [min, max], min excluded when minOpen. Values outside
// are input errors, or limit errors when limit is set. A lognormal, whose
// support is unbounded above, is clamped into [min, max] when clamp is set.
type unit struct {
	percent  bool // the decimals are percentages, simulated as fractions
	min, max float64
	minOpen  bool
	limit    bool
	clamp    bool
	what     string // the accepted range in words, for messages
}

// value converts a decimal of the document to the simulation's unit.
func (u unit) value(d outsourcing.Decimal) float64 {
	if u.percent {
		return outsourcing.NewPercent(d).Fraction().Float64()
	}
	return d.Float64()
}

// check reports d (converted to x) at path when the unit does not accept it.
func (u unit) check(path string, d outsourcing.Decimal, x float64) error {
	if x >= u.min && x <= u.max && !(u.minOpen && x == u.min) {
		return nil
	}
	if u.limit {
		return limitf(path, "%s is beyond %s", d, u.what)
	}
	return outsourcing.FieldErrorf(path, "%s is outside %s", d, u.what)
}

// compileEstimate checks e at path against the unit and compiles it.
func compileEstimate(path string, e Estimate, u unit) (estimate, error) {
	c := estimate{kind: e.Distribution}
	var errs []error
	param := func(name string, d *outsourcing.Decimal, wanted bool) float64 {
		p := jsonptr.Append(path, name)
		switch {
		case d == nil && wanted:
			errs = append(errs, outsourcing.FieldErrorf(p, "%s is required for a %s estimate", name, e.Distribution))
		case d != nil && !wanted:
			errs = append(errs, outsourcing.FieldErrorf(p, "%s is not a parameter of a %s estimate", name, e.Distribution))
		case d != nil:
			return u.value(*d)
		}
		return math.NaN()
	}
	bounded := e.Distribution == EstimateKindPERT || e.Distribution == EstimateKindTriangular || e.Distribution == EstimateKindUniform
	mode := e.Distribution == EstimateKindPERT || e.Distribution == EstimateKindTriangular
	logn := e.Distribution == EstimateKindLognormal
	discrete := e.Distribution == EstimateKindDiscrete
	if !bounded && !logn && !discrete {
		return c, enumError(jsonptr.Append(path, "distribution"), "estimate", string(e.Distribution), estimateKinds)
	}
	lo, md, hi := param("min", e.Min, bounded), param("mode", e.Mode, mode), param("max", e.Max, bounded)
	low, high := param("low", e.Low, logn), param("high", e.High, logn)
	if e.Shape != 0 && e.Distribution != EstimateKindPERT {
		errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "shape"), "shape is a parameter of pert estimates only"))
	}
	if !discrete && (e.Values != nil || e.Weights != nil) {
		errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "values"), "values and weights belong to discrete estimates"))
	}
	if len(errs) > 0 {
		return c, errors.Join(errs...)
	}
	switch {
	case mode:
		if err := checkPERT(path, lo, md, hi, e.Shape); err != nil {
			return c, err
		}
		c.pert, c.tri = newPERT(lo, md, hi, e.Shape), triangular{lo, md, hi}
	case bounded:
		if !(hi > lo) {
			return c, outsourcing.FieldErrorf(jsonptr.Append(path, "max"), "max %s must be above min %s", e.Max, e.Min)
		}
		c.lo, c.hi = lo, hi
	case logn:
		return c.fitLognormal(path, e, u, low, high)
	default:
		return c.discrete(path, e, u)
	}
	return c, errors.Join(u.check(jsonptr.Append(path, "min"), *e.Min, lo), u.check(jsonptr.Append(path, "max"), *e.Max, hi))
}

// fitLognormal fits the 90 % interval [low, high] and checks its moments.
func (c estimate) fitLognormal(path string, e Estimate, u unit, low, high float64) (estimate, error) {
	switch {
	case !(low > 0):
		return c, outsourcing.FieldErrorf(jsonptr.Append(path, "low"), "low %s must be above 0", e.Low)
	case !(high > low):
		return c, outsourcing.FieldErrorf(jsonptr.Append(path, "high"), "high %s must be above low %s", e.High, e.Low)
	}
	c.logn = fitLognormal(low, high)
	if mean, v := c.logn.mean(), c.logn.variance(); !(mean <= MaxAmount) || math.IsInf(v, 0) {
		return c, limitf(jsonptr.Append(path, "high"), "the interval [%s, %s] gives a mean of %g, above the limit of %g", e.Low, e.High, mean, MaxAmount)
	}
	if u.clamp {
		c.clamp, c.lo, c.hi = true, u.min, u.max
	}
	return c, nil
}

// discrete checks the values and weights and builds the cumulative
// probabilities.
func (c estimate) discrete(path string, e Estimate, u unit) (estimate, error) {
	var errs []error
	switch n := len(e.Values); {
	case n == 0:
		return c, outsourcing.FieldErrorf(jsonptr.Append(path, "values"), "a discrete estimate needs at least one value")
	case n > MaxDiscreteValues:
		return c, limitf(jsonptr.Append(path, "values"), "%d values, more than %d", n, MaxDiscreteValues)
	case e.Weights != nil && len(e.Weights) != n:
		return c, outsourcing.FieldErrorf(jsonptr.Append(path, "weights"), "%d weights for %d values", len(e.Weights), n)
	}
	for i, d := range e.Values {
		x := u.value(d)
		if err := u.check(jsonptr.Append(path, "values", i), d, x); err != nil {
			errs = append(errs, err)
		}
		c.values = append(c.values, x)
	}
	total := 0.0
	weights := make([]float64, len(e.Values))
	for i := range weights {
		weights[i] = 1
		if e.Weights != nil {
			weights[i] = e.Weights[i].Float64()
		}
		if !(weights[i] >= 0) || math.IsInf(weights[i], 0) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "weights", i), "weight %s must be a finite number ≥ 0", e.Weights[i]))
		}
		total += weights[i]
	}
	if len(errs) == 0 && !(total > 0) {
		errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "weights"), "the weights are all zero"))
	}
	if len(errs) > 0 {
		return c, errors.Join(errs...)
	}
	run := 0.0
	for _, w := range weights {
		run += w
		c.cum = append(c.cum, run/total)
	}
	c.cum[len(c.cum)-1] = 1
	return c, nil
}
