package sla_test

import (
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMinimumPayout(t *testing.T) {
	var data struct {
		Source        string `json:"source"`
		MinimumPayout string `json:"minimum_payout"`
		Cases         []struct {
			Fees         string `json:"fees"`
			Earned       string `json:"earned"`
			Paid         string `json:"paid"`
			BelowMinimum bool   `json:"below_minimum"`
			Source       string `json:"source"`
		} `json:"cases"`
	}
	testkit.LoadJSON(t, "testdata/minimum_payout.json", &data)
	require.NotEmpty(t, data.Source)
	a := mustParse(t, `{"id":"aws","credits":{"minimum_payout":{"amount":"`+data.MinimumPayout+`","currency":"USD"}},
		"levels":[{"id":"vm","metric":"availability","expected":"99.5","credit":{"kind":"tiers","preset":"aws-ec2-instance"}}]}`)
	start := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	down := time.Duration(0.01 * float64(30*24*time.Hour)) // 1% of April: 99.0% uptime
	for _, c := range data.Cases {
		require.NotEmpty(t, c.Source)
		in := sla.Input{Fees: usd(c.Fees), Outages: []sla.Outage{{Start: start, End: start.Add(down)}}}
		r, err := a.Report(in, mustPeriod(t, a, start), nil)
		require.NoError(t, err)
		assertMoney(t, c.Earned, r.Uncapped, c.Fees)
		assertMoney(t, c.Paid, r.Credits, c.Fees)
		assertMoney(t, c.Paid, r.Levels[0].Credit, c.Fees)
		assert.Equal(t, c.BelowMinimum, r.BelowMinimum, c.Fees)
	}
	_, err := a.Report(sla.Input{Fees: outsourcing.MustMoney("100", "EUR")}, mustPeriod(t, a, start), nil)
	require.ErrorIs(t, err, outsourcing.ErrCurrencyMismatch)
	require.Equal(t, "/fees/currency", outsourcing.FieldErrors(err)[0].Path)
}
