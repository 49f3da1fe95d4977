package contract_test

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/rules"
)

// A contract document with mistakes: every problem is located by JSON
// pointer, with the sentinel it matches.
func ExampleCompileContract() {
	spec, err := contract.ParseContract([]byte(`{"id": "C-1", "title": "Service desk", "currency": "EUR",
		"parties": [{"id": "acme", "role": "customer", "name": "Acme", "signatories": [{"id": "ceo", "name": "A. Becker"}]},
		            {"id": "desk", "role": "provider", "name": "DeskCo", "signatories": [{"id": "md", "name": "L. Fischer"}]}],
		"scope": {"summary": "Service desk", "inclusions": [{"id": "desk", "description": "First-level support"}]},
		"term": {"start": "2026-01-01", "end": "2025-12-31"},
		"pricing": {"fees": [{"id": "base", "amount": {"amount": "-100.00", "currency": "EUR"}, "every": "P1M"}],
		            "rate_card": [{"id": "eng", "role": "Engineer", "unit": "hour", "price": {"amount": "90.00", "currency": "USD"}}]},
		"payment_terms": {"days": 30}, "clauses": [], "liability": {"cap": {}}}`))
	if err != nil {
		panic(err)
	}
	_, err = contract.CompileContract(spec)
	for _, fe := range outsourcing.FieldErrors(err) {
		fmt.Printf("%s: %s (currency mismatch: %v)\n", fe.Path, fe.Reason, errors.Is(fe, outsourcing.ErrCurrencyMismatch))
	}
	// Output:
	// /term/end: the term ends on 2025-12-31, before it starts on 2026-01-01 (currency mismatch: false)
	// /pricing/fees/0/amount: amount -100.00 EUR is negative (currency mismatch: false)
	// /pricing/rate_card/0/price: currency USD differs from the contract's EUR (currency mismatch: true)
}

// An ERP integration reads the contract document, compiles it once and
// reviews it under the company's policy.
func ExampleReviewer_Review() {
	c := mustSample() // ParseContract and CompileContract of testdata/contract.json
	reviewer, err := contract.NewReviewer(contract.ReviewPolicy{
		MinLiabilityMultiple: new(outsourcing.MustDecimal("1.5")),
		MaxPaymentDays:       30,
		Rules: []rules.Rule{{ID: "renewal-notice", Severity: outsourcing.SeverityLow,
			Description: "auto-renewing contracts give at least 90 days' notice",
			Expression:  "!auto_renewal || notice_days >= 90"}},
	})
	if err != nil {
		panic(err)
	}
	review, err := reviewer.Review(c)
	if err != nil {
		panic(err)
	}
	fmt.Println(c.ID(), "annual fees", c.AnnualFees(), "value", c.TotalValue())
	for _, f := range review.Findings {
		fmt.Printf("%-6s %-15s %s\n", f.Severity, f.Check, f.Message)
	}
	// Output:
	// ITO-2026-001 annual fees 516000.00 EUR value 1608000.00 EUR
	// high   liability_cap   the liability cap 516000.00 EUR is below 1.5 × the annual fees of 516000.00 EUR (774000.00 EUR)
}

// Approval routing: legal and finance approve in parallel, then the CFO
// joins for contracts above one million; the workflow opens each stage
// when the one before is approved.
func ExampleRouter_Route() {
	c := mustSample()
	router, err := contract.NewRouter([]contract.ApprovalStep{
		{ID: "legal", Stage: 1, Approvers: []string{"general-counsel"}},
		{ID: "finance", Stage: 1, Approvers: []string{"controller"}},
		{ID: "cfo", Stage: 2, Approvers: []string{"cfo"}, When: "total_value > 1000000"},
	})
	if err != nil {
		panic(err)
	}
	route, err := router.Route(c)
	if err != nil {
		panic(err)
	}
	flow := contract.NewWorkflow(route)
	fmt.Println(flow.Open())
	at := time.Date(2025, 11, 3, 9, 0, 0, 0, time.UTC)
	for _, d := range []contract.Decision{
		{Step: "legal", Approver: "general-counsel", Verdict: contract.VerdictApprove, At: at},
		{Step: "finance", Approver: "controller", Verdict: contract.VerdictApprove, At: at.Add(time.Hour)},
	} {
		if flow, err = flow.Decide(d); err != nil {
			panic(err)
		}
	}
	fmt.Println(flow.Open(), flow.Status())
	// Output:
	// [legal finance]
	// [cfo] pending
}

// Approval routing by the shipped decision table: value bands × risk
// level give the steps and their stages (edit ApprovalTableDocument and
// compile it with NewTableRouter to change them).
func ExampleTableRouter_Route() {
	c := mustSample() // 1,608,000.00 EUR over the initial term
	route, err := contract.DefaultTableRouter().Route(c, outsourcing.RiskLevelHigh)
	if err != nil {
		panic(err)
	}
	for _, s := range route.Steps {
		fmt.Printf("stage %d  %-12s %s\n", s.Stage, s.ID, s.Approvers)
	}
	// Output:
	// stage 1  legal        [general_counsel]
	// stage 1  procurement  [head_of_procurement]
	// stage 1  finance      [finance_controller]
	// stage 1  risk         [chief_risk_officer]
	// stage 2  cfo          [cfo]
}

