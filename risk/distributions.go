package risk

import (
	"math"
	"math/rand/v2"

	"github.com/outsourcing-go/outsourcing"
	"gonum.org/v1/gonum/mathext"
)

// Distribution is a continuous distribution of a loss per event or a
// yearly rate, inspectable beside the simulation: its moments, CDF and
// quantile in closed form, and single draws from the caller's random
// source. PERTDistribution and LognormalDistribution implement it; both
// are immutable values, safe for concurrent use.
type Distribution interface {
	// Mean and Variance are the distribution's moments.
	Mean() float64
	Variance() float64
	// CDF returns P(X ≤ x); a NaN x is an error.
	CDF(x float64) (float64, error)
	// Quantile returns the x with CDF(x) = p for p in (0, 1); any other p
	// (0, 1, NaN, ±Inf, outside) is an error.
	Quantile(p float64) (float64, error)
	// Draw returns one value drawn with src (math/rand/v2's Source).
	Draw(src rand.Source) float64
}

// PERTDistribution is PERT(min, mode, max) with shape λ: min + (max −
// min)·Beta(α, β), α = 1 + λ(mode − min)/(max − min), β = 1 + λ(max −
// mode)/(max − min) (Vose, Risk Analysis, 3rd ed., 2008; λ = 4 is the
// classic PERT). Build it with NewPERT.
type PERTDistribution struct{ p pert }

// NewPERT returns PERT(min, mode, max) with shape λ (0 means 4).
// Parameters that define no distribution (any of them NaN or ±Inf, min >
// mode, mode > max, max ≤ min, a negative shape) are
// *outsourcing.FieldError values at "/min", "/mode", "/max" or "/shape"
// matching outsourcing.ErrInvalidInput; a shape above MaxPERTShape
// matches outsourcing.ErrLimit, as does a range max − min beyond about
// 1.3e154, whose variance overflows float64 (it came out +Inf, and
// quantiles NaN).
func NewPERT(min, mode, max, shape float64) (PERTDistribution, error) {
	if err := checkPERT("", min, mode, max, shape); err != nil {
		return PERTDistribution{}, wrap(err)
	}
	return PERTDistribution{newPERT(min, mode, max, shape)}, nil
}

// Min, Mode and Max are the distribution's parameters; Shape is λ.
func (d PERTDistribution) Min() float64 { return d.p.min }

// Mode returns the most likely value.
func (d PERTDistribution) Mode() float64 { return d.p.mode }

// Max returns the maximum.
func (d PERTDistribution) Max() float64 { return d.p.max }

// Shape returns λ, the weight of the mode (4 when NewPERT was given 0).
func (d PERTDistribution) Shape() float64 { return d.p.shape }

// Alpha returns the Beta shape α = 1 + λ(mode − min)/(max − min).
func (d PERTDistribution) Alpha() float64 { return d.p.alpha }

// Beta returns the Beta shape β = 1 + λ(max − mode)/(max − min).
func (d PERTDistribution) Beta() float64 { return d.p.beta }

// Mean returns (min + λ·mode + max)/(λ + 2).
func (d PERTDistribution) Mean() float64 { return d.p.mean() }

// Variance returns (mean − min)(max − mean)/(λ + 3).
func (d PERTDistribution) Variance() float64 { return d.p.variance() }

// CDF returns P(X ≤ x), the regularised incomplete beta function
// I((x − min)/(max − min); α, β); 0 below min, 1 above max.
func (d PERTDistribution) CDF(x float64) (float64, error) {
	if math.IsNaN(x) {
		return 0, wrap(outsourcing.FieldErrorf("", "x is NaN"))
	}
	return d.p.cdf(x), nil
}

// Quantile returns min + (max − min)·I⁻¹(p; α, β) for p in (0, 1).
func (d PERTDistribution) Quantile(p float64) (float64, error) {
	if err := checkProbability(p); err != nil {
		return 0, err
	}
	return d.p.min + (d.p.max-d.p.min)*mathext.InvRegIncBeta(d.p.alpha, d.p.beta, p), nil
}

// Draw returns one value drawn with src by the simulation's sampler
// (Marsaglia–Tsang gamma variates from ziggurat normals), which draws
// from a PCG seeded with the next two values of src.
func (d PERTDistribution) Draw(src rand.Source) float64 {
	return d.p.sample(&pcg{src.Uint64(), src.Uint64()})
}

// LognormalDistribution is exp(N(μ, σ²)). Build it with NewLognormal
// from μ and σ or with LognormalFrom90 from a 90% interval.
type LognormalDistribution struct{ l lognormal }

