package planning

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/finance"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTCOBreakEvenEscalation: an in-house service at a level cost B a
// year against an offer of 100000 a year escalating by g, over 10 years at
// 8 %. With B from the growing-annuity closed form for g = 3 %, the
// break-even escalation of the offer's fee is 3 %, and, swapping the
// sides, so is that of the in-house cost.
func TestTCOBreakEvenEscalation(t *testing.T) {
	raw, err := os.ReadFile("testdata/tco_breakeven_escalation.json")
	require.NoError(t, err)
	var ref struct {
		Source       string `json:"source"`
		Fee          string `json:"fee"`
		Years        int    `json:"years"`
		DiscountRate string `json:"discount_rate"`
		Growth       string `json:"growth"`
		LevelAmount  string `json:"level_amount"`
	}
	require.NoError(t, json.Unmarshal(raw, &ref))
	require.NotEmpty(t, ref.Source)

	escalating := func(id string, cat CostCategory, amount string, cap *outsourcing.Percent, index ...string) CostLine {
		l := recurring(id, cat, amount)
		l.Escalation = &Escalation{Cap: cap}
		for _, v := range index {
			l.Escalation.Index = append(l.Escalation.Index, outsourcing.MustPercent(v))
		}
		return l
	}
	cases := []struct {
		name, input string
		in, out     CostLine
	}{
		// The index is replaced by a constant rate, whatever its values.
		{"offer fee", "out/fees", recurring("staff", CostCategoryStaff, ref.LevelAmount),
			escalating("fees", CostCategoryVendorFees, ref.Fee, nil, "1", "6", "9")},
		{"offer fee under a cap above it", "out/fees", recurring("staff", CostCategoryStaff, ref.LevelAmount),
			escalating("fees", CostCategoryVendorFees, ref.Fee, pct("5"), "2")},
		{"in-house cost", "in/staff", escalating("staff", CostCategoryStaff, ref.Fee, nil, "4"),
			recurring("fees", CostCategoryVendorFees, ref.LevelAmount)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tc, err := CompileTCO(tcoModel(PeriodUnitYear, ref.Years, ref.DiscountRate,
				SourcingOption{ID: "in", Lines: []CostLine{c.in}}, SourcingOption{ID: "out", Lines: []CostLine{c.out}}))
			require.NoError(t, err)
			g, err := tc.BreakEven("out", c.input+escalationSuffix)
			require.NoError(t, err)
			assertDecimal(t, dec(ref.Growth), g)
		})
	}

	// A cap below the break-even rate: no escalation the contract allows
	// brings the savings to zero.
	tc, err := CompileTCO(tcoModel(PeriodUnitYear, ref.Years, ref.DiscountRate,
		SourcingOption{ID: "in", Lines: []CostLine{recurring("staff", CostCategoryStaff, ref.LevelAmount)}},
		SourcingOption{ID: "out", Lines: []CostLine{escalating("fees", CostCategoryVendorFees, ref.Fee, pct("2"), "2")}}))
	require.NoError(t, err)
	_, err = tc.BreakEven("out", "out/fees/escalation")
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Contains(t, err.Error(), "between -99 % and 2 %")
}

// An option that costs what the baseline costs in every period has an NPV
// of savings of zero at every rate: BreakEven says so instead of "no
// discount rate brings the NPV of savings to zero".
func TestBreakEvenRateOfAnIdenticalOption(t *testing.T) {
	staff := recurring("staff", CostCategoryStaff, "1000")
	tc, err := CompileTCO(tcoModel(PeriodUnitMonth, 12, "5",
		SourcingOption{ID: "in", Lines: []CostLine{staff}},
		SourcingOption{ID: "same", Lines: []CostLine{staff}}))
	require.NoError(t, err)
	_, err = tc.BreakEven("same", InputDiscountRate)
	require.ErrorIs(t, err, finance.ErrNoSignChange)
	assert.ErrorContains(t, err, "zero at every discount rate")
}
