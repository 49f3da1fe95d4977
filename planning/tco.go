package planning

import (
	"errors"
	"fmt"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"

	"github.com/shopspring/decimal"
)

// Limits on the size of a TCO model, so an untrusted document cannot make
// an evaluation (and its tornado) unbounded.
const (
	// MaxTCOHorizon is the longest horizon in periods (100 years of months).
	MaxTCOHorizon = 1200
	// MaxTCOOptions is the largest number of sourcing options in a model.
	MaxTCOOptions = 50
	// MaxTCOLines is the largest number of cost lines in one option.
	MaxTCOLines = 500
)

// TCOModel compares the total cost of ownership of sourcing options over a
// horizon (Handbook §1.2, cost-benefit analysis: direct costs such as fees
// and indirect costs such as management, transition and risk). Periods are
// numbered 1..Horizon; period 0 is the signing date, used by one-off
// costs paid up front. Costs are positive amounts; every cash flow of
// period p is discounted by (1+d)^(−p/PerYear) for the annual DiscountRate d.
//
// Build one in Go or read it with ParseTCOModel, then CompileTCO it.
type TCOModel struct {
	// ID names the model.
	ID string `json:"id"`
	// Name is a human-readable title.
	Name string `json:"name,omitempty"`
	// Currency of every amount; a line in another currency is an error.
	Currency outsourcing.Currency `json:"currency"`
	// Period is the length of one period: month or year.
	Period PeriodUnit `json:"period"`
	// Horizon is the number of periods compared, 1..MaxTCOHorizon.
	Horizon int `json:"horizon"`
	// DiscountRate is the annual discount rate in percent (8 = 8 %), > −100.
	DiscountRate outsourcing.Percent `json:"discount_rate"`
	// Baseline is the ID of the option the others are compared with,
	// usually the in-house service.
	Baseline string `json:"baseline"`
	// Options are the sourcing options, at least one.
	Options []SourcingOption `json:"options"`
}

// SourcingOption is one way of sourcing the service, with its cost lines.
type SourcingOption struct {
	// ID identifies the option within the model.
	ID string `json:"id"`
	// Name is a human-readable label.
	Name string `json:"name,omitempty"`
	// Scope is the sourcing model (in-house, total, partial, selective).
	Scope SourcingScope `json:"scope,omitempty"`
	// Location is where the service is delivered from (onshore...).
	Location SourcingLocation `json:"location,omitempty"`
	// Lines are the option's costs.
	Lines []CostLine `json:"lines"`
}

// CostLine is one cost of an option: an amount per period, a one-off
// amount, or a percentage of other lines, with its own timing and
// escalation.
type CostLine struct {
	// ID identifies the line within its option.
	ID string `json:"id"`
	// Name is a human-readable label.
	Name string `json:"name,omitempty"`
	// Category classifies the cost.
	Category CostCategory `json:"category"`
	// Basis says how Amount or Percent becomes a cost per period.
	Basis CostBasis `json:"basis"`
	// Amount is the cost per period (recurring) or the one-off cost, in
	// the model's currency, before escalation; required unless Basis is
	// percent, where it must be absent.
	Amount *outsourcing.Money `json:"amount,omitempty"`
	// Percent, for the percent basis only, is the share (in percent, ≥ 0)
	// of the lines named in Of charged in each period.
	Percent *outsourcing.Percent `json:"percent,omitempty"`
	// Of names the lines of the same option a percent line is a share of;
	// they must not be percent lines themselves.
	Of []string `json:"of,omitempty"`
	// Probability, when set (0..100 %), turns Amount into an expected
	// loss: the cost is Probability × Amount. Use it for risk contingency
	// (an annual probability of a loss of Amount, for example).
	Probability *outsourcing.Percent `json:"probability,omitempty"`
	// Start is the first period charged (recurring and percent lines,
	// default 1) or the period of a one-off cost (default 0, at signing).
	Start int `json:"start,omitempty"`
	// End is the last period charged (default the horizon); recurring and
	// percent lines only.
	End int `json:"end,omitempty"`
	// Escalation, when set, raises the amount every step.
	Escalation *Escalation `json:"escalation,omitempty"`
}

