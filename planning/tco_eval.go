package planning

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/finance"
	"github.com/outsourcing-go/outsourcing/internal/text"

	"github.com/shopspring/decimal"
)

// TCOResult is the evaluation of a TCO model. Nominal amounts are exact
// sums of the period costs; discounted amounts (present values at the
// signing date) are rounded half away from zero to the currency's minor
// unit once, at the end.
type TCOResult struct {
	// Model is the model's ID.
	Model string `json:"model"`
	// Period and Horizon repeat the model's time axis.
	Period  PeriodUnit `json:"period"`
	Horizon int        `json:"horizon"`
	// PeriodRate is the discount rate per period, (1+d)^(1/PerYear) − 1,
	// rounded to finance.ResultPlaces (16) decimal places.
	PeriodRate outsourcing.Decimal `json:"period_rate"`
	// Baseline is the ID of the baseline option.
	Baseline string `json:"baseline"`
	// Options are the results per option, in model order.
	Options []TCOOptionResult `json:"options"`
}

// TCOOptionResult is the cost of one option over the horizon.
type TCOOptionResult struct {
	// ID is the option's ID.
	ID string `json:"id"`
	// Costs holds the exact total cost of each period, index 0 (signing)
	// to Horizon.
	Costs []outsourcing.Money `json:"costs"`
	// Categories are the nominal and discounted totals per cost category
	// that has at least one line, in CostCategories order.
	Categories []CategoryCost `json:"categories"`
	// Nominal is the undiscounted total cost.
	Nominal outsourcing.Money `json:"nominal"`
	// Discounted is the present value of the costs.
	Discounted outsourcing.Money `json:"discounted"`
	// Savings compares the option with the baseline; nil for the baseline.
	Savings *Savings `json:"savings,omitempty"`
}

// CategoryCost is the total of one cost category within an option.
type CategoryCost struct {
	// Category is the cost category.
	Category CostCategory `json:"category"`
	// Nominal is the undiscounted total of the category's lines.
	Nominal outsourcing.Money `json:"nominal"`
	// Discounted is their present value, rounded to the minor unit.
	Discounted outsourcing.Money `json:"discounted"`
}

// Savings is an option against the baseline: savings are baseline cost
// minus option cost, so positive savings favour the option and the
// transition costs of a switch show as negative early savings.
type Savings struct {
	// PerPeriod holds the exact savings of each period, 0..Horizon.
	PerPeriod []outsourcing.Money `json:"per_period"`
	// Nominal is the undiscounted total saving.
	Nominal outsourcing.Money `json:"nominal"`
	// NPV is the present value of the savings (rounded to minor units).
	NPV outsourcing.Money `json:"npv"`
	// IRR is the annual effective internal rate of return of the savings
	// stream, (1+periodic IRR)^PerYear − 1, rounded to 12 decimal places;
	// nil when the savings do not change sign or no rate solves them.
	// Savings that change sign more than once (a transition cost, savings,
	// then exit costs) can have several rates: the one nearest 10 % a
	// year is reported (see finance.IRR).
	IRR *outsourcing.Decimal `json:"irr"`
	// Payback is the number of periods until cumulative savings first
	// reach zero, interpolated linearly within the period and rounded to
	// 4 places; 0 when they never go below zero; nil when never reached.
	Payback *outsourcing.Decimal `json:"payback"`
	// DiscountedPayback is Payback on discounted savings.
	DiscountedPayback *outsourcing.Decimal `json:"discounted_payback"`
	// BreakEven is the first period from which cumulative savings stay at
	// or above zero to the end of the horizon, or −1 when they end below.
	BreakEven int `json:"break_even"`
}

// paybackPlaces is the rounding (half away from zero) of payback periods.
const paybackPlaces = 4

// tcoShift perturbs one input of a model for sensitivity analysis: the
// amount and escalation index of one line are multiplied, and so is the
// discount rate. The zero shift (option −1) changes nothing.
type tcoShift struct {
	option, line  int
	amount, index decimal.Decimal
	rate          decimal.Decimal
	// constIndex, when set, replaces the shifted line's escalation index
	// by this constant change per step (a fraction).
	constIndex *decimal.Decimal
}

