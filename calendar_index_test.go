package outsourcing_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
)

// The index answers as the calendar does, instant for instant, on random
// instants of 2024 in Berlin: both DST changes, a holiday, shifts across
// midnight and touching shifts; and it asks the calendar outside its span.
func TestCalendarIndexAgreesWithCalendar(t *testing.T) {
	cal, err := outsourcing.ParseCalendar([]byte(`{"time_zone":"Europe/Berlin","shifts":[
		{"day":"monday","start":"08:00","end":"12:00"},{"day":"monday","start":"12:00","end":"17:30"},
		{"day":"tuesday","start":"09:00","end":"17:00"},{"day":"wednesday","start":"22:00","end":"06:00"},
		{"day":"friday","start":"00:00","end":"24:00"},{"day":"saturday","start":"00:00","end":"03:00"},
		{"day":"sunday","start":"01:30","end":"03:30"}],
		"holidays":[{"date":"2024-12-25"},{"date":"2024-03-29"}]}`))
	require.NoError(t, err)
	loc := cal.Location()
	from, to := time.Date(2024, 1, 1, 0, 0, 0, 0, loc), time.Date(2025, 1, 1, 0, 0, 0, 0, loc)
	x, err := cal.Index(from, to)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(1, 2))
	at := func() time.Time { return from.Add(time.Duration(rng.Int64N(int64(to.Sub(from))))) }
	for range 5000 {
		a, b := at(), at()
		if rng.IntN(4) == 0 {
			b = a.Add(time.Duration(rng.Int64N(int64(72 * time.Hour))))
		}
		assert.Equal(t, cal.BusinessDuration(a, b), x.BusinessDuration(a, b), "%s..%s", a, b)
		d := time.Duration(rng.Int64N(int64(60 * time.Hour)))
		want, err1 := cal.Add(a, d)
		got, err2 := x.Add(a, d)
		require.NoError(t, err1)
		require.NoError(t, err2)
		assert.True(t, want.Equal(got), "add %s to %s: %s, want %s", d, a, got, want)
		assert.True(t, cal.NextBusinessMoment(a).Equal(x.NextBusinessMoment(a)), "next after %s", a)
	}
	before := from.Add(-48 * time.Hour)
	assert.Equal(t, cal.BusinessDuration(before, from.Add(time.Hour)), x.BusinessDuration(before, from.Add(time.Hour)), "outside the span")
	late := to.Add(-time.Hour)
	want, _ := cal.Add(late, 30*time.Hour)
	got, _ := x.Add(late, 30*time.Hour)
	assert.True(t, want.Equal(got), "an Add that runs past the span")

	_, err = cal.Index(to, from)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = cal.Index(from, from.Add(outsourcing.MaxIndexSpan+time.Hour))
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	always, err := outsourcing.Calendar{}.Index(from, to)
	require.NoError(t, err)
	assert.Equal(t, 5*time.Hour, always.BusinessDuration(from, from.Add(5*time.Hour)))
}

func BenchmarkCalendarIndexBusinessDuration(b *testing.B) {
	cal, err := outsourcing.ParseCalendar([]byte(weekdays("09:00", "17:00")))
	require.NoError(b, err)
	from := time.Date(2024, 3, 27, 15, 12, 0, 0, time.UTC)
	to := from.Add(5*24*time.Hour + 3*time.Hour)
	x, err := cal.Index(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		_ = x.BusinessDuration(from, to)
	}
}
