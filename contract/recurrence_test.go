package contract_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withTerm returns the sample with another term and renewal.
func withTerm(t *testing.T, start, end contract.Date, renewal contract.Span, max int, notice contract.Span) *contract.Contract {
	t.Helper()
	spec := sampleSpec(t)
	spec.Term = contract.Term{Start: start, End: end, Renewal: &contract.Renewal{Term: renewal, Max: max}, Notice: notice}
	spec.Pricing = contract.Pricing{}
	spec.Liability.Cap = contract.LiabilityCap{}
	spec.Governance.Meetings = nil
	spec.Transition, spec.Acceptance = nil, nil
	for i := range spec.Clauses {
		spec.Clauses[i].Obligations = nil
	}
	c, err := contract.CompileContract(spec)
	require.NoError(t, err)
	return c
}

// walk finds the term at asOf as the definition reads, one term after
// the other: renewal k ends the day before anchor + k renewal terms,
// counted from the anchor (Date.AddMonths clamps to month ends), and
// notice given by a term's cancel-by date ends the contract with it.
func walk(term contract.Term, asOf, notice contract.Date) (int, contract.Period) {
	anchor := term.End.AddDays(1)
	end := func(k int) contract.Date { return term.Renewal.Term.Times(k).AddTo(anchor).AddDays(-1) }
	k := 0
	for (term.Renewal.Max == 0 || k < term.Renewal.Max) && asOf.After(end(k)) {
		if !notice.IsZero() && !notice.After(term.Notice.SubtractFrom(end(k))) {
			break
		}
		k++
	}
	if k == 0 {
		return 0, contract.Period{Start: term.Start, End: term.End}
	}
	return k, contract.Period{Start: end(k - 1).AddDays(1), End: end(k)}
}

// TestRenewalTermByArithmetic: the current term found from the anchor
// is the term a term-by-term walk finds, for every third day of eight years and
// notices given every 211th day, with terms ending on month ends and
// on 29 February.
func TestRenewalTermByArithmetic(t *testing.T) {
	twoMonthsHalf, err := contract.ParseSpan("P2M15D")
	require.NoError(t, err)
	for _, c := range []*contract.Contract{
		withTerm(t, contract.MustDate(2026, 1, 1), contract.MustDate(2026, 1, 30), contract.Months(1), 0, contract.Days(10)),
		withTerm(t, contract.MustDate(2023, 3, 1), contract.MustDate(2024, 2, 28), contract.Years(1), 6, contract.Months(3)),
		withTerm(t, contract.MustDate(2026, 1, 1), contract.MustDate(2026, 8, 30), twoMonthsHalf, 0, contract.Weeks(3)),
	} {
		term := c.Term()
		checked := 0
		for asOf := term.Start.AddDays(-3); asOf.Before(term.Start.AddYears(8)); asOf = asOf.AddDays(3) {
			for notice := term.Start.AddDays(-13); notice.Before(asOf); notice = notice.AddDays(211) {
				for _, n := range []contract.Date{{}, notice} {
					st := c.Renewal(asOf, n)
					k, p := walk(term, asOf, n)
					if k != st.TermNumber || p != st.Term {
						t.Fatalf("term ending %s, as of %s, notice %s: term %d %v, want %d %v", term.End, asOf, n, st.TermNumber, st.Term, k, p)
					}
					checked++
				}
			}
		}
		assert.Greater(t, checked, 2000)
	}
}

// TestRenewalFarHorizon: a monthly contract renewed without limit,
// asked about 8,000 years ahead, is in the term that holds the day, and
// a term anchored on the 31st stays on month ends.
func TestRenewalFarHorizon(t *testing.T) {
	c := withTerm(t, contract.MustDate(2026, 1, 1), contract.MustDate(2026, 1, 30), contract.Months(1), 0, contract.Days(10))
	asOf := contract.MustDate(9998, 3, 15)
	st := c.Renewal(asOf, contract.Date{})
	assert.Equal(t, (9998-2026)*12+2, st.TermNumber)
	assert.Equal(t, contract.Period{Start: contract.MustDate(9998, 2, 28), End: contract.MustDate(9998, 3, 30)}, st.Term)
	assert.Equal(t, contract.MustDate(9998, 3, 31), st.Next.Start)
}