func noShift() tcoShift {
	return tcoShift{option: -1, line: -1, amount: decOne, index: decOne, rate: decOne}
}

// Evaluate computes every option's cost per period and totals and, for
// each option other than the baseline, its savings, NPV, IRR, paybacks and
// break-even period. It never fails on a compiled model.
func (t *TCO) Evaluate() TCOResult {
	s := noShift()
	df := t.discountFactors(s)
	res := TCOResult{Model: t.model.ID, Period: t.model.Period, Horizon: t.model.Horizon,
		PeriodRate: outsourcing.DecimalOf(t.periodRate(s).Round(finance.ResultPlaces)).Trim(), Baseline: t.options[t.baseline].id}
	base := t.optionCosts(t.baseline, s)
	for o := range t.options {
		lines := t.lineCosts(o, s)
		costs := sumLines(lines, t.model.Horizon)
		r := TCOOptionResult{ID: t.options[o].id, Costs: t.moneys(costs),
			Nominal: t.money(sum(costs)), Discounted: t.money(presentValue(costs, df)).Round(outsourcing.RoundHalfUp)}
		for _, cat := range costCategories {
			var in [][]decimal.Decimal
			for i, l := range t.options[o].lines {
				if l.category == cat {
					in = append(in, lines[i])
				}
			}
			if len(in) > 0 {
				cc := sumLines(in, t.model.Horizon)
				r.Categories = append(r.Categories, CategoryCost{Category: cat, Nominal: t.money(sum(cc)),
					Discounted: t.money(presentValue(cc, df)).Round(outsourcing.RoundHalfUp)})
			}
		}
		if o != t.baseline {
			r.Savings = t.savings(base, costs, df)
		}
		res.Options = append(res.Options, r)
	}
	return res
}

// SavingsPercentPlaces is the rounding (half away from zero) of
// TCOResult.SavingsPercent.
const SavingsPercentPlaces = 2

// SavingsPercent returns the NPV of the option's savings in percent of the
// baseline's discounted cost: the expected savings a sourcing-model
// recommendation takes (SourcingInputs.ExpectedSavings), rounded to
// SavingsPercentPlaces places.
//
// Errors (*FieldError at "/option", after the prefix "planning: "): an
// unknown option (ErrNotFound); the baseline itself, or a baseline whose
// discounted cost is zero (ErrInvalidInput).
func (r TCOResult) SavingsPercent(option string) (outsourcing.Percent, error) {
	p, err := r.savingsPercent(option)
	return p, wrap(err)
}

func (r TCOResult) savingsPercent(option string) (outsourcing.Percent, error) {
	var base, opt *TCOOptionResult
	for i := range r.Options {
		switch r.Options[i].ID {
		case r.Baseline:
			base = &r.Options[i]
		case option:
			opt = &r.Options[i]
		}
	}
	switch {
	case option == r.Baseline:
		return outsourcing.Percent{}, outsourcing.FieldErrorf("/option", "%q is the baseline; compare another option", text.Truncate(option, maxQuoted))
	case opt == nil || opt.Savings == nil:
		return outsourcing.Percent{}, &outsourcing.FieldError{Path: "/option", Reason: fmt.Sprintf("no option %q", text.Truncate(option, maxQuoted)), Err: outsourcing.ErrNotFound}
	case base == nil || base.Discounted.Amount().IsZero():
		return outsourcing.Percent{}, outsourcing.FieldErrorf("/option", "the baseline's discounted cost is zero")
	}
	points, err := opt.Savings.NPV.Amount().Mul(outsourcing.DecimalFromInt(100)).Quo(base.Discounted.Amount(), SavingsPercentPlaces, outsourcing.RoundHalfUp)
	return outsourcing.NewPercent(points), err
}

func (t *TCO) savings(base, costs, df []decimal.Decimal) *Savings {
	sv := make([]decimal.Decimal, len(costs))
	disc := make([]decimal.Decimal, len(costs))
	for p := range costs {
		sv[p] = base[p].Sub(costs[p])
		disc[p] = sv[p].Mul(df[p])
	}
	s := &Savings{PerPeriod: t.moneys(sv), Nominal: t.money(sum(sv)), NPV: t.money(sum(disc)).Round(outsourcing.RoundHalfUp),
		Payback: payback(sv), DiscountedPayback: payback(disc), BreakEven: breakEven(sv)}
	if r, err := t.annualIRR(sv); err == nil {
		irr := outsourcing.DecimalOf(r).Trim()
		s.IRR = &irr
	}
	return s
}

