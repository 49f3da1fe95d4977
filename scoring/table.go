package scoring

import (
	"strconv"

	"github.com/outsourcing-go/outsourcing"
)

// RankingTable lays out a ranking best first: rank, alternative and
// score (4 decimals), plus the fractional rank when the average tie
// policy set one.
func RankingTable(r []Ranked) outsourcing.Table {
	t := outsourcing.Table{Header: []string{"rank", "alternative", "score"}, Numeric: []bool{true, false, true}}
	frac := false
	for _, x := range r {
		frac = frac || x.FractionalRank != 0
	}
	if frac {
		t.Header, t.Numeric = append(t.Header, "fractional rank"), append(t.Numeric, true)
	}
	for _, x := range r {
		row := []string{strconv.Itoa(x.Rank), x.Alternative, fixed(x.Score, 4)}
		if frac {
			row = append(row, strconv.FormatFloat(x.FractionalRank, 'f', -1, 64))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// SensitivityTable lays out WeightStability's intervals: each criterion's
// weight and the weight ranges keeping the winner and the whole ranking
// (3 decimals), and whether the bounds are exact.
func SensitivityTable(iv []WeightInterval) outsourcing.Table {
	t := outsourcing.Table{
		Header:  []string{"criterion", "weight", "winner low", "winner high", "ranking low", "ranking high", "exact"},
		Numeric: []bool{false, true, true, true, true, true, false},
	}
	for _, x := range iv {
		t.Rows = append(t.Rows, []string{x.Criterion, fixed(x.Weight, 3), fixed(x.WinnerLow, 3), fixed(x.WinnerHigh, 3),
			fixed(x.RankingLow, 3), fixed(x.RankingHigh, 3), strconv.FormatBool(x.Exact)})
	}
	return t
}

// fixed formats x with the given decimals.
func fixed(x float64, decimals int) string { return strconv.FormatFloat(x, 'f', decimals, 64) }
