package planning

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/finance"
	"github.com/outsourcing-go/outsourcing/internal/text"

	"github.com/shopspring/decimal"
)

// InputDiscountRate is the sensitivity input name of the model's discount
// rate. A line's amount (or a percent line's share) is named
// "<option>/<line>", its escalation index "<option>/<line>/escalation".
const InputDiscountRate = "discount_rate"

const escalationSuffix = "/escalation"

// BreakEvenPlaces is the rounding (half away from zero) of the values
// BreakEven returns.
const BreakEvenPlaces = 6

// Tornado is a one-at-a-time sensitivity analysis of an option's NPV of
// savings against the baseline.
type Tornado struct {
	// Option is the option analysed.
	Option string `json:"option"`
	// Change is the relative change applied to each input, in percent.
	Change outsourcing.Percent `json:"change"`
	// Base is the NPV of savings with every input at its model value.
	Base outsourcing.Money `json:"base"`
	// Bars hold one entry per input, widest swing first (ties by name).
	Bars []TornadoBar `json:"bars"`
}

// TornadoBar is the NPV of savings with one input moved down and up.
type TornadoBar struct {
	// Input names the input (InputDiscountRate, "<option>/<line>" or
	// "<option>/<line>/escalation").
	Input string `json:"input"`
	// Low is the NPV of savings with the input at (1 − Change) times its value.
	Low outsourcing.Money `json:"low"`
	// High is the NPV of savings with the input at (1 + Change) times its value.
	High outsourcing.Money `json:"high"`
	// Swing is |High − Low|.
	Swing outsourcing.Money `json:"swing"`
}

// Tornado moves each input of the comparison of option with the baseline
// down and up by change percent of its value, one at a time: the discount
// rate, every line amount (or percent share) of both options and every
// escalation index, and reports the NPV of savings at both ends. NPVs
// are rounded to the currency's minor unit.
//
// Errors (*FieldError, after the prefix "planning: "): unknown option
// (ErrNotFound, "/option"); the baseline itself ("/option") or a change
// outside (0, 100] ("/change"), or one that moves a negative discount
// rate or escalation index to −100 % or below ("/change")
// (ErrInvalidInput).
func (t *TCO) Tornado(option string, change outsourcing.Percent) (Tornado, error) {
	o, err := t.comparedOption(option)
	if err != nil {
		return Tornado{}, wrap(err)
	}
	if !change.Points().IsPositive() || change.Cmp(hundredPercent) > 0 {
		return Tornado{}, wrap(outsourcing.FieldErrorf("/change", "tornado change %s must be in (0, 100]", change))
	}
	cache := t.newCache(o)
	npv := func(s tcoShift) outsourcing.Money {
		return t.money(t.savingsNPV(o, s, cache)).Round(outsourcing.RoundHalfUp)
	}
	res := Tornado{Option: option, Change: change, Base: npv(noShift())}
	f := change.Fraction().Shopspring()
	down, up := decOne.Sub(f), decOne.Add(f)
	for _, in := range t.inputs(o) {
		if !t.rateAboveMinus100(in, up) {
			return Tornado{}, wrap(outsourcing.FieldErrorf("/change", "moving %q up by %s takes a rate to -100 %% or below",
				text.Truncate(in.name, maxQuoted), change))
		}
		low, high := npv(in.shift(down)), npv(in.shift(up))
		res.Bars = append(res.Bars, TornadoBar{Input: in.name, Low: low, High: high,
			Swing: t.unit.Mul(high.Amount().Sub(low.Amount()).Abs())})
	}
	slices.SortStableFunc(res.Bars, func(a, b TornadoBar) int {
		if n := b.Swing.Amount().Cmp(a.Swing.Amount()); n != 0 {
			return n
		}
		return cmp.Compare(a.Input, b.Input)
	})
	return res, nil
}

// BreakEven returns the value of one input at which the option's NPV of
// savings against the baseline is zero, every other input unchanged, in
// the input's own unit, rounded half away from zero to BreakEvenPlaces
// places:
//
//   - InputDiscountRate: the annual rate in percent (the IRR of the
//     savings, Savings.IRR: of several, the one nearest 10 %);
//   - "<option>/<line>": the line's amount in the model currency (or a
//     percent line's share in percent). NPV is linear in a line's amount,
//     so the value is exact up to rounding;
//   - "<option>/<line>/escalation": the constant escalation per step, in
//     percent, that replaces the line's index (for a one-value index, the
//     break-even value of that value), the line's cap still applying. NPV
//     is monotonic in it; bisection between −99 % and the cap (or
//     MaxBreakEvenEscalation) finds it to better than 1e-9 percent.
//
// Errors (*FieldError at "/option" or "/input", after the prefix
// "planning: "): unknown option or input (ErrNotFound); the baseline, an
// input with no effect on the NPV, or an escalation for which no rate in
// the searched range brings the NPV to zero (ErrInvalidInput); for the
// discount rate, a savings stream with no IRR (the sentinel of
// finance.IRR's error, which is the cause: finance.ErrNoSignChange or
// outsourcing.ErrNoConvergence).
func (t *TCO) BreakEven(option, input string) (outsourcing.Decimal, error) {
	d, err := t.breakEven(option, input)
	if err != nil {
		return outsourcing.Decimal{}, wrap(err)
	}
	return outsourcing.DecimalOf(d), nil
}

