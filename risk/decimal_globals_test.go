package risk_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/risk"
)

// TestResultsIgnoreDecimalGlobals assesses a register, checks it against
// the default policy, draws its heat map and simulates a portfolio whose
// loss amounts carry trailing zeros and a positive exponent, then checks
// that the JSON, the heat map's text and SVG and the printed amounts do
// not change when a host sets shopspring/decimal's package globals before
// computing them. Not parallel: it changes them.
func TestResultsIgnoreDecimalGlobals(t *testing.T) {
	asOf := time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)
	eur := func(d decimal.Decimal) *outsourcing.Money {
		m, err := outsourcing.NewMoney(outsourcing.DecimalOf(d), "EUR")
		require.NoError(t, err)
		return &m
	}
	v := 0.4
	items := []risk.PortfolioItem{
		{ID: "R1", Scenario: risk.Scenario{Frequency: risk.Frequency{Rate: 0.5}, Magnitude: risk.Magnitude{
			Distribution: risk.MagnitudeLognormal, Low: eur(decimal.RequireFromString("10000.50")), High: eur(decimal.New(25, 4))}}},
		{ID: "R2", Scenario: risk.Scenario{Frequency: risk.Frequency{PERT: &risk.PERT{Min: 1, Mode: 2, Max: 6}}, Vulnerability: &v,
			Magnitude: risk.Magnitude{Distribution: risk.MagnitudePERT, Min: eur(decimal.New(1, 3)), Mode: eur(decimal.RequireFromString("5000.0")),
				Max: eur(decimal.RequireFromString("40000.00"))}}},
	}
	opt := risk.SimOptions{Trials: 4000, Seed: 3, Workers: 1, SummaryOptions: risk.SummaryOptions{Thresholds: []outsourcing.Money{*eur(decimal.New(5, 4))}}}

	testkit.AssertGlobalsIgnored(t, func() []byte {
		reg := exampleRegister()
		rep, err := risk.Assess(reg, risk.Classic5x5(), asOf)
		require.NoError(t, err)
		policy, err := risk.NewPolicy(risk.DefaultPolicyRules())
		require.NoError(t, err)
		findings, err := policy.Check(reg, risk.Classic5x5(), asOf)
		require.NoError(t, err)
		heat, err := risk.Classic5x5().HeatMap(reg.Risks)
		require.NoError(t, err)
		ale, err := items[0].Scenario.ALE()
		require.NoError(t, err)
		one, err := risk.Simulate(items[1].Scenario, opt)
		require.NoError(t, err)
		portfolio, err := risk.SimulatePortfolio(items, opt)
		require.NoError(t, err)

		data, err := json.MarshalIndent(map[string]any{"register": reg, "report": rep, "findings": findings, "heat_map": heat,
			"scenarios": []risk.Scenario{items[0].Scenario, items[1].Scenario}, "ale": ale, "simulation": one, "portfolio": portfolio}, "", "  ")
		require.NoError(t, err)
		out := append(data, heat.Text()+heat.SVG()...)
		total := portfolio.Total
		return fmt.Appendf(out, "%v %v %v %v %v %v %v %v\n%v\n", ale, total.Mean, total.StdDev, total.P50, total.P90, total.VaR, total.P99,
			one.P95, total.Exceedance)
	})
}

// TestErrorMessagesIgnoreDecimalGlobals checks that an amount quoted in an
// error message is written with outsourcing.FormatDecimal: the digits the
// caller gave, whatever shopspring/decimal's globals say.
func TestErrorMessagesIgnoreDecimalGlobals(t *testing.T) {
	high, err := outsourcing.NewMoney(outsourcing.DecimalOf(decimal.New(2, 15)), "EUR")
	require.NoError(t, err)
	low := outsourcing.MustMoney("1.50", "EUR")
	s := risk.Scenario{Frequency: risk.Frequency{Rate: 1},
		Magnitude: risk.Magnitude{Distribution: risk.MagnitudeUniform, Min: &low, Max: &high}}
	testkit.AssertGlobalsIgnored(t, func() []byte {
		_, err := s.ALE()
		require.ErrorIs(t, err, outsourcing.ErrLimit)
		require.EqualError(t, err, "risk: /magnitude/max: amount 2000000000000000 EUR is above the limit of 1e+15")
		return []byte(err.Error())
	})
}
