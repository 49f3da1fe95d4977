package vendors

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/stretchr/testify/require"
)

// TestResultTypes checks every exported result type, and every document
// type, of the package: snake_case JSON names on every field (nested
// types of the package included) and a zero value that marshals, Money{}
// fields included.
func TestResultTypes(t *testing.T) {
	testkit.AssertCoversPackage(t, vendorTypes...)
	testkit.AssertResultTypes(t, vendorTypes...)
}

// vendorTypes are the package's result and document types.
var vendorTypes = []any{
	// results
	ScreeningResult{}, VendorScreening{}, KnockOut{}, RuleInput{}, Lapsed{}, PipelineSnapshot{}, Move{},
	Evaluation{}, DecisionRecord{}, Warning{},
	QuestionnaireResult{}, Criticality{}, TierResult{},
	ReviewSummary{}, SurveySummary{}, PlanStatus{}, FinalEvaluation{},
	// documents
	PoolSpec{}, TemplateSpec{}, EvaluationSpec{}, DecisionSpec{}, QuestionnaireSpec{}, Answers{},
	EcosystemSpec{}, TieringInput{}, ReviewsSpec{}, SurveySpec{}, ImprovementPlan{}, RecognitionsSpec{}, FinalInput{},
}

// TestResultsMarshalSnakeCase marshals real results, with their optional
// parts filled, and checks every key, including those custom marshallers
// write (the pipeline, enums, Money).
func TestResultsMarshalSnakeCase(t *testing.T) {
	spec := evaluation()
	spec.AHP = &AHPSpec{Judgments: []string{"3", "2", "1/2"}}
	ev, err := Evaluate(smallTemplate(t, "60"), spec)
	require.NoError(t, err)
	rec, err := Decide(ev, DecisionSpec{Selected: ev.Ranking[1].Vendor, Rationale: "r", RequiredRoles: []string{"it"},
		Approvals: []Approval{{Approver: "a", Role: "it", Verdict: VerdictApprove, Comment: "c"}},
		Log:       []LogItem{{ID: "1", Vendor: ev.Winner(), Kind: LogNegotiation, Status: LogOpen, Resolution: "x", Resolved: day0}}})
	require.NoError(t, err)
	pspec, err := ParsePool(samplePool(t))
	require.NoError(t, err)
	pool, err := CompilePool(pspec)
	require.NoError(t, err)
	s, err := CompileScreening(rules.SetSpec{Rules: []rules.Rule{{ID: "iso", Expression: `"ISO9001" in certifications`}}})
	require.NoError(t, err)
	screened, err := s.Screen(pool, time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	pipe, err := NewPipeline(pool).Apply(screened.Moves(day0, "me")...)
	require.NoError(t, err)
	final, err := EvaluateFinal(finalInput())
	require.NoError(t, err)
	for _, v := range []any{ev, rec, screened, pipe, final} {
		doc, err := json.Marshal(v)
		require.NoError(t, err)
		testkit.AssertSnakeCaseKeys(t, doc, string(doc[:min(len(doc), 40)]))
	}
}

// finalInput is a final-evaluation input with every part filled.
func finalInput() FinalInput {
	five := 5
	return FinalInput{Vendor: "a", Engagement: "desk", Start: day0, End: day0.AddDate(1, 0, 0), AsOf: day0.AddDate(1, 1, 0),
		Reviews:     []Review{review("a", 0, "4", "4", "4", "4", "4"), review("a", 1, "4", "5", "4", "4", "3")},
		ReviewScale: Scale{Min: outsourcing.MustDecimal("1"), Max: outsourcing.MustDecimal("5")}, Currency: "EUR",
		Survey:        []SurveyResponse{{Respondent: "ops", CSAT: &five, NPS: &five, Comment: "fine"}},
		SLAAttainment: new(outsourcing.MustPercent("99")),
		Plans: []ImprovementPlan{{ID: "p", Vendor: "a", Title: "t", Opened: day0, Actions: []Action{
			{ID: "x", Description: "d", Owner: "o", Status: ActionDone, Due: day0, Completed: day0.AddDate(0, 0, 1)},
			{ID: "y", Owner: "o", Due: day0, Status: ActionOpen}}}},
		Recognitions: []Recognition{{ID: "r", Vendor: "a", Date: day0, Kind: RecognitionAward, Reason: "uptime", Amount: outsourcing.MustMoney("100", "EUR"), ApprovedBy: "cfo"}},
		Lessons:      []string{"l"}, Successes: []string{"s"}, Problems: []string{"p"}}
}
