package contract_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpanBeyondTheCalendar: the schema admits "P9999Y" (a duration of up
// to four digits of years), but a span taken from its date into a year
// outside 1 to 9999 gives a date the date schema refuses when the result
// is written back; CompileContract refuses it at the span's pointer.
// Before, every one of these compiled.
func TestSpanBeyondTheCalendar(t *testing.T) {
	huge, err := contract.ParseSpan("P9999Y")
	require.NoError(t, err)
	for _, tc := range []struct {
		path   string
		change func(s *contract.ContractSpec)
	}{
		{"/term/notice", func(s *contract.ContractSpec) { s.Term.Notice = huge }},
		{"/term/renewal/term", func(s *contract.ContractSpec) { s.Term.Renewal.Term = huge }},
		{"/term/renewal/term", func(s *contract.ContractSpec) { // the term itself ends on the calendar's last day
			s.Term.End = contract.MustDate(9999, 12, 31)
			s.Term.Renewal.Term = contract.Days(1)
		}},
		{"/term/alerts/1", func(s *contract.ContractSpec) { s.Term.Alerts[1] = contract.Years(2028) }},
		{"/pricing/fees/0/every", func(s *contract.ContractSpec) { s.Pricing.Fees[0].Every = huge }},
		{"/clauses/4/obligations/0/every", func(s *contract.ContractSpec) { s.Clauses[4].Obligations[0].Every = huge }},
		{"/clauses/4/obligations/0/lead", func(s *contract.ContractSpec) { s.Clauses[4].Obligations[0].Lead = huge }},
		{"/governance/meetings/0/every", func(s *contract.ContractSpec) { s.Governance.Meetings[0].Every = huge }},
	} {
		spec := sampleSpec(t)
		tc.change(&spec)
		c, err := contract.CompileContract(spec)
		require.ErrorIs(t, err, outsourcing.ErrInvalidInput, tc.path)
		assert.Nil(t, c)
		fes := outsourcing.FieldErrors(err)
		require.Len(t, fes, 1, err.Error())
		assert.Equal(t, tc.path, fes[0].Path, err.Error())
		assert.Contains(t, fes[0].Reason, "9999", err.Error())
	}

	// spans that end on the calendar's last days still compile
	spec := sampleSpec(t)
	spec.Term.Notice = contract.Years(2027) // cancel-by 0001-12-31
	spec.Term.Alerts = nil
	_, err = contract.CompileContract(spec)
	require.NoError(t, err)
}

// TestRenewalStopsAtTheCalendarsEnd: renewals without a limit stop with
// the last renewal term that ends by 9999-12-31, so no date of a
// RenewalStatus leaves the years a document can hold; before, a day in
// 9999 lay in a term ending in 10000, renewing to 10001.
func TestRenewalStopsAtTheCalendarsEnd(t *testing.T) {
	spec := sampleSpec(t)
	spec.Term.Start, spec.Term.End = contract.MustDate(9996, 7, 1), contract.MustDate(9997, 6, 30)
	spec.Pricing.Milestones = nil
	spec.Term.Renewal = &contract.Renewal{Term: contract.Years(1)}
	c, err := contract.CompileContract(spec)
	require.NoError(t, err)

	// terms 9997-07-01 to 9998-06-30, then to 9999-06-30; the next would end in 10000
	st := c.Renewal(contract.MustDate(9999, 12, 31), contract.Date{})
	assert.Equal(t, contract.RenewalPhaseEnded, st.Phase)
	assert.Equal(t, 2, st.TermNumber)
	assert.Equal(t, "9999-06-30", st.Term.End.String())
	assert.True(t, st.Next.End.IsZero())

	st = c.Renewal(contract.MustDate(9999, 1, 15), contract.Date{})
	assert.Equal(t, contract.RenewalPhaseEnds, st.Phase, "the last term that fits the calendar does not renew")
	assert.Equal(t, 2, st.TermNumber)
	assert.True(t, st.CancelBy.IsZero())
	assert.True(t, st.Next.End.IsZero())

	st = c.Renewal(contract.MustDate(9997, 8, 15), contract.Date{})
	assert.Equal(t, contract.RenewalPhaseNoticeOpen, st.Phase)
	assert.Equal(t, "9999-06-30", st.Next.End.String())
}

// TestEscalationDeadlineBeyondTheCalendar: a dispute that reaches a level
// whose deadline would fall after 9999-12-31 is refused at the step that
// reached it, rather than reporting a deadline in the year 10000.
func TestEscalationDeadlineBeyondTheCalendar(t *testing.T) {
	c := sample(t)
	d := contract.MustDate
	dispute := contract.Dispute{ID: "D-9", Subject: "late", RaisedBy: "acme", Raised: d(9999, 12, 20)}
	_, err := c.Escalation(dispute, d(9999, 12, 31))
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	requirePath(t, err, "/raised") // level 0 runs to 9999-12-25, level 1's ten days pass the year's end

	dispute.Raised = d(9999, 12, 1)
	dispute.Events = []contract.DisputeEvent{{Kind: contract.DisputeEscalate, Actor: "acme", On: d(9999, 12, 2)},
		{Kind: contract.DisputeEscalate, Actor: "acme", On: d(9999, 12, 20)}}
	_, err = c.Escalation(dispute, d(9999, 12, 31))
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	requirePath(t, err, "/events/1/on") // the steering committee's twenty days from 20 December
}
