package termination_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/termination"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertField checks that err holds a FieldError at path matching sentinel.
func assertField(t *testing.T, err error, path string, sentinel error) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, sentinel)
	var paths []string
	for _, fe := range outsourcing.FieldErrors(err) {
		paths = append(paths, fe.Path)
	}
	assert.Contains(t, paths, path)
	assert.Regexp(t, `^termination: `, err.Error())
	assert.NotContains(t, err.Error()[len("termination: "):], "termination: ")
}

func TestSettlementBadInput(t *testing.T) {
	terms := sampleTerms(t)
	base := func() termination.SettlementSpec {
		in, err := termination.ParseSettlement(load("settlement.json"))
		require.NoError(t, err)
		return in
	}
	cases := []struct {
		name     string
		edit     func(*termination.SettlementSpec)
		path     string
		sentinel error
	}{
		{"before the contract started", func(s *termination.SettlementSpec) { s.Effective = contract.MustDate(2025, 12, 31) }, "/effective", outsourcing.ErrInvalidInput},
		{"currency mismatch", func(s *termination.SettlementSpec) { s.Damages[0].Amount = outsourcing.MustMoney("10.00", "USD") }, "/damages/0/amount", outsourcing.ErrCurrencyMismatch},
		{"unknown payer", func(s *termination.SettlementSpec) { s.Damages[0].Payer = "hooli" }, "/damages/0/payer", outsourcing.ErrNotFound},
		{"unknown clause", func(s *termination.SettlementSpec) { s.Prepaid[0].Clause = "99" }, "/prepaid/0/clause", outsourcing.ErrNotFound},
		{"credit of no report", func(s *termination.SettlementSpec) { s.AppliedCredits = []string{"2030-01"} }, "/applied_credits/0", outsourcing.ErrNotFound},
		{"another contract", func(s *termination.SettlementSpec) { s.Contract = "X" }, "/contract", outsourcing.ErrInvalidInput},
		// Entries given twice would be settled twice: a report credited
		// twice, a refund or damages paid twice, an invoice withheld twice.
		{"report of another agreement", func(s *termination.SettlementSpec) { s.SLAReports[0].Agreement = "other-sla" }, "/sla_reports/0/agreement", outsourcing.ErrNotFound},
		{"report given twice", func(s *termination.SettlementSpec) { s.SLAReports = append(s.SLAReports, s.SLAReports[5]) }, "/sla_reports/6/period", outsourcing.ErrInvalidInput},
		{"prepayment given twice", func(s *termination.SettlementSpec) { s.Prepaid = append(s.Prepaid, s.Prepaid[0]) }, "/prepaid/1/id", outsourcing.ErrInvalidInput},
		{"damages given twice", func(s *termination.SettlementSpec) { s.Damages = append(s.Damages, s.Damages[0]) }, "/damages/1/id", outsourcing.ErrInvalidInput},
		{"invoice withheld twice", func(s *termination.SettlementSpec) { s.Withheld = append(s.Withheld, s.Withheld[0]) }, "/withheld/2/invoice", outsourcing.ErrInvalidInput},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := base()
			c.edit(&in)
			_, err := terms.Settle(in)
			assertField(t, err, c.path, c.sentinel)
		})
	}
}

func TestTermsBadInput(t *testing.T) {
	cases := []struct {
		name     string
		edit     func(*termination.TermsSpec)
		path     string
		sentinel error
	}{
		{"charge schedule with a gap", func(s *termination.TermsSpec) { s.EarlyTermination.Schedule[1].Year = 3 }, "/early_termination/schedule/1/year", outsourcing.ErrInvalidInput},
		{"charge schedule rising", func(s *termination.TermsSpec) {
			s.EarlyTermination.Schedule[2].Amount = outsourcing.MustMoney("250000.00", "EUR")
		}, "/early_termination/schedule/2/amount", outsourcing.ErrInvalidInput},
		{"assistance in another currency", func(s *termination.TermsSpec) { s.Assistance.Charge = outsourcing.MustMoney("1.00", "USD") }, "/assistance/charge", outsourcing.ErrCurrencyMismatch},
		{"unknown clause", func(s *termination.TermsSpec) { s.Grounds[1].Clause = "99" }, "/grounds/1/clause", outsourcing.ErrNotFound},
		{"ground twice", func(s *termination.TermsSpec) { s.Grounds[1].Ground = termination.GroundExpiry }, "/grounds/1/ground", outsourcing.ErrInvalidInput},
		{"unknown party", func(s *termination.TermsSpec) { s.Handover[0].From = "hooli" }, "/handover/0/from", outsourcing.ErrNotFound},
		{"bare 30/360", func(s *termination.TermsSpec) { s.DayCount = "30/360" }, "/day_count", outsourcing.ErrInvalidInput},
		{"investment at an absurd rate", func(s *termination.TermsSpec) {
			s.EarlyTermination.Method = termination.ChargeUnrecoveredInvestment
			s.EarlyTermination.Investment = &termination.Investment{Amount: outsourcing.MustMoney("1200000.00", "EUR"),
				AnnualRate: outsourcing.MustPercent("999999999999"), Months: termination.MaxAmortisationMonths, Start: contract.MustDate(2026, 1, 1)}
		}, "/early_termination/investment/annual_rate", outsourcing.ErrInvalidInput},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertField(t, compileWith(t, c.edit), c.path, c.sentinel)
		})
	}
}

