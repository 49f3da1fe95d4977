package contract_test

import (
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func changeRequest() contract.ChangeRequest {
	return contract.ChangeRequest{
		ID: "CR-7", Title: "Extended desk hours", RequestedBy: "acme",
		Necessity:     "The new plant in Leipzig works a late shift.",
		Impact:        contract.Impact{Description: "Desk staffed until 22:00", Services: []string{"desk"}},
		Risk:          contract.ChangeRisk{Level: outsourcing.RiskLevelLow, Description: "Late-shift staffing at the provider"},
		EffectiveFrom: contract.MustDate(2026, 7, 1),
		Amendment: contract.Amendment{
			Clauses: []contract.Clause{{ID: "3", Kind: contract.ClauseKindServiceStandards, Title: "Service standards",
				Text: "ITIL 4 practices; desk hours 07:00-22:00."}},
			Fees:       []contract.Fee{{ID: "base", Description: "Monthly service fee", Amount: outsourcing.MustMoney("43500.00", "EUR"), Every: contract.Months(1)}},
			SLATargets: []contract.SLATarget{{Level: "p1-resolution", Expected: outsourcing.MustDecimal("97"), Minimum: new(outsourcing.MustDecimal("92"))}},
		},
	}
}

// approvedFor routes and approves the proposed version of a change.
func approvedFor(t *testing.T, a contract.ChangeAssessment) contract.Workflow {
	t.Helper()
	router, err := contract.NewRouter([]contract.ApprovalStep{{ID: "cab", Stage: 1, Approvers: []string{"cab-chair"}}})
	require.NoError(t, err)
	route, err := router.Route(a.Proposed)
	require.NoError(t, err)
	w, err := contract.NewWorkflow(route).Decide(contract.Decision{Step: "cab", Approver: "cab-chair", Verdict: contract.VerdictApprove, At: at(10)})
	require.NoError(t, err)
	return w
}

func TestAmend(t *testing.T) {
	r := active(t)
	cr := changeRequest()
	a, err := r.Current().AssessChange(cr)
	require.NoError(t, err)
	assert.Equal(t, 2, a.Proposed.Version())
	assert.Equal(t, "105000.00 EUR", a.ValueDelta.String()) // July 2026 to December 2028: 30 months × 3,500
	assert.Equal(t, "42000.00 EUR", a.AnnualFeesDelta.String())
	areas := map[string]string{}
	for _, d := range a.Differences {
		areas[d.Area+" "+d.Path] = d.Before + " -> " + d.After
	}
	assert.Equal(t, map[string]string{
		"clause /clauses/2/text":                      "ITIL 4 practices. -> ITIL 4 practices; desk hours 07:00-22:00.",
		"fee /pricing/fees/0/amount":                  `{"amount":"40000.00","currency":"EUR"} -> {"amount":"43500.00","currency":"EUR"}`,
		"sla_target /sla/agreement/levels/1/expected": "95 -> 97",
		"sla_target /sla/agreement/levels/1/minimum":  "90 -> 92",
	}, areas)

	next, err := r.Amend(cr, approvedFor(t, a), contract.Event{Actor: "contract-office", At: at(11), Signatures: signatures(at(11))})
	require.NoError(t, err)
	assert.Equal(t, contract.StateActive, next.State())
	assert.Equal(t, 2, next.Current().Version())
	vs := next.Versions()
	require.Len(t, vs, 2)
	assert.Equal(t, "ITO-2026-001/S1", vs[1].Supplement.ID)
	assert.Equal(t, contract.EventAmend, next.Trail()[5].Kind)
	assert.Equal(t, "CR-7", next.Trail()[5].Change)
	assert.Equal(t, 1, next.InForce(contract.MustDate(2026, 6, 30)).Version())
	assert.Equal(t, 2, next.InForce(contract.MustDate(2026, 7, 1)).Version())
	assert.Equal(t, 1, r.Current().Version(), "the old record is unchanged")

	// a second change effective on the same day overlaps version 2
	cr2 := changeRequest()
	cr2.ID = "CR-8"
	cr2.Amendment.Fees[0].Amount = outsourcing.MustMoney("44000.00", "EUR")
	a2, err := next.Current().AssessChange(cr2)
	require.NoError(t, err)
	_, err = next.Amend(cr2, approvedFor(t, a2), contract.Event{Actor: "x", At: at(12), Signatures: signatures(at(12))})
	requirePath(t, err, "/effective_from")
}

func TestAmendRefusals(t *testing.T) {
	r := active(t)
	cr := changeRequest()
	a, err := r.Current().AssessChange(cr)
	require.NoError(t, err)
	ok := approvedFor(t, a)
	ev := contract.Event{Actor: "x", At: at(11), Signatures: signatures(at(11))}

	terminated, err := r.Apply(contract.Event{Kind: contract.EventTerminate, Actor: "x", At: at(10)})
	require.NoError(t, err)
	got, err := terminated.Amend(cr, ok, ev)
	assert.ErrorIs(t, err, outsourcing.ErrTransition, "amendment of a terminated contract")
	assert.Same(t, terminated, got)
	assert.Len(t, terminated.Versions(), 1)

	pending := contract.NewWorkflow(ok.Route())
	_, err = r.Amend(cr, pending, ev)
	assert.ErrorIs(t, err, outsourcing.ErrTransition)
	requirePath(t, err, "/approval")

	_, err = r.Amend(cr, ok, contract.Event{Actor: "x", At: at(11), Signatures: signatures(at(11))[:1]})
	requirePath(t, err, "/signatures")

	neg := changeRequest()
	neg.Amendment.Fees[0].Amount = outsourcing.MustMoney("-5.00", "EUR")
	_, err = r.Current().AssessChange(neg)
	requirePath(t, err, "/amendment/fees/0/amount")

	bad := changeRequest()
	bad.Necessity = " "
	bad.Amendment.RemoveClauses = []string{"99"}
	bad.Amendment.SLATargets[0].Level = "ghost"
	_, err = r.Current().AssessChange(bad)
	requirePath(t, err, "/necessity")
	requirePath(t, err, "/amendment/remove_clauses/0")
	requirePath(t, err, "/amendment/sla_targets/0/level")
	assert.ErrorIs(t, err, outsourcing.ErrNotFound)

	early := changeRequest()
	early.EffectiveFrom = contract.MustDate(2025, 12, 1)
	ae, err := r.Current().AssessChange(early)
	require.NoError(t, err)
	_, err = r.Amend(early, approvedFor(t, ae), ev)
	requirePath(t, err, "/effective_from")
}

func TestDiffAddedRemoved(t *testing.T) {
	a := sample(t)
	spec := a.Spec()
	spec.Clauses = spec.Clauses[:len(spec.Clauses)-1]
	spec.Pricing.RateCard = append(spec.Pricing.RateCard, contract.Rate{ID: "pm", Role: "Project manager", Unit: contract.RateUnitDay,
		Price: outsourcing.MustMoney("1100.00", "EUR")})
	spec.SLA.Agreement.Levels = append(spec.SLA.Agreement.Levels, sla.Level{ID: "p2", Metric: sla.MetricKind("resolution_time"),
		Expected: outsourcing.MustDecimal("90"), Targets: map[string]sla.Duration{"P2": sla.Duration(8 * 3600e9)}, Class: sla.LevelClassKey})
	spec.SLA.Measurement = append(spec.SLA.Measurement, contract.Measurement{Level: "p2", Method: "Business time to resolution"})
	b, err := contract.CompileContract(spec)
	require.NoError(t, err)
	d := contract.Diff(a, b)
	require.Len(t, d, 3)
	assert.Equal(t, contract.Difference{Kind: contract.DifferenceRemoved, Area: "clause", ID: "14", Path: "/clauses/13",
		Before: `{"id":"14","kind":"custom","title":"Green IT","text":"The provider reports the energy use of the data centre quarterly."}`}, d[0])
	assert.Equal(t, contract.Difference{Kind: contract.DifferenceAdded, Area: "rate", ID: "pm", Path: "/pricing/rate_card/2",
		After:  `{"id":"pm","role":"Project manager","unit":"day","price":{"amount":"1100.00","currency":"EUR"}}`,
		Amount: outsourcing.MustMoney("1100.00", "EUR")}, d[1])
	assert.Equal(t, contract.DifferenceAdded, d[2].Kind)
	assert.Equal(t, "p2", d[2].ID)
	assert.Contains(t, d[2].After, `"id":"p2"`)
	assert.True(t, d[2].Amount.IsZero(), "a service level is no price line")
}

// The supplementary agreement of a change that adds a milestone and
// removes a fee shows what each costs.
func TestSupplementAmounts(t *testing.T) {
	r := active(t)
	cr := changeRequest()
	cr.Amendment = contract.Amendment{
		RemoveFees: []string{"base"},
		Milestones: []contract.Milestone{{ID: "leipzig", Description: "Leipzig desk live", Amount: outsourcing.MustMoney("18000.00", "EUR"),
			Due: contract.MustDate(2026, 9, 30)}},
	}
	a, err := r.Current().AssessChange(cr)
	require.NoError(t, err)
	next, err := r.Amend(cr, approvedFor(t, a), contract.Event{Actor: "contract-office", At: at(11), Signatures: signatures(at(11))})
	require.NoError(t, err)
	amounts := map[string]string{}
	for _, d := range next.Versions()[1].Supplement.Differences {
		amounts[string(d.Kind)+" "+d.Area+" "+d.ID] = d.Amount.String()
	}
	assert.Equal(t, map[string]string{"removed fee base": "40000.00 EUR", "added milestone leipzig": "18000.00 EUR"}, amounts)
}

// An amended term end counts from the amendment's effective date: a
// contract extended to 2029-12-31 from 2029-01-01 still expires on
// 2028-12-31, the last day of the term in force then.
func TestExpiryReadsTheVersionInForce(t *testing.T) {
	r := active(t)
	cr := changeRequest()
	cr.EffectiveFrom = contract.MustDate(2029, 1, 1)
	cr.Amendment = contract.Amendment{TermEnd: contract.MustDate(2029, 12, 31)}
	a, err := r.Current().AssessChange(cr)
	require.NoError(t, err)
	amended, err := r.Amend(cr, approvedFor(t, a), contract.Event{Actor: "x", At: at(11), Signatures: signatures(at(11))})
	require.NoError(t, err)
	lastDay := time.Date(2028, 12, 31, 18, 0, 0, 0, time.UTC)
	got, err := amended.Apply(contract.Event{Kind: contract.EventExpire, Actor: "x", At: lastDay, NoticeGiven: contract.MustDate(2028, 9, 15)})
	require.NoError(t, err)
	assert.Equal(t, contract.StateExpired, got.State())
}

// TestChangeThatAltersNothing: a change request whose amendment leaves
// every compared part as it is (an empty amendment, or a clause replaced
// by itself) is refused at /amendment; before, AssessChange and Amend
// accepted it and Amend made a version 2 identical to version 1, with a
// supplementary agreement listing no difference.
func TestChangeThatAltersNothing(t *testing.T) {
	r := active(t)
	for name, am := range map[string]contract.Amendment{
		"empty":         {},
		"same clause":   {Clauses: []contract.Clause{r.Current().Spec().Clauses[2]}},
		"same term end": {TermEnd: r.Current().Spec().Term.End},
	} {
		cr := changeRequest()
		cr.Amendment = am
		_, err := r.Current().AssessChange(cr)
		requirePath(t, err, "/amendment")
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput, name)
	}
}

