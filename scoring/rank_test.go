package scoring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing/scoring"
)

func scoresOf(values []float64, higher bool) *scoring.Scores {
	ids := make([]string, len(values))
	for i := range ids {
		ids[i] = string(rune('A' + i))
	}
	return &scoring.Scores{Alternatives: ids, Values: values, HigherIsBetter: higher}
}

func ranks(r []scoring.Ranked) ([]string, []int, []float64) {
	var ids []string
	var rs []int
	var fr []float64
	for _, x := range r {
		ids = append(ids, x.Alternative)
		rs = append(rs, x.Rank)
		fr = append(fr, x.FractionalRank)
	}
	return ids, rs, fr
}

func TestRankTiePolicies(t *testing.T) {
	s := scoresOf([]float64{7, 9, 5, 7}, true)
	tests := []struct {
		policy scoring.TiePolicy
		want   []int
		frac   []float64
	}{
		{scoring.TiePolicyCompetition, []int{1, 2, 2, 4}, []float64{0, 0, 0, 0}},
		{scoring.TiePolicyDense, []int{1, 2, 2, 3}, []float64{0, 0, 0, 0}},
		{scoring.TiePolicyAverage, []int{1, 2, 2, 4}, []float64{1, 2.5, 2.5, 4}},
	}
	for _, tc := range tests {
		t.Run(string(tc.policy), func(t *testing.T) {
			r, err := scoring.Rank(s, scoring.RankOptions{Policy: tc.policy})
			require.NoError(t, err)
			ids, rs, frac := ranks(r)
			assert.Equal(t, []string{"B", "A", "D", "C"}, ids) // tie broken by row order
			assert.Equal(t, tc.want, rs)
			assert.Equal(t, tc.frac, frac)
		})
	}
}

func TestRankToleranceAndDirection(t *testing.T) {
	r, err := scoring.Rank(scoresOf([]float64{0.5, 0.50001, 0.2}, false), scoring.RankOptions{Tolerance: 1e-3})
	require.NoError(t, err)
	ids, rs, _ := ranks(r)
	assert.Equal(t, []string{"C", "A", "B"}, ids)
	assert.Equal(t, []int{1, 2, 2}, rs)
	_, err = scoring.Rank(scoresOf([]float64{1}, true), scoring.RankOptions{Tolerance: -1})
	require.Error(t, err)
}

func TestTopKMatchesFullRanking(t *testing.T) {
	s := scoresOf([]float64{3, 8, 8, 1, 8, 5, 3, 9}, true)
	for _, policy := range []scoring.TiePolicy{"", scoring.TiePolicyDense, scoring.TiePolicyAverage} {
		full, err := scoring.Rank(s, scoring.RankOptions{Policy: policy})
		require.NoError(t, err)
		for k := 0; k <= 9; k++ {
			top, err := scoring.TopK(s, k, scoring.RankOptions{Policy: policy})
			require.NoError(t, err)
			assert.Equal(t, full[:min(k, len(full))], top, "policy %s k %d", policy, k)
		}
	}
}
