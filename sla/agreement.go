package sla

import (
	"time"

	"github.com/outsourcing-go/outsourcing/rules"

	"github.com/outsourcing-go/outsourcing"
)

// AgreementSpec is a service-level agreement as written (Handbook §3.1: each
// metric with a target, a measurement method, a reporting period and the
// remedies when it is missed). CompileAgreement checks it and turns it into an
// immutable *Agreement; ParseAgreement reads it from JSON.
type AgreementSpec struct {
	// ID identifies the agreement in reports.
	ID string `json:"id"`
	// Name is a readable title.
	Name string `json:"name,omitempty"`
	// TimeZone is the IANA zone periods are cut in ("" = UTC).
	TimeZone string `json:"time_zone,omitempty"`
	// Period is the reporting period; "" means a calendar month.
	Period PeriodKind `json:"period,omitempty"`
	// PeriodDays is the length of a days period in local days (1–366);
	// only with Period days, which requires it.
	PeriodDays int `json:"period_days,omitempty"`
	// PeriodStart is the local date ("2024-01-01") a days period starts
	// on; the periods before and after it follow on from it. Only with
	// Period days, which requires it.
	PeriodStart string `json:"period_start,omitempty"`
	// Calendar is the business calendar for ticket clocks unless a level
	// has its own; the zero value is 24×7.
	Calendar *outsourcing.Calendar `json:"calendar,omitempty"`
	// Maintenance lists agreed one-off maintenance windows: outage time
	// inside them is not downtime, error-rate intervals inside them are
	// not counted as errors, and the period_minus_maintenance denominator
	// leaves them out. Windows whose services meet may not overlap.
	Maintenance []Window `json:"maintenance,omitempty"`
	// RecurringMaintenance lists maintenance windows that repeat weekly or
	// monthly in the agreement's zone; they count as Maintenance does and
	// may not overlap each other or a one-off window of a meeting service.
	RecurringMaintenance []RecurringWindow `json:"recurring_maintenance,omitempty"`
	// Credits holds the agreement-wide credit terms.
	Credits CreditTerms `json:"credits"`
	// Breaches are the breach signals reported each period (for
	// termination rights, §7.1): periods that missed a minimum or the
	// expected level, or whose credits reached the cap, counted in a
	// rolling window or in a row.
	Breaches []BreachRule `json:"breaches,omitempty"`
	// Levels are the service levels, at least one.
	Levels []Level `json:"levels"`
	// Rules are the kernel rules that levels name: exclusion conditions
	// (EventEnv), custom metrics (MetricEnv) and credit formulas (CreditEnv).
	Rules []rules.Rule `json:"rules,omitempty"`
}

// Window is a maintenance window [Start, End).
type Window struct {
	// ID names the window in errors.
	ID string `json:"id,omitempty"`
	// Service limits the window to one service; "" means every service.
	Service string `json:"service,omitempty"`
	// Start is the first instant of the window.
	Start time.Time `json:"start"`
	// End is the instant after the window; after Start.
	End time.Time `json:"end"`
}

// Level is one service level.
type Level struct {
	// ID identifies the level; unique in the agreement.
	ID string `json:"id"`
	// Name is a readable title.
	Name string `json:"name,omitempty"`
	// Service selects the events measured; "" measures every event.
	Service string `json:"service,omitempty"`
	// Metric is what is measured.
	Metric MetricKind `json:"metric"`
	// Class says whether the level carries credits; "" means critical.
	Class LevelClass `json:"class,omitempty"`
	// Expected is the expected service level: percent (0–100) for
	// availability and ticket metrics, milliseconds for latency, the rule's
	// unit for custom metrics.
	Expected outsourcing.Decimal `json:"expected"`
	// Minimum is the minimum service level, no better than Expected; absent
	// means equal to Expected.
	Minimum *outsourcing.Decimal `json:"minimum,omitempty"`
	// Polarity says which values are better, for custom metrics ("" =
	// higher); the other metrics have a fixed polarity.
	Polarity Polarity `json:"polarity,omitempty"`

	// Denominator of availability; "" means the whole period.
	Denominator Denominator `json:"denominator,omitempty"`
	// MinOutage is the shortest outage piece that counts as downtime.
	MinOutage Duration `json:"min_outage,omitempty"`
	// ErrorRate switches availability to the error-rate mode.
	ErrorRate *ErrorRateMode `json:"error_rate,omitempty"`

	// Targets maps ticket priority to its target business time; tickets of
	// other priorities are not measured by this level.
	Targets map[string]Duration `json:"targets,omitempty"`
	// Calendar overrides the agreement's calendar for this level.
	Calendar *outsourcing.Calendar `json:"calendar,omitempty"`

	// Percentile (0 < p ≤ 100) of latency samples, for percentile_latency.
	Percentile *outsourcing.Decimal `json:"percentile,omitempty"`
	// Rule is the id of the decimal rule over MetricEnv, for custom metrics.
	Rule string `json:"rule,omitempty"`

	// Exclusions are ids of boolean rules over EventEnv; a matching outage
	// or ticket is not measured (for example "caused by the customer").
	Exclusions []string `json:"exclusions,omitempty"`
	// Credit is the level's credit model; key measurements have none.
	Credit CreditModel `json:"credit,omitzero"`
	// Improvement raises the expected level after sustained
	// over-performance.
	Improvement *Improvement `json:"improvement,omitempty"`
}

