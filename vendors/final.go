package vendors

import (
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// FinalInput is what is known of a vendor at the end of an engagement
// (Handbook §7.4, §8): its performance reviews, surveys, improvement
// plans, recognitions, SLA attainment and the lessons learned.
type FinalInput struct {
	Vendor     string    `json:"vendor"`
	Engagement string    `json:"engagement"`
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"`
	// AsOf is when the evaluation is made (the status of improvement
	// actions is taken then).
	AsOf         time.Time         `json:"as_of"`
	Reviews      []Review          `json:"reviews"`
	ReviewScale  Scale             `json:"review_scale"`
	Survey       []SurveyResponse  `json:"survey,omitempty"`
	Plans        []ImprovementPlan `json:"plans,omitempty"`
	Recognitions []Recognition     `json:"recognitions,omitempty"`
	// Currency totals the recognitions' amounts.
	Currency outsourcing.Currency `json:"currency,omitempty"`
	// SLAAttainment is the share of service-level targets met over the
	// engagement (package sla's reports), when known.
	SLAAttainment *outsourcing.Percent `json:"sla_attainment,omitempty"`
	Successes     []string             `json:"successes,omitempty"`
	Problems      []string             `json:"problems,omitempty"`
	Lessons       []string             `json:"lessons,omitempty"`
}

// ParseFinalInput validates doc against FinalInputSchema and decodes it
// (numbers exact, unknown fields rejected). Problems are
// *outsourcing.FieldError values at JSON pointers into doc
// ("/reviews/0/ratings/quality", "/plans/1/actions/0/status").
func ParseFinalInput(doc []byte) (FinalInput, error) { return parse[FinalInput](finalSchema, doc) }

// Recommendation is the final evaluation's advice on working with the
// vendor again.
type Recommendation string

// Recommendations.
const (
	RecommendReengage            Recommendation = "re_engage"
	RecommendReengageConditional Recommendation = "re_engage_with_conditions"
	RecommendDoNotReengage       Recommendation = "do_not_re_engage"
)

var recommendations = []Recommendation{RecommendReengage, RecommendReengageConditional, RecommendDoNotReengage}

// String returns the recommendation's name.
func (r Recommendation) String() string { return string(r) }

// Label returns the recommendation in words for a reader ("re-engage
// with conditions"); String and JSON keep the id. An unknown value is
// returned as it is.
func (r Recommendation) Label() string {
	switch r {
	case RecommendReengage:
		return "re-engage"
	case RecommendReengageConditional:
		return "re-engage with conditions"
	case RecommendDoNotReengage:
		return "do not re-engage"
	}
	return string(r)
}

// MarshalText implements encoding.TextMarshaler; it rejects unknown values.
func (r Recommendation) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(r, "recommendation", recommendations)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown values.
func (r *Recommendation) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(r, text, "recommendation", recommendations)
}

// FinalEvaluation is the archived record of a vendor's final evaluation.
type FinalEvaluation struct {
	// ID is a stable UUID of the vendor, engagement and evaluation date.
	ID         uuid.UUID     `json:"id"`
	Vendor     string        `json:"vendor"`
	Engagement string        `json:"engagement"`
	Start      time.Time     `json:"start"`
	End        time.Time     `json:"end"`
	AsOf       time.Time     `json:"as_of"`
	Reviews    ReviewSummary `json:"reviews"`
	Survey     SurveySummary `json:"survey"`
	// Plans holds each improvement plan's status at AsOf; OverdueActions
	// counts their overdue actions.
	Plans          []PlanStatus `json:"plans,omitempty"`
	OverdueActions int          `json:"overdue_actions"`
	// Recognitions counts the recognitions and Incentives sums their amounts.
	Recognitions  int                  `json:"recognitions"`
	Incentives    outsourcing.Money    `json:"incentives"`
	SLAAttainment *outsourcing.Percent `json:"sla_attainment,omitempty"`
	// Score is the mean review rating as a percentage of the scale's range.
	Score float64 `json:"score"`
	// Recommendation is the recommendation table's advice;
	// RecommendationRow and RecommendationReason name the row that gave it
	// and its description.
	Recommendation       Recommendation `json:"recommendation"`
	RecommendationRow    string         `json:"recommendation_row,omitempty"`
	RecommendationReason string         `json:"recommendation_reason,omitempty"`
	Successes            []string       `json:"successes,omitempty"`
	Problems             []string       `json:"problems,omitempty"`
	Lessons              []string       `json:"lessons,omitempty"`
}

