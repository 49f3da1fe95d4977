package outsourcing_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type calendarCase struct {
	Name     string          `json:"name"`
	Source   string          `json:"source"`
	Calendar json.RawMessage `json:"calendar"`
	From     string          `json:"from"`
	To       string          `json:"to"`
	Business string          `json:"business"`
}

func localTime(t testing.TB, cal outsourcing.Calendar, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02T15:04:05", s, cal.Location())
	require.NoError(t, err)
	return v
}

func weekdays(start, end string) string {
	out := `{"time_zone":"Europe/Berlin","shifts":[`
	for i, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday"} {
		if i > 0 {
			out += ","
		}
		out += fmt.Sprintf(`{"day":%q,"start":%q,"end":%q}`, d, start, end)
	}
	return out + `]}`
}

func TestCalendarPublishedDurations(t *testing.T) {
	var data struct {
		Cases []calendarCase `json:"duration_cases"`
	}
	loadTestdata(t, "calendar_cases.json", &data)
	require.NotEmpty(t, data.Cases)
	for _, c := range data.Cases {
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			cal, err := outsourcing.ParseCalendar(c.Calendar)
			require.NoError(t, err)
			want, err := time.ParseDuration(c.Business)
			require.NoError(t, err)
			from, to := localTime(t, cal, c.From), localTime(t, cal, c.To)
			assert.Equal(t, want, cal.BusinessDuration(from, to))
			// Add is the inverse of BusinessDuration up to the next opening.
			end, err := cal.Add(from, want)
			require.NoError(t, err)
			assert.Equal(t, want, cal.BusinessDuration(from, end))
			assert.False(t, end.After(to), "add overshoots: %s", end)
		})
	}
}

func TestCalendarZeroValueIs24x7(t *testing.T) {
	var cal outsourcing.Calendar
	from := time.Date(2024, 2, 28, 12, 0, 0, 0, time.UTC)
	to := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	assert.True(t, cal.Is24x7())
	assert.Equal(t, 48*time.Hour, cal.BusinessDuration(from, to), "2024 is a leap year")
	assert.Equal(t, time.Duration(0), cal.BusinessDuration(to, from))
	got, err := cal.Add(from, 48*time.Hour)
	require.NoError(t, err)
	assert.True(t, got.Equal(to))
	assert.True(t, cal.NextBusinessMoment(from).Equal(from))
	assert.Equal(t, time.UTC, cal.Location())
	b, err := json.Marshal(cal)
	require.NoError(t, err)
	assert.JSONEq(t, `{}`, string(b))
}

func TestCalendarAddAndNextMoment(t *testing.T) {
	cal, err := outsourcing.ParseCalendar([]byte(weekdays("09:00", "17:00")))
	require.NoError(t, err)
	at := func(s string) time.Time { return localTime(t, cal, s) }
	tests := []struct {
		name, from string
		add        time.Duration
		want       string
	}{
		{"inside the day", "2024-06-03T10:00:00", 2 * time.Hour, "2024-06-03T12:00:00"},
		{"ends exactly at close", "2024-06-03T09:00:00", 8 * time.Hour, "2024-06-03T17:00:00"},
		{"over the night", "2024-06-03T16:00:00", 2 * time.Hour, "2024-06-04T10:00:00"},
		{"over the weekend", "2024-06-07T16:30:00", time.Hour, "2024-06-10T09:30:00"},
		{"starts on saturday", "2024-06-08T11:00:00", 30 * time.Minute, "2024-06-10T09:30:00"},
		{"zero", "2024-06-08T11:00:00", 0, "2024-06-08T11:00:00"},
		{"a business week", "2024-06-03T09:00:00", 40 * time.Hour, "2024-06-07T17:00:00"},
		{"month end", "2024-05-31T16:00:00", 2 * time.Hour, "2024-06-03T10:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cal.Add(at(tt.from), tt.add)
			require.NoError(t, err)
			assert.Equal(t, at(tt.want).String(), got.String())
		})
	}
	_, err = cal.Add(at("2024-06-03T10:00:00"), -time.Second)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)

	next := []struct{ at, want string }{
		{"2024-06-03T10:00:00", "2024-06-03T10:00:00"},
		{"2024-06-03T17:00:00", "2024-06-04T09:00:00"},
		{"2024-06-08T03:00:00", "2024-06-10T09:00:00"},
		{"2024-06-03T08:59:59", "2024-06-03T09:00:00"},
	}
	for _, n := range next {
		assert.Equal(t, at(n.want).String(), cal.NextBusinessMoment(at(n.at)).String(), n.at)
		assert.Equal(t, n.at == n.want, cal.IsBusinessTime(at(n.at)), n.at)
	}
}

