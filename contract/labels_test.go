package contract_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/stretchr/testify/assert"
)

// Labels are words for a reader; String and JSON keep the ids.
func TestLabels(t *testing.T) {
	testkit.AssertLabels(t,
		testkit.LabelCase{Value: contract.StateDraft, ID: "draft", Label: "draft"},
		testkit.LabelCase{Value: contract.StateInReview, ID: "in_review", Label: "in review"},
		testkit.LabelCase{Value: contract.StateActive, ID: "active", Label: "active"},
		testkit.LabelCase{Value: contract.StateTerminated, ID: "terminated", Label: "terminated"},
		testkit.LabelCase{Value: contract.VerdictApprove, ID: "approve", Label: "approved"},
		testkit.LabelCase{Value: contract.VerdictApproveWithConditions, ID: "approve_with_conditions", Label: "approved with conditions"},
		testkit.LabelCase{Value: contract.VerdictReject, ID: "reject", Label: "rejected"})
	assert.Equal(t, "pondering", contract.Verdict("pondering").Label(), "an unknown value as it is")
}
