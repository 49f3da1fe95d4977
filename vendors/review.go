package vendors

import (
	"errors"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Review is one periodic performance review of a vendor (Handbook §4.3)
// on the handbook's five aspects, each rated on the caller's scale.
type Review struct {
	Vendor   string        `json:"vendor"`
	Start    time.Time     `json:"start"`
	End      time.Time     `json:"end"`
	Reviewer string        `json:"reviewer,omitempty"`
	Ratings  ReviewRatings `json:"ratings"`
	Comments string        `json:"comments,omitempty"`
}

// ReviewRatings are the five aspects of a performance review; as weights
// (ReviewOptions.Weights) they are relative and need not sum to anything.
type ReviewRatings struct {
	Quality        outsourcing.Decimal `json:"quality"`
	Responsiveness outsourcing.Decimal `json:"responsiveness"`
	ProblemSolving outsourcing.Decimal `json:"problem_solving"`
	CostControl    outsourcing.Decimal `json:"cost_control"`
	Innovation     outsourcing.Decimal `json:"innovation"`
}

func (r ReviewRatings) values() [5]outsourcing.Decimal {
	return [5]outsourcing.Decimal{r.Quality, r.Responsiveness, r.ProblemSolving, r.CostControl, r.Innovation}
}

var reviewAspects = [5]string{"quality", "responsiveness", "problem_solving", "cost_control", "innovation"}

// ReviewOptions configures SummarizeReviews.
type ReviewOptions struct {
	// Scale is the rating scale (for example 1 to 5).
	Scale Scale `json:"scale"`
	// Weights weigh the aspects in the overall rating; nil means equal.
	Weights *ReviewRatings `json:"weights,omitempty"`
	// StableSlope is the change per review, as a fraction of the scale's
	// range, up to which (inclusive) the trend is stable; zero means
	// DefaultStableSlope. The slope is compared exactly, so a slope at
	// the threshold is stable however float64 rounds it.
	StableSlope outsourcing.Decimal `json:"stable_slope,omitzero"`
}

// ReviewsSpec is a document of performance reviews with the options to
// summarise them (schema/reviews.schema.json):
//
//	{"scale": {"min": "1", "max": "5"}, "reviews": [{"vendor": "acme", "start": "…", "end": "…",
//	  "ratings": {"quality": "4", "responsiveness": "3", "problem_solving": "4", "cost_control": "3", "innovation": "2"}}]}
//
// Summarise it with SummarizeReviews(spec.Reviews, spec.ReviewOptions).
type ReviewsSpec struct {
	ReviewOptions
	Reviews []Review `json:"reviews"`
}

// ParseReviews validates doc against ReviewsSchema and decodes it (numbers
// exact, unknown fields rejected). Problems are *outsourcing.FieldError
// values at JSON pointers into doc ("/reviews/2/ratings/quality").
func ParseReviews(doc []byte) (ReviewsSpec, error) { return parse[ReviewsSpec](reviewsSchema, doc) }

// DefaultStableSlope is the trend slope, as a fraction of the scale's
// range per review, under which performance counts as stable (this
// package's choice: 2 %, 0.08 points a review on a 1–5 scale).
const DefaultStableSlope = 0.02

// defaultStableSlope is DefaultStableSlope exactly, the decimal it is
// written as (0.02), not the binary fraction nearest to it.
func defaultStableSlope() num {
	d, err := outsourcing.DecimalFromFloat(DefaultStableSlope)
	if err != nil {
		panic(err) // a finite constant
	}
	return numOf(d)
}

// Direction is the sense of a trend.
type Direction string

// Trend directions.
const (
	DirectionImproving Direction = "improving"
	DirectionStable    Direction = "stable"
	DirectionDeclining Direction = "declining"
)

var directions = []Direction{DirectionImproving, DirectionStable, DirectionDeclining}

// String returns the direction's name.
func (d Direction) String() string { return string(d) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown directions.
func (d Direction) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(d, "direction", directions)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown directions.
func (d *Direction) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(d, text, "direction", directions)
}

// ReviewSummary is one vendor's reviews in time order with their trend.
type ReviewSummary struct {
	Vendor  string        `json:"vendor"`
	Reviews []ReviewPoint `json:"reviews"`
	// Mean is the mean overall rating; Latest the last one.
	Mean   float64 `json:"mean"`
	Latest float64 `json:"latest"`
	// Slope is the least-squares slope of the overall rating over the
	// review index (change per review), Direction its sense: decided on
	// the exact slope of the exact overall ratings against the exact
	// threshold (StableSlope × the scale's range), so a slope exactly at
	// the threshold is stable.
	Slope     float64   `json:"slope"`
	Direction Direction `json:"direction"`
}

// ReviewPoint is one review's overall rating.
type ReviewPoint struct {
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
	Overall float64   `json:"overall"`
}

// SummarizeReviews groups reviews by vendor (in order of first
// appearance), orders each vendor's by start, and computes the weighted
// overall rating of each and the trend. A rating outside the scale is a
// *FieldError at "/reviews/i/ratings/<aspect>", a period that does not
// end after it starts (an empty one included) at "/reviews/i/end", a bad scale at "/scale/max", a negative
// or all-zero weight at "/weights" and a stable slope outside [0, 1) at
// "/stable_slope" (the pointers of a ReviewsSpec document).
func SummarizeReviews(reviews []Review, opt ReviewOptions) ([]ReviewSummary, error) {
	var errs []error
	if !opt.Scale.Min.LessThan(opt.Scale.Max) {
		errs = append(errs, outsourcing.FieldErrorf("/scale/max", "scale maximum %s is not above the minimum %s", opt.Scale.Max, opt.Scale.Min))
	}
	w := [5]float64{1, 1, 1, 1, 1}
	exact := [5]num{intNum(1), intNum(1), intNum(1), intNum(1), intNum(1)}
	if opt.Weights != nil {
		var sum float64
		for k, x := range opt.Weights.values() {
			w[k], exact[k] = x.Float64(), numOf(x)
			sum += w[k]
			if x.IsNegative() {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("weights", reviewAspects[k]), "weight %s is negative", x))
			}
		}
		if sum <= 0 {
			errs = append(errs, outsourcing.FieldErrorf("/weights", "the weights sum to zero"))
		}
	}
	if opt.StableSlope.IsNegative() || opt.StableSlope.GreaterThanOrEqual(outsourcing.DecimalFromInt(1)) {
		errs = append(errs, outsourcing.FieldErrorf("/stable_slope", "stable slope %s is not in [0, 1)", opt.StableSlope))
	}
	for i, r := range reviews {
		if !r.End.After(r.Start) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("reviews", i, "end"), "vendor %q: the review ends at %s, not after it starts at %s",
				r.Vendor, r.End.Format(time.RFC3339), r.Start.Format(time.RFC3339)))
		}
		for k, x := range r.Ratings.values() {
			if x.LessThan(opt.Scale.Min) || x.GreaterThan(opt.Scale.Max) {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("reviews", i, "ratings", reviewAspects[k]), "vendor %q: rating %s is outside the scale %s to %s",
					r.Vendor, x, opt.Scale.Min, opt.Scale.Max))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, wrap(err)
	}
	threshold := numOf(opt.StableSlope)
	if threshold.sign() == 0 {
		threshold = defaultStableSlope()
	}
	stable := threshold.mul(numOf(opt.Scale.Max.Sub(opt.Scale.Min)))
	var order []string
	byVendor := map[string][]Review{}
	for _, r := range reviews {
		if _, ok := byVendor[r.Vendor]; !ok {
			order = append(order, r.Vendor)
		}
		byVendor[r.Vendor] = append(byVendor[r.Vendor], r)
	}
	out := make([]ReviewSummary, len(order))
	for i, v := range order {
		out[i] = summarize(v, byVendor[v], w, exact, stable)
	}
	return out, nil
}

