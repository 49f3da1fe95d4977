package main

import (
	"fmt"
	"strings"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/outsourcing-go/outsourcing/termination"
)

// Exit is chapter 7: termination for repeated service-level failure.
type Exit struct {
	Assessment termination.Assessment `json:"assessment"`
	Trigger    *termination.Trigger   `json:"trigger"`
	Plan       termination.ExitPlan   `json:"plan"`
	Ledger     termination.Ledger     `json:"ledger"`
	parties    map[string]string      // names by id
	customer   string
	reports    []sla.Report // the evidence
	terms      *termination.Terms
}

// terminate assesses the termination triggers at the context's day with
// the year's SLA reports, plans the exit from the notice to the effective
// date and settles the final fees, crediting the service credits not yet
// on an invoice (Handbook §7.1–7.2).
func terminate(d *documents, c *contract.Contract, reports []sla.Report, applied []string) (Exit, error) {
	e := Exit{parties: partyNames(c)}
	e.parties[termination.Successor] = "the successor"
	for _, p := range c.Spec().Parties {
		if p.Role == contract.PartyRoleCustomer {
			e.customer = p.Name
		}
	}
	terms, err := termination.CompileTerms(d.Terms, c)
	if err != nil {
		return e, d.in("terms", err)
	}
	e.terms = terms
	ctx := d.Context
	if ctx.SLAReports == nil {
		ctx.SLAReports = reports
	}
	e.reports = ctx.SLAReports
	if e.Assessment, err = termination.DefaultTriggers().Evaluate(terms, ctx); err != nil {
		return e, d.in("context", err)
	}
	// The customer acts on the right that ends the contract soonest.
	trigger, ok := e.Assessment.EarliestPermitted()
	if !ok {
		return e, nil
	}
	e.Trigger = &trigger
	if e.Plan, err = terms.ExitPlan(ctx.AsOf, e.Trigger.EarliestEffective); err != nil {
		return e, d.in("terms", err)
	}
	in := d.Settlement
	if in.SLAReports == nil {
		in.SLAReports, in.AppliedCredits = reports, applied
	}
	if e.Ledger, err = terms.Settle(in); err != nil {
		return e, d.in("settlement", err)
	}
	return e, nil
}

func (e Exit) text(pg *page) {
	pg.heading("§7 Exit: termination for repeated service-level failure")
	t := e.Trigger
	if t == nil {
		pg.para("On %s no termination right applies: the contract continues.", e.Assessment.AsOf)
		return
	}
	pg.para("On %s the contract allows termination for %s (clause %s) with %s notice; earliest effective date %s.",
		e.Assessment.AsOf, strings.ReplaceAll(humanize(string(t.Ground)), "sla", "service-level"), t.Clause, spanWords(t.Notice), t.EarliestEffective)
	if n := len(e.reports); n > 0 {
		window := e.reports[max(0, n-termination.AtCapWindow):]
		capped := 0
		for _, r := range window {
			if atCap(r) {
				capped++
			}
		}
		pg.para("Evidence: the report of %s shows %s; credits reached the cap in %d of the last %d months.",
			e.reports[n-1].Period.Label(), orNothing(signals(e.reports[n-1])), capped, len(window))
	}

	p := e.Plan
	pg.para("\nExit plan: notice served %s, service ends %s, termination assistance until %s (clause %s).",
		p.Start, p.Effective, p.Assistance.End, p.AssistanceClause)
	tb := newTable([]string{"Phase", "From", "To"})
	for _, ph := range p.Phases {
		until := "open"
		if !ph.Until.IsZero() {
			until = ph.Until.String()
		}
		add(&tb, humanize(string(ph.Phase)), ph.From.String(), until)
	}
	pg.table("Exit phases (Handbook §7.2)", tb)
	tb = newTable([]string{"Hand over", "From", "To", "Due"})
	for _, h := range p.Handover {
		add(&tb, h.Name, e.parties[h.From], e.parties[h.To], h.DueDate.String())
	}
	pg.table("Handover list", tb)

	l := e.Ledger
	tb = newTable([]string{"Clause", "Item", "Amount"}, 2)
	for _, ln := range l.Lines {
		item := ln.Description
		if ln.Disputed {
			item += " (disputed)"
		}
		add(&tb, ln.Clause, item, money(ln.Amount))
	}
	add(&tb, "", "Net, paid by "+e.parties[l.Payer], money(l.Net.Abs()))
	pg.table(fmt.Sprintf("Final settlement to %s (negative amounts are owed to %s)", l.Effective, e.customer), tb)
}

// spanWords words a span such as P3M.
func spanWords(s contract.Span) string {
	if s.IsZero() {
		return "no"
	}
	return strings.NewReplacer("P", "", "M", " months'", "D", " days'", "W", " weeks'", "Y", " years'").Replace(s.String())
}

// orNothing shows an empty phrase as "no termination signal".
func orNothing(s string) string {
	if s == "" {
		return "no termination signal"
	}
	return s
}