func (t *TCO) breakEven(option, input string) (decimal.Decimal, error) {
	o, err := t.comparedOption(option)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if input == InputDiscountRate {
		base, costs := t.optionCosts(t.baseline, noShift()), t.optionCosts(o, noShift())
		sv := make([]decimal.Decimal, len(costs))
		for p := range costs {
			sv[p] = base[p].Sub(costs[p])
		}
		if !slices.ContainsFunc(sv, func(d decimal.Decimal) bool { return !d.IsZero() }) {
			return decimal.Decimal{}, &outsourcing.FieldError{Path: "/input", Err: finance.ErrNoSignChange,
				Reason: "the option costs what the baseline costs in every period: its NPV of savings is zero at every discount rate"}
		}
		r, err := t.annualIRR(sv)
		if err != nil {
			return decimal.Decimal{}, noBreakEvenRate(err)
		}
		return r.Shift(2).Round(BreakEvenPlaces), nil
	}
	in, ok := t.findInput(o, input)
	if !ok {
		return decimal.Decimal{}, &outsourcing.FieldError{Path: "/input", Reason: fmt.Sprintf("no sensitivity input %q", text.Truncate(input, maxQuoted)), Err: outsourcing.ErrNotFound}
	}
	if in.escalation {
		return t.breakEvenEscalation(o, in)
	}
	// NPV(m) = n0 + m·(n1 − n0) for the multiplier m of the input.
	cache := t.newCache(o)
	n0 := t.savingsNPV(o, in.shift(decimal.Zero), cache)
	n1 := t.savingsNPV(o, in.shift(decOne), cache)
	slope := n1.Sub(n0)
	if slope.IsZero() {
		return decimal.Decimal{}, outsourcing.FieldErrorf("/input", "input %q does not change the NPV of savings", in.name)
	}
	m := n0.Neg().DivRound(slope, finPlaces)
	return in.value.Mul(m).Round(BreakEvenPlaces), nil
}

// MaxBreakEvenEscalation is the highest escalation per step, in percent,
// BreakEven searches for an uncapped line.
const MaxBreakEvenEscalation = 1000

// Bounds and resolution of the escalation break-even search, as fractions
// per step.
var (
	escalationSearchLow    = decimal.RequireFromString("-0.99")
	escalationSearchHigh   = decimal.NewFromInt(MaxBreakEvenEscalation).Shift(-2)
	escalationSearchTol    = decimal.New(1, -11)
	escalationSearchPlaces = int32(12) // keeps escalation factors short
	decHalf                = decimal.RequireFromString("0.5")
)

// breakEvenEscalation bisects on a constant escalation rate of the line
// of in until the bracket is narrower than escalationSearchTol.
func (t *TCO) breakEvenEscalation(o int, in tcoInput) (decimal.Decimal, error) {
	line := t.options[in.option].lines[in.line]
	lo, hi := escalationSearchLow, escalationSearchHigh
	if line.capped && line.cap.LessThan(hi) {
		hi = line.cap
	}
	cache := t.newCache(o)
	npv := func(r decimal.Decimal) int {
		s := in.shift(decOne)
		s.constIndex = &r
		return t.savingsNPV(o, s, cache).Sign()
	}
	sLo, sHi := npv(lo), npv(hi)
	switch {
	case sLo == 0:
		return lo.Shift(2).Round(BreakEvenPlaces), nil
	case sHi == 0:
		return hi.Shift(2).Round(BreakEvenPlaces), nil
	case sLo == sHi:
		return decimal.Decimal{}, outsourcing.FieldErrorf("/input", "no escalation of %q between %s %% and %s %% per step brings the NPV of savings to zero",
			in.name, outsourcing.DecimalOf(lo.Shift(2)).Trim(), outsourcing.DecimalOf(hi.Shift(2)).Trim())
	}
	for hi.Sub(lo).GreaterThan(escalationSearchTol) {
		mid := lo.Add(hi).Mul(decHalf).Round(escalationSearchPlaces)
		switch npv(mid) {
		case 0:
			return mid.Shift(2).Round(BreakEvenPlaces), nil
		case sLo:
			lo = mid
		default:
			hi = mid
		}
	}
	return lo.Add(hi).Mul(decHalf).Shift(2).Round(BreakEvenPlaces), nil
}