// Escalation raises a line's amount by a price index with a cap: at each
// step k (after k·Every periods from period 1) the amount is multiplied by
// 1 + min(Index[k], Cap); the last index value repeats for later steps.
// A percent line escalates only through the lines it is a share of.
type Escalation struct {
	// Index is the expected index change per step in percent (3 = 3 %),
	// each > −100.
	Index []outsourcing.Percent `json:"index"`
	// Cap, when set, is the largest increase per step in percent, ≥ 0.
	Cap *outsourcing.Percent `json:"cap,omitempty"`
	// Every is the number of periods between steps, default one year
	// (12 monthly periods, 1 yearly period).
	Every int `json:"every,omitempty"`
}

// TCO is a validated, compiled TCOModel. It is immutable and safe for
// concurrent use.
type TCO struct {
	model    TCOModel
	unit     outsourcing.Money // 1 in the model's currency
	perYear  int
	baseline int
	options  []tcoOption
	rate     decimal.Decimal // annual discount rate as a fraction
}

type tcoOption struct {
	id    string
	lines []tcoLine
}

type tcoLine struct {
	id         string
	category   CostCategory
	basis      CostBasis
	amount     decimal.Decimal // after probability; zero for percent lines
	prob       decimal.Decimal // the probability as a fraction, 1 without
	share      decimal.Decimal // fraction, percent lines
	of         []int
	start, end int
	index      []decimal.Decimal // fractions per escalation step
	capped     bool
	cap        decimal.Decimal // fraction
	every      int
}

// CompileTCO validates m and returns the compiled model. Problems are
// *FieldError values (ErrInvalidInput; ErrCurrencyMismatch for a line in
// another currency; ErrNotFound for an unknown baseline or Of reference)
// with JSON pointers into the model ("/options/1/lines/2/amount"), joined
// with errors.Join in document order after the prefix "planning: ":
// horizon 0 or over MaxTCOHorizon, rate ≤ −100 %, negative escalation
// caps, missing amounts, periods outside the horizon, duplicate IDs,
// unknown enum values.
func CompileTCO(m TCOModel) (*TCO, error) {
	t, err := compileTCO(m)
	return t, wrap(err)
}

func compileTCO(m TCOModel) (*TCO, error) {
	v := &tcoValidator{}
	t := v.model(m)
	if err := errors.Join(v.errs...); err != nil {
		return nil, err
	}
	return t, nil
}

type tcoValidator struct{ errs []error }

func (v *tcoValidator) add(path, format string, args ...any) {
	v.errs = append(v.errs, outsourcing.FieldErrorf(path, format, args...))
}

func (v *tcoValidator) addErr(path string, sentinel error, format string, args ...any) {
	v.errs = append(v.errs, &outsourcing.FieldError{Path: path, Reason: fmt.Sprintf(format, args...), Err: sentinel})
}

func (v *tcoValidator) model(m TCOModel) *TCO {
	t := &TCO{model: cloneTCOModel(m), perYear: m.Period.PerYear(), rate: m.DiscountRate.Fraction().Shopspring(), baseline: -1}
	if m.ID == "" {
		v.add("/id", "model id is required")
	}
	unit, err := outsourcing.NewMoney(outsourcing.DecimalFromInt(1), m.Currency)
	if err != nil {
		v.errs = append(v.errs, err) // a *FieldError at "/currency"
	}
	t.unit = unit
	if t.perYear == 0 {
		v.add("/period", "unknown period %q (want month or year)", text.Truncate(string(m.Period), maxQuoted))
	}
	if m.Horizon < 1 || m.Horizon > MaxTCOHorizon {
		v.add("/horizon", "horizon %d must be between 1 and %d periods", m.Horizon, MaxTCOHorizon)
	}
	if t.rate.Cmp(decMinus1) <= 0 {
		v.add("/discount_rate", "discount rate %s must be greater than -100 %%", m.DiscountRate)
	}
	if len(m.Options) == 0 || len(m.Options) > MaxTCOOptions {
		v.add("/options", "want 1 to %d options, got %d", MaxTCOOptions, len(m.Options))
	}
	seen := map[string]bool{}
	for i, o := range m.Options {
		path := jsonptr.Join("options", i)
		if seen[o.ID] {
			v.add(jsonptr.Append(path, "id"), "duplicate option id %q", o.ID)
		}
		seen[o.ID] = true
		if o.ID == m.Baseline {
			t.baseline = i
		}
		t.options = append(t.options, v.option(path, o, m))
	}
	if t.baseline < 0 {
		v.addErr("/baseline", outsourcing.ErrNotFound, "baseline %q is not an option id", m.Baseline)
	}
	return t
}