// ErrorRateMode measures availability from request counts, as Amazon S3's
// and Google's Cloud SLAs do: the error rate of each interval is
// errors/requests (zero when the interval has fewer than MinRequests
// requests or no sample), and availability = 100 × (1 − the mean error
// rate over all intervals of the period). Intervals lying wholly inside a
// maintenance window are not counted: their errors are left out, and with
// the period_minus_maintenance denominator the intervals themselves leave
// the mean (intervals are on the grid from the period's start, which is
// where samples are expected to start). Samples that fall in one interval
// of the grid (several services under a level of every service, a sample
// sent twice, samples finer than the interval) are added up: the
// interval's rate is their errors over their requests, and MinRequests
// applies to their total.
type ErrorRateMode struct {
	// Interval is the length of one measurement interval, such as "5m".
	Interval Duration `json:"interval"`
	// MinRequests is the fewest requests for an interval's rate to count.
	MinRequests int64 `json:"min_requests,omitempty"`
}

// Improvement is the continuous-improvement rule: after Periods
// consecutive periods better than the expected level, the expected level
// moves Share of the way to the mean of those periods, never past Cap,
// and, with GapShare, never by more than GapShare of the remaining gap
// to 100 % ("in no event shall any single increase in an Expected
// Service Level exceed X% of the difference between 100% and the
// then-current Expected Service Level").
type Improvement struct {
	// Periods is how many consecutive better periods trigger a raise (≥ 1).
	Periods int `json:"periods"`
	// Share of the gap to the mean to close, 0 < share ≤ 1 (0.5 = halfway).
	Share outsourcing.Decimal `json:"share"`
	// Cap is the best the expected level may become (e.g. 99.99).
	Cap outsourcing.Decimal `json:"cap"`
	// GapShare, when set (0 < x ≤ 1), limits one raise to this share of
	// 100 − the expected level in force; percent metrics only.
	GapShare outsourcing.Decimal `json:"gap_share,omitzero"`
}

// BreachRule is a breach signal as contracts write termination rights:
// "credits at the cap in 2 of any 6 months" (Count at_cap, Threshold 2,
// Window 6) or "the minimum missed 3 months in a row" (Count
// missed_minimum, Threshold 3, Consecutive). Each period's report
// carries the signal with the periods it counted.
type BreachRule struct {
	// ID names the rule in signals; unique in the agreement.
	ID string `json:"id"`
	// Count is what a period counts for; "" means missed_minimum.
	Count BreachCount `json:"count,omitempty"`
	// Level limits a level count to one level (any class); "" gives
	// one signal per critical level. An at_cap rule has no level.
	Level string `json:"level,omitempty"`
	// Threshold is how many counted periods raise the signal (≥ 1).
	Threshold int `json:"threshold"`
	// Window is the rolling window of periods looked at, this one
	// included (Threshold ≤ Window); absent with Consecutive.
	Window int `json:"window,omitempty"`
	// Consecutive counts the run of counted periods ending with this one
	// instead of a window.
	Consecutive bool `json:"consecutive,omitempty"`
}

