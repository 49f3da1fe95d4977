package risk

import (
	"errors"
	"math"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// Register is a risk register for an outsourcing engagement (Handbook §1.2
// initial identification, §5.1–§5.3). Ratings in it refer to the levels of
// the Matrix it is assessed with.
type Register struct {
	// ID names the register.
	ID string `json:"id"`
	// Name is a display title.
	Name string `json:"name,omitempty"`
	// MatrixID names the matrix the ratings use (informative).
	MatrixID string `json:"matrix_id,omitempty"`
	// Review sets how often risks are reviewed (Handbook §5.3).
	Review ReviewPolicy `json:"review"`
	// Combination says how the effectiveness of a risk's controls on one
	// axis combine for its residual rating; the zero value compounds them.
	Combination Combination `json:"combination,omitzero"`
	// Risks are the register's entries; IDs are unique.
	Risks []Risk `json:"risks"`
}

// ReviewPolicy sets review intervals by risk level. The zero value reviews
// risks above appetite quarterly (3 months) and the others half-yearly (6
// months), as Handbook §5.3 suggests, and reports a review or drill as due
// 30 days ahead.
type ReviewPolicy struct {
	// Intervals override the interval for the listed (residual) levels.
	Intervals []ReviewInterval `json:"intervals,omitempty"`
	// DueWithinDays is how many days before its date a review or drill is
	// reported as due; 0 means 30.
	DueWithinDays int `json:"due_within_days,omitempty"`
}

// ReviewInterval is the review period for one risk level, in calendar
// months or in days (one of them).
type ReviewInterval struct {
	// Level is a risk level of the matrix.
	Level Level `json:"level"`
	// Months between reviews, 1..120; or Days, 1..3660.
	Months int `json:"months,omitempty"`
	Days   int `json:"days,omitempty"`
}

// Rating places a risk on the matrix by axis level IDs.
type Rating struct {
	Likelihood string `json:"likelihood"` // a likelihood axis level ID
	Impact     string `json:"impact"`     // an impact axis level ID
}

// Risk is one entry of the register.
type Risk struct {
	// ID is unique in the register.
	ID string `json:"id"`
	// Title is a one-line statement of the risk.
	Title string `json:"title"`
	// Description, Cause and Consequence describe it (cause → event → consequence).
	Description string `json:"description,omitempty"`
	Cause       string `json:"cause,omitempty"`
	Consequence string `json:"consequence,omitempty"`
	// Category is one of the handbook's eight or a custom one.
	Category Category `json:"category"`
	// Owner is accountable for the risk.
	Owner string `json:"owner,omitempty"`
	// VendorIDs and ContractIDs link the risk to vendors and contracts.
	VendorIDs   []string `json:"vendor_ids,omitempty"`
	ContractIDs []string `json:"contract_ids,omitempty"`
	// Status is where the risk stands.
	Status Status `json:"status"`
	// Identified is when the risk was first recorded; the first review
	// falls due one interval after it.
	Identified time.Time `json:"identified"`
	// Inherent is the rating before controls.
	Inherent Rating `json:"inherent"`
	// Controls in place, each with an effectiveness 0..1.
	Controls []Control `json:"controls,omitempty"`
	// Treatment is the chosen response; empty until decided.
	Treatment Treatment `json:"treatment,omitempty"`
	// TreatmentPlan describes the actions.
	TreatmentPlan string `json:"treatment_plan,omitempty"`
	// Approver signed off an acceptance (needed above appetite).
	Approver string `json:"approver,omitempty"`
	// Residual, when set, is a re-rating after treatment and overrides the
	// residual derived from Controls.
	Residual *Rating `json:"residual,omitempty"`
	// Contingency is the plan for when the risk materialises (Handbook §5.2).
	Contingency *ContingencyPlan `json:"contingency,omitempty"`
	// Assessments is the history of assessments, in any order.
	Assessments []Assessment `json:"assessments,omitempty"`
	// Loss, when set, quantifies the risk for Monte Carlo simulation.
	Loss *Scenario `json:"loss,omitempty"`
}

// Control is a measure that reduces a risk.
type Control struct {
	// ID names the control; Description says what it does.
	ID          string `json:"id"`
	Description string `json:"description,omitempty"`
	// Effectiveness is the share of the risk the control removes, 0..1
	// (1 = fully effective).
	Effectiveness float64 `json:"effectiveness"`
	// Target is the axis it reduces; empty means likelihood.
	Target ControlTarget `json:"target,omitempty"`
}

// ContingencyPlan is the response prepared for a critical risk (Handbook
// §5.2): organisation, trigger, steps, recovery objective and drills.
type ContingencyPlan struct {
	// Owner leads the response; Trigger is the event that starts it;
	// Steps are the response actions in order.
	Owner   string   `json:"owner"`
	Trigger string   `json:"trigger"`
	Steps   []string `json:"steps"`
	// RecoveryObjective states the recovery target ("service restored in 4 h").
	RecoveryObjective string `json:"recovery_objective,omitempty"`
	// RTOHours is the recovery time objective in hours, ≥ 0; 0 means unset.
	RTOHours float64 `json:"rto_hours,omitempty"`
	// DrillMonths is the drill interval in calendar months, 1..120, or
	// DrillDays in days, 1..3660 (at most one); neither means 12 months.
	DrillMonths int `json:"drill_months,omitempty"`
	DrillDays   int `json:"drill_days,omitempty"`
	// LastDrill is when the plan was last exercised; nil means never, and
	// the first drill falls due one interval after the risk was identified.
	LastDrill *time.Time `json:"last_drill,omitempty"`
}

// Assessment is one entry of a risk's assessment history.
type Assessment struct {
	// Date of the assessment, by Assessor, with the ratings given then and a Note.
	Date     time.Time `json:"date"`
	Assessor string    `json:"assessor,omitempty"`
	Inherent Rating    `json:"inherent"`
	Residual *Rating   `json:"residual,omitempty"`
	Note     string    `json:"note,omitempty"`
}

// Validate checks the register against the matrix its ratings use: unique
// non-empty IDs, titles, categories, statuses and treatments known, every
// rating on the matrix's scales, effectiveness in 0..1, review and drill
// intervals in 1..120 months, loss scenarios valid. Each problem is a
// *outsourcing.FieldError with a JSON pointer into the register such as
// "/risks/2/controls/0/effectiveness"; they are joined in register order.
func (r Register) Validate(m *Matrix) error {
	_, err := r.validate(m)
	return wrap(err)
}

// validate checks the register and returns its combiner.
func (r Register) validate(m *Matrix) (*Combiner, error) {
	var errs []error
	comb, err := newCombiner("/combination", r.Combination)
	if err != nil {
		errs = append(errs, err)
	}
	add := func(path, format string, args ...any) {
		errs = append(errs, outsourcing.FieldErrorf(path, format, args...))
	}
	if r.ID == "" {
		add("/id", "register id is required")
	}
	for i, iv := range r.Review.Intervals {
		p := jsonptr.Join("review", "intervals", i)
		if m.Rank(iv.Level) == 0 {
			add(jsonptr.Append(p, "level"), "unknown level %q", text.Truncate(string(iv.Level), 40))
		}
		if err := checkCadence(p, "months", "days", iv.Months, iv.Days, true); err != nil {
			errs = append(errs, err)
		}
	}
	if r.Review.DueWithinDays < 0 {
		add("/review/due_within_days", "%d is negative", r.Review.DueWithinDays)
	}
	seen := make(map[string]bool, len(r.Risks))
	for i, k := range r.Risks {
		p := jsonptr.Join("risks", i)
		if k.ID == "" {
			add(jsonptr.Append(p, "id"), "risk id is required")
		} else if seen[k.ID] {
			add(jsonptr.Append(p, "id"), "duplicate risk id %q", text.Truncate(k.ID, 40))
		}
		seen[k.ID] = true
		errs = append(errs, k.validate(p, m)...)
		if comb != nil && len(errs) == 0 {
			if _, err := m.residual(k, comb); err != nil {
				errs = append(errs, prefixPaths(p, err))
			}
		}
	}
	return comb, errors.Join(errs...)
}

func (k Risk) validate(p string, m *Matrix) []error {
	var errs []error
	add := func(path, format string, args ...any) {
		errs = append(errs, outsourcing.FieldErrorf(p+"/"+path, format, args...)) // path: literal tokens
	}
	check := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if k.Title == "" {
		add("title", "title is required")
	}
	if _, err := parseCategory(jsonptr.Append(p, "category"), string(k.Category)); err != nil {
		errs = append(errs, err)
	}
	check(enumError(jsonptr.Append(p, "status"), "status", string(k.Status), statuses))
	if k.Treatment != "" {
		check(enumError(jsonptr.Append(p, "treatment"), "treatment", string(k.Treatment), treatments))
	}
	if k.Identified.IsZero() {
		add("identified", "identification date is required")
	}
	errs = append(errs, k.checkRatings(p, m)...)
	if c := k.Contingency; c != nil {
		if err := checkCadence(p+"/contingency", "drill_months", "drill_days", c.DrillMonths, c.DrillDays, false); err != nil {
			errs = append(errs, err)
		}
		if !(c.RTOHours >= 0) || math.IsInf(c.RTOHours, 0) {
			add("contingency/rto_hours", "recovery time objective %g must be ≥ 0", c.RTOHours)
		}
	}
	for j, a := range k.Assessments {
		ap := jsonptr.Append(p, "assessments", j)
		if a.Date.IsZero() {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(ap, "date"), "assessment date is required"))
		}
		check(checkRating(jsonptr.Append(ap, "inherent"), a.Inherent, m))
		if a.Residual != nil {
			check(checkRating(jsonptr.Append(ap, "residual"), *a.Residual, m))
		}
	}
	if k.Loss != nil {
		if _, err := k.Loss.compile(jsonptr.Append(p, "loss")); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// checkRatings checks the risk's inherent and residual ratings and its
// controls, with paths under p.
func (k Risk) checkRatings(p string, m *Matrix) []error {
	var errs []error
	if err := checkRating(jsonptr.Append(p, "inherent"), k.Inherent, m); err != nil {
		errs = append(errs, err)
	}
	if k.Residual != nil {
		if err := checkRating(jsonptr.Append(p, "residual"), *k.Residual, m); err != nil {
			errs = append(errs, err)
		}
	}
	for j, c := range k.Controls {
		cp := jsonptr.Append(p, "controls", j)
		if !(c.Effectiveness >= 0 && c.Effectiveness <= 1) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(cp, "effectiveness"), "effectiveness %g is outside 0..1", c.Effectiveness))
		}
		if c.Target != "" {
			if err := enumError(jsonptr.Append(cp, "target"), "target", string(c.Target), controlTargets); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errs
}

// checkRating reports ratings off the matrix's scales under path.
func checkRating(path string, r Rating, m *Matrix) error {
	_, _, err := m.locate(path, r)
	return err
}

// checkCadence checks an interval given in months (1..120) or days
// (1..3660), one of them (required: exactly one), under path.
func checkCadence(path, monthsName, daysName string, months, days int, required bool) error {
	switch {
	case months != 0 && days != 0:
		return outsourcing.FieldErrorf(path+"/"+daysName, "set %s or %s, not both", monthsName, daysName)
	case months == 0 && days == 0 && required:
		return outsourcing.FieldErrorf(path+"/"+monthsName, "an interval in %s or %s is required", monthsName, daysName)
	case months < 0 || months > 120:
		return outsourcing.FieldErrorf(path+"/"+monthsName, "interval %d is outside 1..120 months", months)
	case days < 0 || days > 3660:
		return outsourcing.FieldErrorf(path+"/"+daysName, "interval %d is outside 1..3660 days", days)
	}
	return nil
}
