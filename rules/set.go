package rules

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"
	"github.com/outsourcing-go/outsourcing"
)

// Rule is one named expression written in the expr language
// (https://expr-lang.org) over a typed environment: a condition such as
// `years_in_business >= 3 && "ISO27001" in certifications`, or a valued
// formula such as `fee * 0.05`. Rules are how users configure screening
// knock-outs, credit formulas, exclusions, approval routing, termination
// triggers and risk escalation.
type Rule struct {
	// ID names the rule in results, explanations and errors; unique in its
	// set; letters, digits and _ . : / - (1 to 128 characters).
	ID string `json:"id"`
	// Description says in words what the rule checks, for audit trails.
	Description string `json:"description,omitempty"`
	// Expression is the rule's source.
	Expression string `json:"expression"`
	// Type, when set, is the result kind the rule must have; it is checked
	// at compile time.
	Type ResultKind `json:"type,omitempty"`
	// Severity grades a condition's importance for the caller (optional).
	Severity outsourcing.Severity `json:"severity,omitempty"`
	// Tags group rules for the caller (optional).
	Tags []string `json:"tags,omitempty"`
}

var ruleIDPattern = regexp.MustCompile(`^[A-Za-z0-9_.:/-]{1,128}$`)

// Set is a list of rules compiled once against the environment type E
// and evaluated many times. E should be a struct or a pointer to one, so
// that every field a rule names is type-checked at compile time (an
// `expr:"name"` tag renames a field). A Set is immutable and safe for
// concurrent use: evaluations draw virtual machines from a pool.
type Set[E any] struct {
	rules    []compiledRule
	index    map[string]int
	backstop uint // expr's own memory budget, above the meter's
	pool     sync.Pool
	pointer  bool // E is a pointer: a nil environment is refused
}

type compiledRule struct {
	rule       Rule
	program    *vm.Program
	kind       ResultKind
	inputs     []string
	conditions func() []condition // compiled on the first Explain
}

