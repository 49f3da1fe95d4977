package rules

import "github.com/expr-lang/expr"

// Default limits for untrusted rules. Each can be changed per rule set
// with an option.
const (
	// DefaultMaxSourceLength is the longest rule expression accepted, in bytes.
	DefaultMaxSourceLength = 4096
	// DefaultMaxNodes is the largest rule accepted, in expr AST nodes.
	DefaultMaxNodes = 1000
	// DefaultBudget is the work and memory one evaluation of one rule may
	// use: one unit per predicate iteration, per element a builtin reads or
	// allocates, per byte of string it builds. Ordinary rules spend tens
	// to thousands of units; a hostile rule that spends all 1e6 takes up
	// to about 50 ms of one core and allocates up to about 70 MB
	// (BenchmarkBudgetExhausted, on a small 2-core machine). Where rules
	// run over many records (screening a large pool), a smaller budget
	// (WithBudget) bounds the total.
	DefaultBudget = 1_000_000
	// DefaultMaxRules is the most rules one rule set may hold.
	DefaultMaxRules = 1000
)

// Option configures Compile and CompileTable.
type Option func(*ruleConfig)

type ruleConfig struct {
	maxSource   int
	maxNodes    uint
	budget      uint
	maxRules    int
	requireBool bool
	extra       []expr.Option
}

func newRuleConfig(opts []Option) ruleConfig {
	c := ruleConfig{maxSource: DefaultMaxSourceLength, maxNodes: DefaultMaxNodes, budget: DefaultBudget, maxRules: DefaultMaxRules}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// WithMaxSourceLength sets the longest expression accepted, in bytes (n > 0).
func WithMaxSourceLength(n int) Option {
	return func(c *ruleConfig) {
		if n > 0 {
			c.maxSource = n
		}
	}
}

// WithMaxNodes sets the largest expression accepted, in AST nodes (n > 0).
func WithMaxNodes(n uint) Option {
	return func(c *ruleConfig) {
		if n > 0 {
			c.maxNodes = n
		}
	}
}

// WithBudget sets the work-and-memory budget of one evaluation (n > 0);
// an evaluation that exceeds it fails with a *RuleError matching ErrLimit.
func WithBudget(n uint) Option {
	return func(c *ruleConfig) {
		if n > 0 {
			c.budget = n
		}
	}
}

// WithMaxRules sets the most rules a set may hold (n > 0).
func WithMaxRules(n int) Option {
	return func(c *ruleConfig) {
		if n > 0 {
			c.maxRules = n
		}
	}
}

// RequireBool makes every rule a condition: a rule whose expression is not
// boolean is a compile error.
func RequireBool() Option {
	return func(c *ruleConfig) { c.requireBool = true }
}

// WithFunction adds a function the host trusts, callable from rules as
// name(...). types are nil pointers to the function signatures it accepts,
// as for expr.Function (new(func(string) int)); fn must not do I/O.
func WithFunction(name string, fn func(params ...any) (any, error), types ...any) Option {
	return func(c *ruleConfig) { c.extra = append(c.extra, expr.Function(name, fn, types...)) }
}
