package scoring

import (
	"errors"

	"github.com/outsourcing-go/outsourcing"
)

// Error locations. Every *outsourcing.FieldError of this package has an
// RFC 6901 JSON Pointer as its Path (built with internal/jsonptr). For
// functions that take Go values the pointer follows the JSON names of the
// arguments and of their fields, as if the arguments were one object:
// "/rows/2/1" is the cell of alternative 2 on criterion 1 given to
// NewMatrix, "/weights/0" the first weight, "/criteria/3" a criterion
// (column) of the matrix, "/v" VIKOR's v in a Config. Model evaluation
// maps them onto the document ("/alternatives/2/values/price",
// "/weights/values/0", "/method/v").

// enumError checks v against the values of an enum and reports an
// unknown value at path with the kernel's wording.
func enumError[T ~string](path, kind string, v T, values []T) error {
	_, err := outsourcing.ParseEnum(kind, string(v), values)
	return outsourcing.AtPath(path, err)
}

// prefixed is an error returned by an exported entry point: the package
// name once, then the error (joined field errors, a rule error...).
type prefixed struct{ err error }

// Error implements error.
func (e *prefixed) Error() string { return "scoring: " + e.err.Error() }

// Unwrap returns the wrapped error, so errors.Is and errors.As see through.
func (e *prefixed) Unwrap() error { return e.err }

// wrap adds the "scoring: " prefix to err unless it already carries it
// (an exported function returning another one's error unchanged).
func wrap(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*prefixed); ok {
		return err
	}
	return &prefixed{err: err}
}

// mapPaths returns err with the Path of every *outsourcing.FieldError in
// it (through the prefix and errors.Join) replaced by f(Path), and without
// the prefix; other errors are kept as they are.
func mapPaths(err error, f func(string) string) error {
	switch e := err.(type) {
	case nil:
		return nil
	case *prefixed:
		return mapPaths(e.err, f)
	case *outsourcing.FieldError:
		c := *e
		c.Path = f(e.Path)
		return &c
	case *outsourcing.RuleError:
		return err
	case interface{ Unwrap() []error }: // errors.Join
		errs := e.Unwrap()
		out := make([]error, len(errs))
		for i, x := range errs {
			out[i] = mapPaths(x, f)
		}
		return errors.Join(out...)
	}
	return err
}

// wrapErr is wrap for a deferred call on an exported function's named
// error result: defer wrapErr(&err).
func wrapErr(err *error) { *err = wrap(*err) }
