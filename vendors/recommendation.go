package vendors

import (
	_ "embed"
	"errors"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

// RecommendationEnv is what a recommendation table's input expressions
// see of a final evaluation (FinalEvaluation holds the same figures).
type RecommendationEnv struct {
	// Score is FinalEvaluation.Score rounded half up to 2 places (0 to 100).
	Score outsourcing.Decimal `expr:"score"`
	// Direction is the review trend: improving, stable or declining.
	Direction string `expr:"direction"`
	// OverdueActions counts the overdue improvement actions; Recognitions
	// the recognitions.
	OverdueActions int `expr:"overdue_actions"`
	Recognitions   int `expr:"recognitions"`
	// CSATPercent, NPS and NPSResponses summarise the survey (zero
	// figures with no response, see SurveySummary).
	CSATPercent  outsourcing.Decimal `expr:"csat_percent"`
	NPS          outsourcing.Decimal `expr:"nps"`
	NPSResponses int                 `expr:"nps_responses"`
	// HasSLAAttainment says whether SLAAttainment (percent points) is known.
	HasSLAAttainment bool                `expr:"has_sla_attainment"`
	SLAAttainment    outsourcing.Decimal `expr:"sla_attainment"`
}

// Recommender is a compiled recommendation table over RecommendationEnv
// with the string output recommendation (re_engage,
// re_engage_with_conditions or do_not_re_engage). It is immutable and
// safe for concurrent use.
type Recommender struct {
	table *rules.Table[RecommendationEnv]
	why   map[string]string
}

// CompileRecommender compiles a recommendation table (see
// rules.ParseTableSpec and DefaultRecommendationTableJSON). The table
// needs a string output recommendation whose every value is a
// Recommendation; other outputs are allowed and ignored. Problems are
// *outsourcing.FieldError values at pointers into the table document;
// cells that do not compile wrap *outsourcing.RuleError values.
func CompileRecommender(spec rules.TableSpec) (*Recommender, error) {
	if err := errors.Join(checkEnumOutput(spec, "recommendation", recommendations)...); err != nil {
		return nil, wrap(err)
	}
	t, err := rules.CompileTable[RecommendationEnv](spec)
	if err != nil {
		return nil, wrap(err)
	}
	return &Recommender{table: t, why: rowReasons(spec)}, nil
}

//go:embed defaults/recommendation-table.json
var defaultRecommendationJSON []byte

// DefaultRecommendationTableJSON returns a copy of the shipped
// recommendation table (FIRST hit policy, this package's thresholds):
// re-engage from a score of 75 when the reviews are not declining and no
// improvement action is overdue; do not re-engage under 50; re-engage
// with conditions otherwise. Edit it and compile it with
// rules.ParseTableSpec and CompileRecommender.
func DefaultRecommendationTableJSON() []byte { return slices.Clone(defaultRecommendationJSON) }

var defaultRecommender = shippedTable(defaultRecommendationJSON, CompileRecommender)

// DefaultRecommender returns the compiled shipped recommendation table,
// compiled once and shared.
func DefaultRecommender() *Recommender { return defaultRecommender() }

// Table returns the specification the recommender was compiled from.
func (r *Recommender) Table() rules.TableSpec { return r.table.Spec() }

// recommend decides f's recommendation and records the deciding row.
// A table that yields no recommendation is a *FieldError matching ErrRule.
func (r *Recommender) recommend(f *FinalEvaluation) error {
	score, err := outsourcing.DecimalFromFloat(f.Score)
	if err != nil {
		return err
	}
	env := RecommendationEnv{
		Score: score.Round(2, outsourcing.RoundHalfUp), Direction: string(f.Reviews.Direction),
		OverdueActions: f.OverdueActions, Recognitions: f.Recognitions,
		CSATPercent: f.Survey.CSATPercent, NPS: f.Survey.NPS, NPSResponses: f.Survey.NPSResponses,
	}
	if f.SLAAttainment != nil {
		env.HasSLAAttainment, env.SLAAttainment = true, f.SLAAttainment.Points()
	}
	d, err := r.table.Decide(env)
	if err != nil {
		return err
	}
	rec := decisionOutput(d, "recommendation")
	if rec == "" {
		return outsourcing.FieldErrorOf(outsourcing.ErrRule, "", "vendor %q: no row of table %q gives a recommendation", f.Vendor, d.Table)
	}
	f.Recommendation = Recommendation(rec)
	if len(d.Rows) > 0 {
		f.RecommendationRow = d.Rows[0]
		f.RecommendationReason = r.why[d.Rows[0]]
	}
	return nil
}
