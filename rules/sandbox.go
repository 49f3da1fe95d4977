package rules

import (
	"fmt"
	"slices"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/outsourcing-go/outsourcing"
)

// The sandbox that lets untrusted rules run in the host's process.
//
// expr bounds memory per evaluation with vm.VM.MemoryBudget, counted in
// elements allocated by ranges, arrays, maps and sorts, but it has no bound
// on work. Here the same budget bounds both. The patcher below rewrites
// each rule before it is type-checked:
//   - every iteration of every predicate (all, any, filter, map, reduce,
//     sortBy, ...) is charged one unit;
//   - inside a predicate, each call of a builtin that walks a collection or
//     string (sum, uniq, keys, join, indexOf, ...) and each `in` test is
//     charged the length of what it walks, so a loop over a loop stops
//     after about budget steps instead of running for seconds.
//
// Charges are made through expr's own accounting: a call of the builtin
// repeat("x", n) adds n to the evaluation's memory count, and the VM stops
// with "memory budget exceeded" once the budget is spent.
//
// Strings built with + are capped at MaxStringLength bytes, so
// repeated doubling cannot exhaust memory. Builtins that read the clock or
// the time-zone database (now, date, timezone) are removed, so rules are
// pure functions of their environment; so are uniq (quadratic) and reduce
// (its untyped accumulator escapes the string cap).

// MaxStringLength is the longest string a rule may build with +.
const MaxStringLength = 1 << 16

// disabledBuiltins read the clock or the time-zone files (now, date,
// timezone), take time quadratic in their input (uniq), or carry state
// across iterations in untyped form, past the reach of the string cap
// (reduce).
var disabledBuiltins = []string{"now", "date", "timezone", "uniq", "reduce"}

// linearBuiltins walk their first argument.
var linearBuiltins = map[string]bool{
	"sum": true, "max": true, "min": true, "mean": true, "median": true,
	"keys": true, "values": true, "toPairs": true, "fromPairs": true, "join": true,
	"indexOf": true, "lastIndexOf": true, "split": true, "splitAfter": true, "replace": true,
	"trim": true, "trimPrefix": true, "trimSuffix": true, "upper": true, "lower": true,
	"toJSON": true, "fromJSON": true, "toBase64": true, "fromBase64": true, "take": true,
	"hasPrefix": true, "hasSuffix": true,
}

// sandboxOptions returns the expr options that install the sandbox.
func sandboxOptions() []expr.Option {
	opts := []expr.Option{
		expr.Function("_str_add", func(p ...any) (any, error) {
			a, b := p[0].(string), p[1].(string)
			if len(a)+len(b) > MaxStringLength {
				return nil, limitf("string of %d bytes, more than the %d allowed", len(a)+len(b), MaxStringLength)
			}
			return a + b, nil
		}, new(func(string, string) string)),
	}
	for _, name := range disabledBuiltins {
		opts = append(opts, expr.DisableBuiltin(name))
	}
	return opts
}

// charge returns a node that adds cost (an int node) to the evaluation's
// budget count.
func charge(cost ast.Node) ast.Node {
	return &ast.BuiltinNode{Name: "repeat", Arguments: []ast.Node{&ast.StringNode{Value: "x"}, cost}}
}

// charged evaluates first, for its cost only, then node.
func charged(first, node ast.Node) ast.Node {
	return &ast.SequenceNode{Nodes: []ast.Node{first, node}}
}

// meterLoops inserts the charges described above into predicate bodies.
type meterLoops struct{}

// Visit implements ast.Visitor. ast.Walk visits children first, so a
// predicate's body is metered before the predicate is wrapped.
func (meterLoops) Visit(node *ast.Node) {
	p, ok := (*node).(*ast.PredicateNode)
	if !ok {
		return
	}
	meterCalls(&p.Node)
	p.Node = charged(charge(&ast.IntegerNode{Value: 1}), p.Node)
}

// meterCalls charges linear builtins and `in` tests within a predicate
// body (not within nested predicates, which meter themselves).
func meterCalls(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.PredicateNode:
		return
	case *ast.SequenceNode:
		meterEach(n.Nodes)
	case *ast.VariableDeclaratorNode:
		meterCalls(&n.Value)
		meterCalls(&n.Expr)
	case *ast.MemberNode:
		meterCalls(&n.Node)
		meterCalls(&n.Property)
	case *ast.ArrayNode:
		meterEach(n.Nodes)
	case *ast.BuiltinNode:
		meterEach(n.Arguments)
		if linearBuiltins[n.Name] && len(n.Arguments) > 0 {
			size := &ast.BuiltinNode{Name: "len", Arguments: []ast.Node{n.Arguments[0]}}
			*node = charged(charge(size), n)
		}
	case *ast.BinaryNode:
		meterCalls(&n.Left)
		meterCalls(&n.Right)
		if n.Operator == "in" || n.Operator == "not in" {
			size := &ast.BuiltinNode{Name: "len", Arguments: []ast.Node{n.Right}}
			*node = charged(charge(size), n)
		}
	case *ast.UnaryNode:
		meterCalls(&n.Node)
	case *ast.CallNode:
		meterEach(n.Arguments)
	case *ast.ConditionalNode:
		meterCalls(&n.Cond)
		meterCalls(&n.Exp1)
		meterCalls(&n.Exp2)
	}
}

// meterEach applies meterCalls to every node of a list in place.
func meterEach(nodes []ast.Node) {
	for i := range nodes {
		meterCalls(&nodes[i])
	}
}

// rejectDisabled reports the first disabled builtin a compiled rule uses
// (expr's parser lets predicate builtins such as reduce through
// DisableBuiltin).
func rejectDisabled(id, source string, root ast.Node) error {
	var found *ast.BuiltinNode
	ast.Find(root, func(n ast.Node) bool {
		b, ok := n.(*ast.BuiltinNode)
		if ok && slices.Contains(disabledBuiltins, b.Name) {
			found = b
			return true
		}
		return false
	})
	if found == nil {
		return nil
	}
	line, column := position(source, found.Location().From)
	return &outsourcing.RuleError{Rule: id, Line: line, Column: column, Reason: fmt.Sprintf("builtin %s is not available in rules", found.Name)}
}

// position converts a byte offset in source to a 1-based line and column
// (counted in characters).
func position(source string, offset int) (line, column int) {
	line, column = 1, 1
	for i, r := range source {
		if i >= offset {
			break
		}
		if r == '\n' {
			line, column = line+1, 1
		} else {
			column++
		}
	}
	return line, column
}

// limitError is a resource limit reached while a rule runs. It is a type
// of this package that no rule can construct, so a rule's own error text
// cannot pass for a limit.
type limitError struct{ reason string }

func (e *limitError) Error() string { return "limit exceeded: " + e.reason }

// limitf builds a *limitError.
func limitf(format string, args ...any) error {
	return &limitError{reason: fmt.Sprintf(format, args...)}
}
