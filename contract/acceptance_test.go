package contract_test

import (
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rolesSpec is the sample with a third customer signatory, the CISO
// (IT security), and the milestone's runbooks criterion signed off by
// the service owner (the CIO, by role) and IT security.
func rolesSpec(t *testing.T) contract.ContractSpec {
	t.Helper()
	spec := sampleSpec(t)
	spec.Parties[0].Signatories = append(spec.Parties[0].Signatories,
		contract.Signatory{ID: "ciso", Name: "Mira Koch", Title: "Chief Information Security Officer", Roles: []string{"IT security"}})
	spec.Acceptance[1].SignOffBy = []string{"Service Owner", "IT security"}
	return spec
}

// signedBy is a sign-off by an Acme signatory on the day.
func signedBy(id string, day int) contract.Signature {
	return contract.Signature{Party: "acme", Signatory: id, At: time.Date(2026, 4, day, 10, 0, 0, 0, time.UTC)}
}

// TestAcceptByRole: a criterion is accepted only once every role it
// names has signed off; a missing role is an outcome (Unsigned), not an
// error.
func TestAcceptByRole(t *testing.T) {
	c, err := contract.CompileContract(rolesSpec(t))
	require.NoError(t, err)
	passed := []contract.CriterionResult{{Criterion: "kt-complete", Passed: true}, {Criterion: "runbooks", Passed: true}}
	for _, tc := range []struct {
		name     string
		signOff  contract.Signature
		co       []contract.Signature
		unsigned []contract.UnsignedCriterion
		on       string
	}{
		{"the CEO alone signs the criterion without roles", signedBy("ceo", 1), nil,
			[]contract.UnsignedCriterion{{Criterion: "runbooks", Roles: []string{"Service Owner", "IT security"}}}, "2026-04-01"},
		{"the service owner alone", signedBy("cio", 1), nil,
			[]contract.UnsignedCriterion{{Criterion: "runbooks", Roles: []string{"IT security"}}}, "2026-04-01"},
		{"IT security alone", signedBy("ciso", 2), nil,
			[]contract.UnsignedCriterion{{Criterion: "runbooks", Roles: []string{"Service Owner"}}}, "2026-04-02"},
		{"both roles: accepted on the later day", signedBy("cio", 1), []contract.Signature{signedBy("ciso", 3)}, nil, "2026-04-03"},
		{"the CEO with both roles", signedBy("ceo", 1), []contract.Signature{signedBy("ciso", 2), signedBy("cio", 2)}, nil, "2026-04-02"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			acc, err := c.Accept(contract.AcceptanceRequest{Subject: "transition-done", Results: passed, SignOff: tc.signOff, CoSignOffs: tc.co})
			require.NoError(t, err)
			assert.Equal(t, tc.unsigned, acc.Unsigned)
			assert.Equal(t, tc.unsigned == nil, acc.Accepted)
			assert.Equal(t, []string{"kt-complete", "runbooks"}, acc.Passed)
			assert.Equal(t, tc.on, acc.On.String())
			assert.Equal(t, tc.co, acc.CoSignOffs)
		})
	}
	// A failed criterion stays failed whoever signs it off.
	acc, err := c.Accept(contract.AcceptanceRequest{Subject: "transition-done", SignOff: signedBy("cio", 1), CoSignOffs: []contract.Signature{signedBy("ciso", 1)},
		Results: []contract.CriterionResult{{Criterion: "kt-complete", Passed: true}, {Criterion: "runbooks", Passed: false}}})
	require.NoError(t, err)
	assert.False(t, acc.Accepted)
	assert.Empty(t, acc.Unsigned)
	assert.Equal(t, []string{"runbooks"}, acc.Failed)
}

