package vendors

import (
	"github.com/outsourcing-go/outsourcing/internal/errs"
)

// wrap adds the package prefix "vendors: " to an error leaving an exported
// entry point; nil stays nil. Internal functions never call it, so the
// prefix appears exactly once.
func wrap(err error) error { return errs.Prefix("vendors", err) }
