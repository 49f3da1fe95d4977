package finance

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Spreadsheet-compatible financial functions for the cost-benefit analysis
// of Handbook §1.2: NPV, XNPV, IRR, XIRR, MIRR, PMT, PV and FV follow the
// semantics of the Excel functions of the same name (sign convention: cash
// paid out is negative, cash received is positive).
//
// Amounts and rates are decimal.Decimal and the present-value arithmetic
// is decimal, carried at finPlaces decimal places; only the root finder of
// IRR and XIRR works in float64. Monetary results are rounded half away
// from zero to ResultPlaces decimal places, far below any currency's minor
// unit, so the caller decides the final rounding (Money.Round).

// ResultPlaces is the number of decimal places (half away from zero) of
// the amounts returned by NPV, XNPV, PMT, PV and FV and of the rate
// returned by MIRR.
const ResultPlaces = 16

// finPlaces is the working precision of intermediate decimal arithmetic.
const finPlaces = 40

// daysPerYear is the XNPV/XIRR year: actual days / 365, as in Excel.
const daysPerYear = 365

// ErrNoSignChange is matched (with errors.Is) by the *FieldError that IRR,
// XIRR and MIRR return when the cash flows do not contain at least one
// negative and one positive value, so no rate can make their value zero.
// It also matches ErrInvalidInput.
var ErrNoSignChange = fmt.Errorf("%w: cash flows do not change sign", ErrInvalidInput)

// PaymentTiming says when the payments of an annuity fall within each
// period: Excel's type argument of PMT, PV and FV. The zero value ("") is
// PaymentTimingEnd.
type PaymentTiming string

const (
	// PaymentTimingEnd puts payments at the end of each period (Excel type 0).
	PaymentTimingEnd PaymentTiming = "end"
	// PaymentTimingBeginning puts payments at the start of each period (Excel type 1).
	PaymentTimingBeginning PaymentTiming = "beginning"
)

// String returns "end" or "beginning"; the zero value reads as "end".
func (t PaymentTiming) String() string {
	if t == "" {
		return string(PaymentTimingEnd)
	}
	return string(t)
}

// MarshalText implements encoding.TextMarshaler.
func (t PaymentTiming) MarshalText() ([]byte, error) {
	if !t.valid() {
		return nil, FieldErrorf("", "unknown payment timing %q", string(t))
	}
	return []byte(t.String()), nil
}

// UnmarshalText accepts "end" or "beginning" and rejects anything else.
func (t *PaymentTiming) UnmarshalText(text []byte) error {
	v := PaymentTiming(text)
	if v == "" || !v.valid() {
		return FieldErrorf("", "unknown payment timing %q (want end or beginning)", truncate(string(text), 40))
	}
	*t = v
	return nil
}

func (t PaymentTiming) valid() bool {
	return t == "" || t == PaymentTimingEnd || t == PaymentTimingBeginning
}

var (
	decOne     = decimal.NewFromInt(1)
	decMinus1  = decimal.NewFromInt(-1)
	decDaysRef = decimal.NewFromInt(daysPerYear)
)

// checkRate rejects a periodic rate of -100 % or less, where the discount
// factor 1/(1+rate) is undefined or negative.
func checkRate(path string, rate decimal.Decimal) error {
	if rate.Cmp(decMinus1) <= 0 {
		return FieldErrorf(path, "%s must be greater than -1", FormatDecimal(rate))
	}
	return nil
}

// NPV returns the net present value of values at the periodic rate, with
// Excel's convention: the first value is discounted by one full period,
// NPV = Σ values[i] / (1+rate)^(i+1). Add a time-0 flow outside the call.
// The result is rounded half away from zero to ResultPlaces places.
//
// Errors (*FieldError, ErrInvalidInput): no values; rate ≤ -1.
func NPV(rate decimal.Decimal, values []decimal.Decimal) (decimal.Decimal, error) {
	if err := checkValues(values); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkRate("rate", rate); err != nil {
		return decimal.Decimal{}, err
	}
	return npvFrom(rate, values, 1).Round(ResultPlaces), nil
}

// npvFrom discounts values[i] by (1+rate)^(i+first), unrounded.
func npvFrom(rate decimal.Decimal, values []decimal.Decimal, first int) decimal.Decimal {
	v := decimal.Zero
	d := decOne.DivRound(decOne.Add(rate), finPlaces)
	f := powInt(d, first)
	for _, x := range values {
		v = v.Add(x.Mul(f))
		f = f.Mul(d).Round(finPlaces)
	}
	return v
}

// powInt returns b^n for n ≥ 0 by repeated squaring, rounded to finPlaces.
func powInt(b decimal.Decimal, n int) decimal.Decimal {
	r := decOne
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			r = r.Mul(b).Round(finPlaces)
		}
		b = b.Mul(b).Round(finPlaces)
	}
	return r
}

