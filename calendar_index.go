package outsourcing

import (
	"slices"
	"sort"
	"time"
)

// MaxIndexSpan bounds the span a CalendarIndex covers (100 years), so an
// index cannot be asked to hold an unbounded number of intervals.
const MaxIndexSpan = 100 * 365 * 24 * time.Hour

// CalendarIndex answers a Calendar's questions in O(log n) over a span of
// time fixed when it is built: the business intervals of the span are
// listed once, with the business time before each, so BusinessDuration is
// a difference of two binary searches and Add one search. Answers are the
// Calendar's own, instant for instant; outside the span it asks the
// Calendar. It is immutable and safe for concurrent use. Build one when
// many durations are measured over the same months (a month of tickets).
type CalendarIndex struct {
	cal          Calendar
	from, to     int64   // the span, Unix nanoseconds
	starts, ends []int64 // business intervals, in time order
	before       []int64 // business time before each interval
}

// Index lists the calendar's business intervals from `from` to `to` (at
// most MaxIndexSpan). A span that is inverted or too long is a
// *FieldError matching ErrInvalidInput.
func (c Calendar) Index(from, to time.Time) (*CalendarIndex, error) {
	switch {
	case to.Before(from):
		return nil, FieldErrorf("/to", "%s is before %s", to.Format(time.RFC3339), from.Format(time.RFC3339))
	case to.Sub(from) > MaxIndexSpan:
		return nil, FieldErrorf("/to", "a span of %s is longer than the %s an index covers", to.Sub(from), MaxIndexSpan)
	}
	x := &CalendarIndex{cal: c, from: from.UnixNano(), to: to.UnixNano()}
	if c.Is24x7() {
		return x, nil
	}
	var total int64
	c.walk(from, func(s, e time.Time) bool {
		if !s.Before(to) {
			return false
		}
		ss, ee := s.UnixNano(), e.UnixNano()
		if n := len(x.ends); n > 0 && x.ends[n-1] == ss {
			x.ends[n-1] = ee // touching intervals of consecutive days are one
		} else {
			x.starts, x.ends, x.before = append(x.starts, ss), append(x.ends, ee), append(x.before, total)
		}
		total += ee - ss
		return true
	})
	x.starts, x.ends, x.before = slices.Clip(x.starts), slices.Clip(x.ends), slices.Clip(x.before)
	return x, nil
}

// covers reports whether t lies in the indexed span.
func (x *CalendarIndex) covers(t int64) bool { return t >= x.from && t <= x.to }

// elapsed is the business time from the first interval to t.
func (x *CalendarIndex) elapsed(t int64) int64 {
	i := sort.Search(len(x.ends), func(i int) bool { return x.ends[i] > t })
	if i == len(x.ends) {
		if i == 0 {
			return 0
		}
		return x.before[i-1] + x.ends[i-1] - x.starts[i-1]
	}
	return x.before[i] + max(0, t-x.starts[i])
}

// BusinessDuration is Calendar.BusinessDuration.
func (x *CalendarIndex) BusinessDuration(from, to time.Time) time.Duration {
	f, t := from.UnixNano(), to.UnixNano()
	switch {
	case t <= f:
		return 0
	case !x.covers(f) || !x.covers(t):
		return x.cal.BusinessDuration(from, to)
	case x.cal.Is24x7():
		return time.Duration(t - f)
	}
	return time.Duration(x.elapsed(t) - x.elapsed(f))
}

// Add is Calendar.Add.
func (x *CalendarIndex) Add(t time.Time, d time.Duration) (time.Time, error) {
	if d <= 0 || x.cal.Is24x7() || !x.covers(t.UnixNano()) {
		return x.cal.Add(t, d)
	}
	target := x.elapsed(t.UnixNano()) + int64(d)
	j := sort.Search(len(x.ends), func(j int) bool { return x.before[j]+x.ends[j]-x.starts[j] >= target })
	if j == len(x.ends) {
		return x.cal.Add(t, d) // runs past the span
	}
	return time.Unix(0, x.starts[j]+target-x.before[j]).In(t.Location()), nil
}

// NextBusinessMoment is Calendar.NextBusinessMoment.
func (x *CalendarIndex) NextBusinessMoment(t time.Time) time.Time {
	ns := t.UnixNano()
	if x.cal.Is24x7() || !x.covers(ns) {
		return x.cal.NextBusinessMoment(t)
	}
	i := sort.Search(len(x.ends), func(i int) bool { return x.ends[i] > ns })
	if i == len(x.ends) {
		return x.cal.NextBusinessMoment(t)
	}
	if x.starts[i] <= ns {
		return t
	}
	return time.Unix(0, x.starts[i]).In(t.Location())
}
