package sla_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// breachData is testdata/breach_signals.json.
type breachData struct {
	Source    string          `json:"source"`
	Agreement json.RawMessage `json:"agreement"`
	Fees      string          `json:"fees"`
	Months    []struct {
		Month       string `json:"month"`
		DownMinutes int    `json:"down_minutes"`
		AtCap       bool   `json:"at_cap"`
		Signals     []struct {
			Rule      string   `json:"rule"`
			Read      int      `json:"read"`
			Periods   []string `json:"periods"`
			Triggered bool     `json:"triggered"`
		} `json:"signals"`
	} `json:"months"`
}

// breachReports evaluates the months of testdata/breach_signals.json.
func breachReports(t *testing.T) (*sla.Agreement, breachData, []sla.Report) {
	var data breachData
	testkit.LoadJSON(t, "testdata/breach_signals.json", &data)
	require.NotEmpty(t, data.Source)
	a := mustParse(t, string(data.Agreement))
	in := sla.Input{Fees: usd(data.Fees)}
	var periods []sla.Period
	for _, m := range data.Months {
		p := mustPeriod(t, a, at(t, m.Month+"-01T00:00:00Z"))
		periods = append(periods, p)
		if m.DownMinutes > 0 {
			in.Outages = append(in.Outages, sla.Outage{ID: m.Month, Start: p.Start().Add(time.Hour),
				End: p.Start().Add(time.Hour + time.Duration(m.DownMinutes)*time.Minute)})
		}
	}
	reports, err := a.Evaluate(in, periods, nil)
	require.NoError(t, err)
	return a, data, reports
}

func TestBreachSignalsCountWithEvidence(t *testing.T) {
	_, data, reports := breachReports(t)
	for k, m := range data.Months {
		r := reports[k]
		assert.Equal(t, m.AtCap, r.AtCap, m.Month)
		require.Len(t, r.Signals, len(m.Signals), m.Month)
		for i, want := range m.Signals {
			got := r.Signals[i]
			assert.Equal(t, want.Rule, got.Rule, m.Month)
			assert.Equal(t, want.Read, got.Read, "%s %s read", m.Month, want.Rule)
			assert.Equal(t, len(want.Periods), got.Counted, "%s %s counted", m.Month, want.Rule)
			if len(want.Periods) > 0 {
				assert.Equal(t, want.Periods, got.Periods, "%s %s evidence", m.Month, want.Rule)
			}
			assert.Equal(t, want.Triggered, got.Triggered, "%s %s", m.Month, want.Rule)
		}
	}
	assert.Contains(t, reports[4].Markdown(), "Signal oneneck: at_cap in 2 of the last 4 periods (2024-02, 2024-05), threshold 2")
}

func TestSignalsFromStoredReports(t *testing.T) {
	a, _, reports := breachReports(t)
	// The stored reports, read back, give the last report's signals.
	b, err := json.Marshal(reports)
	require.NoError(t, err)
	var stored []sla.Report
	require.NoError(t, json.Unmarshal(b, &stored))
	got, err := a.Signals(stored)
	require.NoError(t, err)
	assert.Equal(t, reports[len(reports)-1].Signals, got)

	// Three months cannot decide "2 in any 4".
	_, err = a.Signals(stored[:3])
	require.Error(t, err)
	assert.True(t, errors.Is(err, outsourcing.ErrInvalidInput))
	fe := outsourcing.FieldErrors(err)
	require.Len(t, fe, 1)
	assert.Equal(t, "/breaches/0/window", fe[0].Path)
	// Out of order history is refused at its place.
	_, err = a.Signals([]sla.Report{stored[1], stored[0], stored[2], stored[3]})
	require.Error(t, err)
	assert.Equal(t, "/1/period", outsourcing.FieldErrors(err)[0].Path)
}

func TestBreachRulesAreChecked(t *testing.T) {
	for _, c := range []struct{ rule, path string }{
		{`{"id":"x","threshold":3,"window":2}`, "/breaches/0/window"},
		{`{"id":"x","threshold":2,"window":4,"consecutive":true}`, "/breaches/0/window"},
		{`{"id":"x","count":"at_cap","level":"up","threshold":1,"window":1}`, "/breaches/0/level"},
		{`{"id":"x","level":"nope","threshold":1,"window":1}`, "/breaches/0/level"},
	} {
		_, err := parseAgreement([]byte(`{"id":"a","credits":{},"breaches":[` + c.rule + `],
			"levels":[{"id":"up","metric":"availability","expected":"99"}]}`))
		require.Error(t, err, c.rule)
		fe := outsourcing.FieldErrors(err)
		require.Len(t, fe, 1, c.rule)
		assert.Equal(t, c.path, fe[0].Path, c.rule)
	}
}