func (v *tcoValidator) option(path string, o SourcingOption, m TCOModel) tcoOption {
	if o.ID == "" {
		v.add(jsonptr.Append(path, "id"), "option id is required")
	}
	if o.Scope != "" && !slices.Contains(sourcingScopes, o.Scope) {
		v.add(jsonptr.Append(path, "scope"), "unknown sourcing scope %q", text.Truncate(string(o.Scope), maxQuoted))
	}
	if o.Location != "" && !slices.Contains(sourcingLocations, o.Location) {
		v.add(jsonptr.Append(path, "location"), "unknown sourcing location %q", text.Truncate(string(o.Location), maxQuoted))
	}
	if len(o.Lines) > MaxTCOLines {
		v.add(jsonptr.Append(path, "lines"), "%d lines, more than %d", len(o.Lines), MaxTCOLines)
		return tcoOption{id: o.ID}
	}
	byID := map[string]int{}
	for i, l := range o.Lines {
		if _, dup := byID[l.ID]; dup {
			v.add(jsonptr.Append(path, "lines", i, "id"), "duplicate line id %q", l.ID)
		}
		byID[l.ID] = i
	}
	out := tcoOption{id: o.ID, lines: make([]tcoLine, len(o.Lines))}
	for i, l := range o.Lines {
		out.lines[i] = v.line(jsonptr.Append(path, "lines", i), l, m, o.Lines, byID)
	}
	return out
}

func (v *tcoValidator) line(path string, l CostLine, m TCOModel, siblings []CostLine, byID map[string]int) tcoLine {
	t := tcoLine{id: l.ID, category: l.Category, basis: l.Basis, start: l.Start, end: l.End, prob: decOne}
	if l.ID == "" {
		v.add(jsonptr.Append(path, "id"), "line id is required")
	}
	if !slices.Contains(costCategories, l.Category) {
		v.add(jsonptr.Append(path, "category"), "unknown cost category %q", text.Truncate(string(l.Category), maxQuoted))
	}
	switch l.Basis {
	case CostBasisRecurring, CostBasisOneOff:
		t.amount, t.prob = v.amount(path, l, m.Currency)
	case CostBasisPercent:
		t.share, t.of = v.percent(path, l, siblings, byID)
	default:
		v.add(jsonptr.Append(path, "basis"), "unknown cost basis %q (want %s)", text.Truncate(string(l.Basis), maxQuoted), text.List(costBases))
	}
	v.timing(path, &t, m.Horizon)
	if l.Escalation != nil {
		v.escalation(jsonptr.Append(path, "escalation"), &t, *l.Escalation, m.Period.PerYear())
	}
	return t
}

// amount returns the line's amount after its probability, and the
// probability as a fraction (1 without).
func (v *tcoValidator) amount(path string, l CostLine, c outsourcing.Currency) (decimal.Decimal, decimal.Decimal) {
	if l.Percent != nil || len(l.Of) > 0 {
		v.add(jsonptr.Append(path, "percent"), "percent and of belong to percent lines only")
	}
	if l.Amount == nil || !l.Amount.IsSet() {
		v.add(jsonptr.Append(path, "amount"), "amount is required for a %s line", l.Basis)
		return decimal.Zero, decOne
	}
	if l.Amount.Currency() != c {
		v.addErr(jsonptr.Append(path, "amount"), outsourcing.ErrCurrencyMismatch, "amount in %s, model in %s", l.Amount.Currency(), c)
	}
	amount, prob := l.Amount.Amount().Shopspring(), decOne
	if l.Probability != nil {
		if !l.Probability.Between(outsourcing.Percent{}, hundredPercent) {
			v.add(jsonptr.Append(path, "probability"), "probability %s must be between 0 and 100", l.Probability)
		}
		prob = l.Probability.Fraction().Shopspring()
	}
	return amount.Mul(prob), prob
}

