package finance

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/outsourcing-go/outsourcing"
)

// The nearest-root search IRR and XIRR use for cash flows that change
// sign more than once, where the rate equation can have several roots.
//
// f(x) = Σ c_i·e^(−t_i·x), x = ln(1+r), splits into p(x) − n(x), the sums
// of the positive and of the negative terms as magnitudes, and its
// derivative into −p'(x) + n'(x) likewise. Every t_i is ≥ 0, so p, n,
// p' and n' never increase with x, and on an interval [a, b] their values
// at the ends bound them: f lies within [p(b) − n(a), p(a) − n(b)] and f'
// within [n'(b) − p'(a), n'(a) − p'(b)]. An interval where f cannot be 0
// holds no root; one where f' cannot be 0 holds at most one, found by
// safeguarded Newton if f changes sign across it; any other is halved,
// the half nearer the guess first. So the search finds the root nearest
// the guess in a few dozen steps per root, skipping none however close
// two roots lie, down to the solver's tolerance.

// irrMaxIntervals bounds the intervals one nearest-root search examines,
// so a pathological stream cannot keep IRR busy without end.
const irrMaxIntervals = 20_000

// roundingAllowance is the rounding error of a sum of terms, relative
// to the sum of their magnitudes: two float64 epsilons per term (one for
// the exponential, one for the addition).
func (s flowSeries) roundingAllowance() float64 {
	return 2 * float64(len(s.c)+1) * 0x1p-52
}

// signChanges counts the sign changes of the flows in time order, flows
// at the same time added together and zero sums skipped. By Descartes'
// rule of signs, which holds for sums of exponentials as it does for
// polynomials, f has at most that many roots.
func signChanges(t, c []float64) int {
	nth := func(i int) int { return i } // flows in time order
	if !slices.IsSorted(t) {
		order := make([]int, len(c))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(t[a], t[b]) })
		nth = func(i int) int { return order[i] }
	}
	changes, last := 0, 0.0
	for i := 0; i < len(c); {
		at, sum := t[nth(i)], 0.0
		for ; i < len(c) && t[nth(i)] == at; i++ {
			sum += c[nth(i)]
		}
		if sum == 0 {
			continue
		}
		if last != 0 && math.Signbit(sum) != math.Signbit(last) {
			changes++
		}
		last = sum
	}
	return changes
}

// split holds p, n, p' and n' at one point.
type split struct{ p, n, dp, dn float64 }

func (v split) f() float64 { return v.p - v.n }

func (v split) finite() bool { return finite(v.p, v.n, v.dp, v.dn) }

// split evaluates p, n, p' and n' at x; they overflow to +Inf far below 0.
func (s flowSeries) split(x float64) split {
	var v split
	for i, c := range s.c {
		if c == 0 {
			continue
		}
		if term := c * math.Exp(-s.t[i]*x); term > 0 {
			v.p += term
			v.dp += s.t[i] * term
		} else {
			v.n -= term
			v.dn -= s.t[i] * term
		}
	}
	return v
}

// rootSearch finds the lowest (or the highest) root of f in an interval.
type rootSearch struct {
	s       flowSeries
	highest bool
	slack   float64 // s.roundingAllowance()
	visits  int
}

// find returns the root in [a, b] nearest a (nearest b when highest),
// given f's parts at both ends; found is false when there is none. A
// root is a point where f changes sign, or a stretch where f is zero to
// within rounding (where it touches zero without crossing).
func (r *rootSearch) find(a, b float64, va, vb split) (x float64, found bool, err error) {
	r.visits++
	if r.visits > irrMaxIntervals {
		return 0, false, fmt.Errorf("%w: the search for the root nearest the guess examined %d intervals", outsourcing.ErrNoConvergence, irrMaxIntervals)
	}
	if !vb.finite() { // p and n only grow leftwards: f overflows on all of [a, b]
		return 0, false, nil
	}
	m := a + (b-a)/2
	vm := r.s.split(m)
	if va.finite() {
		fa, fb := va.f(), vb.f()
		slack := r.slack * (va.p + va.n)
		if vb.p-va.n > slack || va.p-vb.n < -slack {
			return 0, false, nil
		}
		dLow, dHigh := vb.dn-va.dp, va.dn-vb.dp
		dSlack := r.slack * (va.dp + va.dn)
		if dLow > dSlack || dHigh < -dSlack { // f is monotonic on [a, b]
			switch {
			case fa == 0:
				return a, true, nil
			case fb == 0:
				return b, true, nil
			case math.Signbit(fa) == math.Signbit(fb):
				return 0, false, nil
			}
			x, err := r.s.safeNewton(a, b)
			return x, err == nil, err
		}
		// Mean value form: f(x) = f(m) + f'(ξ)(x − m), |x − m| ≤ (b − a)/2.
		spread := math.Max(math.Abs(dLow), math.Abs(dHigh)) * (b - a) / 2
		fm := vm.f()
		switch {
		case fm-spread > slack || fm+spread < -slack:
			return 0, false, nil
		case math.Abs(fm)+spread <= slack:
			return m, true, nil
		}
	}
	if b-a <= irrTol*math.Max(1, math.Max(math.Abs(a), math.Abs(b))) {
		if fa, fb := va.f(), vb.f(); va.finite() && (fa == 0 || fb == 0 || math.Signbit(fa) != math.Signbit(fb)) {
			return m, true, nil
		}
		return 0, false, nil
	}
	if r.highest {
		if x, found, err = r.find(m, b, vm, vb); found || err != nil {
			return x, found, err
		}
		return r.find(a, m, va, vm)
	}
	if x, found, err = r.find(a, m, va, vm); found || err != nil {
		return x, found, err
	}
	return r.find(m, b, vm, vb)
}

// nearestRoot returns the root x of f (see find), with |x| ≤
// irrScanLimit, whose rate e^x − 1 is nearest the guess e^x0 − 1, the
// lower rate on a tie; found is false when there is none.
func (s flowSeries) nearestRoot(x0 float64) (x float64, found bool, err error) {
	guess := math.Expm1(x0)
	v0 := s.split(x0)
	up := &rootSearch{s: s, slack: s.roundingAllowance()}
	above, foundAbove, err := up.find(x0, irrScanLimit, v0, s.split(irrScanLimit))
	if err != nil {
		return 0, false, err
	}
	// A root below the guess only wins if it is at least as near.
	low := float64(-irrScanLimit)
	if foundAbove {
		if bound := 2*guess - math.Expm1(above); bound > -1 {
			low = math.Max(low, math.Log1p(bound))
		}
	}
	if low >= x0 {
		return above, foundAbove, nil
	}
	down := &rootSearch{s: s, highest: true, slack: up.slack}
	below, foundBelow, err := down.find(low, x0, s.split(low), v0)
	switch {
	case err != nil:
		return 0, false, err
	case foundBelow && (!foundAbove || guess-math.Expm1(below) <= math.Expm1(above)-guess):
		return below, true, nil
	}
	return above, foundAbove, nil
}
