package contract_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReviewChecks(t *testing.T) {
	spec := sampleSpec(t)
	spec.Clauses = spec.Clauses[1:] // no scope clause
	spec.SLA.Agreement.Levels[1].Credit = spec.SLA.Agreement.Levels[2].Credit
	spec.PaymentTerms = contract.PaymentTerms{Days: 45, Basis: contract.PaymentBasisEndOfMonth}
	c, err := contract.CompileContract(spec)
	require.NoError(t, err)
	rv, err := contract.NewReviewer(contract.ReviewPolicy{
		ClauseRules: []rules.Rule{{ID: "has-text", Severity: outsourcing.SeverityLow, Description: "a clause has text", Expression: `words > 0`}},
	})
	require.NoError(t, err)
	r, err := rv.Review(c)
	require.NoError(t, err)
	got := map[string][]string{}
	for _, f := range r.Findings {
		got[f.Check] = append(got[f.Check], f.Path)
	}
	assert.Equal(t, []string{"/clauses"}, got[contract.CheckMissingClause])
	assert.Equal(t, []string{"/sla/agreement/levels/1/credit"}, got[contract.CheckSLAPenalty])
	assert.Equal(t, []string{"/payment_terms/days"}, got[contract.CheckPaymentTerms], "45 days end of month is up to 75 days")
	assert.Empty(t, got[contract.CheckLiabilityCap], "516,000 is 1 × the annual fees")
	assert.Len(t, got["has-text"], 9) // clauses 2, 4, 5, 6, 7, 9, 10, 11 and 12 have no text
	assert.Equal(t, outsourcing.SeverityHigh, r.Highest())
	for i := 1; i < len(r.Findings); i++ {
		assert.GreaterOrEqual(t, r.Findings[i-1].Severity.Rank(), r.Findings[i].Severity.Rank(), "most severe first")
	}
}

func TestReviewerBadPolicy(t *testing.T) {
	_, err := contract.NewReviewer(contract.ReviewPolicy{
		RequiredClauses: []contract.ClauseKind{"warranty"},
		Rules:           []rules.Rule{{ID: "ok", Expression: "clauses > 3"}, {ID: "typo", Expression: "clauzes > 3"}},
		ClauseRules:     []rules.Rule{{ID: "not-bool", Expression: "words"}},
		BlockAt:         "severe",
	})
	requirePath(t, err, "/required_clauses/0")
	requirePath(t, err, "/rules/1")
	requirePath(t, err, "/clause_rules/0")
	requirePath(t, err, "/block_at")
	assert.ErrorIs(t, err, outsourcing.ErrRule)
}

func TestClearance(t *testing.T) {
	c := sample(t)
	rv, err := contract.NewReviewer(contract.ReviewPolicy{MinLiabilityMultiple: new(outsourcing.MustDecimal("2"))})
	require.NoError(t, err)
	r, err := rv.Review(c)
	require.NoError(t, err)
	reviews := []contract.DepartmentReview{
		{Department: contract.DepartmentLegal, Reviewer: "counsel", Verdict: contract.VerdictApprove, At: at(1)},
		{Department: contract.DepartmentFinance, Reviewer: "controller", Verdict: contract.VerdictApproveWithConditions,
			Conditions: []string{"cap accepted: provider insurance covers 2 million"}, Waived: []string{contract.CheckLiabilityCap}, At: at(2)},
		{Department: contract.DepartmentIT, Reviewer: "cio", Verdict: contract.VerdictApprove, At: at(3)},
	}
	cl, err := rv.Clear(r, reviews)
	require.NoError(t, err)
	assert.False(t, cl.Cleared)
	assert.Equal(t, []contract.Department{contract.DepartmentBusiness}, cl.Missing)
	assert.Empty(t, cl.Blocking, "the cap finding is waived")
	cl, err = rv.Clear(r, append(reviews, contract.DepartmentReview{Department: contract.DepartmentBusiness, Reviewer: "coo",
		Verdict: contract.VerdictApprove, At: at(4)}))
	require.NoError(t, err)
	assert.True(t, cl.Cleared)
	cl, err = rv.Clear(r, reviews[:1])
	require.NoError(t, err)
	assert.Len(t, cl.Blocking, 1)

	_, err = rv.Clear(r, []contract.DepartmentReview{reviews[0], reviews[0]})
	requirePath(t, err, "/1/department")
	_, err = rv.Clear(r, []contract.DepartmentReview{{Department: contract.DepartmentLegal, Reviewer: "x", At: at(1),
		Verdict: contract.VerdictApproveWithConditions}})
	requirePath(t, err, "/0/conditions")
}

