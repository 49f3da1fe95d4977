package sla_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullAgreement fills every field of the schema.
const fullAgreement = `{
  "id": "ito-2024", "name": "Infrastructure outsourcing", "time_zone": "Europe/Berlin", "period": "month",
  "calendar": {"time_zone": "Europe/Berlin", "shifts": [{"day": "monday", "start": "08:00", "end": "18:00"}],
    "holidays": [{"date": "2024-12-25", "name": "Christmas"}]},
  "maintenance": [{"id": "m1", "service": "erp", "start": "2024-04-07T02:00:00+02:00", "end": "2024-04-07T04:00:00+02:00"}],
  "recurring_maintenance": [
    {"id": "patch", "service": "web", "recurrence": "weekly", "day": "wednesday", "start": "22:00", "end": "02:00"},
    {"id": "monthly", "recurrence": "monthly", "week": "first", "day": "saturday", "start": "01:00", "end": "03:00",
     "from": "2024-01-01T00:00:00+01:00", "until": "2025-01-01T00:00:00+01:00"}],
  "credits": {"at_risk": "12", "pool_limit": "250", "cap": "10", "repeat": {"after": 2, "multiplier": "1.5"},
    "earn_back": {"periods": 3}, "bonus": {"percent": "1", "cap": "3"}, "rounding": "half_even",
    "minimum_payout": {"amount": "1.00", "currency": "EUR"}},
  "breaches": [{"id": "termination", "window": 12, "threshold": 3}],
  "levels": [
    {"id": "erp-up", "name": "ERP availability", "service": "erp", "metric": "availability", "class": "critical",
     "expected": "99.9", "minimum": "99.5", "polarity": "higher", "denominator": "period_minus_maintenance",
     "min_outage": "1m", "exclusions": ["customer"], "credit": {"kind": "allocation", "allocation": "40"},
     "improvement": {"periods": 3, "share": "0.5", "cap": "99.95"}},
    {"id": "web-up", "service": "web", "metric": "availability", "expected": "99.95",
     "error_rate": {"interval": "5m", "min_requests": 20}, "credit": {"kind": "tiers", "preset": "aws-ec2-region"}},
    {"id": "p1-res", "metric": "resolution_time", "expected": "95", "targets": {"P1": "4h", "P2": "8h"},
     "calendar": {"time_zone": "Europe/Berlin"},
     "credit": {"kind": "tiers", "tiers": [{"from": "90", "to": "95", "credit": "5"}, {"to": "90", "credit": "10"}]}},
    {"id": "api-p95", "metric": "percentile_latency", "percentile": "95", "expected": "250", "minimum": "400", "class": "key"},
    {"id": "csat", "metric": "custom", "rule": "csat", "expected": "4", "polarity": "higher",
     "credit": {"kind": "rule", "rule": "csat-credit"}}
  ],
  "rules": [
    {"id": "customer", "description": "caused by the customer", "expression": "cause == \"customer\"", "type": "bool",
     "severity": "info", "tags": ["exclusion"]},
    {"id": "csat", "expression": "counts[\"csat\"] > 0 ? values[\"csat\"] / counts[\"csat\"] : Dec(\"5\")"},
    {"id": "csat-credit", "expression": "status == \"met\" ? Dec(\"0\") : fees * 0.01"}
  ]
}`

// fullNestedAgreement fills the fields fullAgreement cannot hold with
// it: nested allocations (which exclude a pool limit), days periods, every
// breach rule field, an expected-level default and a gap share.
const fullNestedAgreement = `{
  "id": "dir", "time_zone": "America/Chicago", "period": "days", "period_days": 28, "period_start": "2024-01-01",
  "credits": {"at_risk": "10", "services": [{"service": "dc", "allocation": "60"}, {"service": "net", "allocation": "40"}]},
  "breaches": [{"id": "cap", "count": "at_cap", "threshold": 2, "window": 6},
    {"id": "run", "count": "missed_expected", "level": "dc-up", "threshold": 3, "consecutive": true}],
  "levels": [
    {"id": "dc-up", "service": "dc", "metric": "availability", "expected": "99.9", "minimum": "99",
     "credit": {"kind": "allocation", "allocation": "100", "expected_default": {"count": 4, "window": 12}},
     "improvement": {"periods": 3, "share": "1", "cap": "99.99", "gap_share": "0.1"}},
    {"id": "net-up", "service": "net", "metric": "availability", "expected": "99.9",
     "credit": {"kind": "allocation", "allocation": "80", "expected_default": {"count": 2}}}
  ]
}`

func TestAgreementRoundTripsThroughSchema(t *testing.T) {
	for _, doc := range []string{fullAgreement, fullNestedAgreement} {
		a := mustParse(t, doc)
		out, err := json.Marshal(a.Spec())
		require.NoError(t, err)
		require.NoError(t, sla.AgreementSchema().Validate(out), string(out))
		b, err := parseAgreement(out)
		require.NoError(t, err)
		again, err := json.Marshal(b.Spec())
		require.NoError(t, err)
		assert.JSONEq(t, string(out), string(again))
	}
	out, err := json.Marshal(mustParse(t, fullNestedAgreement).Spec())
	require.NoError(t, err)
	assert.JSONEq(t, fullNestedAgreement, string(out), "every field written comes back")
	a := mustParse(t, fullAgreement)
	assert.Equal(t, "Europe/Berlin", a.Location().String())
	assert.Equal(t, "https://outsourcing-go.github.io/schemas/sla/agreement.schema.json", sla.AgreementSchema().ID())
}

