package rules

import (
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
	"github.com/outsourcing-go/outsourcing"
)

// Explanation is the audit trail of one evaluation: every rule's result
// and, for conditions, the values of the sub-conditions that decided it.
type Explanation struct {
	// Rules holds one trace per rule, in rule order.
	Rules []Trace `json:"rules"`
}

// Matched returns the ids of the conditions that held.
func (e Explanation) Matched() []string {
	var ids []string
	for _, r := range e.Rules {
		if r.Matched {
			ids = append(ids, r.Rule)
		}
	}
	return ids
}

// Trace is one rule's part of an Explanation.
type Trace struct {
	// Rule, Description and Severity repeat the rule's header.
	Rule        string               `json:"rule"`
	Description string               `json:"description,omitempty"`
	Severity    outsourcing.Severity `json:"severity,omitempty"`
	// Expression is the rule's source.
	Expression string `json:"expression"`
	// Value is what the rule yielded.
	Value any `json:"value"`
	// Matched is true for a condition that held.
	Matched bool `json:"matched"`
	// Conditions are the operands of the rule's top-level and/or/not
	// structure, each with its value, in source order.
	Conditions []ConditionTrace `json:"conditions,omitempty"`
}

// ConditionTrace is one sub-condition and what it evaluated to. For a
// comparison, Left and Right are the values compared.
type ConditionTrace struct {
	Expression string `json:"expression"`
	Value      any    `json:"value"`
	Left       any    `json:"left,omitempty"`
	Right      any    `json:"right,omitempty"`
}

// condition is a sub-condition compiled on its own for explanations.
type condition struct {
	source      string
	value       *vm.Program
	left, right *vm.Program
}

var comparisonOperators = map[string]bool{"<": true, "<=": true, ">": true, ">=": true, "==": true, "!=": true,
	"in": true, "not in": true, "matches": true, "contains": true, "startsWith": true, "endsWith": true}

// conditions splits a boolean expression at its top-level and/or/not
// operators and compiles each operand (and a comparison's two sides) as
// its own program. An operand that cannot stand alone (it uses a
// let-bound variable, say) is explained by its source only.
func (c *ruleCompiler[E]) conditions(source string) []condition {
	tree, err := parser.Parse(source)
	if err != nil {
		return nil
	}
	var leaves []ast.Node
	var split func(n ast.Node)
	split = func(n ast.Node) {
		switch n := n.(type) {
		case *ast.BinaryNode:
			if n.Operator == "&&" || n.Operator == "||" || n.Operator == "and" || n.Operator == "or" {
				split(n.Left)
				split(n.Right)
				return
			}
		case *ast.UnaryNode:
			if n.Operator == "!" || n.Operator == "not" {
				split(n.Node)
				return
			}
		}
		leaves = append(leaves, n)
	}
	split(tree.Node)
	if len(leaves) < 2 {
		if b, ok := tree.Node.(*ast.BinaryNode); !ok || !comparisonOperators[b.Operator] {
			return nil
		}
	}
	out := make([]condition, 0, len(leaves))
	for _, leaf := range leaves {
		cond := condition{source: leaf.String()}
		cond.value, _ = c.program("", cond.source)
		if b, ok := leaf.(*ast.BinaryNode); ok && comparisonOperators[b.Operator] {
			cond.left, _ = c.program("", b.Left.String())
			cond.right, _ = c.program("", b.Right.String())
		}
		out = append(out, cond)
	}
	return out
}

// Explain evaluates every rule and records why each came out as it did.
// It costs more than Eval (each sub-condition runs again) and is meant for
// audit trails, not hot paths. Failures are joined as in Eval.
func (rs *Set[E]) Explain(env E) (Explanation, error) {
	results, err := rs.eval(env)
	if err != nil {
		return Explanation{}, err
	}
	ex := Explanation{Rules: make([]Trace, len(rs.rules))}
	for i, r := range rs.rules {
		trace := Trace{Rule: r.rule.ID, Description: r.rule.Description, Severity: r.rule.Severity,
			Expression: r.rule.Expression, Value: results[i].Value}
		trace.Matched, _ = results[i].Value.(bool)
		for _, c := range r.explained() {
			trace.Conditions = append(trace.Conditions, ConditionTrace{
				Expression: c.source,
				Value:      rs.runProgram(c.value, env),
				Left:       rs.runProgram(c.left, env),
				Right:      rs.runProgram(c.right, env),
			})
		}
		ex.Rules[i] = trace
	}
	return ex, nil
}

// explained returns the rule's sub-conditions, compiled on first use
// (none for a valued rule).
func (r compiledRule) explained() []condition {
	if r.conditions == nil {
		return nil
	}
	return r.conditions()
}

// runProgram evaluates a helper program for an explanation; a missing
// program or a failure explains as nil.
func (rs *Set[E]) runProgram(p *vm.Program, env E) any {
	if p == nil {
		return nil
	}
	out, err := rs.exec(p, env)
	if err != nil {
		return nil
	}
	return out
}
