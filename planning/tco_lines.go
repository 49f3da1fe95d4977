package planning

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/text"

	"github.com/shopspring/decimal"
)

// TCOLines is the cash flow of every cost line of a TCO model, period by
// period, with the layout that produces it (Handbook §1.2: where each
// cost of an option falls). TCO.Lines returns it; the lines of an option
// sum to its TCOOptionResult.Costs.
type TCOLines struct {
	// Model is the model's ID.
	Model string `json:"model"`
	// Currency is the model's currency.
	Currency outsourcing.Currency `json:"currency,omitzero"`
	// Period and Horizon repeat the model's time axis.
	Period  PeriodUnit `json:"period"`
	Horizon int        `json:"horizon"`
	// Options hold the lines of each option, in model order.
	Options []OptionLines `json:"options"`
}

// OptionLines are the lines of one option.
type OptionLines struct {
	// ID is the option's ID.
	ID string `json:"id"`
	// Lines are its cost lines, in model order.
	Lines []LineCost `json:"lines"`
}

// LineCost is one cost line's cash flow. Costs[p] is Profile.Base ×
// Profile.Factors[p] in each period p from Start to End, and zero in
// every other period.
type LineCost struct {
	// ID is the line's ID.
	ID string `json:"id"`
	// Category and Basis repeat the line's.
	Category CostCategory `json:"category"`
	Basis    CostBasis    `json:"basis"`
	// Start and End are the first and last periods charged, the model's
	// defaults applied: a recurring or percent line runs from Start
	// (default 1) to End (default the horizon); a one-off line is charged
	// once, in period Start = End (default 0, at signing).
	Start int `json:"start"`
	End   int `json:"end"`
	// Profile is how the line's base amount becomes its cost per period.
	Profile LineProfile `json:"profile"`
	// Costs holds the line's exact cost in each period, index 0 (signing)
	// to Horizon.
	Costs []outsourcing.Money `json:"costs"`
	// Nominal is the undiscounted total of Costs.
	Nominal outsourcing.Money `json:"nominal"`
	// Discounted is the present value of Costs at the model's discount
	// rate, rounded half away from zero to the currency's minor unit once.
	Discounted outsourcing.Money `json:"discounted"`
}

// LineProfile is the per-period multipliers of a line's base: the line
// costs Base × Factors[p] in each period p it is charged. A caller who
// changes only the base (a sampled amount or share) scales Factors
// without redoing the layout; Factors cover every period 0..Horizon, also
// outside Start..End, so a caller who moves or stretches the line (a
// longer transition) reads the factor of any period.
type LineProfile struct {
	// Base is the line's Amount (before Probability) for recurring and
	// one-off lines, and the share as a fraction (0.08 for 8 %) for
	// percent lines.
	Base outsourcing.Decimal `json:"base"`
	// Factors[p], p = 0..Horizon, is exact. For recurring and one-off
	// lines it is Probability × the escalation factor of the period's
	// step k = Step(p), Π over steps j = 1..k of 1 + min(index_j, Cap),
	// the last index value repeating (1 without escalation). For percent
	// lines it is the sum of the costs in period p of the lines in Of.
	Factors []outsourcing.Decimal `json:"factors"`
	// Probability is the line's Probability as a fraction (0.02 for 2 %),
	// 1 without one and for percent lines.
	Probability outsourcing.Decimal `json:"probability"`
	// Every is the number of periods per escalation step: the line's
	// Escalation.Every, or its default of one year, which a line without
	// escalation also reports (the step an escalation would take). It is
	// 0 for percent lines, which escalate through the lines they read.
	Every int `json:"every"`
	// Cap is the line's escalation cap; nil without one.
	Cap *outsourcing.Percent `json:"cap,omitempty"`
	// Of, for percent lines, are the IDs of the lines the share is of.
	Of []string `json:"of,omitempty"`
}

// Step returns the escalation step of period p: 0 for periods 0 and
// 1..Every, then one more every Every periods, (p−1)/Every; always 0
// when Every is 0.
func (l LineProfile) Step(p int) int { return escalationStep(p, l.Every) }

// Lines returns the exact cash flow of every line of every option and
// the profile behind it. It never fails on a compiled model. The result
// holds two decimals per line and period (a model at the limits,
// MaxTCOOptions × MaxTCOLines × MaxTCOHorizon, holds 60 million); LinesOf
// gives one option's.
func (t *TCO) Lines() TCOLines {
	df := t.discountFactors(noShift())
	out := TCOLines{Model: t.model.ID, Currency: t.model.Currency, Period: t.model.Period, Horizon: t.model.Horizon}
	for o := range t.options {
		out.Options = append(out.Options, t.optionLines(o, df))
	}
	return out
}

// LinesOf returns the lines of one option, as Lines does.
//
// Errors: an unknown option is a *FieldError at "/option" matching
// ErrNotFound, after the prefix "planning: ".
func (t *TCO) LinesOf(option string) (OptionLines, error) {
	for o, opt := range t.options {
		if opt.id == option {
			return t.optionLines(o, t.discountFactors(noShift())), nil
		}
	}
	return OptionLines{}, wrap(&outsourcing.FieldError{Path: "/option", Reason: fmt.Sprintf("no option %q", text.Truncate(option, maxQuoted)), Err: outsourcing.ErrNotFound})
}

// optionLines lays out the lines of option o with the discount factors df.
func (t *TCO) optionLines(o int, df []decimal.Decimal) OptionLines {
	costs := t.lineCosts(o, noShift())
	opt := t.options[o]
	out := OptionLines{ID: opt.id, Lines: make([]LineCost, len(opt.lines))}
	for i, l := range opt.lines {
		out.Lines[i] = LineCost{ID: l.id, Category: l.category, Basis: l.basis, Start: l.start, End: l.end,
			Profile: t.profile(o, i, costs), Costs: t.moneys(costs[i]), Nominal: t.money(sum(costs[i])),
			Discounted: t.money(presentValue(costs[i], df)).Round(outsourcing.RoundHalfUp)}
	}
	return out
}

// profile returns the profile of line i of option o, whose lines cost
// costs at the model's values.
func (t *TCO) profile(o, i int, costs [][]decimal.Decimal) LineProfile {
	l := t.options[o].lines[i]
	factors := make([]outsourcing.Decimal, t.model.Horizon+1)
	if l.basis == CostBasisPercent {
		p := LineProfile{Base: outsourcing.DecimalOf(l.share).Trim(), Factors: factors, Probability: outsourcing.DecimalFromInt(1)}
		for _, ref := range l.of {
			p.Of = append(p.Of, t.options[o].lines[ref].id)
		}
		for period := range factors {
			f := decimal.Zero
			for _, ref := range l.of {
				f = f.Add(costs[ref][period])
			}
			factors[period] = outsourcing.DecimalOf(f).Trim()
		}
		return p
	}
	line := t.model.Options[o].Lines[i]
	p := LineProfile{Base: line.Amount.Amount(), Factors: factors, Probability: outsourcing.DecimalOf(l.prob).Trim(), Every: l.every}
	if p.Every == 0 {
		p.Every = max(t.perYear, 1)
	}
	if line.Escalation != nil && line.Escalation.Cap != nil {
		c := *line.Escalation.Cap
		p.Cap = &c
	}
	esc := l.escalationFactors(t.model.Horizon, decOne)
	for period := range factors {
		factors[period] = outsourcing.DecimalOf(l.prob.Mul(esc[l.step(period)])).Trim()
	}
	return p
}