func TestHandoverSignOffOfUnknownItem(t *testing.T) {
	plan, err := sampleTerms(t).ExitPlan(contract.MustDate(2027, 7, 6), contract.MustDate(2027, 10, 6))
	require.NoError(t, err)
	inv := plan.Inventory()
	_, err = inv.Record(termination.Transfer{Item: "tape-library", Status: termination.TransferAccepted, On: contract.MustDate(2027, 8, 1), By: "acme"})
	assertField(t, err, "/item", outsourcing.ErrNotFound)
	_, err = inv.Record(termination.Transfer{Item: "cmdb", Status: termination.TransferAccepted, On: contract.MustDate(2027, 8, 1), By: "acme"})
	assertField(t, err, "/status", outsourcing.ErrTransition)
	assert.Equal(t, termination.TransferPending, inv.Items()[1].Status, "state unchanged")

	next, err := inv.Record(termination.Transfer{Item: "cmdb", Status: termination.TransferDelivered, On: contract.MustDate(2027, 8, 1), By: "nordops"})
	require.NoError(t, err)
	next, err = next.Record(termination.Transfer{Item: "cmdb", Status: termination.TransferAccepted, On: contract.MustDate(2027, 8, 3), By: "acme"})
	require.NoError(t, err)
	r := next.Report(contract.MustDate(2027, 9, 7))
	assert.Equal(t, 1, r.Accepted)
	assert.Equal(t, []string{"cmdb"}, r.Responsibility["acme"], "an accepted item is the recipient's")
	assert.Equal(t, []string{"runbooks", "scripts"}, r.Overdue)
	assert.Equal(t, termination.TransferPending, inv.Items()[1].Status, "the old inventory is unchanged")
}

func TestPhasesStateMachine(t *testing.T) {
	p, err := termination.Next(termination.PhasePlanned, termination.PhaseEventServeNotice)
	require.NoError(t, err)
	assert.Equal(t, termination.PhaseNotice, p)
	p, err = termination.Next(termination.PhaseNotice, termination.PhaseEventCertifyData)
	assert.ErrorIs(t, err, outsourcing.ErrTransition)
	assert.Equal(t, termination.PhaseNotice, p, "state unchanged")
	assert.Empty(t, termination.Allowed(termination.PhaseClosed))

	plan, err := sampleTerms(t).ExitPlan(contract.MustDate(2027, 7, 6), contract.MustDate(2027, 10, 6))
	require.NoError(t, err)
	events := []termination.PhaseEvent{
		{Kind: termination.PhaseEventServeNotice, On: contract.MustDate(2027, 7, 6)},
		{Kind: termination.PhaseEventStartAssistance, On: contract.MustDate(2027, 7, 7)},
		{Kind: termination.PhaseEventAcceptHandover, On: contract.MustDate(2027, 12, 1)},
	}
	pr, err := plan.Progress(contract.MustDate(2027, 11, 1), events)
	require.NoError(t, err)
	assert.Equal(t, termination.PhaseAssistance, pr.Phase)
	assert.Equal(t, "40.00", pr.Percent.String())
	assert.Len(t, pr.InForce, 3)
	_, err = plan.Progress(contract.MustDate(2028, 1, 1), append(events, termination.PhaseEvent{Kind: termination.PhaseEventServeNotice, On: contract.MustDate(2027, 12, 2)}))
	assertField(t, err, "/3/kind", outsourcing.ErrTransition)
}

