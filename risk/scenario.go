package risk

import (
	"errors"
	"math"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/shopspring/decimal"
)

// Scenario is a FAIR-style loss model of one risk: threat events arrive
// at Frequency per year, each becomes a loss event with the vulnerability
// (given, or P(TCap > RS) from ThreatCapability and ResistanceStrength),
// and each loss costs a draw from Magnitude. Annual loss = Σ magnitudes of
// the year's loss events.
type Scenario struct {
	// Frequency is the threat event frequency per year.
	Frequency Frequency `json:"frequency"`
	// Vulnerability is the probability (0..1) that a threat event becomes a
	// loss event; nil means 1, or FAIRVulnerability of ThreatCapability
	// and ResistanceStrength when both are set (they exclude
	// Vulnerability). Thinning keeps the count's family (see Frequency):
	// loss events are Poisson(rate × vulnerability) for a Poisson rate.
	Vulnerability *float64 `json:"vulnerability,omitempty"`
	// ThreatCapability and ResistanceStrength are FAIR's TCap and RS on
	// one scale (typically 0–100), set together.
	ThreatCapability   *PERT `json:"threat_capability,omitempty"`
	ResistanceStrength *PERT `json:"resistance_strength,omitempty"`
	// Magnitude is the loss per loss event.
	Magnitude Magnitude `json:"magnitude"`
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

// check validates p, reporting under path.
func (p PERT) check(path string) error { return checkPERT(path, p.Min, p.Mode, p.Max, p.Shape) }

// compile returns the distribution of checked parameters.
func (p PERT) compile() pert { return newPERT(p.Min, p.Mode, p.Max, p.Shape) }

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
	count    counter // loss events a year, thinned by vuln
	tef      float64 // mean threat events a year
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
	m := &model{vuln: 1, kind: s.Magnitude.Distribution}
	switch tc, rs := s.ThreatCapability, s.ResistanceStrength; {
	case (tc == nil) != (rs == nil):
		errs = append(errs, outsourcing.FieldErrorf(path+"/threat_capability", "set threat_capability and resistance_strength together"))
	case tc != nil && s.Vulnerability != nil:
		errs = append(errs, outsourcing.FieldErrorf(path+"/vulnerability", "set vulnerability or threat_capability and resistance_strength, not both"))
	case tc != nil:
		v, err := fairVulnerability(path, *tc, *rs)
		if err != nil {
			errs = append(errs, err)
		}
		m.vuln = v
	case s.Vulnerability != nil:
		if v := *s.Vulnerability; !(v >= 0 && v <= 1) {
			errs = append(errs, outsourcing.FieldErrorf(path+"/vulnerability", "vulnerability %g is outside 0..1", v))
		} else {
			m.vuln = v
		}
	}
	c, err := compileFrequency(path+"/frequency", s.Frequency, m.vuln)
	if err != nil {
		errs = append(errs, err)
	}
	m.count = c
	if tef, err := compileFrequency("", s.Frequency, 1); err == nil {
		m.tef = tef.mean()
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
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, name), "%s is required for a %s distribution", name, g.Distribution))
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
			return outsourcing.FieldErrorf(jsonptr.Append(path, "min"), "loss %g is negative", lo)
		}
		m.mag, m.tri = newPERT(lo, mode, hi, g.Shape), triangular{lo, mode, hi}
	case MagnitudeLognormal:
		lo, hi := amount("low", g.Low), amount("high", g.High)
		if len(errs) > 0 {
			return errors.Join(errs...)
		}
		if !(lo > 0) {
			return outsourcing.FieldErrorf(jsonptr.Append(path, "low"), "lognormal interval low %g must be > 0", lo)
		}
		if !(lo < hi) {
			return outsourcing.FieldErrorf(jsonptr.Append(path, "high"), "lognormal interval low %g must be below high %g", lo, hi)
		}
		m.logn = fitLognormal(lo, hi)
		if mean, v := m.logn.mean(), m.logn.variance(); !(mean <= MaxAmount) || math.IsInf(v, 0) {
			return limitf(jsonptr.Append(path, "high"), "lognormal interval [%g, %g] gives a mean loss of %g per event, above the limit of %g", lo, hi, mean, MaxAmount)
		}
	case MagnitudeUniform:
		lo, hi := amount("min", g.Min), amount("max", g.Max)
		if len(errs) > 0 {
			return errors.Join(errs...)
		}
		if !(lo >= 0) {
			return outsourcing.FieldErrorf(jsonptr.Append(path, "min"), "loss %g is negative", lo)
		}
		if !(hi > lo) {
			return outsourcing.FieldErrorf(jsonptr.Append(path, "max"), "max %g must be above min %g", hi, lo)
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
			return outsourcing.FieldErrorf(path, "parameters must be finite numbers")
		}
	}
	switch {
	case !(hi > lo):
		return outsourcing.FieldErrorf(jsonptr.Append(path, "max"), "max %g must be above min %g", hi, lo)
	case lo > mode:
		return outsourcing.FieldErrorf(jsonptr.Append(path, "mode"), "min %g is above mode %g", lo, mode)
	case mode > hi:
		return outsourcing.FieldErrorf(jsonptr.Append(path, "mode"), "mode %g is above max %g", mode, hi)
	case shape < 0:
		return outsourcing.FieldErrorf(jsonptr.Append(path, "shape"), "shape %g is negative", shape)
	case shape > MaxPERTShape:
		return limitf(jsonptr.Append(path, "shape"), "shape %g is above the limit of %d", shape, MaxPERTShape)
	case math.IsInf((hi-lo)*(hi-lo), 0):
		// The variance is at most (max − min)²/4: within float64 whenever
		// this square is; beyond it the moments are +Inf and quantiles NaN.
		return limitf(jsonptr.Append(path, "max"), "range %g to %g has no finite float64 variance", lo, hi)
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

// magnitudeVariance is the analytic variance of the loss per event.
func (m *model) magnitudeVariance() float64 {
	switch m.kind {
	case MagnitudePERT:
		return m.mag.variance()
	case MagnitudeLognormal:
		return m.logn.variance()
	case MagnitudeTriangular:
		return m.tri.variance()
	default:
		w := m.hi - m.lo
		return w * w / 12
	}
}

// magnitude draws one loss.
func (m *model) magnitude(src *pcg) float64 {
	switch m.kind {
	case MagnitudeLognormal:
		return fastExp(m.logn.mu + m.logn.sigma*normal(src))
	case MagnitudePERT:
		return m.mag.sample(src)
	case MagnitudeTriangular:
		return m.tri.sample(uniform(src))
	default:
		return m.lo + (m.hi-m.lo)*uniform(src)
	}
}

// year draws one simulated year's total loss.
func (m *model) year(src *pcg) float64 {
	n := m.count.draw(src)
	loss := 0.0
	for range n {
		loss += m.magnitude(src)
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
	return toMoney(m.count.mean()*m.magnitudeMean(), m.currency), nil
}

// toMoney converts a simulated amount to Money, rounded half-even to the
// currency's minor units.
func toMoney(x float64, c outsourcing.Currency) outsourcing.Money {
	m, _ := outsourcing.NewMoney(outsourcing.DecimalOf(decimal.NewFromFloat(x)), outsourcing.Currency(string(c)))
	return m.Round(outsourcing.RoundHalfEven)
}

// LognormalMagnitude returns a lognormal loss per event fitted to the 90%
// interval [low, high] in currency, from plain numbers (a notebook's
// quick path). A NaN or infinite bound is left unset, so the scenario
// reports it as missing.
func LognormalMagnitude(low, high float64, currency outsourcing.Currency) Magnitude {
	return Magnitude{Distribution: MagnitudeLognormal, Low: floatMoney(low, currency), High: floatMoney(high, currency)}
}

// PERTMagnitude returns a PERT loss per event (classic shape 4) in
// currency, from plain numbers; non-finite values are left unset.
func PERTMagnitude(min, mode, max float64, currency outsourcing.Currency) Magnitude {
	return Magnitude{Distribution: MagnitudePERT, Min: floatMoney(min, currency), Mode: floatMoney(mode, currency), Max: floatMoney(max, currency)}
}

// floatMoney converts a finite float64 to Money; nil otherwise.
func floatMoney(x float64, c outsourcing.Currency) *outsourcing.Money {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	m, err := outsourcing.NewMoney(outsourcing.DecimalOf(decimal.NewFromFloat(x)), outsourcing.Currency(string(c)))
	if err != nil {
		return nil
	}
	return &m
}