// TestAcceptByRoleBadInput: a sign-off that cannot count is an error at
// its JSON pointer, and nothing is decided.
func TestAcceptByRoleBadInput(t *testing.T) {
	spec := rolesSpec(t)
	c, err := contract.CompileContract(spec)
	require.NoError(t, err)
	spec.Acceptance[0].SignOffBy = []string{"service owner"} // every criterion of the milestone now names roles
	strict, err := contract.CompileContract(spec)
	require.NoError(t, err)
	for _, tc := range []struct {
		name    string
		c       *contract.Contract
		signOff contract.Signature
		co      []contract.Signature
		path    string
		is      error
	}{
		{"a co-sign-off by the provider", c, signedBy("cio", 1), []contract.Signature{{Party: "nordops", Signatory: "md", At: signedBy("cio", 1).At}},
			"/co_sign_offs/0/party", outsourcing.ErrInvalidInput},
		{"a co-sign-off by an unknown party", c, signedBy("cio", 1), []contract.Signature{{Party: "ghost", Signatory: "md", At: signedBy("cio", 1).At}},
			"/co_sign_offs/0/party", outsourcing.ErrNotFound},
		{"a co-sign-off by no signatory", c, signedBy("cio", 1), []contract.Signature{signedBy("cfo", 1)}, "/co_sign_offs/0/signatory", outsourcing.ErrInvalidInput},
		{"a co-sign-off without its time", c, signedBy("cio", 1), []contract.Signature{{Party: "acme", Signatory: "ciso"}}, "/co_sign_offs/0/at", outsourcing.ErrInvalidInput},
		{"the same signatory twice", c, signedBy("cio", 1), []contract.Signature{signedBy("ciso", 1), signedBy("cio", 2)}, "/co_sign_offs/1/signatory", outsourcing.ErrInvalidInput},
		{"a co-sign-off after the signatory's authority", c, signedBy("ciso", 1),
			[]contract.Signature{{Party: "acme", Signatory: "cio", At: time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)}}, "/co_sign_offs/0/signatory", outsourcing.ErrInvalidInput},
		{"a sign-off holding none of the roles where every criterion names roles", strict, signedBy("ceo", 1), []contract.Signature{signedBy("cio", 1)},
			"/sign_off/signatory", outsourcing.ErrInvalidInput},
	} {
		t.Run(tc.name, func(t *testing.T) {
			acc, err := tc.c.Accept(contract.AcceptanceRequest{Subject: "transition-done", SignOff: tc.signOff, CoSignOffs: tc.co,
				Results: []contract.CriterionResult{{Criterion: "kt-complete", Passed: true}, {Criterion: "runbooks", Passed: true}}})
			require.Error(t, err)
			assert.Zero(t, acc)
			assert.ErrorIs(t, err, tc.is)
			requirePath(t, err, tc.path)
		})
	}
	// Where every criterion names roles, the holders of those roles accept.
	acc, err := strict.Accept(contract.AcceptanceRequest{Subject: "transition-done", SignOff: signedBy("cio", 1), CoSignOffs: []contract.Signature{signedBy("ciso", 1)},
		Results: []contract.CriterionResult{{Criterion: "kt-complete", Passed: true}, {Criterion: "runbooks", Passed: true}}})
	require.NoError(t, err)
	assert.True(t, acc.Accepted)
}

// TestSignOffByTitle: a role is a signatory's title as well as one of
// their roles, compared without regard to case.
func TestSignOffByTitle(t *testing.T) {
	spec := sampleSpec(t)
	spec.Acceptance[0].SignOffBy = []string{"chief executive officer"}
	c, err := contract.CompileContract(spec)
	require.NoError(t, err)
	acc, err := c.Accept(contract.AcceptanceRequest{Subject: "transition-done", SignOff: signedBy("ceo", 1),
		Results: []contract.CriterionResult{{Criterion: "kt-complete", Passed: true}, {Criterion: "runbooks", Passed: true}}})
	require.NoError(t, err)
	assert.True(t, acc.Accepted)
	assert.Equal(t, "chief executive officer", c.Spec().Acceptance[0].SignOffBy[0])
}

// A criterion given two results (passed, then failed) is refused: the
// acceptance would otherwise keep whichever came last.
func TestAcceptOneResultACriterion(t *testing.T) {
	c, err := contract.CompileContract(rolesSpec(t))
	require.NoError(t, err)
	_, err = c.Accept(contract.AcceptanceRequest{Subject: "transition-done", SignOff: signedBy("cio", 1),
		Results: []contract.CriterionResult{{Criterion: "kt-complete", Passed: true}, {Criterion: "runbooks", Passed: true},
			{Criterion: "kt-complete", Passed: false}}})
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	requirePath(t, err, "/results/2/criterion")
}