// powDec returns b^e for b > 0 and any decimal e, to finPlaces places:
// exact-then-rounded for small integer exponents, through logarithms
// otherwise.
func powDec(b, e decimal.Decimal) (decimal.Decimal, error) {
	if e.IsInteger() && e.Abs().Cmp(decimal.NewFromInt(1<<20)) <= 0 {
		n := int(e.IntPart())
		if n >= 0 {
			return powInt(b, n), nil
		}
		return decOne.DivRound(powInt(b, -n), finPlaces), nil
	}
	r, err := b.PowWithPrecision(e, finPlaces)
	if err != nil {
		return decimal.Decimal{}, FieldErrorf("", "%s^%s: %v", FormatDecimal(b), FormatDecimal(e), err)
	}
	return r, nil
}

func checkValues(values []decimal.Decimal) error {
	if len(values) == 0 {
		return FieldErrorf("values", "no cash flows")
	}
	return nil
}

// NPVMoney is NPV over Money cash flows that share one currency; the
// result is in that currency, unrounded beyond ResultPlaces.
//
// Errors: those of NPV, and ErrCurrencyMismatch (*FieldError) when the
// flows mix currencies.
func NPVMoney(rate decimal.Decimal, flows []Money) (Money, error) {
	amounts, c, err := moneyAmounts(flows)
	if err != nil {
		return Money{}, err
	}
	v, err := NPV(rate, amounts)
	if err != nil {
		return Money{}, err
	}
	return Money{amount: v, currency: c}, nil
}

// moneyAmounts returns the amounts of flows and their common currency.
func moneyAmounts(flows []Money) ([]decimal.Decimal, Currency, error) {
	if len(flows) == 0 {
		return nil, "", FieldErrorf("values", "no cash flows")
	}
	c := flows[0].currency
	out := make([]decimal.Decimal, len(flows))
	for i, m := range flows {
		if m.currency != c {
			return nil, "", &FieldError{Path: fmt.Sprintf("values[%d]", i),
				Reason: fmt.Sprintf("currency %s differs from %s", m.currency, c), Err: ErrCurrencyMismatch}
		}
		out[i] = m.amount
	}
	return out, c, nil
}

// XNPV returns the net present value of cash flows on arbitrary dates:
// XNPV = Σ values[i] / (1+rate)^((dates[i]−dates[0])/365), counting actual
// calendar days (the time of day is ignored, as Excel truncates dates).
// The first listed date is the valuation date; dates may be in any order
// but none may precede the first. The result is rounded half away from
// zero to ResultPlaces places.
//
// Errors (*FieldError, ErrInvalidInput): no values; len(dates) ≠
// len(values); a date before dates[0]; rate ≤ -1.
func XNPV(rate decimal.Decimal, values []decimal.Decimal, dates []time.Time) (decimal.Decimal, error) {
	days, err := checkDated(values, dates)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkRate("rate", rate); err != nil {
		return decimal.Decimal{}, err
	}
	base := decOne.Add(rate)
	v := decimal.Zero
	for i, x := range values {
		if x.IsZero() {
			continue
		}
		e := decimal.NewFromInt(days[i]).DivRound(decDaysRef, finPlaces)
		f, err := powDec(base, e)
		if err != nil {
			return decimal.Decimal{}, err
		}
		if f.IsZero() {
			return decimal.Decimal{}, FieldErrorf("rate", "discount factor overflows")
		}
		v = v.Add(x.DivRound(f, finPlaces))
	}
	return v.Round(ResultPlaces), nil
}

// XNPVMoney is XNPV over Money cash flows that share one currency.
//
// Errors: those of XNPV, and ErrCurrencyMismatch when the flows mix
// currencies.
func XNPVMoney(rate decimal.Decimal, flows []Money, dates []time.Time) (Money, error) {
	amounts, c, err := moneyAmounts(flows)
	if err != nil {
		return Money{}, err
	}
	v, err := XNPV(rate, amounts, dates)
	if err != nil {
		return Money{}, err
	}
	return Money{amount: v, currency: c}, nil
}

// checkDated validates dated flows and returns each date's whole days
// after dates[0].
func checkDated(values []decimal.Decimal, dates []time.Time) ([]int64, error) {
	if err := checkValues(values); err != nil {
		return nil, err
	}
	if len(dates) != len(values) {
		return nil, FieldErrorf("dates", "%d dates for %d values", len(dates), len(values))
	}
	first := civilDay(dates[0])
	days := make([]int64, len(dates))
	for i, d := range dates {
		days[i] = civilDay(d) - first
		if days[i] < 0 {
			return nil, FieldErrorf(fmt.Sprintf("dates[%d]", i), "%s is before the first date %s",
				d.Format(time.DateOnly), dates[0].Format(time.DateOnly))
		}
	}
	return days, nil
}

