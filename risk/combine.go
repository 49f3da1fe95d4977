package risk

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
)

// CombinationMethod says how the effectiveness of several controls on one
// axis combine into one.
type CombinationMethod string

// Combination methods.
const (
	// CombinationCompound treats controls as independent: 1 − Π(1 − eᵢ),
	// so each removes its share of what the others leave. The default.
	CombinationCompound CombinationMethod = "compound"
	// CombinationStrongest counts only the most effective control, max eᵢ
	// (controls that overlap fully).
	CombinationStrongest CombinationMethod = "strongest"
	// CombinationRule computes the combination with a rule expression over
	// CombineEnv (Combiner).
	CombinationRule CombinationMethod = "rule"
)

var combinations = []CombinationMethod{CombinationCompound, CombinationStrongest, CombinationRule}

// String returns the method name.
func (c CombinationMethod) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown methods.
func (c CombinationMethod) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(c, "combination", combinations)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown methods.
func (c *CombinationMethod) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(c, text, "combination", combinations)
}

// Combination configures how controls combine: Method (empty means
// compound) and, for CombinationRule, the Rule expression over CombineEnv.
type Combination struct {
	Method CombinationMethod `json:"method,omitempty"`
	Rule   string            `json:"rule,omitempty"`
}

// CombineEnv is what a combination rule sees: the effectiveness of the
// controls on one axis, each 0..1, for example `min(1, sum(effectiveness))`
// (additive, capped) or `count == 0 ? 0 : max(effectiveness) * 0.9 + 0.1 * min(effectiveness)`.
type CombineEnv struct {
	// Effectiveness lists the controls' effectiveness in register order.
	Effectiveness []float64 `expr:"effectiveness"`
	// Count is the number of controls.
	Count int `expr:"count"`
}

// Combiner combines the effectiveness of controls. It is immutable and
// safe for concurrent use.
type Combiner struct {
	method CombinationMethod
	rule   scorerOf[CombineEnv]
}

// combineRuleID names the combination rule in *outsourcing.RuleError values.
const combineRuleID = "combination"

// NewCombiner returns the combiner of c; c.Rule is the expression for
// CombinationRule (and must be empty otherwise), compiled once with the
// kernel's rule engine (budget ScoreBudget) and required to yield a
// number. An unknown method is a *outsourcing.FieldError at "/method", a
// rule that does not compile one at "/rule" wrapping the
// *outsourcing.RuleError.
func NewCombiner(c Combination) (*Combiner, error) {
	cb, err := newCombiner("", c)
	return cb, wrap(err)
}

// compound is the default combiner.
var compound = &Combiner{method: CombinationCompound}

func newCombiner(path string, spec Combination) (*Combiner, error) {
	method, rule := spec.Method, spec.Rule
	if method == "" {
		method = CombinationCompound
	}
	if err := enumError(path+"/method", "combination", string(method), combinations); err != nil {
		return nil, err
	}
	c := &Combiner{method: method}
	switch {
	case method == CombinationRule:
		r, err := compileNumeric[CombineEnv](combineRuleID, rule)
		if err != nil {
			return nil, &outsourcing.FieldError{Path: path + "/rule", Reason: "combination " + err.Error(), Err: err}
		}
		c.rule = r
	case rule != "":
		return nil, outsourcing.FieldErrorf(path+"/rule", "a rule is only used with the method %q", CombinationRule)
	}
	return c, nil
}

// Combine returns the combined effectiveness of e (each 0..1, else a
// *outsourcing.FieldError at its index "/i"), 0 without controls. A rule
// that fails, or yields a value outside 0..1, is an error.
func (c *Combiner) Combine(e ...float64) (float64, error) {
	v, err := c.combine("", e)
	return v, wrap(err)
}

func (c *Combiner) combine(path string, e []float64) (float64, error) {
	for i, x := range e {
		if !(x >= 0 && x <= 1) {
			return 0, outsourcing.FieldErrorf(fmt.Sprintf("%s/%d", path, i), "effectiveness %g is outside 0..1", x)
		}
	}
	switch c.method {
	case CombinationStrongest:
		best := 0.0
		for _, x := range e {
			best = max(best, x)
		}
		return best, nil
	case CombinationRule:
		v, err := c.rule(CombineEnv{Effectiveness: e, Count: len(e)})
		if err != nil {
			return 0, &outsourcing.FieldError{Path: path, Reason: "combination " + err.Error(), Err: err}
		}
		if !(v >= 0 && v <= 1) {
			return 0, outsourcing.FieldErrorf(path, "the combination rule yields %g, outside 0..1", v)
		}
		return v, nil
	}
	keep := 1.0
	for _, x := range e {
		keep *= 1 - x
	}
	return 1 - keep, nil
}
