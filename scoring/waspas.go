package scoring

import (
	"math"

	"github.com/outsourcing-go/outsourcing"
)

// WASPASDetail holds WASPAS's two parts and its λ.
type WASPASDetail struct {
	// Lambda is the weight of the weighted sum part.
	Lambda float64 `json:"lambda"`
	// WSM is each alternative's weighted sum Q⁽¹⁾.
	WSM []float64 `json:"wsm"`
	// WPM is each alternative's weighted product Q⁽²⁾.
	WPM []float64 `json:"wpm"`
}

// WASPAS scores m by the weighted aggregated sum product assessment of
// Zavadskas, Turskis, Antucheviciene & Zakarevicius (2012), Optimization
// of weighted aggregated sum product assessment, Elektronika ir
// Elektrotechnika 122(6), 3–6:
//
//	Qᵢ = λ·Σⱼ wⱼ·rᵢⱼ + (1 − λ)·Πⱼ rᵢⱼ^wⱼ,  λ ∈ [0, 1]
//
// with r the linear normalisation (x/max for benefit, min/x for cost)
// unless norm says otherwise; λ = 1 is WSM, λ = 0 WPM. Higher is better.
func WASPAS(m *Matrix, w []float64, lambda float64, norm Normalization, policy ConstantPolicy) (_ *Scores, err error) {
	defer wrapErr(&err)
	if err := checkLambda(lambda); err != nil {
		return nil, err
	}
	sum, err := WSM(m, w, norm, policy)
	if err != nil {
		return nil, err
	}
	prod, err := WPM(m, w, norm, policy)
	if err != nil {
		return nil, err
	}
	s := sum
	s.Method = MethodWASPAS
	s.WASPAS = &WASPASDetail{Lambda: lambda, WSM: sum.Values, WPM: prod.Values}
	s.Values = make([]float64, len(sum.Values))
	s.WASPAS.combine(s.Values)
	return s, finite(s)
}

// combine writes λ·WSM + (1 − λ)·WPM into q.
func (d *WASPASDetail) combine(q []float64) {
	for i := range q {
		q[i] = d.Lambda*d.WSM[i] + (1-d.Lambda)*d.WPM[i]
	}
}

// checkLambda reports a λ outside [0, 1] at "/lambda".
func checkLambda(l float64) error {
	if !(l >= 0 && l <= 1) {
		return outsourcing.FieldErrorf("/lambda", "lambda must lie in [0, 1], got %g", l)
	}
	return nil
}

// asGiven turns scores computed with weights normalised to sum 1 into
// those of the weights as given, whose sum is k: sums and distances scale
// by k, products are raised to the power k, and ratios (TOPSIS
// closeness, VIKOR's Q) do not change.
func (s *Scores) asGiven(given []float64, k float64) {
	s.Weights = append([]float64(nil), given...)
	scale := func(xs []float64) {
		for i := range xs {
			xs[i] *= k
		}
	}
	power := func(xs []float64) {
		for i := range xs {
			xs[i] = math.Pow(xs[i], k)
		}
	}
	switch s.Method {
	case MethodWSM:
		scale(s.Values)
	case MethodWPM:
		power(s.Values)
	case MethodTOPSIS:
		for _, xs := range [][]float64{s.TOPSIS.DPlus, s.TOPSIS.DMinus, s.TOPSIS.IdealPositive, s.TOPSIS.IdealNegative, s.TOPSIS.Weighted} {
			scale(xs)
		}
	case MethodVIKOR:
		scale(s.VIKOR.S)
		scale(s.VIKOR.R)
	case MethodPROMETHEEII:
		scale(s.Values)
		scale(s.PROMETHEE.Plus)
		scale(s.PROMETHEE.Minus)
	case MethodWASPAS:
		scale(s.WASPAS.WSM)
		power(s.WASPAS.WPM)
		s.WASPAS.combine(s.Values)
	}
}
