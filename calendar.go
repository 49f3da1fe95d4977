package outsourcing

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// ClockTime is a wall-clock time of day in whole minutes after local
// midnight, 0 (00:00) to 1440 (24:00). On the wire it is "HH:MM".
type ClockTime int

// ClockTimeOf returns the clock time hours:minutes.
func ClockTimeOf(hours, minutes int) ClockTime { return ClockTime(hours*60 + minutes) }

// String formats the clock time as "HH:MM" ("24:00" for the end of a day).
func (c ClockTime) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

// MarshalText implements encoding.TextMarshaler as "HH:MM"; a value
// outside 00:00 to 24:00 is a *FieldError matching ErrInvalidInput.
func (c ClockTime) MarshalText() ([]byte, error) {
	if c < 0 || c > 1440 {
		return nil, FieldErrorf("", "clock time %d minutes is not between 00:00 and 24:00", int(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText parses "HH:MM" (two ASCII digits each) from 00:00 to
// 24:00; anything else, "+1:00" or "-0:30" included, is a *FieldError
// matching ErrInvalidInput.
func (c *ClockTime) UnmarshalText(b []byte) error {
	s := string(b)
	digits := len(s) == 5 && s[2] == ':'
	for i := 0; digits && i < 5; i++ {
		digits = i == 2 || '0' <= s[i] && s[i] <= '9'
	}
	if !digits {
		return FieldErrorf("", "clock time %q is not HH:MM", text.Truncate(s, 16))
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if m > 59 || h > 24 || (h == 24 && m != 0) {
		return FieldErrorf("", "clock time %q is not between 00:00 and 24:00", s)
	}
	*c = ClockTimeOf(h, m)
	return nil
}

// Shift is one span of business hours on a weekday, in the calendar's
// local wall-clock time. Start is inclusive, End exclusive. When End is
// not after Start the shift spans midnight and ends at End on the next
// day (a Friday 22:00–06:00 shift runs into Saturday morning). Start must
// be below 24:00 and Start ≠ End.
type Shift struct {
	// Day is the weekday the shift starts on.
	Day time.Weekday `json:"-"`
	// Start is the opening time, 00:00 to 23:59.
	Start ClockTime `json:"start"`
	// End is the closing time, 00:01 to 24:00; at or before Start means
	// the next day.
	End ClockTime `json:"end"`
}

// Holiday is a local calendar date with no business time at all, including
// the part of an overnight shift from the day before that spills into it.
type Holiday struct {
	// Date is the local date, "YYYY-MM-DD".
	Date string `json:"date"`
	// Name is a free label such as "Christmas Day".
	Name string `json:"name,omitempty"`
}

// minuteRange is a half-open range of minutes after local midnight, within
// one local day: 0 ≤ from < to ≤ 1440.
type minuteRange struct{ from, to int }

// Calendar says when business time runs: business hours per weekday (any
// number of shifts a day, shifts across midnight), holidays and the time
// zone the hours are read in. It is immutable and safe for concurrent use.
//
// The zero value is a 24×7 calendar in UTC: every instant is business time.
// Durations are real elapsed time: a shift from 00:00 to 04:00 on the day
// clocks go back one hour lasts five hours, on the day they go forward three
// (wall-clock times that do not exist are read as time.Date reads them).
type Calendar struct {
	loc      *time.Location
	shifts   []Shift          // as given, sorted; nil = 24×7
	week     [7][]minuteRange // merged business ranges per local weekday
	holidays map[int]string   // yyyymmdd -> name
	hdates   []Holiday        // sorted, as given
	always   bool             // true when shifts cover every minute and no holidays
	built    bool             // false for the zero value (24×7 UTC)
}

// NewCalendar builds a calendar in loc (nil means UTC) from shifts (none
// means business hours around the clock) and holidays. Overlapping shifts
// are united. Errors (*FieldError matching ErrInvalidInput, joined in
// input order) name the offending shift or holiday: a start at or after
// 24:00, an empty shift, a malformed or repeated holiday date.
func NewCalendar(loc *time.Location, shifts []Shift, holidays []Holiday) (Calendar, error) {
	var errs []error
	c := Calendar{loc: loc, built: true, holidays: map[int]string{}}
	for i, s := range shifts {
		path := jsonptr.Join("shifts", i)
		switch {
		case s.Day < time.Sunday || s.Day > time.Saturday:
			errs = append(errs, FieldErrorf(path+"/day", "weekday %d out of range", int(s.Day)))
		case s.Start < 0 || s.Start >= 1440:
			errs = append(errs, FieldErrorf(path+"/start", "start %d must be 00:00 to 23:59", int(s.Start)))
		case s.End <= 0 || s.End > 1440:
			errs = append(errs, FieldErrorf(path+"/end", "end %d must be 00:01 to 24:00", int(s.End)))
		case s.Start == s.End:
			errs = append(errs, FieldErrorf(path, "shift starts and ends at %s", s.Start))
		}
	}
	for i, h := range holidays {
		path := jsonptr.Join("holidays", i, "date")
		d, err := time.Parse(time.DateOnly, h.Date)
		if err != nil {
			errs = append(errs, FieldErrorf(path, "%q is not a YYYY-MM-DD date", h.Date))
			continue
		}
		key := dateKey(d.Year(), d.Month(), d.Day())
		if _, dup := c.holidays[key]; dup {
			errs = append(errs, FieldErrorf(path, "holiday %s listed twice", h.Date))
			continue
		}
		c.holidays[key] = h.Name
	}
	if len(errs) > 0 {
		return Calendar{}, fmt.Errorf("calendar: %w", errors.Join(errs...))
	}
	c.hdates = slices.Clone(holidays)
	slices.SortFunc(c.hdates, func(a, b Holiday) int { return strings.Compare(a.Date, b.Date) })
	if len(shifts) == 0 {
		for d := range c.week {
			c.week[d] = []minuteRange{{0, 1440}}
		}
	} else {
		c.shifts = slices.Clone(shifts)
		slices.SortStableFunc(c.shifts, func(a, b Shift) int {
			if a.Day != b.Day {
				return int(a.Day) - int(b.Day)
			}
			return int(a.Start) - int(b.Start)
		})
		for _, s := range c.shifts {
			if s.End > s.Start {
				c.week[s.Day] = append(c.week[s.Day], minuteRange{int(s.Start), int(s.End)})
				continue
			}
			c.week[s.Day] = append(c.week[s.Day], minuteRange{int(s.Start), 1440})
			next := (s.Day + 1) % 7
			c.week[next] = append(c.week[next], minuteRange{0, int(s.End)})
		}
		for d := range c.week {
			c.week[d] = mergeRanges(c.week[d])
		}
	}
	c.always = len(c.holidays) == 0
	for _, r := range c.week {
		if len(r) != 1 || r[0] != (minuteRange{0, 1440}) {
			c.always = false
		}
	}
	return c, nil
}

// mergeRanges sorts and unites overlapping or touching ranges.
func mergeRanges(rs []minuteRange) []minuteRange {
	slices.SortFunc(rs, func(a, b minuteRange) int { return a.from - b.from })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.from <= out[n-1].to {
			out[n-1].to = max(out[n-1].to, r.to)
			continue
		}
		out = append(out, r)
	}
	return out
}

func dateKey(y int, m time.Month, d int) int { return y*10000 + int(m)*100 + d }

// Location returns the calendar's time zone (UTC for the zero value).
func (c Calendar) Location() *time.Location {
	if c.loc == nil {
		return time.UTC
	}
	return c.loc
}

// Shifts returns a copy of the business hours, sorted by weekday and start;
// empty for a 24×7 calendar.
func (c Calendar) Shifts() []Shift { return slices.Clone(c.shifts) }

// Holidays returns a copy of the holidays, sorted by date.
func (c Calendar) Holidays() []Holiday { return slices.Clone(c.hdates) }

// Is24x7 reports whether every instant is business time.
func (c Calendar) Is24x7() bool { return !c.built || c.always }

// IsBusinessTime reports whether t falls in business hours.
func (c Calendar) IsBusinessTime(t time.Time) bool {
	if c.Is24x7() {
		return true
	}
	found := false
	c.walk(t, func(s, e time.Time) bool {
		found = !s.After(t) && t.Before(e)
		return false
	})
	return found
}

// walk calls fn with the business intervals [s, e) that end after from, in
// time order, until fn returns false. Intervals on consecutive days may
// touch. It requires a calendar that is not 24×7 and has at least one shift.
func (c Calendar) walk(from time.Time, fn func(s, e time.Time) bool) {
	loc := c.Location()
	lt := from.In(loc)
	y, m, d := lt.Date()
	// Start one day early: a wall-clock day can begin before `from` in
	// real time when the clocks jump, and overnight ranges live on the
	// day they run on, so the previous day may still hold a range ending
	// after from.
	day := time.Date(y, m, d-1, 0, 0, 0, 0, time.UTC)
	for {
		dy, dm, dd := day.Date()
		ranges := c.week[day.Weekday()]
		if _, hol := c.holidays[dateKey(dy, dm, dd)]; !hol {
			for _, r := range ranges {
				e := time.Date(dy, dm, dd, 0, r.to, 0, 0, loc)
				if !e.After(from) {
					continue
				}
				s := time.Date(dy, dm, dd, 0, r.from, 0, 0, loc)
				if !e.After(s) {
					continue // a range wholly inside a skipped DST hour
				}
				if !fn(s, e) {
					return
				}
			}
		}
		day = day.AddDate(0, 0, 1)
	}
}

// BusinessDuration returns the business time between from and to: the
// real elapsed time of the parts of [from, to) inside business hours.
// It returns 0 when to is not after from.
func (c Calendar) BusinessDuration(from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	if c.Is24x7() {
		return to.Sub(from)
	}
	var total time.Duration
	c.walk(from, func(s, e time.Time) bool {
		if !s.Before(to) {
			return false
		}
		total += minTime(e, to).Sub(maxTime(s, from))
		return true
	})
	return total
}

// Add returns the instant at which d of business time has elapsed after t.
// Add(t, 0) is t. When the business time runs out exactly at the close of a
// shift, the result is that closing instant, not the next opening. A
// negative d is an error matching ErrInvalidInput.
func (c Calendar) Add(t time.Time, d time.Duration) (time.Time, error) {
	if d < 0 {
		return time.Time{}, FieldErrorf("/duration", "cannot add negative business time %s", d)
	}
	if d == 0 || c.Is24x7() {
		return t.Add(d), nil
	}
	left := d
	var end time.Time
	c.walk(t, func(s, e time.Time) bool {
		s = maxTime(s, t)
		if span := e.Sub(s); span < left {
			left -= span
			return true
		}
		end = s.Add(left)
		return false
	})
	return end, nil
}

// NextBusinessMoment returns the earliest instant at or after t that is
// business time: t itself during business hours, else the next opening.
func (c Calendar) NextBusinessMoment(t time.Time) time.Time {
	if c.Is24x7() {
		return t
	}
	var next time.Time
	c.walk(t, func(s, _ time.Time) bool {
		next = maxTime(s, t)
		return false
	})
	return next
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
