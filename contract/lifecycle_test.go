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

// routed returns the approval workflow of c on a two-stage route (legal,
// then the CFO), with the decisions of the first n steps.
func routed(t *testing.T, c *contract.Contract, n int) contract.Workflow {
	t.Helper()
	router, err := contract.NewRouter([]contract.ApprovalStep{
		{ID: "legal", Stage: 1, Approvers: []string{"counsel"}},
		{ID: "cfo", Stage: 2, Approvers: []string{"cfo"}},
	})
	require.NoError(t, err)
	route, err := router.Route(c)
	require.NoError(t, err)
	w := contract.NewWorkflow(route)
	for _, s := range route.Steps[:n] {
		w, err = w.Decide(contract.Decision{Step: s.ID, Approver: s.Approvers[0], Verdict: contract.VerdictApprove, At: at(1)})
		require.NoError(t, err)
	}
	return w
}

// inReview opens the sample's record and submits it.
func inReview(t *testing.T) *contract.Record {
	t.Helper()
	r, err := contract.NewRecord(sample(t), "j.doe", at(0))
	require.NoError(t, err)
	r, err = r.Apply(contract.Event{Kind: contract.EventSubmit, Actor: "j.doe", At: at(1)})
	require.NoError(t, err)
	return r
}

// active takes the sample through review, approval, signature and
// activation.
func active(t *testing.T) *contract.Record {
	t.Helper()
	r := inReview(t)
	r, err := r.Approve(routed(t, r.Current(), 2), contract.Event{Actor: "workflow", At: at(2)})
	require.NoError(t, err)
	for i, e := range []contract.Event{
		{Kind: contract.EventSign, Actor: "legal-office", At: at(3), Signatures: signatures(at(3))},
		{Kind: contract.EventActivate, Actor: "j.doe", At: at(4)},
	} {
		r, err = r.Apply(e)
		require.NoError(t, err, i)
	}
	return r
}

func TestApproveNeedsTheWorkflow(t *testing.T) {
	r := inReview(t)
	c := r.Current()
	other := sample(t).Spec()
	other.Version = 2
	v2, err := contract.CompileContract(other)
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		try  func() (*contract.Record, error)
		path string
	}{
		{"approve through Apply", func() (*contract.Record, error) {
			return r.Apply(contract.Event{Kind: contract.EventApprove, Actor: "x", At: at(2)})
		}, "/kind"},
		{"no decision yet", func() (*contract.Record, error) {
			return r.Approve(routed(t, c, 0), contract.Event{Actor: "x", At: at(2)})
		}, "/approval"},
		{"the CFO's stage still open", func() (*contract.Record, error) {
			return r.Approve(routed(t, c, 1), contract.Event{Actor: "x", At: at(2)})
		}, "/approval"},
		{"the workflow of another version", func() (*contract.Record, error) {
			return r.Approve(routed(t, v2, 2), contract.Event{Actor: "x", At: at(2)})
		}, "/approval"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.try()
			require.ErrorIs(t, err, outsourcing.ErrTransition)
			requirePath(t, err, tc.path)
			assert.Same(t, r, got)
			assert.Equal(t, contract.StateInReview, r.State(), "state unchanged")
			assert.Len(t, r.Trail(), 2)
		})
	}
	draft, err := contract.NewRecord(c, "j.doe", at(0))
	require.NoError(t, err)
	_, err = draft.Approve(routed(t, c, 2), contract.Event{Actor: "x", At: at(2)})
	assert.ErrorIs(t, err, outsourcing.ErrTransition, "a draft is not approved")

	approved, err := r.Approve(routed(t, c, 2), contract.Event{Actor: "x", At: at(2)})
	require.NoError(t, err)
	assert.Equal(t, contract.StateApproved, approved.State())
	last := approved.Trail()[2]
	assert.Equal(t, contract.EventApprove, last.Kind)
	require.Len(t, last.Approvals, 2, "the trail keeps the decisions")
	assert.Equal(t, "cfo", last.Approvals[1].Approver)
}

