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

func eur(s string) outsourcing.Money { return outsourcing.MustMoney(s, "EUR") }

func TestCheckInvoice(t *testing.T) {
	c := sample(t)
	jan := contract.Period{Start: contract.MustDate(2026, 1, 1), End: contract.MustDate(2026, 1, 31)}
	prior := []contract.Invoice{{ID: "INV-1", Date: jan.Start, Lines: []contract.InvoiceLine{
		{Kind: contract.LineKindFee, Ref: "base", Period: jan, Amount: eur("40000.00")}}}}
	accepted := []contract.Acceptance{{Subject: "transition-done", Accepted: true, On: contract.MustDate(2026, 3, 31)}}
	inv := contract.Invoice{ID: "INV-4", Date: contract.MustDate(2026, 4, 1), Lines: []contract.InvoiceLine{
		{Kind: contract.LineKindFee, Ref: "base", Period: contract.Period{Start: contract.MustDate(2026, 4, 1), End: contract.MustDate(2026, 4, 30)}, Amount: eur("40000.00")},
		{Kind: contract.LineKindFee, Ref: "base", Period: jan, Amount: eur("40000.00")},
		{Kind: contract.LineKindTime, Ref: "engineer", Quantity: new(outsourcing.MustDecimal("100")), UnitPrice: eur("120.00"), Amount: eur("12000.00")},
		{Kind: contract.LineKindTime, Ref: "engineer", Quantity: new(outsourcing.MustDecimal("70")), UnitPrice: eur("125.00"), Amount: eur("8750.00")},
		{Kind: contract.LineKindMilestone, Ref: "transition-done", Amount: eur("60000.00")},
		{Kind: contract.LineKindFee, Ref: "base", Period: contract.Period{Start: contract.MustDate(2026, 4, 2), End: contract.MustDate(2026, 5, 1)}, Amount: eur("40000.00")},
		{Kind: contract.LineKindTime, Ref: "tester", Quantity: new(outsourcing.MustDecimal("1")), UnitPrice: eur("1.00"), Amount: eur("1.00")},
	}}
	check, err := c.CheckInvoice(inv, prior, accepted)
	require.NoError(t, err)
	got := map[string]string{}
	for _, f := range check.Findings {
		got[f.Path] = f.Check
	}
	assert.Equal(t, map[string]string{
		"/lines/1":            contract.CheckDuplicate,
		"/lines/3/unit_price": contract.CheckRate,
		"/lines/3/quantity":   contract.CheckUnitCap, // 170 hours, cap 160
		"/lines/3/amount":     contract.CheckAmount,  // 70 × 120.00 is 8400.00
		"/lines/5/period":     contract.CheckFeePeriod,
		"/lines/6/ref":        contract.CheckUnknownRef,
	}, got)
	assert.Equal(t, "200751.00 EUR", check.Invoiced.String())
	assert.Equal(t, "112000.00 EUR", check.Accepted.String())
	assert.False(t, check.OK)

	early := contract.Invoice{ID: "INV-2", Date: contract.MustDate(2026, 3, 1), Lines: []contract.InvoiceLine{
		{Kind: contract.LineKindMilestone, Ref: "transition-done", Amount: eur("60000.00")}}}
	check, err = c.CheckInvoice(early, nil, accepted)
	require.NoError(t, err)
	assert.Equal(t, contract.CheckNotAccepted, check.Findings[0].Check)

	usd := contract.Invoice{ID: "X", Lines: []contract.InvoiceLine{{Kind: contract.LineKindFee, Ref: "base", Amount: outsourcing.MustMoney("1", "USD")}}}
	_, err = c.CheckInvoice(usd, nil, nil)
	assert.ErrorIs(t, err, outsourcing.ErrCurrencyMismatch)
	requirePath(t, err, "/lines/0/amount")
	_, err = c.CheckInvoice(inv, usdPrior(usd), nil)
	requirePath(t, err, "/prior/0/lines/0/amount")
}

