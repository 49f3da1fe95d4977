package rules

import (
	"errors"
	"fmt"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// A table compiles to one program, assembled as a syntax tree:
//
//	let _in0 = <input 0>; let _in1 = <input 1>; [<row 0>, <row 1>, …]
//
// where each row is the && of its cells' tests. A FIRST table yields the
// index of the first matching row instead (-1 for none) and stops there.

// compileTableProgram builds and compiles the table's program. A program
// that does not type-check is compiled again input by input and cell by
// cell, so that each error points at what the user wrote.
func compileTableProgram[E any](c *ruleCompiler[E], spec TableSpec) (*vm.Program, error) {
	config := newConfig(c.opts)
	inputs, cells, errs := c.tableParts(spec, config)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	rows := make([]ast.Node, len(spec.Rules))
	for r := range spec.Rules {
		for _, t := range cells[r] {
			rows[r] = join("&&", rows[r], t)
		}
		if rows[r] == nil {
			rows[r] = &ast.BoolNode{Value: true}
		}
	}
	p, err := buildTree(&parser.Tree{Node: letInputs(inputs, hits(spec.HitPolicy, rows))}, config, c.cfg.budget)
	if err == nil {
		return p, nil
	}
	if errs = c.locate(spec); len(errs) == 0 { // not one part fails alone
		errs = []error{tableError(spec.ID, "", "", err)}
	}
	return nil, errors.Join(errs...)
}

// tableParts parses every input expression and every cell.
func (c *ruleCompiler[E]) tableParts(spec TableSpec, config *conf.Config) (inputs []ast.Node, cells [][]ast.Node, errs []error) {
	cp := cellParser{config: config, maxNodes: c.cfg.maxNodes, maxBytes: c.cfg.maxSource}
	for i, in := range spec.Inputs {
		node, err := c.parseInput(in.Expression, config)
		if err != nil {
			errs = append(errs, tableError(spec.ID, jsonptr.Join("inputs", i, "expression"), in.Expression, err))
		}
		inputs = append(inputs, node)
	}
	cells = make([][]ast.Node, len(spec.Rules))
	for r, row := range spec.Rules {
		for i, text := range row.When {
			t, err := cp.cell(text, i)
			if err != nil {
				errs = append(errs, tableError(spec.ID, jsonptr.Join("rules", r, "when", i), text, err))
			}
			cells[r] = append(cells[r], t)
		}
	}
	return inputs, cells, errs
}

// parseInput parses an input expression within the size limits.
func (c *ruleCompiler[E]) parseInput(source string, config *conf.Config) (ast.Node, error) {
	if len(source) > c.cfg.maxSource {
		return nil, limitf("expression is %d bytes, more than the %d allowed", len(source), c.cfg.maxSource)
	}
	tree, err := parse(source, config, c.cfg.maxNodes)
	if err != nil {
		return nil, err
	}
	return tree.Node, nil
}

// locate compiles every input alone, then (when they all compile) every
// cell alone over its input, and reports those that fail.
func (c *ruleCompiler[E]) locate(spec TableSpec) []error {
	var errs []error
	for i, in := range spec.Inputs {
		if _, err := c.tablePart(spec, i, ""); err != nil {
			errs = append(errs, tableError(spec.ID, jsonptr.Join("inputs", i, "expression"), in.Expression, err))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	for r, row := range spec.Rules {
		for i, text := range row.When {
			if _, err := c.tablePart(spec, i, text); err != nil {
				errs = append(errs, tableError(spec.ID, jsonptr.Join("rules", r, "when", i), text, err))
			}
		}
	}
	return errs
}

// tablePart compiles input i alone, or with a cell its test over input i,
// which must be boolean.
func (c *ruleCompiler[E]) tablePart(spec TableSpec, i int, cell string) (*vm.Program, error) {
	config := newConfig(c.opts)
	in, err := c.parseInput(spec.Inputs[i].Expression, config)
	if err != nil {
		return nil, err
	}
	body := inputNode(i)
	if cell != "" {
		test, err := cellParser{config: config, maxNodes: c.cfg.maxNodes, maxBytes: c.cfg.maxSource}.cell(cell, i)
		if err != nil || test == nil {
			return nil, err
		}
		body = test
	}
	inputs := make([]ast.Node, i+1)
	inputs[i] = in
	p, err := buildTree(&parser.Tree{Node: letInputs(inputs, body)}, config, c.cfg.budget)
	if err == nil && cell != "" {
		if kind := kindOf(p.Node().Type()); kind != ResultBool && kind != ResultAny {
			return nil, fmt.Errorf("the test yields %s, want bool", kind)
		}
	}
	return p, err
}

// letInputs binds every input (nil ones are left out) around body.
func letInputs(inputs []ast.Node, body ast.Node) ast.Node {
	for i := len(inputs) - 1; i >= 0; i-- {
		if inputs[i] != nil {
			body = &ast.VariableDeclaratorNode{Name: inputVar(i), Value: inputs[i], Expr: body}
		}
	}
	return body
}

// hits is the body of the table's program: a list of booleans, or for
// FIRST the index of the first matching row (-1 for none).
func hits(policy HitPolicy, rows []ast.Node) ast.Node {
	if policy != HitPolicyFirst {
		return &ast.ArrayNode{Nodes: rows}
	}
	var out ast.Node = &ast.IntegerNode{Value: -1}
	for r := len(rows) - 1; r >= 0; r-- {
		out = &ast.ConditionalNode{Cond: rows[r], Exp1: &ast.IntegerNode{Value: r}, Exp2: out}
	}
	return out
}

// tableError reports a part of a table that does not compile at its JSON
// pointer, matching ErrRule and wrapping the *RuleError (which matches
// ErrLimit too for a limit).
func tableError(table, path, source string, err error) error {
	re := ruleErrorFrom(table, source, err)
	return &outsourcing.FieldError{Path: path, Reason: re.Reason, Err: outsourcing.ErrRule, Cause: re}
}
