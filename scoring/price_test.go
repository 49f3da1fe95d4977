package scoring_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/scoring"
)

func eur(s string) outsourcing.Money { return outsourcing.MustMoney(s, "EUR") }

func TestScorePricesFormulas(t *testing.T) {
	var doc struct {
		Source   string            `json:"source"`
		Currency string            `json:"currency"`
		Bids     map[string]string `json:"bids"`
		Cases    []struct {
			Name string `json:"name"`
			Rule struct {
				Formula   scoring.PriceFormula `json:"formula"`
				MaxScore  string               `json:"max_score"`
				Deduction string               `json:"deduction"`
				Lower     string               `json:"lower"`
				Upper     string               `json:"upper"`
				Exponent  string               `json:"exponent"`
			} `json:"rule"`
			Want map[string]string `json:"want"`
		} `json:"cases"`
	}
	testkit.LoadJSON(t, "testdata/price.json", &doc)
	require.NotEmpty(t, doc.Source)
	dec := func(s string) outsourcing.Decimal {
		if s == "" {
			return outsourcing.Decimal{}
		}
		return outsourcing.MustDecimal(s)
	}
	money := func(s string) outsourcing.Money {
		if s == "" {
			return outsourcing.Money{}
		}
		return outsourcing.MustMoney(s, doc.Currency)
	}
	bids := []scoring.Bid{{ID: "A", Price: money(doc.Bids["A"])}, {ID: "B", Price: money(doc.Bids["B"])}, {ID: "C", Price: money(doc.Bids["C"])}}
	for _, c := range doc.Cases {
		t.Run(c.Name, func(t *testing.T) {
			rule := scoring.PriceRule{Formula: c.Rule.Formula, MaxScore: dec(c.Rule.MaxScore), Deduction: dec(c.Rule.Deduction),
				Lower: money(c.Rule.Lower), Upper: money(c.Rule.Upper), Exponent: dec(c.Rule.Exponent)}
			got, err := scoring.ScorePrices(bids, rule)
			require.NoError(t, err)
			for _, s := range got {
				want := decimal.RequireFromString(c.Want[s.ID])
				assert.True(t, want.Equal(s.Score.Round(10, outsourcing.RoundHalfUp).Shopspring()), "%s: want %s got %s", s.ID, want, s.Score)
			}
		})
	}
}

// Bounds fixed in advance: adding a very low bid changes no other score.
func TestScorePricesBoundsNoRankReversal(t *testing.T) {
	rule := scoring.PriceRule{Formula: scoring.PriceFormulaBounds, MaxScore: outsourcing.MustDecimal("40"), Lower: eur("80000"), Upper: eur("180000")}
	before, err := scoring.ScorePrices([]scoring.Bid{{ID: "A", Price: eur("100000")}, {ID: "B", Price: eur("125000")}}, rule)
	require.NoError(t, err)
	after, err := scoring.ScorePrices([]scoring.Bid{{ID: "A", Price: eur("100000")}, {ID: "B", Price: eur("125000")}, {ID: "X", Price: eur("50000")}}, rule)
	require.NoError(t, err)
	assert.True(t, before[0].Score.Equal(outsourcing.DecimalOf(after[0].Score.Shopspring())))
	assert.True(t, before[1].Score.Equal(outsourcing.DecimalOf(after[1].Score.Shopspring())))
}

func TestScorePricesAbnormallyLow(t *testing.T) {
	bids := []scoring.Bid{{ID: "A", Price: eur("100")}, {ID: "B", Price: eur("100")}, {ID: "C", Price: eur("100")}, {ID: "D", Price: eur("70")}, {ID: "E", Price: eur("71")}}
	rule := scoring.PriceRule{Formula: scoring.PriceFormulaProportional, MaxScore: outsourcing.MustDecimal("30"),
		AbnormallyLow: &scoring.AbnormallyLowRule{Below: outsourcing.MustPercent("30"), MinBids: 5}}
	got, err := scoring.ScorePrices(bids, rule)
	require.NoError(t, err)
	// D: others' mean = (300 + 71)/4 = 92.75, limit 64.925 → not flagged.
	assert.False(t, got[3].AbnormallyLow)
	bids[3].Price = eur("64")
	got, err = scoring.ScorePrices(bids, rule)
	require.NoError(t, err)
	assert.True(t, got[3].AbnormallyLow)
	assert.Contains(t, got[3].Reason, "92.75")
	assert.True(t, got[3].Score.Equal(outsourcing.DecimalOf(decimal.NewFromInt(30))), "flagged bids are still scored provisionally")
	// Fewer bids than MinBids: no flag.
	got, err = scoring.ScorePrices(bids[1:], rule)
	require.NoError(t, err)
	for _, s := range got {
		assert.False(t, s.AbnormallyLow)
	}
}

