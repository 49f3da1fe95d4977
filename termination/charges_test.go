package termination_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/termination"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAmortiseMatchesExcel checks the amortisation schedule against
// Microsoft's documented PMT and CUMPRINC examples (testdata/amortisation.json).
func TestAmortiseMatchesExcel(t *testing.T) {
	doc, err := os.ReadFile("testdata/amortisation.json")
	require.NoError(t, err)
	var ref struct {
		PMT struct {
			Amount, AnnualRate, Payment string
			Months                      int
		} `json:"pmt"`
		Cumprinc struct {
			Amount, AnnualRate, Principal string
			Months, First, Last           int
		} `json:"cumprinc"`
	}
	require.NoError(t, json.Unmarshal(doc, &ref))
	start := contract.MustDate(2026, 1, 1)
	a, err := termination.Amortise(termination.Investment{Amount: outsourcing.MustMoney("10000.00", "EUR"),
		AnnualRate: outsourcing.MustPercent("8"), Months: 10, Start: start})
	require.NoError(t, err)
	assert.Equal(t, "1037.03 EUR", a.Payment.String())

	b, err := termination.Amortise(termination.Investment{Amount: outsourcing.MustMoney("125000.00", "EUR"),
		AnnualRate: outsourcing.MustPercent("9"), Months: 360, Start: start})
	require.NoError(t, err)
	before, after := b.Rows[ref.Cumprinc.First-2].Balance, b.Rows[ref.Cumprinc.Last-1].Balance
	paid, err := before.Sub(after)
	require.NoError(t, err)
	want := outsourcing.MustDecimal(ref.Cumprinc.Principal)
	assert.True(t, paid.Amount().Sub(want).Abs().LessThanOrEqual(outsourcing.MustDecimal("0.01")), "principal in year 2: %s", paid)
	principal := outsourcing.ZeroMoney("EUR")
	for _, r := range b.Rows {
		principal, _ = principal.Add(r.Principal)
	}
	assert.True(t, principal.Equal(outsourcing.MustMoney("125000.00", "EUR")), "principals sum to the investment: %s", principal)
	assert.True(t, b.BalanceAt(start).Equal(outsourcing.MustMoney("125000.00", "EUR")))
	assert.True(t, b.BalanceAt(start.AddMonths(24)).Equal(after))
}

// TestEarlyTerminationMethods settles for convenience under each method.
func TestEarlyTerminationMethods(t *testing.T) {
	terms := sampleTerms(t)
	in, err := termination.ParseSettlement(load("settlement.json"))
	require.NoError(t, err)
	in.Ground = termination.GroundConvenience
	charge := func(edit func(*termination.EarlyTermination)) outsourcing.Money {
		spec := terms.Spec()
		edit(spec.EarlyTermination)
		tt, err := termination.CompileTerms(spec, terms.Contract())
		require.NoError(t, err)
		l, err := tt.Settle(in)
		require.NoError(t, err)
		for _, ln := range l.Lines {
			if ln.Kind == termination.LineEarlyTermination {
				return ln.Amount
			}
		}
		return outsourcing.Money{}
	}
	// 2027-10-06 falls in contract year 2 of a term starting 2026-01-01.
	assert.Equal(t, "200000.00 EUR", charge(func(*termination.EarlyTermination) {}).String())
	// Remaining commitment after 2027-10-06: base 32,000 unserved in
	// October + 14 months × 40,000 = 592,000; licences 9,000 − 600 + 4
	// quarters × 9,000 = 44,400; 10% of 636,400.
	assert.Equal(t, "63640.00 EUR", charge(func(e *termination.EarlyTermination) {
		e.Method, e.Percent = termination.ChargePercentOfRemaining, outsourcing.MustPercent("10")
	}).String())
	inv := termination.Investment{Amount: outsourcing.MustMoney("10000.00", "EUR"), AnnualRate: outsourcing.MustPercent("8"),
		Months: 10, Start: contract.MustDate(2027, 1, 6)}
	a, err := termination.Amortise(inv)
	require.NoError(t, err)
	got := charge(func(e *termination.EarlyTermination) {
		e.Method, e.Investment = termination.ChargeUnrecoveredInvestment, &inv
	})
	assert.True(t, got.Equal(a.Rows[8].Balance), "nine payments made by 2027-10-06: %s", got)
}
