package contract

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/outsourcing-go/outsourcing/sla"
)

// ReviewPolicy configures a contract review (Handbook §3.2). Its zero
// value is the default: every core clause required, a liability cap of at
// least 1 × the annual fees, payment within 60 days, findings of high
// severity or worse blocking, no user rules.
type ReviewPolicy struct {
	// RequiredClauses are the clause kinds a contract must have; nil
	// means CoreClauseKinds().
	RequiredClauses []ClauseKind `json:"required_clauses,omitempty"`
	// MinLiabilityMultiple is the smallest liability cap accepted, as a
	// multiple of the annual fees; nil means 1.
	MinLiabilityMultiple *outsourcing.Decimal `json:"min_liability_multiple,omitempty"`
	// MaxPaymentDays is the longest payment term accepted, in days
	// counted from the invoice date (end-of-month terms count to the
	// latest due date, from an invoice on the 1st of a 31-day month); 0
	// means 60.
	MaxPaymentDays int `json:"max_payment_days,omitempty"`
	// BlockAt is the severity from which an open finding blocks
	// clearance; "" means high.
	BlockAt outsourcing.Severity `json:"block_at,omitempty"`
	// Rules are conditions over ReviewEnv that a sound contract meets; a
	// rule that does not hold is a finding with the rule's severity
	// (medium when unset) and its description as the message.
	Rules []rules.Rule `json:"rules,omitempty"`
	// ClauseRules are conditions over ClauseEnv, evaluated for every
	// clause; each clause that fails one is a finding at the clause.
	ClauseRules []rules.Rule `json:"clause_rules,omitempty"`
}

// Built-in review checks, the Check of their findings.
const (
	// CheckMissingClause: a required clause kind is absent.
	CheckMissingClause = "missing_clause"
	// CheckSLAPenalty: a critical service level has no credit model.
	CheckSLAPenalty = "sla_penalty"
	// CheckNoSLA: the contract has an SLA clause but no SLA schedule.
	CheckNoSLA = "sla_schedule"
	// CheckLiabilityCap: the liability cap is below the policy's multiple
	// of the annual fees, or missing.
	CheckLiabilityCap = "liability_cap"
	// CheckPaymentTerms: payment terms exceed the policy's limit.
	CheckPaymentTerms = "payment_terms"
)

// Finding is one problem a review found.
type Finding struct {
	// Check is the built-in check (CheckMissingClause…) or the id of the
	// user rule that found it.
	Check string `json:"check"`
	// Severity grades it.
	Severity outsourcing.Severity `json:"severity"`
	// Path is the JSON pointer of the part of the contract document it is
	// about ("" for the whole contract).
	Path string `json:"path"`
	// Message says what is wrong, in words.
	Message string `json:"message"`
}

// Review is the outcome of Reviewer.Review.
type Review struct {
	// Contract and Version identify the contract reviewed.
	Contract string `json:"contract"`
	Version  int    `json:"version"`
	// Findings, most severe first, then in document order.
	Findings []Finding `json:"findings"`
}

// Highest returns the severity of the most severe finding; "" when there
// is none.
func (r Review) Highest() outsourcing.Severity {
	if len(r.Findings) == 0 {
		return ""
	}
	return r.Findings[0].Severity
}

// Reviewer reviews contracts under a policy. It is immutable and safe for
// concurrent use.
type Reviewer struct {
	policy      ReviewPolicy
	required    []ClauseKind
	minMultiple outsourcing.Decimal
	maxDays     int
	blockAt     outsourcing.Severity
	rules       conditions[*ReviewEnv]
	clauseRules conditions[*ClauseEnv]
}

// conditions is a compiled rule set with its rules by id.
type conditions[E any] struct {
	set  *rules.Set[E]
	byID map[string]rules.Rule
}

