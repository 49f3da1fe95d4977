package sla

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing/rules"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/shopspring/decimal"
)

// Agreement is a compiled, validated service-level agreement. It is
// immutable and safe for concurrent use. Only CompileAgreement makes
// one: the methods that return an error refuse a nil or zero Agreement
// with ErrInvalidInput, and Spec, Location and MaintenanceIn of a nil
// Agreement return zero values.
type Agreement struct {
	spec    AgreementSpec
	loc     *time.Location
	period  PeriodKind
	days    int       // length of a days period
	anchor  time.Time // first day of a days period, midnight UTC
	cal     outsourcing.Calendar
	maint   []Window     // one-off windows, sorted by start
	recur   []*recurring // recurring windows, as written
	levels  []*level
	exclude *rules.Set[EventEnv]
	metric  *rules.Set[MetricEnv]
	credit  *rules.Set[CreditEnv]
}

// level is a compiled Level.
type level struct {
	Level
	index    int
	class    LevelClass
	polarity Polarity
	expected frac
	minimum  frac
	minDec   outsourcing.Decimal
	cal      outsourcing.Calendar
	tiers    []tier
	kind     CreditKind
	service  int // index of the level's service in CreditTerms.Services; -1 when not nested
}

// tier is a compiled Tier; nil bounds are open.
type tier struct {
	from, to *frac
	credit   outsourcing.Percent
	index    int    // in the table as written
	label    string // the bounds as shown in reasons
}

var hundred = decimal.NewFromInt(100)

// CompileAgreement validates spec and builds the agreement. Every problem is a
// *outsourcing.FieldError (ErrInvalidInput) whose Path names the level,
// tier or window ("/levels/1/credit/tiers/2"), or a *outsourcing.RuleError
// (ErrRule) for a rule that does not compile; they are joined in document
// order. Nothing is kept from a spec that fails.
func CompileAgreement(spec AgreementSpec) (*Agreement, error) {
	c := compiler{a: &Agreement{spec: cloneSpec(spec)}}
	c.agreement()
	if len(c.errs) > 0 {
		return nil, wrap(fmt.Errorf("agreement %q: %w", spec.ID, errors.Join(c.errs...)))
	}
	return c.a, nil
}

// compiled refuses an Agreement that CompileAgreement did not make: nil
// or the zero value, whose zone is unset.
func (a *Agreement) compiled() error {
	if a == nil || a.loc == nil {
		return outsourcing.FieldErrorf("", "the agreement is not compiled: build it with CompileAgreement")
	}
	return nil
}

// Spec returns a copy of the agreement as written; the zero
// AgreementSpec for a nil Agreement.
func (a *Agreement) Spec() AgreementSpec {
	if a == nil {
		return AgreementSpec{}
	}
	return cloneSpec(a.spec)
}

// Location returns the zone periods are cut in; nil for a nil or zero
// Agreement.
func (a *Agreement) Location() *time.Location {
	if a == nil {
		return nil
	}
	return a.loc
}

func cloneSpec(s AgreementSpec) AgreementSpec {
	s.Maintenance = slices.Clone(s.Maintenance)
	s.RecurringMaintenance = slices.Clone(s.RecurringMaintenance)
	for i := range s.RecurringMaintenance {
		w := &s.RecurringMaintenance[i]
		w.From, w.Until = clonePtr(w.From), clonePtr(w.Until)
	}
	s.Credits.Services = slices.Clone(s.Credits.Services)
	s.Breaches = slices.Clone(s.Breaches)
	s.Rules = slices.Clone(s.Rules)
	s.Levels = slices.Clone(s.Levels)
	for i := range s.Levels {
		l := &s.Levels[i]
		l.Exclusions = slices.Clone(l.Exclusions)
		l.Credit.Tiers = slices.Clone(l.Credit.Tiers)
		l.Credit.ExpectedDefault = clonePtr(l.Credit.ExpectedDefault)
		if l.Targets != nil {
			t := make(map[string]Duration, len(l.Targets))
			for k, v := range l.Targets {
				t[k] = v
			}
			l.Targets = t
		}
	}
	return s
}

// clonePtr returns a pointer to a copy of *p, or nil.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

type compiler struct {
	a    *Agreement
	errs []error
}

func (c *compiler) fail(path, format string, args ...any) {
	c.errs = append(c.errs, outsourcing.FieldErrorf(path, format, args...))
}