// EvaluateFinal builds the final evaluation of a vendor with the shipped
// recommendation table (DefaultRecommender; see Recommender.EvaluateFinal
// for one's own).
func EvaluateFinal(in FinalInput) (FinalEvaluation, error) {
	return DefaultRecommender().EvaluateFinal(in)
}

// EvaluateFinal builds the final evaluation of a vendor: its reviews,
// survey, improvement plans and recognitions summarised, the score, and
// the recommendation r's table gives for them. Errors are those of SummarizeReviews, SummarizeSurvey,
// ImprovementPlan.StatusAt and RecognitionTotal at their fields of in
// ("/reviews/2/ratings/quality", "/survey/0/nps", "/plans/1/actions/0/owner",
// "/recognitions/3/amount"); no review is an
// error at "/reviews", a review of another vendor at "/reviews/i/vendor";
// a table that yields no recommendation is a *FieldError matching ErrRule.
func (r *Recommender) EvaluateFinal(in FinalInput) (FinalEvaluation, error) {
	f := FinalEvaluation{
		ID:     outsourcing.StableID(outsourcing.Namespace(), "vendors/final", in.Vendor, in.Engagement, in.AsOf.UTC().Format(time.RFC3339Nano)),
		Vendor: in.Vendor, Engagement: in.Engagement, Start: in.Start, End: in.End, AsOf: in.AsOf,
		SLAAttainment: in.SLAAttainment, Successes: in.Successes, Problems: in.Problems, Lessons: in.Lessons,
	}
	if len(in.Reviews) == 0 {
		return FinalEvaluation{}, wrap(outsourcing.FieldErrorf("/reviews", "vendor %q: no performance review to evaluate", in.Vendor))
	}
	for i, r := range in.Reviews {
		if r.Vendor != in.Vendor {
			return FinalEvaluation{}, wrap(outsourcing.FieldErrorf(jsonptr.Join("reviews", i, "vendor"), "review of vendor %q in the final evaluation of %q",
				r.Vendor, in.Vendor))
		}
	}
	var errs []error
	summaries, err := SummarizeReviews(in.Reviews, ReviewOptions{Scale: in.ReviewScale})
	errs = append(errs, relocate("/scale", "/review_scale", err))
	if err == nil {
		f.Reviews = summaries[0]
	}
	f.Survey, err = SummarizeSurvey(in.Vendor, in.Survey)
	errs = append(errs, relocate("/responses", "/survey", err))
	for i, p := range in.Plans {
		st, err := p.StatusAt(in.AsOf)
		errs = append(errs, relocate("", jsonptr.Join("plans", i), err))
		f.Plans = append(f.Plans, st)
		f.OverdueActions += len(st.Overdue)
	}
	f.Recognitions, f.Incentives, err = RecognitionTotal(in.Recognitions, in.Vendor, in.Currency)
	errs = append(errs, relocate("/records", "/recognitions", err))
	if err := errors.Join(errs...); err != nil {
		return FinalEvaluation{}, wrap(err)
	}
	f.Score = (f.Reviews.Mean - in.ReviewScale.Min.Float64()) / in.ReviewScale.Max.Sub(in.ReviewScale.Min).Float64() * 100
	if err := r.recommend(&f); err != nil {
		return FinalEvaluation{}, wrap(err)
	}
	return f, nil
}

// relocate takes an error returned by one of this package's entry points,
// drops its "vendors: " prefix and moves every FieldError path starting
// with from to start with to instead, so the caller sees pointers into
// its own value. nil stays nil.
func relocate(from, to string, err error) error {
	if err == nil {
		return nil
	}
	if inner := errors.Unwrap(err); inner != nil {
		err = inner
	}
	for _, fe := range outsourcing.FieldErrors(err) {
		if rest, ok := strings.CutPrefix(fe.Path, from); ok {
			fe.Path = to + rest
		}
	}
	return err
}
