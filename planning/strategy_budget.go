package planning

import (
	"errors"
	"fmt"

	"github.com/outsourcing-go/outsourcing"

	"github.com/shopspring/decimal"
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

// DefaultBudgetTolerance is the variance, in percent of plan, within
// which spending counts as on plan when Budget.Tolerance is zero.
var DefaultBudgetTolerance = outsourcing.MustPercent("5")

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
	ID      string            `json:"id"`
	Name    string            `json:"name,omitempty"`
	Planned outsourcing.Money `json:"planned"`
	Actual  outsourcing.Money `json:"actual"`
}

// PhaseVariance is a phase (or the whole budget) against plan.
type PhaseVariance struct {
	ID      string
	Planned outsourcing.Money
	Actual  outsourcing.Money
	// Variance is Actual − Planned (positive = overspend).
	Variance outsourcing.Money
	// VariancePercent is Variance / Planned in percent, rounded half away
	// from zero to 2 places; zero when nothing was planned.
	VariancePercent outsourcing.Decimal
	Status          BudgetStatus
}

// BudgetReport is the variance of every phase and of the total.
type BudgetReport struct {
	Phases []PhaseVariance
	// Overall sums the phases (ID "total").
	Overall PhaseVariance
	// Unallocated is Total − Σ planned.
	Unallocated outsourcing.Money
	// Remaining is Total − Σ actual (negative when the budget is exceeded).
	Remaining outsourcing.Money
}

// Variance compares each phase's actual spending with its plan.
//
// Errors (*FieldError, joined): no phases, empty or duplicate phase IDs,
// negative amounts (ErrInvalidInput); an amount in another currency than
// Total (ErrCurrencyMismatch); phase plans above Total (ErrInvalidInput).
func (b Budget) Variance() (BudgetReport, error) {
	if err := b.validate(); err != nil {
		return BudgetReport{}, err
	}
	tol := b.Tolerance
	if tol.IsZero() {
		tol = DefaultBudgetTolerance
	}
	c := b.Total.Currency()
	var r BudgetReport
	planned, actual := outsourcing.ZeroMoney(c), outsourcing.ZeroMoney(c)
	for _, p := range b.Phases {
		r.Phases = append(r.Phases, variance(p.ID, p.Planned, p.Actual, tol))
		planned, _ = planned.Add(p.Planned)
		actual, _ = actual.Add(p.Actual)
	}
	r.Overall = variance("total", planned, actual, tol)
	r.Unallocated, _ = b.Total.Sub(planned)
	r.Remaining, _ = b.Total.Sub(actual)
	return r, nil
}

func variance(id string, planned, actual outsourcing.Money, tol outsourcing.Percent) PhaseVariance {
	v, _ := actual.Sub(planned)
	pv := PhaseVariance{ID: id, Planned: planned, Actual: actual, Variance: v, Status: BudgetStatusOnPlan}
	if planned.IsZero() {
		if actual.IsPositive() {
			pv.Status = BudgetStatusOver
		}
		return pv
	}
	pv.VariancePercent = TrimDecimal(v.Amount().Shift(2).DivRound(planned.Amount(), 2))
	band := tol.Of(planned).Amount()
	switch {
	case v.Amount().GreaterThan(band):
		pv.Status = BudgetStatusOver
	case v.Amount().Neg().GreaterThan(band):
		pv.Status = BudgetStatusUnder
	}
	return pv
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
	money("total", b.Total)
	if len(b.Phases) == 0 {
		errs = append(errs, outsourcing.FieldErrorf("phases", "no phases"))
	}
	if b.Tolerance.Decimal().IsNegative() {
		errs = append(errs, outsourcing.FieldErrorf("tolerance", "tolerance %s is negative", b.Tolerance))
	}
	seen := map[string]bool{}
	planned := decimal.Zero
	for i, p := range b.Phases {
		path := fmt.Sprintf("phases[%d]", i)
		if p.ID == "" || seen[p.ID] {
			errs = append(errs, outsourcing.FieldErrorf(path+".id", "phase id %q is empty or duplicate", p.ID))
		}
		seen[p.ID] = true
		money(path+".planned", p.Planned)
		money(path+".actual", p.Actual)
		planned = planned.Add(p.Planned.Amount())
	}
	if len(errs) == 0 && planned.GreaterThan(b.Total.Amount()) {
		errs = append(errs, outsourcing.FieldErrorf("phases", "phases plan %s, more than the total %s", FormatDecimal(planned), b.Total))
	}
	return errors.Join(errs...)
}
