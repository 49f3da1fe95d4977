package rules

import (
	"fmt"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/optimizer"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
)

// The sandbox that lets untrusted rules run in the host's process.
//
// Every expr builtin is off except those on the allow-list (builtinCosts),
// each of which has a cost function of its arguments' sizes. A rule is
// parsed, patched (decimal operators) and type-checked by expr, counted
// against the node limit, optimized, and then instrumented (meter.go)
// before it becomes bytecode:
//   - every iteration of every predicate (all, any, filter, map, sortBy…)
//     is charged the number of nodes of its body, whatever their kind;
//   - every builtin call, range, `in` test, == or != between values that
//     may be lists or maps, and string concatenation, inside or outside
//     predicates, is charged its cost function on the
//     values of its arguments before it runs, and fails if the result it
//     would build is over MaxStringLength or MaxCollectionLength;
//   - decimal arithmetic refuses operands of more than MaxDecimalDigits
//     digits, and Round more than DivisionPlaces places.
//
// The charges go to a meter created at the start of each evaluation and
// held in a variable whose name no rule can write. Exceeding the budget
// or a cap is a *limitError, a type of this package that no rule and no
// host function can construct, so ErrLimit never depends on error text.
// expr's own memory budget stays on only as a backstop above the meter.
// Builtins that read the clock or the time-zone database are not on the
// list, so rules are pure functions of their environment.

// MaxStringLength is the longest string, in bytes, a rule may build.
const MaxStringLength = 1 << 16

// MaxCollectionLength is the most elements a builtin or range of a rule
// may build into one list or map.
const MaxCollectionLength = 1 << 16

// limitError is a resource limit reached while a rule compiles or runs.
// It is a type of this package that no rule can construct, so a rule's
// own error text cannot pass for a limit.
type limitError struct{ reason string }

// Error says which limit was reached.
func (e *limitError) Error() string { return "limit exceeded: " + e.reason }

// limitf builds a *limitError.
func limitf(format string, args ...any) error {
	return &limitError{reason: fmt.Sprintf(format, args...)}
}

// sandboxOptions returns the expr options that install the allow-list
// and the meter's functions.
func sandboxOptions() []expr.Option {
	opts := []expr.Option{expr.DisableAllBuiltins()}
	for name := range builtinCosts {
		opts = append(opts, expr.EnableBuiltin(name))
	}
	return append(opts, meterFunctions()...)
}

// newConfig applies expr options to a fresh configuration, with the
// disabled builtins removed and no node limit of expr's own (build
// counts nodes as a typed limit).
func newConfig(opts []expr.Option) *conf.Config {
	config := conf.CreateNew()
	for _, o := range opts {
		o(config)
	}
	for name := range config.Disabled {
		delete(config.Builtins, name)
	}
	config.MaxNodes = 0
	config.Check()
	return config
}

// parse parses one expression and counts its nodes against maxNodes.
func parse(source string, config *conf.Config, maxNodes uint) (*parser.Tree, error) {
	tree, err := parser.ParseWithConfig(source, config)
	if err != nil {
		return nil, err
	}
	if n := countNodes(tree.Node); n > maxNodes {
		return nil, limitf("%d nodes, more than the %d allowed", n, maxNodes)
	}
	return tree, nil
}

// build turns source into a sandboxed program (see buildTree).
func build(source string, opts []expr.Option, maxNodes, budget uint) (*vm.Program, error) {
	config := newConfig(opts)
	tree, err := parse(source, config, maxNodes)
	if err != nil {
		return nil, err
	}
	return buildTree(tree, config, budget)
}

// buildTree turns a parsed tree into a sandboxed program: expr's patches
// and type check, the allow-list, expr's optimizer, the meter, and
// bytecode. Errors are expr's *file.Error, *unlistedError or *limitError.
func buildTree(tree *parser.Tree, config *conf.Config, budget uint) (*vm.Program, error) {
	if _, err := new(checker.Checker).PatchAndCheck(tree, config); err != nil {
		return nil, err
	}
	if err := rejectUnlisted(tree.Node); err != nil {
		return nil, err
	}
	ast.Walk(&tree.Node, dynamicComparisons{}) // on the checked tree: operand types are final
	if err := optimizer.Optimize(&tree.Node, config); err != nil {
		return nil, err
	}
	instrument(&tree.Node, budget)
	if _, err := checker.Check(tree, config); err != nil {
		return nil, err
	}
	return compiler.Compile(tree, config)
}

// countNodes counts every node of a tree, whatever its kind.
func countNodes(root ast.Node) uint {
	var c nodeCounter
	ast.Walk(&root, &c)
	return uint(c)
}

type nodeCounter uint

// Visit implements ast.Visitor.
func (c *nodeCounter) Visit(*ast.Node) { *c++ }

// rejectUnlisted reports the first builtin a rule uses that is not on the
// allow-list (expr's parser lets predicate builtins such as reduce
// through DisableBuiltin).
func rejectUnlisted(root ast.Node) error {
	found := ast.Find(root, func(n ast.Node) bool {
		b, ok := n.(*ast.BuiltinNode)
		return ok && builtinCosts[b.Name] == nil
	})
	if found == nil {
		return nil
	}
	return &unlistedError{name: found.(*ast.BuiltinNode).Name, at: found.Location().From}
}

// unlistedError is a builtin that is not available in rules, at a byte
// offset of the source.
type unlistedError struct {
	name string
	at   int
}

// Error names the builtin that is not on the allow-list.
func (e *unlistedError) Error() string {
	return fmt.Sprintf("builtin %s is not available in rules", e.name)
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

// backstop is expr's own memory budget for a rule set: never reached
// while the meter counts everything the VM counts, it bounds memory if
// the meter ever missed an allocation.
func backstop(budget, maxNodes uint) uint { return 2*budget + maxNodes }
