package termination

import (
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// PhaseEvent is something that happened in the exit on a day.
type PhaseEvent struct {
	// Kind is the event.
	Kind PhaseEventKind `json:"kind"`
	// On is the day it happened.
	On contract.Date `json:"on"`
	// By is who recorded it (optional).
	By string `json:"by,omitempty"`
}

// PhaseStep is one applied event: the phase it left and the phase it
// entered.
type PhaseStep struct {
	Event PhaseEvent `json:"event"`
	From  Phase      `json:"from"`
	To    Phase      `json:"to"`
}

// ExitProgress is the state of an exit at a day.
type ExitProgress struct {
	// AsOf is the day.
	AsOf contract.Date `json:"as_of"`
	// Phase is the phase at AsOf.
	Phase Phase `json:"phase"`
	// Steps are the events applied, in order.
	Steps []PhaseStep `json:"steps,omitempty"`
	// Percent is the share of the way from planned to closed: each of the
	// five steps is 20.
	Percent outsourcing.Decimal `json:"percent"`
	// Behind reports that AsOf is past the planned end of the current
	// phase.
	Behind bool `json:"behind"`
	// DaysToEffective counts the days from AsOf to the effective date
	// (negative once passed).
	DaysToEffective int `json:"days_to_effective"`
	// InForce are the surviving obligations binding at AsOf (after the
	// effective date, not past their end).
	InForce []SurvivingObligation `json:"in_force,omitempty"`
}

// Progress replays events (in day order; those after asOf do not count
// yet) through Next from PhasePlanned and reports the exit at asOf.
// Errors (*outsourcing.FieldError at /i/… of events): an event without a
// date or out of day order (/i/on), an unknown event or one the phase does not allow
// (/i/kind, matching ErrTransition); nothing is reported then.
func (p ExitPlan) Progress(asOf contract.Date, events []PhaseEvent) (ExitProgress, error) {
	out := ExitProgress{AsOf: asOf, Phase: PhasePlanned, DaysToEffective: asOf.DaysUntil(p.Effective)}
	var last contract.Date
	for i, e := range events {
		switch {
		case e.On.IsZero():
			return ExitProgress{}, wrap(outsourcing.FieldErrorf(jsonptr.Join(i, "on"), "the %s event has no date", e.Kind))
		case e.On.Before(last):
			return ExitProgress{}, wrap(outsourcing.FieldErrorf(jsonptr.Join(i, "on"), "the %s event on %s is before the previous event on %s", e.Kind, e.On, last))
		}
		last = e.On
		if e.On.After(asOf) {
			continue
		}
		next, ok := transitions[out.Phase][e.Kind]
		if !ok {
			return ExitProgress{}, wrap(transitionError(jsonptr.Join(i, "kind"), out.Phase, e.Kind))
		}
		out.Steps = append(out.Steps, PhaseStep{Event: e, From: out.Phase, To: next})
		out.Phase = next
	}
	steps := int64(len(phases.values) - 1)
	out.Percent, _ = outsourcing.DecimalFromInt(100*int64(slices.Index(phases.values, out.Phase))).Quo(outsourcing.DecimalFromInt(steps), 2, outsourcing.RoundHalfUp)
	for _, ph := range p.Phases {
		if ph.Phase == out.Phase && !ph.Until.IsZero() && asOf.After(ph.Until) {
			out.Behind = true
		}
	}
	for _, s := range p.Surviving {
		if asOf.After(p.Effective) && !asOf.After(s.Ends) {
			out.InForce = append(out.InForce, s)
		}
	}
	return out, nil
}
