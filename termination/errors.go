package termination

import (
	"errors"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/errs"
)

// mismatch reports an amount in currency got where want was expected.
func mismatch(path string, got, want outsourcing.Currency) *outsourcing.FieldError {
	return outsourcing.FieldErrorOf(outsourcing.ErrCurrencyMismatch, path, "currency %s differs from the contract's %s", got, want)
}

// wrap adds the package prefix "termination: " to an error leaving an
// exported entry point; nil stays nil. Internal functions never call it,
// so the prefix appears exactly once.
func wrap(err error) error { return errs.Prefix("termination", err) }

// problems collects errors in document order.
type problems []error

func (p *problems) add(err error) {
	if err != nil {
		*p = append(*p, err)
	}
}

func (p *problems) failf(path, format string, args ...any) {
	p.add(outsourcing.FieldErrorf(path, format, args...))
}

// err joins the problems in order; nil when there are none.
func (p problems) err() error { return errors.Join(p...) }

// once records that entry i of a list has key, or reports at path that
// an earlier entry has it already: an entry given twice would be
// counted or settled twice.
func (p *problems) once(seen map[string]int, key string, i int, path, what string) {
	if j, dup := seen[key]; dup {
		p.failf(path, "%s is given twice (entries %d and %d)", what, j, i)
		return
	}
	seen[key] = i
}
