package sla

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Period is one reporting period [Start, End) in the agreement's zone.
// Build it with Agreement.PeriodOf or Agreement.Periods (or decode a
// stored report); like time.Time its fields are unexported, so a period
// is always one the agreement can measure. The zero Period is no period.
type Period struct {
	label      string
	start, end time.Time
}

// Label is "2024-01" for a month, "2024-Q1" for a quarter, "2024" for a
// year, "2024-W01" for an ISO week and "2024-01-01..2024-01-28" for a
// days period.
func (p Period) Label() string { return p.label }

// Start is local midnight on the first day.
func (p Period) Start() time.Time { return p.start }

// End is local midnight on the first day of the next period.
func (p Period) End() time.Time { return p.end }

// Duration returns the real length of the period (a March with a
// daylight-saving change lasts an hour less than 31 days).
func (p Period) Duration() time.Duration { return p.end.Sub(p.start) }

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p == Period{} }

// periodJSON is a Period on the wire.
type periodJSON struct {
	Label string    `json:"label"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// MarshalJSON writes {"label": …, "start": …, "end": …} with RFC 3339
// instants.
func (p Period) MarshalJSON() ([]byte, error) {
	return json.Marshal(periodJSON{Label: p.label, Start: p.start, End: p.end})
}

// UnmarshalJSON reads what MarshalJSON writes (a period of a stored
// report). It refuses a period that does not end after it starts or lies
// outside 1900 to 2200; whether it is a period of a given agreement is
// checked where the agreement reads it.
func (p *Period) UnmarshalJSON(b []byte) error {
	var w periodJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return outsourcing.FieldErrorf("", "a period is {\"label\", \"start\", \"end\"}: %v", err)
	}
	if err := checkSpan(w.Start, w.End); err != nil {
		return err
	}
	*p = Period{label: w.Label, start: w.Start, end: w.End}
	return nil
}

// checkSpan refuses an interval that does not end after it starts or
// leaves the instants the package can measure; the error's path is the
// field at fault ("/start" or "/end").
func checkSpan(start, end time.Time) error {
	if field, reason := spanProblem(start, end); reason != "" {
		return outsourcing.FieldErrorf(field, "%s", reason)
	}
	return nil
}

// spanProblem says which bound of [start, end) is at fault and why; an
// empty reason means none is.
func spanProblem(start, end time.Time) (field, reason string) {
	switch {
	case !inRange(start):
		return "/start", fmt.Sprintf("period start %s is not between 1900 and 2200", start.Format(time.RFC3339))
	case end.After(maxInstant()):
		return "/end", fmt.Sprintf("period end %s is after 2200", end.Format(time.RFC3339))
	case !end.After(start):
		return "/end", fmt.Sprintf("period end %s is not after its start %s", end.Format(time.RFC3339),
			start.Format(time.RFC3339))
	}
	return "", ""
}

// PeriodOf returns the reporting period that contains t. A period that
// does not lie wholly between 1900 and 2200 (where instants and their
// differences fit in int64 nanoseconds) is refused with ErrInvalidInput.
func (a *Agreement) PeriodOf(t time.Time) (Period, error) {
	if err := a.compiled(); err != nil {
		return Period{}, wrap(err)
	}
	p := a.periodOf(t)
	if _, reason := spanProblem(p.start, p.end); reason != "" {
		return Period{}, wrap(outsourcing.FieldErrorf("", "no period for %s: %s", t.Format(time.RFC3339), reason))
	}
	return p, nil
}

// periodOf cuts the period containing t, unchecked: from local midnight
// to local midnight, counted in local dates (time.Date normalises them),
// so daylight-saving changes shorten or lengthen the period, never shift
// its bounds.
func (a *Agreement) periodOf(t time.Time) Period {
	lt := t.In(a.loc)
	y, m, d := lt.Date()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, a.loc) }
	switch a.period {
	case PeriodKindQuarter:
		q := (int(m)-1)/3 + 1
		return Period{label: fmt.Sprintf("%d-Q%d", y, q), start: day(y, time.Month(3*q-2), 1), end: day(y, time.Month(3*q+1), 1)}
	case PeriodKindYear:
		return Period{label: strconv.Itoa(y), start: day(y, 1, 1), end: day(y+1, 1, 1)}
	case PeriodKindWeek:
		monday := d - (int(lt.Weekday())+6)%7
		start := day(y, m, monday)
		wy, w := start.ISOWeek()
		return Period{label: fmt.Sprintf("%d-W%02d", wy, w), start: start, end: day(y, m, monday+7)}
	case PeriodKindDays:
		since := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(a.anchor) / (24 * time.Hour))
		k := since / a.days
		if since%a.days < 0 {
			k-- // floor for days before the anchor
		}
		ay, am, ad := a.anchor.Date()
		first, next := ad+k*a.days, ad+(k+1)*a.days
		return Period{label: day(ay, am, first).Format(time.DateOnly) + ".." + day(ay, am, next-1).Format(time.DateOnly),
			start: day(ay, am, first), end: day(ay, am, next)}
	}
	return Period{label: fmt.Sprintf("%d-%02d", y, int(m)), start: day(y, m, 1), end: day(y, m+1, 1)}
}

// period checks the period kind and, for days periods, their length and
// first day.
func (c *compiler) period() {
	s := &c.a.spec
	c.a.period = s.Period
	switch {
	case s.Period == "":
		c.a.period = PeriodKindMonth
	case !slices.Contains(periodKinds, s.Period):
		c.fail("/period", "unknown period %q", s.Period)
	}
	if c.a.period != PeriodKindDays {
		if s.PeriodDays != 0 {
			c.fail("/period_days", "a length in days is for days periods, not %s", c.a.period)
		}
		if s.PeriodStart != "" {
			c.fail("/period_start", "a first day is for days periods, not %s", c.a.period)
		}
		return
	}
	switch {
	case s.PeriodDays == 0:
		c.fail("/period", "a days period needs its length, period_days")
	case s.PeriodDays < 0 || s.PeriodDays > 366:
		c.fail("/period_days", "the length %d is not between 1 and 366 days", s.PeriodDays)
	}
	c.a.days = max(s.PeriodDays, 1)
	if s.PeriodStart == "" {
		c.fail("/period", "a days period needs its first day, period_start")
		return
	}
	anchor, err := time.Parse(time.DateOnly, s.PeriodStart)
	if err != nil || !inRange(anchor) {
		c.fail("/period_start", "%q is not a date (YYYY-MM-DD) between 1900 and 2200", s.PeriodStart)
	}
	c.a.anchor = anchor
}

// Periods returns the consecutive periods from the one containing from up
// to the one containing the instant before to. to not after from, a span
// of more than 1,200 periods, or a period outside 1900 to 2200 is an
// error matching ErrInvalidInput.
func (a *Agreement) Periods(from, to time.Time) ([]Period, error) {
	if err := a.compiled(); err != nil {
		return nil, wrap(err)
	}
	if !to.After(from) {
		return nil, wrap(outsourcing.FieldErrorf("", "end %s is not after start %s",
			to.Format(time.RFC3339), from.Format(time.RFC3339)))
	}
	var out []Period
	for t := from; t.Before(to); {
		p, err := a.PeriodOf(t)
		if err != nil {
			return nil, err
		}
		if len(out) == 1200 {
			return nil, wrap(outsourcing.FieldErrorf("", "more than 1200 periods requested"))
		}
		out = append(out, p)
		t = p.end
	}
	return out, nil
}

// checkPeriod refuses a period that is not one of the agreement's (the
// zero Period, a period of another zone or length, or one decoded with a
// label or bounds the agreement would not cut); path locates it.
func (a *Agreement) checkPeriod(p Period, path string) error {
	if p.IsZero() || !inRange(p.start) {
		return outsourcing.FieldErrorf(path, "not a period: build periods with PeriodOf or Periods")
	}
	if q := a.periodOf(p.start); !samePeriod(p, q) {
		return outsourcing.FieldErrorf(path, "%s from %s to %s is not a period of agreement %q (its period there is %s from %s to %s)",
			p.label, p.start.Format(time.RFC3339), p.end.Format(time.RFC3339), a.spec.ID,
			q.label, q.start.Format(time.RFC3339), q.end.Format(time.RFC3339))
	}
	return checkSpan(p.start, p.end)
}

// checkPeriods checks each period to report and that they are in time
// order, none repeated or overlapping.
func (a *Agreement) checkPeriods(periods []Period) error {
	if len(periods) == 0 {
		return outsourcing.FieldErrorf("", "no period to report")
	}
	for i, p := range periods {
		if err := a.checkPeriod(p, jsonptr.Join(i)); err != nil {
			return err
		}
		if i > 0 && p.start.Before(periods[i-1].end) {
			return outsourcing.FieldErrorf(jsonptr.Join(i), "period %s repeats or overlaps %s or is out of order",
				p.label, periods[i-1].label)
		}
	}
	return nil
}

func samePeriod(p, q Period) bool {
	return p.start.Equal(q.start) && p.end.Equal(q.end) && p.label == q.label
}