// TestCheckInvoiceDuplicatesWithin: a fee period, a milestone or an SLA
// credit charged twice on one invoice is a duplicate, as it is across
// invoices; before, only earlier invoices were looked at, so an invoice
// charging March twice passed as OK.
func TestCheckInvoiceDuplicatesWithin(t *testing.T) {
	c := sample(t)
	march := contract.Period{Start: contract.MustDate(2026, 3, 1), End: contract.MustDate(2026, 3, 31)}
	fee := contract.InvoiceLine{Kind: contract.LineKindFee, Ref: "base", Period: march, Amount: eur("40000.00")}
	milestone := contract.InvoiceLine{Kind: contract.LineKindMilestone, Ref: "transition-done", Amount: eur("60000.00")}
	credit := contract.InvoiceLine{Kind: contract.LineKindCredit, Ref: "ito-sla/2026-03", Amount: eur("-2880.00")}
	accepted := []contract.Acceptance{{Subject: "transition-done", Accepted: true, On: contract.MustDate(2026, 3, 31)}}
	inv := contract.Invoice{ID: "INV-4", Date: contract.MustDate(2026, 4, 1),
		Lines: []contract.InvoiceLine{fee, milestone, credit, fee, milestone, credit}}
	check, err := c.CheckInvoice(inv, nil, accepted)
	require.NoError(t, err)
	var paths []string
	for _, f := range check.Findings {
		assert.Equal(t, contract.CheckDuplicate, f.Check)
		paths = append(paths, f.Path)
	}
	assert.Equal(t, []string{"/lines/3", "/lines/4", "/lines/5"}, paths)
	assert.Contains(t, check.Findings[0].Message, "this invoice at /lines/0")
	assert.Equal(t, "97120.00 EUR", check.Accepted.String()) // 40,000 + 60,000 − 2,880
	assert.False(t, check.OK)

	again := contract.Invoice{ID: "INV-5", Date: contract.MustDate(2026, 5, 1), Lines: []contract.InvoiceLine{credit}}
	check, err = c.CheckInvoice(again, []contract.Invoice{inv}, nil)
	require.NoError(t, err)
	require.Len(t, check.Findings, 1)
	assert.Equal(t, contract.CheckDuplicate, check.Findings[0].Check)
	assert.Contains(t, check.Findings[0].Message, "invoice INV-4")
}

func usdPrior(inv contract.Invoice) []contract.Invoice { return []contract.Invoice{inv} }

// TestApplyCredits: a month with 12 hours of data-centre downtime misses
// the 99.5 % minimum; the allocation credit (60 % of 12 % at risk of the
// month's fees) is deducted from the next invoice.
func TestApplyCredits(t *testing.T) {
	c := sample(t)
	a := c.Agreement()
	loc := a.Location()
	start := time.Date(2026, 4, 1, 0, 0, 0, 0, loc)
	p, err := a.PeriodOf(start)
	require.NoError(t, err)
	report, err := a.Report(sla.Input{Fees: eur("40000.00"), Outages: []sla.Outage{{Start: start.Add(48 * time.Hour), End: start.Add(60 * time.Hour)}}}, p, nil)
	require.NoError(t, err)
	inv := contract.Invoice{ID: "INV-5", Date: contract.MustDate(2026, 5, 1), Lines: []contract.InvoiceLine{
		{Kind: contract.LineKindFee, Ref: "base", Period: contract.Period{Start: contract.MustDate(2026, 5, 1), End: contract.MustDate(2026, 5, 31)}, Amount: eur("40000.00")}}}
	out, err := c.ApplyCredits(inv, []sla.Report{report})
	require.NoError(t, err)
	require.Len(t, out.Lines, 2)
	assert.Len(t, inv.Lines, 1, "the invoice passed in is unchanged")
	credit := out.Lines[1]
	assert.Equal(t, contract.LineKindCredit, credit.Kind)
	assert.Equal(t, "-2880.00 EUR", credit.Amount.String()) // 40,000 × 12 % × 60 %
	total, err := out.Total()
	require.NoError(t, err)
	assert.Equal(t, "37120.00 EUR", total.String())
	check, err := c.CheckInvoice(out, nil, nil)
	require.NoError(t, err)
	assert.True(t, check.OK, check.Findings)

	// Applying the same report again, or twice in one call, deducts it
	// once; before, each call added another 2,880.00 EUR credit line.
	twice, err := c.ApplyCredits(out, []sla.Report{report})
	require.NoError(t, err)
	assert.Equal(t, out, twice)
	twice, err = c.ApplyCredits(inv, []sla.Report{report, report})
	require.NoError(t, err)
	assert.Equal(t, out, twice)
	// A reprocessed period with another credit is refused, not added.
	changed := report
	changed.Net = eur("1000.00")
	_, err = c.ApplyCredits(out, []sla.Report{changed})
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	requirePath(t, err, "/reports/0/net")

	report.Net = outsourcing.MustMoney("10", "USD")
	_, err = c.ApplyCredits(inv, []sla.Report{report})
	assert.ErrorIs(t, err, outsourcing.ErrCurrencyMismatch)
	requirePath(t, err, "/reports/0/net")
}

