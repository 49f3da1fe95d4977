package risk

import (
	"errors"
	"math"

	"github.com/outsourcing-go/outsourcing"
	"gonum.org/v1/gonum/stat/distuv"
)

// Frequency is how many threat events a year brings. Set at most one of
// PERT, Count and Binomial; with none of them the count is Poisson with
// mean Rate (0 when Rate is 0). The constructors PoissonFrequency,
// PERTFrequency, FixedFrequency, BernoulliFrequency and BinomialFrequency
// build each model.
type Frequency struct {
	// Rate is the mean of a Poisson count per year, ≥ 0.
	Rate float64 `json:"rate,omitempty"`
	// PERT, when set, is the distribution of the yearly Poisson rate,
	// drawn afresh for each simulated year (a rate range, as FAIR tools
	// take it); Rate must then be 0.
	PERT *PERT `json:"pert,omitempty"`
	// Count, when set, is a fixed number of threat events every year,
	// 0..MaxRate.
	Count *int `json:"count,omitempty"`
	// Binomial, when set, is a count of Trials independent chances a
	// year, each an event with Probability (Bernoulli when Trials is 1).
	Binomial *Binomial `json:"binomial,omitempty"`
}

// Binomial is a binomial count: Trials chances a year (1..MaxRate), each
// an event with Probability (0..1).
type Binomial struct {
	Trials      int     `json:"trials"`
	Probability float64 `json:"probability"`
}

// PoissonFrequency returns a Poisson count with mean rate per year.
func PoissonFrequency(rate float64) Frequency { return Frequency{Rate: rate} }

// PERTFrequency returns a Poisson count whose yearly rate is PERT(min,
// mode, max) with the classic shape 4.
func PERTFrequency(min, mode, max float64) Frequency {
	return Frequency{PERT: &PERT{Min: min, Mode: mode, Max: max}}
}

// FixedFrequency returns exactly n threat events every year.
func FixedFrequency(n int) Frequency { return Frequency{Count: &n} }

// BernoulliFrequency returns at most one event a year, with probability p.
func BernoulliFrequency(p float64) Frequency { return BinomialFrequency(1, p) }

// BinomialFrequency returns a Binomial(n, p) count per year.
func BinomialFrequency(n int, p float64) Frequency {
	return Frequency{Binomial: &Binomial{Trials: n, Probability: p}}
}

// counter draws the number of loss events of a year: the threat event
// count thinned by the vulnerability v, which keeps each model in its
// family — Poisson(λ) becomes Poisson(λv), a fixed n Binomial(n, v),
// Binomial(n, p) Binomial(n, pv), and a PERT rate Λ Poisson(Λv).
type counter struct {
	lambda, expNeg float64       // Poisson(λv), exp(−λv)
	table          *poissonTable // for a fixed λv below 10
	rate           *pert         // PERT rate, nil unless drawn per year
	vuln           float64
	n              int // binomial trials, 0 for Poisson
	p              float64
}

