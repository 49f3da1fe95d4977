package main

import (
	_ "embed"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/review.schema.json
var reviewSchemaJSON []byte

// reviewSchema validates the review document; registered with the SDK's
// schemas, so it can refer to their definitions of money.
var reviewSchema = outsourcing.MustRegisterSchema(reviewSchemaJSON)

// reviewDocument is what the post-exit review needs besides what the
// engagement recorded (objectives, SLA reports, the business case, the
// vendor's final evaluation input): the day, the actual cost and the
// lessons learned.
type reviewDocument struct {
	AsOf       time.Time         `json:"as_of"`
	ActualCost outsourcing.Money `json:"actual_cost"`
	Lessons    []string          `json:"lessons,omitempty"`
}

// parseReview validates doc against the review schema and decodes it.
func parseReview(doc []byte) (reviewDocument, error) {
	var r reviewDocument
	err := reviewSchema.Decode(doc, &r)
	return r, err
}