// The sample's term runs from 2026-01-01 to 2028-12-31 and renews for a
// year at most twice, with three months' notice (cancel-by 2028-09-30
// for the initial term, 2029-09-30 for the first renewal).
func TestExpireAtTheEndOfTheLastTerm(t *testing.T) {
	r := active(t)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 18, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name   string
		at     time.Time
		notice contract.Date
		path   string // "" when the expiry is accepted
	}{
		{"before the end of the term", day(2027, 5, 1), contract.Date{}, "/at"},
		{"on the last day, notice in time", day(2028, 12, 31), contract.MustDate(2028, 9, 15), ""},
		{"on the last day, without notice: it renews", day(2028, 12, 31), contract.Date{}, "/at"},
		{"after the end, notice too late: it renews", day(2029, 1, 1), contract.MustDate(2028, 10, 15), "/at"},
		{"the renewal term that late notice ends", day(2029, 12, 31), contract.MustDate(2028, 10, 15), ""},
		{"in the last renewal term", day(2030, 6, 30), contract.Date{}, "/at"},
		{"after the renewals are used up", day(2031, 1, 5), contract.Date{}, ""},
		{"notice after the expiry", day(2028, 12, 31), contract.MustDate(2029, 1, 2), "/notice_given"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := r.Apply(contract.Event{Kind: contract.EventExpire, Actor: "x", At: tc.at, NoticeGiven: tc.notice})
			if tc.path == "" {
				require.NoError(t, err)
				assert.Equal(t, contract.StateExpired, got.State())
				return
			}
			requirePath(t, err, tc.path)
			assert.Same(t, r, got)
			assert.Equal(t, contract.StateActive, r.State(), "state unchanged")
		})
	}
	_, err := r.Apply(contract.Event{Kind: contract.EventExpire, Actor: "x", At: day(2027, 5, 1)})
	assert.ErrorIs(t, err, outsourcing.ErrTransition)
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

	approved, err := inReview(t).Approve(routed(t, draft.Current(), 2), contract.Event{Actor: "x", At: at(1)})
	require.NoError(t, err)
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

// TestUncompiledContract: a function taking a *Contract refuses a nil or
// zero one with ErrInvalidInput at /contract; before, NewRecord,
// Router.Route, TableRouter.Route and Reviewer.Review dereferenced nil.
func TestUncompiledContract(t *testing.T) {
	router, err := contract.NewRouter([]contract.ApprovalStep{{ID: "cab", Stage: 1, Approvers: []string{"cab-chair"}}})
	require.NoError(t, err)
	reviewer, err := contract.NewReviewer(contract.ReviewPolicy{})
	require.NoError(t, err)
	when := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	for name, c := range map[string]*contract.Contract{"nil": nil, "zero": {}} {
		calls := map[string]func() error{
			"NewRecord":         func() error { _, err := contract.NewRecord(c, "j.doe", when); return err },
			"Router.Route":      func() error { _, err := router.Route(c); return err },
			"TableRouter.Route": func() error { _, err := contract.DefaultTableRouter().Route(c, ""); return err },
			"Reviewer.Review":   func() error { _, err := reviewer.Review(c); return err },
		}
		for call, f := range calls {
			err := f()
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput, "%s %s", name, call)
			requirePath(t, err, "/contract")
		}
	}
}

// TestUnopenedRecord: Apply, Approve and Amend refuse a nil or zero
// *Record with ErrInvalidInput at "" (the record itself), as the entry
// points taking a *Contract refuse an uncompiled one; before, each
// dereferenced the nil record and panicked.
func TestUnopenedRecord(t *testing.T) {
	when := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	e := contract.Event{Kind: contract.EventSubmit, Actor: "j.doe", At: when}
	for name, r := range map[string]*contract.Record{"nil": nil, "zero": {}} {
		calls := map[string]func() error{
			"Apply":   func() error { _, err := r.Apply(e); return err },
			"Approve": func() error { _, err := r.Approve(contract.Workflow{}, e); return err },
			"Amend":   func() error { _, err := r.Amend(contract.ChangeRequest{}, contract.Workflow{}, e); return err },
		}
		for call, f := range calls {
			var err error
			require.NotPanics(t, func() { err = f() }, "%s %s", name, call)
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput, "%s %s", name, call)
			requirePath(t, err, "")
			assert.Contains(t, err.Error(), "NewRecord", "%s %s", name, call)
		}
	}
}

