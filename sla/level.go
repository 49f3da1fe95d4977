package sla

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/shopspring/decimal"
)

// ErrorBudget is an availability level's error budget for the period:
// the downtime the expected level allows, (100 − expected)% of the
// denominator, and what is left of it.
type ErrorBudget struct {
	// Allowed downtime, rounded down to the nanosecond.
	Allowed Duration `json:"allowed"`
	// Consumed downtime.
	Consumed Duration `json:"consumed"`
	// Remaining is Allowed − Consumed; negative once the budget is blown.
	Remaining Duration `json:"remaining"`
	// RemainingPercent is Remaining / Allowed × 100, rounded to
	// ActualPlaces; nil when nothing is allowed.
	RemainingPercent *outsourcing.Decimal `json:"remaining_percent,omitempty"`
}

// expectedInForce returns the expected level after continuous improvement.
func expectedInForce(l *level, past []*LevelReport) outsourcing.Decimal {
	if n := len(past); n > 0 {
		if past[n-1].NextExpected != nil {
			return *past[n-1].NextExpected
		}
		return past[n-1].Expected
	}
	return l.Expected
}

// levelReport measures level l over per into lr and returns its credit
// before caps and rounding. fees is the level's base: its service's fees
// when given, else the agreement's. Values and text go to ar.
func (a *Agreement) levelReport(l *level, p *prepared, per Period, past []*LevelReport,
	fees outsourcing.Money, fx *fixed, lr *LevelReport, ar *arena) (decimal.Decimal, error) {
	m, err := a.measure(l, p, per)
	if err != nil {
		return decimal.Zero, err
	}
	expDec := expectedInForce(l, past)
	expected := l.expected
	if !expDec.Equal(l.Expected) {
		expected = fracOfDecimal(expDec.Shopspring()) // raised by continuous improvement
	}
	*lr = LevelReport{ID: l.ID, Name: l.Name, Service: l.Service, Metric: l.Metric, Class: l.class,
		Polarity: l.polarity, Expected: expDec, Minimum: l.minDec, Population: m.population, Good: m.good,
		Downtime: Duration(m.downtime), Denominator: Duration(m.denominator),
		text: levelText{told: m.detail, note: m.note, outages: int32(m.outages), open: int32(m.open), unanswered: int32(m.unanswerd)}}
	if m.has {
		lr.Actual = ar.decimal(m.actual.round(ActualPlaces))
		if m.detail == detailNote {
			lr.text.exact = string(m.actual.appendExact(nil))
		}
	}
	lr.Status = attain(l, &m, expected)
	var prev *LevelReport
	if len(past) > 0 {
		prev = past[len(past)-1]
	}
	if lr.Status == StatusMinimum || lr.Status == StatusMissed {
		lr.MissedExpectedRun = 1
		if prev != nil {
			lr.MissedExpectedRun += prev.MissedExpectedRun
		}
	}
	if lr.Status == StatusMissed {
		lr.MissedMinimumRun = 1
		if prev != nil {
			lr.MissedMinimumRun += prev.MissedMinimumRun
		}
	}
	lr.Bonus = l.class == LevelClassCritical && m.has && better(l.polarity, m.actual, expected)
	if l.Metric == MetricKindAvailability && l.ErrorRate == nil && m.denominator > 0 {
		lr.ErrorBudget = errorBudget(expected, m, ar)
	}
	improve(l, lr, &m, expected, prev, past)
	lr.Trend = trend(&ar.lines[l.index], per, lr)
	return a.levelCredit(l, &m, lr, past, fees, fx, ar)
}

// attain decides a level's status on the exact value.
func attain(l *level, m *measurement, expected frac) Status {
	switch {
	case !m.has:
		return StatusNoData
	case !better(l.polarity, expected, m.actual):
		return StatusMet
	case !better(l.polarity, l.minimum, m.actual):
		return StatusMinimum
	}
	return StatusMissed
}

// errorBudget is the downtime the expected level allows,
// ⌊denominator × (100 − expected) / 100⌋, against the downtime consumed.
func errorBudget(expected frac, m measurement, ar *arena) *ErrorBudget {
	allowed := time.Duration(allowedDowntime(expected, int64(m.denominator)))
	b := ErrorBudget{Allowed: Duration(allowed), Consumed: Duration(m.downtime), Remaining: Duration(allowed - m.downtime)}
	if allowed > 0 {
		b.RemainingPercent = ar.decimal(percentOf(int64(allowed-m.downtime), int64(allowed)).round(ActualPlaces))
	}
	return ar.budget(b)
}

