package termination

import (
	_ "embed"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/rules"
)

// TriggerEnv is what a trigger rule reads of a termination context at
// its day. Counts are int; Credits is the total SLA credit of the
// reports, a decimal in the contract's currency. Example rules:
//
//	uncured_breaches > 0
//	sla_signals > 0 || credits_at_cap >= 2
//	force_majeure_limit > 0 && force_majeure_days > force_majeure_limit
type TriggerEnv struct {
	// DaysToTermEnd counts the days from the day to the current term's
	// last day; TermEndsWithoutRenewal reports that the contract ends
	// with that term (contract.Contract.Renewal: phase ends or ended).
	DaysToTermEnd          int  `expr:"days_to_term_end"`
	TermEndsWithoutRenewal bool `expr:"term_ends_without_renewal"`
	// BreachNotices counts the breach notices served by the day;
	// UncuredBreaches those not remedied when their cure period ended
	// before the day.
	BreachNotices   int `expr:"breach_notices"`
	UncuredBreaches int `expr:"uncured_breaches"`
	// SLAReports counts the reports up to the day; SLASignals the
	// triggered breach signals (sla.Signal) of the latest one, and
	// MissedMinimumInWindow the highest rolling count among its signals.
	SLAReports            int `expr:"sla_reports"`
	SLASignals            int `expr:"sla_signals"`
	MissedMinimumInWindow int `expr:"missed_minimum_in_window"`
	// CreditsAtCap counts the reports among the last AtCapWindow whose
	// credits reached the cap.
	CreditsAtCap int `expr:"credits_at_cap"`
	// Credits sums the reports' credits.
	Credits outsourcing.Decimal `expr:"credits"`
	// ForceMajeureDays is the longest force-majeure event's length in
	// days up to the day (both ends counted); ForceMajeureLimit the days
	// the contract allows (0: no right).
	ForceMajeureDays  int `expr:"force_majeure_days"`
	ForceMajeureLimit int `expr:"force_majeure_limit"`
	// VendorInsolvent and ChangeOfControl repeat the vendor status.
	VendorInsolvent bool `expr:"vendor_insolvent"`
	ChangeOfControl bool `expr:"change_of_control"`
	// StrategicChange repeats the context; ConvenienceNotice reports a
	// convenience notice served by the day.
	StrategicChange   bool `expr:"strategic_change"`
	ConvenienceNotice bool `expr:"convenience_notice"`
}

// AtCapWindow is the number of latest SLA reports CreditsAtCap looks at.
const AtCapWindow = 6

// Triggers is a compiled set of trigger rules: boolean rules over
// TriggerEnv, each tagged "ground:<ground>" with the ground it fires. It
// is immutable and safe for concurrent use.
type Triggers struct {
	set    *rules.Set[*TriggerEnv]
	rules  []rules.Rule
	ground map[string]Ground
	inputs map[string][]string
}

//go:embed defaults/triggers.json
var defaultTriggersJSON []byte

// DefaultTriggersJSON returns a copy of the shipped trigger rules, a
// rules.SetSpec document to edit and compile with CompileTriggers.
func DefaultTriggersJSON() []byte { return slices.Clone(defaultTriggersJSON) }

var defaultTriggers = sync.OnceValue(func() *Triggers {
	spec, err := rules.ParseSet(defaultTriggersJSON)
	if err != nil {
		panic(err) // the shipped document is tested
	}
	t, err := CompileTriggers(spec)
	if err != nil {
		panic(err)
	}
	return t
})

// DefaultTriggers returns the shipped triggers of Handbook §7.1: expiry
// without renewal, material breach, repeated SLA failure, force majeure
// beyond the agreed days, insolvency or change of control, strategic
// change or convenience. They are immutable, so every caller shares them.
func DefaultTriggers() *Triggers { return defaultTriggers() }

