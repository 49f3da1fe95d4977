package scoring

import (
	"math"
	"slices"

	"github.com/outsourcing-go/outsourcing"
)

// WeightInterval is the range of one criterion's weight, the others
// rescaled proportionally to keep the sum 1, within which the result
// stays the same (a one-at-a-time sensitivity analysis).
type WeightInterval struct {
	// Criterion is the criterion id and Weight its current normalised weight.
	Criterion string  `json:"criterion"`
	Weight    float64 `json:"weight"`
	// WinnerLow and WinnerHigh bound the weights keeping the same best alternative.
	WinnerLow  float64 `json:"winner_low"`
	WinnerHigh float64 `json:"winner_high"`
	// RankingLow and RankingHigh bound the weights keeping the whole order.
	RankingLow  float64 `json:"ranking_low"`
	RankingHigh float64 `json:"ranking_high"`
	// Exact is true when the bounds are solved in closed form (WSM, WPM,
	// PROMETHEE II, whose scores are linear in the weights, WPM in
	// logarithms); false when they come from a grid scan and bisection.
	Exact bool `json:"exact"`
}

// SensitivityOptions tunes the numeric search used for TOPSIS and VIKOR.
// The zero value is a 0.01 grid refined to 1e-6.
type SensitivityOptions struct {
	// Step is the grid step of the scan away from the current weight, in
	// [0, 1]; 0 means 0.01.
	Step float64 `json:"step,omitempty"`
	// Tolerance is the bisection precision of a bound, in [0, 1]; 0 means 1e-6.
	Tolerance float64 `json:"tolerance,omitempty"`
}

// withDefaults checks the options and fills in the defaults.
func (o SensitivityOptions) withDefaults() (SensitivityOptions, error) {
	if !(o.Step >= 0 && o.Step <= 1) {
		return o, outsourcing.FieldErrorf("/step", "step %g must lie in [0, 1]", o.Step)
	}
	if !(o.Tolerance >= 0 && o.Tolerance <= 1) {
		return o, outsourcing.FieldErrorf("/tolerance", "tolerance %g must lie in [0, 1]", o.Tolerance)
	}
	if o.Step == 0 {
		o.Step = 0.01
	}
	if o.Tolerance == 0 {
		o.Tolerance = 1e-6
	}
	return o, nil
}

// reweighted returns the weights with criterion j set to t and the
// others scaled by (1 − t)/(1 − wⱼ) (shared equally when wⱼ = 1).
func reweighted(w []float64, j int, t float64, out []float64) []float64 {
	out = out[:len(w)]
	for k, v := range w {
		switch {
		case k == j:
			out[k] = t
		case w[j] < 1:
			out[k] = v * (1 - t) / (1 - w[j])
		default:
			out[k] = (1 - t) / float64(len(w)-1)
		}
	}
	return out
}

// WeightStability computes, for each criterion, the weight interval that
// keeps the winner and the full ranking of cfg's method on m (ties
// broken by row order). Bounds lie in [0, 1] and contain the current
// weight; at a bound two alternatives tie. For TOPSIS and VIKOR the
// interval is the connected one around the current weight found on a grid
// of opt.Step, refined by bisection: a change that appears and reverts
// within one step can be missed. Errors as for Score.
func WeightStability(m *Matrix, w []float64, cfg Config, opt SensitivityOptions) (_ []WeightInterval, err error) {
	defer wrapErr(&err)
	if opt, err = opt.withDefaults(); err != nil {
		return nil, err
	}
	base, err := Score(m, w, cfg)
	if err != nil {
		return nil, err
	}
	wn := base.Weights
	u, linear, err := linearParts(m, cfg)
	if err != nil {
		return nil, err
	}
	order := sortedOrder(base)
	out := make([]WeightInterval, m.Cols())
	for j, c := range m.criteria {
		iv := WeightInterval{Criterion: c.ID, Weight: wn[j]}
		switch {
		case m.Cols() == 1:
			iv.WinnerLow, iv.WinnerHigh, iv.RankingLow, iv.RankingHigh, iv.Exact = 1, 1, 1, 1, true
		case linear:
			iv.Exact = true
			iv.WinnerLow, iv.WinnerHigh = linearInterval(u, m.Cols(), wn, j, order, true)
			iv.RankingLow, iv.RankingHigh = linearInterval(u, m.Cols(), wn, j, order, false)
		default:
			same := func(t float64, winnerOnly bool) bool {
				s, err := Score(m, reweighted(wn, j, t, make([]float64, len(wn))), cfg)
				if err != nil {
					return false
				}
				o := sortedOrder(s)
				if winnerOnly {
					return o[0] == order[0]
				}
				return slices.Equal(o, order)
			}
			iv.WinnerLow, iv.WinnerHigh = scanInterval(wn[j], opt, func(t float64) bool { return same(t, true) })
			iv.RankingLow, iv.RankingHigh = scanInterval(wn[j], opt, func(t float64) bool { return same(t, false) })
		}
		out[j] = iv
	}
	return out, nil
}

