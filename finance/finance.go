package finance

import (
	"fmt"
	"math"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"

	"github.com/shopspring/decimal"
)

// ResultPlaces is the number of decimal places (half away from zero) of
// the amounts returned by NPV, XNPV, PMT, PV and FV and of the rate
// returned by MIRR. Every function returns its result without trailing
// fractional zeros (Decimal.Trim), so NPV and IRR print alike.
const ResultPlaces = 16

// finPlaces is the working precision of intermediate decimal arithmetic.
const finPlaces = 40

// daysPerYear is the XNPV/XIRR year: actual days / 365, as in Excel.
const daysPerYear = 365

// ErrNoSignChange is matched (with errors.Is) by the *FieldError that IRR,
// XIRR and MIRR return when the cash flows do not contain at least one
// negative and one positive value, so no rate can make their value zero.
// It also matches ErrInvalidInput.
var ErrNoSignChange = fmt.Errorf("%w: cash flows do not change sign", outsourcing.ErrInvalidInput)

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
		return nil, outsourcing.FieldErrorf("", "unknown payment timing %q", string(t))
	}
	return []byte(t.String()), nil
}

// UnmarshalText accepts "end" or "beginning" and rejects anything else.
func (t *PaymentTiming) UnmarshalText(b []byte) error {
	v := PaymentTiming(b)
	if v == "" || !v.valid() {
		return outsourcing.FieldErrorf("", "unknown payment timing %q (want end or beginning)", text.Truncate(string(b), 40))
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
		return outsourcing.FieldErrorf(path, "%s must be greater than -1", outsourcing.DecimalOf(rate))
	}
	return nil
}

// npv is NPV on shopspring decimals.
func npv(rate decimal.Decimal, values []decimal.Decimal) (decimal.Decimal, error) {
	if err := checkValues(values); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkRate("/rate", rate); err != nil {
		return decimal.Decimal{}, err
	}
	return npvFrom(rate, values, 1).Round(ResultPlaces), nil
}

// npvFrom discounts values[i] by (1+rate)^(i+first), unrounded.
func npvFrom(rate decimal.Decimal, values []decimal.Decimal, first int) decimal.Decimal {
	v := decimal.Zero
	d := decOne.DivRound(decOne.Add(rate), finPlaces)
	f := powInt(d, first, finPlaces)
	for _, x := range values {
		v = v.Add(x.Mul(f))
		f = f.Mul(d).Round(finPlaces)
	}
	return v
}

// powInt returns b^n for n ≥ 0 by repeated squaring, rounded to places.
func powInt(b decimal.Decimal, n int, places int32) decimal.Decimal {
	r := decOne
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			r = r.Mul(b).Round(places)
		}
		b = b.Mul(b).Round(places)
	}
	return r
}

// powDec returns b^e for b > 0 and any decimal e, to places places:
// exact-then-rounded for small integer exponents, through logarithms
// otherwise.
func powDec(b, e decimal.Decimal, places int32) (decimal.Decimal, error) {
	if e.IsInteger() && e.Abs().Cmp(decimal.NewFromInt(1<<20)) <= 0 {
		n := int(e.IntPart())
		if n >= 0 {
			return powInt(b, n, places), nil
		}
		return decOne.DivRound(powInt(b, -n, places), places), nil
	}
	r, err := b.PowWithPrecision(e, places)
	if err != nil {
		return decimal.Decimal{}, outsourcing.FieldErrorf("", "%s^%s: %v", outsourcing.DecimalOf(b), outsourcing.DecimalOf(e), err)
	}
	return r, nil
}

func checkValues(values []decimal.Decimal) error {
	if len(values) == 0 {
		return outsourcing.FieldErrorf("/values", "no cash flows")
	}
	return nil
}

// npvMoney is NPVMoney on shopspring decimals.
func npvMoney(rate decimal.Decimal, flows []outsourcing.Money) (outsourcing.Money, error) {
	amounts, c, err := moneyAmounts(flows)
	if err != nil {
		return outsourcing.Money{}, err
	}
	v, err := npv(rate, amounts)
	if err != nil {
		return outsourcing.Money{}, err
	}
	return outsourcing.NewMoney(outsourcing.DecimalOf(v), c)
}