// allowedDowntime returns ⌊denominator × (100 − expected) / 100⌋ for an
// expected level in [0, 100].
func allowedDowntime(expected frac, denominator int64) int64 {
	if expected.r == nil && expected.d <= math.MaxInt64/100 {
		scale := 100 * expected.d // (100 − n/d)/100 = (100d − n)/(100d)
		hi, lo := bits.Mul64(uint64(denominator), uint64(scale-expected.n))
		if hi < uint64(scale) {
			q, _ := bits.Div64(hi, lo, uint64(scale))
			return int64(q)
		}
	}
	share := new(big.Rat).Sub(ratHundred, expected.rat())
	share.Quo(share, ratHundred)
	share.Mul(share, new(big.Rat).SetInt64(denominator))
	return new(big.Int).Quo(share.Num(), share.Denom()).Int64()
}

// improve applies continuous improvement: after Periods consecutive
// periods better than the expected level, the level moves Share of the way
// to the mean of those periods' actual values, by at most GapShare of the
// gap to 100, capped.
func improve(l *level, lr *LevelReport, m *measurement, expected frac, prev *LevelReport, past []*LevelReport) {
	imp := l.Improvement
	if !m.has || !better(l.polarity, m.actual, expected) {
		return
	}
	lr.BetterThanExpectedRun = 1
	if prev != nil {
		lr.BetterThanExpectedRun += prev.BetterThanExpectedRun
	}
	if imp == nil || lr.BetterThanExpectedRun < imp.Periods {
		return
	}
	sum := m.actual.rat()
	for _, x := range past[len(past)-(imp.Periods-1):] {
		sum.Add(sum, toRat(x.Actual.Shopspring()))
	}
	mean := sum.Quo(sum, big.NewRat(int64(imp.Periods), 1))
	raised := new(big.Rat).Sub(mean, expected.rat())
	raised.Mul(raised, toRat(imp.Share.Shopspring())).Add(raised, expected.rat())
	if !imp.GapShare.IsZero() { // at most GapShare × (100 − expected) above expected
		limit := new(big.Rat).Sub(ratHundred, expected.rat())
		limit.Mul(limit, toRat(imp.GapShare.Shopspring())).Add(limit, expected.rat())
		if raised.Cmp(limit) > 0 {
			raised = limit
		}
	}
	if capRat := toRat(imp.Cap.Shopspring()); better(l.polarity, frac{r: raised}, frac{r: capRat}) {
		raised = capRat
	}
	next := ratDecimal(raised, ActualPlaces)
	lr.NextExpected = &next
	lr.BetterThanExpectedRun = 0
}

// trend appends cur's point to line, the level's points so far (oldest
// first), and returns the last TrendPeriods of them, which share line's
// storage.
func trend(line *[]TrendPoint, per Period, cur *LevelReport) []TrendPoint {
	*line = append(*line, TrendPoint{Period: per.label, Actual: cur.Actual, Status: cur.Status})
	n := len(*line)
	return (*line)[max(n-TrendPeriods, 0):n:n]
}

// levelCredit returns a level's credit before caps and rounding, and
// keeps in lr.text what CreditReason says of how it was found.
func (a *Agreement) levelCredit(l *level, m *measurement, lr *LevelReport, past []*LevelReport, fees outsourcing.Money, fx *fixed, ar *arena) (decimal.Decimal, error) {
	if l.class != LevelClassCritical || l.kind == CreditKindNone {
		return decimal.Zero, nil
	}
	if lr.Status == StatusNoData {
		lr.text.credit = "no data, no credit"
		return decimal.Zero, nil
	}
	var credit decimal.Decimal
	var cached *cachedCredit // the tier's or allocation's credit, when one applies
	switch l.kind {
	case CreditKindTiers:
		t := l.tierFor(m.actual)
		if t < 0 {
			lr.text.credit = "no tier applies"
			break
		}
		cached = a.cachedCredit(l, t, fees, fx, ar)
		credit, lr.text.credit = cached.amount, cached.why
		lr.Tier, lr.CreditPercent = l.tiers[t].label, l.tiers[t].credit
	case CreditKindAllocation:
		n, w, byDefault := expectedDefault(l.Credit.ExpectedDefault, past, lr)
		if lr.Status != StatusMissed && !byDefault {
			lr.text.credit = "minimum met, no credit"
			break
		}
		cached = a.cachedCredit(l, 0, fees, fx, ar)
		credit, lr.text.credit = cached.amount, cached.why
		if lr.Status != StatusMissed { // an expected-level default: CreditReason says so instead
			lr.text.missed, lr.text.window = int32(n), int32(w)
		}
		lr.CreditPercent = l.Credit.Allocation
		if l.service >= 0 {
			lr.ServiceAllocation = a.spec.Credits.Services[l.service].Allocation
		}
	case CreditKindRule:
		env := CreditEnv{Actual: m.actual.round(12), Expected: lr.Expected, Minimum: lr.Minimum,
			Status: string(lr.Status), Fees: fees.Amount(), AtRisk: fx.atRisk.Amount(), MissedExpectedRun: lr.MissedExpectedRun,
			MissedMinimumRun: lr.MissedMinimumRun}
		v, err := a.credit.Decimal(l.Credit.Rule, env)
		if err != nil {
			return decimal.Zero, err
		}
		if v.IsNegative() {
			return decimal.Zero, fmt.Errorf("credit rule %q gives a negative credit %s: %w", l.Credit.Rule,
				v.String(), outsourcing.ErrInvalidInput)
		}
		credit = v.Shopspring()
		lr.text.credit = fmt.Sprintf("rule %q gives %s", l.Credit.Rule, showAmount(credit, fees.Currency(), a.spec.Credits.Rounding))
	}
	if rp := a.spec.Credits.Repeat; rp != nil && credit.IsPositive() && lr.MissedExpectedRun >= rp.After {
		if cached != nil {
			credit = cached.repeated(rp.Multiplier)
		} else {
			credit = credit.Mul(rp.Multiplier.Shopspring())
		}
		lr.Multiplier = rp.Multiplier // CreditReason says so
	}
	return credit, nil
}

