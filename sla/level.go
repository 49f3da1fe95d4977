package sla

import (
	"fmt"
	"math/big"
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
func expectedInForce(l *level, past []LevelReport) outsourcing.Decimal {
	if n := len(past); n > 0 {
		if past[n-1].NextExpected != nil {
			return *past[n-1].NextExpected
		}
		return past[n-1].Expected
	}
	return l.Expected
}

func (a *Agreement) levelReport(l *level, p *prepared, per Period, past []LevelReport,
	fees, atRisk outsourcing.Money) (LevelReport, decimal.Decimal, error) {
	// fees is the level's base: its service's fees when given, else the agreement's.
	m, err := a.measure(l, p, per)
	if err != nil {
		return LevelReport{}, decimal.Zero, err
	}
	expDec := expectedInForce(l, past)
	expected := l.expected
	if !expDec.Equal(outsourcing.DecimalOf(l.Expected.Shopspring())) {
		expected = toRat(expDec.Shopspring()) // raised by continuous improvement
	}
	lr := LevelReport{ID: l.ID, Name: l.Name, Service: l.Service, Metric: l.Metric, Class: l.class,
		Polarity: l.polarity, Expected: expDec, Minimum: l.minDec, Population: m.population, Good: m.good,
		Downtime: Duration(m.downtime), Denominator: Duration(m.denominator)}
	if m.actual != nil {
		v := ratDecimal(m.actual, ActualPlaces)
		lr.Actual = &v
		lr.Exact = m.actual.RatString()
	}
	lr.Status, lr.Reason = attain(l, m.actual, lr.Actual, expected, expDec, m)
	var prev LevelReport
	if len(past) > 0 {
		prev = past[len(past)-1]
	}
	if lr.Status == StatusMinimum || lr.Status == StatusMissed {
		lr.MissedExpectedRun = prev.MissedExpectedRun + 1
	}
	if lr.Status == StatusMissed {
		lr.MissedMinimumRun = prev.MissedMinimumRun + 1
	}
	lr.Bonus = l.class == LevelClassCritical && m.actual != nil && better(l.polarity, m.actual, expected)
	if l.Metric == MetricKindAvailability && l.ErrorRate == nil && m.denominator > 0 {
		lr.ErrorBudget = errorBudget(expected, m)
	}
	improve(l, &lr, m.actual, expected, prev, past)
	lr.Trend = trend(past, per, lr)
	credit, why, err := a.levelCredit(l, m, lr, fees, atRisk)
	lr.CreditReason = why
	return lr, credit, err
}

func errorBudget(expected *big.Rat, m measurement) *ErrorBudget {
	// allowed = denominator × (100 − expected) / 100
	share := new(big.Rat).Sub(ratHundred, expected)
	share.Quo(share, ratHundred)
	allowedRat := new(big.Rat).Mul(share, new(big.Rat).SetInt64(int64(m.denominator)))
	allowed := time.Duration(new(big.Int).Quo(allowedRat.Num(), allowedRat.Denom()).Int64())
	b := &ErrorBudget{Allowed: Duration(allowed), Consumed: Duration(m.downtime), Remaining: Duration(allowed - m.downtime)}
	if allowed > 0 {
		v := ratDecimal(big.NewRat(int64(allowed-m.downtime)*100, int64(allowed)), ActualPlaces)
		b.RemainingPercent = &v
	}
	return b
}

// improve applies continuous improvement: after Periods consecutive
// periods better than the expected level, the level moves Share of the way
// to the mean of those periods' actual values, capped.
func improve(l *level, lr *LevelReport, actual, expected *big.Rat, prev LevelReport, past []LevelReport) {
	imp := l.Improvement
	if actual == nil || !better(l.polarity, actual, expected) {
		return
	}
	lr.BetterThanExpectedRun = prev.BetterThanExpectedRun + 1
	if imp == nil || lr.BetterThanExpectedRun < imp.Periods {
		return
	}
	sum := new(big.Rat).Set(actual)
	for _, x := range past[len(past)-(imp.Periods-1):] {
		sum.Add(sum, toRat(x.Actual.Shopspring()))
	}
	mean := sum.Quo(sum, big.NewRat(int64(imp.Periods), 1))
	raised := new(big.Rat).Sub(mean, expected)
	raised.Mul(raised, toRat(imp.Share.Shopspring())).Add(raised, expected)
	if capRat := toRat(imp.Cap.Shopspring()); better(l.polarity, raised, capRat) {
		raised = capRat
	}
	next := ratDecimal(raised, ActualPlaces)
	lr.NextExpected = &next
	lr.BetterThanExpectedRun = 0
}

func trend(past []LevelReport, per Period, cur LevelReport) []TrendPoint {
	start := max(len(past)-(TrendPeriods-1), 0)
	out := make([]TrendPoint, 0, TrendPeriods)
	for _, x := range past[start:] {
		out = append(out, x.Trend[len(x.Trend)-1])
	}
	return append(out, TrendPoint{Period: per.label, Actual: cur.Actual, Status: cur.Status})
}

// levelCredit returns a level's credit before caps and rounding.
// It also says, in words, how the credit was found.
func (a *Agreement) levelCredit(l *level, m measurement, lr LevelReport, fees, atRisk outsourcing.Money) (decimal.Decimal, string, error) {
	if l.class != LevelClassCritical || l.kind == CreditKindNone {
		return decimal.Zero, "", nil
	}
	if lr.Status == StatusNoData {
		return decimal.Zero, "no data, no credit", nil
	}
	var credit decimal.Decimal
	why := ""
	mode := a.spec.Credits.Rounding // amounts in reasons are shown at the currency's minor unit
	switch l.kind {
	case CreditKindTiers:
		why = "no tier applies"
		for _, t := range l.tiers {
			if (t.from == nil || m.actual.Cmp(t.from) >= 0) && (t.to == nil || m.actual.Cmp(t.to) < 0) {
				credit = t.credit.Of(fees).Amount().Shopspring()
				why = fmt.Sprintf("tier %s: %s of %s", t.label, t.credit, showAmount(fees.Amount().Shopspring(), fees.Currency(), mode))
				break
			}
		}
	case CreditKindAllocation:
		why = "minimum met, no credit"
		if lr.Status == StatusMissed {
			credit = l.Credit.Allocation.Of(atRisk).Amount().Shopspring()
			why = fmt.Sprintf("minimum missed: allocation %s of at-risk %s", l.Credit.Allocation, showAmount(atRisk.Amount().Shopspring(), fees.Currency(), mode))
		}
	case CreditKindRule:
		env := CreditEnv{Actual: outsourcing.DecimalOf(ratDecimal(m.actual, 12).Shopspring()), Expected: outsourcing.DecimalOf(lr.Expected.Shopspring()), Minimum: outsourcing.DecimalOf(lr.Minimum.Shopspring()),
			Status: string(lr.Status), Fees: outsourcing.DecimalOf(fees.Amount().Shopspring()), AtRisk: outsourcing.DecimalOf(atRisk.Amount().Shopspring()), MissedExpectedRun: lr.MissedExpectedRun,
			MissedMinimumRun: lr.MissedMinimumRun}
		v, err := a.credit.Decimal(l.Credit.Rule, env)
		if err != nil {
			return decimal.Zero, "", err
		}
		if v.IsNegative() {
			return decimal.Zero, "", fmt.Errorf("credit rule %q gives a negative credit %s: %w", l.Credit.Rule,
				outsourcing.DecimalOf(v.Shopspring()).String(), outsourcing.ErrInvalidInput)
		}
		credit = v.Shopspring()
		why = fmt.Sprintf("rule %q gives %s", l.Credit.Rule, showAmount(v.Shopspring(), fees.Currency(), mode))
	}
	if rp := a.spec.Credits.Repeat; rp != nil && credit.IsPositive() && lr.MissedExpectedRun >= rp.After {
		credit = credit.Mul(rp.Multiplier.Shopspring())
		why += fmt.Sprintf("; ×%s for missing the expected level %d periods in a row", rp.Multiplier.String(), lr.MissedExpectedRun)
	}
	return credit, why, nil
}

// tierLabel writes a tier's bounds as "[99, 99.99)".
func tierLabel(t tier) string {
	from, to := "-∞", "+∞"
	if t.from != nil {
		from = ratDecimal(t.from, ActualPlaces).String()
	}
	if t.to != nil {
		to = ratDecimal(t.to, ActualPlaces).String()
	}
	return "[" + from + ", " + to + ")"
}

// showAmount writes an amount to pay for a reason: rounded with mode to the
// currency's minor unit ("8400.00 EUR", never "8400.0000 EUR").
func showAmount(v decimal.Decimal, cur outsourcing.Currency, mode outsourcing.RoundingMode) string {
	return outsourcing.DecimalOf(v).Round(cur.MinorUnits(), mode).String() + " " + string(cur)
}