func TestAgreementErrors(t *testing.T) {
	level := func(extra string) string {
		return `{"id":"x","credits":{"at_risk":"10","pool_limit":"100"},"levels":[{"id":"L1","metric":"availability","expected":"99"` + extra + `}]}`
	}
	tests := []struct {
		name, doc, path string
	}{
		{"target over 100", level(`,"minimum":"101"`), "/levels/0/minimum"},
		{"minimum better than expected", level(`,"minimum":"99.5"`), "/levels/0/minimum"},
		{"unknown zone", `{"id":"x","time_zone":"Nowhere/City","credits":{},"levels":[{"id":"L","metric":"availability","expected":"99"}]}`, "/time_zone"},
		{"tier gap", level(`,"credit":{"kind":"tiers","tiers":[{"from":"99","to":"99.9","credit":"10"},{"from":"95","to":"98","credit":"30"}]}`), "/levels/0/credit/tiers/0/from"},
		{"tier overlap", level(`,"credit":{"kind":"tiers","tiers":[{"from":"98","to":"99.9","credit":"10"},{"from":"95","to":"98.5","credit":"30"}]}`), "/levels/0/credit/tiers/0/from"},
		{"unknown preset", level(`,"credit":{"kind":"tiers","preset":"nope"}`), "/levels/0/credit/preset"},
		{"allocation over the pool", `{"id":"x","credits":{"at_risk":"10","pool_limit":"100"},"levels":[
			{"id":"a","metric":"availability","expected":"99","credit":{"kind":"allocation","allocation":"60"}},
			{"id":"b","metric":"availability","expected":"99","credit":{"kind":"allocation","allocation":"60"}}]}`, "/credits/pool_limit"},
		{"key with credit", level(`,"class":"key","credit":{"kind":"allocation","allocation":"10"}`), "/levels/0/credit"},
		{"ticket level without targets", `{"id":"x","credits":{},"levels":[{"id":"r","metric":"resolution_time","expected":"90"}]}`, "/levels/0/targets"},
		{"unknown rule", level(`,"exclusions":["ghost"]`), "/levels/0/exclusions/0"},
		{"overlapping maintenance", `{"id":"x","credits":{},"maintenance":[
			{"id":"m1","start":"2024-04-07T02:00:00Z","end":"2024-04-07T04:00:00Z"},
			{"id":"m2","start":"2024-04-07T03:00:00Z","end":"2024-04-07T05:00:00Z"}],
			"levels":[{"id":"L","metric":"availability","expected":"99"}]}`, "/maintenance/1"},
		{"maintenance ends before start", `{"id":"x","credits":{},"maintenance":[
			{"id":"m1","start":"2024-04-07T04:00:00Z","end":"2024-04-07T02:00:00Z"}],
			"levels":[{"id":"L","metric":"availability","expected":"99"}]}`, "/maintenance/0/end"},
		{"duplicate level", `{"id":"x","credits":{},"levels":[{"id":"L","metric":"availability","expected":"99"},
			{"id":"L","metric":"availability","expected":"99"}]}`, "/levels/1/id"},
		{"schema", `{"id":"x","credits":{},"levels":[{"id":"L","metric":"uptime","expected":"99"}]}`, "/levels/0/metric"},
		{"misspelled minimum", level(`,"minimun":"98"`), "/levels/0/minimun"},
		{"unknown top-level property", `{"id":"x","credits":{},"levls":[],"levels":[{"id":"L","metric":"availability","expected":"99"}]}`, "/levls"},
		{"repeat multiplier below 1", `{"id":"x","credits":{"repeat":{"after":2,"multiplier":"0.5"}},"levels":[{"id":"L","metric":"availability","expected":"99"}]}`,
			"/credits/repeat/multiplier"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseAgreement([]byte(tt.doc))
			require.Error(t, err)
			assert.Nil(t, a, "nothing half-built")
			assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			var fe *outsourcing.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, tt.path, fe.Path, err.Error())
			assert.True(t, strings.HasPrefix(err.Error(), "sla: "), err.Error())
			assert.Equal(t, 1, strings.Count(err.Error(), "sla: "), err.Error())
		})
	}
	_, err := parseAgreement([]byte(`{"id":"x","credits":{},"levels":[{"id":"c","metric":"custom","rule":"r","expected":"1"}],
		"rules":[{"id":"r","expression":"no_such_field + 1"}]}`))
	var re *outsourcing.RuleError
	require.True(t, errors.As(err, &re), "%v", err)
	assert.ErrorIs(t, err, outsourcing.ErrRule)
}

