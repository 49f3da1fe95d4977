package rules

import (
	"errors"
	"fmt"
	"slices"
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

// tableData is the part of a compiled table that does not depend on E.
type tableData struct {
	spec    TableSpec
	rowIDs  []string
	outputs [][]any // typed output values per row and output column
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

// CompileTable validates and compiles spec against the environment type E.
//
// Cell syntax (DMN simple unary tests): "-" or "" matches anything;
// ">= 5", "< 5", "= 5", "!= 5" compare the input; "[1..10]", "(1..10)",
// "]1..10[" and "[1..10)" test intervals; "\"a\",\"b\"" and literals test
// equality with any listed value; "not(...)" negates; anything else is a
// boolean expr expression in which ? stands for the input value.
//
// Errors are joined, in order: *FieldError (ErrInvalidInput) for the
// table's shape — ids, policy, aggregation, cell and value counts, output
// values of the wrong type or outside their list — and *RuleError
// (ErrRule) naming "table/row" and the input for a cell that does not
// compile.
func CompileTable[E any](spec TableSpec, opts ...Option) (*Table[E], error) {
	if err := spec.validate(); err != nil {
		return nil, err
	}
	t := &Table[E]{tableData: tableData{spec: spec, rowIDs: spec.rowIDs()}}
	var errs []error
	t.outputs, errs = spec.typedOutputs()
	conditions, err := compileRows[E](spec, t.rowIDs, opts)
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	source := spec.letInputs() + hitsExpression(spec.HitPolicy, conditions)
	cells := uint(len(spec.Rules)*len(spec.Inputs) + len(spec.Inputs) + 1)
	opts = append(slices.Clone(opts), WithMaxSourceLength(len(source)), WithMaxNodes(max(DefaultMaxNodes, 64*cells)))
	rules, err := Compile[E]([]Rule{{ID: spec.ID, Expression: source}}, opts...)
	if err != nil {
		return nil, err
	}
	t.rules = rules
	return t, nil
}

// hitsExpression is the body of the table's program. A FIRST table
// yields the index of the first matching row (-1 for none) and stops
// there; the other policies need every match and yield a list of booleans.
func hitsExpression(policy HitPolicy, conditions []string) string {
	if policy != HitPolicyFirst {
		return "[" + strings.Join(conditions, ", ") + "]"
	}
	var b strings.Builder
	for r, c := range conditions {
		fmt.Fprintf(&b, "(%s) ? %d : ", c, r)
	}
	b.WriteString("-1")
	return b.String()
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

// inputVar names input i inside the table's program.
func inputVar(i int) string { return fmt.Sprintf("_in%d", i) }

// letInputs binds every input expression to its variable.
func (spec TableSpec) letInputs() string {
	var b strings.Builder
	for i, in := range spec.Inputs {
		fmt.Fprintf(&b, "let %s = (%s); ", inputVar(i), in.Expression)
	}
	return b.String()
}

// compileRows translates every row's cells and type-checks each row as a
// boolean over the inputs, all rows in one rule set. A row that does not
// compile is checked cell by cell so that the error names the input.
func compileRows[E any](spec TableSpec, rowIDs []string, opts []Option) ([]string, error) {
	conditions := make([]string, len(spec.Rules))
	var errs []error
	var checks []Rule
	for r, row := range spec.Rules {
		var tests []string
		for i, cell := range row.When {
			test, err := cellExpression(cell, inputVar(i))
			if err != nil {
				errs = append(errs, cellError(spec, rowIDs[r], i, cell, err))
			} else if test != "" {
				tests = append(tests, "("+test+")")
			}
		}
		conditions[r] = "true"
		if len(tests) > 0 {
			conditions[r] = strings.Join(tests, " && ")
		}
		checks = append(checks, Rule{ID: rowIDs[r], Expression: spec.letInputs() + conditions[r], Type: ResultBool})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if _, err := Compile[E](checks, opts...); err != nil {
		for r, row := range spec.Rules {
			errs = append(errs, cellErrors[E](spec, rowIDs[r], row, opts)...)
		}
		if len(errs) == 0 { // an input expression itself is wrong
			errs = append(errs, err)
		}
		return nil, errors.Join(errs...)
	}
	return conditions, nil
}

// cellErrors compiles a row's cells one by one against their inputs.
func cellErrors[E any](spec TableSpec, rowID string, row TableRow, opts []Option) []error {
	var errs []error
	for i, cell := range row.When {
		test, _ := cellExpression(cell, inputVar(i))
		if test == "" {
			continue
		}
		check := fmt.Sprintf("let %s = (%s); %s", inputVar(i), spec.Inputs[i].Expression, test)
		if _, err := Compile[E]([]Rule{{ID: "cell", Expression: check, Type: ResultBool}}, opts...); err != nil {
			errs = append(errs, cellError(spec, rowID, i, cell, err))
		}
	}
	return errs
}

func cellError(spec TableSpec, rowID string, input int, cell string, err error) error {
	return &outsourcing.RuleError{Rule: spec.ID + "/" + rowID,
		Reason: fmt.Sprintf("input %s, cell %q: %s", spec.Inputs[input].ID, cell, ruleReason(err))}
}

// ruleReason extracts the reason of a single *RuleError.
func ruleReason(err error) string {
	var re *outsourcing.RuleError
	if errors.As(err, &re) {
		return re.Reason
	}
	return err.Error()
}

// Spec returns the table's specification.
func (t *Table[E]) Spec() TableSpec { return t.spec }

// Decide evaluates the table for env and applies its hit policy. It fails
// with a *RuleError when an input cannot be evaluated, and with a
// *HitPolicyError (matching ErrRule) when a UNIQUE table matches more than
// one row or an ANY table's matching rows disagree.
func (t *Table[E]) Decide(env E) (Decision, error) {
	out, err := t.rules.Value(t.spec.ID, env)
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
	if len(selected) == 0 && t.spec.HitPolicy.singleHit() {
		if defaults := t.defaults(); defaults != nil {
			d.Outputs = []map[string]any{defaults}
		}
	}
	if t.spec.Aggregation != "" {
		agg, ok := t.spec.Aggregation.apply(&t.tableData, selected)
		d.Aggregate, d.Aggregated = agg.Trim(), ok
	}
	return d, nil
}

func (t *tableData) outputMap(r int) map[string]any {
	m := make(map[string]any, len(t.spec.Outputs))
	for o, out := range t.spec.Outputs {
		m[out.Name] = t.outputs[r][o]
	}
	return m
}

// defaults returns the outputs' defaults, or nil when none is set.
func (t *tableData) defaults() map[string]any {
	var m map[string]any
	for _, out := range t.spec.Outputs {
		if out.Default == nil {
			continue
		}
		if m == nil {
			m = map[string]any{}
		}
		v, _ := convertOutput(out, out.Default)
		m[out.Name] = v
	}
	return m
}

// HitPolicyError reports rows that break a UNIQUE or ANY hit policy.
type HitPolicyError struct {
	Table  string
	Policy HitPolicy
	Rows   []string
}

// Error lists the offending rows.
func (e *HitPolicyError) Error() string {
	return fmt.Sprintf("table %q: hit policy %s broken by rows %s", e.Table, e.Policy, strings.Join(e.Rows, ", "))
}

// Unwrap makes the error match ErrRule.
func (e *HitPolicyError) Unwrap() error { return outsourcing.ErrRule }
