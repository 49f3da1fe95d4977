package scoring

import (
	"math"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// TOPSISDetail shows TOPSIS's work in the standard convention of Hwang &
// Yoon (1981): for the vector and max normalisations a cost column is
// x/‖x‖ (x/max) and its ideal is the column's minimum; the min_max, sum
// and linear normalisations already turn cost into benefit, so every
// ideal is a maximum. Distances are the same either way.
type TOPSISDetail struct {
	// DPlus is each alternative's Euclidean distance to the positive ideal.
	DPlus []float64 `json:"d_plus"`
	// DMinus is each alternative's Euclidean distance to the negative ideal.
	DMinus []float64 `json:"d_minus"`
	// IdealPositive and IdealNegative are the ideal solutions A⁺ and A⁻ in
	// weighted normalised units, one per criterion.
	IdealPositive []float64 `json:"ideal_positive"`
	IdealNegative []float64 `json:"ideal_negative"`
	// Weighted is the weighted normalised matrix vᵢⱼ, row-major, when
	// Config.ShowWork is set (it holds rows × criteria numbers).
	Weighted []float64 `json:"weighted,omitempty"`
}

// TOPSIS scores m by Hwang & Yoon's (1981) technique for order of
// preference by similarity to the ideal solution:
//
//	vᵢⱼ = wⱼ·rᵢⱼ            r: m normalised by norm (empty: vector)
//	A⁺ⱼ = best vᵢⱼ, A⁻ⱼ = worst vᵢⱼ (the raw values where r is largest and smallest)
//	D⁺ᵢ = ‖vᵢ − A⁺‖₂, D⁻ᵢ = ‖vᵢ − A⁻‖₂
//	Cᵢ  = D⁻ᵢ/(D⁺ᵢ + D⁻ᵢ) ∈ [0, 1], higher is better.
//
// Alternatives and ideals go through one order of operations: the
// difference to A⁺ is wⱼbⱼ·(xᵢⱼ − x⁺ⱼ) on the raw values (bⱼ the
// column's scale, x⁺ the raw value at the ideal) and the one to A⁻ that
// plus wⱼbⱼ·(x⁺ⱼ − x⁻ⱼ), so an alternative worst on every criterion has
// D⁻ exactly 0 and closeness exactly 0, and values far from zero lose no
// digits.
// When an alternative is both ideal and anti-ideal (D⁺ = D⁻ = 0: it
// equals every other alternative on every weighted criterion, which is
// always the case for a single alternative) its closeness is undefined
// and an error pointing at its row is returned. Score with
// Config.IdealPositive and IdealNegative takes fixed reference ideals,
// and with Config.ShowWork the weighted normalised matrix. It makes two
// passes over the flat matrix and allocates a fixed number of slices
// whatever the number of criteria.
func TOPSIS(m *Matrix, w []float64, norm Normalization, policy ConstantPolicy) (_ *Scores, err error) {
	defer wrapErr(&err)
	return topsis(m, w, Config{Method: MethodTOPSIS, Normalization: norm, Constant: policy})
}

func topsis(m *Matrix, w []float64, cfg Config) (*Scores, error) {
	s, ts, st, err := normalizedScores(m, w, MethodTOPSIS, cfg.Normalization, cfg.Constant)
	if err != nil {
		return nil, err
	}
	rows, n := m.Rows(), len(ts)
	d := make([]float64, 2*rows)
	detail := &TOPSISDetail{DPlus: d[:rows:rows], DMinus: d[rows:], IdealPositive: make([]float64, n), IdealNegative: make([]float64, n)}
	s.TOPSIS = detail
	// Per column: the weighted scale W and the ideals P, N in raw units
	// (reciprocals for 1/x columns).
	buf := make([]float64, 3*n)
	W, P, N := buf[:n:n], buf[n:2*n:2*n], buf[2*n:]
	recip := false
	for j, t := range ts {
		W[j] = s.Weights[j] * t.b
		P[j], N[j] = t.best(st.min[j], st.max[j]), t.worst(st.min[j], st.max[j])
		if cfg.IdealPositive != nil {
			P[j] = cfg.IdealPositive[j]
		}
		if cfg.IdealNegative != nil {
			N[j] = cfg.IdealNegative[j]
		}
		detail.IdealPositive[j] = s.Weights[j] * t.standard(P[j])
		detail.IdealNegative[j] = s.Weights[j] * t.standard(N[j])
		if t.recip {
			P[j], N[j], recip = 1/P[j], 1/N[j], true
		}
	}
	if !recip {
		topsisAffine(m.data, n, W, P, N, detail.DPlus, detail.DMinus)
	} else {
		for i := range rows {
			var dp, dn float64
			for j, x := range m.data[i*n : (i+1)*n] {
				if ts[j].recip {
					x = 1 / x
				}
				a, b := W[j]*(x-P[j]), W[j]*(x-N[j])
				dp += a * a
				dn += b * b
			}
			detail.DPlus[i], detail.DMinus[i] = math.Sqrt(dp), math.Sqrt(dn)
		}
	}
	for i := range rows {
		dp, dn := detail.DPlus[i], detail.DMinus[i]
		if dp+dn == 0 {
			return nil, outsourcing.FieldErrorf(jsonptr.Join("rows", i), "alternative %q is both ideal and anti-ideal (it equals the ideals on every weighted criterion): closeness is undefined",
				m.alternatives[i])
		}
		s.Values[i] = dn / (dp + dn)
	}
	if cfg.ShowWork {
		detail.Weighted = make([]float64, len(m.data))
		for k, x := range m.data {
			detail.Weighted[k] = s.Weights[k%n] * ts[k%n].standard(x)
		}
	}
	return s, finite(s)
}

// topsisAffine computes the two distances when every column is affine:
// the differences are a = W·(x − P) on raw values and a + W·(P − N). Both
// are exactly 0 at the ideal and the anti-ideal (W·(N − P) = −W·(P − N)),
// and their errors are relative to the column's weighted range, never to
// the size of the values.
func topsisAffine(data []float64, n int, W, P, N, dPlus, dMinus []float64) {
	W, P = W[:n:n], P[:n:n]
	K := make([]float64, n)
	for j := range K {
		K[j] = W[j] * (P[j] - N[j])
	}
	for i := range dPlus {
		row := data[i*n : (i+1)*n : (i+1)*n]
		// Two accumulators per distance so the additions overlap.
		var dp0, dn0, dp1, dn1 float64
		j := 0
		for ; j+1 < n; j += 2 {
			a0, a1 := W[j]*(row[j]-P[j]), W[j+1]*(row[j+1]-P[j+1])
			b0, b1 := a0+K[j], a1+K[j+1]
			dp0 += a0 * a0
			dn0 += b0 * b0
			dp1 += a1 * a1
			dn1 += b1 * b1
		}
		if j < n {
			a := W[j] * (row[j] - P[j])
			b := a + K[j]
			dp0 += a * a
			dn0 += b * b
		}
		dPlus[i], dMinus[i] = math.Sqrt(dp0+dp1), math.Sqrt(dn0+dn1)
	}
}
