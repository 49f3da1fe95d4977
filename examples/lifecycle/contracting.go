package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
)

// Contracting is chapter 3: the contract reviewed, approved and signed.
type Contracting struct {
	Contract     string                `json:"contract"`
	Title        string                `json:"title"`
	Provider     string                `json:"provider"`
	Term         contract.Term         `json:"term"`
	TotalValue   outsourcing.Money     `json:"total_value"`
	AnnualFees   outsourcing.Money     `json:"annual_fees"`
	LiabilityCap outsourcing.Money     `json:"liability_cap"`
	Review       contract.Review       `json:"review"`
	Clearance    contract.Clearance    `json:"clearance"`
	Risk         outsourcing.RiskLevel `json:"risk"`
	Route        contract.Route        `json:"route"`
	Approvals    []contract.Decision   `json:"approvals"`
	Signatures   []contract.Signature  `json:"signatures"`
	Trail        []contract.Event      `json:"trail"`
	record       *contract.Record
}

// clock hands out the instants of a sequence of steps, a working day
// apart.
type clock struct{ t time.Time }

func (c *clock) next() time.Time {
	c.t = c.t.AddDate(0, 0, 1)
	for c.t.Weekday() == time.Saturday || c.t.Weekday() == time.Sunday {
		c.t = c.t.AddDate(0, 0, 1)
	}
	return c.t
}

// reviewsDone is when the last department gave its verdict: the
// approvals follow.
func reviewsDone(reviews []contract.DepartmentReview) time.Time {
	var last time.Time
	for _, r := range reviews {
		if r.At.After(last) {
			last = r.At
		}
	}
	return last
}

// contractFor reviews the contract under the company's policy, clears it
// with the departments' verdicts (both from the contract review
// document), routes it by the shipped approval table at the register's
// overall risk, records the approvals and signs it by authorised
// signatories of both parties; it becomes active on the term's first day
// (Handbook §3.2).
func contractFor(d *documents, riskLevel outsourcing.RiskLevel) (Contracting, error) {
	c, err := contract.CompileContract(d.Contract)
	if err != nil {
		return Contracting{}, d.in("contract", err)
	}
	k := Contracting{Contract: c.ID(), Title: c.Title(), Term: c.Term(), TotalValue: c.TotalValue(),
		AnnualFees: c.AnnualFees(), LiabilityCap: c.LiabilityCap(), Risk: riskLevel}
	cr := d.ContractReview
	reviewer, err := contract.NewReviewer(cr.Policy)
	if err != nil {
		return k, d.in("contract-review", under("/policy", err))
	}
	if k.Review, err = reviewer.Review(c); err != nil {
		return k, d.in("contract", err)
	}
	if k.Clearance, err = reviewer.Clear(k.Review, cr.Departments); err != nil {
		return k, d.in("contract-review", under("/departments", err))
	}
	if !k.Clearance.Cleared {
		return k, d.in("contract-review", notCleared(k.Clearance))
	}
	if k.Route, err = contract.DefaultTableRouter().Route(c, riskLevel); err != nil {
		return k, d.in("contract", err)
	}
	clk := &clock{t: reviewsDone(cr.Departments)}
	flow, err := approveAll(k.Route, clk)
	if err != nil {
		return k, err
	}
	k.Approvals = flow.Decisions()
	rec, err := contract.NewRecord(c, "contract office", clk.next())
	if err != nil {
		return k, d.in("contract", err)
	}
	if rec, err = rec.Apply(contract.Event{Kind: contract.EventSubmit, Actor: "contract office", At: clk.next()}); err != nil {
		return k, err
	}
	if rec, err = rec.Approve(flow, contract.Event{Actor: "contract office", At: clk.next()}); err != nil {
		return k, err
	}
	if k.Signatures, err = signatures(c, clk.next()); err != nil {
		return k, d.in("contract", err)
	}
	if rec, err = rec.Apply(contract.Event{Kind: contract.EventSign, Actor: "contract office", At: k.Signatures[0].At, Signatures: k.Signatures}); err != nil {
		return k, d.in("contract", err)
	}
	if rec, err = rec.Apply(contract.Event{Kind: contract.EventActivate, Actor: "service manager", At: c.Term().Start.In(time.UTC)}); err != nil {
		return k, d.in("contract", err)
	}
	for _, p := range d.Contract.Parties {
		if p.Role == contract.PartyRoleProvider {
			k.Provider = p.Name
		}
	}
	k.record = rec
	k.Trail = rec.Trail()
	return k, nil
}

