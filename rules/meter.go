package rules

import (
	"reflect"
	"strconv"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
)

// The meter: a per-evaluation count of work, charged by calls that
// instrument inserts into a checked tree. Its names contain '#', which
// expr's lexer never puts in an identifier, so no rule can name the
// meter, reset it or charge it itself.
const (
	meterVar = "meter#"
	newMeter = "meter#new"
	tickFunc = "meter#tick"
	chargeFn = "meter#charge"
	boundVar = "arg#"
)

// meter counts the work of one evaluation against its budget.
type meter struct{ used, budget uint }

// add charges cost units; past the budget it is a *limitError.
func (m *meter) add(cost uint) error {
	m.used += cost
	if m.used > m.budget || m.used < cost {
		return limitf("evaluation budget of %d units exceeded", m.budget)
	}
	return nil
}

// meterFunctions are the expr functions instrument calls: a new meter, a
// charge of a constant number of units, and the charge of an operation
// (a builtin or an operator, by name) on the values of its arguments.
func meterFunctions() []expr.Option {
	return []expr.Option{
		expr.Function(newMeter, func(p ...any) (any, error) {
			return &meter{budget: uint(p[0].(int))}, nil
		}, new(func(int) *meter)),
		expr.Function(tickFunc, func(p ...any) (any, error) {
			return true, p[0].(*meter).add(uint(p[1].(int)))
		}, new(func(*meter, int) bool)),
		expr.Function(chargeFn, func(p ...any) (any, error) {
			cost, err := costOf(p[1].(string), p[2:])
			if err != nil {
				return nil, err
			}
			return true, p[0].(*meter).add(cost)
		}, new(func(*meter, string, ...any) bool)),
	}
}

// costOf is the cost of builtin or operator name on args.
func costOf(name string, args []any) (uint, error) {
	if f := builtinCosts[name]; f != nil {
		return f(args)
	}
	return operatorCosts[name](args)
}

// instrument inserts the meter into a checked tree (see the sandbox
// comment in sandbox.go). A rule with nothing to charge runs unmetered.
func instrument(root *ast.Node, budget uint) {
	in := &instrumenter{}
	ast.Walk(root, in)
	if !in.metered {
		return
	}
	init := &ast.CallNode{Callee: &ast.IdentifierNode{Value: newMeter}, Arguments: []ast.Node{&ast.IntegerNode{Value: int(budget)}}}
	*root = &ast.VariableDeclaratorNode{Name: meterVar, Value: init, Expr: *root}
}

type instrumenter struct {
	bound   int
	metered bool
}

// Visit implements ast.Visitor. ast.Walk visits children first, so a
// predicate's body is instrumented before the predicate is charged, and
// a node is replaced after everything below it.
func (in *instrumenter) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.PredicateNode:
		tick := in.call(tickFunc, n, &ast.IntegerNode{Value: int(countNodes(n.Node))})
		n.Node = &ast.SequenceNode{Nodes: []ast.Node{tick, n.Node}}
	case *ast.BuiltinNode:
		var args []*ast.Node
		for i := range n.Arguments {
			if _, ok := n.Arguments[i].(*ast.PredicateNode); !ok {
				args = append(args, &n.Arguments[i])
			}
		}
		in.charge(node, n.Name, args)
	case *ast.BinaryNode:
		if operatorCosts[n.Operator] != nil && (n.Operator != "+" || !isNumber(n.Type())) {
			in.charge(node, n.Operator, []*ast.Node{&n.Left, &n.Right})
		}
	case *ast.CallNode:
		if name := chargedHelper(n); name != "" {
			in.charge(node, name, []*ast.Node{&n.Arguments[0], &n.Arguments[1]})
		}
	}
}

// chargedHelper names the operator helper a call is charged as (see
// operatorCosts), or "" when the call costs no more than its node:
// equality is charged only when both operands may be lists or maps.
func chargedHelper(n *ast.CallNode) string {
	id, ok := n.Callee.(*ast.IdentifierNode)
	if !ok || operatorCosts[id.Value] == nil || len(n.Arguments) != 2 {
		return ""
	}
	if (id.Value == "_dyn_eq" || id.Value == "_dyn_ne") &&
		!(mayBeCollection(n.Arguments[0].Type()) && mayBeCollection(n.Arguments[1].Type())) {
		return ""
	}
	return id.Value
}

// charge replaces *node by
//
//	let arg#1 = a; let arg#2 = b; meter#charge(meter#, name, arg#1, arg#2); node(arg#1, arg#2)
//
// so that each argument is evaluated once, and the charge (with its
// caps) comes before the operation runs.
func (in *instrumenter) charge(node *ast.Node, name string, args []*ast.Node) {
	orig := *node
	callArgs := []ast.Node{&ast.StringNode{Value: name}}
	var lets []*ast.VariableDeclaratorNode
	for _, a := range args {
		in.bound++
		v := boundVar + strconv.Itoa(in.bound)
		lets = append(lets, &ast.VariableDeclaratorNode{Name: v, Value: *a})
		*a = &ast.IdentifierNode{Value: v}
		callArgs = append(callArgs, &ast.IdentifierNode{Value: v})
	}
	var out ast.Node = &ast.SequenceNode{Nodes: []ast.Node{in.call(chargeFn, orig, callArgs...), orig}}
	for i := len(lets) - 1; i >= 0; i-- {
		lets[i].Expr = out
		out = lets[i]
	}
	locate(out, orig)
	*node = out
}

// call builds fn(meter#, args...) located at the node it charges for.
func (in *instrumenter) call(fn string, at ast.Node, args ...ast.Node) ast.Node {
	in.metered = true
	c := &ast.CallNode{Callee: &ast.IdentifierNode{Value: fn}, Arguments: append([]ast.Node{&ast.IdentifierNode{Value: meterVar}}, args...)}
	locate(c, at)
	return c
}

// locate gives every new node without a location the location of at, so
// that a limit reached by a charge points at what was charged.
func locate(n ast.Node, at ast.Node) {
	ast.Find(n, func(x ast.Node) bool {
		if x.Location().From == 0 && x.Location().To == 0 {
			x.SetLocation(at.Location())
		}
		return false
	})
}

// isNumber reports whether t is statically an int or a float (the only
// operands of + that cost nothing beyond their node).
func isNumber(t reflect.Type) bool {
	return t != nil && kindOf(t) == ResultNumber
}