// Compile compiles rules against the environment type E, which must
// be a struct or a pointer to one (anything else is a *RuleError matching
// ErrInvalidInput: a map would lose type checking). Every problem is
// reported, joined in rule order: a *RuleError with the rule id,
// line and column for syntax and type errors (matching ErrRule), with
// ErrLimit for a rule over the size limits, with ErrInvalidInput for a
// missing or duplicate id or an empty expression.
func Compile[E any](rules []Rule, opts ...Option) (*Set[E], error) {
	cfg := newRuleConfig(opts)
	if len(rules) > cfg.maxRules {
		return nil, &outsourcing.RuleError{Reason: fmt.Sprintf("%d rules, more than the %d allowed", len(rules), cfg.maxRules), Err: outsourcing.ErrLimit}
	}
	rs, err := newSet[E](cfg)
	if err != nil {
		return nil, err
	}
	c := newRuleCompiler[E](cfg)
	var errs []error
	for _, r := range rules {
		if err := checkRuleHeader(r, rs.index); err != nil {
			errs = append(errs, err)
			continue
		}
		want := r.Type
		if cfg.requireBool {
			want = ResultBool
		}
		cr, err := c.compile(r.ID, r.Expression, want)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cr.rule = cloneRule(r)
		rs.add(cr)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return rs, nil
}

// newSet returns an empty set for the environment type E, which must be
// a struct or a pointer to one.
func newSet[E any](cfg ruleConfig) (*Set[E], error) {
	t := reflect.TypeFor[E]()
	if t.Kind() != reflect.Struct && (t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct) {
		return nil, &outsourcing.RuleError{Reason: fmt.Sprintf("the environment must be a struct or a pointer to one, not %s", t), Err: outsourcing.ErrInvalidInput}
	}
	rs := &Set[E]{index: map[string]int{}, backstop: backstop(cfg.budget, cfg.maxNodes), pointer: t.Kind() == reflect.Pointer}
	rs.pool.New = func() any { return &vm.VM{} }
	return rs, nil
}

// add appends a compiled rule.
func (rs *Set[E]) add(cr compiledRule) {
	rs.index[cr.rule.ID] = len(rs.rules)
	rs.rules = append(rs.rules, cr)
}

func checkRuleHeader(r Rule, seen map[string]int) error {
	switch {
	case !ruleIDPattern.MatchString(r.ID):
		return &outsourcing.RuleError{Rule: r.ID, Reason: "id must be 1 to 128 letters, digits or _ . : / -", Err: outsourcing.ErrInvalidInput}
	case isDuplicate(seen, r.ID):
		return &outsourcing.RuleError{Rule: r.ID, Reason: "duplicate rule id", Err: outsourcing.ErrInvalidInput}
	case strings.TrimSpace(r.Expression) == "":
		return &outsourcing.RuleError{Rule: r.ID, Reason: "empty expression", Err: outsourcing.ErrInvalidInput}
	case r.Type != "" && !r.Type.valid():
		return &outsourcing.RuleError{Rule: r.ID, Reason: fmt.Sprintf("unknown result type %q", string(r.Type)), Err: outsourcing.ErrInvalidInput}
	case r.Severity != "" && !r.Severity.Valid():
		return &outsourcing.RuleError{Rule: r.ID, Reason: fmt.Sprintf("unknown severity %q", string(r.Severity)), Err: outsourcing.ErrInvalidInput}
	}
	return nil
}

func isDuplicate(seen map[string]int, id string) bool {
	_, dup := seen[id]
	return dup
}

func cloneRule(r Rule) Rule {
	r.Tags = append([]string(nil), r.Tags...)
	return r
}

// languageOptions are the sandbox and decimal options every rule shares,
// built once: each option only configures the expr.Config it is applied
// to.
var languageOptions = sync.OnceValue(func() []expr.Option {
	opts := append(sandboxOptions(), decimalOptions()...)
	opts = append(opts, dynamicOptions()...)
	opts = append(opts, expr.Patch(rulePatches{foldDecimalLiterals{}, literalsNextToDecimals{}}))
	return append(opts, operatorOptions()...)
})

// rulePatches applies this package's rewrites in one walk of the tree:
// expr type-checks the whole tree before each patcher, so one patcher
// instead of three compiles faster.
type rulePatches []ast.Visitor

// Visit implements ast.Visitor.
func (p rulePatches) Visit(node *ast.Node) {
	for _, v := range p {
		v.Visit(node)
	}
}

// ruleCompiler holds the expr options shared by every rule of a set.
type ruleCompiler[E any] struct {
	cfg  ruleConfig
	opts []expr.Option
}

func newRuleCompiler[E any](cfg ruleConfig) *ruleCompiler[E] {
	var env any = *new(E)
	if t := reflect.TypeFor[E](); t.Kind() == reflect.Pointer {
		// Compiling against the struct itself lets expr load fields by
		// index (OpLoadField) instead of by name; at run time it follows
		// the pointer. Methods must then have value receivers.
		env = reflect.Zero(t.Elem()).Interface()
	}
	opts := []expr.Option{expr.Env(env)}
	opts = append(opts, languageOptions()...)
	opts = append(opts, cfg.extra...)
	return &ruleCompiler[E]{cfg: cfg, opts: opts}
}

// compile compiles one expression; want, when set, is the required kind.
func (c *ruleCompiler[E]) compile(id, source string, want ResultKind) (compiledRule, error) {
	if len(source) > c.cfg.maxSource {
		return compiledRule{}, &outsourcing.RuleError{Rule: id, Reason: fmt.Sprintf("expression is %d bytes, more than the %d allowed", len(source), c.cfg.maxSource), Err: outsourcing.ErrLimit}
	}
	program, err := c.program(id, source)
	if err != nil {
		return compiledRule{}, err
	}
	kind := kindOf(program.Node().Type())
	if want != "" && kind != want && kind != ResultAny {
		return compiledRule{}, &outsourcing.RuleError{Rule: id, Line: 1, Column: 1, Reason: fmt.Sprintf("expression yields %s, want %s", kind, want)}
	}
	cr := compiledRule{program: program, kind: kind, inputs: ruleInputs(program.Node())}
	if kind == ResultBool {
		cr.conditions = sync.OnceValue(func() []condition { return c.conditions(source) })
	}
	return cr, nil
}

// program runs expr.Compile, turning its errors and panics into *RuleError.
func (c *ruleCompiler[E]) program(id, source string) (p *vm.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, &outsourcing.RuleError{Rule: id, Reason: fmt.Sprintf("rejected: %v", r)}
		}
	}()
	p, err = build(source, c.opts, c.cfg.maxNodes, c.cfg.budget)
	if err != nil {
		return nil, ruleErrorFrom(id, source, err)
	}
	return p, nil
}

