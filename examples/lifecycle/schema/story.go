package schema

import (
	_ "embed"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/planning"
)

//go:embed story.schema.json
var storySchemaJSON []byte

// storySchema validates the story document.
var storySchema = outsourcing.MustRegisterSchema(storySchemaJSON)

// Story holds the days of the engagement that no other input document
// carries, and the business's judgement of the service. Every other date
// comes from its document: the selection decision, the contract's term,
// the departments' reviews, the acceptance, the change, the dispute, the
// termination context, the settlement and the post-exit review.
type Story struct {
	// PlanningDay is when the sourcing decision is taken (Handbook §1);
	// the register's overall risk is read at this day.
	PlanningDay time.Time `json:"planning_day"`
	// Criticality is how much the business depends on the service
	// (Handbook §1.3).
	Criticality planning.Criticality `json:"criticality"`
	// ScreeningDay is when the long list is screened (Handbook §2.1):
	// certificates expired by then do not count.
	ScreeningDay time.Time `json:"screening_day"`
	// EvaluationDay is when the panel's scores are in (Handbook §2.2).
	EvaluationDay time.Time `json:"evaluation_day"`
	// RiskReviewDay is the mid-year review of the risk register
	// (Handbook §5.3): risks are rated and placed on the heat map by
	// their assessments as they stand that day.
	RiskReviewDay time.Time `json:"risk_review_day"`
}

// ParseStory validates doc against the story schema and decodes it,
// unknown properties rejected.
func ParseStory(doc []byte) (Story, error) {
	return decode[Story](storySchema, doc)
}
