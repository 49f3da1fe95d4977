package scoring

import (
	"errors"
	"math"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// PreferenceFunction is one of Brans & Vincke's (1985) six generalised
// criteria, mapping the difference d = g(a) − g(b) (reversed for a cost
// criterion) to a preference degree P(d) ∈ [0, 1]; P(d) = 0 for d ≤ 0.
type PreferenceFunction string

// Preference functions (q: indifference, p: preference threshold, s:
// Gaussian parameter, all in the criterion's unit).
const (
	// PreferenceUsual (type I): P = 1 for d > 0.
	PreferenceUsual PreferenceFunction = "usual"
	// PreferenceUShape (type II, quasi-criterion): P = 0 for d ≤ q, 1 for d > q.
	PreferenceUShape PreferenceFunction = "u_shape"
	// PreferenceVShape (type III): P = d/p for 0 < d ≤ p, 1 for d > p.
	PreferenceVShape PreferenceFunction = "v_shape"
	// PreferenceLevel (type IV): P = 0 for d ≤ q, ½ for q < d ≤ p, 1 for d > p.
	PreferenceLevel PreferenceFunction = "level"
	// PreferenceLinear (type V, V-shape with indifference): P = 0 for
	// d ≤ q, (d − q)/(p − q) for q < d ≤ p, 1 for d > p.
	PreferenceLinear PreferenceFunction = "linear"
	// PreferenceGaussian (type VI): P = 1 − exp(−d²/(2s²)) for d > 0.
	PreferenceGaussian PreferenceFunction = "gaussian"
)

var preferenceFunctions = []PreferenceFunction{PreferenceUsual, PreferenceUShape, PreferenceVShape, PreferenceLevel, PreferenceLinear, PreferenceGaussian}

// String returns the function name.
func (f PreferenceFunction) String() string { return string(f) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown functions.
func (f PreferenceFunction) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(f, "preference function", preferenceFunctions)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown functions.
func (f *PreferenceFunction) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(f, b, "preference function", preferenceFunctions)
}

// Preference is the generalised criterion of one criterion in PROMETHEE.
// Thresholds are in the criterion's unit and must be finite and
// non-negative: Q is the indifference threshold (u_shape, level, linear),
// P the preference threshold (v_shape needs P > 0; level and linear need
// Q < P) and S the Gaussian parameter (gaussian needs S > 0).
type Preference struct {
	// Function is the generalised criterion's shape.
	Function PreferenceFunction `json:"function"`
	// Q is the indifference threshold.
	Q float64 `json:"q,omitempty"`
	// P is the preference threshold.
	P float64 `json:"p,omitempty"`
	// S is the Gaussian parameter.
	S float64 `json:"s,omitempty"`
}

// degree returns P(d).
func (p Preference) degree(d float64) float64 {
	if d <= 0 {
		return 0
	}
	switch p.Function {
	case PreferenceUShape:
		if d <= p.Q {
			return 0
		}
		return 1
	case PreferenceVShape:
		if d <= p.P {
			return d / p.P
		}
		return 1
	case PreferenceLevel:
		switch {
		case d <= p.Q:
			return 0
		case d <= p.P:
			return 0.5
		}
		return 1
	case PreferenceLinear:
		switch {
		case d <= p.Q:
			return 0
		case d <= p.P:
			return (d - p.Q) / (p.P - p.Q)
		}
		return 1
	case PreferenceGaussian:
		return 1 - math.Exp(-d*d/(2*p.S*p.S))
	}
	return 1 // usual
}

// checkPreferences checks one valid preference function per criterion.
func checkPreferences(prefs []Preference, n int) error {
	if len(prefs) != n {
		return outsourcing.FieldErrorf("/preferences", "%d preference functions for %d criteria", len(prefs), n)
	}
	var errs []error
	for j, p := range prefs {
		errs = append(errs, p.validate(jsonptr.Join("preferences", j)))
	}
	return errors.Join(errs...)
}

// validate checks the thresholds the function uses.
func (p Preference) validate(path string) error {
	if err := enumError(path+"/function", "preference function", p.Function, preferenceFunctions); err != nil {
		return err
	}
	for _, v := range []float64{p.Q, p.P, p.S} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return outsourcing.FieldErrorf(path, "thresholds must be finite and non-negative")
		}
	}
	switch p.Function {
	case PreferenceVShape:
		if p.P <= 0 {
			return outsourcing.FieldErrorf(path+"/p", "v_shape needs p > 0")
		}
	case PreferenceLevel, PreferenceLinear:
		if !(p.Q < p.P) {
			return outsourcing.FieldErrorf(path, "%s needs q < p (q %g, p %g)", p.Function, p.Q, p.P)
		}
	case PreferenceGaussian:
		if p.S <= 0 {
			return outsourcing.FieldErrorf(path+"/s", "gaussian needs s > 0")
		}
	}
	return nil
}

