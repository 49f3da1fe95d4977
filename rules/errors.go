package rules

import "github.com/outsourcing-go/outsourcing/internal/errs"

// wrap prefixes an error returned by the package's entry points with
// "rules: ", keeping it reachable with errors.Is and errors.As.
func wrap(err error) error { return errs.Prefix("rules", err) }
