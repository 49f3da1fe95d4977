package scoring

import (
	"math"

	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// TOPSISDetail holds the Euclidean distances of each alternative to the
// positive ideal (DPlus) and negative ideal (DMinus) solution.
type TOPSISDetail struct {
	DPlus  []float64 `json:"d_plus"`
	DMinus []float64 `json:"d_minus"`
}

// TOPSIS scores m by Hwang & Yoon's (1981) technique for order of
// preference by similarity to the ideal solution:
//
//	vᵢⱼ = wⱼ·rᵢⱼ            r: m normalised by norm (empty: vector)
//	A⁺ⱼ = maxᵢ vᵢⱼ, A⁻ⱼ = minᵢ vᵢⱼ  (after normalisation every criterion is more-is-better)
//	D⁺ᵢ = ‖vᵢ − A⁺‖₂, D⁻ᵢ = ‖vᵢ − A⁻‖₂
//	Cᵢ  = D⁻ᵢ/(D⁺ᵢ + D⁻ᵢ) ∈ [0, 1], higher is better.
//
// With vector normalisation the cost columns are 1 − x/‖x‖, a shift that
// leaves every distance equal to Hwang & Yoon's x/‖x‖ with a minimised
// ideal. When an alternative is both ideal and anti-ideal (every weighted
// criterion constant) its closeness is undefined and an error naming it
// is returned. It makes two passes over the flat matrix and allocates a
// fixed number of slices whatever the number of criteria.
func TOPSIS(m *Matrix, w []float64, norm Normalization, policy ConstantPolicy) (_ *Scores, err error) {
	defer wrapErr(&err)
	s, ts, st, err := normalizedScores(m, w, MethodTOPSIS, norm, policy)
	if err != nil {
		return nil, err
	}
	rows, n := m.Rows(), len(ts)
	d := make([]float64, 2*rows)
	s.TOPSIS = &TOPSISDetail{DPlus: d[:rows:rows], DMinus: d[rows:]}
	// Per column: v = A + B·x (or A + B/x); ideal P, anti-ideal N in v units.
	buf := make([]float64, 4*n)
	A, B, P, N := buf[:n:n], buf[n:2*n:2*n], buf[2*n:3*n:3*n], buf[3*n:]
	recip := false
	for j, t := range ts {
		wj := s.Weights[j]
		A[j], B[j] = wj*t.a, wj*t.b
		P[j], N[j] = wj*t.hi(st.min[j], st.max[j]), wj*t.lo(st.min[j], st.max[j])
		recip = recip || t.recip
	}
	if !recip {
		// v − P = B·x − (P − A): fold A into the targets.
		for j := range n {
			P[j] -= A[j]
			N[j] -= A[j]
		}
		topsisAffine(m.data, n, B, P, N, s.TOPSIS.DPlus, s.TOPSIS.DMinus)
	} else {
		for i := range rows {
			row := m.data[i*n : (i+1)*n]
			var dp, dn float64
			for j, x := range row {
				v := A[j] + B[j]*x
				if ts[j].recip {
					v = A[j] + B[j]/x
				}
				dp += (v - P[j]) * (v - P[j])
				dn += (v - N[j]) * (v - N[j])
			}
			s.TOPSIS.DPlus[i], s.TOPSIS.DMinus[i] = math.Sqrt(dp), math.Sqrt(dn)
		}
	}
	for i := range rows {
		dp, dn := s.TOPSIS.DPlus[i], s.TOPSIS.DMinus[i]
		if dp+dn == 0 {
			return nil, fieldError(jsonptr.Join("rows", i), "alternative %q is both ideal and anti-ideal: every weighted criterion is constant, closeness is undefined", m.alternatives[i])
		}
		s.Values[i] = dn / (dp + dn)
	}
	return s, nil
}

// topsisAffine computes the two distances for affine columns: v − P =
// B·x − P where P and N already have the offsets folded in.
func topsisAffine(data []float64, n int, B, P, N, dPlus, dMinus []float64) {
	B, P, N = B[:n:n], P[:n:n], N[:n:n]
	for i := range dPlus {
		row := data[i*n : (i+1)*n : (i+1)*n]
		var dp, dn float64
		for j, x := range row {
			v := B[j] * x
			a := v - P[j]
			b := v - N[j]
			dp += a * a
			dn += b * b
		}
		dPlus[i], dMinus[i] = math.Sqrt(dp), math.Sqrt(dn)
	}
}