// CompileTriggers compiles a rule set of triggers (rules.ParseSet reads
// one). Errors, each a *outsourcing.FieldError at the rule's pointer
// (/rules/i): a rule that does not compile or is not a condition
// (ErrRule), a rule without exactly one "ground:<ground>" tag naming a
// known ground (at /rules/i/tags).
func CompileTriggers(spec rules.SetSpec, opts ...rules.Option) (*Triggers, error) {
	t := &Triggers{rules: slices.Clone(spec.Rules), ground: map[string]Ground{}}
	var errs problems
	for i, r := range spec.Rules {
		var named []Ground
		for _, tag := range r.Tags {
			if g, ok := strings.CutPrefix(tag, "ground:"); ok {
				named = append(named, Ground(g))
			}
		}
		if len(named) != 1 || !grounds.valid(named[0]) {
			errs.failf(jsonptr.Join("rules", i, "tags"), "rule %q needs exactly one tag ground:<ground> naming one of %v", r.ID, grounds.values)
			continue
		}
		t.ground[r.ID] = named[0]
	}
	set, err := rules.Compile[*TriggerEnv](spec.Rules, append(slices.Clone(opts), rules.RequireBool())...)
	if err != nil {
		errs.add(ruleProblems(err, spec.Rules))
	}
	if err := errs.err(); err != nil {
		return nil, wrap(err)
	}
	t.set, t.inputs = set, set.Inputs()
	return t, nil
}

// ruleProblems places rule errors at the pointer of the rule they name.
func ruleProblems(err error, list []rules.Rule) error {
	var out problems
	for _, e := range outsourcing.Problems(err) {
		path := "/rules"
		if re, ok := e.(*outsourcing.RuleError); ok {
			if i := slices.IndexFunc(list, func(r rules.Rule) bool { return r.ID == re.Rule }); i >= 0 {
				path = jsonptr.Join("rules", i)
			}
		}
		out.add(&outsourcing.FieldError{Path: path, Reason: e.Error(), Err: outsourcing.ErrRule, Cause: e})
	}
	return out.err()
}

// Assessment is the outcome of evaluating the triggers on a context.
type Assessment struct {
	// Contract is the contract's id; AsOf the day.
	Contract string        `json:"contract"`
	AsOf     contract.Date `json:"as_of"`
	// Facts are the values the rules read, by rule name.
	Facts []Fact `json:"facts"`
	// Triggers are the rules that fired, in rule order.
	Triggers []Trigger `json:"triggers"`
}

// Fact is one value of the trigger environment.
type Fact struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

// Trigger is a trigger that fired, with its evidence and what the
// contract requires to act on it.
type Trigger struct {
	// Rule is the rule's id, Description its description.
	Rule        string `json:"rule"`
	Description string `json:"description,omitempty"`
	// Ground is the ground it fires.
	Ground Ground `json:"ground"`
	// Severity repeats the rule's severity.
	Severity outsourcing.Severity `json:"severity,omitempty"`
	// Evidence says what in the context made it fire: notices, reports,
	// events.
	Evidence []string `json:"evidence"`
	// Conditions are the rule's sub-conditions and their values.
	Conditions []rules.ConditionTrace `json:"conditions,omitempty"`
	// Inputs are the facts the rule read.
	Inputs []Fact `json:"inputs"`
	// Permitted reports that the contract gives a termination right on
	// the ground; when it does not, the fields below are zero.
	Permitted bool `json:"permitted"`
	// Clause is the id of the clause giving the right.
	Clause string `json:"clause,omitempty"`
	// Notice and Cure are the notice and cure periods of the right.
	Notice contract.Span `json:"notice,omitzero"`
	Cure   contract.Span `json:"cure,omitzero"`
	// CureEnds is the last day of the cure period of the earliest
	// uncured breach notice; zero without one.
	CureEnds contract.Date `json:"cure_ends,omitzero"`
	// EarliestEffective is the earliest day termination can take effect:
	// Notice after the later of the day (or the convenience notice
	// served) and the day after CureEnds; for expiry, the term's last day.
	EarliestEffective contract.Date `json:"earliest_effective,omitzero"`
}

