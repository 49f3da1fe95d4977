package outsourcing

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error returned by this module matches exactly one
// of these with errors.Is, and carries its detail in a typed error
// (FieldError, RuleError, LimitError, ...) reachable with errors.As.
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

// FieldError says which field of an input is wrong and why. Path is a
// dotted or JSON-pointer path such as "levels[2].target" or
// "/levels/2/target". It matches ErrInvalidInput unless Err names another
// sentinel (for example ErrCurrencyMismatch).
type FieldError struct {
	// Path locates the offending value within the input.
	Path string
	// Reason says, in lower case, what is wrong with it.
	Reason string
	// Err is the sentinel the error matches; nil means ErrInvalidInput.
	Err error
}

// Error implements error as "path: reason".
func (e *FieldError) Error() string {
	if e.Path == "" {
		return e.Reason
	}
	return e.Path + ": " + e.Reason
}

// Unwrap returns the sentinel the error matches.
func (e *FieldError) Unwrap() error {
	if e.Err == nil {
		return ErrInvalidInput
	}
	return e.Err
}

// FieldErrorf builds a *FieldError for path with a formatted reason.
func FieldErrorf(path, format string, args ...any) *FieldError {
	return &FieldError{Path: path, Reason: fmt.Sprintf(format, args...)}
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
func wrapPkg(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("outsourcing: %w", err)
}