// moneyAmounts returns the amounts of flows and their common currency.
func moneyAmounts(flows []outsourcing.Money) ([]decimal.Decimal, outsourcing.Currency, error) {
	if len(flows) == 0 {
		return nil, "", outsourcing.FieldErrorf("/values", "no cash flows")
	}
	c := flows[0].Currency()
	out := make([]decimal.Decimal, len(flows))
	for i, m := range flows {
		if m.Currency() != c {
			return nil, "", &outsourcing.FieldError{Path: jsonptr.Join("flows", i),
				Reason: fmt.Sprintf("currency %s differs from %s", m.Currency(), c), Err: outsourcing.ErrCurrencyMismatch}
		}
		out[i] = m.Amount().Shopspring()
	}
	return out, c, nil
}

// xnpv is XNPV on shopspring decimals.
func xnpv(rate decimal.Decimal, values []decimal.Decimal, dates []time.Time) (decimal.Decimal, error) {
	days, err := checkDated(values, dates)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkRate("/rate", rate); err != nil {
		return decimal.Decimal{}, err
	}
	// Multiply by powers of 1/(1+rate) rather than divide by powers of
	// 1+rate: below a rate of 0 those powers are tiny, and 40 places of a
	// tiny number are few significant digits.
	d := decOne.DivRound(decOne.Add(rate), finPlaces)
	v := decimal.Zero
	for i, x := range values {
		if x.IsZero() {
			continue
		}
		e := decimal.NewFromInt(days[i]).DivRound(decDaysRef, finPlaces)
		f, err := powDec(d, e, finPlaces)
		if err != nil {
			return decimal.Decimal{}, err
		}
		v = v.Add(x.Mul(f))
	}
	return v.Round(ResultPlaces), nil
}

// xnpvMoney is XNPVMoney on shopspring decimals.
func xnpvMoney(rate decimal.Decimal, flows []outsourcing.Money, dates []time.Time) (outsourcing.Money, error) {
	amounts, c, err := moneyAmounts(flows)
	if err != nil {
		return outsourcing.Money{}, err
	}
	v, err := xnpv(rate, amounts, dates)
	if err != nil {
		return outsourcing.Money{}, err
	}
	return outsourcing.NewMoney(outsourcing.DecimalOf(v), c)
}