// CreditTerms are the agreement-wide credit terms.
type CreditTerms struct {
	// AtRisk is the at-risk percent of the period's fees (typically 10–15);
	// it caps the period's credits and is the base of allocation credits.
	AtRisk outsourcing.Percent `json:"at_risk,omitzero"`
	// PoolLimit caps the sum of the levels' allocations (often 150–300 %);
	// zero means no limit.
	PoolLimit outsourcing.Percent `json:"pool_limit,omitzero"`
	// Cap limits the period's credits to this percent of fees; zero means
	// no cap beyond AtRisk.
	Cap outsourcing.Percent `json:"cap,omitzero"`
	// Repeat multiplies the credit of a level missed several periods in a row.
	Repeat *Repeat `json:"repeat,omitempty"`
	// EarnBack returns a credit when the level then meets its expected
	// level for Periods periods in a row.
	EarnBack *EarnBack `json:"earn_back,omitempty"`
	// Bonus pays the provider for levels better than expected (§6.4).
	Bonus *Bonus `json:"bonus,omitempty"`
	// Rounding is the mode used to round amounts, once, to the currency's
	// minor unit; the zero value rounds half up.
	Rounding outsourcing.RoundingMode `json:"rounding,omitempty"`
	// Services nests the allocations: each service (performance category)
	// receives its allocation percent of the at-risk amount, and each
	// allocation level of the service its own allocation percent of the
	// service's share (pool × service % × level %, the Texas DIR
	// A × B × C). Neither the services' allocations nor the levels' of one
	// service may sum to more than 100 %; every allocation level must
	// name a listed service, and pool_limit does not apply.
	Services []ServiceAllocation `json:"services,omitempty"`
	// MinimumPayout, when set, is the amount a period's credits (after
	// the cap, rounded) must exceed to be paid, in the fees' currency:
	// Amazon's SLAs issue a credit "only if the credit amount for the
	// applicable monthly billing cycle is greater than one dollar ($1
	// USD)". Credits at or below it are not paid (Report.BelowMinimum).
	MinimumPayout outsourcing.Money `json:"minimum_payout,omitzero"`
}

// ServiceAllocation is a service's share of the at-risk amount in nested
// allocations (CreditTerms.Services).
type ServiceAllocation struct {
	// Service names the service, as levels name it in Level.Service.
	Service string `json:"service"`
	// Allocation is the service's percent of the at-risk amount (0 < x ≤ 100).
	Allocation outsourcing.Percent `json:"allocation"`
}

// Repeat multiplies a level's credit by Multiplier when the level has
// missed its expected level After periods in a row, this one included
// (LevelReport.MissedExpectedRun ≥ After ≥ 2).
type Repeat struct {
	// After is the length of the run of periods that missed the expected
	// level, this one included.
	After int `json:"after"`
	// Multiplier applied to the credit (≥ 1).
	Multiplier outsourcing.Decimal `json:"multiplier"`
}

// EarnBack waives a level's credit once the level meets its expected level
// in each of the Periods periods that follow it; the waived amount is
// reported in the period that completes the run.
type EarnBack struct {
	// Periods is the run length (≥ 1).
	Periods int `json:"periods"`
}

// Bonus is paid for each critical level better than its expected level
// (strictly): Percent of the fees per level, the total capped at Cap
// percent of fees (zero: no cap). No bonus is paid for a period in which
// any critical level falls below its expected level.
type Bonus struct {
	// Percent of fees per level.
	Percent outsourcing.Percent `json:"percent"`
	// Cap on the period's bonus, percent of fees.
	Cap outsourcing.Percent `json:"cap,omitzero"`
}

// CreditModel is a level's credit model.
type CreditModel struct {
	// Kind selects the model; "" means none.
	Kind CreditKind `json:"kind,omitempty"`
	// Preset names a published tier table (see Presets) for tiers.
	Preset string `json:"preset,omitempty"`
	// Tiers is an explicit tier table for tiers.
	Tiers []Tier `json:"tiers,omitempty"`
	// Allocation is the level's share of the at-risk amount, in percent;
	// with nested allocations (CreditTerms.Services), of its service's share.
	Allocation outsourcing.Percent `json:"allocation,omitzero"`
	// ExpectedDefault, for allocation credits, also makes the credit due
	// when the level has missed its expected level (its minimum met)
	// often enough; without it only a missed minimum earns the credit.
	ExpectedDefault *ExpectedDefault `json:"expected_default,omitempty"`
	// Rule is the id of the decimal rule over CreditEnv giving the credit
	// amount in the fees' currency.
	Rule string `json:"rule,omitempty"`
}

// ExpectedDefault is an "Expected Service Level Default": the level
// missed its expected level in Count of the last Window periods, this one
// included and missed (Window absent or equal to Count: Count periods in
// a row). Such a period earns the level's allocation credit as a missed
// minimum does.
type ExpectedDefault struct {
	// Count is how many periods under the expected level make a default (≥ 1).
	Count int `json:"count"`
	// Window is the number of periods looked at (≥ Count); absent means Count.
	Window int `json:"window,omitempty"`
}

// window returns the periods looked at.
func (d ExpectedDefault) window() int { return max(d.Window, d.Count) }

// Tier is one row of a tier table: a value in [From, To) earns Credit
// percent of the fees. From absent means no lower bound, To absent no
// upper bound; the lower bound is inclusive, the upper exclusive.
type Tier struct {
	// From is the inclusive lower bound.
	From *outsourcing.Decimal `json:"from,omitempty"`
	// To is the exclusive upper bound.
	To *outsourcing.Decimal `json:"to,omitempty"`
	// Credit is the credit percent of fees.
	Credit outsourcing.Percent `json:"credit"`
}
