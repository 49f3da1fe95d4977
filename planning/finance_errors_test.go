package planning

import (
	"strings"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
)

// TestPlanningErrorsIgnoreDecimalGlobals builds the errors of the
// planning functions (finance, TCO, objectives, budget, capability,
// sourcing) from decimals with a positive exponent or trailing zeros,
// after a host has set shopspring/decimal's package globals, and checks
// the messages do not change. Not parallel: it changes those globals.
func TestPlanningErrorsIgnoreDecimalGlobals(t *testing.T) {
	hundreds := func(n int64) decimal.Decimal { return decimal.New(n, 2) } // n·100, exponent 2
	errs := func() []error {
		_, npv := NPV(hundreds(-2), decs("1"))
		_, pmt := PMT(decimal.Zero, hundreds(-1), decimal.Zero, decimal.Zero, PaymentTimingEnd)

		m := tcoModel(PeriodUnitYear, 2, "5",
			SourcingOption{ID: "in-house", Lines: []CostLine{recurring("staff", CostCategoryStaff, "100")}},
			SourcingOption{ID: "offer", Lines: []CostLine{recurring("fees", CostCategoryVendorFees, "80")}})
		bad := cloneTCOModel(m)
		bad.DiscountRate = outsourcing.NewPercent(hundreds(-3))
		bad.Options[1].Lines[0].Probability = pct("101.50")
		bad.Options[1].Lines[0].Escalation = &Escalation{Index: []outsourcing.Percent{outsourcing.NewPercent(hundreds(-2))}, Cap: &outsourcing.Percent{points: hundreds(-1)}}
		_, compile := CompileTCO(bad)
		tc, err := CompileTCO(m)
		require.NoError(t, err)
		_, tornado := tc.Tornado("offer", outsourcing.NewPercent(hundreds(3)))

		target := NewDecimal(hundreds(1))
		obj := Objective{ID: "o", Metric: "m", Owner: "x", Direction: DirectionIncrease, Baseline: NewDecimal(hundreds(2)), Target: &target,
			Start: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Deadline: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}

		budget := Budget{Total: outsourcing.Money{amount: hundreds(-5), currency: "EUR"}, Tolerance: outsourcing.NewPercent(hundreds(-1)),
			Phases: []BudgetPhase{{ID: "p", Planned: outsourcing.MustMoney("10.50", "EUR"), Actual: outsourcing.MustMoney("0", "EUR")}}}
		_, variance := budget.Variance()

		_, capability := AssessCapability([]CapabilityItem{{ID: "a", Area: "x", Weight: NewDecimal(hundreds(-1)), Score: 1}})

		table, err := NewSourcingAdvisor(TableSpec{ID: "never", HitPolicy: HitPolicyFirst,
			Inputs:  []TableInput{{ID: "s", Expression: "expected_savings"}},
			Outputs: []TableOutput{{Name: "scope", Type: ResultString}, {Name: "location", Type: ResultString}},
			Rules:   []TableRow{{When: []string{"< 0"}, Then: []any{"total", "offshore"}}}})
		require.NoError(t, err)
		_, recommend := table.Recommend(SourcingInputs{Criticality: CriticalityLow, Capability: ReadinessReady,
			ExpectedSavings: outsourcing.NewPercent(hundreds(3)), Risk: outsourcing.RiskLevelLow})

		return []error{npv, pmt, compile, tornado, obj.Validate(), variance, capability, recommend}
	}
	render := func() []byte {
		var b strings.Builder
		for _, err := range errs() {
			require.Error(t, err)
			b.WriteString(err.Error() + "\n")
		}
		return []byte(b.String())
	}
	// The figures appear in plain notation with the digits they carry.
	text := string(render())
	for _, want := range []string{"rate: -200 must be", "periods -100 must", "discount rate -300%", "probability 101.50%",
		"tornado change 300%", "target 100 does not increase the baseline 200", "amount -500.00 EUR", "tolerance -100%",
		"weight -100 must", "expected savings 300%"} {
		assert.Contains(t, text, want)
	}
	testkit.AssertGlobalsIgnored(t, render)
}
