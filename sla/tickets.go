package sla

import (
	"fmt"
	"time"
)

// ticketState is where a ticket's log stands while it is replayed.
type ticketState uint8

const (
	stateNew ticketState = iota
	stateRunning
	statePaused
	stateResolved
)

// next is the ticket state machine: which change is allowed in which state.
// Assignment is allowed while open (running or paused) and does not change
// the state.
func next(s ticketState, k EventKind) (ticketState, bool) {
	switch {
	case s == stateNew && k == EventKindOpened:
		return stateRunning, true
	case (s == stateRunning || s == statePaused) && k == EventKindAssigned:
		return s, true
	case s == stateRunning && k == EventKindPending:
		return statePaused, true
	case s == statePaused && k == EventKindResumed:
		return stateRunning, true
	case (s == stateRunning || s == statePaused) && k == EventKindResolved:
		return stateResolved, true
	case s == stateResolved && k == EventKindReopened:
		return stateRunning, true
	}
	return s, false
}

// ticketClock is a ticket replayed against a level: its clocks in
// business time, paused while pending and between resolution and reopening.
type ticketClock struct {
	opened    int64
	responded int64 // 0 when never responded (nor resolved)
	resolved  int64 // 0 while unresolved
	response  time.Duration
	used      time.Duration // business time on the resolution clock
	target    time.Duration
	// breach is the last instant at which the resolution clock still
	// stands at or below the target: the ticket is late at every instant
	// after it. breaches is false when the clock never passes the target
	// (resolved, or left pending, within it). An unresolved ticket whose
	// clock runs is taken to keep running, so it breaches in time.
	breach   int64
	breaches bool
	state    ticketState // where the log leaves the ticket
}

// replay runs a valid ticket log through the calendar; it also returns
// when the clock last started, if it still runs at the end of the log.
func replay(t Ticket, cal clock, target time.Duration) (ticketClock, time.Time) {
	tc := ticketClock{opened: t.Events[0].At.UnixNano(), target: target}
	var runStart time.Time
	s := stateNew
	respond := func(at time.Time) {
		if tc.responded == 0 {
			tc.responded = at.UnixNano()
			tc.response = tc.used
			if !runStart.IsZero() {
				tc.response += cal.BusinessDuration(runStart, at)
			}
		}
	}
	for _, e := range t.Events {
		ns, _ := next(s, e.Kind)
		switch e.Kind {
		case EventKindAssigned:
			respond(e.At)
		case EventKindResolved:
			respond(e.At)
		}
		if s == stateRunning && ns != stateRunning {
			seg := cal.BusinessDuration(runStart, e.At)
			if !tc.breaches && tc.used+seg > target {
				tc.breach, tc.breaches = breachAt(cal, runStart, target-tc.used), true
			}
			tc.used += seg
			runStart = time.Time{}
		}
		if s != stateRunning && ns == stateRunning {
			runStart = e.At
		}
		s = ns
	}
	tc.state = s
	switch {
	case s == stateResolved:
		tc.resolved = t.Events[len(t.Events)-1].At.UnixNano()
	case s == stateRunning && !tc.breaches:
		tc.breach, tc.breaches = breachAt(cal, runStart, target-tc.used), true
	}
	return tc, runStart
}

// breachAt returns the last instant at which a clock running from `from`
// with `left` business time to go still stands at the target: where the
// time runs out, or the next business moment when that is a closing time.
func breachAt(cal clock, from time.Time, left time.Duration) int64 {
	out, _ := cal.Add(from, left) // left ≥ 0
	return cal.NextBusinessMoment(out).UnixNano()
}

// respondedLate reports whether the response clock passed the target:
// answered after it, or never answered while the clock ran on. Until the
// first response the response and resolution clocks run together, so the
// response turns late where the resolution clock first passes the target
// (breach).
func (tc ticketClock) respondedLate() bool {
	if tc.responded != 0 {
		return tc.response > tc.target
	}
	return tc.breaches
}

// lateBy reports whether the ticket's resolution clock has passed its
// target at instant end (ns).
func (tc ticketClock) lateBy(end int64) bool { return tc.breaches && tc.breach < end }

// prepareTickets appends to out the clocks of the tickets level l
// measures, replayed on cal.
func (a *Agreement) prepareTickets(out []ticketClock, l *level, tickets []Ticket, cal clock) ([]ticketClock, error) {
	for _, t := range tickets {
		target, ok, err := a.measures(l, t)
		if err != nil {
			return nil, err
		}
		if ok {
			tc, _ := replay(t, cal, target)
			out = append(out, tc)
		}
	}
	return out, nil
}

// measures reports whether level l measures ticket t (its priority has a
// target, its service is the level's, no exclusion rule removes it) and
// the target.
func (a *Agreement) measures(l *level, t Ticket) (time.Duration, bool, error) {
	target, ok := l.Targets[t.Priority]
	if !ok || !serves(l, t.Service) {
		return 0, false, nil
	}
	if len(l.Exclusions) > 0 {
		hit, err := a.excluded(l, EventEnv{Kind: "ticket", ID: t.ID, Service: t.Service, Cause: t.Cause,
			Priority: t.Priority, Tags: t.Tags})
		if err != nil {
			return 0, false, fmt.Errorf("ticket %q: %w", t.ID, err)
		}
		if hit {
			return 0, false, nil
		}
	}
	return time.Duration(target), true, nil
}
