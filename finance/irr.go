package finance

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"

	"github.com/shopspring/decimal"
)

// IRRSignificantDigits is the number of significant digits (half away
// from zero, and no more than IRRMaxPlaces decimal places) of the rates
// IRR and XIRR return. The solver stops at steps below 1e-14 in ln(1+r);
// what limits the accuracy is float64 evaluation of the present value,
// about 1e-16 × (Σ|flows| / |slope at the root|): every returned digit for
// a well-conditioned stream, about 1e-12 for one with several close roots.
const IRRSignificantDigits = 12

// defaultGuess is Excel's default guess for IRR and XIRR: 10 %.
const defaultGuess = 0.1

const (
	// irrTol is the step size, relative to max(1,|x|) in the continuous
	// rate x = ln(1+r), below which the root finder stops.
	irrTol = 1e-14
	// irrMaxNewton bounds the plain Newton phase before the bracketing
	// fallback takes over.
	irrMaxNewton = 60
	// irrMaxSafe bounds the bracketed phase; bisection alone halves the
	// bracket each step, so this is far more than a float64 needs.
	irrMaxSafe = 400
	// irrScanLimit is the largest |x| = |ln(1+r)| scanned for a bracket:
	// rates from about -100 % to e^60.
	irrScanLimit = 60
)

// irr is IRR on shopspring decimals.
func irr(values []decimal.Decimal, guess ...decimal.Decimal) (decimal.Decimal, error) {
	if err := checkSignChange(values); err != nil {
		return decimal.Decimal{}, err
	}
	times := make([]float64, len(values))
	for i := range times {
		times[i] = float64(i)
	}
	return solveRate("irr", times, values, guess)
}

// xirr is XIRR on shopspring decimals.
func xirr(values []decimal.Decimal, dates []time.Time, guess ...decimal.Decimal) (decimal.Decimal, error) {
	days, err := checkDated(values, dates)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkSignChange(values); err != nil {
		return decimal.Decimal{}, err
	}
	if sharesADay(days) {
		if err := checkSignChange(sameDaySums(values, days)); err != nil {
			return decimal.Decimal{}, err
		}
	}
	times := make([]float64, len(days))
	for i, d := range days {
		times[i] = float64(d) / daysPerYear
	}
	return solveRate("xirr", times, values, guess)
}

// sharesADay reports whether two flows fall on the same day.
func sharesADay(days []int64) bool {
	sorted := slices.Sorted(slices.Values(days))
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			return true
		}
	}
	return false
}

// sameDaySums adds up the values that fall on the same day: flows that
// cancel on one day (−1 and +1 on the valuation date) leave no sign
// change, where every rate would be a root and the guess would come back.
func sameDaySums(values []decimal.Decimal, days []int64) []decimal.Decimal {
	sums := map[int64]decimal.Decimal{}
	for i, v := range values {
		sums[days[i]] = sums[days[i]].Add(v)
	}
	out := make([]decimal.Decimal, 0, len(sums))
	for _, v := range sums {
		out = append(out, v)
	}
	return out
}

// irrMoney is IRRMoney on shopspring decimals.
func irrMoney(flows []outsourcing.Money, guess ...decimal.Decimal) (decimal.Decimal, error) {
	amounts, _, err := moneyAmounts(flows)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return irr(amounts, guess...)
}

// solveRate validates the guess, runs the root finder and rounds.
func solveRate(fn string, times []float64, values []decimal.Decimal, guess []decimal.Decimal) (decimal.Decimal, error) {
	g := defaultGuess
	switch len(guess) {
	case 0:
	case 1:
		if err := checkRate("/guess", guess[0]); err != nil {
			return decimal.Decimal{}, err
		}
		g = guess[0].InexactFloat64()
	default:
		return decimal.Decimal{}, outsourcing.FieldErrorf("/guess", "%s takes at most one guess, got %d", fn, len(guess))
	}
	s := newFlowSeries(times, values)
	x, err := s.solve(math.Log1p(g))
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%s: %w", fn, err)
	}
	return roundSignificant(math.Expm1(x), IRRSignificantDigits), nil
}

// IRRMaxPlaces caps the decimal places of the rates IRR and XIRR return:
// near a rate of 0 the solver's tolerance is absolute, so further places
// would be rounding noise (a root at 0 comes out as 0, not 3E-15).
const IRRMaxPlaces = 14

// roundSignificant converts f to a decimal with sig significant digits,
// at most IRRMaxPlaces of them after the decimal point, without trailing
// fractional zeros (a rate of 25 % is 0.25).
func roundSignificant(f float64, sig int32) decimal.Decimal {
	if f == 0 {
		return decimal.Zero
	}
	d := decimal.NewFromFloat(f)
	mag := int32(math.Floor(math.Log10(math.Abs(f))))
	return outsourcing.DecimalOf(d.Round(min(sig-1-mag, IRRMaxPlaces))).Trim().Shopspring()
}

// flowSeries is a cash-flow stream as float64 for the root finder: flows
// c[i] at times t[i] (periods or years), scaled so max |c| = 1.
type flowSeries struct {
	t, c []float64
}

func newFlowSeries(times []float64, values []decimal.Decimal) flowSeries {
	c := make([]float64, len(values))
	if !toFloats(c, values, 0) {
		// Flows beyond float64's range (1e-400 or 1e400) would become 0 or
		// ±Inf, and a stream with a plain rate (−1e400, 2e400: 100 %)
		// would report no root: shift the decimal point (exact) so the
		// largest flow has one integer digit, then convert.
		exp, found := int32(0), false
		for _, v := range values {
			if e := v.Exponent() + int32(v.NumDigits()) - 1; !v.IsZero() && (!found || e > exp) {
				exp, found = e, true
			}
		}
		toFloats(c, values, exp)
	}
	peak := 0.0
	for _, x := range c {
		peak = math.Max(peak, math.Abs(x))
	}
	for i := range c {
		c[i] /= peak
	}
	return flowSeries{t: times, c: c}
}

