package scoring

import (
	"math"
	"slices"

	"github.com/outsourcing-go/outsourcing"
)

// ReversalScenario names a rank-reversal what-if.
type ReversalScenario string

// Rank-reversal scenarios.
const (
	// ReversalScenarioRemove leaves one alternative out.
	ReversalScenarioRemove ReversalScenario = "remove"
	// ReversalScenarioAddDominated adds a degraded copy of one alternative.
	ReversalScenarioAddDominated ReversalScenario = "add_dominated"
)

// String returns the scenario name.
func (s ReversalScenario) String() string { return string(s) }

// RankReversal reports one what-if scenario of a rank-reversal check.
type RankReversal struct {
	// Scenario is leave one out or add a dominated alternative.
	Scenario ReversalScenario `json:"scenario"`
	// Alternative is the removed alternative, or the one a dominated copy was made of.
	Alternative string `json:"alternative"`
	// Reversed lists pairs [better, worse] of the original ranking whose
	// order is strictly inverted in the scenario.
	Reversed [][2]string `json:"reversed,omitempty"`
	// Skipped explains why the scenario could not be scored (for example
	// a criterion became constant), empty when it ran.
	Skipped string `json:"skipped,omitempty"`
}

// ReversalReport collects the scenarios of RankReversalChecks.
type ReversalReport struct {
	// Delta is the degradation used for dominated copies.
	Delta float64 `json:"delta"`
	// Scenarios are leave-one-out scenarios in row order, then
	// add-a-dominated-alternative scenarios in row order.
	Scenarios []RankReversal `json:"scenarios"`
	// Reversals counts scenarios with at least one reversed pair.
	Reversals int `json:"reversals"`
}

// RankReversalChecks runs the classic rank-reversal tests (Wang &
// Triantaphyllou 2008) for cfg's method on m:
//
//   - leave one out: each alternative is removed in turn (when the
//     matrix has at least three), and the remaining pairs are compared;
//   - add a dominated alternative: for each alternative a copy degraded by
//     delta × the column range on every criterion (lowered for benefit,
//     raised for cost; non-negative columns stay non-negative) is added.
//
// A pair is reversed when its scores are strictly ordered one way before
// and strictly the other way after (tolerance 1e-12). delta in (0, 1];
// 0 means 0.1. It rescores up to 2·m variants of m, so it costs about
// 2·m times one Score plus O(m³) comparisons.
func RankReversalChecks(m *Matrix, w []float64, cfg Config, delta float64) (_ ReversalReport, err error) {
	defer wrapErr(&err)
	switch {
	case delta == 0:
		delta = 0.1
	case !(delta > 0 && delta <= 1):
		return ReversalReport{}, outsourcing.FieldErrorf("/delta", "delta %g must lie in (0, 1]", delta)
	}
	base, err := Score(m, w, cfg)
	if err != nil {
		return ReversalReport{}, err
	}
	rep := ReversalReport{Delta: delta}
	rows, n := m.Rows(), m.Cols()
	add := func(rr RankReversal) {
		if len(rr.Reversed) > 0 {
			rep.Reversals++
		}
		rep.Scenarios = append(rep.Scenarios, rr)
	}
	if rows >= 3 {
		for k := range rows {
			sub := m.without(k, "", nil)
			add(compareScenario(ReversalScenarioRemove, m.alternatives[k], base, sub, w, cfg))
		}
	}
	st := m.stats(false)
	for k := range rows {
		copyRow := slices.Clone(m.data[k*n : (k+1)*n])
		for j, c := range m.criteria {
			step := delta * (st.max[j] - st.min[j])
			if step == 0 {
				step = delta * math.Max(math.Abs(copyRow[j]), 1)
			}
			if c.Type == CriterionTypeCost {
				copyRow[j] += step
				continue
			}
			floor := math.Inf(-1)
			if st.min[j] >= 0 {
				floor = st.min[j] * (1 - delta)
			}
			copyRow[j] = math.Max(copyRow[j]-step, floor)
		}
		sub := m.without(-1, "\x00dominated", copyRow)
		add(compareScenario(ReversalScenarioAddDominated, m.alternatives[k], base, sub, w, cfg))
	}
	return rep, nil
}

// compareScenario scores sub and lists the original pairs it inverts.
func compareScenario(kind ReversalScenario, alt string, base *Scores, sub *Matrix, w []float64, cfg Config) RankReversal {
	rr := RankReversal{Scenario: kind, Alternative: alt}
	s, err := Score(sub, w, cfg)
	if err != nil {
		rr.Skipped = err.Error()
		return rr
	}
	now := make(map[string]float64, len(s.Values))
	for i, id := range s.Alternatives {
		now[id] = s.Values[i]
	}
	const tol = 1e-12
	sign := 1.0
	if !base.HigherIsBetter {
		sign = -1
	}
	ahead := func(x, y float64) bool { return sign*(x-y) > tol*math.Max(1, math.Abs(x)+math.Abs(y)) }
	for a, ida := range base.Alternatives {
		na, ok := now[ida]
		if !ok {
			continue
		}
		for b, idb := range base.Alternatives {
			nb, ok := now[idb]
			if !ok || a == b {
				continue
			}
			if ahead(base.Values[a], base.Values[b]) && ahead(nb, na) {
				rr.Reversed = append(rr.Reversed, [2]string{ida, idb})
			}
		}
	}
	return rr
}
