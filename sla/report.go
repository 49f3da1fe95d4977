package sla

import (
	"fmt"
	"math/big"

	"github.com/outsourcing-go/outsourcing"
	"github.com/shopspring/decimal"
)

// ActualPlaces is the number of decimal places reported actual values are
// rounded to (half away from zero) for display. Statuses, tiers and credits
// are decided on the exact value, never on the rounded one.
const ActualPlaces = 6

// TrendPeriods is how many periods, the current one included, a level's
// trend shows.
const TrendPeriods = 6

// Report is one period's attainment and credits (Handbook §4.3 performance
// report; §3.1 remedies and penalties; §6.4 incentives).
type Report struct {
	// Agreement is the agreement's id.
	Agreement string `json:"agreement"`
	// Period reported.
	Period Period `json:"period"`
	// Levels, in the agreement's order.
	Levels []LevelReport `json:"levels"`
	// Fees are the period's fees.
	Fees outsourcing.Money `json:"fees"`
	// AtRisk is the at-risk amount (at-risk % × fees), rounded.
	AtRisk outsourcing.Money `json:"at_risk"`
	// Uncapped is the sum of the levels' credits before caps, rounded.
	Uncapped outsourcing.Money `json:"uncapped"`
	// Cap is the cap that applied: the smaller of the at-risk amount and
	// the cap % of fees; nil when the agreement has neither. Reports of
	// the same fees may point to the same value: read it, do not write
	// through it.
	Cap *outsourcing.Money `json:"cap,omitempty"`
	// Credits is the total credit owed for the period after caps, rounded
	// once to the currency's minor unit; the levels' credits share it out
	// exactly (largest remainder).
	Credits outsourcing.Money `json:"credits"`
	// EarnedBack is the credit of earlier periods waived in this one.
	EarnedBack outsourcing.Money `json:"earned_back"`
	// Bonus is the incentive earned by the provider, rounded once.
	Bonus outsourcing.Money `json:"bonus"`
	// Net is Credits − EarnedBack − Bonus: positive means the provider
	// owes the customer.
	Net outsourcing.Money `json:"net"`
	// Rounding is the mode amounts were rounded with.
	Rounding outsourcing.RoundingMode `json:"rounding"`
	// BelowMinimum is true when the period's credits did not exceed the
	// agreement's minimum payout and were therefore not paid (Credits and
	// the levels' credits are zero; Uncapped still shows what was earned).
	BelowMinimum bool `json:"below_minimum,omitempty"`
	// AtCap is true when the period's credits reached the cap on credits
	// (Credits equals Cap and is positive): BreachCountAtCap counts it.
	AtCap bool `json:"at_cap,omitempty"`
	// Signals are the breach rules' counts, rule by rule (level by level
	// within a rule), as of this period.
	Signals []Signal `json:"signals,omitempty"`
}