// NewReviewer compiles a review policy. Errors: a rule that does not
// compile or is not a condition (a *outsourcing.FieldError at
// /rules/i or /clause_rules/i matching ErrRule), an unknown clause kind
// or severity, a negative multiple or day count (ErrInvalidInput).
func NewReviewer(policy ReviewPolicy, opts ...rules.Option) (*Reviewer, error) {
	rv := &Reviewer{policy: policy, required: slices.Clone(policy.RequiredClauses),
		minMultiple: outsourcing.DecimalFromInt(1), maxDays: cmp.Or(policy.MaxPaymentDays, 60),
		blockAt: cmp.Or(policy.BlockAt, outsourcing.SeverityHigh)}
	rv.policy.Rules = slices.Clone(policy.Rules)
	rv.policy.ClauseRules = slices.Clone(policy.ClauseRules)
	if rv.required == nil {
		rv.required = CoreClauseKinds()
	}
	var errs problems
	for i, k := range rv.required {
		if !slices.Contains(clauseKinds, k) {
			errs.failf(jsonptr.Join("required_clauses", i), "unknown clause kind %q", k)
		}
	}
	if m := policy.MinLiabilityMultiple; m != nil {
		if m.IsNegative() {
			errs.failf("/min_liability_multiple", "the multiple %s is negative", m)
		}
		rv.minMultiple = *m
	}
	if policy.MaxPaymentDays < 0 {
		errs.failf("/max_payment_days", "%d days is negative", policy.MaxPaymentDays)
	}
	if !rv.blockAt.Valid() {
		errs.failf("/block_at", "unknown severity %q", policy.BlockAt)
	}
	var err error
	rv.rules, err = compileRules[*ReviewEnv]("/rules", policy.Rules, opts)
	errs.add(err)
	rv.clauseRules, err = compileRules[*ClauseEnv]("/clause_rules", policy.ClauseRules, opts)
	errs.add(err)
	if len(errs) > 0 {
		return nil, wrap(joinProblems(errs))
	}
	return rv, nil
}

// compileRules compiles conditions, reporting each problem at the
// rule's pointer under base.
func compileRules[E any](base string, list []rules.Rule, opts []rules.Option) (conditions[E], error) {
	set, err := rules.Compile[E](list, append(slices.Clone(opts), rules.RequireBool())...)
	if err != nil {
		return conditions[E]{}, ruleProblems(err, func(id string) string {
			if i := slices.IndexFunc(list, func(r rules.Rule) bool { return r.ID == id }); i >= 0 {
				return jsonptr.Append(base, i)
			}
			return base
		})
	}
	byID := make(map[string]rules.Rule, len(list))
	for _, r := range set.Rules() {
		byID[r.ID] = r
	}
	return conditions[E]{set, byID}, nil
}

// ruleProblems places rule errors at the pointer where the rule they
// name is written (pathOf(rule id)).
func ruleProblems(err error, pathOf func(id string) string) error {
	var out []error
	for _, e := range outsourcing.Problems(err) {
		var id string
		if re, ok := e.(*outsourcing.RuleError); ok {
			id = re.Rule
		}
		path := pathOf(id)
		out = append(out, &outsourcing.FieldError{Path: path, Reason: e.Error(), Err: outsourcing.ErrRule, Cause: e})
	}
	return joinProblems(out)
}

// Policy returns a copy of the policy the reviewer was built from.
func (rv *Reviewer) Policy() ReviewPolicy {
	p := rv.policy
	p.RequiredClauses = slices.Clone(p.RequiredClauses)
	p.Rules = slices.Clone(p.Rules)
	p.ClauseRules = slices.Clone(p.ClauseRules)
	return p
}

// Review runs the built-in checks and the policy's rules over c:
// missing required clauses (high), critical levels without a credit
// model, the penalty (high), an SLA clause without an SLA schedule (high), a liability cap
// below the minimum multiple of the annual fees (high), payment terms
// beyond the limit (medium), then every user rule that does not hold.
// Errors: a nil or uncompiled contract (ErrInvalidInput at /contract); a
// rule failing at run time (a *outsourcing.RuleError, ErrRule, ErrLimit
// when it exceeds its budget).
func (rv *Reviewer) Review(c *Contract) (Review, error) {
	if err := compiled(c, "/contract"); err != nil {
		return Review{}, wrap(err)
	}
	out := Review{Contract: c.spec.ID, Version: c.spec.Version}
	out.Findings = append(out.Findings, rv.clauseFindings(c)...)
	out.Findings = append(out.Findings, slaFindings(c)...)
	out.Findings = append(out.Findings, rv.moneyFindings(c)...)
	env := c.Env()
	ruleFindings, err := failing(rv.rules, env, "")
	if err != nil {
		return Review{}, wrap(err)
	}
	out.Findings = append(out.Findings, ruleFindings...)
	if rv.clauseRules.set.Len() > 0 {
		for i := range c.spec.Clauses {
			f, err := failing(rv.clauseRules, c.clauseEnv(i, env), jsonptr.Join("clauses", i))
			if err != nil {
				return Review{}, wrap(err)
			}
			out.Findings = append(out.Findings, f...)
		}
	}
	slices.SortStableFunc(out.Findings, func(a, b Finding) int { return b.Severity.Rank() - a.Severity.Rank() })
	return out, nil
}