func (c *compiler) agreement() {
	s := &c.a.spec
	if s.ID == "" {
		c.fail("/id", "an agreement id is required")
	}
	loc, err := outsourcing.LoadCalendarLocation("/time_zone", s.TimeZone)
	if err != nil {
		c.errs = append(c.errs, err)
		loc = time.UTC
	}
	c.a.loc = loc
	c.period()
	if s.Calendar != nil {
		c.a.cal = *s.Calendar
	}
	c.maintenance()
	c.terms()
	if len(s.Levels) == 0 {
		c.fail("/levels", "at least one service level is required")
	}
	uses := ruleUses{}
	seen := map[string]bool{}
	pool := decimal.Zero
	for i := range s.Levels {
		l := c.level(i, uses)
		if seen[l.ID] {
			c.fail(jsonptr.Join("levels", i, "id"), "level %q defined twice", l.ID)
		}
		seen[l.ID] = true
		if l.kind == CreditKindAllocation {
			pool = pool.Add(l.Credit.Allocation.Points().Shopspring())
		}
		c.a.levels = append(c.a.levels, l)
	}
	c.nested()
	c.breaches()
	if lim := s.Credits.PoolLimit.Points().Shopspring(); lim.IsPositive() && pool.GreaterThan(lim) && len(s.Credits.Services) == 0 {
		c.fail("/credits/pool_limit", "level allocations sum to %s%%, over the pool limit of %s%%",
			outsourcing.DecimalOf(pool).String(), outsourcing.DecimalOf(lim).String())
	}
	c.rules(uses)
}

func (c *compiler) terms() {
	t := c.a.spec.Credits
	for _, p := range []struct {
		path string
		v    outsourcing.Percent
	}{{"/credits/at_risk", t.AtRisk}, {"/credits/cap", t.Cap}} {
		if !p.v.Between(outsourcing.Percent{}, outsourcing.NewPercent(outsourcing.DecimalOf(hundred))) {
			c.fail(p.path, "%s is outside 0–100%%", p.v)
		}
	}
	if t.PoolLimit.Points().Shopspring().IsNegative() {
		c.fail("/credits/pool_limit", "%s is negative", t.PoolLimit)
	}
	if r := t.Repeat; r != nil && r.After < 2 {
		c.fail("/credits/repeat/after", "after must be at least 2, not %d", r.After)
	}
	if r := t.Repeat; r != nil && r.Multiplier.LessThan(outsourcing.DecimalOf(decimal.NewFromInt(1))) {
		c.fail("/credits/repeat/multiplier", "the multiplier %s is below 1", r.Multiplier)
	}
	if e := t.EarnBack; e != nil && e.Periods < 1 {
		c.fail("/credits/earn_back/periods", "must be at least 1")
	}
	if b := t.Bonus; b != nil && b.Percent.Points().Shopspring().IsNegative() {
		c.fail("/credits/bonus/percent", "%s is negative", b.Percent)
	}
	if b := t.Bonus; b != nil && b.Cap.Points().Shopspring().IsNegative() {
		c.fail("/credits/bonus/cap", "%s is negative", b.Cap)
	}
	if t.MinimumPayout.IsNegative() {
		c.fail("/credits/minimum_payout/amount", "the minimum payout %s is negative", t.MinimumPayout)
	}
	if _, err := t.Rounding.MarshalText(); err != nil {
		c.fail("/credits/rounding", "unknown rounding mode")
	}
}

// toRat converts a decimal exactly.
func toRat(d decimal.Decimal) *big.Rat {
	r := new(big.Rat).SetInt(d.Coefficient())
	exp := d.Exponent()
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(exp))), nil)
	if exp >= 0 {
		return r.Mul(r, new(big.Rat).SetInt(pow))
	}
	return r.Quo(r, new(big.Rat).SetInt(pow))
}

