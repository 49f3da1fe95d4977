package sla

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// priorHistory checks the history handed to Report or Evaluate and returns
// the part that precedes the first reported period. History must be this
// agreement's reports in time order, no two of them for the same or
// overlapping periods. A report at or after the first reported period is
// accepted only when its period is one of the periods being reported: it is
// the earlier run of a period now reprocessed (an ERP re-run passing the
// month itself in history), and it is set aside, so the period is reported
// from the same history as the first time and gives the same report.
// Anything else later than the first reported period is refused, as are
// reports of another agreement, and a period missing between the last
// report of history and the first reported period. Errors are
// *outsourcing.FieldError values
// whose Path points into the history slice ("/3/period").
func (a *Agreement) priorHistory(history []Report, periods []Period) ([]Report, error) {
	if err := a.checkHistory(history); err != nil {
		return nil, err
	}
	first := periods[0].start
	n := 0
	for i, r := range history {
		switch {
		case !r.Period.end.After(first):
			n = i + 1
		case !rerun(r.Period, periods):
			return nil, outsourcing.FieldErrorf(jsonptr.Join(i, "period"),
				"history report %d for %s is not earlier than the reported period %s", i, r.Period.label, periods[0].label)
		}
	}
	if n > 0 && history[n-1].Period.end.Before(first) {
		return nil, gapError(n-1, history[n-1].Period, periods[0])
	}
	return history[:n], nil
}

// gapError reports a period missing between two reports: trends, repeated
// misses and breach windows count periods in a row, so a missing month
// would make the months around it count as consecutive.
func gapError(i int, before, after Period) error {
	return outsourcing.FieldErrorf(jsonptr.Join(i, "period"),
		"no report between %s and %s: the history must cover every period in a row (trends, repeated misses and breach windows count periods, not reports)",
		before.label, after.label)
}

// checkHistory refuses reports of another agreement, reports out of
// time order, repeated, overlapping or with a period missing between
// them, and level reports whose trend does
// not end with their report's period (trends and breach evidence read
// that point).
func (a *Agreement) checkHistory(history []Report) error {
	for i, r := range history {
		if r.Agreement != a.spec.ID {
			return outsourcing.FieldErrorf(jsonptr.Join(i, "agreement"),
				"history report %d belongs to agreement %q, not %q", i, r.Agreement, a.spec.ID)
		}
		for j, l := range r.Levels {
			if n := len(l.Trend); n == 0 || l.Trend[n-1].Period != r.Period.label {
				return outsourcing.FieldErrorf(jsonptr.Join(i, "levels", j, "trend"),
					"history report %d: the trend of level %q does not end with its period %s", i, l.ID, r.Period.label)
			}
		}
		if i > 0 && r.Period.start.Before(history[i-1].Period.end) {
			return outsourcing.FieldErrorf(jsonptr.Join(i, "period"),
				"history report %d for %s repeats or overlaps the one before it (%s) or is out of order",
				i, r.Period.label, history[i-1].Period.label)
		}
		if i > 0 && r.Period.start.After(history[i-1].Period.end) {
			return gapError(i, history[i-1].Period, r.Period)
		}
	}
	return nil
}

// rerun reports whether p is one of the reported periods.
func rerun(p Period, periods []Period) bool {
	for _, q := range periods {
		if samePeriod(p, q) {
			return true
		}
	}
	return false
}
