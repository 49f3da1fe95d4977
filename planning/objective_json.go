package planning

import (
	_ "embed"
	"errors"
	"fmt"
	"time"
)

//go:embed schema/objectives.schema.json
var objectivesSchemaJSON []byte

// ObjectivesSchema validates objective set documents (see
// ParseObjectiveSet); its $id is
// https://outsourcing-go.github.io/schemas/objectives.schema.json.
var ObjectivesSchema = MustRegisterSchema(objectivesSchemaJSON)

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
	Measurements []Measurement `json:"measurements,omitempty"`
}

// Validate checks the set: an ID, at least one objective, unique
// objective IDs, every objective valid (see Objective.Validate) and every
// measurement dated. Problems are *FieldError values (ErrInvalidInput)
// with paths such as "objectives[1].target", joined in document order.
func (s ObjectiveSet) Validate() error {
	var errs []error
	if s.ID == "" {
		errs = append(errs, FieldErrorf("id", "id is required"))
	}
	if len(s.Objectives) == 0 {
		errs = append(errs, FieldErrorf("objectives", "no objectives"))
	}
	seen := map[string]bool{}
	for i, o := range s.Objectives {
		path := fmt.Sprintf("objectives[%d]", i)
		if o.ID != "" && seen[o.ID] {
			errs = append(errs, FieldErrorf(path+".id", "duplicate id %q", o.ID))
		}
		seen[o.ID] = true
		errs = append(errs, prefixPaths(path, o.Validate())...)
		for j, m := range o.Measurements {
			if m.At.IsZero() {
				errs = append(errs, FieldErrorf(fmt.Sprintf("%s.measurements[%d].at", path, j), "measurement date is required"))
			}
		}
	}
	return errors.Join(errs...)
}

// Progress evaluates every objective at asOf from its measurements (see
// Objective.Progress), in set order.
//
// Errors: those of Validate.
func (s ObjectiveSet) Progress(asOf time.Time) ([]ObjectiveProgress, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	out := make([]ObjectiveProgress, len(s.Objectives))
	for i, o := range s.Objectives {
		p, err := o.Progress(o.Measurements, asOf)
		if err != nil { // unreachable: validated above
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}

// ParseObjectiveSet validates a JSON objective set against
// ObjectivesSchema, decodes it (numbers exact, unknown fields rejected;
// dates in RFC 3339) and checks it with ObjectiveSet.Validate, so a set it
// returns always evaluates.
//
// Errors: "outsourcing: " followed by *FieldError values (errors.Join)
// with JSON-pointer paths for schema violations, dotted paths for the
// checks of Validate.
func ParseObjectiveSet(doc []byte) (ObjectiveSet, error) {
	var s ObjectiveSet
	if err := ObjectivesSchema.Decode(doc, &s); err != nil {
		return ObjectiveSet{}, wrapPkg(err)
	}
	if err := s.Validate(); err != nil {
		return ObjectiveSet{}, wrapPkg(err)
	}
	return s, nil
}

// prefixPaths returns the errors joined in err with prefix put before
// the path of each *FieldError ("objectives[1]" and "target" give
// "objectives[1].target").
func prefixPaths(prefix string, err error) []error {
	switch e := err.(type) {
	case nil:
		return nil
	case *FieldError:
		c := *e
		c.Path = prefix
		if e.Path != "" {
			c.Path += "." + e.Path
		}
		return []error{&c}
	case interface{ Unwrap() []error }:
		if _, ok := err.(*RuleError); !ok {
			var errs []error
			for _, inner := range e.Unwrap() {
				errs = append(errs, prefixPaths(prefix, inner)...)
			}
			return errs
		}
	}
	return []error{err}
}
