package termination_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/termination"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lines returns the amounts of a ledger's lines by kind and ref.
func lines(l termination.Ledger) map[string]string {
	out := map[string]string{}
	for _, ln := range l.Lines {
		out[string(ln.Kind)+" "+ln.Ref] = ln.Amount.String()
	}
	return out
}

// TestSettleInRenewalTerm settles a contract terminated in its first
// renewal term. The sample contract runs 2026-01-01 to 2028-12-31 and
// renews for a year at most twice; its base fee is 40,000.00 a month in
// advance, its licences 9,000.00 a quarter in arrears; the terms count
// days 30/360 Bond Basis (ISDA 2006 §4.16(f)).
func TestSettleInRenewalTerm(t *testing.T) {
	terms := sampleTerms(t)
	in := termination.SettlementSpec{Contract: "ITO-2026-001", Effective: contract.MustDate(2029, 5, 20), Ground: termination.GroundConvenience}
	l, err := terms.Settle(in)
	require.NoError(t, err)
	got := lines(l)
	// May 2029 paid in advance, served 1 to 20 May: 20/30 of 40,000.00
	// earned, 13,333.33 refunded.
	assert.Equal(t, "-13333.33 EUR", got["prepaid_refund base"])
	// The quarter from 1 April (renewal periods count from 2029-01-01),
	// not yet invoiced: 30 + 20 of 90 days of 9,000.00.
	assert.Equal(t, "5000.00 EUR", got["fee licences"])
	// The declining schedule has three contract years; 2029 is the fourth.
	assert.NotContains(t, got, "early_termination declining_schedule")

	// 10% of the commitment left in the renewal term: base 13,333.33 +
	// 7 × 40,000.00; licences 4,000.00 + 2 × 9,000.00.
	spec := terms.Spec()
	spec.EarlyTermination.Method, spec.EarlyTermination.Percent = termination.ChargePercentOfRemaining, outsourcing.MustPercent("10")
	pct, err := termination.CompileTerms(spec, terms.Contract())
	require.NoError(t, err)
	l, err = pct.Settle(in)
	require.NoError(t, err)
	assert.Equal(t, "31533.33 EUR", lines(l)["early_termination percent_of_remaining"])

	in.Effective = contract.MustDate(2031, 1, 1)
	_, err = terms.Settle(in)
	assertField(t, err, "/effective", outsourcing.ErrInvalidInput)
	assert.ErrorContains(t, err, "last term ended on 2030-12-31")
}

// TestSettleInShortRenewalTerm renews for four months, so the second
// quarter of the licences is cut at the renewal term's end and prorated
// by days like the contract's own last periods.
func TestSettleInShortRenewalTerm(t *testing.T) {
	terms := sampleTerms(t)
	cspec := terms.Contract().Spec()
	cspec.Term.Renewal.Term = contract.Months(4)
	c, err := contract.CompileContract(cspec)
	require.NoError(t, err)
	short, err := termination.CompileTerms(terms.Spec(), c)
	require.NoError(t, err)
	l, err := short.Settle(termination.SettlementSpec{Contract: "ITO-2026-001", Effective: contract.MustDate(2029, 4, 10), Ground: termination.GroundConvenience})
	require.NoError(t, err)
	// 1 to 30 April 2029 is 30 of the quarter's 91 days: 2,967.03; served
	// 1 to 10 April, 10 of 30 days (30/360).
	assert.Equal(t, "989.01 EUR", lines(l)["fee licences"])
	assert.Equal(t, "-26666.67 EUR", lines(l)["prepaid_refund base"])
}
