package risk

import (
	"testing"

	"github.com/outsourcing-go/outsourcing/rules"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultPolicyFindings(t *testing.T) {
	p, err := NewPolicy(DefaultPolicyRules())
	require.NoError(t, err)
	findings, err := p.Check(loadRegister(t), Classic5x5(), asOf)
	require.NoError(t, err)
	type f struct{ risk, rule string }
	var got []f
	for _, x := range findings {
		got = append(got, f{x.RiskID, x.Rule})
		assert.NotEmpty(t, x.Severity)
	}
	// Hand-derived from the register: R2 (high, transfer, no plan, review
	// overdue), R3 (high, accepted without approver, overdue), R5 (extreme,
	// no owner, accepted, overdue). R1 is mitigated with a plan; R4 is
	// within appetite; R6 is closed.
	want := []f{
		{"R2", "treat-beyond-tolerance"}, {"R2", "review-on-time"},
		{"R3", "treat-beyond-tolerance"}, {"R3", "accept-needs-approver"}, {"R3", "no-accept-beyond-tolerance"}, {"R3", "review-on-time"},
		{"R5", "owner-assigned"}, {"R5", "treat-beyond-tolerance"}, {"R5", "accept-needs-approver"}, {"R5", "no-accept-beyond-tolerance"}, {"R5", "review-on-time"},
	}
	assert.Equal(t, want, got)
	// A findings list states the problems, not the policies they break.
	assert.Equal(t, "the risk is beyond tolerance and neither avoided nor mitigated or transferred with a contingency plan", findings[0].Description)
	assert.Equal(t, "the periodic review is overdue", findings[1].Description)
	assert.Equal(t, "the risk is accepted beyond tolerance", findings[4].Description)
	assert.Equal(t, "the risk is open and has no owner", findings[6].Description)
}

func TestCustomPolicyLevelRule(t *testing.T) {
	// The example: level ≥ High requires mitigate or transfer and a
	// contingency plan.
	p, err := NewPolicy([]rules.Rule{{
		ID:          "high-needs-plan",
		Description: "a high risk has no contingency plan",
		Expression:  `level_rank < levels["high"] || (treatment in ["mitigate", "transfer"] && has_contingency)`,
	}})
	require.NoError(t, err)
	findings, err := p.Check(loadRegister(t), Classic5x5(), asOf)
	require.NoError(t, err)
	var ids []string
	for _, f := range findings {
		ids = append(ids, f.RiskID)
		assert.Equal(t, "a high risk has no contingency plan", f.Description, "a user rule's description is its finding")
	}
	assert.Equal(t, []string{"R2", "R3", "R5", "R6"}, ids)
}

func TestPolicyCompileErrors(t *testing.T) {
	_, err := NewPolicy([]rules.Rule{{ID: "typo", Expression: `levle_rank > 2`}})
	require.ErrorIs(t, err, outsourcing.ErrRule)
	var re *outsourcing.RuleError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "typo", re.Rule)
	_, err = NewPolicy([]rules.Rule{{ID: "number", Expression: `level_rank + 1`}})
	assert.ErrorIs(t, err, outsourcing.ErrRule)
	p, err := NewPolicy(DefaultPolicyRules())
	require.NoError(t, err)
	reg := loadRegister(t)
	reg.Risks[0].Inherent.Likelihood = "sometimes"
	_, err = p.Check(reg, Classic5x5(), asOf)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}
