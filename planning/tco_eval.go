package planning

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// TCOResult is the evaluation of a TCO model. Nominal amounts are exact
// sums of the period costs; discounted amounts (present values at the
// signing date) are rounded half away from zero to the currency's minor
// unit once, at the end.
type TCOResult struct {
	// Model is the model's ID.
	Model string
	// Period and Horizon repeat the model's time axis.
	Period  PeriodUnit
	Horizon int
	// PeriodRate is the discount rate per period, (1+d)^(1/PerYear) − 1,
	// rounded to 16 decimal places.
	PeriodRate Decimal
	// Baseline is the ID of the baseline option.
	Baseline string
	// Options are the results per option, in model order.
	Options []TCOOptionResult
}

// TCOOptionResult is the cost of one option over the horizon.
type TCOOptionResult struct {
	// ID is the option's ID.
	ID string
	// Costs holds the exact total cost of each period, index 0 (signing)
	// to Horizon.
	Costs []Money
	// Categories are the nominal and discounted totals per cost category
	// that has at least one line, in CostCategories order.
	Categories []CategoryCost
	// Nominal is the undiscounted total cost.
	Nominal Money
	// Discounted is the present value of the costs.
	Discounted Money
	// Savings compares the option with the baseline; nil for the baseline.
	Savings *Savings
}

// CategoryCost is the total of one cost category within an option.
type CategoryCost struct {
	Category   CostCategory
	Nominal    Money
	Discounted Money
}

// Savings is an option against the baseline: savings are baseline cost
// minus option cost, so positive savings favour the option and the
// transition costs of a switch show as negative early savings.
type Savings struct {
	// PerPeriod holds the exact savings of each period, 0..Horizon.
	PerPeriod []Money
	// Nominal is the undiscounted total saving.
	Nominal Money
	// NPV is the present value of the savings (rounded to minor units).
	NPV Money
	// IRR is the annual effective internal rate of return of the savings
	// stream, (1+periodic IRR)^PerYear − 1, rounded to 12 decimal places;
	// nil when the savings do not change sign or no rate solves them.
	// Savings that change sign more than once (a transition cost, savings,
	// then exit costs) can have several rates: the one nearest 10 % a
	// year is reported (see IRR).
	IRR *Decimal
	// Payback is the number of periods until cumulative savings first
	// reach zero, interpolated linearly within the period and rounded to
	// 4 places; 0 when they never go below zero; nil when never reached.
	Payback *Decimal
	// DiscountedPayback is Payback on discounted savings.
	DiscountedPayback *Decimal
	// BreakEven is the first period from which cumulative savings stay at
	// or above zero to the end of the horizon, or −1 when they end below.
	BreakEven int
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
	c := t.model.Currency
	res := TCOResult{Model: t.model.ID, Period: t.model.Period, Horizon: t.model.Horizon,
		PeriodRate: TrimDecimal(t.periodRate(s).Round(ResultPlaces)), Baseline: t.options[t.baseline].id}
	base := t.optionCosts(t.baseline, s)
	for o := range t.options {
		lines := t.lineCosts(o, s)
		costs := sumLines(lines, t.model.Horizon)
		r := TCOOptionResult{ID: t.options[o].id, Costs: moneys(costs, c),
			Nominal: Money{sum(costs), c}, Discounted: Money{presentValue(costs, df), c}.Round(RoundHalfUp)}
		for _, cat := range costCategories {
			var in [][]decimal.Decimal
			for i, l := range t.options[o].lines {
				if l.category == cat {
					in = append(in, lines[i])
				}
			}
			if len(in) > 0 {
				cc := sumLines(in, t.model.Horizon)
				r.Categories = append(r.Categories, CategoryCost{Category: cat, Nominal: Money{sum(cc), c},
					Discounted: Money{presentValue(cc, df), c}.Round(RoundHalfUp)})
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
// Errors (*FieldError): an unknown option (ErrNotFound); the baseline
// itself, or a baseline whose discounted cost is zero (ErrInvalidInput).
func (r TCOResult) SavingsPercent(option string) (Percent, error) {
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
		return Percent{}, FieldErrorf("option", "%q is the baseline; compare another option", option)
	case opt == nil || opt.Savings == nil:
		return Percent{}, &FieldError{Path: "option", Reason: fmt.Sprintf("no option %q", option), Err: ErrNotFound}
	case base == nil || base.Discounted.IsZero():
		return Percent{}, FieldErrorf("option", "the baseline's discounted cost is zero")
	}
	return NewPercent(opt.Savings.NPV.Amount().Shift(2).DivRound(base.Discounted.Amount(), SavingsPercentPlaces)), nil
}

func (t *TCO) savings(base, costs, df []decimal.Decimal) *Savings {
	c := t.model.Currency
	sv := make([]decimal.Decimal, len(costs))
	disc := make([]decimal.Decimal, len(costs))
	for p := range costs {
		sv[p] = base[p].Sub(costs[p])
		disc[p] = sv[p].Mul(df[p])
	}
	s := &Savings{PerPeriod: moneys(sv, c), Nominal: Money{sum(sv), c}, NPV: Money{sum(disc), c}.Round(RoundHalfUp),
		Payback: payback(sv), DiscountedPayback: payback(disc), BreakEven: breakEven(sv)}
	if r, err := t.annualIRR(sv); err == nil {
		irr := TrimDecimal(r)
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
	growth := decOne.Add(annualIRRGuess)
	if t.perYear > 1 {
		g, err := powDec(growth, decOne.DivRound(decimal.NewFromInt(int64(t.perYear)), finPlaces))
		if err != nil { // unreachable: 1.1 to a positive power
			return decimal.Decimal{}, err
		}
		growth = g
	}
	r, err := IRR(sv, growth.Sub(decOne))
	if err != nil {
		return decimal.Decimal{}, err
	}
	return powInt(decOne.Add(r), t.perYear).Sub(decOne).Round(12), nil
}

// payback returns the interpolated period at which the running sum of
// flows first reaches zero from below.
func payback(flows []decimal.Decimal) *Decimal {
	cum := decimal.Zero
	for p, f := range flows {
		next := cum.Add(f)
		if !next.IsNegative() {
			if p == 0 || !cum.IsNegative() {
				v := NewDecimal(decimal.NewFromInt(int64(p)))
				return &v
			}
			v := TrimDecimal(decimal.NewFromInt(int64(p - 1)).Add(cum.Neg().DivRound(f, finPlaces)).Round(paybackPlaces))
			return &v
		}
		cum = next
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
	if t.perYear == 1 {
		return g
	}
	e := decOne.DivRound(decimal.NewFromInt(int64(t.perYear)), finPlaces)
	r, err := powDec(g, e)
	if err != nil { // unreachable: g > 0 after validation
		return g
	}
	return r
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

// step returns the escalation step of period p (periods 0 and 1..Every
// are step 0).
func (l tcoLine) step(p int) int {
	if l.every == 0 || p <= 1 {
		return 0
	}
	return (p - 1) / l.every
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

func moneys(v []decimal.Decimal, c Currency) []Money {
	out := make([]Money, len(v))
	for i, x := range v {
		out[i] = Money{amount: x, currency: c}
	}
	return out
}
