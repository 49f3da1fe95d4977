package termination

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
)

// ProRata is the part of a billing period served by a termination's
// effective date, as two year fractions of one day count: Served over
// Whole is the share of the period's fee earned.
type ProRata struct {
	// Convention is the day count.
	Convention DayCount `json:"convention"`
	// Served is DCF(S, E+1): from the period's first day S to the day
	// after the effective date E.
	Served YearFraction `json:"served"`
	// Whole is DCF(S, L+1): the whole period, to the day after its last
	// day L.
	Whole YearFraction `json:"whole"`
}

// ProRata splits the billing period p (Start S to End L, both days of
// the period) at the effective date e, the last day served. The served
// share is
//
//	DCF(S, E+1) / DCF(S, L+1)
//
// where DCF is the convention's year fraction of an ISDA calculation
// period, its first day included and its last excluded (Fraction), and
// E = min(e, L). For 30E/360 (ISDA) each end, E+1 and L+1, is its own
// termination date, so an end on the last day of February stays.
//
// A ratio cancels a fixed denominator: Actual/365 (Fixed) and Actual/360
// both give the actual days served over the actual days of the period,
// and so does Actual/Actual (ISDA) within one calendar year; across a
// 1 January between a common and a leap year it weighs each day by its
// year's length. The 30/360 family counts every month as 30 days, so it
// departs from the actual counts at month ends: served to the 30th of a
// 31-day month is 30 of 30 days under 30/360 Bond Basis and 30/360 US
// (the whole fee), 29 of 30 under 30E/360 and 30E/360 (ISDA) and 30 of
// 31 under the actual counts; from the last day of February, 30/360 US
// and 30E/360 (ISDA) move the first day to the 30th and the others do
// not.
//
// Errors (*outsourcing.FieldError, "termination: " once): an unknown
// convention (at ""), a period ending before it starts (/end), an
// effective date before the period starts (/effective).
func (d DayCount) ProRata(p contract.Period, e contract.Date) (ProRata, error) {
	if p.End.Before(p.Start) {
		return ProRata{}, wrap(outsourcing.FieldErrorf("/end", "the period ends on %s, before it starts on %s", p.End, p.Start))
	}
	if e.Before(p.Start) {
		return ProRata{}, wrap(outsourcing.FieldErrorf("/effective", "the effective date %s is before the period starts on %s", e, p.Start))
	}
	served, next := minDate(e, p.End).AddDays(1), p.End.AddDays(1)
	part, err := d.Fraction(p.Start, served, served)
	if err != nil {
		return ProRata{}, err
	}
	whole, _ := d.Fraction(p.Start, next, next) // the same convention, ordered dates
	return ProRata{Convention: d, Served: part, Whole: whole}, nil
}

// Of returns the served share of amount, amount × Served / Whole rounded
// half up to the currency's minor unit once, on the exact product; the
// whole amount, rounded alike, when Served reaches Whole (30/360 can
// count a period served to its 30th day whole) or the period counts no
// days.
func (r ProRata) Of(amount outsourcing.Money) outsourcing.Money {
	s, w := r.Served, r.Whole
	if w.Numerator == 0 || s.Numerator*w.Denominator >= w.Numerator*s.Denominator {
		return amount.Round(outsourcing.RoundHalfUp)
	}
	return share(amount, s.Numerator*w.Denominator, w.Numerator*s.Denominator)
}
