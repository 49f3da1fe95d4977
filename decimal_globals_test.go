package outsourcing_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
)

// renderJSON writes each value as indented JSON, one after the other.
func renderJSON(t *testing.T, values ...any) []byte {
	t.Helper()
	var out []byte
	for _, v := range values {
		data, err := json.MarshalIndent(v, "", "  ")
		require.NoError(t, err)
		out = append(append(out, data...), '\n')
	}
	return out
}

// TestResultsIgnoreDecimalGlobals renders the root package's documents
// and results with every decimal field filled, with trailing zeros and a
// positive exponent where a field can carry them, as JSON and as text
// (String and fmt's %+v), and checks the bytes do not change when a host
// sets shopspring/decimal's package globals before computing them. The decimal values of
// Decision outputs and rule traces stay decimal.Decimal in Go, so only
// their JSON is checked. Not parallel: it changes those globals.
func TestResultsIgnoreDecimalGlobals(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }

	testkit.AssertGlobalsIgnored(t, func() []byte {
		m, err := outsourcing.ParseTCOModel([]byte(`{
	  "id": "desk", "currency": "EUR", "period": "year", "horizon": 5, "discount_rate": "8", "baseline": "in-house",
	  "options": [
	    {"id": "in-house", "scope": "in_house", "lines": [
	      {"id": "staff", "category": "staff", "basis": "recurring", "amount": {"amount": "500000", "currency": "EUR"},
	       "escalation": {"index": ["4"], "cap": "3"}}]},
	    {"id": "vendor", "scope": "total", "location": "nearshore", "lines": [
	      {"id": "fees", "category": "vendor_fees", "basis": "recurring", "amount": {"amount": "380000", "currency": "EUR"}},
	      {"id": "gov", "category": "retained_organisation", "basis": "percent", "percent": "8", "of": ["fees"]},
	      {"id": "transition", "category": "transition", "basis": "one_off", "amount": {"amount": "250000", "currency": "EUR"}}]}]}`))
		require.NoError(t, err)
		tco, err := outsourcing.CompileTCO(m)
		require.NoError(t, err)
		tcoResult := tco.Evaluate()
		savings := tcoResult.Options[1].Savings
		require.NotNil(t, savings.IRR)
		require.NotNil(t, savings.DiscountedPayback)

		spec := escalationTable(rules.HitPolicyCollect, rules.AggregationSum)
		spec.Rules[1].Then = []any{"3.50"}
		table, err := rules.CompileTable[escalationEnv](spec)
		require.NoError(t, err)
		decision, err := table.Decide(escalationEnv{Priority: 1, Penalty: decimal.RequireFromString("12000.00"), Region: "EMEA", HoursLate: 6})
		require.NoError(t, err)

		rules, err := rules.Compile[vendorEnv]([]rules.Rule{
			{ID: "affordable", Expression: `fee * 1.5 <= cap && rate > 80`},
			{ID: "billable", Expression: `hours * rate`},
			{ID: "credits", Expression: `[credit, fee]`},
		})
		require.NoError(t, err)
		explanation, err := rules.Explain(sampleVendor())
		require.NoError(t, err)
		results, err := rules.Eval(sampleVendor())
		require.NoError(t, err)

		items := outsourcing.DefaultCapabilityChecklist()
		for i := range items {
			items[i].Score = 3
		}
		items[0].Weight = outsourcing.MustDecimal("1.50")
		items[1].Score = 1
		assessment, err := outsourcing.AssessCapability(items)
		require.NoError(t, err)

		target := outsourcing.MustDecimal("99.950")
		set := outsourcing.ObjectiveSet{ID: "goals", Objectives: []outsourcing.TrackedObjective{{
			Objective: outsourcing.Objective{ID: "availability", Metric: "availability", Unit: "%",
				Baseline: outsourcing.MustDecimal("99.50"), Target: &target, Direction: outsourcing.DirectionIncrease,
				Start: day("2025-01-01"), Deadline: day("2025-12-31"), Owner: "service-manager"},
			Measurements: []outsourcing.Measurement{
				{At: day("2025-03-01"), Value: outsourcing.MustDecimal("99.700")},
				{At: day("2025-05-01"), Value: outsourcing.MustDecimal("99.80")},
			},
		}, {
			Objective: outsourcing.Objective{ID: "volume", Metric: "tickets_closed", Baseline: outsourcing.MustDecimal("1000"),
				Target: &[]outsourcing.Decimal{outsourcing.NewDecimal(decimal.New(2, 3))}[0], Direction: outsourcing.DirectionIncrease,
				Start: day("2025-01-01"), Deadline: day("2025-12-31"), Owner: "service-desk"},
			Measurements: []outsourcing.Measurement{{At: day("2025-04-01"), Value: outsourcing.NewDecimal(decimal.New(15, 2))}},
		}}}
		progress, err := set.Progress(day("2025-06-01"))
		require.NoError(t, err)

		budget, err := outsourcing.Budget{Total: outsourcing.MustMoney("500000", "EUR"), Phases: []outsourcing.BudgetPhase{
			{ID: "selection", Planned: outsourcing.MustMoney("50000", "EUR"), Actual: outsourcing.MustMoney("61000", "EUR")},
			{ID: "transition", Planned: outsourcing.MustMoney("300000", "EUR"), Actual: outsourcing.MustMoney("290000", "EUR")},
		}}.Variance()
		require.NoError(t, err)

		out := renderJSON(t, tcoResult, decision, explanation, results, assessment, set, progress, budget)
		// %+v of structs without pointers to structs (those print as addresses).
		out = fmt.Appendf(out, "%v %+v\n%+v\n%+v\n%+v\n", tcoResult.PeriodRate, *savings, assessment, set, budget)
		for _, p := range progress {
			out = fmt.Appendf(out, "%s %s %+v %v %s %s\n", p.ID, p.State, *p.Latest, p.Forecast, p.Attainment, p.Expected)
		}
		return out
	})
}
