package sla_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPeriodsAreBuiltByTheAgreement(t *testing.T) {
	a := mustParse(t, `{"id":"x","time_zone":"Europe/Berlin","credits":{},"levels":[{"id":"up","metric":"availability","expected":"99"}]}`)
	p := mustPeriod(t, a, at(t, "2024-03-15T12:00:00Z"))
	assert.Equal(t, "2024-03", p.Label())
	assert.Equal(t, 743*time.Hour, p.Duration(), "March 2024 in Berlin loses an hour to summer time")
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"label":"2024-03","start":"2024-03-01T00:00:00+01:00","end":"2024-04-01T00:00:00+02:00"}`, string(b))
	var back sla.Period
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Start().Equal(p.Start()) && back.End().Equal(p.End()) && back.Label() == p.Label())
	_, err = a.Report(sla.Input{Fees: usd("1")}, back, nil)
	require.NoError(t, err, "a decoded period of the agreement is one")
}

// TestPeriodsFarFromTodayAreRefused: instants past 2262 overflow int64
// nanoseconds; a period there used to report "met" while ignoring its
// outage. The constructors refuse any period outside 1900 to 2200.
func TestPeriodsFarFromTodayAreRefused(t *testing.T) {
	a := mustParse(t, `{"id":"x","credits":{},"levels":[{"id":"up","metric":"availability","expected":"99"}]}`)
	for _, tm := range []time.Time{
		time.Date(2300, 6, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2199, 12, 31, 0, 0, 0, 0, time.UTC).Add(25 * time.Hour), // January 2200
		time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC),
	} {
		p, err := a.PeriodOf(tm)
		require.Error(t, err, "%s", tm)
		assert.True(t, p.IsZero())
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
		_, err = a.Periods(tm, tm.Add(time.Hour))
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	}
	_, err := a.PeriodOf(time.Date(2199, 12, 31, 0, 0, 0, 0, time.UTC))
	assert.NoError(t, err, "December 2199 ends at 2200 exactly")
}

// TestInvertedOrForeignPeriodsAreRefused: an inverted period used to give
// "no data, treated as met" with no error.
func TestInvertedOrForeignPeriodsAreRefused(t *testing.T) {
	a := mustParse(t, `{"id":"x","credits":{},"levels":[{"id":"up","metric":"availability","expected":"99"}]}`)
	var p sla.Period
	err := json.Unmarshal([]byte(`{"label":"2024-04","start":"2024-05-01T00:00:00Z","end":"2024-04-01T00:00:00Z"}`), &p)
	var fe *outsourcing.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	assert.Equal(t, "/end", fe.Path)
	err = json.Unmarshal([]byte(`{"label":"2262","start":"2262-01-01T00:00:00Z","end":"2263-01-01T00:00:00Z"}`), &p)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)

	in := sla.Input{Fees: usd("1"), Outages: []sla.Outage{{Start: at(t, "2024-04-02T00:00:00Z"), End: at(t, "2024-04-03T00:00:00Z")}}}
	for name, doc := range map[string]string{
		"half a month":     `{"label":"2024-04","start":"2024-04-01T00:00:00Z","end":"2024-04-15T00:00:00Z"}`,
		"mislabelled":      `{"label":"2024-05","start":"2024-04-01T00:00:00Z","end":"2024-05-01T00:00:00Z"}`,
		"another zone's":   `{"label":"2024-04","start":"2024-04-01T00:00:00+02:00","end":"2024-05-01T00:00:00+02:00"}`,
		"a quarter":        `{"label":"2024-Q2","start":"2024-04-01T00:00:00Z","end":"2024-07-01T00:00:00Z"}`,
		"not from a month": `{"label":"x","start":"2024-04-02T00:00:00Z","end":"2024-04-03T00:00:00Z"}`,
	} {
		var p sla.Period
		require.NoError(t, json.Unmarshal([]byte(doc), &p), name)
		r, err := a.Report(in, p, nil)
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput, name)
		assert.Equal(t, sla.Report{}, r, name)
		_, err = a.Evaluate(in, []sla.Period{p}, nil)
		require.True(t, errors.As(err, &fe), "%s: %v", name, err)
		assert.Equal(t, "/0", fe.Path, name)
	}
	_, err = a.Report(in, sla.Period{}, nil)
	require.True(t, errors.As(err, &fe), "%v", err)
	assert.Equal(t, "", fe.Path)
}
