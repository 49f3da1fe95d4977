// Command contract-review takes a sample application-management contract
// (embedded JSON) from draft to an amended, active contract, as a
// procurement system would (Handbook §3.1–§3.3, §4.2):
//
//	§3.2  review it under the company's policy and collect the
//	      departments' verdicts
//	§3.2  route it for approval by rules (the CFO joins above $1 million),
//	      and by the company's decision table of value bands × risk
//	§3.2  sign it by authorised representatives only
//	§3.3  apply a formal change: assessment, approval, supplementary
//	      agreement, new version and the diff between versions
//
// Run it with: go run ./examples/contract-review
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/rules"
)

//go:embed data/contract.json
var contractJSON []byte

//go:embed data/approval-table.json
var approvalTableJSON []byte

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// clock hands out the times of the story, an hour apart.
type clock struct{ t time.Time }

func (c *clock) next() time.Time {
	c.t = c.t.Add(time.Hour)
	return c.t
}

func run(w io.Writer) error {
	spec, err := contract.ParseContract(contractJSON)
	if err != nil {
		return err
	}
	c, err := contract.CompileContract(spec)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s: %s\n  value %s over the initial term, annual fees %s, liability cap %s\n\n",
		c.ID(), c.Title(), c.TotalValue().Grouped(), c.AnnualFees().Grouped(), c.LiabilityCap().Grouped())
	clk := &clock{t: time.Date(2026, 2, 2, 8, 0, 0, 0, time.UTC)}

	reviewer, err := contract.NewReviewer(contract.ReviewPolicy{
		MaxPaymentDays: 30,
		Rules: []rules.Rule{{ID: "renewal-notice", Severity: outsourcing.SeverityMedium,
			Description: "an auto-renewing contract gives at least 90 days' notice", Expression: "!auto_renewal || notice_days >= 90"}},
	})
	if err != nil {
		return err
	}
	if err := review(w, reviewer, c, clk); err != nil {
		return err
	}
	router, err := contract.NewRouter([]contract.ApprovalStep{
		{ID: "legal", Name: "General counsel", Stage: 1, Approvers: []string{"general-counsel"}},
		{ID: "procurement", Name: "Head of procurement", Stage: 1, Approvers: []string{"head-of-procurement"}},
		{ID: "cfo", Name: "Chief Financial Officer", Stage: 2, Approvers: []string{"cfo"}, When: "total_value > 1000000"},
	})
	if err != nil {
		return err
	}
	flow, err := approve(w, router, c, clk)
	if err != nil {
		return err
	}
	if err := routeByTable(w, c); err != nil {
		return err
	}
	rec, err := sign(w, c, flow, clk)
	if err != nil {
		return err
	}
	rec, err = change(w, rec, router, clk)
	if err != nil {
		return err
	}
	heading(w, "Audit trail")
	t := outsourcing.Table{Header: []string{"seq", "at", "event", "from", "to", "version", "by"}, Numeric: []bool{true, false, false, false, false, true, false}}
	for _, e := range rec.Trail() {
		t.Rows = append(t.Rows, []string{strconv.Itoa(e.Seq), e.At.Format("2006-01-02 15:04"), string(e.Kind), string(e.From), string(e.To), strconv.Itoa(e.Version), e.Actor})
	}
	printTable(w, t)
	return nil
}

func heading(w io.Writer, title string) { fmt.Fprintf(w, "== %s\n", title) }

