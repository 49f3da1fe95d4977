package contract_test

import (
	"encoding/json"
	"testing"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Labels are words for a reader; String and JSON keep the ids.
func TestLabels(t *testing.T) {
	labels := map[interface {
		Label() string
		String() string
	}][2]string{
		contract.StateDraft:                   {"draft", "draft"},
		contract.StateInReview:                {"in_review", "in review"},
		contract.StateActive:                  {"active", "active"},
		contract.StateTerminated:              {"terminated", "terminated"},
		contract.VerdictApprove:               {"approve", "approved"},
		contract.VerdictApproveWithConditions: {"approve_with_conditions", "approved with conditions"},
		contract.VerdictReject:                {"reject", "rejected"},
	}
	for v, want := range labels {
		assert.Equal(t, want[0], v.String())
		assert.Equal(t, want[1], v.Label())
		doc, err := json.Marshal(v)
		require.NoError(t, err)
		assert.Equal(t, `"`+want[0]+`"`, string(doc))
	}
	assert.Equal(t, "pondering", contract.Verdict("pondering").Label(), "an unknown value as it is")
}