func TestEnumsRejectUnknownValues(t *testing.T) {
	var m sla.MetricKind
	require.NoError(t, m.UnmarshalText([]byte("availability")))
	assert.Equal(t, sla.MetricKindAvailability, m)
	assert.ErrorIs(t, m.UnmarshalText([]byte("uptime")), outsourcing.ErrInvalidInput)
	_, err := sla.Status("bogus").MarshalText()
	assert.Error(t, err)
	var w sla.WeekOfMonth
	require.NoError(t, w.UnmarshalText([]byte("last")))
	assert.Equal(t, sla.WeekOfMonthLast, w)
	assert.ErrorIs(t, w.UnmarshalText([]byte("fifth")), outsourcing.ErrInvalidInput)
	var r sla.Recurrence
	assert.ErrorIs(t, r.UnmarshalText([]byte("yearly")), outsourcing.ErrInvalidInput)
	day, ok := sla.WeekdaySaturday.Weekday()
	assert.True(t, ok)
	assert.Equal(t, time.Saturday, day)
	_, ok = sla.Weekday("caturday").Weekday()
	assert.False(t, ok)
	_, err = sla.Weekday("caturday").MarshalText()
	assert.Error(t, err)
	var d sla.Duration
	require.NoError(t, d.UnmarshalText([]byte("1h30m")))
	assert.Equal(t, sla.Duration(90*time.Minute), d)
}

func FuzzParseAgreement(f *testing.F) {
	f.Add([]byte(fullAgreement))
	f.Add([]byte(poolAgreement))
	f.Add([]byte(fullNestedAgreement))
	f.Add([]byte(`{"id":"x","time_zone":"Europe/Berlin","credits":{},"recurring_maintenance":[
		{"id":"a","recurrence":"monthly","week":"last","day":"saturday","start":"22:00","end":"02:00"},
		{"id":"b","day":"wednesday","start":"01:00","end":"03:00"}],
		"levels":[{"id":"L","metric":"availability","expected":"99","denominator":"period_minus_maintenance",
		"error_rate":{"interval":"5m"}}]}`))
	f.Add([]byte(`{"id":"x","credits":{},"levels":[{"id":"L","metric":"availability","expected":"99"}]}`))
	f.Add([]byte(`{"id":"x","credits":{},"levels":[{"id":"L","metric":"availability","expected":"99","credit":{"kind":"tiers","tiers":[{"credit":"5"}]}}]}`))
	start := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	in := sla.Input{Fees: usd("100"), Outages: []sla.Outage{{Start: start.Add(time.Hour), End: start.Add(2 * time.Hour)}}}
	f.Fuzz(func(t *testing.T, doc []byte) {
		a, err := parseAgreement(doc)
		if err != nil {
			return
		}
		if _, err := a.Report(in, mustPeriod(t, a, start), nil); err != nil && !errors.Is(err, outsourcing.ErrRule) &&
			!errors.Is(err, outsourcing.ErrInvalidInput) && !errors.Is(err, outsourcing.ErrCurrencyMismatch) {
			t.Fatalf("untyped error: %v", err)
		}
	})
}

// TestUncompiledAgreement: a nil or zero *Agreement (not made by
// CompileAgreement) is refused with ErrInvalidInput by every method that
// returns an error; before, PeriodOf, Periods, Signals, BurnRates,
// RollingBudget and TaskSLAs dereferenced nil or a nil zone and panicked.
func TestUncompiledAgreement(t *testing.T) {
	ok := mustParse(t, `{"id":"x","credits":{},"levels":[{"id":"l","metric":"availability","expected":"99.9"}]}`)
	now := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	p := mustPeriod(t, ok, now)
	for name, a := range map[string]*sla.Agreement{"nil": nil, "zero": {}} {
		calls := map[string]func() error{
			"Report":        func() error { _, err := a.Report(sla.Input{}, p, nil); return err },
			"Evaluate":      func() error { _, err := a.Evaluate(sla.Input{}, []sla.Period{p}, nil); return err },
			"EvaluateAll":   func() error { _, err := a.EvaluateAll([]sla.Input{{}}, []sla.Period{p}, 1); return err },
			"PeriodOf":      func() error { _, err := a.PeriodOf(now); return err },
			"Periods":       func() error { _, err := a.Periods(now, now.Add(time.Hour)); return err },
			"Signals":       func() error { _, err := a.Signals(nil); return err },
			"BurnRates":     func() error { _, err := a.BurnRates(sla.Input{}, "l", now, nil); return err },
			"RollingBudget": func() error { _, err := a.RollingBudget(sla.Input{}, "l", now, sla.BudgetWindow{}); return err },
			"TaskSLAs":      func() error { _, err := a.TaskSLAs(sla.Input{}, "l", now); return err },
		}
		for call, f := range calls {
			err := f()
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput, "%s %s", name, call)
			assert.EqualError(t, err, "sla: the agreement is not compiled: build it with CompileAgreement", "%s %s", name, call)
		}
		assert.Empty(t, a.MaintenanceIn(now, now.Add(time.Hour)), name)
		assert.Nil(t, a.Location(), name)
		assert.Equal(t, "", a.Spec().ID, name)
	}
}
