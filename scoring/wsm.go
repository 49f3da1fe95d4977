package scoring

import "math"

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
	// Affine columns fold into one constant plus Σ coef·x.
	coef := make([]float64, 2*n)
	inv := coef[n:]
	base := 0.0
	for j, t := range ts {
		base += s.Weights[j] * t.a
		if t.recip {
			inv[j] = s.Weights[j] * t.b
		} else {
			coef[j] = s.Weights[j] * t.b
		}
	}
	coef = coef[:n]
	anyRecip := false
	for _, t := range ts {
		anyRecip = anyRecip || t.recip
	}
	for i := range s.Values {
		row := m.data[i*n : (i+1)*n : (i+1)*n]
		acc := base
		for j, x := range row {
			acc += coef[j] * x
		}
		if anyRecip {
			for j, x := range row {
				if inv[j] != 0 {
					acc += inv[j] / x
				}
			}
		}
		s.Values[i] = acc
	}
	return s, nil
}

// WPM scores m by the weighted product model: Pᵢ = Πⱼ rᵢⱼ^wⱼ where r is
// m normalised by norm (empty: linear, so that Pᵢ ∝ Πⱼ xᵢⱼ^wⱼ for
// benefit and xᵢⱼ^−wⱼ for cost criteria, Bridgman's original form) and w
// sums to 1. Higher is better. A normalised value of 0 (possible with
// min_max) makes the product 0.
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
			logP += s.Weights[j] * math.Log(ts[j].apply(x))
		}
		s.Values[i] = math.Exp(logP)
	}
	return s, nil
}