// summarize builds one vendor's summary; exact are the weights w as
// exact numbers and stable the exact threshold of the trend.
func summarize(vendor string, rs []Review, w [5]float64, exact [5]num, stable num) ReviewSummary {
	slices.SortStableFunc(rs, func(a, b Review) int { return a.Start.Compare(b.Start) })
	s := ReviewSummary{Vendor: vendor, Reviews: make([]ReviewPoint, len(rs))}
	xs, ys := make([]float64, len(rs)), make([]float64, len(rs))
	var wsum float64
	for _, x := range w {
		wsum += x
	}
	for i, r := range rs {
		var o float64
		for k, x := range r.Ratings.values() {
			o += w[k] * x.Float64()
		}
		o /= wsum
		s.Reviews[i] = ReviewPoint{Start: r.Start, End: r.End, Overall: o}
		xs[i], ys[i] = float64(i), o
		s.Mean += o / float64(len(rs))
	}
	s.Latest = ys[len(ys)-1]
	s.Slope = slope(xs, ys)
	trend := exactSlope(rs, exact)
	switch {
	case trend.cmp(stable) > 0:
		s.Direction = DirectionImproving
	case trend.cmp(stable.neg()) < 0:
		s.Direction = DirectionDeclining
	default:
		s.Direction = DirectionStable
	}
	return s
}

// exactSlope is the least-squares slope of the reviews' exact overall
// ratings y_i = Σ w × rating / Σ w over the review index i = 0 … n−1:
// with c_i = 2i − (n − 1), twice the distance of i from the mean index,
// Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² is 2 Σ c_i y_i / Σ c_i²; 0 for one review.
func exactSlope(rs []Review, w [5]num) num {
	var wsum num
	for _, x := range w {
		wsum = wsum.add(x)
	}
	var numer num
	var den int64
	for i, r := range rs {
		var o num
		for k, x := range r.Ratings.values() {
			o = o.add(w[k].mul(numOf(x)))
		}
		c := int64(2*i - (len(rs) - 1))
		numer = numer.add(o.mul(intNum(2 * c)))
		den += c * c
	}
	if den == 0 {
		return num{}
	}
	return numer.quo(wsum.mul(intNum(den)))
}

// slope is the least-squares slope Σ(x−x̄)(y−ȳ)/Σ(x−x̄)², as the
// spreadsheet SLOPE function computes it; 0 for fewer than two distinct x.
func slope(xs, ys []float64) float64 {
	n := float64(len(xs))
	var mx, my float64
	for i := range xs {
		mx += xs[i] / n
		my += ys[i] / n
	}
	var num, den float64
	for i := range xs {
		num += (xs[i] - mx) * (ys[i] - my)
		den += (xs[i] - mx) * (xs[i] - mx)
	}
	if den == 0 {
		return 0
	}
	return num / den
}