func (v *tcoValidator) percent(path string, l CostLine, siblings []CostLine, byID map[string]int) (decimal.Decimal, []int) {
	if l.Amount != nil {
		v.add(jsonptr.Append(path, "amount"), "a percent line takes percent and of, not an amount")
	}
	if l.Probability != nil {
		v.add(jsonptr.Append(path, "probability"), "a percent line cannot have a probability")
	}
	if l.Percent == nil || l.Percent.Points().IsNegative() {
		v.add(jsonptr.Append(path, "percent"), "a percent line needs a percent ≥ 0")
		return decimal.Zero, nil
	}
	if len(l.Of) == 0 {
		v.add(jsonptr.Append(path, "of"), "a percent line needs the ids of the lines it is a share of")
	}
	of := make([]int, 0, len(l.Of))
	for j, ref := range l.Of {
		i, ok := byID[ref]
		switch {
		case !ok:
			v.addErr(jsonptr.Append(path, "of", j), outsourcing.ErrNotFound, "no line %q in this option", ref)
		case siblings[i].Basis == CostBasisPercent:
			v.add(jsonptr.Append(path, "of", j), "line %q is a percent line; shares of shares are not supported", ref)
		default:
			of = append(of, i)
		}
	}
	return l.Percent.Fraction().Shopspring(), of
}

func (v *tcoValidator) timing(path string, t *tcoLine, horizon int) {
	if t.basis == CostBasisOneOff {
		if t.end != 0 {
			v.add(jsonptr.Append(path, "end"), "a one-off line has no end period")
		}
		if t.start < 0 || t.start > horizon {
			v.add(jsonptr.Append(path, "start"), "one-off period %d is outside 0..%d", t.start, horizon)
		}
		t.end = t.start
		return
	}
	if t.start == 0 {
		t.start = 1
	}
	end := t.end
	if t.end == 0 {
		t.end = horizon
	}
	switch {
	case t.start < 1 || t.start > horizon:
		v.add(jsonptr.Append(path, "start"), "start period %d is not within 1..%d", t.start, horizon)
	case end != 0 && (end < t.start || end > horizon):
		v.add(jsonptr.Append(path, "end"), "end period %d is not within %d..%d", end, t.start, horizon)
	}
}

func (v *tcoValidator) escalation(path string, t *tcoLine, e Escalation, perYear int) {
	t.every = e.Every
	if t.every == 0 {
		t.every = max(perYear, 1)
	}
	if t.every < 0 {
		v.add(jsonptr.Append(path, "every"), "escalation step %d must be positive", e.Every)
	}
	if len(e.Index) == 0 || len(e.Index) > MaxTCOHorizon {
		v.add(jsonptr.Append(path, "index"), "want 1 to %d index values", MaxTCOHorizon)
	}
	for i, p := range e.Index {
		f := p.Fraction().Shopspring()
		if f.Cmp(decMinus1) <= 0 {
			v.add(jsonptr.Append(path, "index", i), "index change %s must be greater than -100 %%", p)
		}
		t.index = append(t.index, f)
	}
	if e.Cap != nil {
		if e.Cap.Points().IsNegative() {
			v.add(jsonptr.Append(path, "cap"), "escalation cap %s must not be negative", e.Cap)
		}
		t.capped, t.cap = true, e.Cap.Fraction().Shopspring()
	}
}

// cloneTCOModel deep-copies the slices of m so a compiled TCO cannot be
// changed through the caller's model.
func cloneTCOModel(m TCOModel) TCOModel {
	m.Options = slices.Clone(m.Options)
	for i := range m.Options {
		m.Options[i].Lines = slices.Clone(m.Options[i].Lines)
		for j := range m.Options[i].Lines {
			l := &m.Options[i].Lines[j]
			l.Of = slices.Clone(l.Of)
			if l.Escalation != nil {
				e := *l.Escalation
				e.Index = slices.Clone(e.Index)
				l.Escalation = &e
			}
		}
	}
	return m
}

// Model returns a copy of the model the TCO was compiled from.
func (t *TCO) Model() TCOModel { return cloneTCOModel(t.model) }
