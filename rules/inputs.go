package rules

import (
	"slices"
	"strings"

	"github.com/expr-lang/expr/ast"
)

// ruleInputs lists the environment paths an expression reads: identifiers
// and chains of static member accesses on them ("vendor.revenue"), minus
// function names and let-bound variables. A path that only prefixes a
// longer one is dropped.
func ruleInputs(root ast.Node) []string {
	v := &inputCollector{bound: map[string]bool{}, callees: map[ast.Node]bool{}}
	ast.Walk(&root, calleeCollector(v.callees))
	ast.Walk(&root, v)
	var paths []string
	for _, p := range v.paths {
		if !v.bound[strings.SplitN(p, ".", 2)[0]] {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)
	var out []string
	for i, p := range paths {
		if i+1 < len(paths) && strings.HasPrefix(paths[i+1], p+".") {
			continue
		}
		out = append(out, p)
	}
	return out
}

type inputCollector struct {
	paths   []string
	bound   map[string]bool
	callees map[ast.Node]bool
}

// Visit implements ast.Visitor; ast.Walk visits children before parents.
func (v *inputCollector) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.VariableDeclaratorNode:
		v.bound[n.Name] = true
	case *ast.CallNode:
		if m, ok := n.Callee.(*ast.MemberNode); ok {
			if p, ok := staticPath(m.Node); ok {
				v.paths = append(v.paths, p)
			}
		}
	case *ast.IdentifierNode, *ast.MemberNode:
		if v.callees[n] {
			return
		}
		if p, ok := staticPath(n); ok {
			v.paths = append(v.paths, p)
		}
	}
}

// staticPath renders identifier.member.member chains; ok is false for
// anything computed (indexes, predicate pointers, calls).
func staticPath(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.IdentifierNode:
		return n.Value, true
	case *ast.MemberNode:
		prop, ok := n.Property.(*ast.StringNode)
		if !ok || n.Method {
			return "", false
		}
		base, ok := staticPath(n.Node)
		if !ok {
			return "", false
		}
		return base + "." + prop.Value, true
	}
	return "", false
}

// calleeCollector records the callee node of every call, so that function
// names are not taken for inputs.
type calleeCollector map[ast.Node]bool

// Visit implements ast.Visitor.
func (c calleeCollector) Visit(node *ast.Node) {
	if call, ok := (*node).(*ast.CallNode); ok {
		c[call.Callee] = true
	}
}
