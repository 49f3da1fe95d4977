package rules

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// outputKinds are the value types an output column may have.
var outputKinds = []ResultKind{ResultString, ResultNumber, ResultDecimal, ResultBool}

// validate checks the table's shape; every problem is reported, at its
// JSON pointer.
func (spec TableSpec) validate(cfg ruleConfig) error {
	var errs []error
	add := func(path string, format string, args ...any) {
		errs = append(errs, outsourcing.FieldErrorf(path, format, args...))
	}
	if !ruleIDPattern.MatchString(spec.ID) {
		add("/id", "table id %q must be 1 to 128 letters, digits or _ . : / -", text.Truncate(spec.ID, 40))
	}
	if !slices.Contains(hitPolicies, spec.HitPolicy) {
		add("/hit_policy", "unknown hit policy %q (want %s)", text.Truncate(string(spec.HitPolicy), 40), text.List(hitPolicies))
	}
	switch {
	case spec.Aggregation != "" && !slices.Contains(aggregations, spec.Aggregation):
		add("/aggregation", "unknown aggregation %q (want %s)", text.Truncate(string(spec.Aggregation), 40), text.List(aggregations))
	case spec.Aggregation != "" && spec.HitPolicy != HitPolicyCollect:
		add("/aggregation", "aggregation %s needs hit policy COLLECT", spec.Aggregation)
	case spec.Aggregation != "" && spec.Aggregation != AggregationCount &&
		(len(spec.Outputs) != 1 || (spec.Outputs[0].Type != ResultNumber && spec.Outputs[0].Type != ResultDecimal)):
		add("/outputs", "aggregation %s needs exactly one number or decimal output", spec.Aggregation)
	}
	if len(spec.Inputs) == 0 {
		add("/inputs", "a table needs at least one input")
	}
	inputIDs := map[string]bool{}
	for i, in := range spec.Inputs {
		if !ruleIDPattern.MatchString(in.ID) || inputIDs[in.ID] {
			add(jsonptr.Join("inputs", i, "id"), "input id %q is missing, malformed or repeated", text.Truncate(in.ID, 40))
		}
		inputIDs[in.ID] = true
		if in.Expression == "" {
			add(jsonptr.Join("inputs", i, "expression"), "empty input expression")
		}
	}
	if len(spec.Outputs) == 0 {
		add("/outputs", "a table needs at least one output")
	}
	names := map[string]bool{}
	for o, out := range spec.Outputs {
		if out.Name == "" || names[out.Name] {
			add(jsonptr.Join("outputs", o, "name"), "output name %q is missing or repeated", text.Truncate(out.Name, 40))
		}
		names[out.Name] = true
		if !slices.Contains(outputKinds, out.Type) {
			add(jsonptr.Join("outputs", o, "type"), "output type %q must be string, number, decimal or bool", text.Truncate(string(out.Type), 40))
		}
	}
	if spec.HitPolicy.byPriority() && (len(spec.Outputs) == 0 || len(spec.Outputs[0].Values) == 0) {
		add("/outputs/0/values", "hit policy %s needs the first output's values in priority order", spec.HitPolicy)
	}
	if len(spec.Rules) > cfg.maxRules {
		errs = append(errs, &outsourcing.FieldError{Path: "/rules", Reason: fmt.Sprintf("%d rows, more than the %d allowed", len(spec.Rules), cfg.maxRules), Err: outsourcing.ErrLimit})
	}
	rowIDs := map[string]bool{}
	for r, row := range spec.Rules {
		id := rowID(r, row)
		if !ruleIDPattern.MatchString(id) || rowIDs[id] {
			add(jsonptr.Join("rules", r, "id"), "row id %q is malformed or repeated", text.Truncate(id, 40))
		}
		rowIDs[id] = true
		if len(row.When) != len(spec.Inputs) {
			add(jsonptr.Join("rules", r, "when"), "%d cells for %d inputs", len(row.When), len(spec.Inputs))
		}
		if len(row.Then) != len(spec.Outputs) {
			add(jsonptr.Join("rules", r, "then"), "%d values for %d outputs", len(row.Then), len(spec.Outputs))
		}
	}
	return errors.Join(errs...)
}

// clone copies the spec deeply enough that no change to the original
// reaches the copy.
func (spec TableSpec) clone() TableSpec {
	spec.Inputs = slices.Clone(spec.Inputs)
	spec.Outputs = slices.Clone(spec.Outputs)
	for o := range spec.Outputs {
		spec.Outputs[o].Values = slices.Clone(spec.Outputs[o].Values)
	}
	spec.Rules = slices.Clone(spec.Rules)
	for r := range spec.Rules {
		spec.Rules[r].When = slices.Clone(spec.Rules[r].When)
		spec.Rules[r].Then = slices.Clone(spec.Rules[r].Then)
	}
	return spec
}