// TestAmendmentNamesAnItemOnce: two entries for one id in one amendment
// list are refused at the second; before, the later silently replaced
// the earlier (two fee lines for "base", 43,500 then 50,000, gave a
// value delta of 300,000.00 EUR from the 50,000 alone).
func TestAmendmentNamesAnItemOnce(t *testing.T) {
	c := sample(t)
	cr := changeRequest()
	fee := cr.Amendment.Fees[0]
	fee.Amount = outsourcing.MustMoney("50000.00", "EUR")
	cr.Amendment.Fees = append(cr.Amendment.Fees, fee)
	cr.Amendment.Clauses = append(cr.Amendment.Clauses, cr.Amendment.Clauses[0])
	cr.Amendment.SLATargets = append(cr.Amendment.SLATargets, contract.SLATarget{Level: "p1-resolution", Expected: outsourcing.MustDecimal("99")})
	_, err := c.AssessChange(cr)
	requirePath(t, err, "/amendment/fees/1/id")
	requirePath(t, err, "/amendment/clauses/1/id")
	requirePath(t, err, "/amendment/sla_targets/1/level")
	assert.Len(t, outsourcing.FieldErrors(err), 3)

	cr = changeRequest()
	cr.Amendment.RemoveFees = []string{"licences", "licences"}
	_, err = c.AssessChange(cr)
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	requirePath(t, err, "/amendment/remove_fees/1")
	assert.ErrorContains(t, err, "removed at /amendment/remove_fees/0 already")
}

// TestChangeAppliedTwice: a change request whose id a supplement of the
// record already applied is refused at /id; before, the same CR-7 could
// be applied again from a later day as a second supplement.
func TestChangeAppliedTwice(t *testing.T) {
	r := active(t)
	cr := changeRequest()
	a, err := r.Current().AssessChange(cr)
	require.NoError(t, err)
	next, err := r.Amend(cr, approvedFor(t, a), contract.Event{Actor: "x", At: at(11), Signatures: signatures(at(11))})
	require.NoError(t, err)

	again := changeRequest()
	again.EffectiveFrom = contract.MustDate(2026, 8, 1)
	again.Amendment = contract.Amendment{Fees: []contract.Fee{{ID: "base", Description: "Monthly service fee",
		Amount: outsourcing.MustMoney("44000.00", "EUR"), Every: contract.Months(1)}}}
	a2, err := next.Current().AssessChange(again)
	require.NoError(t, err)
	got, err := next.Amend(again, approvedFor(t, a2), contract.Event{Actor: "x", At: at(12), Signatures: signatures(at(12))})
	requirePath(t, err, "/id")
	assert.Same(t, next, got)
	assert.Len(t, next.Versions(), 2)
}
