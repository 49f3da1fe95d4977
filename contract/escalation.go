package contract

import (
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// DisputeEventKind is what happens to a dispute on the escalation ladder.
type DisputeEventKind string

// Dispute event kinds.
const (
	// DisputeEscalate moves an open dispute up one level at once.
	DisputeEscalate DisputeEventKind = "escalate"
	// DisputeResolve resolves it at its current level.
	DisputeResolve DisputeEventKind = "resolve"
	// DisputeAppeal reopens a resolved dispute one level higher.
	DisputeAppeal DisputeEventKind = "appeal"
)

var disputeEventKinds = []DisputeEventKind{DisputeEscalate, DisputeResolve, DisputeAppeal}

// String returns the kind's name.
func (k DisputeEventKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k DisputeEventKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "dispute event kind", disputeEventKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *DisputeEventKind) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(k, b, "dispute event kind", disputeEventKinds)
}

// Dispute is a disagreement between the parties handled on the
// contract's escalation ladder (Handbook §6.3).
type Dispute struct {
	// ID names the dispute.
	ID string `json:"id"`
	// Subject says what it is about.
	Subject string `json:"subject"`
	// RaisedBy is the id of the party that raised it.
	RaisedBy string `json:"raised_by"`
	// Raised is the day it was raised; it starts at the ladder's first
	// level.
	Raised Date `json:"raised"`
	// Events are what happened since, in day order.
	Events []DisputeEvent `json:"events,omitempty"`
}

// DisputeEvent is one step of a dispute.
type DisputeEvent struct {
	// Kind is escalate, resolve or appeal.
	Kind DisputeEventKind `json:"kind"`
	// Actor is who acted.
	Actor string `json:"actor"`
	// On is the day.
	On Date `json:"on"`
	// Note records the decision or the grounds.
	Note string `json:"note,omitempty"`
}

// LevelVisit is a stretch of a dispute at one level of the ladder.
type LevelVisit struct {
	// Level is the rung, from 0; len(ladder) is the contract's dispute
	// resolution (arbitration or court).
	Level int `json:"level"`
	// Role is who handles it there.
	Role string `json:"role"`
	// From is the first day at the level.
	From Date `json:"from"`
	// Deadline is the day the dispute moves up if unresolved: From plus
	// the level's time limit; zero at the dispute-resolution level.
	Deadline Date `json:"deadline,omitzero"`
	// Reason is why it arrived: raised, escalated, timeout or appeal.
	Reason string `json:"reason"`
}

// EscalationStatus is a dispute's position at a day.
type EscalationStatus struct {
	// Dispute is its id.
	Dispute string `json:"dispute"`
	// AsOf is the day.
	AsOf Date `json:"as_of"`
	// Visits are the levels it went through, the current one last.
	Visits []LevelVisit `json:"visits"`
	// Resolved reports a resolution standing at AsOf; ResolvedOn its day.
	Resolved   bool `json:"resolved"`
	ResolvedOn Date `json:"resolved_on,omitzero"`
	// Final reports that the ladder is exhausted: the contract's dispute
	// resolution clause applies.
	Final bool `json:"final"`
	// DaysLeft counts the days from AsOf to the current level's deadline
	// (zero when resolved or final).
	DaysLeft int `json:"days_left"`
}

// Escalation replays a dispute on the contract's escalation ladder up
// to asOf (Handbook §6.3): it starts at the first level on the day it is
// raised; a level that does not resolve it by its deadline (its time
// limit after the dispute arrived) passes it up on the deadline; a party
// may escalate early (an escalation on the deadline day itself is that
// same move, not a second level up); a resolution may be appealed, which reopens the
// dispute one level higher. Past the last level the contract's dispute
// resolution applies (Final). Errors (a *outsourcing.FieldError with a
// pointer into d): a contract without a ladder (ErrNotFound at ""), a
// raising party that does not exist, a dispute raised after asOf (at
// /raised: there is no position on the ladder yet), events out of day order or before
// the dispute, an event the dispute's state does not allow (resolving a
// resolved dispute, appealing an open one or escalating past dispute
// resolution: ErrTransition at /events/i/kind), a level reached (by the
// step at /raised or /events/i/on, or the timeouts after it) whose
// deadline would fall after 9999-12-31, the last day a date is written
// in.
func (c *Contract) Escalation(d Dispute, asOf Date) (EscalationStatus, error) {
	s, err := c.escalation(d, asOf)
	return s, wrap(err)
}

