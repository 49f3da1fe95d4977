package risk

import (
	"iter"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// z95 is the standard normal quantile Φ⁻¹(0.95): a 90% interval [P5, P95]
// spans ±z95 standard deviations.
const z95 = 1.6448536269514722

// defaultPERTShape is the classic PERT weight λ of the mode.
const defaultPERTShape = 4

// pert is PERT(min, mode, max) with shape λ: min + (max−min)·Beta(α, β),
// α = 1 + λ(mode−min)/(max−min), β = 1 + λ(max−mode)/(max−min).
type pert struct {
	min, mode, max, shape float64
	alpha, beta           float64
	ga, gb                gammaSampler
}

func newPERT(min, mode, max, shape float64) pert {
	if shape == 0 {
		shape = defaultPERTShape
	}
	p := pert{min: min, mode: mode, max: max, shape: shape}
	p.alpha = 1 + shape*(mode-min)/(max-min)
	p.beta = 1 + shape*(max-mode)/(max-min)
	p.ga, p.gb = newGamma(p.alpha), newGamma(p.beta)
	return p
}

// mean is (min + λ·mode + max)/(λ + 2).
func (p pert) mean() float64 { return (p.min + p.shape*p.mode + p.max) / (p.shape + 2) }

// variance is (mean−min)(max−mean)/(λ+3), the Beta variance scaled to the range.
func (p pert) variance() float64 {
	m := p.mean()
	return (m - p.min) * (p.max - m) / (p.shape + 3)
}

// cdf is I((x − min)/(max − min); α, β), clamped outside [min, max].
func (p pert) cdf(x float64) float64 {
	switch {
	case x <= p.min:
		return 0
	case x >= p.max:
		return 1
	}
	return mathext.RegIncBeta(p.alpha, p.beta, (x-p.min)/(p.max-p.min))
}

// pdf is the density at x.
func (p pert) pdf(x float64) float64 {
	if x < p.min || x > p.max {
		return 0
	}
	w := p.max - p.min
	u := (x - p.min) / w
	return math.Pow(u, p.alpha-1) * math.Pow(1-u, p.beta-1) * math.Exp(-mathext.Lbeta(p.alpha, p.beta)) / w
}

func (p *pert) sample(src *pcg) float64 {
	x := p.ga.sample(src)
	y := p.gb.sample(src)
	return p.min + (p.max-p.min)*x/(x+y)
}

// gammaSampler draws Gamma(k, 1) for k ≥ 1 by Marsaglia and Tsang (2000),
// "A simple method for generating gamma variables".
type gammaSampler struct{ d, c float64 }

func newGamma(k float64) gammaSampler {
	d := k - 1.0/3
	return gammaSampler{d: d, c: 1 / math.Sqrt(9*d)}
}

func (g gammaSampler) sample(src *pcg) float64 {
	for {
		x := normal(src)
		v := 1 + g.c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := uniform(src)
		x2 := x * x
		if u < 1-0.0331*x2*x2 || math.Log(u) < 0.5*x2+g.d*(1-v+math.Log(v)) {
			return g.d * v
		}
	}
}

// lognormal is exp(N(mu, sigma²)), fitted to a 90% interval [low, high]
// (low = P5, high = P95): mu = (ln low + ln high)/2,
// sigma = (ln high − ln low)/(2·z95).
type lognormal struct{ mu, sigma float64 }

func fitLognormal(low, high float64) lognormal {
	return lognormal{
		mu:    (math.Log(low) + math.Log(high)) / 2,
		sigma: (math.Log(high) - math.Log(low)) / (2 * z95),
	}
}

// mean is exp(mu + sigma²/2).
func (l lognormal) mean() float64 { return math.Exp(l.mu + l.sigma*l.sigma/2) }

// variance is (exp(sigma²) − 1)·exp(2mu + sigma²).
func (l lognormal) variance() float64 {
	s2 := l.sigma * l.sigma
	return math.Expm1(s2) * math.Exp(2*l.mu+s2)
}

// triangular(min, mode, max) by inversion of its CDF.
type triangular struct{ min, mode, max float64 }

func (t triangular) mean() float64 { return (t.min + t.mode + t.max) / 3 }

func (t triangular) variance() float64 {
	a, c, b := t.min, t.mode, t.max
	return (a*a + b*b + c*c - a*b - a*c - b*c) / 18
}

func (t triangular) sample(u float64) float64 {
	w := t.max - t.min
	if u < (t.mode-t.min)/w {
		return t.min + math.Sqrt(u*w*(t.mode-t.min))
	}
	return t.max - math.Sqrt((1-u)*w*(t.max-t.mode))
}

// poisson draws Poisson(lambda) for a lambda that changes between calls:
// inversion by sequential search below 10 (poissonSteps), Hörmann's PTRS transformed
// rejection (1993) from 10 up. expNeg is exp(−lambda), passed in so a fixed
// rate computes it once.
func poisson(src *pcg, lambda, expNeg float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda < 10 {
		return searchPoisson(poissonSteps(lambda, expNeg), uniform(src))
	}
	return poissonPTRS(src, lambda)
}

// maxPoissonSearch is the largest count the inversion search returns: u
// beyond the float64 sum of the probabilities (which falls short of 1 by
// rounding) gives it.
const maxPoissonSearch = 1000

// poissonSteps yields the cumulative probabilities F_0, F_1, … of
// Poisson(λ), p_k = p_{k−1}·λ/k summed in order, until they stop growing
// or k reaches maxPoissonSearch.
func poissonSteps(lambda, expNeg float64) iter.Seq[float64] {
	return func(yield func(float64) bool) {
		p := expNeg
		f := p
		for k := 0; yield(f) && k < maxPoissonSearch; {
			k++
			p *= lambda / float64(k)
			if f+p == f && float64(k) > lambda {
				return // the terms only shrink from here: f is final
			}
			f += p
		}
	}
}

// searchPoisson inverts the cumulative probabilities: the first k with u ≤
// F_k, or maxPoissonSearch when u is above them all.
func searchPoisson(cdf iter.Seq[float64], u float64) int {
	k := 0
	for f := range cdf {
		if !(u > f) {
			return k
		}
		k++
	}
	return maxPoissonSearch
}

// poissonPTRS is W. Hörmann, "The transformed rejection method for
// generating Poisson random variables", Insurance: Mathematics and
// Economics 12 (1993), algorithm PTRS.
func poissonPTRS(src *pcg, lambda float64) int {
	slam := math.Sqrt(lambda)
	loglam := math.Log(lambda)
	b := 0.931 + 2.53*slam
	a := -0.059 + 0.02483*b
	invalpha := 1.1239 + 1.1328/(b-3.4)
	vr := 0.9277 - 3.6224/(b-2)
	for {
		u := uniform(src) - 0.5
		v := uniform(src)
		us := 0.5 - math.Abs(u)
		k := math.Floor((2*a/us+b)*u + lambda + 0.43)
		if us >= 0.07 && v <= vr {
			return int(k)
		}
		if k < 0 || (us < 0.013 && v > us) {
			continue
		}
		lg, _ := math.Lgamma(k + 1)
		if math.Log(v)+math.Log(invalpha)-math.Log(a/(us*us)+b) <= -lambda+k*loglam-lg {
			return int(k)
		}
	}
}
