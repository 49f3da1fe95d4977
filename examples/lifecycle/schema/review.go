package schema

import (
	_ "embed"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed review.schema.json
var reviewSchemaJSON []byte

// reviewSchema validates the post-exit review document.
var reviewSchema = outsourcing.MustRegisterSchema(reviewSchemaJSON)

// Review is what the post-exit review needs besides what the engagement
// recorded (objectives, SLA reports, the business case, the vendor's
// final evaluation input): the day, the actual cost and the lessons
// learned.
type Review struct {
	// AsOf is the day of the review.
	AsOf time.Time `json:"as_of"`
	// ActualCost is what the engagement cost over the business case's
	// horizon.
	ActualCost outsourcing.Money `json:"actual_cost"`
	// Lessons are the lessons learned, in the reviewers' words.
	Lessons []string `json:"lessons,omitempty"`
}

// ParseReview validates doc against the review schema and decodes it,
// unknown properties rejected.
func ParseReview(doc []byte) (Review, error) {
	return decode[Review](reviewSchema, doc)
}