// linearParts returns per-cell contributions u (row-major) such that the
// method's ranking is that of Σⱼ wⱼ·uᵢⱼ, when the method allows it.
func linearParts(m *Matrix, cfg Config) ([]float64, bool, error) {
	switch cfg.Method {
	case MethodWSM:
		u, err := normalize(m, cfg.normalization(), cfg.Constant)
		return u, err == nil, err
	case MethodWPM:
		u, err := normalize(m, cfg.normalization(), cfg.Constant)
		if err != nil {
			return nil, false, err
		}
		for k, v := range u {
			if v <= 0 {
				return nil, false, nil // log undefined: numeric search
			}
			u[k] = math.Log(v)
		}
		return u, true, nil
	case MethodPROMETHEEII:
		f, err := prometheeFlows(m, cfg.Preferences)
		if err != nil {
			return nil, false, err
		}
		for k := range f.plus {
			f.plus[k] -= f.minus[k]
		}
		return f.plus, true, nil
	}
	return nil, false, nil
}

// linearInterval intersects, over consecutive pairs of order (or the
// winner against all when winnerOnly), the half-lines of t where the
// better stays ahead: sₐ(t) − s_b(t) = α + β·t ≥ 0.
func linearInterval(u []float64, n int, w []float64, j int, order []int, winnerOnly bool) (float64, float64) {
	rows := len(order)
	k := make([]float64, rows) // Kᵢ: score from the other criteria at unit mass
	others := reweighted(w, j, 0, make([]float64, n))
	for i := range rows {
		for c := range n {
			if c != j {
				k[i] += others[c] * u[i*n+c]
			}
		}
	}
	lo, hi := 0.0, 1.0
	pair := func(a, b int) {
		alpha := k[a] - k[b]
		beta := (u[a*n+j] - k[a]) - (u[b*n+j] - k[b])
		switch {
		case beta > 0:
			lo = math.Max(lo, -alpha/beta)
		case beta < 0:
			hi = math.Min(hi, -alpha/beta)
		}
	}
	if winnerOnly {
		for _, b := range order[1:] {
			pair(order[0], b)
		}
	} else {
		for p := 1; p < rows; p++ {
			pair(order[p-1], order[p])
		}
	}
	// Noise at ties can push a bound past the current weight.
	return math.Min(lo, w[j]), math.Max(hi, w[j])
}

// scanInterval walks from t0 in both directions on a grid while same
// holds, then bisects the first change to the tolerance.
func scanInterval(t0 float64, opt SensitivityOptions, same func(float64) bool) (float64, float64) {
	edge := func(dir float64, limit float64) float64 {
		last := t0
		for {
			next := last + dir*opt.Step
			if dir*(next-limit) >= 0 {
				if same(limit) {
					return limit
				}
				next = limit
			}
			if !same(next) {
				good, bad := last, next
				for math.Abs(bad-good) > opt.Tolerance {
					mid := (good + bad) / 2
					if same(mid) {
						good = mid
					} else {
						bad = mid
					}
				}
				return good
			}
			last = next
		}
	}
	return edge(-1, 0), edge(1, 1)
}