// review runs the policy's checks and collects the departments' verdicts
// (Handbook §3.2).
func review(w io.Writer, reviewer *contract.Reviewer, c *contract.Contract, clk *clock) error {
	heading(w, "§3.2 Review")
	r, err := reviewer.Review(c)
	if err != nil {
		return err
	}
	t := outsourcing.Table{Header: []string{"severity", "check", "at", "finding"}}
	for _, f := range r.Findings {
		t.Rows = append(t.Rows, []string{f.Severity.String(), f.Check, f.Path, f.Message})
	}
	printTable(w, t)
	clearance, err := reviewer.Clear(r, []contract.DepartmentReview{
		{Department: contract.DepartmentLegal, Reviewer: "general-counsel", Verdict: contract.VerdictApproveWithConditions,
			Conditions: []string{"confidentiality is covered by the master NDA of 2024, annexed"}, Waived: []string{contract.CheckMissingClause}, At: clk.next()},
		{Department: contract.DepartmentFinance, Reviewer: "controller", Verdict: contract.VerdictApproveWithConditions,
			Conditions: []string{"45-day payment terms accepted for a 2% lower run fee"}, Waived: []string{contract.CheckPaymentTerms}, At: clk.next()},
		{Department: contract.DepartmentIT, Reviewer: "it-director", Verdict: contract.VerdictApprove, At: clk.next()},
		{Department: contract.DepartmentBusiness, Reviewer: "head-of-sales-ops", Verdict: contract.VerdictApprove, At: clk.next()},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  cleared: %v, conditions: %q\n\n", clearance.Cleared, clearance.Conditions)
	return nil
}

// approve routes the contract by the routing rules and records the
// approvers' decisions stage by stage.
func approve(w io.Writer, router *contract.Router, c *contract.Contract, clk *clock) (contract.Workflow, error) {
	heading(w, "§3.2 Approval")
	route, err := router.Route(c)
	if err != nil {
		return contract.Workflow{}, err
	}
	flow := contract.NewWorkflow(route)
	for _, s := range route.Steps {
		fmt.Fprintf(w, "  stage %d: %s\n", s.Stage, s.Name)
	}
	// the CFO cannot decide before stage 1 is done
	if _, err := flow.Decide(contract.Decision{Step: "cfo", Approver: "cfo", Verdict: contract.VerdictApprove, At: clk.next()}); err != nil {
		fmt.Fprintf(w, "  refused: %v\n", err)
	}
	for _, d := range []contract.Decision{
		{Step: "legal", Approver: "general-counsel", Verdict: contract.VerdictApprove},
		{Step: "procurement", Approver: "head-of-procurement", Verdict: contract.VerdictApprove},
		{Step: "cfo", Approver: "cfo", Verdict: contract.VerdictApprove, Comment: "within the FY26 budget"},
	} {
		d.At = clk.next()
		if flow, err = flow.Decide(d); err != nil {
			return contract.Workflow{}, err
		}
		fmt.Fprintf(w, "  %s approved by %s; open now: %v\n", d.Step, d.Approver, flow.Open())
	}
	fmt.Fprintf(w, "  approval: %s\n\n", flow.Status())
	return flow, nil
}

// routeByTable routes the contract by the company's approval table
// (value bands × risk, Handbook §3.2) at two assessed risk levels: the
// value sets the finance and CFO steps, the risk adds IT security and,
// when very high, the CEO.
func routeByTable(w io.Writer, c *contract.Contract) error {
	heading(w, "§3.2 Approval by decision table (value × risk)")
	spec, err := rules.ParseTableSpec(approvalTableJSON)
	if err != nil {
		return err
	}
	router, err := contract.NewTableRouter(spec)
	if err != nil {
		return err
	}
	for _, risk := range []outsourcing.RiskLevel{outsourcing.RiskLevelLow, outsourcing.RiskLevelVeryHigh} {
		route, err := router.Route(c, risk)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  value %s, risk %s:\n", c.TotalValue().Grouped(), risk)
		t := outsourcing.Table{Header: []string{"stage", "step", "approvers"}, Numeric: []bool{true, false, false}}
		for _, s := range route.Steps {
			t.Rows = append(t.Rows, []string{strconv.Itoa(s.Stage), s.Name, strings.Join(s.Approvers, ", ")})
		}
		printTable(w, t)
		fmt.Fprintln(w)
	}
	return nil
}

// sign takes the contract through the lifecycle to active; a signature
// beyond the signatory's authority is refused and changes nothing.
func sign(w io.Writer, c *contract.Contract, flow contract.Workflow, clk *clock) (*contract.Record, error) {
	heading(w, "§3.2 Signature")
	rec, err := contract.NewRecord(c, "contract-office", clk.next())
	if err != nil {
		return nil, err
	}
	if rec, err = rec.Apply(contract.Event{Kind: contract.EventSubmit, Actor: "contract-office", At: clk.next()}); err != nil {
		return nil, err
	}
	// the record accepts the approval only with the approved workflow of this version
	if rec, err = rec.Approve(flow, contract.Event{Actor: "contract-office", At: clk.next()}); err != nil {
		return nil, err
	}
	at := clk.next()
	_, err = rec.Apply(contract.Event{Kind: contract.EventSign, Actor: "contract-office", At: at, Signatures: []contract.Signature{
		{Party: "globex", Signatory: "it-director", At: at}, {Party: "brightsource", Signatory: "vp-sales", At: at}}})
	fmt.Fprintf(w, "  refused: %v\n  state still %s\n", err, rec.State())
	if rec, err = rec.Apply(contract.Event{Kind: contract.EventSign, Actor: "contract-office", At: at, Signatures: []contract.Signature{
		{Party: "globex", Signatory: "cfo", At: at}, {Party: "brightsource", Signatory: "vp-sales", At: at}}}); err != nil {
		return nil, err
	}
	if rec, err = rec.Apply(contract.Event{Kind: contract.EventActivate, Actor: "service-manager", At: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "  signed by the CFO and the provider's VP Sales; state %s\n\n", rec.State())
	return rec, nil
}

// change applies a formal change: assess it, route and approve the
// proposed version, sign the supplementary agreement (Handbook §3.3, §4.2).
func change(w io.Writer, rec *contract.Record, router *contract.Router, clk *clock) (*contract.Record, error) {
	heading(w, "§3.3 Change")
	clk.t = time.Date(2026, 9, 14, 8, 0, 0, 0, time.UTC)
	cr := contract.ChangeRequest{
		ID: "CR-2026-07", Title: "Weekend cover for P1 incidents", RequestedBy: "globex",
		Necessity:     "Weekend online sales now carry 30% of revenue.",
		Impact:        contract.Impact{Description: "Provider on call at weekends; run fee up 3,500 USD a month", Services: []string{"support"}},
		Risk:          contract.ChangeRisk{Level: outsourcing.RiskLevelLow, Description: "Weekend staffing at the provider", Mitigation: "Two on-call engineers per weekend"},
		EffectiveFrom: contract.MustDate(2026, 10, 1),
		Amendment: contract.Amendment{
			Fees: []contract.Fee{{ID: "run", Description: "Monthly run fee", Amount: outsourcing.MustMoney("58500.00", "USD"), Every: contract.Months(1)}},
			SLATargets: []contract.SLATarget{{Level: "p1-resolution", Expected: outsourcing.MustDecimal("97"),
				Minimum: new(outsourcing.MustDecimal("92"))}},
		},
	}
	a, err := rec.Current().AssessChange(cr)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "  %s: value from %s up %s, annual fees up %s, risk %s\n", cr.ID, cr.EffectiveFrom, a.ValueDelta.Grouped(), a.AnnualFeesDelta.Grouped(), a.Risk)
	t := outsourcing.Table{Header: []string{"change", "area", "at", "before", "after"}}
	for _, d := range a.Differences {
		t.Rows = append(t.Rows, []string{string(d.Kind), string(d.Area), d.Path, d.Before, d.After})
	}
	printTable(w, t)
	route, err := router.Route(a.Proposed)
	if err != nil {
		return nil, err
	}
	flow := contract.NewWorkflow(route)
	for _, s := range route.Steps {
		if flow, err = flow.Decide(contract.Decision{Step: s.ID, Approver: s.Approvers[0], Verdict: contract.VerdictApprove, At: clk.next()}); err != nil {
			return nil, err
		}
	}
	at := clk.next()
	next, err := rec.Amend(cr, flow, contract.Event{Actor: "contract-office", At: at, Signatures: []contract.Signature{
		{Party: "globex", Signatory: "cfo", At: at}, {Party: "brightsource", Signatory: "vp-sales", At: at}}})
	if err != nil {
		return nil, err
	}
	v := next.Versions()[len(next.Versions())-1]
	fmt.Fprintf(w, "  supplementary agreement %s makes version %d, in force from %s\n", v.Supplement.ID, v.Number, v.EffectiveFrom)
	fmt.Fprintf(w, "  in force on 2026-09-30: version %d; on 2026-10-01: version %d\n\n",
		next.InForce(contract.MustDate(2026, 9, 30)).Version(), next.InForce(contract.MustDate(2026, 10, 1)).Version())
	return next, nil
}