// ruleErrorFrom converts an expr compile or run error into a *RuleError.
// Only a *limitError, which no rule can construct, matches ErrLimit.
func ruleErrorFrom(id, source string, err error) *outsourcing.RuleError {
	re := &outsourcing.RuleError{Rule: id, Reason: err.Error()}
	var fe *file.Error
	if errors.As(err, &fe) {
		re.Reason = fe.Message
		if fe.Line > 0 {
			re.Line, re.Column = fe.Line, fe.Column+1
		}
		re.Err = fe.Unwrap()
	}
	var limit *limitError
	if errors.As(err, &limit) {
		re.Reason, re.Err = limit.Error(), outsourcing.ErrLimit
	}
	var unlisted *unlistedError
	if errors.As(err, &unlisted) {
		re.Line, re.Column = position(source, unlisted.at)
	}
	return re
}

// Len returns the number of rules.
func (rs *Set[E]) Len() int { return len(rs.rules) }

// Rules returns a copy of the rules in their order.
func (rs *Set[E]) Rules() []Rule {
	out := make([]Rule, len(rs.rules))
	for i, r := range rs.rules {
		out[i] = cloneRule(r.rule)
	}
	return out
}

// Kind returns the result kind of rule id, and false if there is none.
func (rs *Set[E]) Kind(id string) (ResultKind, bool) {
	i, ok := rs.index[id]
	if !ok {
		return "", false
	}
	return rs.rules[i].kind, true
}

// Inputs returns, for each rule id, the environment fields the rule
// reads, as dotted paths ("vendor.revenue"), sorted.
func (rs *Set[E]) Inputs() map[string][]string {
	out := make(map[string][]string, len(rs.rules))
	for _, r := range rs.rules {
		out[r.rule.ID] = append([]string(nil), r.inputs...)
	}
	return out
}

// run evaluates rule i on a pooled virtual machine within the budget.
func (rs *Set[E]) run(i int, env E) (any, error) {
	if rs.pointer && any(env) == any(*new(E)) {
		return nil, &outsourcing.RuleError{Rule: rs.rules[i].rule.ID, Reason: "nil environment", Err: outsourcing.ErrInvalidInput}
	}
	out, err := rs.exec(rs.rules[i].program, env)
	if err != nil {
		return nil, ruleErrorFrom(rs.rules[i].rule.ID, rs.rules[i].rule.Expression, err)
	}
	return out, nil
}

// exec runs a program on a pooled virtual machine within the budget.
func (rs *Set[E]) exec(p *vm.Program, env E) (any, error) {
	m := rs.pool.Get().(*vm.VM)
	m.MemoryBudget = rs.backstop
	out, err := m.Run(p, env)
	rs.pool.Put(m)
	return out, err
}

func (rs *Set[E]) lookup(id string) (int, error) {
	i, ok := rs.index[id]
	if !ok {
		return 0, &outsourcing.RuleError{Rule: id, Reason: "no such rule", Err: outsourcing.ErrNotFound}
	}
	return i, nil
}

// Bool evaluates the condition id. It fails with a *RuleError when the
// rule does not exist (ErrNotFound), is not boolean, errs at run time or
// exceeds the budget (ErrLimit).
func (rs *Set[E]) Bool(id string, env E) (bool, error) {
	out, err := rs.value(id, env)
	if err != nil {
		return false, err
	}
	b, ok := out.(bool)
	if !ok {
		return false, &outsourcing.RuleError{Rule: id, Reason: fmt.Sprintf("yields %T, want bool", out)}
	}
	return b, nil
}

