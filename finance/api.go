package finance

import (
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/errs"
	"github.com/shopspring/decimal"
)

// NPVMoney is NPV over Money cash flows that share one currency; the
// result is in that currency, unrounded beyond ResultPlaces.
//
// Errors: those of NPV, and ErrCurrencyMismatch (*FieldError) when the
// flows mix currencies.
func NPVMoney(rate outsourcing.Decimal, flows []outsourcing.Money) (outsourcing.Money, error) {
	m, err := npvMoney(rate.Shopspring(), flows)
	return m, wrap(err)
}

// NPV returns the net present value of values at the periodic rate, with
// Excel's convention: the first value is discounted by one full period,
// NPV = Σ values[i] / (1+rate)^(i+1). Add a time-0 flow outside the call.
// The result is rounded half away from zero to ResultPlaces places.
//
// Errors (*FieldError, ErrInvalidInput): no values; rate ≤ -1.
func NPV(rate outsourcing.Decimal, values []outsourcing.Decimal) (outsourcing.Decimal, error) {
	v, err := npv(rate.Shopspring(), raw(values))
	return outsourcing.DecimalOf(v).Trim(), wrap(err)
}

// XNPVMoney is XNPV over Money cash flows that share one currency.
//
// Errors: those of XNPV, and ErrCurrencyMismatch when the flows mix
// currencies.
func XNPVMoney(rate outsourcing.Decimal, flows []outsourcing.Money, dates []time.Time) (outsourcing.Money, error) {
	m, err := xnpvMoney(rate.Shopspring(), flows, dates)
	return m, wrap(err)
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
func XNPV(rate outsourcing.Decimal, values []outsourcing.Decimal, dates []time.Time) (outsourcing.Decimal, error) {
	v, err := xnpv(rate.Shopspring(), raw(values), dates)
	return outsourcing.DecimalOf(v).Trim(), wrap(err)
}

// MIRR returns the modified internal rate of return of periodic values:
// negative flows are discounted to time 0 at financeRate, positive flows
// compounded to the last period at reinvestRate, and
// MIRR = (FV(positives) / −PV(negatives))^(1/(n−1)) − 1, n = len(values).
// The result is rounded half away from zero to ResultPlaces places.
//
// Errors (*FieldError): fewer than one negative and one positive value
// (ErrNoSignChange); a rate ≤ -1 (ErrInvalidInput).
func MIRR(values []outsourcing.Decimal, financeRate outsourcing.Decimal, reinvestRate outsourcing.Decimal) (outsourcing.Decimal, error) {
	v, err := mirr(raw(values), financeRate.Shopspring(), reinvestRate.Shopspring())
	return outsourcing.DecimalOf(v).Trim(), wrap(err)
}

// PMT returns the constant payment per period of an annuity with periodic
// rate, nper periods, present value pv and future value fv, solving
// pv·(1+r)^n + pmt·(1+r·type)·((1+r)^n−1)/r + fv = 0 (for r = 0:
// pv + pmt·n + fv = 0, also taken when |rate·nper| < 1e-56, where the
// two differ by less than that relative amount). Use rate/12 and years·12
// for monthly payments.
// The result is rounded half away from zero to ResultPlaces places.
//
// Errors (*FieldError, ErrInvalidInput): rate ≤ -1; nper ≤ 0; unknown
// timing; (1+rate)^nper beyond 1e±1000 (Excel's #NUM! starts near
// 1e±308).
func PMT(rate outsourcing.Decimal, nper outsourcing.Decimal, pv outsourcing.Decimal, fv outsourcing.Decimal, timing PaymentTiming) (outsourcing.Decimal, error) {
	v, err := pmt(rate.Shopspring(), nper.Shopspring(), pv.Shopspring(), fv.Shopspring(), timing)
	return outsourcing.DecimalOf(v).Trim(), wrap(err)
}

// PV returns the present value of an annuity paying pmt per period for
// nper periods at the periodic rate, with future value fv, from the same
// equation as PMT. The result is rounded half away from zero to
// ResultPlaces places.
//
// Errors: as PMT.
func PV(rate outsourcing.Decimal, nper outsourcing.Decimal, pmt outsourcing.Decimal, fv outsourcing.Decimal, timing PaymentTiming) (outsourcing.Decimal, error) {
	v, err := pv(rate.Shopspring(), nper.Shopspring(), pmt.Shopspring(), fv.Shopspring(), timing)
	return outsourcing.DecimalOf(v).Trim(), wrap(err)
}

// FV returns the future value after nper periods of an investment with
// present value pv and payment pmt per period at the periodic rate, from
// the same equation as PMT. The result is rounded half away from zero to
// ResultPlaces places.
//
// Errors: as PMT.
func FV(rate outsourcing.Decimal, nper outsourcing.Decimal, pmt outsourcing.Decimal, pv outsourcing.Decimal, timing PaymentTiming) (outsourcing.Decimal, error) {
	v, err := fv(rate.Shopspring(), nper.Shopspring(), pmt.Shopspring(), pv.Shopspring(), timing)
	return outsourcing.DecimalOf(v).Trim(), wrap(err)
}

// IRRMoney is IRR over Money cash flows that share one currency.
//
// Errors: those of IRR, and ErrCurrencyMismatch when the flows mix
// currencies.
func IRRMoney(flows []outsourcing.Money, guess ...outsourcing.Decimal) (outsourcing.Decimal, error) {
	v, err := irrMoney(flows, raw(guess)...)
	return outsourcing.DecimalOf(v).Trim(), wrap(err)
}

// IRR returns the internal rate of return of periodic values: the rate
// r > -1 with Σ values[i]/(1+r)^i = 0, values[0] falling at time 0 (so
// NPV(IRR, values[1:]) + values[0] = 0). Like Excel it starts from guess
// (default 0.1, at most one may be given).
//
// Values that change sign once (zeros ignored) have exactly one such rate.
// IRR finds it by Newton's method on the continuous rate ln(1+r), with a
// bracketing fallback (an outward scan from the guess for a sign change,
// then Newton safeguarded by bisection) when Newton fails.
//
// Values that change sign k > 1 times can have up to k rates (Descartes'
// rule of signs): −1600, 10000, −10000 has 25 % and 400 %. IRR then
// returns the rate nearest the guess, the lower one on a tie, so the guess
// selects the root: 0.1 or 1 give 25 %, 3 gives 400 %. It finds it by
// bisecting the rates outward from the guess, discarding every interval
// where bounds on the present value and its slope rule a root out, so no
// root nearer the guess is skipped, however close two roots lie. A root is
// a rate where the present value changes sign or is zero to within
// rounding; where it only touches zero (a double root) the result is
// accurate to about 1e-7. Only if no such rate exists between about −100 %
// and e^60 is Newton's answer from the guess returned.
//
// The result is rounded to IRRSignificantDigits significant digits, at
// most IRRMaxPlaces decimal places, without trailing fractional zeros.
//
// Errors: *FieldError matching ErrNoSignChange (and ErrInvalidInput) when
// the values lack a negative or a positive flow; *FieldError
// (ErrInvalidInput) for no values or a bad guess; ErrNoConvergence when no
// root is found.
func IRR(values []outsourcing.Decimal, guess ...outsourcing.Decimal) (outsourcing.Decimal, error) {
	v, err := irr(raw(values), raw(guess)...)
	return outsourcing.DecimalOf(v).Trim(), wrap(err)
}

// XIRR returns the internal rate of return of cash flows on arbitrary
// dates: the annual rate r > -1 with Σ values[i]/(1+r)^(d_i/365) = 0,
// d_i the actual days from dates[0] (no date may precede it). Guess,
// search and rounding are as for IRR: the sign changes are counted in date
// order, flows on the same day added together, and when there are several
// the rate nearest the guess is returned.
//
// Errors: those of IRR, ErrNoSignChange also when the flows added up per
// day lack a negative or a positive sum (−1 and +1 on one day, where every
// rate would be a root), and *FieldError (ErrInvalidInput) when
// len(dates) ≠ len(values) or a date precedes dates[0].
func XIRR(values []outsourcing.Decimal, dates []time.Time, guess ...outsourcing.Decimal) (outsourcing.Decimal, error) {
	v, err := xirr(raw(values), dates, raw(guess)...)
	return outsourcing.DecimalOf(v).Trim(), wrap(err)
}

// raw converts decimals for the shopspring arithmetic inside the package.
func raw(ds []outsourcing.Decimal) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ds))
	for i, d := range ds {
		out[i] = d.Shopspring()
	}
	return out
}

// wrap prefixes an error of the package's functions with "finance: ".
func wrap(err error) error { return errs.Prefix("finance", err) }
