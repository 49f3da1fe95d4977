package planning

import (
	"strings"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPlanningErrorsIgnoreDecimalGlobals builds the errors of the
// planning functions (TCO, objectives, budget, capability, sourcing) from
// decimals with a positive exponent or trailing zeros, after a host has
// set shopspring/decimal's package globals, and checks the messages do not
// change. Not parallel: it changes those globals.
func TestPlanningErrorsIgnoreDecimalGlobals(t *testing.T) {
	hundreds := func(n int64) outsourcing.Decimal { return outsourcing.DecimalOf(decimal.New(n, 2)) } // n·100, exponent 2
	errs := func() []error {
		m := tcoModel(PeriodUnitYear, 2, "5",
			SourcingOption{ID: "in-house", Lines: []CostLine{recurring("staff", CostCategoryStaff, "100")}},
			SourcingOption{ID: "offer", Lines: []CostLine{recurring("fees", CostCategoryVendorFees, "80")}})
		bad := cloneTCOModel(m)
		bad.DiscountRate = outsourcing.NewPercent(hundreds(-3))
		bad.Options[1].Lines[0].Probability = pct("101.50")
		capped := outsourcing.NewPercent(hundreds(-1))
		bad.Options[1].Lines[0].Escalation = &Escalation{Index: []outsourcing.Percent{outsourcing.NewPercent(hundreds(-2))}, Cap: &capped}
		_, compile := CompileTCO(bad)
		tc, err := CompileTCO(m)
		require.NoError(t, err)
		_, tornado := tc.Tornado("offer", outsourcing.NewPercent(hundreds(3)))

		target := hundreds(1)
		obj := Objective{ID: "o", Metric: "m", Owner: "x", Direction: DirectionIncrease, Baseline: hundreds(2), Target: &target,
			Start: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Deadline: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}

		total, err := outsourcing.NewMoney(hundreds(-5), "EUR")
		require.NoError(t, err)
		budget := Budget{Total: total, Tolerance: outsourcing.NewPercent(hundreds(-1)),
			Phases: []BudgetPhase{{ID: "p", Planned: outsourcing.MustMoney("10.50", "EUR"), Actual: outsourcing.MustMoney("0", "EUR")}}}
		_, variance := budget.Variance()

		_, capability := AssessCapability([]CapabilityItem{{ID: "a", Area: "x", Weight: hundreds(-1), Score: 1}})

		table, err := NewSourcingAdvisor(rules.TableSpec{ID: "never", HitPolicy: rules.HitPolicyFirst,
			Inputs:  []rules.TableInput{{ID: "s", Expression: "expected_savings"}},
			Outputs: []rules.TableOutput{{Name: "scope", Type: rules.ResultString}, {Name: "location", Type: rules.ResultString}},
			Rules:   []rules.TableRow{{When: []string{"< 0"}, Then: []any{"total", "offshore"}}}})
		require.NoError(t, err)
		_, recommend := table.Recommend(SourcingInputs{Criticality: CriticalityLow, Capability: ReadinessReady,
			ExpectedSavings: outsourcing.NewPercent(hundreds(3)), Risk: outsourcing.RiskLevelLow})

		return []error{compile, tornado, obj.Validate(), variance, capability, recommend}
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
	for _, want := range []string{"discount rate -300%", "probability 101.50%",
		"tornado change 300%", "target 100 does not increase the baseline 200", "amount -500.00 EUR", "tolerance -100%",
		"weight -100 must", "expected savings 300%"} {
		assert.Contains(t, text, want)
	}
	testkit.AssertGlobalsIgnored(t, render)
}

// TestPlanningErrorConventions checks every exported entry point: the
// error starts with "planning: " exactly once, the reasons of its
// *FieldError values carry no prefix, and the paths are JSON pointers.
func TestPlanningErrorConventions(t *testing.T) {
	tc, err := CompileTCO(tcoModel(PeriodUnitYear, 2, "5",
		SourcingOption{ID: "in-house", Lines: []CostLine{recurring("staff", CostCategoryStaff, "100")}},
		SourcingOption{ID: "offer", Lines: []CostLine{recurring("fees", CostCategoryVendorFees, "100")}}))
	require.NoError(t, err)
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := map[string]func() error{
		"ParseTCOModel syntax":   func() error { _, err := ParseTCOModel([]byte(`{"id": `)); return err },
		"ParseTCOModel schema":   func() error { _, err := ParseTCOModel([]byte(`{"id": "m"}`)); return err },
		"ParseTCOModel semantic": func() error { _, err := ParseTCOModel([]byte(semanticBadTCO)); return err },
		"ParseObjectiveSet":      func() error { _, err := ParseObjectiveSet([]byte(`{"id": "s", "objectives": []}`)); return err },
		"ParseCapabilityChecklist": func() error {
			_, err := ParseCapabilityChecklist([]byte(`{"items": [{"id": "a", "area": "a", "weight": "1", "score": 3}, {"id": "a", "area": "a", "weight": "1", "score": 3}]}`))
			return err
		},
		"ParseBudget": func() error {
			_, err := ParseBudget([]byte(`{"total": {"amount": "1", "currency": "EUR"}, "phases": "x"}`))
			return err
		},
		"ParseTimeline": func() error { _, err := ParseTimeline([]byte(`{"milestones": []}`)); return err },
		"CompileTCO":    func() error { _, err := CompileTCO(TCOModel{}); return err },
		"Tornado":       func() error { _, err := tc.Tornado("in-house", outsourcing.MustPercent("10")); return err },
		"BreakEven":     func() error { _, err := tc.BreakEven("offer", InputDiscountRate); return err },
		"SavingsPercent": func() error {
			_, err := tc.Evaluate().SavingsPercent("nope")
			return err
		},
		"Objective.Validate":    func() error { return Objective{}.Validate() },
		"ObjectiveSet.Progress": func() error { _, err := ObjectiveSet{}.Progress(day); return err },
		"AssessCapability":      func() error { _, err := AssessCapability(nil); return err },
		"Budget.Variance":       func() error { _, err := Budget{}.Variance(); return err },
		"TimelineAt":            func() error { _, err := TimelineAt(nil, day); return err },
		"NewSourcingAdvisor": func() error {
			_, err := NewSourcingAdvisor(rules.TableSpec{ID: "t", HitPolicy: rules.HitPolicyFirst,
				Inputs:  []rules.TableInput{{ID: "c", Expression: "criticality"}},
				Outputs: []rules.TableOutput{{Name: "scope", Type: rules.ResultString}},
				Rules:   []rules.TableRow{{When: []string{"-"}, Then: []any{"total"}}}})
			return err
		},
		"SourcingAdvisor.Recommend": func() error {
			_, err := DefaultSourcingAdvisor().Recommend(SourcingInputs{})
			return err
		},
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			err := f()
			require.Error(t, err)
			assertPkgPrefixOnce(t, err)
			for _, fe := range outsourcing.FieldErrors(err) {
				assert.True(t, fe.Path == "" || strings.HasPrefix(fe.Path, "/"), "path %q is not a JSON pointer", fe.Path)
				assert.NotContains(t, fe.Path, "[")
			}
		})
	}
}

// semanticBadTCO passes the schema and fails CompileTCO: its baseline is
// not an option.
const semanticBadTCO = `{"id": "m", "currency": "EUR", "period": "year", "horizon": 1, "discount_rate": "5", "baseline": "nope",
	"options": [{"id": "a", "lines": [{"id": "l", "category": "staff", "basis": "recurring", "amount": {"amount": "1", "currency": "EUR"}}]}]}`