// comparedOption resolves an option other than the baseline.
func (t *TCO) comparedOption(id string) (int, error) {
	for i, o := range t.options {
		if o.id == id {
			if i == t.baseline {
				return 0, outsourcing.FieldErrorf("/option", "%q is the baseline; compare another option", text.Truncate(id, maxQuoted))
			}
			return i, nil
		}
	}
	return 0, &outsourcing.FieldError{Path: "/option", Reason: fmt.Sprintf("no option %q", text.Truncate(id, maxQuoted)), Err: outsourcing.ErrNotFound}
}

// savingsNPV is the unrounded NPV of baseline cost minus option o's cost
// under shift s, reusing the unshifted costs and discount factors in c for
// whatever the shift does not touch.
func (t *TCO) savingsNPV(o int, s tcoShift, c *tcoCache) decimal.Decimal {
	df, base, costs := c.df, c.base, c.costs
	if !s.rate.Equal(decOne) {
		df = t.discountFactors(s)
	}
	if s.option == t.baseline {
		base = t.optionCosts(t.baseline, s)
	}
	if s.option == o {
		costs = t.optionCosts(o, s)
	}
	return presentValue(base, df).Sub(presentValue(costs, df))
}

// tcoCache holds the unshifted discount factors and the costs of the
// baseline and of one option.
type tcoCache struct {
	df, base, costs []decimal.Decimal
}

func (t *TCO) newCache(o int) *tcoCache {
	s := noShift()
	return &tcoCache{df: t.discountFactors(s), base: t.optionCosts(t.baseline, s), costs: t.optionCosts(o, s)}
}

// tcoInput is one sensitivity input and how to perturb it.
type tcoInput struct {
	name         string
	option, line int
	escalation   bool
	value        decimal.Decimal // the input's model value in its own unit
}

func (in tcoInput) shift(m decimal.Decimal) tcoShift {
	s := noShift()
	switch {
	case in.option < 0:
		s.rate = m
	case in.escalation:
		s.option, s.line, s.index = in.option, in.line, m
	default:
		s.option, s.line, s.amount = in.option, in.line, m
	}
	return s
}

// inputs lists the discount rate, then the baseline's and option o's
// lines and escalations.
func (t *TCO) inputs(o int) []tcoInput {
	ins := []tcoInput{{name: InputDiscountRate, option: -1, line: -1, value: t.model.DiscountRate.Points().Shopspring()}}
	for _, oi := range []int{t.baseline, o} {
		opt := t.model.Options[oi]
		for li, l := range opt.Lines {
			name := opt.ID + "/" + l.ID
			v := decimal.Zero
			switch {
			case l.Amount != nil:
				v = l.Amount.Amount().Shopspring()
			case l.Percent != nil:
				v = l.Percent.Points().Shopspring()
			}
			ins = append(ins, tcoInput{name: name, option: oi, line: li, value: v})
			if l.Escalation != nil {
				ins = append(ins, tcoInput{name: name + escalationSuffix, option: oi, line: li, escalation: true})
			}
		}
	}
	return ins
}

// rateAboveMinus100 reports whether the rates of input in, times m, stay
// above −100 %: a discount rate at or below it has no discount factor
// (1 + rate ≤ 0), an escalation index there turns costs negative.
// Only a negative rate moved up can cross it.
func (t *TCO) rateAboveMinus100(in tcoInput, m decimal.Decimal) bool {
	var rates []decimal.Decimal
	switch {
	case in.option < 0:
		rates = []decimal.Decimal{t.rate}
	case in.escalation:
		rates = t.options[in.option].lines[in.line].index
	}
	for _, r := range rates {
		if r.Mul(m).LessThanOrEqual(decMinus1) {
			return false
		}
	}
	return true
}

func (t *TCO) findInput(o int, name string) (tcoInput, bool) {
	if !strings.Contains(name, "/") {
		return tcoInput{}, false
	}
	for _, in := range t.inputs(o) {
		if in.name == name {
			return in, true
		}
	}
	return tcoInput{}, false
}

// noBreakEvenRate reports a savings stream without an IRR, keeping the
// sentinel of finance.IRR's error and the error itself as the cause.
func noBreakEvenRate(err error) error {
	fe := &outsourcing.FieldError{Path: "/input", Reason: "no discount rate brings the NPV of savings to zero", Cause: err}
	for _, s := range []error{finance.ErrNoSignChange, outsourcing.ErrNoConvergence} {
		if errors.Is(err, s) {
			fe.Err = s
			break
		}
	}
	return fe
}
