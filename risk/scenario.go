package risk

import (
	"errors"
	"math"
	"math/rand/v2"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/shopspring/decimal"
)

// Scenario is a FAIR-style loss model of one risk: loss events arrive as a
// Poisson process at Frequency per year, each threat event becomes a loss
// event with probability Vulnerability, and each loss costs a draw from
// Magnitude. Annual loss = Σ magnitudes of the year's loss events.
type Scenario struct {
	// Frequency is the threat event frequency per year.
	Frequency Frequency `json:"frequency"`
	// Vulnerability is the probability (0..1) that a threat event becomes a
	// loss event; nil means 1. Poisson thinning makes it exact: loss events
	// are Poisson(rate × vulnerability).
	Vulnerability *float64 `json:"vulnerability,omitempty"`
	// Magnitude is the loss per loss event.
	Magnitude Magnitude `json:"magnitude"`
}

// Frequency is a Poisson event rate per year: fixed (Rate) or drawn for
// each simulated year from PERT (the rate itself uncertain, as in FAIR).
type Frequency struct {
	// Rate is the mean number of events per year (≥ 0) when PERT is nil.
	Rate float64 `json:"rate,omitempty"`
	// PERT, when set, is the distribution of the yearly rate; Rate must then be 0.
	PERT *PERT `json:"pert,omitempty"`
}

// PERT are the parameters of a PERT distribution: min ≤ mode ≤ max, min <
// max, shape λ in 0..MaxPERTShape (0 means the classic 4). Mean = (min + λ·mode + max)/(λ+2).
type PERT struct {
	// Min, Mode and Max are the minimum, most likely and maximum values;
	// Shape is λ.
	Min   float64 `json:"min"`
	Mode  float64 `json:"mode"`
	Max   float64 `json:"max"`
	Shape float64 `json:"shape,omitempty"`
}

// MagnitudeKind names the distribution of the loss per event.
type MagnitudeKind string

// Loss magnitude distributions.
const (
	// MagnitudePERT: PERT(min, mode, max) with Shape (default 4).
	MagnitudePERT MagnitudeKind = "pert"
	// MagnitudeLognormal: lognormal fitted to the 90% interval [low, high].
	MagnitudeLognormal MagnitudeKind = "lognormal"
	// MagnitudeTriangular: triangular(min, mode, max).
	MagnitudeTriangular MagnitudeKind = "triangular"
	// MagnitudeUniform: uniform on [min, max].
	MagnitudeUniform MagnitudeKind = "uniform"
)

var magnitudeKinds = []MagnitudeKind{MagnitudePERT, MagnitudeLognormal, MagnitudeTriangular, MagnitudeUniform}

// String returns the distribution name.
func (k MagnitudeKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown kinds.
func (k MagnitudeKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "distribution", magnitudeKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *MagnitudeKind) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(k, text, "distribution", magnitudeKinds)
}

// Magnitude is the loss of one loss event. All amounts share one currency;
// they are converted to float64 for simulation only.
type Magnitude struct {
	// Distribution selects which of the fields below are used.
	Distribution MagnitudeKind `json:"distribution"`
	// Min, Mode, Max: PERT and triangular (min ≤ mode ≤ max, min < max);
	// uniform uses Min and Max. Min ≥ 0.
	Min  *outsourcing.Money `json:"min,omitempty"`
	Mode *outsourcing.Money `json:"mode,omitempty"`
	Max  *outsourcing.Money `json:"max,omitempty"`
	// Low and High: lognormal 90% interval, the 5th and 95th percentiles,
	// 0 < low < high, and the fitted mean loss at most MaxAmount.
	Low  *outsourcing.Money `json:"low,omitempty"`
	High *outsourcing.Money `json:"high,omitempty"`
	// Shape is the PERT shape λ in 0..MaxPERTShape; 0 means 4.
	Shape float64 `json:"shape,omitempty"`
}

// Limits that keep a simulation finite: more events a year than MaxRate
// would make a simulated year arbitrarily slow; amounts above MaxAmount,
// or a lognormal interval so wide that the mean loss per event is above
// it, could overflow float64 sums; a PERT shape above MaxPERTShape could
// overflow the mean's λ·mode (and is a point mass at the mode in all but
// name). All are outsourcing.ErrLimit errors.
const (
	MaxRate      = 1e6
	MaxAmount    = 1e15
	MaxPERTShape = 1000
)