// civilDay numbers the calendar date of t (in t's own location) as days
// since 1970-01-01, ignoring the time of day.
func civilDay(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// MIRR returns the modified internal rate of return of periodic values:
// negative flows are discounted to time 0 at financeRate, positive flows
// compounded to the last period at reinvestRate, and
// MIRR = (FV(positives) / −PV(negatives))^(1/(n−1)) − 1, n = len(values).
// The result is rounded half away from zero to ResultPlaces places.
//
// Errors (*FieldError): fewer than one negative and one positive value
// (ErrNoSignChange); a rate ≤ -1 (ErrInvalidInput).
func MIRR(values []decimal.Decimal, financeRate, reinvestRate decimal.Decimal) (decimal.Decimal, error) {
	if err := checkSignChange(values); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkRate("finance_rate", financeRate); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkRate("reinvest_rate", reinvestRate); err != nil {
		return decimal.Decimal{}, err
	}
	n := len(values)
	neg, pos := decimal.Zero, decimal.Zero
	fd := decOne.DivRound(decOne.Add(financeRate), finPlaces)
	fFactor := decOne                                // (1+finance)^-i
	rFactor := powInt(decOne.Add(reinvestRate), n-1) // (1+reinvest)^(n-1-i)
	rInv := decOne.DivRound(decOne.Add(reinvestRate), finPlaces)
	for _, v := range values {
		if v.IsNegative() {
			neg = neg.Add(v.Mul(fFactor))
		} else {
			pos = pos.Add(v.Mul(rFactor))
		}
		fFactor = fFactor.Mul(fd).Round(finPlaces)
		rFactor = rFactor.Mul(rInv).Round(finPlaces)
	}
	ratio := pos.DivRound(neg.Neg(), finPlaces)
	e := decOne.DivRound(decimal.NewFromInt(int64(n-1)), finPlaces)
	g, err := powDec(ratio, e)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return g.Sub(decOne).Round(ResultPlaces), nil
}

// checkSignChange requires at least one negative and one positive value.
func checkSignChange(values []decimal.Decimal) error {
	if err := checkValues(values); err != nil {
		return err
	}
	var neg, pos bool
	for _, v := range values {
		neg = neg || v.IsNegative()
		pos = pos || v.IsPositive()
	}
	if !neg || !pos {
		return &FieldError{Path: "values", Reason: "cash flows need at least one negative and one positive value", Err: ErrNoSignChange}
	}
	return nil
}

// annuity holds (1+r)^n and the payment factor (1+r·type)·((1+r)^n−1)/r
// shared by PMT, PV and FV; for r = 0 the factor is n.
func annuity(rate, nper decimal.Decimal, timing PaymentTiming) (growth, factor decimal.Decimal, err error) {
	if err := checkRate("rate", rate); err != nil {
		return growth, factor, err
	}
	if !nper.IsPositive() {
		return growth, factor, FieldErrorf("nper", "number of periods %s must be positive", FormatDecimal(nper))
	}
	if !timing.valid() {
		return growth, factor, FieldErrorf("type", "unknown payment timing %q", string(timing))
	}
	if rate.IsZero() {
		return decOne, nper, nil
	}
	growth, err = powDec(decOne.Add(rate), nper)
	if err != nil {
		return growth, factor, err
	}
	factor = growth.Sub(decOne).DivRound(rate, finPlaces)
	if timing == PaymentTimingBeginning {
		factor = factor.Mul(decOne.Add(rate)).Round(finPlaces)
	}
	return growth, factor, nil
}

// PMT returns the constant payment per period of an annuity with periodic
// rate, nper periods, present value pv and future value fv, solving
// pv·(1+r)^n + pmt·(1+r·type)·((1+r)^n−1)/r + fv = 0 (for r = 0:
// pv + pmt·n + fv = 0). Use rate/12 and years·12 for monthly payments.
// The result is rounded half away from zero to ResultPlaces places.
//
// Errors (*FieldError, ErrInvalidInput): rate ≤ -1; nper ≤ 0; unknown
// timing.
func PMT(rate, nper, pv, fv decimal.Decimal, timing PaymentTiming) (decimal.Decimal, error) {
	growth, factor, err := annuity(rate, nper, timing)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return pv.Mul(growth).Add(fv).Neg().DivRound(factor, finPlaces).Round(ResultPlaces), nil
}

// PV returns the present value of an annuity paying pmt per period for
// nper periods at the periodic rate, with future value fv, from the same
// equation as PMT. The result is rounded half away from zero to
// ResultPlaces places.
//
// Errors: as PMT.
func PV(rate, nper, pmt, fv decimal.Decimal, timing PaymentTiming) (decimal.Decimal, error) {
	growth, factor, err := annuity(rate, nper, timing)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return pmt.Mul(factor).Add(fv).Neg().DivRound(growth, finPlaces).Round(ResultPlaces), nil
}

// FV returns the future value after nper periods of an investment with
// present value pv and payment pmt per period at the periodic rate, from
// the same equation as PMT. The result is rounded half away from zero to
// ResultPlaces places.
//
// Errors: as PMT.
func FV(rate, nper, pmt, pv decimal.Decimal, timing PaymentTiming) (decimal.Decimal, error) {
	growth, factor, err := annuity(rate, nper, timing)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return pv.Mul(growth).Add(pmt.Mul(factor)).Neg().Round(ResultPlaces), nil
}
