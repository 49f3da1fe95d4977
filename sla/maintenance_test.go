package sla_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type maintenanceCase struct {
	Name        string                `json:"name"`
	Windows     []sla.RecurringWindow `json:"windows"`
	Month       string                `json:"month"`
	Expanded    [][2]time.Time        `json:"expanded"`
	Maintenance sla.Duration          `json:"maintenance"`
	Denominator sla.Duration          `json:"denominator"`
	Source      string                `json:"source"`
}

func loadMaintenance(t *testing.T) (zone string, cases []maintenanceCase) {
	var data struct {
		Source   string            `json:"source"`
		TimeZone string            `json:"time_zone"`
		Cases    []maintenanceCase `json:"cases"`
	}
	testkit.LoadJSON(t, "testdata/maintenance.json", &data)
	require.NotEmpty(t, data.Source)
	return data.TimeZone, data.Cases
}

// recurringAgreement is an availability level over period_minus_maintenance
// with the given recurring windows.
func recurringAgreement(t *testing.T, zone string, windows []sla.RecurringWindow, extra string) *sla.Agreement {
	t.Helper()
	w, err := json.Marshal(windows)
	require.NoError(t, err)
	return mustParse(t, `{"id":"m","time_zone":"`+zone+`","credits":{},"recurring_maintenance":`+string(w)+`,
		"levels":[{"id":"up","metric":"availability","expected":"99","denominator":"period_minus_maintenance"`+extra+`}]}`)
}

func TestRecurringMaintenanceExpandsAcrossDST(t *testing.T) {
	zone, cases := loadMaintenance(t)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			a := recurringAgreement(t, zone, c.Windows, "")
			p := mustPeriod(t, a, at(t, c.Month+"-15T12:00:00Z"))
			got := a.MaintenanceIn(p.Start(), p.End())
			require.Len(t, got, len(c.Expanded))
			for i, w := range got {
				assert.True(t, c.Expanded[i][0].Equal(w.Start), "window %d starts %s", i, w.Start.UTC())
				assert.True(t, c.Expanded[i][1].Equal(w.End), "window %d ends %s", i, w.End.UTC())
			}
			r, err := a.Report(sla.Input{Fees: usd("1")}, p, nil)
			require.NoError(t, err)
			assert.Equal(t, c.Denominator, r.Levels[0].Denominator)
			assert.Equal(t, sla.Duration(p.Duration())-c.Maintenance, r.Levels[0].Denominator)
		})
	}
}

func TestRecurringMaintenanceRemovesOutageTime(t *testing.T) {
	a := recurringAgreement(t, "Europe/Berlin", []sla.RecurringWindow{
		{ID: "weekly", Day: sla.WeekdaySunday, Start: outsourcing.ClockTimeOf(1, 0), End: outsourcing.ClockTimeOf(5, 0)}},
		`,"min_outage":"30m"`)
	loc := a.Location()
	in := sla.Input{Fees: usd("1"), Outages: []sla.Outage{
		// Sunday 31 March, 00:00-04:00 local: only 00:00-01:00 CET is outside the window.
		{ID: "spring", Start: time.Date(2024, 3, 31, 0, 0, 0, 0, loc), End: time.Date(2024, 3, 31, 4, 0, 0, 0, loc)},
		// Sunday 10 March 04:40-05:20: the 20 minutes after the window are below the 30-minute minimum.
		{ID: "short", Start: time.Date(2024, 3, 10, 4, 40, 0, 0, loc), End: time.Date(2024, 3, 10, 5, 20, 0, 0, loc)},
	}}
	r, err := a.Report(in, mustPeriod(t, a, time.Date(2024, 3, 15, 0, 0, 0, 0, loc)), nil)
	require.NoError(t, err)
	l := r.Levels[0]
	assert.Equal(t, sla.Duration(time.Hour), l.Downtime)
	assert.Equal(t, sla.Duration(724*time.Hour), l.Denominator)
	assert.Equal(t, "18075/181", l.Exact(), "100 × (724 − 1) / 724")
}