// LevelReport is one level's attainment in a period. Its words — Reason,
// CreditReason and Exact — are methods, written when read from the
// figures the report holds; its JSON form carries them as "reason",
// "credit_reason" and "exact", and a report read back from JSON keeps the
// words it was read with.
type LevelReport struct {
	// ID, Name, Service, Metric and Class repeat the level's definition.
	ID      string     `json:"id"`
	Name    string     `json:"name,omitempty"`
	Service string     `json:"service,omitempty"`
	Metric  MetricKind `json:"metric"`
	Class   LevelClass `json:"class"`
	// Polarity says whether higher or lower values are better.
	Polarity Polarity `json:"polarity"`
	// Expected is the expected level in force (raised by continuous
	// improvement).
	Expected outsourcing.Decimal `json:"expected"`
	// Minimum is the minimum level.
	Minimum outsourcing.Decimal `json:"minimum"`
	// Actual is the measured value rounded to ActualPlaces; nil with no
	// data. The JSON form follows it with "exact" (Exact).
	Actual *outsourcing.Decimal `json:"actual,omitempty"`
	// Status is the attainment. The JSON form follows it with "reason"
	// (Reason).
	Status Status `json:"status"`
	// Population is the number of tickets, samples or intervals measured;
	// Good how many of them were within target.
	Population int `json:"population,omitempty"`
	Good       int `json:"good,omitempty"`
	// Downtime and Denominator are the availability figures.
	Downtime    Duration `json:"downtime,omitempty"`
	Denominator Duration `json:"denominator,omitempty"`
	// Credit is the level's share of the period's credits.
	Credit outsourcing.Money `json:"credit"`
	// CreditBeforeCap is the level's credit before the period's cap and
	// rounding, the multiplier applied (exact); absent for levels without
	// a credit model.
	CreditBeforeCap outsourcing.Money `json:"credit_before_cap,omitzero"`
	// Tier is the tier of the level's table that applied, as its bounds
	// ("[95, 99)"); absent when none did.
	Tier string `json:"tier,omitempty"`
	// CreditPercent is the percent that applied: the tier's credit percent
	// of the fees, or the allocation percent of the at-risk amount (of
	// the service's share of it, with nested allocations).
	CreditPercent outsourcing.Percent `json:"credit_percent,omitzero"`
	// ServiceAllocation is the service's percent of the at-risk amount
	// that applied, with nested allocations (CreditTerms.Services).
	ServiceAllocation outsourcing.Percent `json:"service_allocation,omitzero"`
	// Multiplier is the repeated-miss multiplier applied to the credit.
	Multiplier outsourcing.Decimal `json:"multiplier,omitzero"`
	// CreditShare is the level's share of the period's credits after the
	// cap, in percent: its credit before the cap over all levels' credits
	// before the cap, rounded to ActualPlaces; absent when nothing is owed.
	// The JSON form follows it with "credit_reason" (CreditReason).
	CreditShare outsourcing.Decimal `json:"credit_share,omitzero"`
	// EarnedBack is the earlier credit of this level waived this period.
	EarnedBack outsourcing.Money `json:"earned_back"`
	// Bonus reports whether the level earned the bonus.
	Bonus bool `json:"bonus,omitempty"`
	// MissedExpectedRun counts the periods in a row, this one included,
	// that missed the expected level (status minimum or missed).
	MissedExpectedRun int `json:"missed_expected_run"`
	// MissedMinimumRun counts the periods in a row, this one included,
	// that missed the minimum level (status missed).
	MissedMinimumRun int `json:"missed_minimum_run"`
	// BetterThanExpectedRun counts the periods in a row better than the
	// expected level since the last continuous-improvement raise.
	BetterThanExpectedRun int `json:"better_than_expected_run"`
	// NextExpected is the raised expected level in force from the next
	// period, when continuous improvement applies.
	NextExpected *outsourcing.Decimal `json:"next_expected,omitempty"`
	// Trend holds the last TrendPeriods periods, oldest first. The level's
	// reports of one call share their points: read them, do not write to
	// them.
	Trend []TrendPoint `json:"trend"`
	// ErrorBudget is the error budget of an outage-based availability level.
	ErrorBudget *ErrorBudget `json:"error_budget,omitempty"`

	text levelText // what Reason, CreditReason and Exact write
}

// TrendPoint is a level's value in an earlier period.
type TrendPoint struct {
	// Period label.
	Period string `json:"period"`
	// Actual rounded to ActualPlaces; nil with no data.
	Actual *outsourcing.Decimal `json:"actual,omitempty"`
	// Status of the period.
	Status Status `json:"status"`
}

