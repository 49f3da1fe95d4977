package planning

import (
	_ "embed"
	"errors"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

//go:embed schema/objectives.schema.json
var objectivesSchemaJSON []byte

var objectivesSchema = outsourcing.MustRegisterSchema(objectivesSchemaJSON)

// ObjectivesSchema returns the schema of objective set documents (see
// ParseObjectiveSet); its $id is
// https://outsourcing-go.github.io/schemas/planning/objectives.schema.json.
func ObjectivesSchema() *outsourcing.Schema { return objectivesSchema }

// ObjectiveSet is the SMART objectives of an outsourcing initiative with
// the measurements taken so far (Handbook §1.1): the document
// ParseObjectiveSet reads.
type ObjectiveSet struct {
	// ID identifies the set.
	ID string `json:"id"`
	// Name is a human-readable title.
	Name string `json:"name,omitempty"`
	// Objectives are the objectives, at least one, with unique IDs.
	Objectives []TrackedObjective `json:"objectives"`
}

// TrackedObjective is an objective with its measurements, in any order.
type TrackedObjective struct {
	Objective
	// Measurements are the values observed so far.
	Measurements []Measurement `json:"measurements,omitempty"`
}

// Validate checks the set: an ID, at least one objective, unique
// objective IDs, every objective valid (see Objective.Validate) and every
// measurement dated. Problems are *FieldError values (ErrInvalidInput)
// with JSON pointers such as "/objectives/1/target", joined in document
// order after the prefix "planning: ".
func (s ObjectiveSet) Validate() error { return wrap(s.validate()) }

func (s ObjectiveSet) validate() error {
	var errs []error
	if s.ID == "" {
		errs = append(errs, outsourcing.FieldErrorf("/id", "id is required"))
	}
	if len(s.Objectives) == 0 {
		errs = append(errs, outsourcing.FieldErrorf("/objectives", "no objectives"))
	}
	seen := map[string]bool{}
	for i, o := range s.Objectives {
		path := jsonptr.Join("objectives", i)
		if o.ID != "" && seen[o.ID] {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "id"), "duplicate id %q", text.Truncate(o.ID, maxQuoted)))
		}
		seen[o.ID] = true
		if err := o.validate(); err != nil {
			errs = append(errs, outsourcing.AtPath(path, err))
		}
		for j, m := range o.Measurements {
			if m.At.IsZero() {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "measurements", j, "at"), "measurement date is required"))
			}
		}
		if err := conflictingMeasurements(o.Measurements); err != nil {
			errs = append(errs, outsourcing.AtPath(path, err))
		}
	}
	return errors.Join(errs...)
}

// conflictingMeasurements reports a measurement taken at the same instant
// as an earlier one with another value (at /measurements/j/at): which one
// is the latest would depend on the order they were sent in. The same
// value sent twice is harmless and accepted.
func conflictingMeasurements(ms []Measurement) error {
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return ms[a].At.Compare(ms[b].At) })
	var errs []error
	for k := 1; k < len(order); k++ {
		a, b := ms[order[k-1]], ms[order[k]]
		if a.At.Equal(b.At) && !a.Value.Equal(b.Value) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("measurements", order[k], "at"),
				"measurements %d and %d are both at %s but give %s and %s", order[k-1], order[k], a.At.Format(time.RFC3339), a.Value, b.Value))
		}
	}
	return errors.Join(errs...)
}

// Progress evaluates every objective at asOf from its measurements (see
// Objective.Progress), in set order.
//
// Errors: those of Validate.
func (s ObjectiveSet) Progress(asOf time.Time) ([]ObjectiveProgress, error) {
	if err := s.validate(); err != nil {
		return nil, wrap(err)
	}
	out := make([]ObjectiveProgress, len(s.Objectives))
	for i, o := range s.Objectives {
		out[i] = o.progress(o.Measurements, asOf)
	}
	return out, nil
}

// ParseObjectiveSet validates a JSON objective set against
// ObjectivesSchema, decodes it (numbers exact, unknown fields rejected;
// dates in RFC 3339) and checks it with ObjectiveSet.Validate, so a set it
// returns always evaluates.
//
// Errors: "planning: " followed by *outsourcing.SyntaxError for malformed
// JSON or *FieldError values (errors.Join) with JSON pointers into the
// document, for schema violations and for the checks of Validate.
func ParseObjectiveSet(doc []byte) (ObjectiveSet, error) {
	var s ObjectiveSet
	if err := objectivesSchema.Decode(doc, &s); err != nil {
		return ObjectiveSet{}, wrap(err)
	}
	if err := s.validate(); err != nil {
		return ObjectiveSet{}, wrap(err)
	}
	return s, nil
}
