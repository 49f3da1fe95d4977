package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/planning"
	"github.com/outsourcing-go/outsourcing/risk"
)

// Planning is chapter 1: should the service be outsourced, and how?
type Planning struct {
	AsOf       time.Time                     `json:"as_of"`
	Objectives planning.ObjectiveSet         `json:"objectives"`
	TCO        planning.TCOResult            `json:"tco"`
	Option     string                        `json:"option"`
	Savings    outsourcing.Percent           `json:"savings_percent"`
	Tornado    planning.Tornado              `json:"tornado"`
	Case       risk.CaseResult               `json:"business_case"`
	Capability planning.CapabilityAssessment `json:"capability"`
	Risk       outsourcing.RiskLevel         `json:"risk"`
	Inputs     planning.SourcingInputs       `json:"sourcing_inputs"`
	Advice     planning.Recommendation       `json:"recommendation"`
	model      planning.TCOModel             // for the names of the lines
	tco        *planning.TCO                 // for the post-exit review
	outcome    risk.OptionOutcome            // the compared option's simulation
	names      map[string]planning.CostLine  // lines by "<option>/<line>"
	options    map[string]planning.SourcingOption
}

// caseTrials and caseSeed fix the business-case simulation: the same
// documents always give the same figures.
const (
	caseTrials = 10_000
	caseSeed   = 2026
)

// plan weighs outsourcing against keeping the service (Handbook §1): the
// TCO of both options, the business case with its uncertainty and risks,
// the capability to manage a provider and the register's overall risk
// feed the sourcing recommendation.
func plan(d *documents) (Planning, error) {
	p := Planning{AsOf: d.Story.PlanningDay, Objectives: d.Objectives, model: d.TCO}
	tco, err := planning.CompileTCO(d.TCO)
	if err != nil {
		return p, d.in("tco", err)
	}
	p.tco = tco
	p.TCO = tco.Evaluate()
	p.names = map[string]planning.CostLine{}
	p.options = map[string]planning.SourcingOption{}
	for _, o := range d.TCO.Options {
		p.options[o.ID] = o
		for _, l := range o.Lines {
			p.names[o.ID+"/"+l.ID] = l
		}
		if o.ID != d.TCO.Baseline && p.Option == "" {
			p.Option = o.ID
		}
	}
	if p.Option == "" {
		return p, d.in("tco", fmt.Errorf("/options: the model compares no option with the baseline %q", d.TCO.Baseline))
	}
	if p.Savings, err = p.TCO.SavingsPercent(p.Option); err != nil {
		return p, d.in("tco", err)
	}
	if p.Tornado, err = tco.Tornado(p.Option, outsourcing.MustPercent("10")); err != nil {
		return p, d.in("tco", err)
	}
	bc, err := risk.CompileBusinessCase(tco, d.Case)
	if err != nil {
		return p, d.in("business-case", err)
	}
	if p.Case, err = bc.Simulate(risk.CaseOptions{Trials: caseTrials, Seed: caseSeed, Workers: 1}); err != nil {
		return p, d.in("business-case", err)
	}
	for _, o := range p.Case.Options {
		if o.ID == p.Option {
			p.outcome = o
		}
	}
	if p.Capability, err = d.Capability.Assess(); err != nil {
		return p, d.in("capability", err)
	}
	rep, err := risk.Assess(d.Risks, risk.Classic5x5(), d.Story.PlanningDay)
	if err != nil {
		return p, d.in("risks", err)
	}
	if p.Risk, err = risk.OverallLevel(rep); err != nil {
		return p, d.in("risks", err)
	}
	p.Inputs = planning.SourcingInputs{Criticality: d.Story.Criticality, Capability: p.Capability.Level,
		ExpectedSavings: p.Savings, Risk: p.Risk}
	if p.Advice, err = planning.DefaultSourcingAdvisor().Recommend(p.Inputs); err != nil {
		return p, err
	}
	return p, nil
}

// decision states the recommendation in a manager's words.
func (p Planning) decision() string {
	scope := map[planning.SourcingScope]string{
		planning.SourcingScopeInHouse:   "keep the service in house",
		planning.SourcingScopeTotal:     "outsource the whole service",
		planning.SourcingScopePartial:   "outsource part of the service",
		planning.SourcingScopeSelective: "outsource selected functions",
	}[p.Advice.Scope]
	if p.Advice.Scope == planning.SourcingScopeInHouse {
		return scope
	}
	return scope + ", " + string(p.Advice.Location)
}