func TestRenewal(t *testing.T) {
	c := sample(t)
	d := contract.MustDate
	for _, tc := range []struct {
		asOf, notice contract.Date
		phase        contract.RenewalPhase
		term         int
		cancelBy     string
	}{
		{d(2025, 6, 1), contract.Date{}, contract.RenewalPhaseNotStarted, 0, "2028-09-30"},
		{d(2027, 1, 1), contract.Date{}, contract.RenewalPhaseNoticeOpen, 0, "2028-09-30"},
		{d(2028, 9, 30), contract.Date{}, contract.RenewalPhaseAlert, 0, "2028-09-30"},
		{d(2028, 10, 1), contract.Date{}, contract.RenewalPhaseRenews, 0, "2028-09-30"},
		{d(2028, 10, 1), d(2028, 9, 30), contract.RenewalPhaseEnds, 0, "2028-09-30"},
		{d(2029, 3, 1), contract.Date{}, contract.RenewalPhaseNoticeOpen, 1, "2029-09-30"},
		{d(2030, 6, 1), contract.Date{}, contract.RenewalPhaseEnds, 2, ""}, // the second and last renewal
		{d(2031, 1, 1), contract.Date{}, contract.RenewalPhaseEnded, 2, ""},
		{d(2029, 1, 1), d(2028, 9, 1), contract.RenewalPhaseEnded, 0, ""},
	} {
		r := c.Renewal(tc.asOf, tc.notice)
		assert.Equal(t, tc.phase, r.Phase, tc.asOf)
		assert.Equal(t, tc.term, r.TermNumber, tc.asOf)
		assert.Equal(t, tc.cancelBy, r.CancelBy.String(), tc.asOf)
	}
	r := c.Renewal(d(2030, 6, 1), contract.Date{})
	assert.Equal(t, "2030-01-01", r.Term.Start.String())
	assert.Equal(t, "2030-12-31", r.Term.End.String())
}

func TestEscalation(t *testing.T) {
	c := sample(t)
	d := contract.MustDate
	dispute := contract.Dispute{ID: "D-1", Subject: "Credit for the April outage", RaisedBy: "acme", Raised: d(2026, 5, 4)}
	s, err := c.Escalation(dispute, d(2026, 5, 20))
	require.NoError(t, err)
	// level 0 for 5 days (to 9 May), level 1 for 10 days (to 19 May), then the steering committee
	require.Len(t, s.Visits, 3)
	assert.Equal(t, "2026-05-09", s.Visits[1].From.String())
	assert.Equal(t, "timeout", s.Visits[2].Reason)
	assert.Equal(t, "2026-06-08", s.Visits[2].Deadline.String())
	assert.Equal(t, 19, s.DaysLeft)

	dispute.Events = []contract.DisputeEvent{
		{Kind: contract.DisputeResolve, Actor: "service managers", On: d(2026, 5, 6)},
		{Kind: contract.DisputeAppeal, Actor: "nordops", On: d(2026, 5, 7)},
		{Kind: contract.DisputeEscalate, Actor: "acme", On: d(2026, 5, 8)},
		{Kind: contract.DisputeResolve, Actor: "steering committee", On: d(2026, 5, 12)},
		{Kind: contract.DisputeAppeal, Actor: "acme", On: d(2026, 5, 13)},
	}
	s, err = c.Escalation(dispute, d(2026, 6, 1))
	require.NoError(t, err)
	assert.True(t, s.Final, "the appeal from the top goes to dispute resolution")
	assert.False(t, s.Resolved)

	dispute.Events = append(dispute.Events, contract.DisputeEvent{Kind: contract.DisputeEscalate, Actor: "acme", On: d(2026, 5, 14)})
	_, err = c.Escalation(dispute, d(2026, 6, 1))
	assert.ErrorIs(t, err, outsourcing.ErrTransition)
	requirePath(t, err, "/events/5/kind")
	dispute.Events = []contract.DisputeEvent{{Kind: contract.DisputeAppeal, Actor: "acme", On: d(2026, 5, 5)}}
	_, err = c.Escalation(dispute, d(2026, 6, 1))
	requirePath(t, err, "/events/0/kind")
}

