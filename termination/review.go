package termination

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/planning"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/outsourcing-go/outsourcing/vendors"
)

// ReviewSpec is what the post-exit review reads (Handbook §7.4,
// §8.1): the engagement's objectives with their measurements, its SLA
// reports, the TCO business case and the actual cost, what is known of
// the vendor for its final evaluation, and the lessons learned.
// ParseReview reads it from JSON; Terms.Review checks it against the
// contract.
type ReviewSpec struct {
	// Contract is the id of the contract.
	Contract string `json:"contract"`
	// AsOf is the instant of the review: objectives are measured and the
	// vendor's improvement plans taken as they stand then.
	AsOf time.Time `json:"as_of"`
	// Objectives are the planning objectives and their measurements
	// (package planning's objective set document).
	Objectives planning.ObjectiveSet `json:"objectives"`
	// SLAReports are the SLA reports of the contract's agreement over its
	// life.
	SLAReports []sla.Report `json:"sla_reports,omitempty"`
	// BusinessCase is the TCO evaluation the decision was made on
	// (planning.TCOResult as package planning writes it) and Option the
	// id of the option chosen.
	BusinessCase planning.TCOResult `json:"business_case"`
	Option       string             `json:"option"`
	// ActualCost is what the engagement actually cost over the horizon
	// of the business case, in the contract's currency.
	ActualCost outsourcing.Money `json:"actual_cost"`
	// Vendor is the input of the vendor's final evaluation (package
	// vendors' final-evaluation document without sla_attainment, which
	// the review fills in from SLAReports; its AsOf is the review's, zero
	// or the same instant).
	Vendor vendors.FinalInput `json:"vendor"`
	// Lessons are the engagement's lessons learned, to be shared; the
	// final evaluation lists them after the vendor's own.
	Lessons []string `json:"lessons,omitempty"`
}

// PostExitReview is the archived post-termination review.
type PostExitReview struct {
	AsOf time.Time `json:"as_of"`
	// Objectives are the objectives' states at AsOf; Attained counts
	// those achieved.
	Objectives []planning.ObjectiveProgress `json:"objectives"`
	Attained   int                          `json:"attained"`
	// SLA is the attainment over the contract's life.
	SLA SLAAttainment `json:"sla"`
	// Cost compares the actual cost with the business case.
	Cost CostComparison `json:"cost"`
	// Vendor is the final vendor evaluation (package vendors).
	Vendor vendors.FinalEvaluation `json:"vendor"`
	// Lessons repeats the lessons learned.
	Lessons []string `json:"lessons,omitempty"`
}

// SLAAttainment counts the level-periods of the reports, each service
// level in each reported period: Measured excludes those without data;
// Met reached the expected level, Minimum only the minimum, Missed
// neither. Percent is the share of service-level targets met, Met /
// Measured × 100, rounded half up to 2 places (100 with nothing
// measured).
type SLAAttainment struct {
	Periods  int                 `json:"periods"`
	Measured int                 `json:"measured"`
	Met      int                 `json:"met"`
	Minimum  int                 `json:"minimum"`
	Missed   int                 `json:"missed"`
	Percent  outsourcing.Percent `json:"percent"`
	// Credits sums the credits of the reports.
	Credits outsourcing.Money `json:"credits"`
}

// CostComparison compares the actual cost with the business case, as
// a budget variance: Planned is the chosen option's nominal cost over
// the horizon, Variance is Actual − Planned (positive: adverse, over
// plan; negative: favourable) and VariancePercent is Variance / Planned
// × 100, rounded half up to 2 places (zero when nothing was planned).
// PlannedSavings and ActualSavings are the baseline's nominal cost less
// the planned and the actual cost; both are Money{} when the chosen
// option is the baseline.
type CostComparison struct {
	Option          string              `json:"option"`
	Planned         outsourcing.Money   `json:"planned"`
	Actual          outsourcing.Money   `json:"actual"`
	Variance        outsourcing.Money   `json:"variance"`
	VariancePercent outsourcing.Percent `json:"variance_percent"`
	PlannedSavings  outsourcing.Money   `json:"planned_savings,omitzero"`
	ActualSavings   outsourcing.Money   `json:"actual_savings,omitzero"`
}

// Review builds the post-exit review of the contract from spec: each
// objective's progress at AsOf and the number attained (planning), the
// SLA attainment of the reports, the actual cost against the business
// case, and the vendor's final evaluation (vendors.EvaluateFinal, with
// AsOf and the SLA attainment filled in).
//
// Errors (*outsourcing.FieldError at a pointer into spec, prefixed
// "termination: " once): another contract's id (/contract); objectives
// that do not validate (/objectives/…) or an objective without a
// measurement by AsOf (/objectives/objectives/i/measurements); a report
// of another agreement than the contract's (/sla_reports/i/agreement,
// ErrNotFound) or not following the one before (/sla_reports/i/period:
// a period given twice would count twice) or credits in another currency
// (/sla_reports/i/credits, ErrCurrencyMismatch); an option not in the
// business case (/option, ErrNotFound); an actual cost missing or in
// another currency than the contract's (/actual_cost,
// ErrCurrencyMismatch), a business case in another currency
// (/business_case/options/i/nominal, ErrCurrencyMismatch); recognitions
// totalled in another currency (/vendor/currency,
// ErrCurrencyMismatch); a vendor as_of other than the review's or an SLA
// attainment given (/vendor/as_of, /vendor/sla_attainment); and the
// final evaluation's errors under /vendor.
func (t *Terms) Review(spec ReviewSpec) (PostExitReview, error) {
	out := PostExitReview{AsOf: spec.AsOf, Lessons: spec.Lessons}
	var errs problems
	if spec.Contract != t.contract.ID() {
		errs.failf("/contract", "the review is of contract %q, not %q", spec.Contract, t.contract.ID())
	}
	errs.add(t.objectives(spec, &out))
	var err error
	out.SLA, err = t.slaAttainment(spec.SLAReports)
	errs.add(err)
	out.Cost, err = t.costComparison(spec)
	errs.add(err)
	if c := spec.Vendor.Currency; c != "" && c != t.contract.Currency() {
		errs.add(mismatch("/vendor/currency", c, t.contract.Currency()))
	}
	if at := spec.Vendor.AsOf; !at.IsZero() && !at.Equal(spec.AsOf) {
		errs.failf("/vendor/as_of", "the final evaluation is made at the review, %s, not at %s", spec.AsOf.Format(time.RFC3339), at.Format(time.RFC3339))
	}
	if spec.Vendor.SLAAttainment != nil {
		errs.failf("/vendor/sla_attainment", "the review finds the SLA attainment from the SLA reports")
	}
	if err := errs.err(); err != nil {
		return PostExitReview{}, wrap(err)
	}
	fin := spec.Vendor
	fin.AsOf, fin.SLAAttainment = spec.AsOf, &out.SLA.Percent
	fin.Lessons = append(slices.Clone(fin.Lessons), spec.Lessons...)
	out.Vendor, err = vendors.EvaluateFinal(fin)
	if err != nil {
		return PostExitReview{}, wrap(outsourcing.AtPath("/vendor", unprefixed(err, "vendors: ")))
	}
	return out, nil
}

