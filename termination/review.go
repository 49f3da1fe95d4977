package termination

import (
	"errors"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/planning"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/outsourcing-go/outsourcing/vendors"
)

// ReviewInput is what the post-exit review reads (Handbook §7.4, §8.1):
// the engagement's objectives with their measurements, its SLA reports,
// the TCO business case and the actual cost, what is known of the vendor
// for its final evaluation, and the lessons learned.
type ReviewInput struct {
	// AsOf is the day of the review.
	AsOf time.Time `json:"as_of"`
	// Objectives are the planning objectives and their measurements.
	Objectives planning.ObjectiveSet `json:"objectives"`
	// SLAReports are the SLA reports over the contract's life.
	SLAReports []sla.Report `json:"sla_reports,omitempty"`
	// BusinessCase is the TCO evaluation the decision was made on and
	// Option the id of the option chosen.
	BusinessCase planning.TCOResult `json:"business_case"`
	Option       string             `json:"option"`
	// ActualCost is what the engagement actually cost over the horizon
	// of the business case.
	ActualCost outsourcing.Money `json:"actual_cost"`
	// Vendor is the input of the vendor's final evaluation; its SLA
	// attainment is filled in from SLAReports.
	Vendor vendors.FinalInput `json:"vendor"`
	// Lessons are the lessons learned, to be shared.
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

// SLAAttainment counts the level-periods of the reports: Measured
// excludes periods without data; Met reached the expected level,
// Minimum only the minimum, Missed neither. Percent is Met / Measured,
// rounded half up to 2 places (100 with nothing measured).
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

// CostComparison compares the actual cost with the business case:
// Variance is Actual − Planned (positive: over plan) and
// VariancePercent is Variance / Planned, rounded half up to 2 places.
type CostComparison struct {
	Option          string              `json:"option"`
	Planned         outsourcing.Money   `json:"planned"`
	Actual          outsourcing.Money   `json:"actual"`
	Variance        outsourcing.Money   `json:"variance"`
	VariancePercent outsourcing.Percent `json:"variance_percent"`
}

// Review builds the post-exit review. Errors (*outsourcing.FieldError at
// a pointer into in): objectives that do not validate (/objectives/…), an
// option not in the business case (/option, ErrNotFound), an actual cost
// missing or in another currency than the plan's (/actual_cost,
// ErrCurrencyMismatch), SLA credits in mixed currencies
// (/sla_reports/i/credits), and the final evaluation's errors under
// /vendor.
func Review(in ReviewInput) (PostExitReview, error) {
	out := PostExitReview{AsOf: in.AsOf, Lessons: in.Lessons}
	var errs problems
	progress, err := in.Objectives.Progress(in.AsOf)
	if err != nil {
		errs.add(outsourcing.AtPath("/objectives", unprefixed(err, "planning: ")))
	}
	for _, p := range progress {
		if p.State == planning.ObjectiveStateAchieved {
			out.Attained++
		}
	}
	out.Objectives = progress
	out.SLA, err = slaAttainment(in.SLAReports)
	errs.add(err)
	out.Cost, err = costComparison(in)
	errs.add(err)
	if err := errs.err(); err != nil {
		return PostExitReview{}, wrap(err)
	}
	fin := in.Vendor
	fin.SLAAttainment = &out.SLA.Percent
	fin.Lessons = append(append([]string(nil), fin.Lessons...), in.Lessons...)
	out.Vendor, err = vendors.EvaluateFinal(fin)
	if err != nil {
		return PostExitReview{}, wrap(outsourcing.AtPath("/vendor", unprefixed(err, "vendors: ")))
	}
	return out, nil
}

func slaAttainment(reports []sla.Report) (SLAAttainment, error) {
	var a SLAAttainment
	for i, r := range reports {
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
		var err error
		if a.Credits, err = a.Credits.Add(r.Credits); err != nil {
			return SLAAttainment{}, sentinelf(outsourcing.ErrCurrencyMismatch, jsonptr.Join("sla_reports", i, "credits"), "credits in %s after credits in %s", r.Credits.Currency(), a.Credits.Currency())
		}
	}
	a.Measured = a.Met + a.Minimum + a.Missed
	pct := outsourcing.DecimalFromInt(100)
	if a.Measured > 0 {
		pct, _ = outsourcing.DecimalFromInt(int64(100*a.Met)).Quo(outsourcing.DecimalFromInt(int64(a.Measured)), 2, outsourcing.RoundHalfUp)
	}
	a.Percent = outsourcing.NewPercent(pct)
	return a, nil
}

func costComparison(in ReviewInput) (CostComparison, error) {
	c := CostComparison{Option: in.Option, Actual: in.ActualCost}
	found := false
	for _, o := range in.BusinessCase.Options {
		if o.ID == in.Option {
			c.Planned, found = o.Nominal, true
		}
	}
	if !found {
		return c, sentinelf(outsourcing.ErrNotFound, "/option", "the business case has no option %q", in.Option)
	}
	if !in.ActualCost.IsSet() {
		return c, errorf("/actual_cost", "the review needs the actual cost")
	}
	v, err := in.ActualCost.Sub(c.Planned)
	if err != nil {
		return c, mismatch("/actual_cost", in.ActualCost.Currency(), c.Planned.Currency())
	}
	c.Variance = v
	if !c.Planned.Amount().IsZero() {
		q, _ := v.Amount().Mul(outsourcing.DecimalFromInt(100)).Quo(c.Planned.Amount(), 2, outsourcing.RoundHalfUp)
		c.VariancePercent = outsourcing.NewPercent(q)
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