func abs(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// better reports whether a is strictly better than b under polarity p.
func better(p Polarity, a, b frac) bool {
	if p == PolarityLower {
		return a.cmp(b) < 0
	}
	return a.cmp(b) > 0
}

func (c *compiler) level(i int, uses ruleUses) *level {
	l := &level{Level: c.a.spec.Levels[i], index: i, class: c.a.spec.Levels[i].Class, cal: c.a.cal}
	path := jsonptr.Join("levels", i)
	// failf reports a problem at the level's field given by tokens.
	failf := func(field []any, format string, args ...any) {
		c.fail(jsonptr.Append(path, field...), "level %q: "+format, append([]any{l.ID}, args...)...)
	}
	if l.ID == "" {
		failf(field("id"), "an id is required")
	}
	if l.class == "" {
		l.class = LevelClassCritical
	} else if !slices.Contains(levelClasses, l.class) {
		failf(field("class"), "unknown class %q", l.Class)
	}
	if !slices.Contains(metricKinds, l.Metric) {
		failf(field("metric"), "unknown metric %q", l.Metric)
	}
	l.polarity = PolarityHigher
	switch {
	case l.Metric == MetricKindPercentileLatency:
		l.polarity = PolarityLower
	case l.Metric == MetricKindCustom && l.Polarity != "":
		if !slices.Contains(polarities, l.Polarity) {
			failf(field("polarity"), "unknown polarity %q", l.Polarity)
		}
		l.polarity = l.Polarity
	case l.Polarity != "" && l.Polarity != PolarityHigher:
		failf(field("polarity"), "a %s level is always higher-is-better", l.Metric)
	}
	l.minDec = l.Expected
	if l.Minimum != nil {
		l.minDec = *l.Minimum
	}
	l.expected, l.minimum = fracOfDecimal(l.Expected.Shopspring()), fracOfDecimal(l.minDec.Shopspring())
	if l.Metric.percent() {
		for _, t := range []struct {
			field string
			v     outsourcing.Decimal
		}{{"expected", l.Expected}, {"minimum", l.minDec}} {
			if t.v.IsNegative() || t.v.GreaterThan(outsourcing.DecimalOf(hundred)) {
				failf(field(t.field), "target %s is outside 0–100%%", t.v)
			}
		}
	}
	if better(l.polarity, l.minimum, l.expected) {
		failf(field("minimum"), "minimum %s is better than the expected level %s", l.minDec, l.Expected)
	}
	if l.Calendar != nil {
		l.cal = *l.Calendar
	}
	switch {
	case l.Metric == MetricKindAvailability:
		if l.Denominator != "" && !slices.Contains(denominators, l.Denominator) {
			failf(field("denominator"), "unknown denominator %q", l.Denominator)
		}
		if l.MinOutage < 0 {
			failf(field("min_outage"), "must not be negative")
		}
		if l.ErrorRate != nil && l.ErrorRate.Interval <= 0 {
			failf(field("error_rate", "interval"), "the interval must be positive")
		}
		if l.ErrorRate != nil && l.ErrorRate.MinRequests < 0 {
			failf(field("error_rate", "min_requests"), "must not be negative")
		}
	case l.Metric.tickets():
		if len(l.Targets) == 0 {
			failf(field("targets"), "a ticket level needs a target per priority")
		}
		for _, p := range sortedKeys(l.Targets) {
			if l.Targets[p] <= 0 {
				failf(field("targets", p), "the target must be positive")
			}
		}
	case l.Metric == MetricKindPercentileLatency:
		if l.Percentile == nil || !l.Percentile.IsPositive() || l.Percentile.GreaterThan(outsourcing.DecimalOf(hundred)) {
			failf(field("percentile"), "a percentile in (0, 100] is required")
		}
	case l.Metric == MetricKindCustom:
		if l.Rule == "" {
			failf(field("rule"), "a custom metric needs a rule")
		} else {
			uses.add(l.Rule, useMetric, jsonptr.Append(path, "rule"))
		}
	}
	for j, id := range l.Exclusions {
		uses.add(id, useExclusion, jsonptr.Append(path, "exclusions", j))
	}
	c.creditModel(l, path, uses, failf)
	if imp := l.Improvement; imp != nil {
		if imp.Periods < 1 {
			failf(field("improvement", "periods"), "periods must be at least 1")
		}
		if !imp.Share.IsPositive() || imp.Share.GreaterThan(outsourcing.DecimalOf(decimal.NewFromInt(1))) {
			failf(field("improvement", "share"), "the share %s is not in (0, 1]", imp.Share)
		}
		if better(l.polarity, l.expected, fracOfDecimal(imp.Cap.Shopspring())) {
			failf(field("improvement", "cap"), "cap %s is worse than the expected level", imp.Cap.String())
		}
		if l.Metric.percent() && imp.Cap.GreaterThan(outsourcing.DecimalOf(hundred)) {
			failf(field("improvement", "cap"), "cap %s is over 100%%", imp.Cap.String())
		}
		switch g := imp.GapShare; {
		case g.IsZero():
		case !l.Metric.percent():
			failf(field("improvement", "gap_share"), "a share of the gap to 100%% needs a percent metric, not %s", l.Metric)
		case g.IsNegative() || g.GreaterThan(outsourcing.DecimalFromInt(1)):
			failf(field("improvement", "gap_share"), "the gap share %s is not in (0, 1]", g)
		}
	}
	return l
}

func (c *compiler) creditModel(l *level, path string, uses ruleUses, failf func(field []any, format string, args ...any)) {
	m := l.Credit
	l.kind = m.Kind
	if l.kind == "" {
		l.kind = CreditKindNone
	}
	if !slices.Contains(creditKinds, l.kind) {
		failf(field("credit", "kind"), "unknown credit kind %q", m.Kind)
		return
	}
	if l.class == LevelClassKey && l.kind != CreditKindNone {
		failf(field("credit"), "a key measurement carries no credit")
	}
	if d := m.ExpectedDefault; d != nil {
		switch {
		case l.kind != CreditKindAllocation:
			failf(field("credit", "expected_default"), "an expected-level default applies to allocation credits")
		case d.Count < 1:
			failf(field("credit", "expected_default", "count"), "the count must be at least 1, not %d", d.Count)
		case d.Window != 0 && d.Window < d.Count:
			failf(field("credit", "expected_default", "window"), "the window of %d periods is shorter than the count %d", d.Window, d.Count)
		}
	}
	switch l.kind {
	case CreditKindTiers:
		tiers := m.Tiers
		switch {
		case m.Preset != "" && len(m.Tiers) > 0:
			failf(field("credit", "preset"), "give a preset or tiers, not both")
		case m.Preset != "":
			p, ok := presets[m.Preset]
			if !ok {
				failf(field("credit", "preset"), "unknown preset %q", m.Preset)
			}
			tiers = p.Tiers
		case len(tiers) == 0:
			failf(field("credit", "tiers"), "a tier table needs at least one tier")
		}
		compiled, bad, err := compileTiers(tiers)
		if err != nil {
			failf(append(field("credit", "tiers"), bad...), "%v", err)
		}
		l.tiers = compiled
	case CreditKindAllocation:
		if !m.Allocation.Points().Shopspring().IsPositive() {
			failf(field("credit", "allocation"), "the allocation must be positive")
		}
		if !c.a.spec.Credits.AtRisk.Points().Shopspring().IsPositive() {
			failf(field("credit", "allocation"), "allocation credits need credits.at_risk")
		}
	case CreditKindRule:
		if m.Rule == "" {
			failf(field("credit", "rule"), "a rule credit needs a rule id")
		} else {
			uses.add(m.Rule, useCredit, jsonptr.Append(path, "credit", "rule"))
		}
	}
}

// compileTiers checks that tiers, in any order, have from < to and
// neither gaps nor overlaps between the lowest and the highest bound. On
// error it also returns the tokens locating the tier field at fault.
func compileTiers(tiers []Tier) ([]tier, []any, error) {
	out := make([]tier, len(tiers))
	for i, t := range tiers {
		out[i] = tier{credit: t.Credit, index: i}
		if t.From != nil {
			f := fracOfDecimal(t.From.Shopspring())
			out[i].from = &f
		}
		if t.To != nil {
			f := fracOfDecimal(t.To.Shopspring())
			out[i].to = &f
		}
		if out[i].from != nil && out[i].to != nil && out[i].from.cmp(*out[i].to) >= 0 {
			return nil, field(i, "to"), fmt.Errorf("tier %d: from %s is not below to %s", i, t.From, t.To)
		}
		if t.Credit.Points().Shopspring().IsNegative() {
			return nil, field(i, "credit"), fmt.Errorf("tier %d: negative credit %s", i, t.Credit)
		}
	}
	slices.SortFunc(out, func(a, b tier) int {
		switch {
		case a.from == nil && b.from == nil:
			return 0
		case a.from == nil:
			return -1
		case b.from == nil:
			return 1
		}
		return a.from.cmp(*b.from)
	})
	for i := 1; i < len(out); i++ {
		prev, cur := out[i-1], out[i]
		switch {
		case prev.to == nil || cur.from == nil:
			return nil, field(cur.index), fmt.Errorf("tiers %d and %d overlap: both are unbounded on the same side", prev.index, cur.index)
		case prev.to.cmp(*cur.from) > 0:
			return nil, field(cur.index, "from"), fmt.Errorf("tiers %d and %d overlap between %s and %s", prev.index, cur.index,
				cur.from.rat().FloatString(6), prev.to.rat().FloatString(6))
		case prev.to.cmp(*cur.from) < 0:
			return nil, field(cur.index, "from"), fmt.Errorf("gap between tiers %d and %d from %s to %s", prev.index, cur.index,
				prev.to.rat().FloatString(6), cur.from.rat().FloatString(6))
		}
	}
	for i := range out {
		out[i].label = tierLabel(out[i])
	}
	return out, nil, nil
}

// field collects JSON-pointer tokens.
func field(tokens ...any) []any { return tokens }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
