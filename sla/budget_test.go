package sla_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// budgetData is testdata/error_budget.json.
type budgetData struct {
	Source string `json:"source"`
	Tables []struct {
		Days int `json:"days"`
		Rows []struct{ Severity, Long, Short, Factor, Consumed string }
	} `json:"tables"`
	AsOf    string `json:"as_of"`
	Budgets []struct {
		Name, Objective, Length, Method, Slice, Source string
		Outage                                         struct{ From, To string }
		Total, Bad                                     int64
		Allowed, Remaining                             string
		RemainingPercent                               string `json:"remaining_percent"`
		Attainment                                     string
		Burn                                           []struct {
			Long, Short string
			Firing      bool
		}
	} `json:"budgets"`
	Bad []struct{ Length, Method, Slice, Path, Source string } `json:"bad"`
}

func TestWorkbookBurnWindowsScaleWithTheSLOWindow(t *testing.T) {
	var data budgetData
	testkit.LoadJSON(t, "testdata/error_budget.json", &data)
	require.NotEmpty(t, data.Source)
	for _, table := range data.Tables {
		got := sla.WorkbookBurnWindows(time.Duration(table.Days) * 24 * time.Hour)
		require.Len(t, got, len(table.Rows))
		for i, w := range table.Rows {
			assert.Equal(t, w.Severity, got[i].Severity)
			assert.Equal(t, mustDuration(t, w.Long), got[i].Long)
			assert.Equal(t, mustDuration(t, w.Short), got[i].Short)
			testkit.AssertDecimal(t, w.Factor, got[i].Factor.Shopspring(), "%d days, row %d", table.Days, i)
			testkit.AssertDecimal(t, w.Consumed, got[i].BudgetConsumed.Points().Shopspring())
		}
	}
}

func TestRollingBudgets(t *testing.T) {
	var data budgetData
	testkit.LoadJSON(t, "testdata/error_budget.json", &data)
	asOf := at(t, data.AsOf)
	for _, c := range data.Budgets {
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			a := mustParse(t, fmt.Sprintf(`{"id":"slo","credits":{},"levels":[{"id":"api","metric":"availability","expected":%q}]}`, c.Objective))
			in := sla.Input{}
			for d := range 26 {
				in.Requests = append(in.Requests, sla.RequestSample{Start: asOf.Add(-time.Duration(27-d) * 24 * time.Hour), Requests: 38000})
			}
			for k := range 12 {
				in.Requests = append(in.Requests, sla.RequestSample{Start: asOf.Add(-time.Hour + time.Duration(k)*5*time.Minute), Requests: 1000, Errors: 50})
			}
			if c.Outage.From != "" {
				from, _ := time.ParseDuration(c.Outage.From)
				to, _ := time.ParseDuration(c.Outage.To)
				in.Outages = []sla.Outage{{Start: asOf.Add(from), End: asOf.Add(to)}}
			}
			w := sla.BudgetWindow{Length: mustDuration(t, c.Length), Method: sla.BudgetMethod(c.Method)}
			if c.Slice != "" {
				w.Slice = mustDuration(t, c.Slice)
			}
			b, err := a.RollingBudget(in, "api", asOf, w)
			require.NoError(t, err)
			assert.Equal(t, c.Total, b.Total)
			assert.Equal(t, c.Bad, b.Bad)
			testkit.AssertDecimal(t, c.Allowed, b.Allowed.Shopspring())
			testkit.AssertDecimal(t, c.Remaining, b.Remaining.Shopspring())
			require.NotNil(t, b.RemainingPercent)
			testkit.AssertDecimal(t, c.RemainingPercent, b.RemainingPercent.Shopspring())
			require.NotNil(t, b.Attainment)
			testkit.AssertDecimal(t, c.Attainment, b.Attainment.Shopspring())
			require.Len(t, b.Burn, len(c.Burn))
			for i, want := range c.Burn {
				testkit.AssertDecimal(t, want.Long, b.Burn[i].LongRate.Shopspring(), "window %d long", i)
				testkit.AssertDecimal(t, want.Short, b.Burn[i].ShortRate.Shopspring(), "window %d short", i)
				assert.Equal(t, want.Firing, b.Burn[i].Firing, "window %d", i)
			}
		})
	}
}

func TestRollingBudgetWindowsAreChecked(t *testing.T) {
	var data budgetData
	testkit.LoadJSON(t, "testdata/error_budget.json", &data)
	a := mustParse(t, `{"id":"slo","credits":{},"levels":[{"id":"api","metric":"availability","expected":"99.9"}]}`)
	for _, c := range data.Bad {
		w := sla.BudgetWindow{Length: mustDuration(t, c.Length), Method: sla.BudgetMethod(c.Method)}
		if c.Slice != "" {
			w.Slice = mustDuration(t, c.Slice)
		}
		_, err := a.RollingBudget(sla.Input{}, "api", at(t, data.AsOf), w)
		require.Error(t, err, c.Source)
		fe := outsourcing.FieldErrors(err)
		require.Len(t, fe, 1)
		assert.Equal(t, c.Path, fe[0].Path, c.Source)
	}
	_, err := a.RollingBudget(sla.Input{}, "nope", at(t, data.AsOf), sla.BudgetWindow{Length: mustDuration(t, "168h"), Method: sla.BudgetMethodOccurrences})
	assert.ErrorIs(t, err, outsourcing.ErrNotFound)
}

func mustDuration(t *testing.T, s string) sla.Duration {
	t.Helper()
	d, err := time.ParseDuration(s)
	require.NoError(t, err)
	return sla.Duration(d)
}