// rowID is the row's id, or "r" and its 1-based position.
func rowID(r int, row TableRow) string {
	if row.ID != "" {
		return row.ID
	}
	return fmt.Sprintf("r%d", r+1)
}

// column is an output column with its value list converted to the
// column's type, once.
type column struct {
	TableOutput
	values []any
}

// newTableData converts, once, every value list, row output and default
// to its column's type, and ranks each row's outputs in the value lists.
func newTableData(spec TableSpec) (tableData, []error) {
	var errs []error
	t := tableData{spec: spec, columns: make([]column, len(spec.Outputs))}
	for o, out := range spec.Outputs {
		t.columns[o].TableOutput = out
		for k, v := range out.Values {
			typed, err := listValue(out.Type, v)
			if err != nil {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("outputs", o, "values", k), "%v", err))
			}
			t.columns[o].values = append(t.columns[o].values, typed)
		}
	}
	for o, col := range t.columns {
		if col.Default == nil {
			continue
		}
		v, _, err := col.convert(col.Default)
		if err != nil {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("outputs", o, "default"), "%v", err))
			continue
		}
		if t.defaults == nil {
			t.defaults = map[string]any{}
		}
		t.defaults[col.Name] = v
	}
	t.rowIDs = make([]string, len(spec.Rules))
	t.outputs = make([][]any, len(spec.Rules))
	t.ranks = make([][]int, len(spec.Rules))
	for r, row := range spec.Rules {
		t.rowIDs[r] = rowID(r, row)
		t.outputs[r] = make([]any, len(t.columns))
		t.ranks[r] = make([]int, len(t.columns))
		for o, col := range t.columns {
			v, rank, err := col.convert(row.Then[o])
			if err != nil {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("rules", r, "then", o), "%v", err))
			}
			t.outputs[r][o], t.ranks[r][o] = v, rank
		}
	}
	return t, errs
}

// convert turns a value given in Go or decoded from JSON into the
// column's type, and returns its place in the column's value list (0
// when the column has none).
func (col column) convert(v any) (any, int, error) {
	out, err := typedValue(col.Type, v)
	if err != nil || len(col.values) == 0 {
		return out, 0, err
	}
	rank := slices.IndexFunc(col.values, func(x any) bool { return outputEqual(x, out) })
	if rank < 0 {
		return nil, 0, fmt.Errorf("%v is not one of %v", v, col.Values)
	}
	return out, rank, nil
}

// listValue converts an entry of a value list (written as text).
func listValue(kind ResultKind, s string) (any, error) {
	if kind == ResultBool {
		return strconv.ParseBool(s)
	}
	return typedValue(kind, s)
}

// typedValue converts v to an output type: string, bool, exact decimal,
// or float64 for number.
func typedValue(kind ResultKind, v any) (any, error) {
	switch kind {
	case ResultString:
		if s, ok := v.(string); ok {
			return s, nil
		}
		return nil, fmt.Errorf("%v is not a string", v)
	case ResultBool:
		if b, ok := v.(bool); ok {
			return b, nil
		}
		return nil, fmt.Errorf("%v is not a boolean", v)
	case ResultDecimal:
		return outputDecimal(v)
	}
	d, err := outputDecimal(v)
	return d.Float64(), err
}

// outputDecimal reads a decimal output written as a number or a string.
func outputDecimal(v any) (outsourcing.Decimal, error) {
	switch x := v.(type) {
	case string:
		return outsourcing.ParseDecimal(x)
	case json.Number:
		return outsourcing.ParseDecimal(x.String())
	}
	return toDecimal(v)
}

// outputEqual compares two typed output values (decimals numerically).
func outputEqual(a, b any) bool {
	if da, ok := a.(outsourcing.Decimal); ok {
		db, ok := b.(outsourcing.Decimal)
		return ok && da.Equal(db)
	}
	return a == b
}

// ParseTableSpec validates a decision table document against
// TableSchema and decodes it; numbers in "then" and "default" stay
// exact (json.Number) until CompileTable converts them. Problems are
// *FieldError values with JSON-pointer paths, matching ErrInvalidInput.
func ParseTableSpec(doc []byte) (TableSpec, error) {
	var spec TableSpec
	if err := tableSchema.Decode(doc, &spec); err != nil {
		return TableSpec{}, wrap(err)
	}
	return spec, nil
}