// annualIRRGuess is the annual rate the IRR of a savings stream starts
// from: Excel's 10 %, whatever the period, so that among several rates
// the one nearest 10 % a year is reported.
var annualIRRGuess = decimal.RequireFromString("0.1")

// annualIRR is the annual effective IRR of a per-period savings stream,
// (1+IRR)^PerYear − 1, rounded to 12 decimal places; the per-period IRR
// starts from the per-period equivalent of annualIRRGuess.
func (t *TCO) annualIRR(sv []decimal.Decimal) (decimal.Decimal, error) {
	growth, err := t.perYearRoot(decOne.Add(annualIRRGuess))
	if err != nil { // unreachable: 1.1 to a positive power
		return decimal.Decimal{}, err
	}
	r, err := finance.IRR(decimals(sv), outsourcing.DecimalOf(growth.Sub(decOne)))
	if err != nil {
		return decimal.Decimal{}, err
	}
	annual, err := decOne.Add(r.Shopspring()).PowInt32(int32(t.perYear))
	if err != nil { // unreachable: a periodic IRR is above −1
		return decimal.Decimal{}, err
	}
	return annual.Sub(decOne).Round(12), nil
}

// payback returns the interpolated period at which the running sum of
// flows first reaches zero from below: 0 when it never goes below zero.
// A zero sum before the first negative one (no flows at signing) is not
// a payback, so the search starts once the sum has gone below zero.
func payback(flows []decimal.Decimal) *outsourcing.Decimal {
	cum, below := decimal.Zero, false
	for p, f := range flows {
		next := cum.Add(f)
		switch {
		case next.IsNegative():
			below = true
		case below: // cum < 0 ≤ next, so f > 0
			v := outsourcing.DecimalOf(decimal.NewFromInt(int64(p - 1)).Add(cum.Neg().DivRound(f, finPlaces)).Round(paybackPlaces)).Trim()
			return &v
		}
		cum = next
	}
	if !below {
		v := outsourcing.DecimalFromInt(0)
		return &v
	}
	return nil
}

// breakEven returns the first period after the last one whose running sum
// is negative, or −1 when the final sum is negative.
func breakEven(flows []decimal.Decimal) int {
	cum := decimal.Zero
	last := -1
	for p, f := range flows {
		cum = cum.Add(f)
		if cum.IsNegative() {
			last = p
		}
	}
	if last == len(flows)-1 {
		return -1
	}
	return last + 1
}

// periodRate is the discount rate per period for the shift.
func (t *TCO) periodRate(s tcoShift) decimal.Decimal {
	return t.perPeriodGrowth(s).Sub(decOne)
}

// perPeriodGrowth is (1+d)^(1/PerYear) at finPlaces.
func (t *TCO) perPeriodGrowth(s tcoShift) decimal.Decimal {
	g := decOne.Add(t.rate.Mul(s.rate))
	r, err := t.perYearRoot(g)
	if err != nil { // unreachable: g > 0 after validation
		return g
	}
	return r
}

// perYearRoot is g^(1/PerYear) at finPlaces, for g > 0.
func (t *TCO) perYearRoot(g decimal.Decimal) (decimal.Decimal, error) {
	if t.perYear == 1 {
		return g, nil
	}
	return g.PowWithPrecision(decOne.DivRound(decimal.NewFromInt(int64(t.perYear)), finPlaces), finPlaces)
}

// discountFactors returns (1+d)^(−p/PerYear) for p = 0..Horizon.
func (t *TCO) discountFactors(s tcoShift) []decimal.Decimal {
	d := decOne.DivRound(t.perPeriodGrowth(s), finPlaces)
	df := make([]decimal.Decimal, t.model.Horizon+1)
	df[0] = decOne
	for p := 1; p < len(df); p++ {
		df[p] = df[p-1].Mul(d).Round(finPlaces)
	}
	return df
}