// Signal is a breach rule's count in a period: the periods it counted,
// as evidence, and whether they reach the threshold.
type Signal struct {
	// Rule is the breach rule's id.
	Rule string `json:"rule"`
	// Level is the level counted; "" for an agreement-wide count (at_cap).
	Level string `json:"level,omitempty"`
	// Count, Threshold, Window and Consecutive repeat the rule.
	Count       BreachCount `json:"count"`
	Threshold   int         `json:"threshold"`
	Window      int         `json:"window,omitempty"`
	Consecutive bool        `json:"consecutive,omitempty"`
	// Read is how many periods the count read, this one included: the
	// window's length, or fewer while the agreement's history is shorter
	// (a consecutive count reads back to the first period not counted).
	Read int `json:"read"`
	// Counted is how many of them counted: in the window, or in the run
	// ending with this period.
	Counted int `json:"counted"`
	// Periods are the labels of the periods counted, oldest first: the
	// evidence for the signal. The signals of one call share their
	// labels: read them, do not write to them.
	Periods []string `json:"periods,omitempty"`
	// Triggered is Counted ≥ Threshold.
	Triggered bool `json:"triggered"`
}

// Report measures every level over period p, decides attainment and
// credits, and reports them. history holds this agreement's reports of
// the preceding periods, oldest first (it feeds trends, repeated-miss
// multipliers, earn-back, continuous improvement and breach counts); it
// may be empty. A report in history for p itself is the earlier run of a
// reprocessed period and is set aside, so reprocessing gives the same
// report; history that is out of order, repeats or overlaps a period, lies
// after p or belongs to another agreement is refused.
// Errors: invalid input naming the event (*outsourcing.FieldError with a
// JSON pointer into the Input), invalid history (a pointer into history),
// ErrCurrencyMismatch, or a *outsourcing.RuleError from a rule.
func (a *Agreement) Report(in Input, p Period, history []Report) (Report, error) {
	if err := a.compiled(); err != nil {
		return Report{}, wrap(err)
	}
	if err := a.checkPeriod(p, ""); err != nil {
		return Report{}, wrap(err)
	}
	out, err := a.evaluate(in, []Period{p}, history, a.clocks([]Period{p}), &scratch{})
	if err != nil {
		return Report{}, wrap(err)
	}
	return out[0], nil
}

// Evaluate reports consecutive periods from one input, preparing the
// events once: it is Report for each period in turn, each seeing the
// reports before it. The same Input.Fees apply to every period. periods
// must be in time order without repeats or overlaps; history is checked
// as Report checks it, a report for any of periods being the earlier run
// of a reprocessed period.
func (a *Agreement) Evaluate(in Input, periods []Period, history []Report) ([]Report, error) {
	if err := a.compiled(); err != nil {
		return nil, wrap(err)
	}
	if err := a.checkPeriods(periods); err != nil {
		return nil, wrap(err)
	}
	out, err := a.evaluate(in, periods, history, a.clocks(periods), &scratch{})
	if err != nil {
		return nil, wrap(err)
	}
	return out, nil
}

// evaluate is Evaluate for checked periods, replaying tickets on clocks
// (Agreement.clocks of the periods) and preparing the events in sc; its
// errors are not yet prefixed "sla: ".
func (a *Agreement) evaluate(in Input, periods []Period, history []Report, clocks []clock, sc *scratch) ([]Report, error) {
	prior, err := a.priorHistory(history, periods)
	if err != nil {
		return nil, err
	}
	ev, err := a.prepare(in, clocks, sc)
	if err != nil {
		return nil, err
	}
	n := len(a.levels)
	// past[i] is level i's history, oldest first, growing as periods are reported.
	past := make([][]*LevelReport, n)
	for i, l := range a.levels {
		h := levelHistory(prior, l.ID)
		past[i] = append(make([]*LevelReport, 0, len(h)+len(periods)), h...)
	}
	ar := a.newArena(past, len(prior)+len(periods), len(periods))
	if ar.am, err = sc.amounts(a, in); err != nil {
		return nil, err
	}
	fx := ar.am.fx
	levels := make([]LevelReport, n*len(periods))
	out := make([]Report, len(periods))
	raw := make([]outsourcing.Decimal, n)
	var seq []*Report // the reports breach rules read, oldest first
	if len(a.spec.Breaches) > 0 {
		seq = make([]*Report, 0, len(prior)+len(periods))
		for i := range prior {
			seq = append(seq, &prior[i])
		}
	}
	for k, p := range periods {
		r := &out[k]
		r.Levels = levels[k*n : (k+1)*n : (k+1)*n]
		if err := a.report(ev, p, past, r, raw, fx, ar); err != nil {
			return nil, fmt.Errorf("period %s: %w", p.label, err)
		}
		for i := range past {
			past[i] = append(past[i], &r.Levels[i])
		}
		if seq != nil {
			seq = append(seq, r)
			r.Signals = a.signals(seq, past, ar)
		}
	}
	return out, nil
}

