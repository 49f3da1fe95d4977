package contract_test

import (
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type dateCases struct {
	AddMonths []struct {
		Date   string `json:"date"`
		Months int    `json:"months"`
		Want   string `json:"want"`
		Source string `json:"source"`
	} `json:"add_months"`
	EndOfMonth []struct {
		Date   string `json:"date"`
		Months int    `json:"months"`
		Want   string `json:"want"`
		Source string `json:"source"`
	} `json:"end_of_month"`
	Recurring []struct {
		Anchor string   `json:"anchor"`
		Every  string   `json:"every"`
		Want   []string `json:"want"`
		Source string   `json:"source"`
	} `json:"recurring"`
	Spans []struct {
		Text   string `json:"text"`
		Months int    `json:"months"`
		Days   int    `json:"days"`
		Source string `json:"source"`
	} `json:"spans"`
}

func date(t *testing.T, s string) contract.Date {
	t.Helper()
	d, err := contract.ParseDate(s)
	require.NoError(t, err)
	return d
}

// TestDateArithmetic checks month arithmetic against the published
// behaviour of Excel's EDATE and EOMONTH and Java's LocalDate.
func TestDateArithmetic(t *testing.T) {
	var cases dateCases
	testkit.LoadJSON(t, "testdata/dates.json", &cases)
	for _, c := range cases.AddMonths {
		assert.Equal(t, c.Want, date(t, c.Date).AddMonths(c.Months).String(), c.Source)
	}
	for _, c := range cases.EndOfMonth {
		assert.Equal(t, c.Want, date(t, c.Date).EndOfMonth(c.Months).String(), c.Source)
	}
	for _, c := range cases.Recurring {
		every, err := contract.ParseSpan(c.Every)
		require.NoError(t, err)
		for k, want := range c.Want {
			assert.Equal(t, want, every.Times(k).AddTo(date(t, c.Anchor)).String(), c.Source)
		}
	}
	for _, c := range cases.Spans {
		s, err := contract.ParseSpan(c.Text)
		require.NoError(t, err, c.Source)
		assert.Equal(t, contract.Months(c.Months).AddTo(contract.MustDate(2001, 1, 1)).AddDays(c.Days), s.AddTo(contract.MustDate(2001, 1, 1)), c.Source)
	}
}

func TestSpanText(t *testing.T) {
	for _, s := range []string{"P3M", "P1Y6M", "P90D", "P2W", "P0D", "P1Y2M3D"} {
		v, err := contract.ParseSpan(s)
		require.NoError(t, err)
		assert.Equal(t, s, v.String())
	}
	for _, bad := range []string{"", "P", "PT1H", "P-1M", "3M", "P1.5M", "P1M1Y"} {
		_, err := contract.ParseSpan(bad)
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput, bad)
	}
}

func TestDates(t *testing.T) {
	_, err := contract.NewDate(2026, time.February, 29)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = contract.ParseDate("2026-13-01")
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	a, b := contract.MustDate(2026, 1, 31), contract.MustDate(2026, 3, 1)
	assert.Equal(t, 29, a.DaysUntil(b))
	assert.True(t, a.Before(b))
	assert.Equal(t, "2026-03-01", a.AddDays(29).String())
	assert.Equal(t, contract.Period{Start: a, End: b}.Days(), 30, "both ends count")
	assert.True(t, contract.Date{}.IsZero())
	text, err := a.MarshalText()
	require.NoError(t, err)
	var back contract.Date
	require.NoError(t, back.UnmarshalText(text))
	assert.Equal(t, a, back)
	assert.Equal(t, a, contract.DateOf(time.Date(2026, 1, 31, 23, 59, 0, 0, time.FixedZone("X", 3600))))
}

// TestDayCounting checks the day arithmetic against the time package
// over four centuries, leap rules included.
func TestDayCounting(t *testing.T) {
	start := time.Date(1899, 12, 25, 0, 0, 0, 0, time.UTC)
	base := contract.DateOf(start)
	for n := 0; n < 146097+20; n += 7 {
		want := contract.DateOf(start.AddDate(0, 0, n))
		require.Equal(t, want, base.AddDays(n))
		require.Equal(t, n, base.DaysUntil(want))
		require.Equal(t, base, want.AddDays(-n))
	}
}

// TestAddMonthsBeforeYearOne: months before year 1 count on in the
// proleptic Gregorian calendar as days do; before, a negative month
// count divided towards zero and gave month 0 ("0000-00-01") or a
// wrapped month.
func TestAddMonthsBeforeYearOne(t *testing.T) {
	first := contract.MustDate(1, time.January, 1)
	for _, n := range []int{-1, -13, -25} {
		got := contract.MustDate(1, time.January, 31).AddMonths(n)
		assert.Equal(t, time.December, got.Month(), n)
		assert.Equal(t, 31, got.Day(), n)
		// the last day of the month before the first of January of year 1 + n/12
		assert.Equal(t, first.AddMonths(n+1).AddDays(-1), got, n)
	}
	assert.Equal(t, first.AddDays(-1), contract.MustDate(1, time.January, 31).AddMonths(-1)) // 31 December 1 BC
	assert.Equal(t, 0, first.AddMonths(-1).Year())
}

// TestZeroDateArithmetic: the zero Date is "no date", and arithmetic on
// it gives "no date" back; before, AddDays(1) of it was 30 November of
// 1 BC ("0000-11-30"), AddMonths(1) "0000-01-00" and DaysUntil counted
// from that made-up day.
func TestZeroDateArithmetic(t *testing.T) {
	var zero contract.Date
	day := contract.MustDate(2026, time.May, 31)
	assert.True(t, zero.AddDays(1).IsZero())
	assert.True(t, zero.AddDays(-1).IsZero())
	assert.True(t, zero.AddMonths(1).IsZero())
	assert.True(t, zero.AddYears(-1).IsZero())
	assert.True(t, zero.EndOfMonth(0).IsZero())
	assert.True(t, contract.Months(3).AddTo(zero).IsZero())
	assert.True(t, contract.Days(90).SubtractFrom(zero).IsZero())
	assert.Zero(t, zero.DaysUntil(day))
	assert.Zero(t, day.DaysUntil(zero))
	assert.True(t, zero.In(time.UTC).IsZero())
	assert.Equal(t, time.Sunday, zero.Weekday())
	assert.Equal(t, "", zero.AddDays(1).String())
	assert.Equal(t, 1, day.AddDays(1).DaysUntil(day.AddDays(2)), "dates that are set still count")
}

// TestDateOfTakesTheTimestampsOwnOffset: a contract names no time zone,
// so the day of a signature is the day in the offset its timestamp
// carries (documented on DateOf); a caller converts to a zone first.
func TestDateOfTakesTheTimestampsOwnOffset(t *testing.T) {
	at, err := time.Parse(time.RFC3339, "2026-03-31T23:30:00-05:00")
	require.NoError(t, err)
	assert.Equal(t, contract.MustDate(2026, time.March, 31), contract.DateOf(at))
	assert.Equal(t, contract.MustDate(2026, time.April, 1), contract.DateOf(at.UTC()))
	berlin := time.FixedZone("CEST", 2*3600)
	assert.Equal(t, contract.MustDate(2026, time.April, 1), contract.DateOf(at.In(berlin)))
}