// Decimal evaluates the valued rule id as an exact decimal; int and float
// results are converted exactly (a float by its shortest round-trip form).
func (rs *Set[E]) Decimal(id string, env E) (outsourcing.Decimal, error) {
	out, err := rs.value(id, env)
	if err != nil {
		return outsourcing.Decimal{}, err
	}
	d, err := toDecimal(out)
	if err != nil {
		return outsourcing.Decimal{}, &outsourcing.RuleError{Rule: id, Reason: fmt.Sprintf("yields %T, want a number", out)}
	}
	return d, nil
}

// Money evaluates the valued rule id, which must yield Money.
func (rs *Set[E]) Money(id string, env E) (outsourcing.Money, error) {
	out, err := rs.value(id, env)
	if err != nil {
		return outsourcing.Money{}, err
	}
	m, ok := out.(outsourcing.Money)
	if !ok {
		return outsourcing.Money{}, &outsourcing.RuleError{Rule: id, Reason: fmt.Sprintf("yields %T, want Money", out)}
	}
	return m, nil
}

// Value evaluates rule id and returns its result as expr produced it.
func (rs *Set[E]) Value(id string, env E) (any, error) {
	out, err := rs.value(id, env)
	return out, err
}

// value evaluates rule id (errors without the package prefix).
func (rs *Set[E]) value(id string, env E) (any, error) {
	i, err := rs.lookup(id)
	if err != nil {
		return nil, err
	}
	return rs.run(i, env)
}

// Result is the outcome of one rule in Eval.
type Result struct {
	// Rule is the rule id.
	Rule string `json:"rule"`
	// Kind is the rule's result kind.
	Kind ResultKind `json:"kind"`
	// Value is what the rule yielded (bool, decimal.Decimal, Money,
	// int, float64, string...).
	Value any `json:"value"`
}

// Eval evaluates every rule in order. If any rule fails, it returns no
// results and every failure joined in rule order.
func (rs *Set[E]) Eval(env E) ([]Result, error) {
	out, err := rs.eval(env)
	return out, err
}

func (rs *Set[E]) eval(env E) ([]Result, error) {
	out := make([]Result, len(rs.rules))
	var errs []error
	for i, r := range rs.rules {
		v, err := rs.run(i, env)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out[i] = Result{Rule: r.rule.ID, Kind: r.kind, Value: v}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// Matching returns the ids of the boolean rules that hold for env, in rule
// order. Valued rules are skipped. If any condition fails, it returns nil
// and every failure joined.
func (rs *Set[E]) Matching(env E) ([]string, error) {
	ids, err := rs.conditionsWhere(env, true)
	return ids, err
}

// Failing returns the ids of the boolean rules that do not hold for env
// (for knock-out screening: the reasons an alternative is excluded).
func (rs *Set[E]) Failing(env E) ([]string, error) {
	ids, err := rs.conditionsWhere(env, false)
	return ids, err
}

func (rs *Set[E]) conditionsWhere(env E, want bool) ([]string, error) {
	var ids []string
	var errs []error
	for i, r := range rs.rules {
		if r.kind != ResultBool && r.kind != ResultAny {
			continue
		}
		v, err := rs.run(i, env)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		b, ok := v.(bool)
		if !ok {
			errs = append(errs, &outsourcing.RuleError{Rule: r.rule.ID, Reason: fmt.Sprintf("yields %T, want bool", v)})
			continue
		}
		if b == want {
			ids = append(ids, r.rule.ID)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return ids, nil
}

// kindOf maps a static expr type to a ResultKind.
func kindOf(t reflect.Type) ResultKind {
	if t == nil {
		return ResultAny
	}
	switch t {
	case decimalType:
		return ResultDecimal
	case moneyType:
		return ResultMoney
	}
	switch t.Kind() {
	case reflect.Bool:
		return ResultBool
	case reflect.String:
		return ResultString
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return ResultNumber
	case reflect.Interface:
		return ResultAny
	}
	return ResultOther
}
