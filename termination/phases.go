package termination

import (
	"fmt"
	"slices"

	"github.com/outsourcing-go/outsourcing"
)

// Phase is a phase of the exit, in the order of the UK Model Services
// Contract's exit management schedule (Schedule 8.5): the exit plan is
// kept during the term, invoked by a termination notice, carried out in
// the termination assistance period, finished by the disposal of the
// customer's data and closed by the post-exit review. Each phase but
// planned has a planned end in the ExitPlan: the notice's day, the end
// of assistance or of the last handover item, the data's disposal, and
// the terms' ReviewPeriod after it.
//
// ISO 37500:2014 describes the outsourcing life cycle in four phases
// (strategy analysis, initiation, transition, value delivery) and does
// not divide the exit into phases. The phases here are this package's
// own, and its own mapping onto that life cycle is: planned belongs to
// value delivery (the exit plan is maintained while the service runs);
// notice, assistance and data_disposition are the exit, a transition in
// reverse that moves the service to the customer or a successor; review
// closes the arrangement with the lessons and the final vendor
// evaluation that feed the next strategy analysis (Handbook §7.4, §8.1).
type Phase string

// Exit phases.
const (
	// PhasePlanned: the exit plan is agreed and kept up to date; no notice.
	PhasePlanned Phase = "planned"
	// PhaseNotice: termination notice served; the exit plan is finalised.
	PhaseNotice Phase = "notice"
	// PhaseAssistance: the termination assistance period: services
	// continue while the handover list is transferred and accepted.
	PhaseAssistance Phase = "assistance"
	// PhaseDataDisposition: handover accepted; the customer's data is
	// returned or destroyed and certified.
	PhaseDataDisposition Phase = "data_disposition"
	// PhaseReview: the post-exit review and final vendor evaluation
	// (Handbook §7.4).
	PhaseReview Phase = "review"
	// PhaseClosed: the exit is complete.
	PhaseClosed Phase = "closed"
)

var phases = enum[Phase]{"phase", []Phase{PhasePlanned, PhaseNotice, PhaseAssistance, PhaseDataDisposition, PhaseReview, PhaseClosed}}

// String returns the phase's name.
func (p Phase) String() string { return string(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Phase) MarshalText() ([]byte, error) { return phases.marshal(p) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown phases.
func (p *Phase) UnmarshalText(b []byte) error { return phases.unmarshal(p, b) }

// PhaseEventKind is what moves the exit from one phase to the next.
type PhaseEventKind string

// Exit events.
const (
	PhaseEventServeNotice     PhaseEventKind = "serve_notice"
	PhaseEventWithdrawNotice  PhaseEventKind = "withdraw_notice"
	PhaseEventStartAssistance PhaseEventKind = "start_assistance"
	PhaseEventAcceptHandover  PhaseEventKind = "accept_handover"
	PhaseEventCertifyData     PhaseEventKind = "certify_data"
	PhaseEventCloseReview     PhaseEventKind = "close_review"
)

var phaseEvents = enum[PhaseEventKind]{"exit event", []PhaseEventKind{PhaseEventServeNotice, PhaseEventWithdrawNotice,
	PhaseEventStartAssistance, PhaseEventAcceptHandover, PhaseEventCertifyData, PhaseEventCloseReview}}

// String returns the event's name.
func (e PhaseEventKind) String() string { return string(e) }

// MarshalText implements encoding.TextMarshaler.
func (e PhaseEventKind) MarshalText() ([]byte, error) { return phaseEvents.marshal(e) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown events.
func (e *PhaseEventKind) UnmarshalText(b []byte) error { return phaseEvents.unmarshal(e, b) }

// transitions is the exit's transition table.
var transitions = map[Phase]map[PhaseEventKind]Phase{
	PhasePlanned:         {PhaseEventServeNotice: PhaseNotice},
	PhaseNotice:          {PhaseEventWithdrawNotice: PhasePlanned, PhaseEventStartAssistance: PhaseAssistance},
	PhaseAssistance:      {PhaseEventAcceptHandover: PhaseDataDisposition},
	PhaseDataDisposition: {PhaseEventCertifyData: PhaseReview},
	PhaseReview:          {PhaseEventCloseReview: PhaseClosed},
}

// Next returns the phase event leads to from state. An event the state
// does not allow is a *outsourcing.FieldError matching
// outsourcing.ErrTransition (the state is unchanged: Next is pure).
func Next(state Phase, event PhaseEventKind) (Phase, error) {
	if next, ok := transitions[state][event]; ok {
		return next, nil
	}
	return state, wrap(transitionError("", state, event))
}

func transitionError(path string, state Phase, event PhaseEventKind) error {
	allowed := Allowed(state)
	return outsourcing.FieldErrorOf(outsourcing.ErrTransition, path, "%s is not allowed in phase %s (allowed: %v)", event, state, fmt.Sprint(allowed))
}

// Allowed returns the events state allows, in a stable order.
func Allowed(state Phase) []PhaseEventKind {
	var out []PhaseEventKind
	for _, e := range phaseEvents.values {
		if _, ok := transitions[state][e]; ok {
			out = append(out, e)
		}
	}
	return slices.Clip(out)
}
