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
// reports of another agreement. Errors are *outsourcing.FieldError values
// whose Path points into the history slice ("/3/period").
func (a *Agreement) priorHistory(history []Report, periods []Period) ([]Report, error) {
	first := periods[0].Start
	n := 0
	for i, r := range history {
		if r.Agreement != a.spec.ID {
			return nil, outsourcing.FieldErrorf(jsonptr.Join(i, "agreement"),
				"history report %d belongs to agreement %q, not %q", i, r.Agreement, a.spec.ID)
		}
		if i > 0 && r.Period.Start.Before(history[i-1].Period.End) {
			return nil, outsourcing.FieldErrorf(jsonptr.Join(i, "period"),
				"history report %d for %s repeats or overlaps the one before it (%s) or is out of order",
				i, r.Period.Label, history[i-1].Period.Label)
		}
		switch {
		case !r.Period.End.After(first):
			n = i + 1
		case !rerun(r.Period, periods):
			return nil, outsourcing.FieldErrorf(jsonptr.Join(i, "period"),
				"history report %d for %s is not earlier than the reported period %s", i, r.Period.Label, periods[0].Label)
		}
	}
	return history[:n], nil
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

func samePeriod(p, q Period) bool {
	return p.Start.Equal(q.Start) && p.End.Equal(q.End) && p.Label == q.Label
}

// checkPeriods checks that the periods to report are consecutive-or-later
// agreement periods in time order, none repeated or overlapping.
func checkPeriods(periods []Period) error {
	if len(periods) == 0 {
		return outsourcing.FieldErrorf("", "no period to report")
	}
	for i := 1; i < len(periods); i++ {
		if periods[i].Start.Before(periods[i-1].End) {
			return outsourcing.FieldErrorf(jsonptr.Join(i), "period %s repeats or overlaps %s or is out of order",
				periods[i].Label, periods[i-1].Label)
		}
	}
	return nil
}
