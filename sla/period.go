package sla

import (
	"encoding/json"
	"fmt"
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

// Label is "2024-01" for a month, "2024-Q1" for a quarter.
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
	p := a.periodOf(t)
	if _, reason := spanProblem(p.start, p.end); reason != "" {
		return Period{}, fmt.Errorf("sla: %w", outsourcing.FieldErrorf("", "no period for %s: %s", t.Format(time.RFC3339), reason))
	}
	return p, nil
}

// periodOf cuts the period containing t, unchecked.
func (a *Agreement) periodOf(t time.Time) Period {
	lt := t.In(a.loc)
	y, m := lt.Year(), lt.Month()
	if a.period == PeriodKindQuarter {
		q := (int(m)-1)/3 + 1
		start := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, a.loc)
		return Period{label: fmt.Sprintf("%d-Q%d", y, q), start: start, end: start.AddDate(0, 3, 0)}
	}
	start := time.Date(y, m, 1, 0, 0, 0, 0, a.loc)
	return Period{label: fmt.Sprintf("%d-%02d", y, int(m)), start: start, end: start.AddDate(0, 1, 0)}
}

// Periods returns the consecutive periods from the one containing from up
// to the one containing the instant before to. to not after from, a span
// of more than 1,200 periods, or a period outside 1900 to 2200 is an
// error matching ErrInvalidInput.
func (a *Agreement) Periods(from, to time.Time) ([]Period, error) {
	if !to.After(from) {
		return nil, fmt.Errorf("sla: %w", outsourcing.FieldErrorf("", "end %s is not after start %s",
			to.Format(time.RFC3339), from.Format(time.RFC3339)))
	}
	var out []Period
	for t := from; t.Before(to); {
		p, err := a.PeriodOf(t)
		if err != nil {
			return nil, err
		}
		if len(out) == 1200 {
			return nil, fmt.Errorf("sla: %w", outsourcing.FieldErrorf("", "more than 1200 periods requested"))
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