func TestRecurringMaintenanceErrors(t *testing.T) {
	doc := func(windows, oneOff string) string {
		return `{"id":"x","time_zone":"Europe/Berlin","credits":{},"maintenance":[` + oneOff + `],"recurring_maintenance":[` + windows + `],
			"levels":[{"id":"L","metric":"availability","expected":"99"}]}`
	}
	tests := []struct {
		name, doc, path, contains string
	}{
		{"same day overlap", doc(`{"id":"a","day":"sunday","start":"01:00","end":"05:00"},{"id":"b","day":"sunday","start":"04:00","end":"06:00"}`, ``),
			"/recurring_maintenance/1", `"a" and "b" overlap`},
		{"overnight spill", doc(`{"id":"a","day":"saturday","start":"22:00","end":"02:00"},{"id":"b","day":"sunday","start":"01:00","end":"03:00"}`, ``),
			"/recurring_maintenance/1", "overlap"},
		{"monthly inside weekly", doc(`{"id":"a","recurrence":"monthly","week":"first","day":"sunday","start":"01:00","end":"05:00"},{"id":"b","day":"sunday","start":"03:00","end":"04:00"}`, ``),
			"/recurring_maintenance/1", "overlap"},
		{"last and fourth", doc(`{"id":"a","recurrence":"monthly","week":"last","day":"sunday","start":"01:00","end":"02:00"},{"id":"b","recurrence":"monthly","week":"fourth","day":"sunday","start":"01:30","end":"03:00"}`, ``),
			"/recurring_maintenance/1", "overlap"},
		// A month ending on a Saturday followed by one starting on a Sunday: 31 March / 1 April 2001.
		{"last saturday into first sunday", doc(`{"id":"a","recurrence":"monthly","week":"last","day":"saturday","start":"22:00","end":"02:00"},{"id":"b","recurrence":"monthly","week":"first","day":"sunday","start":"01:00","end":"03:00"}`, ``),
			"/recurring_maintenance/1", "as on 2001-04-01"},
		{"one-off inside weekly", doc(`{"id":"a","day":"sunday","start":"01:00","end":"05:00"}`, `{"id":"m1","start":"2024-04-07T02:00:00+02:00","end":"2024-04-07T04:00:00+02:00"}`),
			"/maintenance/0", `window "m1" overlaps recurring window "a" on 2024-04-07`},
		{"empty window", doc(`{"id":"a","day":"sunday","start":"01:00","end":"01:00"}`, ``), "/recurring_maintenance/0/end", "starts and ends"},
		{"monthly without week", doc(`{"id":"a","recurrence":"monthly","day":"sunday","start":"01:00","end":"02:00"}`, ``), "/recurring_maintenance/0", ""},
		{"weekly with week", doc(`{"id":"a","week":"first","day":"sunday","start":"01:00","end":"02:00"}`, ``), "/recurring_maintenance/0/week", "not allowed"},
		{"unknown day", doc(`{"id":"a","day":"sun","start":"01:00","end":"02:00"}`, ``), "/recurring_maintenance/0/day", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseAgreement([]byte(tt.doc))
			require.Error(t, err)
			assert.Nil(t, a)
			assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			var fe *outsourcing.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, tt.path, fe.Path, err.Error())
			assert.Contains(t, err.Error(), tt.contains)
			assert.True(t, strings.HasPrefix(err.Error(), "sla: "), err.Error())
		})
	}
}

func TestRecurringMaintenanceAllowed(t *testing.T) {
	doc := func(windows, oneOff string) string {
		return `{"id":"x","time_zone":"Europe/Berlin","credits":{},"maintenance":[` + oneOff + `],"recurring_maintenance":[` + windows + `],
			"levels":[{"id":"L","metric":"availability","expected":"99"}]}`
	}
	for name, d := range map[string]string{
		"different services": doc(`{"id":"a","service":"erp","day":"sunday","start":"01:00","end":"05:00"},{"id":"b","service":"web","day":"sunday","start":"01:00","end":"05:00"}`, ``),
		"first and second":   doc(`{"id":"a","recurrence":"monthly","week":"first","day":"sunday","start":"01:00","end":"05:00"},{"id":"b","recurrence":"monthly","week":"second","day":"sunday","start":"01:00","end":"05:00"}`, ``),
		"touching":           doc(`{"id":"a","day":"sunday","start":"01:00","end":"05:00"},{"id":"b","day":"sunday","start":"05:00","end":"06:00"}`, `{"id":"m","start":"2024-04-06T01:00:00+02:00","end":"2024-04-06T05:00:00+02:00"}`),
	} {
		_, err := parseAgreement([]byte(d))
		assert.NoError(t, err, name)
	}
}

