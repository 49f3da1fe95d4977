package planning

import (
	"errors"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// MilestoneKind names the key milestones of a sourcing timeline (Handbook
// §1.3).
type MilestoneKind string

const (
	// MilestoneRequirementsConfirmed: needs and scope agreed (§1.1).
	MilestoneRequirementsConfirmed MilestoneKind = "requirements_confirmed"
	// MilestoneVendorSelected: the provider chosen (§2.3).
	MilestoneVendorSelected MilestoneKind = "vendor_selected"
	// MilestoneContractSigned: the contract signed (§3.2).
	MilestoneContractSigned MilestoneKind = "contract_signed"
	// MilestoneTransitionComplete: transition accepted (§4.1).
	MilestoneTransitionComplete MilestoneKind = "transition_complete"
	// MilestoneSteadyState: steady-state operation (§4.2).
	MilestoneSteadyState MilestoneKind = "steady_state"
	// MilestoneOther is any other milestone.
	MilestoneOther MilestoneKind = "other"
)

var milestoneKinds = []MilestoneKind{MilestoneRequirementsConfirmed, MilestoneVendorSelected, MilestoneContractSigned,
	MilestoneTransitionComplete, MilestoneSteadyState, MilestoneOther}

// String returns the kind name.
func (k MilestoneKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (k MilestoneKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "milestone kind", milestoneKinds)
}

// UnmarshalText accepts the kind names.
func (k *MilestoneKind) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(k, b, "milestone kind", milestoneKinds)
}

// Milestone is one dated milestone of the plan.
type Milestone struct {
	// ID identifies the milestone.
	ID string `json:"id"`
	// Kind says which key milestone it is.
	Kind MilestoneKind `json:"kind"`
	// Name is a human-readable label.
	Name string `json:"name,omitempty"`
	// Planned is the baseline date.
	Planned time.Time `json:"planned"`
	// Forecast, when set, is the currently expected date of a milestone
	// not yet reached.
	Forecast time.Time `json:"forecast,omitzero"`
	// Actual, when set, is the date the milestone was reached.
	Actual time.Time `json:"actual,omitzero"`
}

// MilestoneState is a milestone's status at a date.
type MilestoneState string

const (
	// MilestoneStateDone: reached (on time or late, see SlipDays).
	MilestoneStateDone MilestoneState = "done"
	// MilestoneStatePending: not reached, planned date not passed, no
	// later forecast.
	MilestoneStatePending MilestoneState = "pending"
	// MilestoneStateSlipping: not reached and forecast after the plan.
	MilestoneStateSlipping MilestoneState = "slipping"
	// MilestoneStateOverdue: not reached and the planned date has passed.
	MilestoneStateOverdue MilestoneState = "overdue"
)

var milestoneStates = []MilestoneState{MilestoneStateDone, MilestoneStatePending, MilestoneStateSlipping, MilestoneStateOverdue}

// String returns the state name.
func (s MilestoneState) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (s MilestoneState) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(s, "milestone state", milestoneStates)
}

// UnmarshalText accepts the state names.
func (s *MilestoneState) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(s, b, "milestone state", milestoneStates)
}

// MilestoneStatus is a milestone at asOf.
type MilestoneStatus struct {
	// ID and Kind repeat the milestone's.
	ID   string        `json:"id"`
	Kind MilestoneKind `json:"kind"`
	// State is the milestone's status.
	State MilestoneState `json:"state"`
	// Expected is the actual date, else the later of the forecast and
	// the plan, moved to asOf when that has already passed.
	Expected time.Time `json:"expected"`
	// SlipDays is Expected − Planned in calendar days (negative = early).
	SlipDays int `json:"slip_days"`
}

// TimelineStatus reports every milestone at asOf, in plan order, and the
// largest slip among them.
type TimelineStatus struct {
	// Milestones hold the status of each milestone, in plan order.
	Milestones []MilestoneStatus `json:"milestones"`
	// MaxSlipDays is the largest SlipDays, 0 when none is late.
	MaxSlipDays int `json:"max_slip_days"`
}

// TimelineAt computes the slippage of milestones at asOf. Dates compare
// by calendar day (in each time's own location), the time of day ignored,
// as SlipDays counts: a milestone is not overdue on its planned day.
//
// Errors (*FieldError, ErrInvalidInput, joined after the prefix
// "planning: ", with JSON pointers such as "/milestones/2/planned"): no
// milestones; empty or duplicate IDs; unknown kinds; a missing planned
// date; planned dates out of order; an actual date after asOf.
func TimelineAt(milestones []Milestone, asOf time.Time) (TimelineStatus, error) {
	if err := validateTimeline(milestones, &asOf); err != nil {
		return TimelineStatus{}, wrap(err)
	}
	var st TimelineStatus
	for _, m := range milestones {
		s := MilestoneStatus{ID: m.ID, Kind: m.Kind}
		switch {
		case !m.Actual.IsZero():
			s.State, s.Expected = MilestoneStateDone, m.Actual
		case civilDay(asOf) > civilDay(m.Planned):
			s.State, s.Expected = MilestoneStateOverdue, latest(asOf, m.Forecast)
		case civilDay(m.Forecast) > civilDay(m.Planned):
			s.State, s.Expected = MilestoneStateSlipping, m.Forecast
		default:
			s.State, s.Expected = MilestoneStatePending, m.Planned
		}
		s.SlipDays = int(civilDay(s.Expected) - civilDay(m.Planned))
		st.MaxSlipDays = max(st.MaxSlipDays, s.SlipDays)
		st.Milestones = append(st.Milestones, s)
	}
	return st, nil
}

// civilDay numbers the calendar date of t (in t's own location) as days
// since 1970-01-01, ignoring the time of day.
func civilDay(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// validateTimeline checks the milestones and, when asOf is not nil, that
// no actual date lies after it.
func validateTimeline(ms []Milestone, asOf *time.Time) error {
	if len(ms) == 0 {
		return outsourcing.FieldErrorf("/milestones", "no milestones")
	}
	var errs []error
	bad := func(path, format string, args ...any) {
		errs = append(errs, outsourcing.FieldErrorf(path, format, args...))
	}
	seen := map[string]bool{}
	for i, m := range ms {
		path := jsonptr.Join("milestones", i)
		if m.ID == "" || seen[m.ID] {
			bad(jsonptr.Append(path, "id"), "id %q is empty or duplicate", text.Truncate(m.ID, maxQuoted))
		}
		seen[m.ID] = true
		if !slices.Contains(milestoneKinds, m.Kind) {
			bad(jsonptr.Append(path, "kind"), "unknown milestone kind %q (want %s)", text.Truncate(string(m.Kind), maxQuoted), text.List(milestoneKinds))
		}
		if m.Planned.IsZero() {
			bad(jsonptr.Append(path, "planned"), "planned date is required")
		} else if i > 0 && m.Planned.Before(ms[i-1].Planned) {
			bad(jsonptr.Append(path, "planned"), "planned %s is before the previous milestone's %s", m.Planned.Format(time.DateOnly), ms[i-1].Planned.Format(time.DateOnly))
		}
		if asOf != nil && civilDay(m.Actual) > civilDay(*asOf) {
			bad(jsonptr.Append(path, "actual"), "actual date %s is after asOf %s", m.Actual.Format(time.DateOnly), asOf.Format(time.DateOnly))
		}
	}
	return errors.Join(errs...)
}
