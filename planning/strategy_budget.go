package planning

import (
	"errors"
	"fmt"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// BudgetStatus says how actual spending compares with the plan.
type BudgetStatus string

const (
	// BudgetStatusUnder: actual below plan by more than the tolerance.
	BudgetStatusUnder BudgetStatus = "under"
	// BudgetStatusOnPlan: within the tolerance either way.
	BudgetStatusOnPlan BudgetStatus = "on_plan"
	// BudgetStatusOver: actual above plan by more than the tolerance.
	BudgetStatusOver BudgetStatus = "over"
)

var budgetStatuses = []BudgetStatus{BudgetStatusUnder, BudgetStatusOnPlan, BudgetStatusOver}

// String returns the status name.
func (s BudgetStatus) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (s BudgetStatus) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(s, "budget status", budgetStatuses)
}

// UnmarshalText accepts "under", "on_plan" or "over".
func (s *BudgetStatus) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(s, b, "budget status", budgetStatuses)
}

// DefaultBudgetTolerance returns the variance, 5 % of plan, within which
// spending counts as on plan when Budget.Tolerance is zero.
func DefaultBudgetTolerance() outsourcing.Percent { return outsourcing.MustPercent("5") }

// Budget is the total and per-phase budget of an outsourcing initiative
// (Handbook §1.3), with actual spending so far.
type Budget struct {
	// Total is the approved budget.
	Total outsourcing.Money `json:"total"`
	// Phases split the budget; their plans must not exceed Total.
	Phases []BudgetPhase `json:"phases"`
	// Tolerance is the on-plan band in percent of plan; zero means
	// DefaultBudgetTolerance.
	Tolerance outsourcing.Percent `json:"tolerance,omitzero"`
}

// BudgetPhase is one phase's plan and actual spending.
type BudgetPhase struct {
	// ID identifies the phase.
	ID string `json:"id"`
	// Name is a human-readable label.
	Name string `json:"name,omitempty"`
	// Planned is the phase's share of the budget.
	Planned outsourcing.Money `json:"planned"`
	// Actual is what the phase has spent so far.
	Actual outsourcing.Money `json:"actual"`
}

// PhaseVariance is a phase (or the whole budget) against plan.
type PhaseVariance struct {
	// ID is the phase's ID, or "total".
	ID string `json:"id"`
	// Planned and Actual repeat the phase's amounts.
	Planned outsourcing.Money `json:"planned"`
	Actual  outsourcing.Money `json:"actual"`
	// Variance is Actual − Planned (positive = overspend).
	Variance outsourcing.Money `json:"variance"`
	// VariancePercent is Variance / Planned in percent, rounded half away
	// from zero to 2 places; zero when nothing was planned.
	VariancePercent outsourcing.Decimal `json:"variance_percent"`
	// Status places the variance against the tolerance.
	Status BudgetStatus `json:"status"`
}

// BudgetReport is the variance of every phase and of the total.
type BudgetReport struct {
	// Phases hold the variance of each phase, in budget order.
	Phases []PhaseVariance `json:"phases"`
	// Overall sums the phases (ID "total").
	Overall PhaseVariance `json:"overall"`
	// Unallocated is Total − Σ planned.
	Unallocated outsourcing.Money `json:"unallocated"`
	// Remaining is Total − Σ actual (negative when the budget is exceeded).
	Remaining outsourcing.Money `json:"remaining"`
}

// Variance compares each phase's actual spending with its plan.
//
// Errors (*FieldError with JSON pointers into the budget, joined after
// the prefix "planning: "): no phases, empty or duplicate phase IDs,
// negative amounts (ErrInvalidInput); an amount in another currency than
// Total (ErrCurrencyMismatch); phase plans above Total (ErrInvalidInput).
func (b Budget) Variance() (BudgetReport, error) {
	if err := b.validate(); err != nil {
		return BudgetReport{}, wrap(err)
	}
	r, err := b.report()
	return r, wrap(err)
}