// NewLognormal returns exp(N(mu, sigma²)). A NaN or infinite mu, a sigma
// that is not a finite number above 0 are *outsourcing.FieldError values
// at "/mu" or "/sigma" matching outsourcing.ErrInvalidInput; parameters
// whose mean or variance overflow float64 match outsourcing.ErrLimit.
func NewLognormal(mu, sigma float64) (LognormalDistribution, error) {
	switch {
	case math.IsNaN(mu) || math.IsInf(mu, 0):
		return LognormalDistribution{}, wrap(outsourcing.FieldErrorf("/mu", "mu %g is not a finite number", mu))
	case !(sigma > 0) || math.IsInf(sigma, 0):
		return LognormalDistribution{}, wrap(outsourcing.FieldErrorf("/sigma", "sigma %g must be a finite number above 0", sigma))
	}
	return checkedLognormal(lognormal{mu: mu, sigma: sigma}, "/sigma")
}

// LognormalFrom90 returns the lognormal whose 5th and 95th percentiles are
// low and high (a 90% interval, as calibrated estimates give it: Hubbard
// and Seiersen, How to Measure Anything in Cybersecurity Risk, 2016):
// μ = (ln low + ln high)/2, σ = (ln high − ln low)/(2·Φ⁻¹(0.95)). It
// needs 0 < low < high, both finite (else a *outsourcing.FieldError at
// "/low" or "/high").
func LognormalFrom90(low, high float64) (LognormalDistribution, error) {
	switch {
	case !(low > 0) || math.IsInf(low, 0):
		return LognormalDistribution{}, wrap(outsourcing.FieldErrorf("/low", "low %g must be a finite number above 0", low))
	case !(high > low) || math.IsInf(high, 0):
		return LognormalDistribution{}, wrap(outsourcing.FieldErrorf("/high", "high %g must be a finite number above low %g", high, low))
	}
	return checkedLognormal(fitLognormal(low, high), "/high")
}

// checkedLognormal refuses parameters whose moments overflow.
func checkedLognormal(l lognormal, path string) (LognormalDistribution, error) {
	if v := l.variance(); math.IsInf(v, 0) || math.IsNaN(v) || math.IsInf(l.mean(), 0) || l.sigma == 0 {
		return LognormalDistribution{}, wrap(limitf(path, "a lognormal with mu %g and sigma %g has no finite float64 mean and variance", l.mu, l.sigma))
	}
	return LognormalDistribution{l}, nil
}

// Mu returns μ, the mean of ln X.
func (d LognormalDistribution) Mu() float64 { return d.l.mu }

// Sigma returns σ, the standard deviation of ln X.
func (d LognormalDistribution) Sigma() float64 { return d.l.sigma }

// Median returns exp(μ).
func (d LognormalDistribution) Median() float64 { return math.Exp(d.l.mu) }

// Mean returns exp(μ + σ²/2).
func (d LognormalDistribution) Mean() float64 { return d.l.mean() }

// Variance returns (exp(σ²) − 1)·exp(2μ + σ²).
func (d LognormalDistribution) Variance() float64 { return d.l.variance() }

// CDF returns Φ((ln x − μ)/σ); 0 for x ≤ 0.
func (d LognormalDistribution) CDF(x float64) (float64, error) {
	if math.IsNaN(x) {
		return 0, wrap(outsourcing.FieldErrorf("", "x is NaN"))
	}
	if x <= 0 {
		return 0, nil
	}
	return 0.5 * math.Erfc(-(math.Log(x)-d.l.mu)/(d.l.sigma*math.Sqrt2)), nil
}

// Quantile returns exp(μ + σ·Φ⁻¹(p)) for p in (0, 1); a quantile beyond
// float64 is an error matching outsourcing.ErrLimit.
func (d LognormalDistribution) Quantile(p float64) (float64, error) {
	if err := checkProbability(p); err != nil {
		return 0, err
	}
	q := math.Exp(d.l.mu + d.l.sigma*normalQuantile(p))
	if math.IsInf(q, 0) {
		return 0, wrap(limitf("", "the %g quantile is beyond float64", p))
	}
	return q, nil
}

// Draw returns one value drawn with src.
func (d LognormalDistribution) Draw(src rand.Source) float64 {
	return math.Exp(d.l.mu + d.l.sigma*rand.New(src).NormFloat64())
}

// normalQuantile is Φ⁻¹(p) = −√2·erfc⁻¹(2p).
func normalQuantile(p float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*p) }

// checkProbability accepts p in (0, 1) only.
func checkProbability(p float64) error {
	if !(p > 0 && p < 1) {
		return wrap(outsourcing.FieldErrorf("", "probability %g is outside (0, 1)", p))
	}
	return nil
}