func TestCalendarMidnightShiftsAndHolidays(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	cal, err := outsourcing.NewCalendar(loc, []outsourcing.Shift{
		{Day: time.Friday, Start: outsourcing.ClockTimeOf(22, 0), End: outsourcing.ClockTimeOf(6, 0)},
		{Day: time.Saturday, Start: outsourcing.ClockTimeOf(4, 0), End: outsourcing.ClockTimeOf(8, 0)}, // overlaps the night shift
	}, []outsourcing.Holiday{{Date: "2024-12-28", Name: "closed"}})
	require.NoError(t, err)
	fri := time.Date(2024, 12, 20, 0, 0, 0, 0, loc)
	assert.Equal(t, 10*time.Hour, cal.BusinessDuration(fri, fri.AddDate(0, 0, 2)), "22:00-08:00 united")
	// The next Saturday is a holiday: only Friday 22:00-24:00 remains.
	assert.Equal(t, 2*time.Hour, cal.BusinessDuration(fri.AddDate(0, 0, 7), fri.AddDate(0, 0, 9)))
	end, err := cal.Add(time.Date(2024, 12, 27, 23, 0, 0, 0, loc), 2*time.Hour)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2025, 1, 3, 23, 0, 0, 0, loc).String(), end.String(), "skips the holiday and the week")
}

func TestCalendarErrors(t *testing.T) {
	tests := []struct {
		name, doc, path string
	}{
		{"unknown zone", `{"time_zone":"Mars/Olympus"}`, "/time_zone"},
		{"host zone", `{"time_zone":"Local"}`, "/time_zone"},
		{"empty shift", `{"shifts":[{"day":"monday","start":"09:00","end":"09:00"}]}`, "/shifts/0"},
		{"start at 24:00", `{"shifts":[{"day":"monday","start":"24:00","end":"09:00"}]}`, "/shifts/0/start"},
		{"bad date", `{"holidays":[{"date":"2023-02-29"}]}`, "/holidays/0/date"},
		{"twice", `{"holidays":[{"date":"2024-01-01"},{"date":"2024-01-01"}]}`, "/holidays/1/date"},
		{"schema", `{"shifts":[{"day":"someday","start":"09:00","end":"10:00"}]}`, "/shifts/0/day"},
		{"unknown field", `{"zone":"UTC"}`, "/zone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := outsourcing.ParseCalendar([]byte(tt.doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			var fe *outsourcing.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, tt.path, fe.Path)
			assert.Equal(t, 1, strings.Count(err.Error(), "outsourcing: "), err.Error())
		})
	}
}

func TestCalendarRoundTrip(t *testing.T) {
	doc := `{"time_zone":"America/New_York","shifts":[{"day":"sunday","start":"00:00","end":"24:00"},
		{"day":"monday","start":"08:00","end":"12:00"},{"day":"monday","start":"13:00","end":"17:00"},
		{"day":"friday","start":"22:00","end":"06:00"}],
		"holidays":[{"date":"2024-07-04","name":"Independence Day"},{"date":"2024-12-25"}]}`
	cal, err := outsourcing.ParseCalendar([]byte(doc))
	require.NoError(t, err)
	out, err := json.Marshal(cal)
	require.NoError(t, err)
	require.NoError(t, outsourcing.CalendarSchema().Validate(out))
	assert.JSONEq(t, doc, string(out))
	var back outsourcing.Calendar
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, cal.Shifts(), back.Shifts())
	assert.Equal(t, cal.Holidays(), back.Holidays())
	assert.Equal(t, "America/New_York", back.Location().String())
}

