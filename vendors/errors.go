package vendors

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/errs"
)

// errorf builds a *outsourcing.FieldError at path (an RFC 6901 JSON
// pointer) matching outsourcing.ErrInvalidInput. Reasons carry no package
// prefix: the exported entry points add "vendors: " once (see wrap).
func errorf(path, format string, args ...any) *outsourcing.FieldError {
	return outsourcing.FieldErrorf(path, format, args...)
}

// sentinelf builds a *outsourcing.FieldError at path matching sentinel.
func sentinelf(sentinel error, path, format string, args ...any) *outsourcing.FieldError {
	fe := errorf(path, format, args...)
	fe.Err = sentinel
	return fe
}

// wrap adds the package prefix "vendors: " to an error leaving an exported
// entry point; nil stays nil. Internal functions never call it, so the
// prefix appears exactly once.
func wrap(err error) error { return errs.Prefix("vendors", err) }