func TestWorkflow(t *testing.T) {
	c := sample(t)
	router, err := contract.NewRouter([]contract.ApprovalStep{
		{ID: "legal", Stage: 1, Approvers: []string{"counsel"}},
		{ID: "board", Stage: 2, Approvers: []string{"ceo", "cfo"}},
		{ID: "desk", Stage: 2, Approvers: []string{"a", "b"}, Quorum: contract.QuorumAny},
		{ID: "small", Stage: 3, Approvers: []string{"x"}, When: "total_value < 100000"},
	})
	require.NoError(t, err)
	route, err := router.Route(c)
	require.NoError(t, err)
	require.Len(t, route.Steps, 3, "the small-contract step is not on the route")
	w := contract.NewWorkflow(route)
	_, err = w.Decide(contract.Decision{Step: "board", Approver: "ceo", Verdict: contract.VerdictApprove, At: at(1)})
	assert.ErrorIs(t, err, outsourcing.ErrTransition, "stage 2 waits for stage 1")
	_, err = w.Decide(contract.Decision{Step: "legal", Approver: "ceo", Verdict: contract.VerdictApprove, At: at(1)})
	requirePath(t, err, "/approver")
	_, err = w.Decide(contract.Decision{Step: "nope", Approver: "ceo", Verdict: contract.VerdictApprove, At: at(1)})
	assert.ErrorIs(t, err, outsourcing.ErrNotFound)
	steps := []contract.Decision{
		{Step: "legal", Approver: "counsel", Verdict: contract.VerdictApprove, At: at(1)},
		{Step: "board", Approver: "ceo", Verdict: contract.VerdictApprove, At: at(2)},
		{Step: "desk", Approver: "b", Verdict: contract.VerdictApprove, At: at(2)},
	}
	for _, d := range steps {
		w, err = w.Decide(d)
		require.NoError(t, err)
	}
	assert.Equal(t, []string{"board"}, w.Open(), "the board needs both")
	rejected, err := w.Decide(contract.Decision{Step: "board", Approver: "cfo", Verdict: contract.VerdictReject, At: at(3)})
	require.NoError(t, err)
	assert.Equal(t, contract.ApprovalStatusRejected, rejected.Status())
	assert.Equal(t, contract.ApprovalStatusPending, w.Status(), "Decide leaves the receiver as it was")
	approved, err := w.Decide(contract.Decision{Step: "board", Approver: "cfo", Verdict: contract.VerdictApprove, At: at(3)})
	require.NoError(t, err)
	assert.Equal(t, contract.ApprovalStatusApproved, approved.Status())
	_, err = approved.Decide(contract.Decision{Step: "desk", Approver: "a", Verdict: contract.VerdictApprove, At: at(4)})
	assert.ErrorIs(t, err, outsourcing.ErrTransition)

	_, err = contract.NewRouter([]contract.ApprovalStep{{ID: "a", Stage: 1, Approvers: []string{"x"}, When: "total_value >"}})
	requirePath(t, err, "/0/when")
	_, err = contract.NewRouter([]contract.ApprovalStep{{ID: "a", Stage: 0, Approvers: []string{"x"}}})
	requirePath(t, err, "/0/stage")
}

// TestClearanceRejectionAndWaivers: a rejection carrying conditions or
// waivers, and a waiver naming a check the review did not find, are
// refused at their pointers; before, a rejecting department's waiver
// removed the blocking liability-cap finding and its conditions were
// listed among the approvals' conditions, and a misspelt waiver was
// silently ignored.
func TestClearanceRejectionAndWaivers(t *testing.T) {
	rv, err := contract.NewReviewer(contract.ReviewPolicy{MinLiabilityMultiple: new(outsourcing.MustDecimal("2"))})
	require.NoError(t, err)
	r, err := rv.Review(sample(t))
	require.NoError(t, err)
	_, err = rv.Clear(r, []contract.DepartmentReview{
		{Department: contract.DepartmentLegal, Reviewer: "counsel", Verdict: contract.VerdictReject,
			Conditions: []string{"raise the cap"}, At: at(1)},
		{Department: contract.DepartmentFinance, Reviewer: "controller", Verdict: contract.VerdictReject,
			Waived: []string{contract.CheckLiabilityCap}, At: at(1)},
		{Department: contract.DepartmentIT, Reviewer: "cio", Verdict: contract.VerdictApproveWithConditions,
			Conditions: []string{"accepted"}, Waived: []string{"liability-cap"}, At: at(1)},
	})
	requirePath(t, err, "/0/conditions")
	requirePath(t, err, "/1/waived")
	requirePath(t, err, "/2/waived/0")
	assert.ErrorIs(t, err, outsourcing.ErrNotFound)
	assert.Len(t, outsourcing.FieldErrors(err), 3)
}