func (c *Contract) escalation(d Dispute, asOf Date) (EscalationStatus, error) {
	ladder := c.spec.Governance.Escalation
	if len(ladder) == 0 {
		return EscalationStatus{}, notFoundf("", "the contract has no escalation ladder")
	}
	if _, ok := c.parties[d.RaisedBy]; !ok {
		return EscalationStatus{}, notFoundf("/raised_by", "no party %q", d.RaisedBy)
	}
	switch {
	case d.Raised.IsZero():
		return EscalationStatus{}, outsourcing.FieldErrorf("/raised", "a dispute needs the day it was raised")
	case d.Raised.After(asOf):
		return EscalationStatus{}, outsourcing.FieldErrorf("/raised", "the dispute was raised on %s, after the day asked about, %s", d.Raised, asOf)
	}
	out := EscalationStatus{Dispute: d.ID, AsOf: asOf}
	// at is the pointer of the step being replayed; late is set when a
	// level's deadline would fall after 9999-12-31, the last day a date
	// is written in
	at, late := "/raised", error(nil)
	visit := func(level int, from Date, reason string) {
		v := LevelVisit{Level: level, From: from, Reason: reason, Role: "dispute resolution under the contract"}
		if level < len(ladder) {
			v.Role, v.Deadline = ladder[level].Role, ladder[level].TimeLimit.AddTo(from)
			if !v.Deadline.written() && late == nil {
				late = outsourcing.FieldErrorf(at, "level %d (%s) reached on %s has its deadline %s later, after 9999-12-31",
					level, v.Role, from, ladder[level].TimeLimit)
			}
		}
		out.Visits = append(out.Visits, v)
	}
	current := func() LevelVisit { return out.Visits[len(out.Visits)-1] }
	// timeouts moves an open dispute up every deadline on or before day.
	timeouts := func(day Date) {
		for late == nil && !out.Resolved && current().Level < len(ladder) && !current().Deadline.After(day) {
			visit(current().Level+1, current().Deadline, "timeout")
		}
	}
	visit(0, d.Raised, "raised")
	last := d.Raised
	for i, e := range slices.Clone(d.Events) {
		if e.On.After(asOf) {
			break
		}
		path := jsonptr.Join("events", i)
		at = jsonptr.Append(path, "on")
		if e.On.Before(last) {
			return EscalationStatus{}, outsourcing.FieldErrorf(jsonptr.Append(path, "on"), "%s is before the previous step on %s", e.On, last)
		}
		last = e.On
		timeouts(e.On)
		switch {
		case e.Kind == DisputeEscalate && !out.Resolved && current().Reason == "timeout" && current().From == e.On:
			// escalated on the deadline day: the same move the deadline
			// made, not a second level up
			out.Visits[len(out.Visits)-1].Reason = "escalated"
		case e.Kind == DisputeResolve && !out.Resolved:
			out.Resolved, out.ResolvedOn = true, e.On
		case e.Kind == DisputeEscalate && !out.Resolved && current().Level < len(ladder),
			e.Kind == DisputeAppeal && out.Resolved && current().Level < len(ladder):
			out.Resolved, out.ResolvedOn = false, Date{}
			visit(current().Level+1, e.On, map[DisputeEventKind]string{DisputeEscalate: "escalated", DisputeAppeal: "appeal"}[e.Kind])
		default:
			return EscalationStatus{}, transitionf(jsonptr.Append(path, "kind"), "%s is not allowed: the dispute is %s at level %d", e.Kind, disputeState(out.Resolved), current().Level)
		}
	}
	timeouts(asOf)
	if late != nil {
		return EscalationStatus{}, late
	}
	out.Final = current().Level == len(ladder)
	if !out.Resolved && !out.Final {
		out.DaysLeft = asOf.DaysUntil(current().Deadline)
	}
	return out, nil
}

func disputeState(resolved bool) string {
	if resolved {
		return "resolved"
	}
	return "open"
}
