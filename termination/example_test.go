package termination_test

import (
	"fmt"
	"os"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/termination"
)

// load reads a document of testdata, for the examples.
func load(name string) []byte {
	doc, err := os.ReadFile("testdata/" + name)
	if err != nil {
		panic(err)
	}
	return doc
}

// exampleTerms compiles the sample contract and its exit schedule, as
// Example shows step by step.
func exampleTerms() *termination.Terms {
	c, err := contract.ParseContract(load("contract.json"))
	if err != nil {
		panic(err)
	}
	cc, err := contract.CompileContract(c)
	if err != nil {
		panic(err)
	}
	tspec, err := termination.ParseTerms(load("terms.json"))
	if err != nil {
		panic(err)
	}
	terms, err := termination.CompileTerms(tspec, cc)
	if err != nil {
		panic(err)
	}
	return terms
}

// An ERP integration compiles the contract and its termination and exit
// schedule once, then assesses the situation with the shipped triggers.
func Example() {
	cspec, err := contract.ParseContract(load("contract.json"))
	if err != nil {
		panic(err)
	}
	c, err := contract.CompileContract(cspec)
	if err != nil {
		panic(err)
	}
	tspec, err := termination.ParseTerms(load("terms.json"))
	if err != nil {
		panic(err)
	}
	terms, err := termination.CompileTerms(tspec, c)
	if err != nil {
		panic(err)
	}
	ctx, err := termination.ParseContext(load("context.json"))
	if err != nil {
		panic(err)
	}
	a, err := termination.DefaultTriggers().Evaluate(terms, ctx)
	if err != nil {
		panic(err)
	}
	for _, t := range a.Triggers {
		fmt.Println(t.Rule, t.Clause, t.Notice, t.EarliestEffective)
		for _, e := range t.Evidence {
			fmt.Println(" ", e)
		}
	}
	// Output:
	// repeated_sla_failure 12.2 P3M 2027-10-06
	//   2027-06: level dc-availability missed its minimum in 3 of the last 6 periods (2027-03, 2027-04, 2027-06; threshold 3)
	//   2027-03: credits 5,880.00 EUR reached the cap
	//   2027-04: credits 5,880.00 EUR reached the cap
	//   2027-06: credits 5,880.00 EUR reached the cap
}

// Settlement on the effective date: the ledger's lines sum exactly.
func ExampleTerms_Settle() {
	terms := exampleTerms() // the contract and its exit schedule, compiled as in Example
	in, err := termination.ParseSettlement(load("settlement.json"))
	if err != nil {
		panic(err)
	}
	ledger, err := terms.Settle(in)
	if err != nil {
		panic(err)
	}
	fmt.Print(ledger.Table().Text())
	// Output:
	// kind            ref            clause  description                                                                                 amount
	// --------------  -------------  ------  ----------------------------------------------------------------------------------  --------------
	// prepaid_refund  base           4       fee base paid in advance for 2027-10-01 to 2027-10-31, not served after 2027-10-06  -32,000.00 EUR
	// fee             licences       4       fee licences for 2027-10-01 to 2027-10-06                                               600.00 EUR
	// assistance      2027-10        14      termination assistance 2027-10-07 to 2027-10-31                                      16,304.35 EUR
	// assistance      2027-11        14      termination assistance 2027-11-01 to 2027-11-30                                      19,565.22 EUR
	// assistance      2027-12        14      termination assistance 2027-12-01 to 2027-12-31                                      20,217.39 EUR
	// assistance      2028-01        14      termination assistance 2028-01-01 to 2028-01-06                                       3,913.04 EUR
	// sla_credit      2027-06        8       SLA credits of 2027-06 not yet applied                                               -5,880.00 EUR
	// prepaid_refund  training       4       Prepaid training days not delivered                                                  -4,500.00 EUR
	// damages         restore        10      Cost of restoring the March backup set                                              -12,500.00 EUR
	// withheld        INV-2027-0815  4       withheld from invoice INV-2027-0815                                                   3,200.00 EUR
	// withheld        INV-2027-0902  4       withheld from invoice INV-2027-0902 (disputed)                                        7,800.00 EUR
	// net                                    payable by acme                                                                       8,920.00 EUR
	// disputed                               outside the net                                                                       7,800.00 EUR
}

// The post-exit review reads one document: the objectives, the SLA
// reports, the business case with the actual cost, and the vendor's
// final-evaluation input.
func ExampleTerms_Review() {
	terms := exampleTerms() // the contract and its exit schedule, compiled as in Example
	in, err := termination.ParseReview(load("review.json"))
	if err != nil {
		panic(err)
	}
	r, err := terms.Review(in)
	if err != nil {
		panic(err)
	}
	for _, o := range r.Objectives {
		fmt.Printf("objective %s: %s (attainment %s)\n", o.ID, o.State, o.Attainment)
	}
	fmt.Printf("SLA: %d of %d level-periods met (%s), credits %s\n", r.SLA.Met, r.SLA.Measured, r.SLA.Percent, r.SLA.Credits)
	fmt.Printf("cost: %s against %s planned, variance %s (%s); savings %s of %s planned\n",
		r.Cost.Actual, r.Cost.Planned, r.Cost.Variance, r.Cost.VariancePercent, r.Cost.ActualSavings, r.Cost.PlannedSavings)
	fmt.Printf("vendor %s: score %.0f, %s\n", r.Vendor.Vendor, r.Vendor.Score, r.Vendor.Recommendation)
	// Output:
	// objective run-cost: achieved (attainment 1.05)
	// objective availability: missed (attainment 0.75)
	// SLA: 3 of 6 level-periods met (50.00%), credits 17640.00 EUR
	// cost: 1953000.00 EUR against 1800000.00 EUR planned, variance 153000.00 EUR (8.50%); savings 147000.00 EUR of 300000.00 EUR planned
	// vendor nordops: score 50, re_engage_with_conditions
}
