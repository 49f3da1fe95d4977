package vendors

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
	"github.com/outsourcing-go/outsourcing/rules"
)

// maxQuoted bounds how much of a caller's value an error message repeats.
const maxQuoted = 64

// checkEnumOutput checks that table spec has a string output called name
// whose every row value and default is one of values, so a compiled table
// cannot yield anything else. Problems are *FieldError values at pointers
// into the table document: "/outputs", "/outputs/o/type",
// "/rules/r/then/o", "/outputs/o/default".
func checkEnumOutput[T ~string](spec rules.TableSpec, name string, values []T) []error {
	o := slices.IndexFunc(spec.Outputs, func(out rules.TableOutput) bool { return out.Name == name })
	switch {
	case o < 0:
		return []error{outsourcing.FieldErrorf("/outputs", "table %q has no %q output", text.Truncate(spec.ID, maxQuoted), name)}
	case spec.Outputs[o].Type != rules.ResultString:
		return []error{outsourcing.FieldErrorf(jsonptr.Join("outputs", o, "type"), "output %q must be a string", name)}
	}
	want := make([]string, len(values))
	for i, v := range values {
		want[i] = string(v)
	}
	check := func(path string, v any) error {
		if s, ok := v.(string); ok && slices.Contains(want, s) {
			return nil
		}
		return outsourcing.FieldErrorf(path, "%s %s is not one of %s", name, text.Truncate(fmt.Sprintf("%q", v), maxQuoted), strings.Join(want, ", "))
	}
	var errs []error
	for r, row := range spec.Rules {
		if o < len(row.Then) {
			errs = append(errs, check(jsonptr.Join("rules", r, "then", o), row.Then[o]))
		}
	}
	if d := spec.Outputs[o].Default; d != nil {
		errs = append(errs, check(jsonptr.Join("outputs", o, "default"), d))
	}
	return errs
}

// rowReasons maps each row id of a compiled table to its description
// (rules names a row without an id "r1", "r2"… by position).
func rowReasons(spec rules.TableSpec) map[string]string {
	why := make(map[string]string, len(spec.Rules))
	for r, row := range spec.Rules {
		id := row.ID
		if id == "" {
			id = fmt.Sprintf("r%d", r+1)
		}
		why[id] = row.Description
	}
	return why
}

// decisionOutput returns the named string output of a decision's first
// row; "" when no row and no default gave one.
func decisionOutput(d rules.Decision, name string) string {
	v, _ := d.Output(name)
	s, _ := v.(string)
	return s
}

// shippedTable returns a function that compiles a decision table shipped
// with the package on first use and returns it, shared, ever after. A
// shipped table that does not compile is a bug of this package: it panics.
func shippedTable[T any](doc []byte, compile func(rules.TableSpec) (T, error)) func() T {
	return sync.OnceValue(func() T {
		spec, err := rules.ParseTableSpec(doc)
		if err == nil {
			var t T
			if t, err = compile(spec); err == nil {
				return t
			}
		}
		panic("vendors: a shipped decision table does not compile: " + err.Error())
	})
}
