package contract_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2025, 11, 3, 9, 0, 0, 0, time.UTC)

func at(hours int) time.Time { return t0.Add(time.Duration(hours) * time.Hour) }

// signatures by the customer's CEO and the provider's managing director.
func signatures(when time.Time) []contract.Signature {
	return []contract.Signature{{Party: "acme", Signatory: "ceo", At: when}, {Party: "nordops", Signatory: "md", At: when}}
}

// active takes the sample through review, approval, signature and
// activation.
func active(t *testing.T) *contract.Record {
	t.Helper()
	r, err := contract.NewRecord(sample(t), "j.doe", at(0))
	require.NoError(t, err)
	for i, e := range []contract.Event{
		{Kind: contract.EventSubmit, Actor: "j.doe", At: at(1)},
		{Kind: contract.EventApprove, Actor: "workflow", At: at(2)},
		{Kind: contract.EventSign, Actor: "legal-office", At: at(3), Signatures: signatures(at(3))},
		{Kind: contract.EventActivate, Actor: "j.doe", At: at(4)},
	} {
		r, err = r.Apply(e)
		require.NoError(t, err, i)
	}
	return r
}

func TestNext(t *testing.T) {
	s, err := contract.Next(contract.StateDraft, contract.EventSubmit)
	require.NoError(t, err)
	assert.Equal(t, contract.StateInReview, s)
	s, err = contract.Next(contract.StateDraft, contract.EventSign)
	assert.ErrorIs(t, err, outsourcing.ErrTransition)
	assert.Equal(t, contract.StateDraft, s, "state unchanged")
	_, err = contract.Next(contract.StateTerminated, contract.EventAmend)
	assert.ErrorIs(t, err, outsourcing.ErrTransition)
	assert.Contains(t, err.Error(), "final")
	assert.Empty(t, contract.Allowed(contract.StateExpired))
}

func TestDOT(t *testing.T) {
	dot := contract.DOT()
	assert.True(t, strings.HasPrefix(dot, "digraph contract_lifecycle {"))
	assert.Contains(t, dot, `approved -> signed [label="sign"];`)
	assert.Contains(t, dot, "terminated [shape=doublecircle];")
}

func TestRecordLifecycle(t *testing.T) {
	r := active(t)
	assert.Equal(t, contract.StateActive, r.State())
	trail := r.Trail()
	require.Len(t, trail, 5)
	for i, e := range trail {
		assert.Equal(t, i+1, e.Seq)
		assert.NotEmpty(t, e.Actor)
		assert.False(t, e.At.IsZero())
	}
	assert.Equal(t, contract.StateApproved, trail[3].From)
	assert.Equal(t, contract.StateSigned, trail[3].To)
	trail[0].Actor = "tampered"
	assert.Equal(t, "j.doe", r.Trail()[0].Actor, "the trail is append-only")
	doc, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(doc), `"state":"active"`)
}

func TestRecordRefusals(t *testing.T) {
	draft, err := contract.NewRecord(sample(t), "j.doe", at(0))
	require.NoError(t, err)
	_, err = contract.NewRecord(sample(t), "", at(0))
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)

	r, err := draft.Apply(contract.Event{Kind: contract.EventSign, Actor: "x", At: at(1), Signatures: signatures(at(1))})
	assert.ErrorIs(t, err, outsourcing.ErrTransition, "a draft is not signed")
	assert.Same(t, draft, r)
	assert.Equal(t, contract.StateDraft, draft.State())
	assert.Len(t, draft.Trail(), 1)

	_, err = draft.Apply(contract.Event{Kind: contract.EventSubmit, Actor: "x", At: t0.Add(-time.Hour)})
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput, "time before the previous event")
	_, err = draft.Apply(contract.Event{Kind: contract.EventSubmit, At: at(1)})
	requirePath(t, err, "/actor")

	approved := draft
	for _, k := range []contract.EventKind{contract.EventSubmit, contract.EventApprove} {
		approved, err = approved.Apply(contract.Event{Kind: k, Actor: "x", At: at(1)})
		require.NoError(t, err)
	}
	for _, tc := range []struct {
		name string
		sigs []contract.Signature
		path string
	}{
		{"unauthorised signatory", []contract.Signature{{Party: "acme", Signatory: "intern", At: at(2)}, {Party: "nordops", Signatory: "md", At: at(2)}},
			"/signatures/0/signatory"},
		{"signing limit below the contract's value", []contract.Signature{{Party: "acme", Signatory: "cio", At: at(2)}, {Party: "nordops", Signatory: "md", At: at(2)}},
			"/signatures/0/signatory"},
		{"a party missing", []contract.Signature{{Party: "acme", Signatory: "ceo", At: at(2)}}, "/signatures"},
		{"signed after the event", []contract.Signature{{Party: "acme", Signatory: "ceo", At: at(9)}, {Party: "nordops", Signatory: "md", At: at(2)}},
			"/signatures/0/at"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := approved.Apply(contract.Event{Kind: contract.EventSign, Actor: "x", At: at(3), Signatures: tc.sigs})
			requirePath(t, err, tc.path)
			assert.Same(t, approved, got)
			assert.Equal(t, contract.StateApproved, approved.State(), "state unchanged")
		})
	}
}

// requirePath checks that err holds a FieldError at path.
func requirePath(t *testing.T, err error, path string) {
	t.Helper()
	require.Error(t, err)
	var paths []string
	for _, fe := range outsourcing.FieldErrors(err) {
		paths = append(paths, fe.Path)
	}
	assert.Contains(t, paths, path, err.Error())
}