// TestRouterRepeatedApprover: a step naming an approver twice is refused;
// before, NewRouter accepted it and, its quorum being all, the step
// waited forever for a second decision its approver may not give.
func TestRouterRepeatedApprover(t *testing.T) {
	_, err := contract.NewRouter([]contract.ApprovalStep{{ID: "finance", Stage: 1, Approvers: []string{"cfo", "controller", "cfo"}}})
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	requirePath(t, err, "/0/approvers/2")
}

// TestApprovalDecidedAfterTheEvent: an approve or amend event dated
// before a decision of its workflow is refused at /approval; before, the
// trail recorded an approval at 10:00 resting on a decision made at
// 14:00.
func TestApprovalDecidedAfterTheEvent(t *testing.T) {
	r := inReview(t) // submitted at at(1)
	w := routed(t, r.Current(), 1)
	w, err := w.Decide(contract.Decision{Step: "cfo", Approver: "cfo", Verdict: contract.VerdictApprove, At: at(5)})
	require.NoError(t, err)
	got, err := r.Approve(w, contract.Event{Actor: "workflow", At: at(2)})
	requirePath(t, err, "/approval")
	assert.Same(t, r, got)
	_, err = r.Approve(w, contract.Event{Actor: "workflow", At: at(5)})
	require.NoError(t, err, "decided at the very time of the event")

	a := active(t)
	cr := changeRequest()
	as, err := a.Current().AssessChange(cr)
	require.NoError(t, err)
	_, err = a.Amend(cr, approvedFor(t, as), contract.Event{Actor: "x", At: at(9), Signatures: signatures(at(9))}) // decided at at(10)
	requirePath(t, err, "/approval")
}

// TestNextEveryPair walks every state × event pair: the fifteen edges
// of the lifecycle table move the state; every other pair is
// ErrTransition at /kind with the state unchanged.
func TestNextEveryPair(t *testing.T) {
	edges := map[[2]string]contract.State{
		{"draft", "submit"}: contract.StateInReview, {"in_review", "return"}: contract.StateDraft,
		{"in_review", "approve"}: contract.StateApproved, {"approved", "sign"}: contract.StateSigned,
		{"signed", "activate"}: contract.StateActive, {"signed", "amend"}: contract.StateSigned,
		{"signed", "terminate"}: contract.StateTerminated, {"active", "amend"}: contract.StateActive,
		{"active", "suspend"}: contract.StateSuspended, {"active", "expire"}: contract.StateExpired,
		{"active", "terminate"}: contract.StateTerminated, {"suspended", "resume"}: contract.StateActive,
		{"suspended", "amend"}: contract.StateSuspended, {"suspended", "expire"}: contract.StateExpired,
		{"suspended", "terminate"}: contract.StateTerminated,
	}
	states := []contract.State{contract.StateDraft, contract.StateInReview, contract.StateApproved, contract.StateSigned,
		contract.StateActive, contract.StateSuspended, contract.StateExpired, contract.StateTerminated}
	kinds := []contract.EventKind{contract.EventCreate, contract.EventSubmit, contract.EventReturn, contract.EventApprove,
		contract.EventSign, contract.EventActivate, contract.EventSuspend, contract.EventResume, contract.EventAmend,
		contract.EventExpire, contract.EventTerminate, "bogus"}
	moved := 0
	for _, s := range states {
		for _, k := range kinds {
			got, err := contract.Next(s, k)
			if want, ok := edges[[2]string{string(s), string(k)}]; ok {
				moved++
				assert.NoError(t, err)
				assert.Equal(t, want, got, "%s on %s", s, k)
				continue
			}
			assert.ErrorIs(t, err, outsourcing.ErrTransition, "%s on %s", s, k)
			requirePath(t, err, "/kind")
			assert.Equal(t, s, got, "%s on %s leaves the state", s, k)
		}
	}
	assert.Equal(t, len(edges), moved)
}