// lineName names a tornado input in words.
func (p Planning) lineName(input string) string {
	if input == planning.InputDiscountRate {
		return "Discount rate"
	}
	key, escalation := strings.CutSuffix(input, "/escalation")
	l, ok := p.names[key]
	if !ok {
		return input
	}
	name := l.Name
	if name == "" {
		name = humanize(l.ID)
	}
	option, _, _ := strings.Cut(key, "/")
	if escalation {
		name = "Yearly rise of " + lowerFirst(name)
	}
	return name + " (" + p.optionName(option) + ")"
}

// optionName names an option of the model.
func (p Planning) optionName(id string) string {
	if o, ok := p.options[id]; ok && o.Name != "" {
		return o.Name
	}
	return humanize(id)
}

func (p Planning) text(pg *page) {
	pg.heading("§1 Planning: should we outsource?")
	pg.para("Decision on %s: %s. %s", day(p.AsOf), p.decision(), p.Advice.Rationale)

	t := newTable([]string{"Objective", "Owner", "From", "To", "By"}, 2, 3)
	for _, o := range p.Objectives.Objectives {
		unit := " " + o.Unit
		add(&t, o.Title, o.Owner, o.Baseline.Grouped()+unit, o.Target.Grouped()+unit, day(o.Deadline))
	}
	pg.table("Objectives (Handbook §1.1)", t)

	horizon := fmt.Sprintf("%d %ss", p.TCO.Horizon, p.TCO.Period)
	t = newTable([]string{"Option", "Total cost", "Present value", "NPV of savings", "Payback"}, 1, 2, 3, 4)
	for _, o := range p.TCO.Options {
		npv, payback := "baseline", ""
		if o.Savings != nil {
			npv, payback = money(o.Savings.NPV), months(o.Savings.Payback)
		}
		add(&t, p.optionName(o.ID), money(o.Nominal), money(o.Discounted), npv, payback)
	}
	pg.table(fmt.Sprintf("Total cost of ownership over %s at a %s discount rate (Handbook §1.2); savings %s of the in-house cost",
		horizon, percent(p.model.DiscountRate), percent(p.Savings)), t)

	t = newTable([]string{"Input moved by 10 %", "NPV of savings, input −10 %", "NPV of savings, input +10 %", "Swing"}, 1, 2, 3)
	for _, b := range p.Tornado.Bars[:min(5, len(p.Tornado.Bars))] {
		add(&t, p.lineName(b.Input), money(b.Low), money(b.High), money(b.Swing))
	}
	pg.table("What moves the savings most (tornado, five widest of "+fmt.Sprint(len(p.Tornado.Bars))+" inputs)", t)

	if s := p.outcome.Savings; s != nil {
		t = newTable([]string{"Figure", "Value"}, 1)
		add(&t, "NPV of savings, plan", money(s.Point))
		add(&t, "NPV of savings, average of the simulations", money(s.NPV.Mean))
		add(&t, "NPV of savings, 5 % to 95 % of futures", money(s.NPV.P5)+" to "+money(s.NPV.P95))
		add(&t, "Chance that outsourcing costs more (savings below zero)", share(s.ProbabilityNegative))
		worst := fmt.Sprintf("%.0f %%", 100*(1-p.Case.Confidence))
		add(&t, "Savings at most, in the worst "+worst+" of futures (value at risk)", money(s.VaR))
		add(&t, "Average savings in the worst "+worst+" of futures", money(s.CVaR))
		add(&t, "Chance that outsourcing is the cheaper option", share(p.outcome.ProbabilityCheapest))
		add(&t, "Median payback", months(s.Payback.P50))
		pg.table(fmt.Sprintf("Risk-adjusted business case: %s simulated futures with uncertain fees, transition and wages, "+
			"a provider failure and an early exit", grouped(p.Case.Trials)), t)
		t = newTable([]string{"Uncertainty", "Rank correlation with the savings"}, 1)
		for _, dr := range s.Drivers {
			add(&t, humanize(dr.Input), fmt.Sprintf("%+.2f", dr.Spearman))
		}
		pg.table("What drives the simulated savings", t)
	}

	t = newTable([]string{"Input to the recommendation", "Value"})
	add(&t, "Business criticality", string(p.Inputs.Criticality))
	add(&t, "Capability to manage a provider", fmt.Sprintf("%s (%s)", humanize(string(p.Capability.Level)), points(p.Capability.Score, 1)))
	for _, g := range p.Capability.Gaps {
		add(&t, "  gap: "+humanize(g.Area), fmt.Sprintf("maturity %d of the %d needed", g.Score, g.Target))
	}
	add(&t, "Expected savings", percent(p.Savings))
	add(&t, "Overall risk of the register (highest residual risk)", humanize(string(p.Risk)))
	add(&t, "Recommendation", p.decision())
	pg.table("Sourcing strategy (Handbook §1.3)", t)
}

// grouped shows a count with thousands separated.
func grouped(n int) string { return outsourcing.DecimalFromInt(int64(n)).Grouped() }
