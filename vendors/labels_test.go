package vendors

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Labels are words for a reader; String and JSON keep the ids.
func TestLabels(t *testing.T) {
	labels := map[interface {
		Label() string
		String() string
	}][2]string{
		RecommendReengage:            {"re_engage", "re-engage"},
		RecommendReengageConditional: {"re_engage_with_conditions", "re-engage with conditions"},
		RecommendDoNotReengage:       {"do_not_re_engage", "do not re-engage"},
		TierCritical:                 {"critical", "critical"},
		TierImportant:                {"important", "important"},
		TierStandard:                 {"standard", "standard"},
		VerdictApprove:               {"approve", "approved"},
		VerdictReject:                {"reject", "rejected"},
	}
	for v, want := range labels {
		assert.Equal(t, want[0], v.String())
		assert.Equal(t, want[1], v.Label())
		doc, err := json.Marshal(v)
		require.NoError(t, err)
		assert.Equal(t, `"`+want[0]+`"`, string(doc))
	}
	assert.Equal(t, "maybe", Recommendation("maybe").Label(), "an unknown value as it is")
}