// objectives evaluates the objectives at the review: every one needs a
// measurement by then.
func (t *Terms) objectives(spec ReviewSpec, out *PostExitReview) error {
	progress, err := spec.Objectives.Progress(spec.AsOf)
	if err != nil {
		return outsourcing.AtPath("/objectives", unprefixed(err, "planning: "))
	}
	var errs problems
	for i, p := range progress {
		switch {
		case p.Latest == nil:
			errs.failf(jsonptr.Join("objectives", "objectives", i, "measurements"), "objective %q has no measurement by the review", p.ID)
		case p.State == planning.ObjectiveStateAchieved:
			out.Attained++
		}
	}
	out.Objectives = progress
	return errs.err()
}

func (t *Terms) slaAttainment(reports []sla.Report) (SLAAttainment, error) {
	a := SLAAttainment{Credits: outsourcing.ZeroMoney(t.contract.Currency())}
	var errs problems
	errs.add(t.checkReports(reports)) // a period given twice would count twice
	for i, r := range reports {
		at := jsonptr.Join("sla_reports", i)
		a.Periods++
		for _, l := range r.Levels {
			switch l.Status {
			case sla.StatusMet:
				a.Met++
			case sla.StatusMinimum:
				a.Minimum++
			case sla.StatusMissed:
				a.Missed++
			}
		}
		sum, err := a.Credits.Add(r.Credits)
		if err != nil {
			errs.add(mismatch(jsonptr.Append(at, "credits"), r.Credits.Currency(), t.contract.Currency()))
			continue
		}
		a.Credits = sum
	}
	a.Measured = a.Met + a.Minimum + a.Missed
	pct := outsourcing.DecimalFromInt(100)
	if a.Measured > 0 {
		pct, _ = outsourcing.DecimalFromInt(int64(100*a.Met)).Quo(outsourcing.DecimalFromInt(int64(a.Measured)), 2, outsourcing.RoundHalfUp) // Measured > 0
	}
	a.Percent = outsourcing.NewPercent(pct)
	return a, errs.err()
}

func (t *Terms) costComparison(spec ReviewSpec) (CostComparison, error) {
	c := CostComparison{Option: spec.Option, Actual: spec.ActualCost}
	cur := t.contract.Currency()
	var baseline outsourcing.Money
	chosen := -1
	for i, o := range spec.BusinessCase.Options {
		if o.ID == spec.Option {
			c.Planned, chosen = o.Nominal, i
		}
		if o.ID == spec.BusinessCase.Baseline {
			baseline = o.Nominal
		}
	}
	var errs problems
	switch {
	case chosen < 0:
		errs.add(outsourcing.FieldErrorOf(outsourcing.ErrNotFound, "/option", "the business case has no option %q", spec.Option))
	case c.Planned.Currency() != cur:
		errs.add(mismatch(jsonptr.Join("business_case", "options", chosen, "nominal"), c.Planned.Currency(), cur))
	}
	switch {
	case !spec.ActualCost.IsSet():
		errs.failf("/actual_cost", "the review needs the actual cost")
	case spec.ActualCost.Currency() != cur:
		errs.add(mismatch("/actual_cost", spec.ActualCost.Currency(), cur))
	}
	if err := errs.err(); err != nil {
		return CostComparison{}, err
	}
	c.Variance, _ = spec.ActualCost.Sub(c.Planned) // one currency
	if !c.Planned.Amount().IsZero() {
		q, _ := c.Variance.Amount().Mul(outsourcing.DecimalFromInt(100)).Quo(c.Planned.Amount(), 2, outsourcing.RoundHalfUp) // Planned ≠ 0
		c.VariancePercent = outsourcing.NewPercent(q)
	}
	if spec.Option != spec.BusinessCase.Baseline && baseline.Currency() == cur {
		c.PlannedSavings, _ = baseline.Sub(c.Planned)
		c.ActualSavings, _ = baseline.Sub(spec.ActualCost)
	}
	return c, nil
}

// unprefixed drops another package's prefix from an error it returned,
// so that this package's prefix appears once.
func unprefixed(err error, prefix string) error {
	if inner := errors.Unwrap(err); inner != nil && strings.HasPrefix(err.Error(), prefix) {
		return inner
	}
	return err
}