// The lifecycle as a Mermaid state diagram, for a wiki or a ticket.
func ExampleMermaid() {
	fmt.Print(contract.Mermaid())
	// Output:
	// stateDiagram-v2
	//     [*] --> draft : create
	//     draft --> in_review : submit
	//     in_review --> draft : return
	//     in_review --> approved : approve
	//     approved --> signed : sign
	//     signed --> active : activate
	//     signed --> signed : amend
	//     signed --> terminated : terminate
	//     active --> active : amend
	//     active --> suspended : suspend
	//     active --> expired : expire
	//     active --> terminated : terminate
	//     suspended --> active : resume
	//     suspended --> suspended : amend
	//     suspended --> expired : expire
	//     suspended --> terminated : terminate
	//     expired --> [*]
	//     terminated --> [*]
}

// Contract dates clamp to the month's end: three months before 31 May
// is 28 February, where time.Time.AddDate would give 3 March.
func ExampleSpan_SubtractFrom() {
	end := contract.MustDate(2027, time.May, 31)
	fmt.Println(contract.Months(3).SubtractFrom(end))
	fmt.Println(end.In(nil).AddDate(0, -3, 0).Format(time.DateOnly))
	// Output:
	// 2027-02-28
	// 2027-03-03
}

// Renewal: the cancel-by date of the initial term and the alert windows
// open before it.
func ExampleContract_Renewal() {
	c := mustSample()
	r := c.Renewal(contract.MustDate(2028, time.August, 15), contract.Date{})
	fmt.Println(r.Term.Start, r.Term.End, "cancel by", r.CancelBy, r.Phase)
	for _, a := range r.Alerts {
		fmt.Println(a.Window, "from", a.From, "open:", a.Open)
	}
	fmt.Println("next term", r.Next.Start, r.Next.End)
	// Output:
	// 2026-01-01 2028-12-31 cancel by 2028-09-30 alert
	// P90D from 2028-07-02 open: true
	// P30D from 2028-08-31 open: false
	// next term 2029-01-01 2029-12-31
}

// Obligations at a day: the monthly report anchored on 31 January falls
// on month ends, and an occurrence not met is overdue.
func ExampleContract_Obligations() {
	c := mustSample()
	report, err := c.Obligations(contract.MustDate(2026, time.March, 2), []contract.Fulfilment{
		{Obligation: "monthly-report", Due: contract.MustDate(2026, time.January, 31), On: contract.MustDate(2026, time.January, 30)},
		{Obligation: "access", Due: contract.MustDate(2026, time.January, 5), On: contract.MustDate(2026, time.January, 5)},
	})
	if err != nil {
		panic(err)
	}
	for _, o := range report.Open {
		fmt.Println(o.Obligation, o.Due, o.Status)
	}
	fmt.Println("met", report.Met, "overdue", report.Overdue)
	// Output:
	// monthly-report 2026-02-28 overdue
	// monthly-report 2026-03-31 open
	// dr-test 2026-06-30 open
	// met 2 overdue 1
}

func mustSample() *contract.Contract {
	doc, err := os.ReadFile("testdata/contract.json")
	if err != nil {
		panic(err)
	}
	spec, err := contract.ParseContract(doc)
	if err != nil {
		panic(err)
	}
	c, err := contract.CompileContract(spec)
	if err != nil {
		panic(err)
	}
	return c
}

// Acceptance by role: the transition's shadow-run criterion names the
// service owner (the CIO holds that role), so the CEO's sign-off alone
// leaves it unsigned; with the CIO's co-sign-off the transition is
// accepted, on the day of the last signature.
func ExampleContract_Accept() {
	c := mustSample()
	at := time.Date(2026, time.April, 1, 10, 0, 0, 0, time.UTC)
	req := contract.AcceptanceRequest{Subject: contract.TransitionSubject,
		Results: []contract.CriterionResult{{Criterion: "kt-complete", Passed: true}, {Criterion: "runbooks", Passed: true},
			{Criterion: "shadow-run", Passed: true, Evidence: "P1 log, March"}},
		SignOff: contract.Signature{Party: "acme", Signatory: "ceo", At: at}}
	acc, err := c.Accept(req)
	if err != nil {
		panic(err)
	}
	fmt.Println("accepted:", acc.Accepted, "unsigned:", acc.Unsigned)
	req.CoSignOffs = []contract.Signature{{Party: "acme", Signatory: "cio", At: at.AddDate(0, 0, 1)}}
	if acc, err = c.Accept(req); err != nil {
		panic(err)
	}
	fmt.Println("accepted:", acc.Accepted, "on", acc.On)
	req.CoSignOffs = []contract.Signature{{Party: "acme", Signatory: "ceo", At: at}}
	_, err = c.Accept(req)
	fmt.Println(err)
	// Output:
	// accepted: false unsigned: [{shadow-run [service owner]}]
	// accepted: true on 2026-04-02
	// contract: /co_sign_offs/0/signatory: Anna Becker signs off twice
}
