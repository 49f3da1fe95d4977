package contract

import (
	"fmt"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// State is where a contract stands in its lifecycle (Handbook §3.2–§3.3).
type State string

// States.
const (
	StateDraft      State = "draft"
	StateInReview   State = "in_review"
	StateApproved   State = "approved"
	StateSigned     State = "signed"
	StateActive     State = "active"
	StateSuspended  State = "suspended"
	StateExpired    State = "expired"
	StateTerminated State = "terminated"
)

var states = []State{StateDraft, StateInReview, StateApproved, StateSigned, StateActive, StateSuspended, StateExpired, StateTerminated}

// String returns the state's name.
func (s State) String() string { return string(s) }

// Label returns the state in words for a reader ("in review"); String
// and JSON keep the id. An unknown value is returned as it is.
func (s State) Label() string {
	if s == StateInReview {
		return "in review"
	}
	return string(s)
}

// MarshalText implements encoding.TextMarshaler.
func (s State) MarshalText() ([]byte, error) { return outsourcing.MarshalEnum(s, "state", states) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown states.
func (s *State) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(s, b, "state", states)
}

// EventKind is what happens to a contract.
type EventKind string

// Event kinds.
const (
	// EventCreate opens the record of a draft (NewRecord).
	EventCreate EventKind = "create"
	// EventSubmit sends a draft to review.
	EventSubmit EventKind = "submit"
	// EventReturn sends a contract in review back to drafting.
	EventReturn EventKind = "return"
	// EventApprove records that the approval workflow approved it.
	EventApprove EventKind = "approve"
	// EventSign records the signatures of every party.
	EventSign EventKind = "sign"
	// EventActivate starts service under a signed contract.
	EventActivate EventKind = "activate"
	// EventSuspend suspends an active contract.
	EventSuspend EventKind = "suspend"
	// EventResume resumes a suspended contract.
	EventResume EventKind = "resume"
	// EventAmend applies an approved change (Record.Amend).
	EventAmend EventKind = "amend"
	// EventExpire ends a contract at the end of its term.
	EventExpire EventKind = "expire"
	// EventTerminate ends a contract early.
	EventTerminate EventKind = "terminate"
)

var eventKinds = []EventKind{EventCreate, EventSubmit, EventReturn, EventApprove, EventSign, EventActivate,
	EventSuspend, EventResume, EventAmend, EventExpire, EventTerminate}

// String returns the kind's name.
func (k EventKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k EventKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "event kind", eventKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *EventKind) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(k, b, "event kind", eventKinds)
}

// transition is one edge of the lifecycle.
type transition struct {
	from State
	on   EventKind
	to   State
}

// lifecycle is the transition table, in the order diagrams draw it.
var lifecycle = []transition{
	{StateDraft, EventSubmit, StateInReview},
	{StateInReview, EventReturn, StateDraft},
	{StateInReview, EventApprove, StateApproved},
	{StateApproved, EventSign, StateSigned},
	{StateSigned, EventActivate, StateActive},
	{StateSigned, EventAmend, StateSigned},
	{StateSigned, EventTerminate, StateTerminated},
	{StateActive, EventAmend, StateActive},
	{StateActive, EventSuspend, StateSuspended},
	{StateActive, EventExpire, StateExpired},
	{StateActive, EventTerminate, StateTerminated},
	{StateSuspended, EventResume, StateActive},
	{StateSuspended, EventAmend, StateSuspended},
	{StateSuspended, EventExpire, StateExpired},
	{StateSuspended, EventTerminate, StateTerminated},
}

// Next is the lifecycle's pure transition function: the state after
// event in state. An event the state does not allow (a signature before
// approval, an amendment of a terminated contract) is a
// *outsourcing.FieldError at /kind matching ErrTransition, with state
// returned unchanged.
func Next(state State, event EventKind) (State, error) {
	for _, t := range lifecycle {
		if t.from == state && t.on == event {
			return t.to, nil
		}
	}
	return state, wrap(transitionf("/kind", "%s is not allowed in state %s (allowed: %s)", event, state, allowed(state)))
}

// allowed lists the events a state allows.
func allowed(s State) string {
	var out []string
	for _, t := range lifecycle {
		if t.from == s {
			out = append(out, string(t.on))
		}
	}
	if len(out) == 0 {
		return "none, the state is final"
	}
	return strings.Join(out, ", ")
}

// Allowed returns the events state allows, in table order.
func Allowed(state State) []EventKind {
	var out []EventKind
	for _, t := range lifecycle {
		if t.from == state {
			out = append(out, t.on)
		}
	}
	return out
}

// Mermaid returns the lifecycle as a Mermaid state diagram
// (stateDiagram-v2), one line per transition in table order.
func Mermaid() string {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	fmt.Fprintf(&b, "    [*] --> %s : %s\n", StateDraft, EventCreate)
	for _, t := range lifecycle {
		fmt.Fprintf(&b, "    %s --> %s : %s\n", t.from, t.to, t.on)
	}
	for _, s := range states {
		if len(Allowed(s)) == 0 {
			fmt.Fprintf(&b, "    %s --> [*]\n", s)
		}
	}
	return b.String()
}

// DOT returns the lifecycle as a Graphviz digraph: final states drawn
// with a double circle, one edge per transition in table order.
func DOT() string {
	var b strings.Builder
	b.WriteString("digraph contract_lifecycle {\n    rankdir=LR;\n    start [shape=point];\n")
	for _, s := range states {
		shape := "ellipse"
		if len(Allowed(s)) == 0 {
			shape = "doublecircle"
		}
		fmt.Fprintf(&b, "    %s [shape=%s];\n", s, shape)
	}
	fmt.Fprintf(&b, "    start -> %s [label=%q];\n", StateDraft, EventCreate)
	for _, t := range lifecycle {
		fmt.Fprintf(&b, "    %s -> %s [label=%q];\n", t.from, t.to, t.on)
	}
	b.WriteString("}\n")
	return b.String()
}
