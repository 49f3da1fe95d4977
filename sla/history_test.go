package sla_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// repeatAgreement doubles the credit of a level missed two months in a
// row, so a month counted twice would show as a doubled credit.
const repeatAgreement = `{"id":"ito","credits":{"at_risk":"10","repeat":{"after":2,"multiplier":"2"}},
	"levels":[{"id":"up","metric":"availability","expected":"99","minimum":"98",
		"credit":{"kind":"allocation","allocation":"20"}}]}`

// quarterMissed is three months each 3% down: every month misses 98%.
func quarterMissed(t *testing.T, a *sla.Agreement) (sla.Input, []sla.Period) {
	t.Helper()
	periods, err := a.Periods(at(t, "2024-01-01T00:00:00Z"), at(t, "2024-04-01T00:00:00Z"))
	require.NoError(t, err)
	in := sla.Input{Fees: usd("10000")}
	for _, p := range periods {
		d := p.Duration() * 3 / 100
		in.Outages = append(in.Outages, sla.Outage{ID: p.Label(), Start: p.Start(), End: p.Start().Add(d)})
	}
	return in, periods
}

func TestReprocessingAMonthGivesTheSameReport(t *testing.T) {
	a := mustParse(t, repeatAgreement)
	in, periods := quarterMissed(t, a)
	first, err := a.Evaluate(in, periods[:1], nil)
	require.NoError(t, err)
	assertMoney(t, "200.00", first[0].Credits, "January alone: 20% of 1,000 at risk")

	// An ERP re-run hands January its own report as history.
	again, err := a.Report(in, periods[0], first)
	require.NoError(t, err)
	assert.Equal(t, first[0], again, "not a repeated miss of itself")

	// The same for the quarter, re-run after the quarter was stored, and
	// for March alone with the whole quarter as history (decoded from JSON,
	// as an ERP would keep it).
	quarter, err := a.Evaluate(in, periods, nil)
	require.NoError(t, err)
	assertMoney(t, "400.00", quarter[2].Credits, "third miss in a row: ×2")
	rerun, err := a.Evaluate(in, periods, quarter)
	require.NoError(t, err)
	assert.Equal(t, quarter, rerun)
	stored, err := json.Marshal(quarter)
	require.NoError(t, err)
	var decoded []sla.Report
	require.NoError(t, json.Unmarshal(stored, &decoded))
	march, err := a.Report(in, periods[2], decoded)
	require.NoError(t, err)
	assert.True(t, march.Credits.Equal(quarter[2].Credits), "%s", march.Credits)
	assert.Equal(t, quarter[2].Levels[0].CreditReason(), march.Levels[0].CreditReason())
}

func TestHistoryIsChecked(t *testing.T) {
	a := mustParse(t, repeatAgreement)
	in, periods := quarterMissed(t, a)
	quarter, err := a.Evaluate(in, periods, nil)
	require.NoError(t, err)
	other := mustParse(t, `{"id":"other","credits":{},"levels":[{"id":"up","metric":"availability","expected":"99"}]}`)
	foreign, err := other.Report(in, periods[0], nil)
	require.NoError(t, err)

	tests := []struct {
		name    string
		p       sla.Period
		history []sla.Report
		path    string
	}{
		{"later month", periods[1], quarter[:3], "/2/period"},
		{"duplicate month", periods[2], []sla.Report{quarter[0], quarter[0]}, "/1/period"},
		{"out of order", periods[2], []sla.Report{quarter[1], quarter[0]}, "/1/period"},
		{"another agreement", periods[1], []sla.Report{foreign}, "/0/agreement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := a.Report(in, tt.p, tt.history)
			require.Error(t, err)
			assert.Equal(t, sla.Report{}, r)
			assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			var fe *outsourcing.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, tt.path, fe.Path, err.Error())
		})
	}

	// An overlapping period: a quarter report in the history of a monthly
	// agreement's February.
	q := mustParse(t, `{"id":"ito","period":"quarter","credits":{},"levels":[{"id":"up","metric":"availability","expected":"99"}]}`)
	qr, err := q.Report(in, mustPeriod(t, q, periods[0].Start()), nil)
	require.NoError(t, err)
	_, err = a.Report(in, periods[1], []sla.Report{qr})
	var fe *outsourcing.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	assert.Equal(t, "/0/period", fe.Path, err.Error())

	// Periods to evaluate must be in order without repeats.
	_, err = a.Evaluate(in, []sla.Period{periods[1], periods[1]}, nil)
	require.True(t, errors.As(err, &fe), "%v", err)
	assert.Equal(t, "/1", fe.Path, err.Error())
}

// A stored report whose level trend is missing (or does not end with the
// report's period) cannot give the evidence or trend point it stands
// for: Signals and Evaluate refuse it at the trend instead of panicking.
func TestHistoryWithoutTrendIsRefused(t *testing.T) {
	a := mustParse(t, `{"id":"desk","time_zone":"UTC","credits":{},"levels":[
		{"id":"resolution","metric":"resolution_time","expected":"90","targets":{"P1":"8h"}}],
		"breaches":[{"id":"b","level":"resolution","count":"missed_expected","threshold":1,"window":1}]}`)
	in := sla.Input{Fees: usd("100")}
	periods, err := a.Periods(at(t, "2024-01-01T00:00:00Z"), at(t, "2024-03-01T00:00:00Z"))
	require.NoError(t, err)
	reports, err := a.Evaluate(in, periods[:1], nil)
	require.NoError(t, err)
	for _, trend := range [][]sla.TrendPoint{nil, {{Period: "2023-12"}}} {
		stored := reports[0]
		stored.Levels = []sla.LevelReport{stored.Levels[0]}
		stored.Levels[0].Trend = trend
		_, err = a.Signals([]sla.Report{stored})
		require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
		assert.Equal(t, "/0/levels/0/trend", outsourcing.FieldErrors(err)[0].Path, err.Error())
		_, err = a.Evaluate(in, periods[1:], []sla.Report{stored})
		require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
		assert.Equal(t, "/0/levels/0/trend", outsourcing.FieldErrors(err)[0].Path, err.Error())
	}
}

// A missing period is refused: "3 misses in a row" and "2 of any 6
// months" count periods, so a history of January and March, or a history
// ending in January handed to a report of March, would count the months
// around the gap as consecutive.
func TestHistoryWithAGapIsRefused(t *testing.T) {
	a := mustParse(t, `{"id":"desk","time_zone":"UTC","credits":{},"levels":[
		{"id":"resolution","metric":"resolution_time","expected":"90","targets":{"P1":"8h"}}],
		"breaches":[{"id":"b","level":"resolution","count":"missed_expected","threshold":2,"consecutive":true}]}`)
	in := sla.Input{Fees: usd("100")}
	periods, err := a.Periods(at(t, "2024-01-01T00:00:00Z"), at(t, "2024-04-01T00:00:00Z"))
	require.NoError(t, err)
	reports, err := a.Evaluate(in, periods, nil)
	require.NoError(t, err)
	jan, mar := reports[0], reports[2]

	_, err = a.Signals([]sla.Report{jan, mar})
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Equal(t, "/1/period", outsourcing.FieldErrors(err)[0].Path, err.Error())
	assert.ErrorContains(t, err, "no report between 2024-01 and 2024-03")

	_, err = a.Evaluate(in, periods[2:], []sla.Report{jan})
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Equal(t, "/0/period", outsourcing.FieldErrors(err)[0].Path, err.Error())

	_, err = a.Signals(reports) // January to March in a row
	require.NoError(t, err)
}
