package scoring

import (
	"cmp"
	"math"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// VIKORDetail holds VIKOR's measures and its compromise solution.
type VIKORDetail struct {
	// V is the weight of the strategy of the majority of criteria.
	V float64 `json:"v"`
	// S is the group utility (weighted, normalised Manhattan distance to the best).
	S []float64 `json:"s"`
	// R is the individual regret (weighted, normalised Chebyshev distance).
	R []float64 `json:"r"`
	// Q is the compromise index; lower is better (also Scores.Values).
	Q []float64 `json:"q"`
	// DQ is the acceptable-advantage threshold 1/(J − 1).
	DQ float64 `json:"dq"`
	// AcceptableAdvantage is condition C1: Q(a″) − Q(a′) ≥ DQ.
	AcceptableAdvantage bool `json:"acceptable_advantage"`
	// AcceptableStability is condition C2: a′ is also best by S or by R.
	AcceptableStability bool `json:"acceptable_stability"`
	// Compromise is the compromise solution, best Q first: a′ alone when
	// C1 and C2 hold; a′ and a″ when only C2 fails; otherwise a′ … a⁽ᴹ⁾,
	// every alternative with Q(a⁽ᴹ⁾) − Q(a′) < DQ.
	Compromise []string `json:"compromise"`
}

// checkV reports a v outside [0, 1] at "/v".
func checkV(v float64) error {
	if !(v >= 0 && v <= 1) {
		return outsourcing.FieldErrorf("/v", "v must lie in [0, 1], got %g", v)
	}
	return nil
}

// vikorTol absorbs floating-point noise when VIKOR compares measures.
const vikorTol = 1e-12

// VIKOR scores m by Opricovic's method as in Opricovic & Tzeng (2004):
//
//	f*ⱼ, f⁻ⱼ = best and worst value of criterion j (max/min for benefit)
//	Sᵢ = Σⱼ wⱼ(f*ⱼ − xᵢⱼ)/(f*ⱼ − f⁻ⱼ),  Rᵢ = maxⱼ wⱼ(f*ⱼ − xᵢⱼ)/(f*ⱼ − f⁻ⱼ)
//	Qᵢ = v(Sᵢ − S*)/(S⁻ − S*) + (1 − v)(Rᵢ − R*)/(R⁻ − R*)
//
// with S* = min S, S⁻ = max S (likewise R) and v ∈ [0, 1] (0.5 by
// consensus). Values are Q, lower is better. A term whose denominator is
// zero (every alternative equal in S, or in R) is 0. A constant criterion
// is an error unless policy is ConstantPolicyNeutral (regret 0).
// Comparisons in the compromise conditions use a tolerance of 1e-12.
func VIKOR(m *Matrix, w []float64, v float64, policy ConstantPolicy) (_ *Scores, err error) {
	defer wrapErr(&err)
	if err := checkV(v); err != nil {
		return nil, err
	}
	if err := checkPolicy(policy); err != nil {
		return nil, err
	}
	s, err := newScores(m, w, MethodVIKOR, "", false)
	if err != nil {
		return nil, err
	}
	st := m.stats(false)
	rows, n := m.Rows(), m.Cols()
	best, scale := make([]float64, n), make([]float64, n)
	for j, c := range m.criteria {
		lo, hi := st.min[j], st.max[j]
		if hi == lo {
			if policy != ConstantPolicyNeutral {
				return nil, outsourcing.FieldErrorf(jsonptr.Join("criteria", j), "criterion %q: zero range (every value is %g): VIKOR's normalised regret is undefined",
					c.ID, lo)
			}
			continue // scale 0: regret 0
		}
		// regret = scale·(best − x): scale > 0 for benefit, < 0 for cost.
		best[j], scale[j] = hi, s.Weights[j]/(hi-lo)
		if c.Type == CriterionTypeCost {
			best[j], scale[j] = lo, -s.Weights[j]/(hi-lo)
		}
	}
	d := &VIKORDetail{V: v, S: make([]float64, rows), R: make([]float64, rows), Q: s.Values}
	for i := range rows {
		row := m.data[i*n : (i+1)*n]
		var sum, mx float64
		for j, x := range row {
			r := scale[j] * (best[j] - x)
			sum += r
			mx = math.Max(mx, r)
		}
		d.S[i], d.R[i] = sum, mx
	}
	sMin, sMax := slices.Min(d.S), slices.Max(d.S)
	rMin, rMax := slices.Min(d.R), slices.Max(d.R)
	for i := range rows {
		q := 0.0
		if sMax > sMin {
			q += v * (d.S[i] - sMin) / (sMax - sMin)
		}
		if rMax > rMin {
			q += (1 - v) * (d.R[i] - rMin) / (rMax - rMin)
		}
		d.Q[i] = q
	}
	d.compromise(m.alternatives, sMin, rMin)
	s.VIKOR = d
	return s, nil
}

// compromise applies Opricovic's conditions C1 and C2.
func (d *VIKORDetail) compromise(ids []string, sMin, rMin float64) {
	order := make([]int, len(d.Q))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(d.Q[a], d.Q[b]) })
	a1 := order[0]
	d.AcceptableStability = d.S[a1] <= sMin+vikorTol || d.R[a1] <= rMin+vikorTol
	if len(order) == 1 {
		d.AcceptableAdvantage = true
		d.Compromise = []string{ids[a1]}
		return
	}
	d.DQ = 1 / float64(len(order)-1)
	d.AcceptableAdvantage = d.Q[order[1]]-d.Q[a1] >= d.DQ-vikorTol
	switch {
	case d.AcceptableAdvantage && d.AcceptableStability:
		d.Compromise = []string{ids[a1]}
	case d.AcceptableAdvantage:
		d.Compromise = []string{ids[a1], ids[order[1]]}
	default:
		for _, k := range order {
			if d.Q[k]-d.Q[a1] < d.DQ-vikorTol {
				d.Compromise = append(d.Compromise, ids[k])
			}
		}
	}
}