// compileFrequency validates f at path and thins it by vuln.
func compileFrequency(path string, f Frequency, vuln float64) (counter, error) {
	set := 0
	for _, on := range []bool{f.PERT != nil, f.Count != nil, f.Binomial != nil, f.Rate != 0} {
		if on {
			set++
		}
	}
	if set > 1 {
		return counter{}, outsourcing.FieldErrorf(path, "set one of rate, pert, count and binomial")
	}
	c := counter{vuln: vuln}
	switch {
	case f.PERT != nil:
		p := path + "/pert"
		if err := f.PERT.check(p); err != nil {
			return counter{}, err
		}
		switch {
		case f.PERT.Min < 0:
			return counter{}, outsourcing.FieldErrorf(p+"/min", "rate %g is negative", f.PERT.Min)
		case f.PERT.Max > MaxRate:
			return counter{}, limitf(p+"/max", "rate %g is above the limit of %g events a year", f.PERT.Max, MaxRate)
		}
		r := f.PERT.compile()
		c.rate = &r
	case f.Count != nil:
		if *f.Count < 0 || *f.Count > MaxRate {
			return counter{}, outsourcing.FieldErrorf(path+"/count", "count %d is outside 0..%g", *f.Count, MaxRate)
		}
		c.n, c.p = *f.Count, vuln
	case f.Binomial != nil:
		b := f.Binomial
		var errs []error
		if b.Trials < 1 || b.Trials > MaxRate {
			errs = append(errs, outsourcing.FieldErrorf(path+"/binomial/trials", "trials %d is outside 1..%g", b.Trials, MaxRate))
		}
		if !(b.Probability >= 0 && b.Probability <= 1) {
			errs = append(errs, outsourcing.FieldErrorf(path+"/binomial/probability", "probability %g is outside 0..1", b.Probability))
		}
		if len(errs) > 0 {
			return counter{}, errors.Join(errs...)
		}
		c.n, c.p = b.Trials, b.Probability*vuln
	case !(f.Rate >= 0) || math.IsInf(f.Rate, 0):
		return counter{}, outsourcing.FieldErrorf(path+"/rate", "rate %g must be a finite number ≥ 0", f.Rate)
	case f.Rate > MaxRate:
		return counter{}, limitf(path+"/rate", "rate %g is above the limit of %g events a year", f.Rate, MaxRate)
	default:
		c.lambda = f.Rate * vuln
		c.expNeg = math.Exp(-c.lambda)
		c.table = newPoissonTable(c.lambda, c.expNeg)
	}
	return c, nil
}

// draw returns one year's number of loss events.
func (c *counter) draw(src *pcg) int {
	switch {
	case c.n > 0:
		return binomial(src, c.n, c.p)
	case c.rate != nil:
		lambda := c.rate.sample(src) * c.vuln
		return poisson(src, lambda, math.Exp(-lambda))
	case c.table != nil:
		return c.table.draw(src.Uint64())
	}
	return poisson(src, c.lambda, c.expNeg)
}

// draws fills counts with the numbers of loss events of as many years
// and returns their sum.
func (c *counter) draws(src *pcg, counts []int32) int {
	total := 0
	if c.table != nil { // the common case, inlined: a fixed Poisson rate below 10
		g := *src // in registers through the loop
		for t := range counts {
			g = g.step()
			k := c.table.draw(g.value())
			counts[t] = int32(k)
			total += k
		}
		*src = g
		return total
	}
	for t := range counts {
		k := c.draw(src)
		counts[t] = int32(k)
		total += k
	}
	return total
}

// binomial draws Binomial(n, p): n when p is 1, by counting uniforms for
// small n, else gonum's rejection sampler.
func binomial(src *pcg, n int, p float64) int {
	switch {
	case p >= 1:
		return n
	case p <= 0:
		return 0
	case n <= 16:
		k := 0
		for range n {
			if uniform(src) < p {
				k++
			}
		}
		return k
	}
	return int(distuv.Binomial{N: float64(n), P: p, Src: src}.Rand())
}

// mean is E[N], the loss event frequency.
func (c *counter) mean() float64 {
	switch {
	case c.n > 0:
		return float64(c.n) * c.p
	case c.rate != nil:
		return c.rate.mean() * c.vuln
	}
	return c.lambda
}

// variance is Var(N): λ for Poisson, np(1 − p) for binomial, and for a
// PERT rate Λ the mixed Poisson's E[Λ]v + Var(Λ)v².
func (c *counter) variance() float64 {
	switch {
	case c.n > 0:
		return float64(c.n) * c.p * (1 - c.p)
	case c.rate != nil:
		return c.rate.mean()*c.vuln + c.rate.variance()*c.vuln*c.vuln
	}
	return c.lambda
}

// probabilityAny is P(N ≥ 1): 1 − e^(−λ), 1 − (1 − p)^n, and for a PERT
// rate 1 − E[e^(−vΛ)], integrated over the PERT density.
func (c *counter) probabilityAny() float64 {
	switch {
	case c.n > 0:
		return -math.Expm1(float64(c.n) * math.Log1p(-c.p))
	case c.rate != nil:
		r := c.rate
		none := simpson(func(x float64) float64 { return r.pdf(x) * math.Exp(-c.vuln*x) }, r.min, r.max, 2048)
		return min(1, max(0, 1-none))
	}
	return -math.Expm1(-c.lambda)
}