// checkDated validates dated flows and returns each date's whole days
// after dates[0].
func checkDated(values []decimal.Decimal, dates []time.Time) ([]int64, error) {
	if err := checkValues(values); err != nil {
		return nil, err
	}
	if len(dates) != len(values) {
		return nil, outsourcing.FieldErrorf("/dates", "%d dates for %d values", len(dates), len(values))
	}
	first := civilDay(dates[0])
	days := make([]int64, len(dates))
	for i, d := range dates {
		days[i] = civilDay(d) - first
		if days[i] < 0 {
			return nil, outsourcing.FieldErrorf(jsonptr.Join("dates", i), "%s is before the first date %s",
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

// mirr is MIRR on shopspring decimals.
func mirr(values []decimal.Decimal, financeRate, reinvestRate decimal.Decimal) (decimal.Decimal, error) {
	if err := checkSignChange(values); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkRate("/finance_rate", financeRate); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkRate("/reinvest_rate", reinvestRate); err != nil {
		return decimal.Decimal{}, err
	}
	n := len(values)
	neg, pos := decimal.Zero, decimal.Zero
	fd := decOne.DivRound(decOne.Add(financeRate), finPlaces)
	fFactor := decOne                                           // (1+finance)^-i
	rFactor := powInt(decOne.Add(reinvestRate), n-1, finPlaces) // (1+reinvest)^(n-1-i)
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
	g, err := powDec(ratio, e, finPlaces)
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
		return &outsourcing.FieldError{Path: "/values", Reason: "cash flows need at least one negative and one positive value", Err: ErrNoSignChange}
	}
	return nil
}

// negligibleRate is the size of rate·nper below which PMT, PV and FV
// take the rate as 0: the annuity then differs from the zero-rate one by
// a relative 1e-56 or less, far below ResultPlaces.
var negligibleRate = decimal.New(1, -(finPlaces + ResultPlaces))

// maxGrowthDigits bounds the decimal exponent of (1+rate)^nper in PMT, PV
// and FV. Excel answers #NUM! beyond about 1e±308, where its float64
// arithmetic overflows; the bound here is looser, and keeps a huge nper
// from computing a power of a million digits.
const maxGrowthDigits = 1000

// annuity holds (1+r)^n and the payment factor (1+r·type)·((1+r)^n−1)/r
// shared by PMT, PV and FV; for r = 0 the factor is n. It returns the
// places it carried: finPlaces more than the leading fractional zeros of
// rate, so (1+r)^n − 1 keeps finPlaces significant digits however small
// the rate (at 40 places alone, (1+1e-45)^12 − 1 would be 0).
func annuity(rate, nper decimal.Decimal, timing PaymentTiming) (growth, factor decimal.Decimal, places int32, err error) {
	if err := checkRate("/rate", rate); err != nil {
		return growth, factor, 0, err
	}
	if !nper.IsPositive() {
		return growth, factor, 0, outsourcing.FieldErrorf("/nper", "number of periods %s must be positive", outsourcing.DecimalOf(nper))
	}
	if !timing.valid() {
		return growth, factor, 0, outsourcing.FieldErrorf("/type", "unknown payment timing %q", string(timing))
	}
	if rate.Abs().Mul(nper).Cmp(negligibleRate) < 0 {
		return decOne, nper, finPlaces, nil
	}
	base := decOne.Add(rate)
	if lg := nper.InexactFloat64() * math.Log10(base.InexactFloat64()); !(math.Abs(lg) <= maxGrowthDigits) {
		return growth, factor, 0, outsourcing.FieldErrorf("/nper", "(1+rate)^nper = %s^%s is beyond 1e±%d",
			outsourcing.DecimalOf(base), outsourcing.DecimalOf(nper), maxGrowthDigits)
	}
	places = finPlaces + max(0, -(rate.Exponent()+int32(rate.NumDigits())))
	growth, err = powDec(base, nper, places)
	if err != nil {
		return growth, factor, 0, err
	}
	factor = growth.Sub(decOne).DivRound(rate, places)
	if timing == PaymentTimingBeginning {
		factor = factor.Mul(decOne.Add(rate)).Round(places)
	}
	return growth, factor, places, nil
}

// pmt is PMT on shopspring decimals.
func pmt(rate, nper, pv, fv decimal.Decimal, timing PaymentTiming) (decimal.Decimal, error) {
	growth, factor, places, err := annuity(rate, nper, timing)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return pv.Mul(growth).Add(fv).Neg().DivRound(factor, places).Round(ResultPlaces), nil
}

// pv is PV on shopspring decimals. It multiplies by (1/(1+r))^n rather
// than divide by (1+r)^n, which below a rate of 0 is tiny: at 40 places
// 0.5^100 keeps 10 significant digits, and 0.1^100 none.
func pv(rate, nper, pmt, fv decimal.Decimal, timing PaymentTiming) (decimal.Decimal, error) {
	growth, factor, places, err := annuity(rate, nper, timing)
	if err != nil {
		return decimal.Decimal{}, err
	}
	discount := decOne
	if !growth.Equal(decOne) {
		discount, err = powDec(decOne.DivRound(decOne.Add(rate), places), nper, places)
		if err != nil {
			return decimal.Decimal{}, err
		}
	}
	return pmt.Mul(factor).Add(fv).Neg().Mul(discount).Round(ResultPlaces), nil
}

// fv is FV on shopspring decimals.
func fv(rate, nper, pmt, pv decimal.Decimal, timing PaymentTiming) (decimal.Decimal, error) {
	growth, factor, _, err := annuity(rate, nper, timing)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return pv.Mul(growth).Add(pmt.Mul(factor)).Neg().Round(ResultPlaces), nil
}
