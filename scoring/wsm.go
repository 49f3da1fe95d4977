package scoring

import (
	"math"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// WSM scores m by the weighted sum model: Sᵢ = Σⱼ wⱼ·rᵢⱼ where r is m
// normalised by norm (empty: linear) and w is normalised to sum 1.
// Higher is better. It runs in two passes over the flat matrix and
// allocates a fixed number of slices whatever the number of criteria.
func WSM(m *Matrix, w []float64, norm Normalization, policy ConstantPolicy) (_ *Scores, err error) {
	defer wrapErr(&err)
	s, ts, _, err := normalizedScores(m, w, MethodWSM, norm, policy)
	if err != nil {
		return nil, err
	}
	n := len(ts)
	// Σ wⱼ(aⱼ + bⱼ(x − cⱼ)) = Σ wⱼaⱼ + Σ coefⱼ(x − cⱼ): the constant
	// folds, the shift stays inside so that values far from zero keep
	// their digits; reciprocal columns add invⱼ/x.
	buf := make([]float64, 3*n)
	coef, shift, inv := buf[:n:n], buf[n:2*n:2*n], buf[2*n:]
	base, anyRecip := 0.0, false
	for j, t := range ts {
		base += s.Weights[j] * t.a
		if t.recip {
			inv[j], anyRecip = s.Weights[j]*t.b, true
		} else {
			coef[j], shift[j] = s.Weights[j]*t.b, t.c
		}
	}
	for i := range s.Values {
		row := m.data[i*n : (i+1)*n : (i+1)*n]
		acc := base + affineSum(row, coef, shift)
		if anyRecip {
			for j, x := range row {
				if inv[j] != 0 {
					acc += inv[j] / x
				}
			}
		}
		s.Values[i] = acc
	}
	return s, finite(s)
}

// WPM scores m by the weighted product model: Pᵢ = Πⱼ rᵢⱼ^wⱼ where r is
// m normalised by norm (empty: linear, so that Pᵢ ∝ Πⱼ xᵢⱼ^wⱼ for
// benefit and xᵢⱼ^−wⱼ for cost criteria, Bridgman's original form) and w
// sums to 1. Higher is better. A normalised value of 0 (possible with
// min_max) makes the product 0; a negative one (vector normalisation of
// a benefit column with negative values) has no real power, and is an
// error at the criterion ("/criteria/j").
func WPM(m *Matrix, w []float64, norm Normalization, policy ConstantPolicy) (_ *Scores, err error) {
	defer wrapErr(&err)
	s, ts, _, err := normalizedScores(m, w, MethodWPM, norm, policy)
	if err != nil {
		return nil, err
	}
	n := len(ts)
	for i := range s.Values {
		row := m.data[i*n : (i+1)*n]
		logP := 0.0
		for j, x := range row {
			if s.Weights[j] == 0 {
				continue
			}
			r := ts[j].apply(x)
			if r < 0 {
				return nil, outsourcing.FieldErrorf(jsonptr.Join("criteria", j), "criterion %q: %s normalisation gives %s the negative value %g, which the weighted product cannot raise to a power; use min_max",
					m.criteria[j].ID, s.Normalization, m.alternatives[i], r)
			}
			logP += s.Weights[j] * math.Log(r)
		}
		s.Values[i] = math.Exp(logP)
	}
	return s, finite(s)
}

// affineSum returns Σⱼ coefⱼ·(xⱼ − shiftⱼ) over one row, with two
// accumulators so that the additions do not wait on one another.
func affineSum(row, coef, shift []float64) float64 {
	n := len(row)
	coef, shift = coef[:n], shift[:n]
	var acc0, acc1 float64
	j := 0
	for ; j+1 < n; j += 2 {
		acc0 += coef[j] * (row[j] - shift[j])
		acc1 += coef[j+1] * (row[j+1] - shift[j+1])
	}
	if j < n {
		acc0 += coef[j] * (row[j] - shift[j])
	}
	return acc0 + acc1
}
