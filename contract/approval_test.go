package contract_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A route must have an approver: when no step's condition holds, Route
// says so instead of returning a route the workflow approves with no
// decision at all.
func TestRouteWithoutAnyStepIsRefused(t *testing.T) {
	c := sample(t)
	r, err := contract.NewRouter([]contract.ApprovalStep{{ID: "board", Name: "Board", Stage: 1,
		Approvers: []string{"chair"}, When: "total_value > 1000000000"}})
	require.NoError(t, err)
	_, err = r.Route(c)
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	fe := outsourcing.FieldErrors(err)
	require.Len(t, fe, 1)
	assert.Equal(t, "/contract", fe[0].Path)
	assert.Contains(t, fe[0].Reason, "needs at least one approver")
}