// optionCosts returns the total cost per period of option o.
func (t *TCO) optionCosts(o int, s tcoShift) []decimal.Decimal {
	return sumLines(t.lineCosts(o, s), t.model.Horizon)
}

// lineCosts returns the exact cost per period 0..Horizon of each line.
func (t *TCO) lineCosts(o int, s tcoShift) [][]decimal.Decimal {
	h := t.model.Horizon
	lines := t.options[o].lines
	out := make([][]decimal.Decimal, len(lines))
	for i, l := range lines {
		if l.basis == CostBasisPercent {
			continue
		}
		amount, indexMul := l.amount, decOne
		if s.option == o && s.line == i {
			amount, indexMul = amount.Mul(s.amount), s.index
			if s.constIndex != nil {
				l.index = []decimal.Decimal{*s.constIndex}
			}
		}
		factors := l.escalationFactors(h, indexMul)
		costs := zeros(h + 1)
		for p := l.start; p <= l.end; p++ {
			costs[p] = amount.Mul(factors[l.step(p)])
		}
		out[i] = costs
	}
	for i, l := range lines {
		if l.basis != CostBasisPercent {
			continue
		}
		share := l.share
		if s.option == o && s.line == i {
			share = share.Mul(s.amount)
		}
		costs := zeros(h + 1)
		for _, ref := range l.of {
			for p := l.start; p <= l.end; p++ {
				costs[p] = costs[p].Add(out[ref][p].Mul(share))
			}
		}
		out[i] = costs
	}
	return out
}

// step returns the escalation step of period p (see escalationStep).
func (l tcoLine) step(p int) int { return escalationStep(p, l.every) }

// escalationStep returns the escalation step of period p for a step
// every `every` periods from period 1: periods 0 and 1..every are step
// 0, then (p−1)/every; always 0 when every is 0 (no escalation).
func escalationStep(p, every int) int {
	if every == 0 || p <= 1 {
		return 0
	}
	return (p - 1) / every
}

// escalationFactors returns the cumulative multiplier of each step up to
// the horizon, with the index scaled by indexMul.
func (l tcoLine) escalationFactors(horizon int, indexMul decimal.Decimal) []decimal.Decimal {
	steps := l.step(horizon) + 1
	f := make([]decimal.Decimal, steps)
	f[0] = decOne
	for k := 1; k < steps; k++ {
		rise := l.index[min(k-1, len(l.index)-1)].Mul(indexMul)
		if l.capped && rise.GreaterThan(l.cap) {
			rise = l.cap
		}
		f[k] = f[k-1].Mul(decOne.Add(rise))
	}
	return f
}

func zeros(n int) []decimal.Decimal {
	z := make([]decimal.Decimal, n)
	for i := range z {
		z[i] = decimal.Zero
	}
	return z
}

func sumLines(lines [][]decimal.Decimal, horizon int) []decimal.Decimal {
	total := zeros(horizon + 1)
	for _, l := range lines {
		for p, v := range l {
			total[p] = total[p].Add(v)
		}
	}
	return total
}

func sum(v []decimal.Decimal) decimal.Decimal {
	s := decimal.Zero
	for _, x := range v {
		s = s.Add(x)
	}
	return s
}

// presentValue returns Σ flows[p]·df[p], unrounded.
func presentValue(flows, df []decimal.Decimal) decimal.Decimal {
	s := decimal.Zero
	for p, x := range flows {
		if !x.IsZero() {
			s = s.Add(x.Mul(df[p]))
		}
	}
	return s
}

// money returns d in the model's currency.
func (t *TCO) money(d decimal.Decimal) outsourcing.Money {
	return t.unit.Mul(outsourcing.DecimalOf(d))
}

func (t *TCO) moneys(v []decimal.Decimal) []outsourcing.Money {
	out := make([]outsourcing.Money, len(v))
	for i, x := range v {
		out[i] = t.money(x)
	}
	return out
}

// decimals converts the package's working decimals for package finance.
func decimals(v []decimal.Decimal) []outsourcing.Decimal {
	out := make([]outsourcing.Decimal, len(v))
	for i, x := range v {
		out[i] = outsourcing.DecimalOf(x)
	}
	return out
}
