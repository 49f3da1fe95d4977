package sla

import (
	"math/big"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// TaskSLA is one ticket's clock against a ticket level at an instant, as
// a ServiceNow task SLA (task_sla) shows it: its stage, business elapsed
// time (business_duration) and percentage (business_percentage), the
// business time left (business_time_left), the due instant
// (planned_end_time) and whether and when it breached.
type TaskSLA struct {
	// Ticket and Priority identify the ticket; Target is its priority's
	// target business time.
	Ticket   string   `json:"ticket"`
	Priority string   `json:"priority"`
	Target   Duration `json:"target"`
	// Stage is where the clock stands at the instant asked for.
	Stage TaskStage `json:"stage"`
	// Start is when the ticket was opened; Stop when the clock stopped
	// (first response for response levels, final resolution otherwise),
	// absent while it has not.
	Start time.Time  `json:"start"`
	Stop  *time.Time `json:"stop,omitempty"`
	// BusinessElapsed is the business time on the clock: on the level's
	// calendar, pauses left out, up to Stop or the instant asked for.
	BusinessElapsed Duration `json:"business_elapsed"`
	// BusinessPercentage is BusinessElapsed / Target × 100, rounded to two
	// places (half away from zero); it passes 100 once breached.
	BusinessPercentage outsourcing.Decimal `json:"business_percentage"`
	// BusinessTimeLeft is Target − BusinessElapsed, zero once it is reached.
	BusinessTimeLeft Duration `json:"business_time_left"`
	// Due is when the clock reaches its target, adjusted for the pauses so
	// far: while it runs, where it will, supposing it runs on; once it has
	// passed the target, where it did. Absent while paused or stopped
	// within target (a resumed clock's due instant is known at resumption).
	Due *time.Time `json:"due,omitempty"`
	// Breached says the clock passed its target by the instant asked for,
	// at BreachedAt: the last instant it stood at the target, late at
	// every instant after it.
	Breached   bool       `json:"breached"`
	BreachedAt *time.Time `json:"breached_at,omitempty"`
}

// TaskSLAs returns the clock of every ticket of in that the ticket level
// id measures (its priorities and service, exclusions applied), at asOf,
// in input order: the state-change events after asOf have not happened
// yet. A response level's clock stops at the first response (assigned,
// or resolved without an assignment); the others' at the final
// resolution. Errors: an unknown level (ErrNotFound), a level that does
// not measure tickets (ErrInvalidInput, path ""), invalid input.
func (a *Agreement) TaskSLAs(in Input, id string, asOf time.Time) ([]TaskSLA, error) {
	if err := a.compiled(); err != nil {
		return nil, wrap(err)
	}
	l, err := a.levelByID(id)
	if err != nil {
		return nil, wrap(err)
	}
	if !l.Metric.tickets() {
		return nil, wrap(outsourcing.FieldErrorf("", "level %q does not measure tickets", id))
	}
	if _, err := checkEvents(in); err != nil {
		return nil, wrap(err)
	}
	var out []TaskSLA
	for _, t := range in.Tickets {
		if t.Events[0].At.After(asOf) {
			continue // not yet opened
		}
		target, ok, err := a.measures(l, t)
		if err != nil {
			return nil, wrap(err)
		}
		if ok {
			out = append(out, taskClock(t, l, target, asOf))
		}
	}
	return out, nil
}

// taskClock replays the ticket's events up to asOf.
func taskClock(t Ticket, l *level, target time.Duration, asOf time.Time) TaskSLA {
	n := 0
	for n < len(t.Events) && !t.Events[n].At.After(asOf) {
		n++
	}
	t.Events = t.Events[:n]
	tc, runFrom := replay(t, l.cal, target)
	ts := TaskSLA{Ticket: t.ID, Priority: t.Priority, Target: Duration(target), Start: t.Events[0].At}
	elapsed := tc.used
	switch {
	case l.Metric == MetricKindResponseTime && tc.responded != 0:
		ts.Stage, elapsed = TaskStageCompleted, tc.response
		ts.Stop = timePtr(tc.responded)
	case tc.state == stateResolved:
		ts.Stage = TaskStageCompleted
		ts.Stop = timePtr(tc.resolved)
	case tc.state == statePaused:
		ts.Stage = TaskStagePaused
	default:
		ts.Stage = TaskStageInProgress
		elapsed += l.cal.BusinessDuration(runFrom, asOf)
	}
	ts.BusinessElapsed, ts.BusinessTimeLeft = Duration(elapsed), Duration(max(target-elapsed, 0))
	// 100 × elapsed in exact rationals: in int64 nanoseconds it overflows
	// once the clock has run about 2.9 years.
	pct := big.NewRat(int64(elapsed), int64(target))
	ts.BusinessPercentage = ratDecimal(pct.Mul(pct, ratHundred), 2)
	// The response clock runs with the resolution clock until it stops,
	// so both pass the target at tc.breach if either does.
	passed := tc.breaches && (ts.Stop == nil || tc.breach < ts.Stop.UnixNano())
	if passed {
		ts.Due = timePtr(tc.breach)
	}
	if passed && tc.breach < asOf.UnixNano() {
		ts.Breached, ts.BreachedAt = true, ts.Due
	}
	return ts
}

// timePtr returns the instant ns (Unix nanoseconds) in UTC.
func timePtr(ns int64) *time.Time {
	t := time.Unix(0, ns).UTC()
	return &t
}
