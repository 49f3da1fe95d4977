package sla

import (
	"fmt"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// Period is one reporting period [Start, End) in the agreement's zone.
type Period struct {
	// Label is "2024-01" for a month, "2024-Q1" for a quarter.
	Label string `json:"label"`
	// Start is local midnight on the first day.
	Start time.Time `json:"start"`
	// End is local midnight on the first day of the next period.
	End time.Time `json:"end"`
}

// Duration returns the real length of the period (a March with a
// daylight-saving change lasts an hour less than 31 days).
func (p Period) Duration() time.Duration { return p.End.Sub(p.Start) }

// PeriodOf returns the reporting period that contains t.
func (a *Agreement) PeriodOf(t time.Time) Period {
	lt := t.In(a.loc)
	y, m := lt.Year(), lt.Month()
	if a.period == PeriodKindQuarter {
		q := (int(m)-1)/3 + 1
		start := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, a.loc)
		return Period{Label: fmt.Sprintf("%d-Q%d", y, q), Start: start, End: start.AddDate(0, 3, 0)}
	}
	start := time.Date(y, m, 1, 0, 0, 0, 0, a.loc)
	return Period{Label: fmt.Sprintf("%d-%02d", y, int(m)), Start: start, End: start.AddDate(0, 1, 0)}
}

// Periods returns the consecutive periods from the one containing from up
// to the one containing the instant before to. to not after from is an
// error matching ErrInvalidInput; so is a span of more than 1,200 periods.
func (a *Agreement) Periods(from, to time.Time) ([]Period, error) {
	if !to.After(from) {
		return nil, outsourcing.FieldErrorf("to", "sla: end %s is not after start %s",
			to.Format(time.RFC3339), from.Format(time.RFC3339))
	}
	var out []Period
	for p := a.PeriodOf(from); p.Start.Before(to); p = a.PeriodOf(p.End) {
		if len(out) == 1200 {
			return nil, outsourcing.FieldErrorf("to", "sla: more than 1200 periods requested")
		}
		out = append(out, p)
	}
	return out, nil
}