func TestTransition(t *testing.T) {
	c := sample(t)
	d := contract.MustDate
	done := []contract.Completion{{Item: "kickoff", On: d(2026, 1, 9)}, {Item: "data-cmdb", On: d(2026, 1, 22)},
		{Item: "kt-servers", On: d(2026, 2, 3)}}
	p, err := c.TransitionProgress(d(2026, 2, 16), done)
	require.NoError(t, err)
	assert.Equal(t, 8, p.Total)
	assert.Equal(t, 3, p.Done)
	assert.Equal(t, "37.50", p.Percent.String())
	assert.Equal(t, []string{"hw-racks", "lic-backup"}, p.Overdue)
	assert.False(t, p.OnTrack)
	status := map[string]contract.ItemStatus{}
	for _, it := range p.Items {
		status[it.ID] = it.Status
	}
	assert.Equal(t, contract.ItemStatusDoneLate, status["kt-servers"])
	assert.Equal(t, contract.ItemStatusOpen, status["shadow"])
	assert.Equal(t, []string{"hw-racks"}, p.Items[1].Waiting)

	_, err = c.TransitionProgress(d(2026, 2, 16), []contract.Completion{{Item: "ghost", On: d(2026, 1, 1)}})
	assert.ErrorIs(t, err, outsourcing.ErrNotFound)

	sign := contract.Signature{Party: "acme", Signatory: "ceo", At: time.Date(2026, 3, 31, 15, 0, 0, 0, time.UTC)}
	acc, err := c.Accept(contract.AcceptanceRequest{Subject: contract.TransitionSubject, SignOff: sign, Results: []contract.CriterionResult{
		{Criterion: "kt-complete", Passed: true}, {Criterion: "runbooks", Passed: false}}})
	require.NoError(t, err)
	assert.False(t, acc.Accepted)
	assert.Equal(t, []string{"runbooks"}, acc.Failed)
	assert.Equal(t, []string{"shadow-run"}, acc.Missing)
	assert.Equal(t, []contract.UnsignedCriterion{{Criterion: "shadow-run", Roles: []string{"service owner"}}}, acc.Unsigned,
		"shadow-run needs the service owner's sign-off, not the CEO's")
	acc, err = c.Accept(contract.AcceptanceRequest{Subject: "transition-done", SignOff: sign, Results: []contract.CriterionResult{
		{Criterion: "kt-complete", Passed: true}, {Criterion: "runbooks", Passed: true}}})
	require.NoError(t, err)
	assert.True(t, acc.Accepted)
	assert.Equal(t, "2026-03-31", acc.On.String())

	_, err = c.Accept(contract.AcceptanceRequest{Subject: "transition-done", SignOff: contract.Signature{Party: "nordops", Signatory: "md", At: sign.At}})
	requirePath(t, err, "/sign_off/party")
	_, err = c.Accept(contract.AcceptanceRequest{Subject: "transition-done", SignOff: sign, Results: []contract.CriterionResult{{Criterion: "shadow-run"}}})
	requirePath(t, err, "/results/0/criterion")
	// The CIO may sign contracts up to 500,000 EUR, less than this one's
	// value (TestRecordRefusals), but accepting the transition signs no value.
	cio := sign
	cio.Signatory = "cio"
	acc, err = c.Accept(contract.AcceptanceRequest{Subject: "transition-done", SignOff: cio, Results: []contract.CriterionResult{
		{Criterion: "kt-complete", Passed: true}, {Criterion: "runbooks", Passed: true}}})
	require.NoError(t, err)
	assert.True(t, acc.Accepted)
	late := cio
	late.At = time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)
	_, err = c.Accept(contract.AcceptanceRequest{Subject: "transition-done", SignOff: late})
	requirePath(t, err, "/sign_off/signatory") // the CIO's authority ended in 2026
}