// toFloats writes values × 10^−exp into c as float64 and reports whether
// every one kept its magnitude and precision: finite, and a normal float
// (not 0 or subnormal) where the value is not zero.
func toFloats(c []float64, values []decimal.Decimal, exp int32) bool {
	ok := true
	for i, v := range values {
		if exp != 0 {
			v = v.Shift(-exp)
		}
		c[i] = v.InexactFloat64()
		ok = ok && !math.IsInf(c[i], 0) && (math.Abs(c[i]) >= 0x1p-1022 || v.IsZero())
	}
	return ok
}

// eval returns f(x) = Σ c_i e^(−t_i x), its derivative, and the sum of the
// magnitudes of the terms (to judge how close to zero f is).
func (s flowSeries) eval(x float64) (f, df, mag float64) {
	for i, c := range s.c {
		if c == 0 {
			continue
		}
		term := c * math.Exp(-s.t[i]*x)
		f += term
		df -= s.t[i] * term
		mag += math.Abs(term)
	}
	return f, df, mag
}

func finite(fs ...float64) bool {
	for _, f := range fs {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return false
		}
	}
	return true
}

// solve finds a root x of f from the guess x0: the only one when the
// flows change sign once, found by Newton's method with a bracketing
// fallback; the nearest one where f changes sign (see nearestRoot) when
// they change sign more often, and Newton's answer only if there is none.
func (s flowSeries) solve(x0 float64) (float64, error) {
	x0 = math.Max(-irrScanLimit, math.Min(irrScanLimit, x0))
	if signChanges(s.t, s.c) > 1 {
		if x, found, err := s.nearestRoot(x0); found || err != nil {
			return x, err
		}
	}
	if x, ok := s.newton(x0); ok {
		return x, nil
	}
	a, b, ok := s.bracket(x0)
	if !ok {
		return 0, fmt.Errorf("%w: no rate between -100%% and e^%d found a sign change of the present value near the guess", outsourcing.ErrNoConvergence, irrScanLimit)
	}
	return s.safeNewton(a, b)
}

// newton runs plain Newton's method; ok is false when it leaves the
// finite range, stalls or does not settle within irrMaxNewton steps.
func (s flowSeries) newton(x float64) (float64, bool) {
	for range irrMaxNewton {
		f, df, mag := s.eval(x)
		if !finite(f, df) || df == 0 {
			return 0, false
		}
		next := x - f/df
		if !finite(next) || math.Abs(next) > irrScanLimit {
			return 0, false
		}
		if math.Abs(next-x) <= irrTol*math.Max(1, math.Abs(next)) {
			f2, _, mag2 := s.eval(next)
			if finite(f2) && math.Abs(f2) <= 1e-9*math.Max(mag, mag2) {
				return next, true
			}
			return 0, false
		}
		x = next
	}
	return 0, false
}

// bracket scans outward from x0 in growing steps, alternately up and
// down, for two neighbouring points where f changes sign.
func (s flowSeries) bracket(x0 float64) (float64, float64, bool) {
	f0, _, _ := s.eval(x0)
	if f0 == 0 {
		return x0, x0, true
	}
	upX, upF := x0, f0
	downX, downF := x0, f0
	for step := 0.005; step < 2*irrScanLimit; step *= 1.3 {
		for _, side := range [...]float64{1, -1} {
			x := x0 + side*step
			if math.Abs(x) > irrScanLimit {
				continue
			}
			f, _, _ := s.eval(x)
			if !finite(f) {
				continue
			}
			prevX, prevF := &upX, &upF
			if side < 0 {
				prevX, prevF = &downX, &downF
			}
			if finite(*prevF) && (f == 0 || math.Signbit(f) != math.Signbit(*prevF)) {
				return math.Min(x, *prevX), math.Max(x, *prevX), true
			}
			*prevX, *prevF = x, f
		}
	}
	return 0, 0, false
}

// safeNewton finds the root in [a, b], where f changes sign, by Newton
// steps that fall back to bisection whenever a step would leave the
// bracket or not shrink it fast enough.
func (s flowSeries) safeNewton(a, b float64) (float64, error) {
	if a == b {
		return a, nil
	}
	fa, _, _ := s.eval(a)
	x := (a + b) / 2
	dxOld := b - a
	dx := dxOld
	for range irrMaxSafe {
		f, df, _ := s.eval(x)
		if f == 0 {
			return x, nil
		}
		if math.Signbit(f) == math.Signbit(fa) {
			a, fa = x, f
		} else {
			b = x
		}
		newtonX := x - f/df
		if df == 0 || !finite(newtonX) || newtonX <= math.Min(a, b) || newtonX >= math.Max(a, b) ||
			math.Abs(2*f) > math.Abs(dxOld*df) {
			dxOld, dx = dx, (b-a)/2
			x = a + dx
		} else {
			dxOld, dx = dx, newtonX-x
			x = newtonX
		}
		if math.Abs(dx) <= irrTol*math.Max(1, math.Abs(x)) || math.Abs(b-a) <= irrTol*math.Max(1, math.Abs(x)) {
			return x, nil
		}
	}
	return 0, fmt.Errorf("%w: bracketed search did not settle after %d steps", outsourcing.ErrNoConvergence, irrMaxSafe)
}