func TestScorePricesBadInput(t *testing.T) {
	rule := scoring.PriceRule{Formula: scoring.PriceFormulaProportional, MaxScore: outsourcing.MustDecimal("30")}
	tests := []struct {
		name string
		bids []scoring.Bid
		rule scoring.PriceRule
		want error
	}{
		{"no bids", nil, rule, outsourcing.ErrInvalidInput},
		{"mixed currencies", []scoring.Bid{{ID: "A", Price: eur("1")}, {ID: "B", Price: outsourcing.MustMoney("1", "USD")}}, rule, outsourcing.ErrCurrencyMismatch},
		{"zero price", []scoring.Bid{{ID: "A", Price: eur("0")}}, rule, outsourcing.ErrInvalidInput},
		{"duplicate id", []scoring.Bid{{ID: "A", Price: eur("1")}, {ID: "A", Price: eur("2")}}, rule, outsourcing.ErrInvalidInput},
		{"no max score", []scoring.Bid{{ID: "A", Price: eur("1")}}, scoring.PriceRule{Formula: scoring.PriceFormulaProportional}, outsourcing.ErrInvalidInput},
		{"bounds reversed", []scoring.Bid{{ID: "A", Price: eur("1")}}, scoring.PriceRule{Formula: scoring.PriceFormulaBounds, MaxScore: outsourcing.MustDecimal("1"), Lower: eur("5"), Upper: eur("2")}, outsourcing.ErrInvalidInput},
		{"unknown formula", []scoring.Bid{{ID: "A", Price: eur("1")}}, scoring.PriceRule{Formula: "cheapest", MaxScore: outsourcing.MustDecimal("1")}, outsourcing.ErrInvalidInput},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := scoring.ScorePrices(tc.bids, tc.rule)
			require.Error(t, err)
			assert.True(t, errors.Is(err, tc.want), "%v", err)
		})
	}
}

// A bid exactly at the abnormally-low limit is flagged even when the
// mean of the other bids is a repeating decimal (100/3 × 0.75 = 25).
func TestScorePricesAbnormallyLowBoundary(t *testing.T) {
	var doc struct {
		Source   string `json:"source"`
		Currency string `json:"currency"`
		Below    string `json:"below"`
		Cases    []struct {
			Name    string            `json:"name"`
			Bids    map[string]string `json:"bids"`
			Flagged []string          `json:"flagged"`
		} `json:"cases"`
	}
	testkit.LoadJSON(t, "testdata/abnormally_low.json", &doc)
	require.NotEmpty(t, doc.Source)
	rule := scoring.PriceRule{Formula: scoring.PriceFormulaProportional, MaxScore: outsourcing.MustDecimal("30"),
		AbnormallyLow: &scoring.AbnormallyLowRule{Below: outsourcing.MustPercent(doc.Below)}}
	for _, c := range doc.Cases {
		t.Run(c.Name, func(t *testing.T) {
			var bids []scoring.Bid
			for _, id := range []string{"A", "B", "C", "D"} {
				bids = append(bids, scoring.Bid{ID: id, Price: outsourcing.MustMoney(c.Bids[id], doc.Currency)})
			}
			got, err := scoring.ScorePrices(bids, rule)
			require.NoError(t, err)
			var flagged []string
			for _, s := range got {
				if s.AbnormallyLow {
					flagged = append(flagged, s.ID)
				}
			}
			assert.ElementsMatch(t, c.Flagged, flagged)
		})
	}
}