func TestMeetingsAndSchedule(t *testing.T) {
	c := sample(t)
	feb := contract.Period{Start: contract.MustDate(2026, 2, 1), End: contract.MustDate(2026, 2, 28)}
	var reviews []string
	for _, m := range c.Meetings(feb) {
		if m.Meeting == "review" {
			reviews = append(reviews, m.On.String())
		}
	}
	assert.Equal(t, []string{"2026-02-28"}, reviews, "a monthly review from 31 January falls on 28 February")
	assert.Len(t, c.Meetings(feb), 5) // four weekly operations meetings and the review
	due := c.ObligationSchedule(contract.Period{Start: contract.MustDate(2026, 1, 1), End: contract.MustDate(2026, 6, 30)})
	assert.Len(t, due, 8) // six monthly reports, the access grant and the first DR test
	assert.Equal(t, "2026-04-30", due[4].Due.String())

	_, err := c.Obligations(contract.MustDate(2026, 3, 1), []contract.Fulfilment{{Obligation: "monthly-report", Due: contract.MustDate(2026, 2, 27), On: contract.MustDate(2026, 2, 27)}})
	requirePath(t, err, "/0/due")
}

// TestCheckInvoiceNegativeTotal: credits over the charges leave a total
// below zero, which is a finding (the balance is carried or refunded, not
// paid), not a silent negative amount due.
func TestCheckInvoiceNegativeTotal(t *testing.T) {
	c := sample(t)
	credit := contract.InvoiceLine{Kind: contract.LineKindCredit, Ref: "ito-sla/2026-03", Amount: eur("-2880.00")}
	check, err := c.CheckInvoice(contract.Invoice{ID: "INV-9", Date: contract.MustDate(2026, 4, 1),
		Lines: []contract.InvoiceLine{credit}}, nil, nil)
	require.NoError(t, err)
	require.Len(t, check.Findings, 1)
	assert.Equal(t, contract.CheckNegativeTotal, check.Findings[0].Check)
	assert.Equal(t, "/lines", check.Findings[0].Path)
	assert.Contains(t, check.Findings[0].Message, "-2,880.00 EUR")
	assert.False(t, check.OK)
}

// TestEscalationBeforeTheDisputeWasRaised: asking about a day before the
// dispute was raised is refused at /raised; before, the answer put the
// dispute open at the first level with 14 days left, on a day it did
// not exist. A resolution dated before the raising is refused as before.
func TestEscalationBeforeTheDisputeWasRaised(t *testing.T) {
	c := sample(t)
	d := contract.MustDate
	dispute := contract.Dispute{ID: "D-2", Subject: "Invoice 7", RaisedBy: "acme", Raised: d(2026, 5, 10)}
	_, err := c.Escalation(dispute, d(2026, 5, 1))
	requirePath(t, err, "/raised")
	s, err := c.Escalation(dispute, d(2026, 5, 10))
	require.NoError(t, err, "the day it is raised")
	assert.Equal(t, 5, s.DaysLeft)
	dispute.Events = []contract.DisputeEvent{{Kind: contract.DisputeResolve, Actor: "service managers", On: d(2026, 5, 9)}}
	_, err = c.Escalation(dispute, d(2026, 5, 20))
	requirePath(t, err, "/events/0/on")
}

// An escalation on the deadline day is the move the deadline makes, not a
// second one: level 1 keeps its ten days.
func TestEscalationOnTheDeadlineDay(t *testing.T) {
	c := sample(t)
	d := contract.MustDate
	dispute := contract.Dispute{ID: "D-2", Subject: "Credit for the May outage", RaisedBy: "acme", Raised: d(2026, 5, 4),
		Events: []contract.DisputeEvent{{Kind: contract.DisputeEscalate, Actor: "acme", On: d(2026, 5, 9)}}}
	s, err := c.Escalation(dispute, d(2026, 5, 10))
	require.NoError(t, err)
	require.Len(t, s.Visits, 2, "level 0 to 9 May, then level 1")
	assert.Equal(t, 1, s.Visits[1].Level)
	assert.Equal(t, "escalated", s.Visits[1].Reason)
	assert.Equal(t, "2026-05-19", s.Visits[1].Deadline.String())
}