// EarliestPermitted returns the trigger the contract lets the customer
// act on soonest: of the triggers with a termination right (Permitted),
// the one with the earliest EarliestEffective, the first in rule order
// among equals. ok is false when no trigger gives a right. Triggers are in
// rule order, so Triggers[0] need not be it.
func (a Assessment) EarliestPermitted() (t Trigger, ok bool) {
	for _, tr := range a.Triggers {
		if tr.Permitted && (!ok || tr.EarliestEffective.Before(t.EarliestEffective)) {
			t, ok = tr, true
		}
	}
	return t, ok
}

// Evaluate assesses the context ctx against the terms t: it builds the
// TriggerEnv, evaluates every rule and reports the rules that fired with
// their evidence and the contract's notice requirements, computed with
// the contract's date arithmetic (month ends clamp). Errors: a context
// that does not fit the contract (*outsourcing.FieldError at its pointer
// in ctx: another contract, an unknown party, dates out of order, an SLA
// report of another agreement, a notice or force-majeure id given twice), a rule that fails at run time (ErrRule)
// or exceeds its budget (ErrLimit), notice requirements running past
// 9999-12-31 (at /as_of).
func (tr *Triggers) Evaluate(t *Terms, ctx ContextSpec) (Assessment, error) {
	if err := t.checkContext(ctx); err != nil {
		return Assessment{}, wrap(err)
	}
	env, ev := t.triggerEnv(ctx)
	why, err := tr.set.Explain(env)
	if err != nil {
		return Assessment{}, wrap(ruleProblems(err, tr.rules))
	}
	facts := env.facts()
	out := Assessment{Contract: ctx.Contract, AsOf: ctx.AsOf, Facts: facts}
	for _, trace := range why.Rules {
		if !trace.Matched {
			continue
		}
		g := tr.ground[trace.Rule]
		trig := Trigger{Rule: trace.Rule, Description: trace.Description, Ground: g, Severity: trace.Severity,
			Evidence: slices.Clone(ev.notes[g]), Conditions: trace.Conditions}
		for _, in := range tr.inputs[trace.Rule] {
			if i := slices.IndexFunc(facts, func(f Fact) bool { return f.Name == in }); i >= 0 {
				trig.Inputs = append(trig.Inputs, facts[i])
			}
		}
		t.requirements(&trig, ctx, ev)
		if d := maxDate(trig.CureEnds, trig.EarliestEffective); d.After(lastDay()) {
			return Assessment{}, wrap(outsourcing.FieldErrorf("/as_of", "trigger %s: its notice requirements run to %s, after %s, the last day a date can hold",
				trig.Rule, d, lastDay()))
		}
		out.Triggers = append(out.Triggers, trig)
	}
	return out, nil
}

// requirements fills in the contract's notice requirements of a trigger.
func (t *Terms) requirements(trig *Trigger, ctx ContextSpec, ev evidence) {
	gt, ok := t.grounds[trig.Ground]
	if !ok {
		return
	}
	trig.Permitted, trig.Clause, trig.Notice, trig.Cure = true, gt.Clause, gt.Notice, gt.Cure
	if trig.Ground == GroundExpiry {
		trig.EarliestEffective = ev.termEnd
		return
	}
	from := ctx.AsOf
	if trig.Ground == GroundConvenience && !ev.convenienceServed.IsZero() {
		from = ev.convenienceServed
	}
	if trig.Ground == GroundMaterialBreach && !ev.firstUncured.IsZero() {
		trig.CureEnds = gt.Cure.AddTo(ev.firstUncured)
		from = maxDate(from, trig.CureEnds.AddDays(1))
	}
	trig.EarliestEffective = gt.Notice.AddTo(from)
}

// facts lists the environment's values by rule name, in field order.
func (e *TriggerEnv) facts() []Fact {
	v := reflect.ValueOf(e).Elem()
	out := make([]Fact, 0, v.NumField())
	for i := range v.NumField() {
		out = append(out, Fact{Name: v.Type().Field(i).Tag.Get("expr"), Value: v.Field(i).Interface()})
	}
	return out
}
