package rules

import (
	"errors"
	"fmt"
	"maps"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// TableSpec is a DMN-style decision table: input columns computed from
// the environment, output columns, and rows of cell tests with the
// outputs they give. Later packages ship their configurable defaults as
// tables (a sourcing-strategy recommendation, an escalation route) that
// users can edit as JSON.
type TableSpec struct {
	// ID names the table in errors and decisions.
	ID string `json:"id"`
	// Description says what the table decides.
	Description string `json:"description,omitempty"`
	// HitPolicy says which matching rows give the result.
	HitPolicy HitPolicy `json:"hit_policy"`
	// Aggregation, with HitPolicy COLLECT only, reduces the single output
	// column of the matching rows to one number.
	Aggregation Aggregation `json:"aggregation,omitempty"`
	// Inputs are the columns tested by the rows.
	Inputs []TableInput `json:"inputs"`
	// Outputs are the columns the rows give.
	Outputs []TableOutput `json:"outputs"`
	// Rules are the rows, in order.
	Rules []TableRow `json:"rules"`
}

// TableInput is an input column: an expr expression over the environment.
type TableInput struct {
	ID         string `json:"id"`
	Label      string `json:"label,omitempty"`
	Expression string `json:"expression"`
}

// TableOutput is an output column.
type TableOutput struct {
	// Name keys the output in Decision.Outputs.
	Name string `json:"name"`
	// Type is the kind of the column's values: string, number (float64),
	// decimal (exact) or bool.
	Type ResultKind `json:"type"`
	// Values, when set, are the allowed values in decreasing priority
	// (required on the first output for hit policy PRIORITY).
	Values []string `json:"values,omitempty"`
	// Default, when set, is the output of a single-hit table that no row
	// matches.
	Default any `json:"default,omitempty"`
}

// TableRow is one row: a cell test per input and a value per output.
type TableRow struct {
	// ID names the row in decisions and errors; "r1", "r2"... when empty.
	ID string `json:"id,omitempty"`
	// When holds one cell test per input (see the cell syntax on
	// CompileTable).
	When []string `json:"when"`
	// Then holds one value per output, of the output's type; decimals may
	// be written as strings ("0.15").
	Then []any `json:"then"`
	// Description says why the row exists, for audit trails.
	Description string `json:"description,omitempty"`
}

// Table is a compiled TableSpec over the environment type E:
// immutable and safe for concurrent use. All cells are evaluated in one
// pass of one program, each input expression once.
type Table[E any] struct {
	tableData
	rules *Set[E]
}

// tableData is the part of a compiled table that does not depend on E,
// computed once by CompileTable from its own copy of the spec.
type tableData struct {
	spec     TableSpec
	rowIDs   []string
	columns  []column
	outputs  [][]any // typed output values per row and output column
	ranks    [][]int // per row and output, the value's place in the column's list
	defaults map[string]any
}

// Decision is the result of a decision table for one environment.
type Decision struct {
	// Table is the table's id; HitPolicy its policy.
	Table     string    `json:"table"`
	HitPolicy HitPolicy `json:"hit_policy"`
	// Matched lists every row whose tests all held, in row order; a FIRST
	// table stops at the first, so it lists that one only.
	Matched []string `json:"matched"`
	// Rows lists the rows that give the result under the hit policy.
	Rows []string `json:"rows"`
	// Outputs holds one map of output name to value per row in Rows (or
	// the defaults when a single-hit table matched nothing).
	Outputs []map[string]any `json:"outputs"`
	// Aggregate is the COLLECT aggregation (SUM, COUNT, MIN, MAX) when the
	// table has one, without trailing fractional zeros; Aggregated says
	// whether it was computed (MIN and MAX of no rows are not).
	Aggregate  outsourcing.Decimal `json:"aggregate"`
	Aggregated bool                `json:"aggregated"`
}

// Output returns the named output of the first resulting row.
func (d Decision) Output(name string) (any, bool) {
	if len(d.Outputs) == 0 {
		return nil, false
	}
	v, ok := d.Outputs[0][name]
	return v, ok
}

// CompileTable validates and compiles spec against the environment type
// E. It keeps its own copy of spec: changing spec afterwards changes
// nothing in the table.
//
// Cell syntax (DMN simple unary tests): "-" or "" matches anything;
// ">= 5", "< 5", "= 5", "!= 5" compare the input; "[1..10]", "(1..10)",
// "]1..10[" and "[1..10)" test intervals; "\"a\",\"b\"" and literals test
// equality with any listed value; "not(...)" negates; anything else is a
// boolean expr expression in which ? stands for the input. Literals
// become syntax-tree constants, never text: 1000000 stays the integer
// 1000000 and 0.15 the exact decimal 0.15.
//
// The options apply as to a rule set: WithMaxSourceLength and
// WithMaxNodes to each input expression and each cell, WithMaxRules to
// the rows, WithBudget to one decision.
//
// Errors are joined, in order, as *FieldError values whose Path is a
// JSON pointer into the table document: the table's shape (ids, policy,
// aggregation, cell and value counts, output values of the wrong type or
// outside their list) matches ErrInvalidInput; an input expression
// ("/inputs/0/expression") or cell ("/rules/3/when/1") that does not
// compile matches ErrRule and wraps the *RuleError (ErrLimit as well for
// a cell over a limit).
func CompileTable[E any](spec TableSpec, opts ...Option) (*Table[E], error) {
	cfg := newRuleConfig(opts)
	spec = spec.clone()
	if err := spec.validate(cfg); err != nil {
		return nil, err
	}
	data, errs := newTableData(spec)
	rs, err := newSet[E](cfg)
	if err != nil {
		return nil, err
	}
	p, err := compileTableProgram[E](newRuleCompiler[E](cfg), spec)
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	rs.add(compiledRule{rule: Rule{ID: spec.ID}, program: p, kind: ResultOther})
	return &Table[E]{tableData: data, rules: rs}, nil
}

// matchedRows reads the program's result as the indexes of matching rows.
func matchedRows(out any) []int {
	if first, ok := out.(int); ok {
		if first < 0 {
			return nil
		}
		return []int{first}
	}
	var rows []int
	for r, hit := range out.([]any) {
		if hit == true {
			rows = append(rows, r)
		}
	}
	return rows
}

// Spec returns a copy of the table's specification.
func (t *Table[E]) Spec() TableSpec { return t.spec.clone() }

// Decide evaluates the table for env and applies its hit policy. It fails
// with a *RuleError when an input cannot be evaluated, and with a
// *HitPolicyError (matching ErrRule) when a UNIQUE table matches more than
// one row or an ANY table's matching rows disagree.
func (t *Table[E]) Decide(env E) (Decision, error) {
	out, err := t.rules.value(t.spec.ID, env)
	if err != nil {
		return Decision{}, err
	}
	d := Decision{Table: t.spec.ID, HitPolicy: t.spec.HitPolicy}
	matched := matchedRows(out)
	for _, r := range matched {
		d.Matched = append(d.Matched, t.rowIDs[r])
	}
	selected, err := t.spec.HitPolicy.apply(&t.tableData, matched)
	if err != nil {
		return Decision{}, err
	}
	for _, r := range selected {
		d.Rows = append(d.Rows, t.rowIDs[r])
		d.Outputs = append(d.Outputs, t.outputMap(r))
	}
	if len(selected) == 0 && t.spec.HitPolicy.singleHit() && t.defaults != nil {
		d.Outputs = []map[string]any{maps.Clone(t.defaults)}
	}
	if t.spec.Aggregation != "" {
		agg, ok := t.spec.Aggregation.apply(&t.tableData, selected)
		d.Aggregate, d.Aggregated = agg.Trim(), ok
	}
	return d, nil
}

func (t *tableData) outputMap(r int) map[string]any {
	m := make(map[string]any, len(t.columns))
	for o, col := range t.columns {
		m[col.Name] = t.outputs[r][o]
	}
	return m
}

// HitPolicyError reports rows that break a UNIQUE or ANY hit policy.
type HitPolicyError struct {
	// Table is the table's id, Policy its hit policy.
	Table  string
	Policy HitPolicy
	// Rows are the ids of the matching rows.
	Rows []string
}

// Error lists the offending rows.
func (e *HitPolicyError) Error() string {
	return fmt.Sprintf("table %q: hit policy %s broken by rows %s", e.Table, e.Policy, strings.Join(e.Rows, ", "))
}

// Unwrap makes the error match ErrRule.
func (e *HitPolicyError) Unwrap() error { return outsourcing.ErrRule }