// failing turns the conditions that do not hold for env into findings
// at path.
func failing[E any](cs conditions[E], env E, path string) ([]Finding, error) {
	if cs.set.Len() == 0 {
		return nil, nil
	}
	ids, err := cs.set.Failing(env)
	if err != nil {
		return nil, err
	}
	out := make([]Finding, 0, len(ids))
	for _, id := range ids {
		r := cs.byID[id]
		out = append(out, Finding{Check: id, Severity: cmp.Or(r.Severity, outsourcing.SeverityMedium), Path: path,
			Message: cmp.Or(r.Description, fmt.Sprintf("rule %q does not hold", id))})
	}
	return out, nil
}

func (rv *Reviewer) clauseFindings(c *Contract) []Finding {
	var out []Finding
	for _, k := range rv.required {
		if !slices.ContainsFunc(c.spec.Clauses, func(cl Clause) bool { return cl.Kind == k }) {
			out = append(out, Finding{Check: CheckMissingClause, Severity: outsourcing.SeverityHigh, Path: "/clauses",
				Message: fmt.Sprintf("no %s clause", k)})
		}
	}
	return out
}

func slaFindings(c *Contract) []Finding {
	s := c.spec.SLA
	if s == nil {
		if slices.ContainsFunc(c.spec.Clauses, func(cl Clause) bool { return cl.Kind == ClauseKindSLA }) {
			return []Finding{{Check: CheckNoSLA, Severity: outsourcing.SeverityHigh, Path: "/sla",
				Message: "the contract has an SLA clause but no SLA schedule with quantified levels"}}
		}
		return nil
	}
	var out []Finding
	for i, l := range s.Agreement.Levels {
		path := jsonptr.Join("sla", "agreement", "levels", i)
		if l.Class != sla.LevelClassKey && (l.Credit.Kind == "" || l.Credit.Kind == sla.CreditKindNone) {
			out = append(out, Finding{Check: CheckSLAPenalty, Severity: outsourcing.SeverityHigh, Path: jsonptr.Append(path, "credit"),
				Message: fmt.Sprintf("critical service level %q has no penalty (credit model)", l.ID)})
		}
	}
	return out
}

func (rv *Reviewer) moneyFindings(c *Contract) []Finding {
	var out []Finding
	floor := c.annual.Mul(rv.minMultiple).Round(outsourcing.RoundHalfUp)
	switch {
	case c.cap.IsZero():
		out = append(out, Finding{Check: CheckLiabilityCap, Severity: outsourcing.SeverityHigh, Path: "/liability/cap",
			Message: "the contract states no liability cap"})
	case c.cap.Amount().LessThan(floor.Amount()):
		out = append(out, Finding{Check: CheckLiabilityCap, Severity: outsourcing.SeverityHigh, Path: "/liability/cap",
			Message: fmt.Sprintf("the liability cap %s is below %s × the annual fees of %s (%s)", c.cap, rv.minMultiple, c.annual, floor)})
	}
	t := c.spec.PaymentTerms
	days := t.Days
	if t.Basis == PaymentBasisEndOfMonth {
		days += 30 // an invoice on the 1st of a 31-day month
	}
	if days > rv.maxDays {
		out = append(out, Finding{Check: CheckPaymentTerms, Severity: outsourcing.SeverityMedium, Path: "/payment_terms/days",
			Message: fmt.Sprintf("payment within %d days exceeds the limit of %d days", days, rv.maxDays)})
	}
	return out
}
