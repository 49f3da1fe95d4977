package rules

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// outputKinds are the value types an output column may have.
var outputKinds = []ResultKind{ResultString, ResultNumber, ResultDecimal, ResultBool}

// validate checks the table's shape; every problem is reported.
func (spec TableSpec) validate() error {
	var errs []error
	add := func(path, format string, args ...any) {
		errs = append(errs, outsourcing.FieldErrorf(path, format, args...))
	}
	if !ruleIDPattern.MatchString(spec.ID) {
		add("id", "table id %q must be 1 to 128 letters, digits or _ . : / -", text.Truncate(spec.ID, 40))
	}
	if !slices.Contains(hitPolicies, spec.HitPolicy) {
		add("hit_policy", "unknown hit policy %q (want %s)", text.Truncate(string(spec.HitPolicy), 40), list(hitPolicies))
	}
	switch {
	case spec.Aggregation != "" && !slices.Contains(aggregations, spec.Aggregation):
		add("aggregation", "unknown aggregation %q (want %s)", text.Truncate(string(spec.Aggregation), 40), list(aggregations))
	case spec.Aggregation != "" && spec.HitPolicy != HitPolicyCollect:
		add("aggregation", "aggregation %s needs hit policy COLLECT", spec.Aggregation)
	case spec.Aggregation != "" && spec.Aggregation != AggregationCount &&
		(len(spec.Outputs) != 1 || (spec.Outputs[0].Type != ResultNumber && spec.Outputs[0].Type != ResultDecimal)):
		add("outputs", "aggregation %s needs exactly one number or decimal output", spec.Aggregation)
	}
	if len(spec.Inputs) == 0 {
		add("inputs", "a table needs at least one input")
	}
	inputIDs := map[string]bool{}
	for i, in := range spec.Inputs {
		if !ruleIDPattern.MatchString(in.ID) || inputIDs[in.ID] {
			add(fmt.Sprintf("inputs[%d].id", i), "input id %q is missing, malformed or repeated", text.Truncate(in.ID, 40))
		}
		inputIDs[in.ID] = true
		if in.Expression == "" {
			add(fmt.Sprintf("inputs[%d].expression", i), "empty input expression")
		}
	}
	if len(spec.Outputs) == 0 {
		add("outputs", "a table needs at least one output")
	}
	names := map[string]bool{}
	for o, out := range spec.Outputs {
		if out.Name == "" || names[out.Name] {
			add(fmt.Sprintf("outputs[%d].name", o), "output name %q is missing or repeated", text.Truncate(out.Name, 40))
		}
		names[out.Name] = true
		if !slices.Contains(outputKinds, out.Type) {
			add(fmt.Sprintf("outputs[%d].type", o), "output type %q must be string, number, decimal or bool", text.Truncate(string(out.Type), 40))
		}
		if out.Default != nil {
			if _, err := convertOutput(out, out.Default); err != nil {
				add(fmt.Sprintf("outputs[%d].default", o), "%v", err)
			}
		}
	}
	if spec.HitPolicy == HitPolicyPriority && (len(spec.Outputs) == 0 || len(spec.Outputs[0].Values) == 0) {
		add("outputs[0].values", "hit policy PRIORITY needs the first output's values in priority order")
	}
	rowIDs := map[string]bool{}
	for r, row := range spec.Rules {
		id := rowID(r, row)
		if !ruleIDPattern.MatchString(id) || rowIDs[id] {
			add(fmt.Sprintf("rules[%d].id", r), "row id %q is malformed or repeated", text.Truncate(id, 40))
		}
		rowIDs[id] = true
		if len(row.When) != len(spec.Inputs) {
			add(fmt.Sprintf("rules[%d].when", r), "%d cells for %d inputs", len(row.When), len(spec.Inputs))
		}
		if len(row.Then) != len(spec.Outputs) {
			add(fmt.Sprintf("rules[%d].then", r), "%d values for %d outputs", len(row.Then), len(spec.Outputs))
		}
	}
	return errors.Join(errs...)
}

// rowID is the row's id, or "r" and its 1-based position.
func rowID(r int, row TableRow) string {
	if row.ID != "" {
		return row.ID
	}
	return fmt.Sprintf("r%d", r+1)
}

func (spec TableSpec) rowIDs() []string {
	ids := make([]string, len(spec.Rules))
	for r, row := range spec.Rules {
		ids[r] = rowID(r, row)
	}
	return ids
}

// typedOutputs converts every row's output values to their column type.
func (spec TableSpec) typedOutputs() ([][]any, []error) {
	var errs []error
	out := make([][]any, len(spec.Rules))
	for r, row := range spec.Rules {
		out[r] = make([]any, len(spec.Outputs))
		for o, col := range spec.Outputs {
			v, err := convertOutput(col, row.Then[o])
			if err != nil {
				errs = append(errs, outsourcing.FieldErrorf(fmt.Sprintf("rules[%d].then[%d]", r, o), "%v", err))
			}
			out[r][o] = v
		}
	}
	return out, errs
}

// convertOutput turns a value given in Go or decoded from JSON into the
// output column's type, and checks it against the column's value list.
func convertOutput(col TableOutput, v any) (any, error) {
	var out any
	var err error
	switch col.Type {
	case ResultString:
		s, ok := v.(string)
		if !ok {
			err = fmt.Errorf("%v is not a string", v)
		}
		out = s
	case ResultBool:
		b, ok := v.(bool)
		if !ok {
			err = fmt.Errorf("%v is not a boolean", v)
		}
		out = b
	case ResultDecimal:
		out, err = outputDecimal(v)
	case ResultNumber:
		var d outsourcing.Decimal
		d, err = outputDecimal(v)
		out = d.Float64()
	}
	if err != nil {
		return nil, err
	}
	if len(col.Values) > 0 && !slices.Contains(col.Values, outputText(out)) {
		return nil, fmt.Errorf("%v is not one of %v", out, col.Values)
	}
	return out, nil
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

// outputText renders an output value for value lists and comparisons.
func outputText(v any) string {
	switch x := v.(type) {
	case outsourcing.Decimal:
		return x.String()
	case string:
		return x
	}
	return fmt.Sprint(v)
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