// approveAll records an approval by the first approver of every step, stage
// by stage, as the approvers would.
func approveAll(route contract.Route, clk *clock) (contract.Workflow, error) {
	flow := contract.NewWorkflow(route)
	for open := flow.Open(); len(open) > 0; open = flow.Open() {
		for _, id := range open {
			for _, s := range route.Steps {
				if s.ID != id {
					continue
				}
				var err error
				approval := contract.Decision{Step: id, Approver: s.Approvers[0], Verdict: contract.VerdictApprove, At: clk.next()}
				if flow, err = flow.Decide(approval); err != nil {
					return flow, err
				}
			}
		}
	}
	return flow, nil
}

// signatures signs c for every party by its first signatory authorised
// for the contract's value.
func signatures(c *contract.Contract, at time.Time) ([]contract.Signature, error) {
	var sigs []contract.Signature
	for _, p := range c.Spec().Parties {
		found := false
		for _, s := range p.Signatories {
			if ok, err := withinLimit(s, c.TotalValue()); err != nil || !ok {
				continue
			}
			sigs = append(sigs, contract.Signature{Party: p.ID, Signatory: s.ID, At: at})
			found = true
			break
		}
		if !found {
			return nil, fmt.Errorf("/parties: no signatory of %s may sign a contract worth %s", p.Name, money(c.TotalValue()))
		}
	}
	return sigs, nil
}

// withinLimit reports whether the signatory may sign a contract of that value.
func withinLimit(s contract.Signatory, value outsourcing.Money) (bool, error) {
	if !s.Limit.IsSet() {
		return true, nil
	}
	cmp, err := value.Cmp(s.Limit)
	return cmp <= 0, err
}

// signatoryName names a signature's signatory.
func signatoryName(c *contract.Contract, s contract.Signature) string {
	p, _ := c.Party(s.Party)
	for _, g := range p.Signatories {
		if g.ID == s.Signatory {
			return fmt.Sprintf("%s, %s, for %s", g.Name, g.Title, p.Name)
		}
	}
	return s.Signatory
}

func (k Contracting) text(pg *page) {
	pg.heading("§3 Contract: review, approval and signature")
	c := k.record.Versions()[0].Contract
	pg.para("%s, %s with %s: %s to %s, value %s over the term (%s a year), provider liability capped at %s.",
		k.Contract, k.Title, k.Provider, k.Term.Start, k.Term.End, money(k.TotalValue), money(k.AnnualFees), money(k.LiabilityCap))

	t := newTable([]string{"Importance", "Finding", "Outcome"})
	for _, f := range k.Review.Findings {
		add(&t, string(f.Severity), f.Message, waivedBy(f, k.Clearance))
	}
	if len(k.Review.Findings) == 0 {
		add(&t, "", "no findings", "")
	}
	pg.table("Review against the contract policy (Handbook §3.2)", t)
	if len(k.Clearance.Conditions) > 0 {
		pg.para("Conditions of the departments: %s.", strings.Join(k.Clearance.Conditions, "; "))
	}

	t = newTable([]string{"Stage", "Step", "Approver", "Verdict", "On"}, 0)
	for _, a := range k.Approvals {
		for _, s := range k.Route.Steps {
			if s.ID == a.Step {
				add(&t, fmt.Sprint(s.Stage), s.Name, humanize(a.Approver), a.Verdict.Label(), day(a.At))
			}
		}
	}
	pg.table(fmt.Sprintf("Approval route for a contract of %s at %s risk (the shipped value × risk table)", money(k.TotalValue), humanize(string(k.Risk))), t)

	names := make([]string, len(k.Signatures))
	for i, s := range k.Signatures {
		names[i] = signatoryName(c, s)
	}
	pg.para("\nSigned on %s by %s; in force from %s.", day(k.Signatures[0].At), strings.Join(names, " and "), k.Term.Start)
}

// waivedBy says how the clearance dealt with a finding.
func waivedBy(f contract.Finding, cl contract.Clearance) string {
	for _, b := range cl.Blocking {
		if b == f {
			return "blocks signature"
		}
	}
	return "accepted by the departments"
}

// partyNames maps the contract's party ids to their names.
func partyNames(c *contract.Contract) map[string]string {
	names := map[string]string{}
	for _, p := range c.Spec().Parties {
		names[p.ID] = p.Name
	}
	return names
}

// notCleared says why the departments did not clear the contract: who
// rejected it, who has not reviewed it, and the findings still blocking.
func notCleared(cl contract.Clearance) error {
	var why []string
	if len(cl.Rejected) > 0 {
		why = append(why, fmt.Sprintf("rejected by %v", cl.Rejected))
	}
	if len(cl.Missing) > 0 {
		why = append(why, fmt.Sprintf("not reviewed by %v", cl.Missing))
	}
	for _, f := range cl.Blocking {
		why = append(why, fmt.Sprintf("%s finding %s at %q: %s", f.Severity, f.Check, f.Path, f.Message))
	}
	return fmt.Errorf("the internal review did not clear the contract: %s", strings.Join(why, "; "))
}