func TestRecurringMaintenanceCompileChecksGoValues(t *testing.T) {
	spec := sla.AgreementSpec{ID: "x", Levels: []sla.Level{{ID: "L", Metric: sla.MetricKindAvailability, Expected: outsourcing.MustDecimal("99")}},
		RecurringMaintenance: []sla.RecurringWindow{
			{ID: "a", Recurrence: sla.RecurrenceMonthly, Week: "fifth", Day: sla.WeekdaySunday, Start: 60, End: 120},
			{ID: "b", Recurrence: "yearly", Day: "someday", Start: 60, End: 1500},
		}}
	_, err := sla.CompileAgreement(spec)
	require.Error(t, err)
	var paths []string
	for _, fe := range outsourcing.FieldErrors(err) {
		paths = append(paths, fe.Path)
	}
	assert.Equal(t, []string{"/recurring_maintenance/0/week", "/recurring_maintenance/1/day", "/recurring_maintenance/1/recurrence",
		"/recurring_maintenance/1/end"}, paths)
}

// TestRecurringMaintenanceValidity: a contract change moves the Sunday
// window to Saturday from 15 March 2024 (Europe/Berlin). The two windows
// do not overlap in time, so they may share a weekday pattern; March has
// the Sundays 3 and 10 before the change and the Saturdays 16, 23 and 30
// after it (the 30th before clocks go forward: four hours each).
func TestRecurringMaintenanceValidity(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	change := time.Date(2024, 3, 15, 0, 0, 0, 0, loc)
	windows := []sla.RecurringWindow{
		{ID: "old", Day: sla.WeekdaySunday, Start: outsourcing.ClockTimeOf(1, 0), End: outsourcing.ClockTimeOf(5, 0), Until: &change},
		{ID: "new", Day: sla.WeekdaySaturday, Start: outsourcing.ClockTimeOf(1, 0), End: outsourcing.ClockTimeOf(5, 0), From: &change},
		{ID: "also", Day: sla.WeekdaySunday, Start: outsourcing.ClockTimeOf(3, 0), End: outsourcing.ClockTimeOf(4, 0), From: &change},
	}
	a := recurringAgreement(t, "Europe/Berlin", windows, "")
	p := mustPeriod(t, a, change)
	var days []string
	for _, w := range a.MaintenanceIn(p.Start(), p.End()) {
		days = append(days, w.ID+" "+w.Start.In(loc).Format("Mon 2"))
	}
	assert.Equal(t, []string{"old Sun 3", "old Sun 10", "new Sat 16", "also Sun 17", "new Sat 23", "also Sun 24",
		"new Sat 30", "also Sun 31"}, days)

	// Windows in force together still may not overlap.
	overlapping := append(windows[:2:2], sla.RecurringWindow{ID: "late", Day: sla.WeekdaySaturday,
		Start: outsourcing.ClockTimeOf(4, 0), End: outsourcing.ClockTimeOf(6, 0), From: &change})
	w, err := json.Marshal(overlapping)
	require.NoError(t, err)
	_, err = parseAgreement([]byte(`{"id":"m","time_zone":"Europe/Berlin","credits":{},"recurring_maintenance":` + string(w) +
		`,"levels":[{"id":"up","metric":"availability","expected":"99"}]}`))
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	require.Equal(t, "/recurring_maintenance/2", outsourcing.FieldErrors(err)[0].Path)

	// Until must be after from.
	early := change.Add(-time.Hour)
	bad := []sla.RecurringWindow{{ID: "x", Day: sla.WeekdaySunday, Start: outsourcing.ClockTimeOf(1, 0),
		End: outsourcing.ClockTimeOf(2, 0), From: &change, Until: &early}}
	w, err = json.Marshal(bad)
	require.NoError(t, err)
	_, err = parseAgreement([]byte(`{"id":"m","credits":{},"recurring_maintenance":` + string(w) +
		`,"levels":[{"id":"up","metric":"availability","expected":"99"}]}`))
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	require.Equal(t, "/recurring_maintenance/0/until", outsourcing.FieldErrors(err)[0].Path)
}