// model is a validated, compiled Scenario ready to sample years.
type model struct {
	currency outsourcing.Currency
	rate     float64 // fixed rate × vulnerability
	expNeg   float64 // exp(−rate)
	ratePERT *pert   // yearly rate distribution, nil when fixed
	vuln     float64
	kind     MagnitudeKind
	mag      pert // PERT magnitude
	logn     lognormal
	tri      triangular
	lo, hi   float64 // uniform
}

// compile validates s; path is its JSON pointer ("/risks/3/loss").
func (s Scenario) compile(path string) (*model, error) {
	var errs []error
	bad := func(p, format string, args ...any) { errs = append(errs, errorf(path+"/"+p, format, args...)) }
	m := &model{vuln: 1, kind: s.Magnitude.Distribution}
	if v := s.Vulnerability; v != nil {
		if !(*v >= 0 && *v <= 1) {
			bad("vulnerability", "vulnerability %g is outside 0..1", *v)
		} else {
			m.vuln = *v
		}
	}
	f := s.Frequency
	switch {
	case f.PERT != nil && f.Rate != 0:
		bad("frequency", "set either rate or pert, not both")
	case f.PERT != nil:
		if err := checkPERT(jsonptr.Append(path, "frequency", "pert"), f.PERT.Min, f.PERT.Mode, f.PERT.Max, f.PERT.Shape); err != nil {
			errs = append(errs, err)
		} else if f.PERT.Min < 0 {
			bad("frequency/pert/min", "rate %g is negative", f.PERT.Min)
		} else if f.PERT.Max > MaxRate {
			errs = append(errs, limitf(jsonptr.Append(path, "frequency", "pert", "max"), "rate %g is above the limit of %g events a year", f.PERT.Max, MaxRate))
		} else {
			p := newPERT(f.PERT.Min, f.PERT.Mode, f.PERT.Max, f.PERT.Shape)
			m.ratePERT = &p
		}
	case !(f.Rate >= 0) || math.IsInf(f.Rate, 0):
		bad("frequency/rate", "rate %g must be a finite number ≥ 0", f.Rate)
	case f.Rate > MaxRate:
		errs = append(errs, limitf(jsonptr.Append(path, "frequency", "rate"), "rate %g is above the limit of %g events a year", f.Rate, MaxRate))
	default:
		m.rate = f.Rate * m.vuln
		m.expNeg = math.Exp(-m.rate)
	}
	if err := m.compileMagnitude(jsonptr.Append(path, "magnitude"), s.Magnitude); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return m, nil
}

// compileMagnitude checks the magnitude's amounts and fits its distribution.
func (m *model) compileMagnitude(path string, g Magnitude) error {
	var errs []error
	amount := func(name string, v *outsourcing.Money) float64 {
		if v == nil || !v.IsSet() {
			errs = append(errs, errorf(jsonptr.Append(path, name), "%s is required for a %s distribution", name, g.Distribution))
			return math.NaN()
		}
		if m.currency == "" {
			m.currency = v.Currency()
		} else if v.Currency() != m.currency {
			errs = append(errs, mismatch(jsonptr.Append(path, name), v.Currency(), m.currency))
		}
		x := v.Amount().Float64()
		if math.Abs(x) > MaxAmount {
			errs = append(errs, limitf(jsonptr.Append(path, name), "amount %s %s is above the limit of %g", outsourcing.DecimalOf(v.Amount().Shopspring()).String(), v.Currency(), MaxAmount))
		}
		return x
	}
	switch g.Distribution {
	case MagnitudePERT, MagnitudeTriangular:
		lo, mode, hi := amount("min", g.Min), amount("mode", g.Mode), amount("max", g.Max)
		if len(errs) > 0 {
			return errors.Join(errs...)
		}
		if err := checkPERT(path, lo, mode, hi, g.Shape); err != nil {
			return err
		}
		if lo < 0 {
			return errorf(jsonptr.Append(path, "min"), "loss %g is negative", lo)
		}
		m.mag, m.tri = newPERT(lo, mode, hi, g.Shape), triangular{lo, mode, hi}
	case MagnitudeLognormal:
		lo, hi := amount("low", g.Low), amount("high", g.High)
		if len(errs) > 0 {
			return errors.Join(errs...)
		}
		if !(lo > 0) {
			return errorf(jsonptr.Append(path, "low"), "lognormal interval low %g must be > 0", lo)
		}
		if !(lo < hi) {
			return errorf(jsonptr.Append(path, "high"), "lognormal interval low %g must be below high %g", lo, hi)
		}
		m.logn = fitLognormal(lo, hi)
		if mean := m.logn.mean(); !(mean <= MaxAmount) {
			return limitf(jsonptr.Append(path, "high"), "lognormal interval [%g, %g] gives a mean loss of %g per event, above the limit of %g", lo, hi, mean, MaxAmount)
		}
	case MagnitudeUniform:
		lo, hi := amount("min", g.Min), amount("max", g.Max)
		if len(errs) > 0 {
			return errors.Join(errs...)
		}
		if !(lo >= 0) {
			return errorf(jsonptr.Append(path, "min"), "loss %g is negative", lo)
		}
		if !(hi > lo) {
			return errorf(jsonptr.Append(path, "max"), "max %g must be above min %g", hi, lo)
		}
		m.lo, m.hi = lo, hi
	default:
		return enumError(jsonptr.Append(path, "distribution"), "distribution", string(g.Distribution), magnitudeKinds)
	}
	return errors.Join(errs...)
}

