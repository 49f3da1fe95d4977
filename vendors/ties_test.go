package vendors

import (
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExactTiesRankTogether: p (10, 5, 0.5) and q (0, 10, 0.5) with
// weights 0.1, 0.2 and 0.7 on a 0 to 10 scale have the same weighted
// sum exactly, 0.1 × 1 + 0.2 × 0.5 + 0.7 × 0.05 = 0.1 × 0 + 0.2 × 1 +
// 0.7 × 0.05 = 0.235 (and 2.35 points of 10), but float64 sums them to
// 0.8999999999999999 and 0.9 after normalisation. Before, q ranked 1st
// and p 2nd, and choosing p was recorded as overriding the ranking; now
// both are ranked 1st (competition ranking, as scoring.Rank numbers
// ties: 1, 1, 3), in the short list's order, and choosing either is not
// an override.
func TestExactTiesRankTogether(t *testing.T) {
	d := outsourcing.MustDecimal
	tpl, err := CompileTemplate(TemplateSpec{ID: "t", Scale: Scale{Min: d("0"), Max: d("10")}, Total: d("1"),
		Dimensions: []DimensionSpec{{ID: "a", Weight: d("0.1")}, {ID: "b", Weight: d("0.2")}, {ID: "c", Weight: d("0.7")}}})
	require.NoError(t, err)
	spec := EvaluationSpec{ID: "e", Evaluators: []Evaluator{{ID: "x"}}, Vendors: []string{"p", "q", "r"}}
	for v, row := range map[string][3]string{"p": {"10", "5", "0.5"}, "q": {"0", "10", "0.5"}, "r": {"0", "0", "0.1"}} {
		for i, c := range []string{"a", "b", "c"} {
			spec.Scores = append(spec.Scores, ScoreEntry{Evaluator: "x", Vendor: v, Criterion: c, Score: d(row[i])})
		}
	}
	ev, err := Evaluate(tpl, spec)
	require.NoError(t, err)
	require.Len(t, ev.Ranking, 3)
	assert.NotEqual(t, ev.Ranking[0].Score, ev.Ranking[1].Score, "the float64 sums differ by rounding")
	got := map[string]int{}
	for _, r := range ev.Ranking {
		got[r.Vendor] = r.Rank
	}
	assert.Equal(t, map[string]int{"p": 1, "q": 1, "r": 3}, got)
	assert.Equal(t, "p", ev.Winner(), "exact ties keep the short list's order")

	for _, selected := range []string{"p", "q"} {
		rec, err := Decide(ev, DecisionSpec{Selected: selected, Rationale: "tied first", Decided: day0, DecidedBy: "committee",
			RequiredRoles: []string{"it"}})
		require.NoError(t, err, selected)
		assert.False(t, rec.OverridesRanking, selected)
		assert.Equal(t, 1, rec.SelectedRank, selected)
	}
}
