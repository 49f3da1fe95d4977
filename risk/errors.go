package risk

import (
	"errors"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/errs"
)

// limitf builds a *outsourcing.FieldError matching outsourcing.ErrLimit.
func limitf(path, format string, args ...any) *outsourcing.FieldError {
	return outsourcing.FieldErrorOf(outsourcing.ErrLimit, path, format, args...)
}

// mismatch reports an amount in currency got where want was expected; it
// matches outsourcing.ErrCurrencyMismatch.
func mismatch(path string, got, want outsourcing.Currency) *outsourcing.FieldError {
	return outsourcing.FieldErrorOf(outsourcing.ErrCurrencyMismatch, path, "%s differs from %s", got, want)
}

// enumError checks that s is one of values and reports it at path
// otherwise (the kernel's message, this package's path).
func enumError[T ~string](path, kind, s string, values []T) error {
	_, err := outsourcing.ParseEnum(kind, s, values)
	return outsourcing.AtPath(path, err)
}

// wrap adds the package prefix "risk: " to an error leaving an exported
// entry point; nil stays nil. Internal functions never call it, so the
// prefix appears exactly once.
func wrap(err error) error { return errs.Prefix("risk", err) }

// prefixPaths moves the *outsourcing.FieldError values in err (joined or
// not) under the JSON pointer base.
func prefixPaths(base string, err error) error {
	switch x := err.(type) {
	case *outsourcing.FieldError:
		y := *x
		y.Path = base + x.Path
		return &y
	case interface{ Unwrap() []error }:
		var out []error
		for _, e := range x.Unwrap() {
			out = append(out, prefixPaths(base, e))
		}
		return errors.Join(out...)
	}
	return err
}
