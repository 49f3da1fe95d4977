package sla

import "github.com/outsourcing-go/outsourcing/internal/errs"

// wrap adds the package prefix "sla: " to an error leaving an exported
// entry point; nil stays nil. Internal functions never call it, so the
// prefix appears exactly once.
func wrap(err error) error { return errs.Prefix("sla", err) }
