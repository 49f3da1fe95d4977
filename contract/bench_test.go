package contract_test

import (
	"fmt"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/stretchr/testify/require"
)

// BenchmarkReview reviews a 40-clause contract under 30 review rules:
// 10 over the contract and 20 over each clause (800 clause evaluations),
// besides the built-in checks.
func BenchmarkReview(b *testing.B) {
	spec := sampleSpec(b)
	for i := len(spec.Clauses); i < 40; i++ {
		spec.Clauses = append(spec.Clauses, contract.Clause{ID: fmt.Sprint("c", i), Kind: contract.ClauseKindCustom,
			Title: fmt.Sprint("Schedule ", i), Text: "The provider shall maintain the configuration items of this schedule in the CMDB."})
	}
	c, err := contract.CompileContract(spec)
	require.NoError(b, err)
	var contractRules, clauseRules []rules.Rule
	for i := range 10 {
		contractRules = append(contractRules, rules.Rule{ID: fmt.Sprint("contract-", i), Severity: outsourcing.SeverityLow,
			Expression: fmt.Sprintf(`liability_cap >= annual_fees * %d / 10 && payment_days <= %d && "sla" in clause_kinds`, i, 30+i)})
	}
	for i := range 20 {
		clauseRules = append(clauseRules, rules.Rule{ID: fmt.Sprint("clause-", i),
			Expression: fmt.Sprintf(`kind != "custom" || words >= %d || contract.total_value > 1000000`, i)})
	}
	rv, err := contract.NewReviewer(contract.ReviewPolicy{Rules: contractRules, ClauseRules: clauseRules})
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rv.Review(c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkObligations10k reports 10,000 obligations (250 clauses of 40:
// monthly, quarterly with a 10-day lead, fortnightly and one-off) two
// years into a three-year term, every occurrence due before December
// 2027 met (about 250,000 fulfilments to check).
func BenchmarkObligations10k(b *testing.B) {
	spec := sampleSpec(b)
	spec.Clauses = nil
	for i := range 250 {
		cl := contract.Clause{ID: fmt.Sprint("c", i), Kind: contract.ClauseKindRightsObligations, Title: "Duties"}
		for j := range 40 {
			o := contract.Obligation{ID: fmt.Sprintf("o%d-%d", i, j), Description: "report", Party: "nordops",
				Due: contract.MustDate(2026, 1, 1+j%28).AddMonths(j % 12)}
			switch j % 4 {
			case 0:
				o.Every = contract.Months(1)
			case 1:
				o.Every, o.Lead = contract.Months(3), contract.Days(10)
			case 2:
				o.Every = contract.Weeks(2)
			}
			cl.Obligations = append(cl.Obligations, o)
		}
		spec.Clauses = append(spec.Clauses, cl)
	}
	c, err := contract.CompileContract(spec)
	require.NoError(b, err)
	var done []contract.Fulfilment
	for _, o := range c.ObligationSchedule(contract.Period{Start: spec.Term.Start, End: contract.MustDate(2027, 11, 30)}) {
		done = append(done, contract.Fulfilment{Obligation: o.Obligation, Due: o.Due, On: o.Due})
	}
	asOf := contract.MustDate(2028, 1, 15)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Obligations(asOf, done); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSpec copies the sample contract's spec, as every Spec and
// AssessChange call does.
func BenchmarkSpec(b *testing.B) {
	c := sample(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Spec()
	}
}