// ratDecimal rounds an exact value to places (half away from zero) and
// drops trailing zeros (98.75, not 98.750000).
func ratDecimal(r *big.Rat, places int32) outsourcing.Decimal {
	return outsourcing.DecimalOf(decimal.NewFromBigInt(r.Num(), 0).DivRound(decimal.NewFromBigInt(r.Denom(), 0), places)).Trim()
}

// levelHistory returns level id's reports in history, oldest first.
func levelHistory(history []Report, id string) []*LevelReport {
	var out []*LevelReport
	for k := range history {
		for i := range history[k].Levels {
			if l := &history[k].Levels[i]; l.ID == id {
				out = append(out, l)
			}
		}
	}
	return out
}

// fixed holds the amounts that are the same in every period of one
// Evaluate call: they depend on the fees alone.
type fixed struct {
	zero   outsourcing.Money
	atRisk outsourcing.Money   // exact
	shown  outsourcing.Money   // atRisk rounded
	limit  *decimal.Decimal    // the cap on the period's credits, exact
	cap    *outsourcing.Money  // limit rounded; nil without a limit
	nested []decimal.Decimal   // nested allocation amounts per level, nil when not nested
	shares []outsourcing.Money // the services' shares of the at-risk amount, when nested
}

// fixedAmounts computes the at-risk amount and the cap: the smaller of
// the at-risk amount and the cap percent of fees, when either is set.
func (a *Agreement) fixedAmounts(fees outsourcing.Money) (fixed, error) {
	terms := a.spec.Credits
	fx := fixed{zero: outsourcing.ZeroMoney(fees.Currency()), atRisk: terms.AtRisk.Of(fees)}
	fx.shown = fx.atRisk.Round(terms.Rounding)
	for _, pc := range []outsourcing.Percent{terms.AtRisk, terms.Cap} {
		if !pc.Points().IsPositive() {
			continue
		}
		c := pc.Of(fees).Amount().Shopspring()
		if fx.limit != nil {
			c = decimal.Min(*fx.limit, c)
		}
		fx.limit = &c
	}
	if m := terms.MinimumPayout; m.IsSet() && m.Currency() != fees.Currency() {
		return fixed{}, &outsourcing.FieldError{Path: "/fees/currency", Err: outsourcing.ErrCurrencyMismatch,
			Reason: fmt.Sprintf("fees in %s, the agreement's minimum payout in %s", fees.Currency(), m.Currency())}
	}
	if fx.limit != nil {
		m, err := outsourcing.NewMoney(outsourcing.DecimalOf(*fx.limit), fees.Currency())
		if err != nil {
			return fixed{}, err
		}
		c := m.Round(terms.Rounding)
		fx.cap = &c
	}
	var err error
	if fx.nested, fx.shares, err = a.nestedAmounts(fx.shown); err != nil {
		return fixed{}, err
	}
	return fx, nil
}