func FuzzParseCalendar(f *testing.F) {
	f.Add([]byte(`{}`))
	f.Add([]byte(weekdays("09:00", "17:00")))
	f.Add([]byte(`{"time_zone":"Asia/Tokyo","shifts":[{"day":"friday","start":"22:00","end":"06:00"}],"holidays":[{"date":"2024-02-29"}]}`))
	f.Add([]byte(`{"shifts":[{"day":"monday","start":"23:59","end":"00:01"}]}`))
	from := time.Date(2024, 3, 29, 13, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, doc []byte) {
		cal, err := outsourcing.ParseCalendar(doc)
		if err != nil {
			return
		}
		d := cal.BusinessDuration(from, from.Add(10*24*time.Hour))
		if d < 0 || d > 10*24*time.Hour+time.Hour {
			t.Fatalf("business duration %s out of range", d)
		}
		if len(cal.Shifts()) > 0 {
			end, err := cal.Add(from, time.Hour)
			if err != nil || cal.BusinessDuration(from, end) != time.Hour {
				t.Fatalf("add: %v %v", end, err)
			}
		}
	})
}

func BenchmarkBusinessDuration(b *testing.B) {
	cal, err := outsourcing.ParseCalendar([]byte(weekdays("09:00", "17:00")))
	require.NoError(b, err)
	from := time.Date(2024, 3, 27, 15, 12, 0, 0, time.UTC) // a Wednesday
	to := from.Add(5*24*time.Hour + 3*time.Hour)           // over a weekend and a DST change
	b.ReportAllocs()
	for b.Loop() {
		_ = cal.BusinessDuration(from, to)
	}
}

func ExampleCalendar_BusinessDuration() {
	cal, err := outsourcing.ParseCalendar([]byte(`{"time_zone":"Europe/Berlin","shifts":[
		{"day":"monday","start":"09:00","end":"17:00"},
		{"day":"friday","start":"09:00","end":"17:00"}]}`))
	if err != nil {
		panic(err)
	}
	loc := cal.Location()
	opened := time.Date(2024, 6, 7, 16, 0, 0, 0, loc) // Friday 16:00
	solved := time.Date(2024, 6, 10, 10, 30, 0, 0, loc)
	fmt.Println(cal.BusinessDuration(opened, solved))
	due, _ := cal.Add(opened, 4*time.Hour)
	fmt.Println(due.Format("Mon 15:04"))
	fmt.Println(cal.NextBusinessMoment(time.Date(2024, 6, 8, 12, 0, 0, 0, loc)).Format("Mon 2 Jan 15:04"))
	// Output:
	// 2h30m0s
	// Mon 12:00
	// Mon 10 Jun 09:00
}

// A clock time is two ASCII digits, a colon and two digits: strconv.Atoi
// alone read "+1:00" as 01:00 and "-0:30" as 00:30, so a Go caller
// decoding without the schema got business hours nobody wrote.
func TestClockTimeRefusesSignsAndNonDigits(t *testing.T) {
	for _, s := range []string{"+1:00", "-0:30", "0x:10", "1:000", "٠٩:٠٠", "24:01", "09:60", "9:00", ""} {
		var c outsourcing.ClockTime
		err := c.UnmarshalText([]byte(s))
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput, s)
		assert.Len(t, outsourcing.FieldErrors(err), 1, s)
		assert.Equal(t, outsourcing.ClockTime(0), c, s)
	}
	var c outsourcing.ClockTime
	require.NoError(t, c.UnmarshalText([]byte("24:00")))
	assert.Equal(t, outsourcing.ClockTimeOf(24, 0), c)
	_, err := outsourcing.ClockTime(1441).MarshalText()
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}
