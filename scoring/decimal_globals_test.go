package scoring_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/scoring"
)

// TestPriceScoresIgnoreDecimalGlobals scores one set of bids with every
// price formula, rule parameters with trailing zeros and a max score with
// a positive exponent, and an abnormally low bid, then checks that the
// rules and scores written as JSON and as text (reasons, %v) do not change
// when a host sets shopspring/decimal's package globals before scoring.
// Not parallel: it changes them.
func TestPriceScoresIgnoreDecimalGlobals(t *testing.T) {
	bids := []scoring.Bid{{ID: "A", Price: eur("100000.00")}, {ID: "B", Price: eur("125000")}, {ID: "C", Price: eur("150000.50")},
		{ID: "D", Price: eur("160000")}, {ID: "E", Price: eur("50000")}}
	low := &scoring.AbnormallyLowRule{Below: outsourcing.MustPercent("30.0"), MinBids: 3}
	rules := []scoring.PriceRule{
		{Formula: scoring.PriceFormulaProportional, MaxScore: outsourcing.DecimalOf(decimal.New(3, 1)), AbnormallyLow: low},
		{Formula: scoring.PriceFormulaLinearDeduction, MaxScore: outsourcing.MustDecimal("30.00"), Deduction: outsourcing.MustDecimal("0.50")},
		{Formula: scoring.PriceFormulaInterpolation, MaxScore: outsourcing.MustDecimal("40")},
		{Formula: scoring.PriceFormulaBounds, MaxScore: outsourcing.MustDecimal("40.0"), Lower: eur("80000"), Upper: eur("180000.00")},
		{Formula: scoring.PriceFormulaPower, MaxScore: outsourcing.MustDecimal("30"), Upper: eur("200000"), Exponent: outsourcing.MustDecimal("0.50")},
	}
	testkit.AssertGlobalsIgnored(t, func() []byte {
		scores := make([][]scoring.PriceScore, len(rules))
		for i, rule := range rules {
			var err error
			scores[i], err = scoring.ScorePrices(bids, rule)
			require.NoError(t, err, rule.Formula)
		}
		require.True(t, scores[0][4].AbnormallyLow)
		data, err := json.MarshalIndent(map[string]any{"rules": rules, "scores": scores}, "", "  ")
		require.NoError(t, err)
		out := fmt.Appendf(data, "\n%v\n", scores)
		for _, r := range rules {
			out = fmt.Appendf(out, "%s %v %v %v\n", r.Formula, r.MaxScore, r.Deduction, r.Exponent)
		}
		for _, s := range scores[0] {
			out = append(out, s.Reason+"\n"...)
		}
		return out
	})
}
