package sla_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/require"
)

// TestResultTypesMarshalSnakeCase checks every exported result type of
// the package (and the types they hold) for snake_case JSON names, then
// marshals real results and checks every key.
func TestResultTypesMarshalSnakeCase(t *testing.T) {
	results := []any{sla.Report{}, sla.LevelReport{}, sla.TrendPoint{}, sla.Signal{}, sla.ErrorBudget{},
		sla.BurnRate{}, sla.BurnWindow{}, sla.Preset{}, sla.Window{}, sla.Period{}, sla.RollingBudget{}, sla.BudgetWindow{},
		sla.TaskSLA{}}
	testkit.AssertCoversPackage(t, slices.Concat(results, []any{sla.AgreementSpec{}, sla.Input{}})...)
	testkit.AssertResultTypes(t, results...)

	a := mustParse(t, fullAgreement)
	in, err := sla.ParseInput([]byte(fullInput))
	require.NoError(t, err)
	p := mustPeriod(t, a, at(t, "2024-04-01T00:00:00Z"))
	r, err := a.Report(in, p, nil)
	require.NoError(t, err)
	rates, err := a.BurnRates(in, "erp-up", p.End(), nil)
	require.NoError(t, err)
	budget, err := a.RollingBudget(in, "erp-up", p.End(), sla.BudgetWindow{Length: sla.Duration(28 * 24 * time.Hour),
		Method: sla.BudgetMethodTimeSlices, Slice: sla.Duration(5 * time.Minute)})
	require.NoError(t, err)
	for name, v := range map[string]any{"report": r, "burn_rates": rates, "presets": sla.Presets(),
		"maintenance": a.MaintenanceIn(p.Start(), p.End()), "rolling_budget": budget} {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		testkit.AssertSnakeCaseKeys(t, b, name)
	}
}
