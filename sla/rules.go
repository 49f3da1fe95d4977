package sla

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/rules"
)

// EventEnv is what an exclusion rule sees of one outage or ticket. A rule
// such as `cause == "customer"` or `"planned" in tags` that holds leaves the
// event out of the level's measurement.
type EventEnv struct {
	// Kind is "outage" or "ticket".
	Kind string `expr:"kind"`
	// ID is the event's id.
	ID string `expr:"id"`
	// Service is the service the event belongs to.
	Service string `expr:"service"`
	// Cause is the recorded root cause ("customer", "vendor", ...).
	Cause string `expr:"cause"`
	// Priority is the ticket's priority ("" for outages).
	Priority string `expr:"priority"`
	// Tags are free labels.
	Tags []string `expr:"tags"`
	// Minutes is the outage length in minutes (0 for tickets).
	Minutes outsourcing.Decimal `expr:"minutes"`
}

// MetricEnv is what a custom-metric rule sees of one level and period.
type MetricEnv struct {
	// Values sums Input.Measures of the level's service by name over the period.
	Values map[string]outsourcing.Decimal `expr:"values"`
	// Counts counts those measures by name.
	Counts map[string]int `expr:"counts"`
	// PeriodMinutes is the length of the period in minutes.
	PeriodMinutes outsourcing.Decimal `expr:"period_minutes"`
	// DowntimeMinutes is the level's counted outage time in the period
	// (merged, exclusions and maintenance removed, short pieces dropped).
	DowntimeMinutes outsourcing.Decimal `expr:"downtime_minutes"`
	// Outages is the number of counted outage pieces in the period.
	Outages int `expr:"outages"`
}

// CreditEnv is what a credit-formula rule sees of one level and period.
// The rule yields the credit amount in the fees' currency, before the
// agreement's caps and rounding.
type CreditEnv struct {
	// Actual is the measured value (percent, ms or the custom unit), exact
	// to 12 decimal places.
	Actual outsourcing.Decimal `expr:"actual"`
	// Expected is the expected level in force.
	Expected outsourcing.Decimal `expr:"expected"`
	// Minimum is the minimum level.
	Minimum outsourcing.Decimal `expr:"minimum"`
	// Status is "met", "minimum", "missed" or "no_data".
	Status string `expr:"status"`
	// Fees are the period's fees for the level's service.
	Fees outsourcing.Decimal `expr:"fees"`
	// AtRisk is the at-risk amount of the period.
	AtRisk outsourcing.Decimal `expr:"at_risk"`
	// MissedExpectedRun counts the periods in a row, this one included,
	// that missed the expected level.
	MissedExpectedRun int `expr:"missed_expected_run"`
	// MissedMinimumRun counts the periods in a row, this one included,
	// that missed the minimum level.
	MissedMinimumRun int `expr:"missed_minimum_run"`
}

type ruleUse int

const (
	useExclusion ruleUse = iota
	useMetric
	useCredit
)

type ruleRef struct {
	use  ruleUse
	path string
}

// ruleUses records which rules the levels name, and how.
type ruleUses map[string][]ruleRef

func (u ruleUses) add(id string, use ruleUse, path string) { u[id] = append(u[id], ruleRef{use, path}) }

// rules compiles the agreement's rules, each against the environment of
// every use; an unknown id or a rule no level uses is an error.
func (c *compiler) rules(uses ruleUses) {
	byID := map[string]rules.Rule{}
	for _, r := range c.a.spec.Rules {
		byID[r.ID] = r
	}
	var sets [3][]rules.Rule
	for i, r := range c.a.spec.Rules {
		refs, ok := uses[r.ID]
		if !ok {
			c.fail(jsonptr.Join("rules", i, "id"), "rule %q is not used by any level", r.ID)
		}
		done := map[ruleUse]bool{}
		for _, ref := range refs {
			if !done[ref.use] {
				sets[ref.use] = append(sets[ref.use], r)
				done[ref.use] = true
			}
		}
	}
	for _, id := range sortedKeys(uses) {
		if _, ok := byID[id]; !ok {
			c.fail(uses[id][0].path, "no rule %q", id)
		}
	}
	var err error
	if c.a.exclude, err = compileSet[EventEnv](sets[useExclusion], rules.RequireBool()); err != nil {
		c.errs = append(c.errs, err)
	}
	if c.a.metric, err = compileSet[MetricEnv](sets[useMetric]); err != nil {
		c.errs = append(c.errs, err)
	}
	if c.a.credit, err = compileSet[CreditEnv](sets[useCredit]); err != nil {
		c.errs = append(c.errs, err)
	}
}

func compileSet[E any](list []rules.Rule, opts ...rules.Option) (*rules.Set[E], error) {
	if len(list) == 0 {
		return nil, nil
	}
	return rules.Compile[E](list, opts...)
}
