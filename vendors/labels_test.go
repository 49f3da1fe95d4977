package vendors

import (
	"testing"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/stretchr/testify/assert"
)

// Labels are words for a reader; String and JSON keep the ids.
func TestLabels(t *testing.T) {
	testkit.AssertLabels(t,
		testkit.LabelCase{Value: RecommendReengage, ID: "re_engage", Label: "re-engage"},
		testkit.LabelCase{Value: RecommendReengageConditional, ID: "re_engage_with_conditions", Label: "re-engage with conditions"},
		testkit.LabelCase{Value: RecommendDoNotReengage, ID: "do_not_re_engage", Label: "do not re-engage"},
		testkit.LabelCase{Value: TierCritical, ID: "critical", Label: "critical"},
		testkit.LabelCase{Value: TierImportant, ID: "important", Label: "important"},
		testkit.LabelCase{Value: TierStandard, ID: "standard", Label: "standard"},
		testkit.LabelCase{Value: VerdictApprove, ID: "approve", Label: "approved"},
		testkit.LabelCase{Value: VerdictReject, ID: "reject", Label: "rejected"})
	assert.Equal(t, "maybe", Recommendation("maybe").Label(), "an unknown value as it is")
}