// report measures every level over p into r. raw is scratch space for
// the levels' uncapped credits.
func (a *Agreement) report(ev *events, p Period, history [][]*LevelReport, r *Report, raw []outsourcing.Decimal,
	fx fixed, ar *arena) error {
	fees := ev.in.Fees
	cur := fees.Currency()
	terms := a.spec.Credits
	r.Agreement, r.Period, r.Fees, r.Rounding, r.AtRisk = a.spec.ID, p, fees, terms.Rounding, fx.shown
	earned := decimal.Zero
	bonusLevels, shortfall := 0, false
	for i, l := range a.levels {
		past := history[i]
		base := fees
		if sf, ok := ev.in.ServiceFees[l.Service]; ok && l.Service != "" {
			base = sf // validateInput checked the currency
		}
		lr := &r.Levels[i]
		credit, err := a.levelReport(l, &ev.level[i], p, past, base, &fx, lr, ar)
		if err != nil {
			return fmt.Errorf("level %q: %w", l.ID, err)
		}
		raw[i] = outsourcing.DecimalOf(credit)
		if l.class == LevelClassCritical && l.kind != CreditKindNone {
			lr.CreditBeforeCap = fx.zero
			if credit.IsPositive() {
				if lr.CreditBeforeCap, err = outsourcing.NewMoney(raw[i], cur); err != nil {
					return err
				}
			}
		}
		lr.EarnedBack = fx.zero
		if lr.Bonus {
			bonusLevels++
		}
		if l.class == LevelClassCritical && (lr.Status == StatusMinimum || lr.Status == StatusMissed) {
			shortfall = true
		}
		if eb := earnBack(terms.EarnBack, past, lr); eb.IsPositive() {
			if eb.Currency() != cur {
				return fmt.Errorf("level %q: earn-back in %s: %w", l.ID, eb.Currency(), outsourcing.ErrCurrencyMismatch)
			}
			lr.EarnedBack = eb
			earned = earned.Add(eb.Amount().Shopspring())
		}
	}
	if err := a.shareCredits(r, raw, fees, fx, ar); err != nil {
		return err
	}
	r.AtCap = r.Cap != nil && r.Credits.IsPositive() && r.Credits.Amount().Equal(r.Cap.Amount())
	bonus := decimal.Zero
	if b := terms.Bonus; b != nil && bonusLevels > 0 && !shortfall {
		bonus = b.Percent.Of(fees).Amount().Mul(outsourcing.DecimalFromInt(int64(bonusLevels))).Shopspring()
		if b.Cap.Points().IsPositive() {
			bonus = decimal.Min(bonus, b.Cap.Of(fees).Amount().Shopspring())
		}
	}
	r.EarnedBack, r.Bonus, r.Net = fx.zero, fx.zero, r.Credits
	if earned.IsZero() && bonus.IsZero() {
		return nil
	}
	// Every amount below is in the fees' currency: only the conversion
	// can fail.
	var err error
	if r.EarnedBack, err = outsourcing.NewMoney(outsourcing.DecimalOf(earned), cur); err != nil {
		return err
	}
	if r.Bonus, err = outsourcing.NewMoney(outsourcing.DecimalOf(bonus), cur); err != nil {
		return err
	}
	r.Bonus = r.Bonus.Round(terms.Rounding)
	net := r.Credits.Amount().Sub(r.EarnedBack.Amount()).Sub(r.Bonus.Amount())
	if r.Net, err = outsourcing.NewMoney(net, cur); err != nil {
		return err
	}
	return nil
}

// earnBack returns the credit of the period Periods periods ago when the
// level has met its expected level in every period since, this one included.
func earnBack(e *EarnBack, past []*LevelReport, cur *LevelReport) outsourcing.Money {
	zero := outsourcing.ZeroMoney(cur.Credit.Currency())
	if e == nil || len(past) < e.Periods || cur.Status != StatusMet {
		return zero
	}
	k := len(past) - e.Periods
	if !past[k].Credit.IsPositive() {
		return zero
	}
	for _, l := range past[k+1:] {
		if l.Status != StatusMet {
			return zero
		}
	}
	return past[k].Credit
}