// report computes the variances of a valid budget; its currency errors
// cannot happen after validate.
func (b Budget) report() (BudgetReport, error) {
	tol := b.Tolerance
	if tol.IsZero() {
		tol = DefaultBudgetTolerance()
	}
	c := b.Total.Currency()
	var r BudgetReport
	planned, actual := make([]outsourcing.Money, len(b.Phases)), make([]outsourcing.Money, len(b.Phases))
	for i, p := range b.Phases {
		v, err := variance(p.ID, p.Planned, p.Actual, tol)
		if err != nil {
			return BudgetReport{}, err
		}
		r.Phases = append(r.Phases, v)
		planned[i], actual[i] = p.Planned, p.Actual
	}
	totalPlanned, err := outsourcing.Sum(c, planned...)
	if err != nil {
		return BudgetReport{}, err
	}
	totalActual, err := outsourcing.Sum(c, actual...)
	if err != nil {
		return BudgetReport{}, err
	}
	if r.Overall, err = variance("total", totalPlanned, totalActual, tol); err != nil {
		return BudgetReport{}, err
	}
	if r.Unallocated, err = b.Total.Sub(totalPlanned); err != nil {
		return BudgetReport{}, err
	}
	r.Remaining, err = b.Total.Sub(totalActual)
	return r, err
}

func variance(id string, planned, actual outsourcing.Money, tol outsourcing.Percent) (PhaseVariance, error) {
	v, err := actual.Sub(planned)
	if err != nil {
		return PhaseVariance{}, err
	}
	pv := PhaseVariance{ID: id, Planned: planned, Actual: actual, Variance: v, Status: BudgetStatusOnPlan}
	if planned.Amount().IsZero() {
		if actual.IsPositive() {
			pv.Status = BudgetStatusOver
		}
		return pv, nil
	}
	pv.VariancePercent = outsourcing.DecimalOf(v.Amount().Shopspring().Shift(2).DivRound(planned.Amount().Shopspring(), 2)).Trim()
	band := tol.Of(planned).Amount()
	switch {
	case v.Amount().GreaterThan(band):
		pv.Status = BudgetStatusOver
	case v.Amount().Neg().GreaterThan(band):
		pv.Status = BudgetStatusUnder
	}
	return pv, nil
}

func (b Budget) validate() error {
	var errs []error
	c := b.Total.Currency()
	money := func(path string, m outsourcing.Money) {
		switch {
		case !m.IsSet():
			errs = append(errs, outsourcing.FieldErrorf(path, "amount is required"))
		case m.Currency() != c:
			errs = append(errs, &outsourcing.FieldError{Path: path, Reason: fmt.Sprintf("amount in %s, budget in %s", m.Currency(), c), Err: outsourcing.ErrCurrencyMismatch})
		case m.IsNegative():
			errs = append(errs, outsourcing.FieldErrorf(path, "amount %s is negative", m))
		}
	}
	money("/total", b.Total)
	if len(b.Phases) == 0 {
		errs = append(errs, outsourcing.FieldErrorf("/phases", "no phases"))
	}
	if b.Tolerance.Points().IsNegative() {
		errs = append(errs, outsourcing.FieldErrorf("/tolerance", "tolerance %s is negative", b.Tolerance))
	}
	seen := map[string]bool{}
	plans := make([]outsourcing.Money, len(b.Phases))
	for i, p := range b.Phases {
		path := jsonptr.Join("phases", i)
		if p.ID == "" || seen[p.ID] {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "id"), "phase id %q is empty or duplicate", text.Truncate(p.ID, maxQuoted)))
		}
		seen[p.ID] = true
		money(jsonptr.Append(path, "planned"), p.Planned)
		money(jsonptr.Append(path, "actual"), p.Actual)
		plans[i] = p.Planned
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	planned, err := outsourcing.Sum(c, plans...)
	switch {
	case err != nil:
		return err
	case planned.Amount().GreaterThan(b.Total.Amount()):
		return outsourcing.FieldErrorf("/phases", "phases plan %s, more than the total %s", planned, b.Total)
	}
	return nil
}