// TestProgressEventDay: an event without a date is reported as such;
// before, it read `event on "" is out of day order`. An event before
// the previous one names both days.
func TestProgressEventDay(t *testing.T) {
	plan, err := sampleTerms(t).ExitPlan(contract.MustDate(2027, 7, 6), contract.MustDate(2027, 10, 6))
	require.NoError(t, err)
	asOf := contract.MustDate(2027, 11, 1)
	_, err = plan.Progress(asOf, []termination.PhaseEvent{
		{Kind: termination.PhaseEventServeNotice, On: contract.MustDate(2027, 7, 6)},
		{Kind: termination.PhaseEventStartAssistance}})
	assertField(t, err, "/1/on", outsourcing.ErrInvalidInput)
	assert.Contains(t, err.Error(), "has no date")
	assert.NotContains(t, err.Error(), `""`)
	_, err = plan.Progress(asOf, []termination.PhaseEvent{
		{Kind: termination.PhaseEventServeNotice, On: contract.MustDate(2027, 7, 6)},
		{Kind: termination.PhaseEventStartAssistance, On: contract.MustDate(2027, 7, 5)}})
	assertField(t, err, "/1/on", outsourcing.ErrInvalidInput)
	assert.Contains(t, err.Error(), "2027-07-05 is before the previous event on 2027-07-06")
}

func TestTriggersNeedAGroundTag(t *testing.T) {
	_, err := termination.CompileTriggers(rulesSpec(`{"rules": [{"id": "x", "expression": "uncured_breaches > 0"}]}`))
	assertField(t, err, "/rules/0/tags", outsourcing.ErrInvalidInput)
	_, err = termination.CompileTriggers(rulesSpec(`{"rules": [{"id": "x", "expression": "no_such_field > 0", "tags": ["ground:material_breach"]}]}`))
	assertField(t, err, "/rules/0", outsourcing.ErrRule)
}

// A handover report at a day counts the steps made by that day only: an
// item delivered on 1 August and signed off on 3 August is still the
// provider's on 2 August (Handbook §7.3: the recipient's responsibility
// runs from the sign-off). A step dated before the item's previous step
// is refused, so the history stays in order.
func TestHandoverReportAtADayBeforeTheSignOff(t *testing.T) {
	plan, err := sampleTerms(t).ExitPlan(contract.MustDate(2027, 7, 6), contract.MustDate(2027, 10, 6))
	require.NoError(t, err)
	inv, err := plan.Inventory().Record(termination.Transfer{Item: "cmdb", Status: termination.TransferDelivered, On: contract.MustDate(2027, 8, 1), By: "nordops"})
	require.NoError(t, err)
	_, err = inv.Record(termination.Transfer{Item: "cmdb", Status: termination.TransferAccepted, On: contract.MustDate(2027, 7, 30), By: "acme"})
	assertField(t, err, "/on", outsourcing.ErrInvalidInput)
	inv, err = inv.Record(termination.Transfer{Item: "cmdb", Status: termination.TransferAccepted, On: contract.MustDate(2027, 8, 3), By: "acme"})
	require.NoError(t, err)

	before := inv.Report(contract.MustDate(2027, 8, 2))
	assert.Equal(t, 0, before.Accepted)
	assert.False(t, before.Complete)
	assert.Contains(t, before.Responsibility["nordops"], "cmdb", "delivered, not yet signed off: still the provider's")
	assert.NotContains(t, before.Responsibility["acme"], "cmdb")

	after := inv.Report(contract.MustDate(2027, 8, 3))
	assert.Equal(t, 1, after.Accepted)
	assert.Contains(t, after.Responsibility["acme"], "cmdb")
}

