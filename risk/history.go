package risk

import (
	"cmp"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// Trend says how a risk's residual level moved since its previous
// assessment.
type Trend string

// Trends.
const (
	// TrendUp: the residual level is higher than at the previous assessment.
	TrendUp Trend = "up"
	// TrendDown: the residual level is lower.
	TrendDown Trend = "down"
	// TrendSteady: the residual level is the same.
	TrendSteady Trend = "steady"
)

var trends = []Trend{TrendUp, TrendDown, TrendSteady}

// String returns the trend name.
func (t Trend) String() string { return string(t) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown trends.
func (t Trend) MarshalText() ([]byte, error) { return outsourcing.MarshalEnum(t, "trend", trends) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown trends.
func (t *Trend) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(t, text, "trend", trends)
}

// PriorRating is a risk's rating at an earlier assessment.
type PriorRating struct {
	// Date is the assessment's.
	Date time.Time `json:"date"`
	// Inherent and Residual are the ratings it gave on the matrix.
	Inherent Evaluation `json:"inherent"`
	Residual Residual   `json:"residual"`
}

// assessedAt returns the risk's latest assessment at or before asOf and
// the one before it, as indexes into k.Assessments (-1 for none). Of
// assessments on the same day, the later in the list is the later one.
func (k Risk) assessedAt(asOf time.Time) (latest, previous int) {
	order := make([]int, 0, len(k.Assessments))
	for i, a := range k.Assessments {
		if !a.Date.After(asOf) {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(i, j int) int { return k.Assessments[i].Date.Compare(k.Assessments[j].Date) })
	latest, previous = -1, -1
	if n := len(order); n > 0 {
		latest = order[n-1]
		if n > 1 {
			previous = order[n-2]
		}
	}
	return latest, previous
}

// as returns the risk rated as assessment a rated it: its inherent
// rating, and its re-rating or else the risk's controls for the residual.
func (k Risk) as(a Assessment) Risk {
	k.Inherent, k.Residual = a.Inherent, a.Residual
	return k
}

// rated rates a validated risk on m: inherent and residual.
func (m *Matrix) rated(k Risk, comb *Combiner) (Evaluation, Residual) {
	inh, _ := m.rate("", k.Inherent)
	res, _ := m.residual(k, comb) // validated by Register.validate
	return inh, res
}

// trend compares the residual levels of now and before.
func trend(now, before Residual) Trend {
	switch cmp.Compare(now.Evaluation.Rank, before.Evaluation.Rank) {
	case 1:
		return TrendUp
	case -1:
		return TrendDown
	}
	return TrendSteady
}
