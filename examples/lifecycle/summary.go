package main

import (
	"fmt"
	"strings"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/sla"
)

// Summary is the executive summary: the decision at each stage and the
// figures behind it.
type Summary struct {
	Customer string  `json:"customer"`
	Provider string  `json:"provider"`
	Contract string  `json:"contract"`
	Stages   []Stage `json:"stages"`
}

// Stage is one stage of the engagement in the summary.
type Stage struct {
	Chapter  string   `json:"chapter"`
	Decision string   `json:"decision"`
	Figures  []string `json:"figures"`
}

// summarise draws the summary from the chapters.
func summarise(r *Report) Summary {
	p, sel, k, svc, rk, ch, ex, rv := r.Planning, r.Selection, r.Contracting, r.Service, r.Risks, r.Change, r.Exit, r.Review
	s := Summary{Customer: customer(k), Provider: k.Provider, Contract: k.Contract}
	stage := func(chapter, decision string, figures ...string) {
		s.Stages = append(s.Stages, Stage{Chapter: chapter, Decision: decision, Figures: figures})
	}

	planFigures := []string{fmt.Sprintf("NPV of savings %s over %d months, %s of the in-house cost",
		money(p.TCO.Options[1].Savings.NPV), p.TCO.Horizon, percent(p.Savings))}
	if s := p.outcome.Savings; s != nil {
		planFigures = append(planFigures, fmt.Sprintf("%s chance it costs more than in house; simulated average %s",
			share(s.ProbabilityNegative), money(s.NPV.Mean)))
	}
	planFigures = append(planFigures, fmt.Sprintf("capability %s, overall risk %s", humanize(string(p.Capability.Level)), humanize(string(p.Risk))))
	stage("§1 Plan", p.decision(), planFigures...)

	w := sel.winner()
	runnerUp := ""
	for _, rv := range sel.Evaluation.Ranking {
		if rv.Vendor != w.Vendor {
			runnerUp = fmt.Sprintf(", next %s %.1f", sel.vendorName(rv.Vendor), rv.Points)
			break
		}
	}
	stage("§2 Select", fmt.Sprintf("award to %s", sel.vendorName(w.Vendor)),
		fmt.Sprintf("%d of %d vendors passed screening", len(sel.Screening.Passed), sel.pool.Len()),
		fmt.Sprintf("%.1f points of 100%s; bid %s", w.Points, runnerUp, sel.bid(w.Vendor)))

	stage("§3 Contract", "signed "+day(k.Signatures[0].At),
		fmt.Sprintf("%s over %s to %s; liability cap %s", money(k.TotalValue), k.Term.Start, k.Term.End, money(k.LiabilityCap)),
		fmt.Sprintf("%d approvals; %s, cleared by the departments", len(k.Approvals), count(len(k.Review.Findings), "review finding")))

	missed, months := missedMonths(svc.Reports)
	unapplied, _ := svc.Credits.Sub(svc.Applied)
	stage("§4 Service", fmt.Sprintf("transition accepted %s", svc.Acceptance.On),
		fmt.Sprintf("a service level below minimum in %d of %d months (%s)", missed, len(svc.Reports), strings.Join(months, ", ")),
		fmt.Sprintf("credits %s: %s on invoices, %s at exit", money(svc.Credits), money(svc.Applied), money(unapplied)))

	tot := rk.Losses.Total
	stage("§5 Risks", fmt.Sprintf("overall risk %s at the mid-year review", humanize(string(rk.Report.Overall.NIST))),
		fmt.Sprintf("expected annual loss %s; 1-in-100-year loss %s", money(tot.Mean), money(tot.P99)))

	stage("§3.3 §6.3 Change", fmt.Sprintf("%s signed as %s", ch.Supplement.Change.ID, ch.Supplement.ID),
		fmt.Sprintf("value up %s; dispute %s %s", money(ch.Assessment.ValueDelta), ch.Dispute.ID, escalationOutcome(ch.Escalation, len(ch.ladder))))

	if t := ex.Trigger; t != nil {
		stage("§7 Exit", fmt.Sprintf("terminate under clause %s", t.Clause),
			fmt.Sprintf("notice %s, service ends %s, assistance to %s", ex.Plan.Start, ex.Plan.Effective, ex.Plan.Assistance.End),
			fmt.Sprintf("settlement %s paid by %s", money(ex.Ledger.Net.Abs()), ex.parties[ex.Ledger.Payer]))
	} else {
		stage("§7 Exit", "continue: no termination right")
	}

	stage("§8 Review", rv.Vendor.Recommendation.Label()+" "+rv.vendor,
		fmt.Sprintf("%d of %d objectives attained; levels met in %s of level-months", rv.Attained, len(rv.Objectives), percent(rv.SLA.Percent)),
		fmt.Sprintf("actual cost %s, %s over the business case", money(rv.Cost.Actual), percent(rv.Cost.VariancePercent)))
	return s
}

// customer names the contract's customer.
func customer(k Contracting) string {
	for _, p := range k.record.Current().Spec().Parties {
		if p.Role == contract.PartyRoleCustomer {
			return p.Name
		}
	}
	return ""
}

// missedMonths counts the periods in which a level missed its minimum.
func missedMonths(reports []sla.Report) (int, []string) {
	var labels []string
	for _, r := range reports {
		for _, l := range r.Levels {
			if l.Status == sla.StatusMissed {
				labels = append(labels, r.Period.Label())
				break
			}
		}
	}
	return len(labels), labels
}

// escalationOutcome words where a dispute ended.
func escalationOutcome(e contract.EscalationStatus, levels int) string {
	level := e.Visits[len(e.Visits)-1].Level + 1
	switch {
	case e.Resolved:
		return fmt.Sprintf("resolved at level %d of %d", level, levels)
	case e.Final:
		return "referred to arbitration"
	}
	return fmt.Sprintf("open at level %d of %d", level, levels)
}

func (s Summary) text(pg *page) {
	pg.heading("Executive summary")
	pg.para("%s, contract %s with %s.", s.Customer, s.Contract, s.Provider)
	t := newTable([]string{"Stage", "Decision", "Figures behind it"})
	for _, st := range s.Stages {
		for i, f := range st.Figures {
			if i == 0 {
				add(&t, st.Chapter, st.Decision, f)
				continue
			}
			add(&t, "", "", f)
		}
		if len(st.Figures) == 0 {
			add(&t, st.Chapter, st.Decision, "")
		}
	}
	pg.WriteString("\n" + t.Text())
}

// count words a count of things: "1 review finding", "2 review findings".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
