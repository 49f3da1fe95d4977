package risk

import (
	"errors"
	"math"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Summarise summarises a sample of annual losses the caller already has
// (from another tool, or history) exactly as Simulate summarises its
// simulated years: mean, standard deviation, percentiles, value at risk,
// the loss exceedance curve and the share of years with a loss, in
// currency, rounded half-even to its minor units. losses is not modified.
// An empty sample, a NaN or infinite loss (at "/i"), an amount beyond
// MaxAmount, or invalid options are *outsourcing.FieldError values.
func Summarise(losses []float64, currency outsourcing.Currency, opt SummaryOptions) (Result, error) {
	var errs []error
	if len(losses) == 0 {
		errs = append(errs, outsourcing.FieldErrorf("", "the sample is empty"))
	}
	if len(losses) > MaxTrials {
		errs = append(errs, limitf("", "%d losses exceed the limit of %d", len(losses), MaxTrials))
	}
	for i, x := range losses {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join(i), "loss %g is not a finite number", x))
		} else if math.Abs(x) > MaxAmount {
			errs = append(errs, limitf(jsonptr.Join(i), "loss %g is beyond the limit of %g", x, MaxAmount))
		}
		if len(errs) >= 10 {
			break
		}
	}
	if !currency.Valid() {
		errs = append(errs, outsourcing.FieldErrorf("", "currency %q is not an ISO 4217 code", currency))
	}
	plan, err := newSummary(opt, currency)
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return Result{}, wrap(errors.Join(errs...))
	}
	return plan.summarise(slices.Clone(losses), momentsOf(losses)), nil
}
