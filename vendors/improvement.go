package vendors

import (
	"errors"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// ImprovementPlan is a vendor's improvement plan after a review or an
// incident (Handbook §4.3): actions with owners, due dates and status.
type ImprovementPlan struct {
	ID      string    `json:"id"`
	Vendor  string    `json:"vendor"`
	Title   string    `json:"title,omitempty"`
	Opened  time.Time `json:"opened"`
	Actions []Action  `json:"actions"`
}

// ParseImprovementPlan validates doc against ImprovementPlanSchema and
// decodes it (unknown fields rejected). Problems are
// *outsourcing.FieldError values at JSON pointers into doc
// ("/actions/2/due"); ImprovementPlan.StatusAt checks the rest.
func ParseImprovementPlan(doc []byte) (ImprovementPlan, error) {
	return parse[ImprovementPlan](planSchema, doc)
}

// Action is one action of an improvement plan.
type Action struct {
	ID          string       `json:"id"`
	Description string       `json:"description,omitempty"`
	Owner       string       `json:"owner"`
	Due         time.Time    `json:"due"`
	Status      ActionStatus `json:"status"`
	// Completed is when a done action was completed.
	Completed time.Time `json:"completed,omitzero"`
}

// ActionStatus is where an action stands.
type ActionStatus string

// Action statuses.
const (
	ActionOpen       ActionStatus = "open"
	ActionInProgress ActionStatus = "in_progress"
	ActionDone       ActionStatus = "done"
	ActionCancelled  ActionStatus = "cancelled"
)

var actionStatuses = []ActionStatus{ActionOpen, ActionInProgress, ActionDone, ActionCancelled}

// String returns the status name.
func (s ActionStatus) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown statuses.
func (s ActionStatus) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(s, "action status", actionStatuses)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown statuses.
func (s *ActionStatus) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(s, text, "action status", actionStatuses)
}

// PlanStatus is an improvement plan's state at a date.
type PlanStatus struct {
	Plan   string    `json:"plan"`
	Vendor string    `json:"vendor"`
	AsOf   time.Time `json:"as_of"`
	// Actions counts the actions that are not cancelled; Done those done.
	Actions int `json:"actions"`
	Done    int `json:"done"`
	// Progress is Done / Actions in percent, rounded half up to 2 places
	// (100 for a plan whose actions are all cancelled).
	Progress outsourcing.Decimal `json:"progress"`
	// Overdue lists the open or in-progress actions past their due date.
	Overdue []OverdueAction `json:"overdue,omitempty"`
	// Late lists the actions done after their due date.
	Late []string `json:"late,omitempty"`
	// Closed is true when every action is done or cancelled.
	Closed bool `json:"closed"`
}

// OverdueAction is an action past its due date.
type OverdueAction struct {
	Action string    `json:"action"`
	Owner  string    `json:"owner"`
	Due    time.Time `json:"due"`
	// Days counts the whole days since the due date.
	Days int `json:"days"`
}

// StatusAt reports the plan's progress and overdue actions at asOf: an
// action is overdue when it is open or in progress and asOf is after its
// due date. An action without an id or owner, a duplicate id, a done
// action without its completion date, or a completion date after asOf
// (the plan at asOf cannot know it; counting it done would hide an
// overdue action) is a *FieldError at "/actions/i/<field>" naming the
// vendor.
func (p ImprovementPlan) StatusAt(asOf time.Time) (PlanStatus, error) {
	var errs []error
	seen := map[string]bool{}
	for i, a := range p.Actions {
		at := jsonptr.Join("actions", i)
		switch {
		case a.ID == "" || seen[a.ID]:
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "id"), "vendor %q, plan %q: action id %q is empty or repeated", p.Vendor, p.ID, a.ID))
		case a.Owner == "":
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "owner"), "vendor %q, plan %q: action %q has no owner", p.Vendor, p.ID, a.ID))
		case a.Status == ActionDone && a.Completed.IsZero():
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "completed"), "vendor %q, plan %q: action %q is done without a completion date",
				p.Vendor, p.ID, a.ID))
		case a.Completed.After(asOf):
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "completed"), "vendor %q, plan %q: action %q completed %s, after asOf %s",
				p.Vendor, p.ID, a.ID,
				a.Completed.Format(time.RFC3339), asOf.Format(time.RFC3339)))
		}
		seen[a.ID] = true
	}
	if err := errors.Join(errs...); err != nil {
		return PlanStatus{}, wrap(err)
	}
	s := PlanStatus{Plan: p.ID, Vendor: p.Vendor, AsOf: asOf, Closed: true}
	for _, a := range p.Actions {
		switch a.Status {
		case ActionCancelled:
			continue
		case ActionDone:
			s.Done++
			if a.Completed.After(a.Due) {
				s.Late = append(s.Late, a.ID)
			}
		default:
			s.Closed = false
			if asOf.After(a.Due) {
				s.Overdue = append(s.Overdue, OverdueAction{Action: a.ID, Owner: a.Owner, Due: a.Due, Days: int(asOf.Sub(a.Due) / (24 * time.Hour))})
			}
		}
		s.Actions++
	}
	s.Progress = outsourcing.DecimalFromInt(100)
	if s.Actions > 0 {
		s.Progress = ratio(int64(s.Done), int64(s.Actions), 100)
	}
	return s, nil
}