// checkPERT checks min ≤ mode ≤ max, min < max, all finite, 0 ≤ shape ≤
// MaxPERTShape.
func checkPERT(path string, lo, mode, hi, shape float64) error {
	for _, v := range []float64{lo, mode, hi, shape} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return errorf(path, "parameters must be finite numbers")
		}
	}
	switch {
	case !(hi > lo):
		return errorf(jsonptr.Append(path, "max"), "max %g must be above min %g", hi, lo)
	case lo > mode:
		return errorf(jsonptr.Append(path, "mode"), "min %g is above mode %g", lo, mode)
	case mode > hi:
		return errorf(jsonptr.Append(path, "mode"), "mode %g is above max %g", mode, hi)
	case shape < 0:
		return errorf(jsonptr.Append(path, "shape"), "shape %g is negative", shape)
	case shape > MaxPERTShape:
		return limitf(jsonptr.Append(path, "shape"), "shape %g is above the limit of %d", shape, MaxPERTShape)
	}
	return nil
}

// magnitudeMean is the analytic mean loss per event.
func (m *model) magnitudeMean() float64 {
	switch m.kind {
	case MagnitudePERT:
		return m.mag.mean()
	case MagnitudeLognormal:
		return m.logn.mean()
	case MagnitudeTriangular:
		return m.tri.mean()
	default:
		return (m.lo + m.hi) / 2
	}
}

// eventRate is the analytic mean number of loss events per year.
func (m *model) eventRate() float64 {
	if m.ratePERT != nil {
		return m.ratePERT.mean() * m.vuln
	}
	return m.rate
}

// ale is the analytic annualised loss expectancy, E[N]·E[X] (Wald).
func (m *model) ale() float64 { return m.eventRate() * m.magnitudeMean() }

// magnitude draws one loss.
func (m *model) magnitude(r *rand.Rand) float64 {
	switch m.kind {
	case MagnitudeLognormal:
		return math.Exp(m.logn.mu + m.logn.sigma*r.NormFloat64())
	case MagnitudePERT:
		return m.mag.sample(r)
	case MagnitudeTriangular:
		return m.tri.sample(r.Float64())
	default:
		return m.lo + (m.hi-m.lo)*r.Float64()
	}
}

// year draws one simulated year's total loss.
func (m *model) year(r *rand.Rand) float64 {
	rate, expNeg := m.rate, m.expNeg
	if m.ratePERT != nil {
		rate = m.ratePERT.sample(r) * m.vuln
		expNeg = math.Exp(-rate)
	}
	n := poisson(r, rate, expNeg)
	loss := 0.0
	for range n {
		loss += m.magnitude(r)
	}
	return loss
}

// ALE returns the analytic annualised loss expectancy E[rate] ×
// vulnerability × E[magnitude], rounded half-even to the currency's minor
// units. Invalid scenarios return the errors Simulate would.
func (s Scenario) ALE() (outsourcing.Money, error) {
	m, err := s.compile("")
	if err != nil {
		return outsourcing.Money{}, wrap(err)
	}
	return toMoney(m.ale(), m.currency), nil
}

// toMoney converts a simulated amount to Money, rounded half-even to the
// currency's minor units.
func toMoney(x float64, c outsourcing.Currency) outsourcing.Money {
	m, _ := outsourcing.NewMoney(outsourcing.DecimalOf(decimal.NewFromFloat(x)), outsourcing.Currency(string(c)))
	return m.Round(outsourcing.RoundHalfEven)
}