// PROMETHEEDetail holds the outranking flows of PROMETHEE I/II.
type PROMETHEEDetail struct {
	// Plus is the leaving (positive) flow φ⁺(a) = Σ_b π(a,b)/(n − 1).
	Plus []float64 `json:"plus"`
	// Minus is the entering (negative) flow φ⁻(a) = Σ_b π(b,a)/(n − 1).
	Minus []float64 `json:"minus"`
}

// PROMETHEEII scores m by Brans & Vincke's (1985) PROMETHEE II: for each
// pair, π(a,b) = Σⱼ wⱼ·Pⱼ(dⱼ(a,b)) with w summing to 1 and dⱼ the
// difference of the raw values (b − a for cost criteria); the net flow
// φ(a) = φ⁺(a) − φ⁻(a) ∈ [−1, 1] is the score, higher is better. prefs
// gives one preference function per criterion (nil: usual for all). It
// needs at least two alternatives and costs O(m²·n) time.
func PROMETHEEII(m *Matrix, w []float64, prefs []Preference) (_ *Scores, err error) {
	defer wrapErr(&err)
	phi, err := prometheeFlows(m, prefs)
	if err != nil {
		return nil, err
	}
	s, err := newScores(m, w, MethodPROMETHEEII, "", true)
	if err != nil {
		return nil, err
	}
	rows, n := m.Rows(), m.Cols()
	s.PROMETHEE = &PROMETHEEDetail{Plus: make([]float64, rows), Minus: make([]float64, rows)}
	for i := range rows {
		for j := range n {
			s.PROMETHEE.Plus[i] += s.Weights[j] * phi.plus[i*n+j]
			s.PROMETHEE.Minus[i] += s.Weights[j] * phi.minus[i*n+j]
		}
		s.Values[i] = s.PROMETHEE.Plus[i] - s.PROMETHEE.Minus[i]
	}
	return s, nil
}

// uniFlows are the single-criterion leaving and entering flows, row-major:
// π is linear in the weights, so φ⁺(a) = Σⱼ wⱼ·plus[a][j].
type uniFlows struct{ plus, minus []float64 }

func prometheeFlows(m *Matrix, prefs []Preference) (uniFlows, error) {
	rows, n := m.Rows(), m.Cols()
	if rows < 2 {
		return uniFlows{}, outsourcing.FieldErrorf("/alternatives", "promethee needs at least two alternatives")
	}
	if prefs == nil {
		prefs = make([]Preference, n)
		for j := range prefs {
			prefs[j].Function = PreferenceUsual
		}
	}
	if err := checkPreferences(prefs, n); err != nil {
		return uniFlows{}, err
	}
	f := uniFlows{plus: make([]float64, rows*n), minus: make([]float64, rows*n)}
	norm := 1 / float64(rows-1)
	for j, p := range prefs {
		sign := 1.0
		if m.criteria[j].Type == CriterionTypeCost {
			sign = -1
		}
		for a := range rows {
			xa := m.data[a*n+j]
			for b := a + 1; b < rows; b++ {
				d := sign * (xa - m.data[b*n+j])
				pab, pba := p.degree(d)*norm, p.degree(-d)*norm
				f.plus[a*n+j] += pab
				f.minus[b*n+j] += pab
				f.plus[b*n+j] += pba
				f.minus[a*n+j] += pba
			}
		}
	}
	return f, nil
}
