package sla

import (
	"cmp"
	"math"
	"math/bits"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/shopspring/decimal"
)

// shareCredits caps the period's credits, rounds the total once and shares
// it out over the levels in proportion to their uncapped credits raw, by
// largest remainder as Money.Allocate does. The credits are summed and
// shared in int64 minor units and fixed-point weights when they fit, in
// decimals otherwise: the same amounts either way.
func (a *Agreement) shareCredits(r *Report, raw []outsourcing.Decimal, fees outsourcing.Money, fx fixed, ar *arena) error {
	terms := a.spec.Credits
	r.Cap = fx.cap
	r.Uncapped, r.Credits = fx.zero, fx.zero
	owed, last := 0, 0
	for i := range r.Levels {
		r.Levels[i].Credit = fx.zero
		if !raw[i].IsZero() {
			owed, last = owed+1, i
		}
	}
	if owed == 0 {
		return nil
	}
	w := ar.am.weights(len(raw))
	key := rounded{}
	key.n, key.exp, key.fixed = fixedPoint(raw, w)
	if !key.fixed {
		key.total = decimal.Zero
		for _, c := range raw {
			key.total = key.total.Add(c.Shopspring())
		}
	}
	if !key.positive() {
		return nil
	}
	if !ar.am.last.held || !ar.am.last.same(key) {
		total := key.sum()
		uncapped, err := outsourcing.NewMoney(outsourcing.DecimalOf(total), fees.Currency())
		if err != nil {
			return err
		}
		capped := total
		if fx.limit != nil {
			capped = decimal.Min(capped, *fx.limit)
		}
		credits, err := outsourcing.NewMoney(outsourcing.DecimalOf(capped), fees.Currency())
		if err != nil {
			return err
		}
		key.held, key.uncapped, key.credits = true, uncapped.Round(terms.Rounding), credits.Round(terms.Rounding)
		ar.am.last = key
	}
	r.Uncapped, r.Credits = ar.am.last.uncapped, ar.am.last.credits
	if m := terms.MinimumPayout; m.IsSet() && !r.Credits.Amount().GreaterThan(m.Amount()) {
		r.Credits, r.BelowMinimum = fx.zero, true
		return nil
	}
	if owed == 1 { // the one level owed a credit takes all of it, as Allocate would give it
		r.Levels[last].Credit, r.Levels[last].CreditShare = r.Credits, outsourcing.DecimalOf(hundred)
		return nil
	}
	if units, ok := minorUnits(r.Credits); ok && key.fixed {
		return shareUnits(r, units, w, key.n, ar)
	}
	parts, err := r.Credits.Allocate(raw...)
	if err != nil {
		return err
	}
	whole := outsourcing.DecimalOf(ar.am.last.sum())
	for i := range r.Levels {
		r.Levels[i].Credit = parts[i]
		if !raw[i].IsZero() {
			share, err := raw[i].Mul(outsourcing.DecimalFromInt(100)).Quo(whole, ActualPlaces, outsourcing.RoundHalfUp)
			if err != nil {
				return err
			}
			r.Levels[i].CreditShare = share.Trim()
		}
	}
	return nil
}

// shareUnits shares units minor units of the period's credits over the
// levels by their weights w (summing to total > 0), as Money.Allocate
// does: ⌊units·w/total⌋ each, then one unit each to the largest
// remainders, the earlier level first among equal ones. Each level's
// share is 100·w/total rounded to ActualPlaces half up. The shares of the
// last units and weights are kept in ar and given again when the next
// period owes the same.
func shareUnits(r *Report, units int64, w []int64, total int64, ar *arena) error {
	last := &ar.am.shared
	cur := r.Credits.Currency()
	if last.w != nil && last.units == units && last.currency == cur && slices.Equal(last.w, w) {
		for i := range r.Levels {
			r.Levels[i].Credit, r.Levels[i].CreditShare = last.credit[i], last.share[i]
		}
		return nil
	}
	places := cur.MinorUnits()
	parts, rems, order := ar.am.parts(len(w))
	left := units
	for i, x := range w {
		hi, lo := bits.Mul64(uint64(units), uint64(x)) // x ≤ total, so the quotient fits
		q, rem := bits.Div64(hi, lo, uint64(total))
		parts[i], rems[i], order[i] = int64(q), rem, i
		left -= int64(q)
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rems[b], rems[a]) })
	for _, i := range order[:left] {
		parts[i]++
	}
	for i, p := range parts {
		m, err := outsourcing.NewMoney(outsourcing.DecimalOf(decimal.New(p, -places)), cur)
		if err != nil {
			return err
		}
		r.Levels[i].Credit = m
		if w[i] != 0 {
			r.Levels[i].CreditShare = percentOf(w[i], total).round(ActualPlaces)
		}
	}
	last.units, last.currency, last.w = units, cur, append(last.w[:0], w...)
	last.credit, last.share = last.credit[:0], last.share[:0]
	for i := range r.Levels {
		last.credit, last.share = append(last.credit, r.Levels[i].Credit), append(last.share, r.Levels[i].CreditShare)
	}
	return nil
}

// sharing is the last credits shareUnits shared: the units, currency and
// weights, and each level's credit and share.
type sharing struct {
	units    int64
	currency outsourcing.Currency
	w        []int64
	credit   []outsourcing.Money
	share    []outsourcing.Decimal
}

// minorUnits returns a non-negative amount in whole minor units of its
// currency, when it has no finer digits and fits in int64.
func minorUnits(m outsourcing.Money) (int64, bool) {
	d := m.Amount().Shopspring()
	shift := int(d.Exponent()) + int(m.Currency().MinorUnits())
	if d.Sign() < 0 || d.NumDigits() > 18 || shift < 0 || shift > 18 {
		return 0, false
	}
	hi, lo := mul128(d.CoefficientInt64(), pow10(shift))
	return int64(lo), fitsInt64(hi, lo)
}

// fixedPoint writes the non-negative decimals vs into w as integers at
// their least exponent (vs[i] = w[i]·10^exp) and returns their sum, when
// every one and the sum fit in int64 (ok).
func fixedPoint(vs []outsourcing.Decimal, w []int64) (sum int64, exp int32, ok bool) {
	exp = math.MaxInt32
	for _, v := range vs {
		d := v.Shopspring()
		if d.Sign() < 0 || d.NumDigits() > 18 {
			return 0, 0, false
		}
		if d.Sign() > 0 {
			exp = min(exp, d.Exponent())
		}
	}
	for i, v := range vs {
		d := v.Shopspring()
		w[i] = 0
		if d.Sign() == 0 {
			continue
		}
		shift := int(d.Exponent() - exp)
		if shift > 18 {
			return 0, 0, false
		}
		hi, lo := mul128(d.CoefficientInt64(), pow10(shift))
		if !fitsInt64(hi, lo) || int64(lo) > math.MaxInt64-sum {
			return 0, 0, false
		}
		w[i] = int64(lo)
		sum += w[i]
	}
	return sum, exp, true
}
