package contract

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/errs"
)

// mismatch reports an amount in currency got where want was expected; it
// matches outsourcing.ErrCurrencyMismatch.
func mismatch(path string, got, want outsourcing.Currency) *outsourcing.FieldError {
	return outsourcing.FieldErrorOf(outsourcing.ErrCurrencyMismatch, path, "currency %s differs from the contract's %s", got, want)
}

// transitionf reports an operation the current state does not allow; it
// matches outsourcing.ErrTransition.
func transitionf(path, format string, args ...any) *outsourcing.FieldError {
	return outsourcing.FieldErrorOf(outsourcing.ErrTransition, path, format, args...)
}

// notFoundf reports a reference to an id that does not exist; it matches
// outsourcing.ErrNotFound.
func notFoundf(path, format string, args ...any) *outsourcing.FieldError {
	return outsourcing.FieldErrorOf(outsourcing.ErrNotFound, path, format, args...)
}

// wrap adds the package prefix "contract: " to an error leaving an
// exported entry point; nil stays nil. Internal functions never call it,
// so the prefix appears exactly once.
func wrap(err error) error { return errs.Prefix("contract", err) }

// problems collects FieldErrors in document order.
type problems []error

func (p *problems) add(err error) {
	if err != nil {
		*p = append(*p, err)
	}
}

func (p *problems) failf(path, format string, args ...any) {
	p.add(outsourcing.FieldErrorf(path, format, args...))
}
