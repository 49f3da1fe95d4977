package planning

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/errs"
	"github.com/shopspring/decimal"
)

// Working constants of the package's decimal arithmetic.
var (
	decOne    = decimal.NewFromInt(1)
	decMinus1 = decimal.NewFromInt(-1)
	// hundredPercent is 100 %, the top of probabilities and tornado changes.
	hundredPercent = outsourcing.MustPercent("100")
)

// finPlaces is the working precision of intermediate decimal arithmetic,
// the same as package finance's.
const finPlaces = 40

// maxQuoted is the longest piece of untrusted text an error message quotes.
const maxQuoted = 40

// wrap prefixes an error of the package's exported entry points with
// "planning: ", keeping it reachable with errors.Is and errors.As.
func wrap(err error) error { return errs.Prefix("planning", err) }