// An SLA report handed in as a document may carry credits below the
// minor unit (the report schema accepts any decimal); the settlement
// line is rounded half up to the cent like every other line, so the
// ledger stays at the currency's minor unit: 1234.565 EUR → −1234.57.
func TestSettlementRoundsSLACredits(t *testing.T) {
	in, err := termination.ParseSettlement(load("settlement.json"))
	require.NoError(t, err)
	in.AppliedCredits = nil
	for i := range in.SLAReports {
		in.SLAReports[i].Credits = outsourcing.MustMoney("0", "EUR")
	}
	in.SLAReports[0].Credits = outsourcing.MustMoney("1234.565", "EUR")
	led, err := sampleTerms(t).Settle(in)
	require.NoError(t, err)
	found := false
	for _, l := range led.Lines {
		assert.LessOrEqual(t, l.Amount.Amount().Places(), int32(2), "%s %s: %s", l.Kind, l.Ref, l.Amount)
		if l.Kind == termination.LineSLACredit {
			found = true
			assert.Equal(t, "-1234.57", l.Amount.Amount().String())
		}
	}
	assert.True(t, found)
}

// One invoice may have an undisputed and a disputed part withheld: the
// disputed part stays out of Net, the other in it.
func TestSettlementInvoiceWithheldInTwoParts(t *testing.T) {
	in, err := termination.ParseSettlement(load("settlement.json"))
	require.NoError(t, err)
	in.Withheld[1].Invoice = in.Withheld[0].Invoice
	led, err := sampleTerms(t).Settle(in)
	require.NoError(t, err)
	assert.Equal(t, "7800.00", led.Disputed.Amount().String())
}

// Damages paid by a provider are refunded to the customer whichever
// provider pays: a contract may have several, and damages of the second
// one were once counted as owed by the customer.
func TestSettlementDamagesOfASecondProvider(t *testing.T) {
	cspec, err := contract.ParseContract(load("contract.json"))
	require.NoError(t, err)
	cspec.Parties = append(cspec.Parties, contract.Party{ID: "subco", Role: contract.PartyRoleProvider, Name: "Subco Ltd",
		Signatories: []contract.Signatory{{ID: "md", Name: "Sam Doe", Title: "Managing Director"}}})
	c, err := contract.CompileContract(cspec)
	require.NoError(t, err)
	terms, err := termination.CompileTerms(sampleTerms(t).Spec(), c)
	require.NoError(t, err)
	in, err := termination.ParseSettlement(load("settlement.json"))
	require.NoError(t, err)
	in.Damages[0].Payer = "subco"
	led, err := terms.Settle(in)
	require.NoError(t, err)
	for _, l := range led.Lines {
		if l.Kind == termination.LineDamages {
			assert.Equal(t, "-12500.00", l.Amount.Amount().String(), "the customer receives the damages")
		}
	}
}

// A notice or force-majeure event given twice in a context would count
// twice (breach_notices 2 for one notice): its id is refused.
func TestContextIDsGivenTwice(t *testing.T) {
	terms := sampleTerms(t)
	ctx, err := termination.ParseContext(load("context.json"))
	require.NoError(t, err)
	ctx.Notices = append(ctx.Notices, ctx.Notices[0])
	_, err = termination.DefaultTriggers().Evaluate(terms, ctx)
	assertField(t, err, "/notices/1/id", outsourcing.ErrInvalidInput)

	ctx.Notices = ctx.Notices[:1]
	fm := termination.ForceMajeure{ID: "flood", Start: contract.MustDate(2027, 6, 1)}
	ctx.ForceMajeure = []termination.ForceMajeure{fm, fm}
	_, err = termination.DefaultTriggers().Evaluate(terms, ctx)
	assertField(t, err, "/force_majeure/1/id", outsourcing.ErrInvalidInput)
}

// A contract may run to 9999-12-31; termination assistance charged by
// calendar month after an effective date in December 9999 would bill
// months of the year 10000, which no document can hold: refused.
func TestSettlementAssistanceStaysInTheCalendar(t *testing.T) {
	cspec, err := contract.ParseContract(load("contract.json"))
	require.NoError(t, err)
	cspec.Term.Start, cspec.Term.End, cspec.Term.Renewal = contract.MustDate(9997, 1, 1), contract.MustDate(9999, 12, 31), nil
	c, err := contract.CompileContract(cspec)
	require.NoError(t, err)
	spec := sampleTerms(t).Spec()
	spec.EarlyTermination = nil
	terms, err := termination.CompileTerms(spec, c)
	require.NoError(t, err)
	in, err := termination.ParseSettlement(load("settlement.json"))
	require.NoError(t, err)
	in.SLAReports, in.AppliedCredits, in.Effective = nil, nil, contract.MustDate(9999, 12, 15)
	_, err = terms.Settle(in)
	assertField(t, err, "/effective", outsourcing.ErrInvalidInput)
}
