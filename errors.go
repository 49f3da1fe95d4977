package outsourcing

import (
	"errors"
	"fmt"

	"github.com/outsourcing-go/outsourcing/internal/errs"
)

// Sentinel errors. Every error returned by this module matches at least one
// of these with errors.Is and carries its detail in a typed error reachable
// with errors.As: *FieldError (which field, by JSON pointer), *SyntaxError
// (malformed JSON, by line and column) or *RuleError (which rule, where).
// A *RuleError matches ErrRule and, when a resource limit stopped the rule,
// ErrLimit as well; a *FieldError about currencies matches
// ErrCurrencyMismatch instead of ErrInvalidInput.
var (
	// ErrInvalidInput reports a value that breaks a documented constraint:
	// a missing field, a number out of range, a malformed document.
	ErrInvalidInput = errors.New("invalid input")
	// ErrCurrencyMismatch reports arithmetic or comparison across currencies.
	ErrCurrencyMismatch = errors.New("currency mismatch")
	// ErrRule reports a rule or decision table that does not compile or
	// fails while it is evaluated.
	ErrRule = errors.New("rule error")
	// ErrLimit reports an untrusted rule that exceeded a resource limit
	// (source length, AST nodes, evaluation budget).
	ErrLimit = errors.New("limit exceeded")
	// ErrTransition reports an event that is not allowed in the current
	// state of a state machine.
	ErrTransition = errors.New("transition not allowed")
	// ErrNotFound reports a reference to an id that does not exist.
	ErrNotFound = errors.New("not found")
	// ErrNoConvergence reports an iterative calculation (IRR, XIRR, an
	// eigenvector) that did not reach its tolerance.
	ErrNoConvergence = errors.New("no convergence")
)

// FieldError says which field of an input is wrong and why. Path is an
// RFC 6901 JSON Pointer into the caller's own document or value
// ("/levels/2/target"; "" is the whole input). It matches ErrInvalidInput
// unless Err names another sentinel (for example ErrCurrencyMismatch),
// and unwraps to Cause when there is one.
type FieldError struct {
	// Path is the JSON pointer of the offending value within the input.
	Path string
	// Reason says, in lower case, what is wrong with it.
	Reason string
	// Err is the sentinel the error matches; nil means ErrInvalidInput.
	Err error
	// Cause is the underlying error, if any (a *json.UnmarshalTypeError, a
	// *RuleError…); nil when the reason says it all.
	Cause error
}

// Error implements error as "path: reason".
func (e *FieldError) Error() string {
	if e.Path == "" {
		return e.Reason
	}
	return e.Path + ": " + e.Reason
}

// Unwrap returns the sentinel the error matches and the cause, if any.
func (e *FieldError) Unwrap() []error {
	sentinel := e.Err
	if sentinel == nil {
		sentinel = ErrInvalidInput
	}
	if e.Cause == nil {
		return []error{sentinel}
	}
	return []error{sentinel, e.Cause}
}

// FieldErrors returns every *FieldError in err's tree, depth first in the
// order errors.Join and wrapping put them: the list of problems to show a
// user, each with its JSON pointer. A FieldError's own cause is not
// searched (it is the same problem).
func FieldErrors(err error) []*FieldError {
	var out []*FieldError
	var walk func(error)
	walk = func(e error) {
		switch x := e.(type) {
		case nil:
		case *FieldError:
			out = append(out, x)
		case interface{ Unwrap() []error }:
			for _, c := range x.Unwrap() {
				walk(c)
			}
		case interface{ Unwrap() error }:
			walk(x.Unwrap())
		}
	}
	walk(err)
	return out
}

// FieldErrorf builds a *FieldError for path with a formatted reason.
func FieldErrorf(path, format string, args ...any) *FieldError {
	return &FieldError{Path: path, Reason: fmt.Sprintf(format, args...)}
}

// FieldErrorOf builds a *FieldError for path with a formatted reason that
// matches sentinel (ErrNotFound, ErrTransition, ErrLimit,
// ErrCurrencyMismatch…) instead of ErrInvalidInput.
func FieldErrorOf(sentinel error, path, format string, args ...any) *FieldError {
	return &FieldError{Path: path, Reason: fmt.Sprintf(format, args...), Err: sentinel}
}

// RuleError says which rule failed, where in its source, and why. It
// matches ErrRule, and also ErrLimit when the failure was a resource limit.
type RuleError struct {
	// Rule is the id of the rule (or "table/row" for decision tables).
	Rule string
	// Line and Column locate the problem in the rule source, 1-based;
	// zero when the problem has no position (such as a wrong result type).
	Line, Column int
	// Reason says what went wrong.
	Reason string
	// Err is an optional further sentinel (ErrLimit, ErrInvalidInput...).
	Err error
}

// Error implements error as "rule ID (line:col): reason".
func (e *RuleError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("rule %q (%d:%d): %s", e.Rule, e.Line, e.Column, e.Reason)
	}
	return fmt.Sprintf("rule %q: %s", e.Rule, e.Reason)
}

// Unwrap returns ErrRule and, when set, the further sentinel.
func (e *RuleError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrRule}
	}
	return []error{ErrRule, e.Err}
}

// wrapPkg prefixes an error of the root package with "outsourcing: ",
// keeping it reachable with errors.Is and errors.As.
func wrapPkg(err error) error { return errs.Prefix("outsourcing", err) }

// Problems flattens err into its separate problems: the errors joined
// with errors.Join (at any depth), each kept whole — a *FieldError,
// *RuleError or *SyntaxError, or any other error, with its own wrapping.
// A non-joined error is one problem; nil is none.
func Problems(err error) []error {
	switch err.(type) {
	case nil:
		return nil
	case *FieldError, *RuleError, *SyntaxError:
		return []error{err}
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, Problems(e)...)
	}
	return out
}

// AtPath relocates err under the JSON pointer prefix, for a value checked
// on its own and then reported where it sits in a document: every
// *FieldError in err (alone or joined) gets prefix + its path, so
// ParseDecimal's "" becomes "/levels/0/minimum"; any other error becomes
// a *FieldError at prefix with err as its cause. nil stays nil.
func AtPath(prefix string, err error) error {
	if err == nil {
		return nil
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok && !isFieldError(err) {
		parts := joined.Unwrap()
		moved := make([]error, len(parts))
		for i, e := range parts {
			moved[i] = AtPath(prefix, e)
		}
		return errors.Join(moved...)
	}
	var fe *FieldError
	if errors.As(err, &fe) && fe == err {
		c := *fe
		c.Path = prefix + fe.Path
		return &c
	}
	return &FieldError{Path: prefix, Reason: err.Error(), Cause: err, Err: sentinelOf(err)}
}

func isFieldError(err error) bool {
	_, ok := err.(*FieldError)
	return ok
}

// sentinelOf returns the sentinel err matches among those a FieldError
// carries, so that relocating an error keeps what errors.Is says of it.
func sentinelOf(err error) error {
	for _, s := range []error{ErrCurrencyMismatch, ErrNotFound, ErrLimit, ErrRule, ErrTransition, ErrNoConvergence} {
		if errors.Is(err, s) {
			return s
		}
	}
	return nil
}
