package planning

import (
	_ "embed"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/budget.schema.json
var budgetSchemaJSON []byte

var budgetSchema = outsourcing.MustRegisterSchema(budgetSchemaJSON)

// BudgetSchema returns the schema of budget documents (see ParseBudget);
// its $id is
// https://outsourcing-go.github.io/schemas/planning/budget.schema.json.
func BudgetSchema() *outsourcing.Schema { return budgetSchema }

//go:embed schema/timeline.schema.json
var timelineSchemaJSON []byte

var timelineSchema = outsourcing.MustRegisterSchema(timelineSchemaJSON)

// TimelineSchema returns the schema of timeline documents (see
// ParseTimeline); its $id is
// https://outsourcing-go.github.io/schemas/planning/timeline.schema.json.
func TimelineSchema() *outsourcing.Schema { return timelineSchema }

// ParseBudget validates a JSON budget against BudgetSchema, decodes it
// (amounts exact, unknown fields rejected) and checks it as
// Budget.Variance does, so a budget it returns always gives a report.
//
// Errors: "planning: " followed by *outsourcing.SyntaxError for malformed
// JSON or *FieldError values (errors.Join) with JSON pointers into the
// document, for schema violations and for the checks of Variance
// (ErrCurrencyMismatch for a phase in another currency than the total).
func ParseBudget(doc []byte) (Budget, error) {
	var b Budget
	if err := budgetSchema.Decode(doc, &b); err != nil {
		return Budget{}, wrap(err)
	}
	if err := b.validate(); err != nil {
		return Budget{}, wrap(err)
	}
	return b, nil
}

// Timeline is the milestone plan of an outsourcing initiative (Handbook
// §1.3): the document ParseTimeline reads.
type Timeline struct {
	// ID identifies the timeline (optional).
	ID string `json:"id,omitempty"`
	// Name is a human-readable title.
	Name string `json:"name,omitempty"`
	// Milestones are in plan order (planned dates never decrease).
	Milestones []Milestone `json:"milestones"`
}

// At reports the milestones' slippage at asOf; see TimelineAt.
func (tl Timeline) At(asOf time.Time) (TimelineStatus, error) {
	return TimelineAt(tl.Milestones, asOf)
}

// ParseTimeline validates a JSON timeline against TimelineSchema, decodes
// it (dates in RFC 3339, unknown fields rejected) and checks it as
// TimelineAt does, except for actual dates after asOf, which depend on
// the date of the report.
//
// Errors: "planning: " followed by *outsourcing.SyntaxError for malformed
// JSON or *FieldError values (errors.Join) with JSON pointers into the
// document, for schema violations and for the checks of TimelineAt.
func ParseTimeline(doc []byte) (Timeline, error) {
	var tl Timeline
	if err := timelineSchema.Decode(doc, &tl); err != nil {
		return Timeline{}, wrap(err)
	}
	if err := validateTimeline(tl.Milestones, nil); err != nil {
		return Timeline{}, wrap(err)
	}
	return tl, nil
}
