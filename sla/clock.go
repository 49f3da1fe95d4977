package sla

import (
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// clock answers the business-time questions of a ticket clock: an
// outsourcing.Calendar, or an *outsourcing.CalendarIndex of one over the
// periods evaluated, which gives the calendar's answers in O(log n).
type clock interface {
	BusinessDuration(from, to time.Time) time.Duration
	Add(t time.Time, d time.Duration) (time.Time, error)
	NextBusinessMoment(t time.Time) time.Time
}

// clocks returns, per level, the clock its tickets are replayed on: an
// index of the level's calendar over periods (in time order), built once
// per calendar and shared by the levels that use it; nil for levels that
// measure no tickets. Outside the span the index asks the calendar, so
// tickets opened before the first period or resolved after the last are
// replayed exactly too; a span too long to index uses the calendar.
func (a *Agreement) clocks(periods []Period) []clock {
	out := make([]clock, len(a.levels))
	if len(periods) == 0 {
		return out
	}
	from, to := periods[0].start, periods[len(periods)-1].end
	var shared clock // the agreement calendar's, for levels without their own
	for i, l := range a.levels {
		if !l.Metric.tickets() {
			continue
		}
		if l.Calendar == nil && shared != nil {
			out[i] = shared
			continue
		}
		out[i] = indexOf(l.cal, from, to)
		if l.Calendar == nil {
			shared = out[i]
		}
	}
	return out
}

// indexOf indexes cal from `from` to `to`, or returns cal when the span
// cannot be indexed.
func indexOf(cal outsourcing.Calendar, from, to time.Time) clock {
	x, err := cal.Index(from, to)
	if err != nil {
		return cal
	}
	return x
}