// cachedCredit returns the credit amount of tier k of a tier level (k = 0
// for an allocation level) and its reason, computed on first use in an
// Evaluate call: it depends only on the level's fees and the at-risk
// amount, which are the same in every period. Amounts in reasons are
// shown at the currency's minor unit.
func (a *Agreement) cachedCredit(l *level, k int, fees outsourcing.Money, fx *fixed, ar *arena) *cachedCredit {
	if ar.am.credits == nil {
		ar.am.credits = make([][]cachedCredit, len(a.levels))
	}
	if ar.am.credits[l.index] == nil {
		ar.am.credits[l.index] = make([]cachedCredit, max(len(l.tiers), 1))
	}
	c := &ar.am.credits[l.index][k]
	if c.done {
		return c
	}
	c.done = true
	mode := a.spec.Credits.Rounding
	if l.kind == CreditKindAllocation && l.service >= 0 {
		s := a.spec.Credits.Services[l.service]
		c.amount = fx.nested[l.index]
		c.why = fmt.Sprintf(minimumMissed+"allocation %s of service %q's %s, which is %s of at-risk %s", l.Credit.Allocation,
			s.Service, showAmount(fx.shares[l.service].Amount().Shopspring(), fees.Currency(), mode), s.Allocation,
			showAmount(fx.shown.Amount().Shopspring(), fees.Currency(), mode))
		return c
	}
	if l.kind == CreditKindAllocation {
		atRisk := fx.atRisk
		c.amount = l.Credit.Allocation.Of(atRisk).Amount().Shopspring()
		c.why = fmt.Sprintf(minimumMissed+"allocation %s of at-risk %s", l.Credit.Allocation,
			showAmount(atRisk.Amount().Shopspring(), fees.Currency(), mode))
		return c
	}
	t := l.tiers[k]
	c.amount = t.credit.Of(fees).Amount().Shopspring()
	c.why = fmt.Sprintf("tier %s: %s of %s", t.label, t.credit, showAmount(fees.Amount().Shopspring(), fees.Currency(), mode))
	return c
}

// tierFor returns the index in l.tiers of the tier holding v, or -1.
func (l *level) tierFor(v frac) int {
	for i, t := range l.tiers {
		if (t.from == nil || v.cmp(*t.from) >= 0) && (t.to == nil || v.cmp(*t.to) < 0) {
			return i
		}
	}
	return -1
}

// tierLabel writes a tier's bounds as "[99, 99.99)".
func tierLabel(t tier) string {
	from, to := "-∞", "+∞"
	if t.from != nil {
		from = t.from.round(ActualPlaces).String()
	}
	if t.to != nil {
		to = t.to.round(ActualPlaces).String()
	}
	return "[" + from + ", " + to + ")"
}

// showAmount writes an amount to pay for a reason: rounded with mode to the
// currency's minor unit ("8400.00 EUR", never "8400.0000 EUR").
func showAmount(v decimal.Decimal, cur outsourcing.Currency, mode outsourcing.RoundingMode) string {
	return outsourcing.DecimalOf(v).Round(cur.MinorUnits(), mode).String() + " " + string(cur)
}

// minimumMissed opens the reason of an allocation credit.
const minimumMissed = "minimum missed: "

// expectedDefault reports whether the level, at its minimum this period
// (status minimum), has missed its expected level in d.Count of the last
// d.Window periods, this one included: the periods counted and read.
func expectedDefault(d *ExpectedDefault, past []*LevelReport, cur *LevelReport) (n, window int, ok bool) {
	if d == nil || cur.Status != StatusMinimum {
		return 0, 0, false
	}
	window = d.window()
	n = 1
	for _, x := range past[max(len(past)-(window-1), 0):] {
		if x.Status == StatusMinimum || x.Status == StatusMissed {
			n++
		}
	}
	return n, window, n >= d.Count
}
