package vendors

import (
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var day0 = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func TestDecide(t *testing.T) {
	ev, err := Evaluate(smallTemplate(t, "20"), evaluation())
	require.NoError(t, err)
	spec := DecisionSpec{Selected: "a", Rationale: "best value", Decided: day0, RequiredRoles: []string{"procurement", "it"},
		Approvals: []Approval{{Approver: "p", Role: "procurement", Verdict: VerdictApprove}},
		Log:       []LogItem{{ID: "C1", Vendor: "a", Kind: LogClarification, Topic: "staffing", Status: LogOpen}}}
	rec, err := Decide(ev, spec)
	require.NoError(t, err)
	assert.Equal(t, DecisionPending, rec.Status)
	assert.Equal(t, []string{"it"}, rec.MissingRoles)
	assert.Len(t, rec.OpenItems, 1)
	assert.Nil(t, rec.Moves(day0, "x"), "a pending decision moves nobody")

	spec.Approvals = append(spec.Approvals, Approval{Approver: "c", Role: "it", Verdict: VerdictApprove})
	spec.Log[0].Status = LogResolved
	rec2, err := Decide(ev, spec)
	require.NoError(t, err)
	assert.Equal(t, DecisionApproved, rec2.Status)
	assert.Equal(t, rec.ID, rec2.ID, "the id depends on evaluation, vendor and date only")
	assert.Len(t, rec2.Moves(day0, "x"), 2)

	spec.Approvals[1].Verdict = VerdictReject
	rec3, err := Decide(ev, spec)
	require.NoError(t, err)
	assert.Equal(t, DecisionRejected, rec3.Status)

	assert.False(t, rec3.OverridesRanking)
	assert.Equal(t, "a", rec3.TopRanked)

	_, err = Decide(ev, DecisionSpec{Selected: "c"})
	assertProblem(t, err, outsourcing.ErrNotFound, "/selected", `"c"`)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/rationale")
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/required_roles", "at least one")
}

// TestDecideAgainstRanking: choosing a vendor ranked below first needs a
// rationale, and the record says so.
func TestDecideAgainstRanking(t *testing.T) {
	ev, err := Evaluate(smallTemplate(t, "20"), evaluation())
	require.NoError(t, err)
	require.Equal(t, "a", ev.Winner())
	spec := decisionSpec()
	rec, err := Decide(ev, spec)
	require.NoError(t, err)
	assert.True(t, rec.OverridesRanking)
	assert.Equal(t, 2, rec.SelectedRank)
	assert.Equal(t, "a", rec.TopRanked)
	assert.Equal(t, DecisionApproved, rec.Status)
	moves := rec.Moves(day0, "committee")
	require.Len(t, moves, 2)
	assert.Equal(t, `selected at rank 2 over "a" ranked first: better transition plan`, moves[1].Reason)

	spec.Rationale = " "
	_, err = Decide(ev, spec)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/rationale", `"b" is ranked 2, below "a"`)

	spec = decisionSpec()
	spec.RequiredRoles = append(spec.RequiredRoles, "it")
	spec.Approvals = append(spec.Approvals, Approval{Approver: "cfo", Role: "finance", Verdict: VerdictApprove}, Approval{Approver: "x"})
	_, err = Decide(ev, spec)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/required_roles/2", `"it"`)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/approvals/2/role", `"cfo"`, `"finance"`, "procurement, it")
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/approvals/3/role", `"x"`)
}

// TestRecommender: the recommendation comes from an editable table; the
// evaluation names the row that gave it.
func TestRecommender(t *testing.T) {
	in := finalInput()
	f, err := EvaluateFinal(in)
	require.NoError(t, err)
	assert.Equal(t, RecommendReengageConditional, f.Recommendation, "one action is overdue")
	assert.Equal(t, "mixed", f.RecommendationRow)
	assert.Contains(t, f.RecommendationReason, "overdue actions")

	in.Plans = nil
	f, err = EvaluateFinal(in)
	require.NoError(t, err)
	assert.Equal(t, RecommendReengage, f.Recommendation)
	assert.Equal(t, "strong", f.RecommendationRow)

	// A programme that also wants an SLA attainment of 99.5 % at least.
	spec, err := rules.ParseTableSpec(DefaultRecommendationTableJSON())
	require.NoError(t, err)
	spec.Inputs = append(spec.Inputs, rules.TableInput{ID: "sla", Expression: "has_sla_attainment && sla_attainment >= 99.5"})
	for i := range spec.Rules {
		spec.Rules[i].When = append(spec.Rules[i].When, "-")
	}
	spec.Rules[0].When[3] = "true"
	strict, err := CompileRecommender(spec)
	require.NoError(t, err)
	f, err = strict.EvaluateFinal(in)
	require.NoError(t, err)
	assert.Equal(t, RecommendReengageConditional, f.Recommendation, "99 % is under 99.5 %")
	assert.Len(t, DefaultRecommender().Table().Inputs, 3, "editing a copy leaves the shipped table alone")

	spec.Rules[1].Then[0] = "maybe"
	spec.Outputs[0].Values = nil
	_, err = CompileRecommender(spec)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/rules/1/then/0", `"maybe"`, "re_engage")
	spec.Outputs[0].Name = "advice"
	_, err = CompileRecommender(spec)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/outputs", "recommendation")
}

func TestQuestionnaire(t *testing.T) {
	spec, err := ParseQuestionnaire([]byte(`{"categories": [{"id": "access", "weight": "2"}, {"id": "bcp", "weight": "1"}],
	  "questions": [
	    {"id": "mfa", "category": "access", "weight": "3", "answer": {"type": "yes_no"}},
	    {"id": "breaches", "category": "access", "weight": "1", "answer": {"type": "number", "min": "0", "max": "4", "lower_is_better": true}},
	    {"id": "dr", "category": "bcp", "weight": "1", "answer": {"type": "choice", "choices": [{"value": "none", "points": "0"}, {"value": "annual", "points": "2"}, {"value": "quarterly", "points": "4"}]}, "allow_na": true},
	    {"id": "rto", "category": "bcp", "weight": "1", "answer": {"type": "yes_no"}}
	  ]}`))
	require.NoError(t, err)
	q, err := CompileQuestionnaire(spec)
	require.NoError(t, err)
	res, err := q.Score(Answers{Vendor: "v", Answers: []Answer{{"mfa", "yes"}, {"breaches", "1"}, {"dr", "annual"}}})
	require.NoError(t, err)
	// access: (3×1 + 1×0.75)/4 = 0.9375; bcp: dr 0.5 alone (rto missing, left out).
	assert.InDelta(t, 93.75, res.Categories[0].Score, 1e-9)
	assert.InDelta(t, 50, res.Categories[1].Score, 1e-9)
	assert.InDelta(t, (2*93.75+50)/3, res.Score, 1e-9)
	assert.Equal(t, []string{"rto"}, res.Missing)
	assert.Equal(t, outsourcing.RiskLevelVeryLow, res.Categories[0].Rating)
	assert.Equal(t, outsourcing.RiskLevelLow, res.Rating)

	_, err = q.Score(Answers{Vendor: "v", Answers: []Answer{{"mfa", "maybe"}, {"x", "yes"}, {"rto", "n/a"}, {"mfa", "no"}}})
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/answers/0/value", `"v"`, `"maybe"`)
	assertProblem(t, err, outsourcing.ErrNotFound, "/answers/1/question", `"x"`)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/answers/2/value", "n/a")

	spec.Questions[0].Category = "nope"
	_, err = CompileQuestionnaire(spec)
	assertProblem(t, err, outsourcing.ErrNotFound, "/questions/0/category", `"nope"`)
}

func TestTiering(t *testing.T) {
	c, err := AssessCriticality(Stakeholder{Vendor: "a", Dependency: 3, Penetration: 2, Maturity: 3, Trust: 2}, DefaultZoneThresholds())
	require.NoError(t, err)
	cases := []struct {
		in   TieringInput
		tier Tier
		row  string
	}{
		{TieringInput{Vendor: "a", Criticality: &c}, TierImportant, "control_zone"},
		{TieringInput{Vendor: "b", Spend: outsourcing.MustMoney("2000000", "EUR")}, TierCritical, "major_spend"},
		{TieringInput{Vendor: "c", Risk: outsourcing.RiskLevelHigh}, TierImportant, "high_risk"},
		{TieringInput{Vendor: "d", Spend: outsourcing.MustMoney("5000", "EUR")}, TierStandard, "other"},
	}
	for _, tc := range cases {
		r, err := DefaultTiering().Tier(tc.in)
		require.NoError(t, err)
		assert.Equal(t, tc.tier, r.Tier, tc.in.Vendor)
		assert.Equal(t, tc.row, r.Row, tc.in.Vendor)
	}
	spec, err := rules.ParseTableSpec(DefaultTieringTableJSON())
	require.NoError(t, err)
	spec.Rules[2].Then[0] = "vip"
	_, err = CompileTiering(spec)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/rules/2/then/0", `"vip"`, "critical, important, standard")
	spec.Outputs = spec.Outputs[:1]
	_, err = CompileTiering(spec)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/outputs", "review_months")

	_, err = AssessCriticality(Stakeholder{Vendor: "x", Dependency: 5, Penetration: 1, Maturity: 0, Trust: 1}, DefaultZoneThresholds())
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/dependency", `"x"`)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/maturity")
}

func review(vendor string, q int, r ...string) Review {
	d := outsourcing.MustDecimal
	return Review{Vendor: vendor, Start: day0.AddDate(0, 3*q, 0), End: day0.AddDate(0, 3*q+3, 0),
		Ratings: ReviewRatings{Quality: d(r[0]), Responsiveness: d(r[1]), ProblemSolving: d(r[2]), CostControl: d(r[3]), Innovation: d(r[4])}}
}

func TestReviewsImprovementFinal(t *testing.T) {
	scale := Scale{Min: outsourcing.MustDecimal("1"), Max: outsourcing.MustDecimal("5")}
	reviews := []Review{review("a", 2, "4", "4", "4", "4", "4"), review("a", 0, "3", "3", "3", "3", "3"), review("a", 1, "3", "4", "3", "4", "3"), review("b", 0, "5", "5", "5", "5", "5")}
	sums, err := SummarizeReviews(reviews, ReviewOptions{Scale: scale})
	require.NoError(t, err)
	require.Len(t, sums, 2)
	assert.InDelta(t, 3.4, sums[0].Reviews[1].Overall, 1e-12, "sorted by start")
	assert.InDelta(t, 0.5, sums[0].Slope, 1e-12)
	assert.Equal(t, DirectionImproving, sums[0].Direction)
	assert.Equal(t, DirectionStable, sums[1].Direction)
	reviews[3].Ratings.Innovation = outsourcing.MustDecimal("6")
	_, err = SummarizeReviews(reviews, ReviewOptions{Scale: scale})
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/reviews/3/ratings/innovation", `"b"`)
	_, err = SummarizeReviews(reviews[:1], ReviewOptions{Scale: scale, StableSlope: outsourcing.MustDecimal("1")})
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/stable_slope", "[0, 1)")

	plan := ImprovementPlan{ID: "P1", Vendor: "a", Opened: day0, Actions: []Action{
		{ID: "A1", Owner: "ops", Due: day0.AddDate(0, 1, 0), Status: ActionDone, Completed: day0.AddDate(0, 1, 5)},
		{ID: "A2", Owner: "ops", Due: day0.AddDate(0, 2, 0), Status: ActionInProgress},
		{ID: "A3", Owner: "sec", Due: day0.AddDate(0, 6, 0), Status: ActionOpen},
		{ID: "A4", Owner: "sec", Due: day0, Status: ActionCancelled},
	}}
	st, err := plan.StatusAt(day0.AddDate(0, 2, 10))
	require.NoError(t, err)
	assert.Equal(t, 3, st.Actions)
	assert.Equal(t, "33.33", st.Progress.String())
	require.Len(t, st.Overdue, 1)
	assert.Equal(t, OverdueAction{Action: "A2", Owner: "ops", Due: day0.AddDate(0, 2, 0), Days: 10}, st.Overdue[0])
	assert.Equal(t, []string{"A1"}, st.Late)

	nine, five := 9, 5
	f, err := EvaluateFinal(FinalInput{Vendor: "a", Engagement: "desk", Start: day0, End: day0.AddDate(1, 0, 0), AsOf: day0.AddDate(1, 0, 0),
		Reviews: reviews[:3], ReviewScale: scale, Survey: []SurveyResponse{{NPS: &nine, CSAT: &five}}, Plans: []ImprovementPlan{plan},
		Recognitions: []Recognition{{ID: "R1", Vendor: "a", Kind: RecognitionBonus, Reason: "zero P1 incidents", Amount: outsourcing.MustMoney("5000", "EUR")}},
		Currency:     "EUR"})
	require.NoError(t, err)
	assert.InDelta(t, ((3+3.4+4)/3-1)/4*100, f.Score, 1e-9)
	assert.Equal(t, RecommendReengageConditional, f.Recommendation)
	assert.Equal(t, 2, f.OverdueActions)
	assert.Equal(t, "5000.00 EUR", f.Incentives.String())

	_, err = EvaluateFinal(FinalInput{Vendor: "a", Reviews: reviews[:1], ReviewScale: scale, Currency: "EUR",
		Survey:       []SurveyResponse{{NPS: new(int)}, {CSAT: &nine}},
		Recognitions: []Recognition{{ID: "R", Vendor: "a", Reason: "x", Amount: outsourcing.MustMoney("1", "USD")}}})
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/survey/1/csat", `"a"`)
	assertProblem(t, err, outsourcing.ErrCurrencyMismatch, "/recognitions/0/amount", "USD")
}

// One person approving as procurement and as finance would make a
// two-role decision approved on one signature: the second role is
// refused at the approval (segregation of duties, the four-eyes rule).
func TestDecideOneApproverTwoRoles(t *testing.T) {
	ev, err := Evaluate(smallTemplate(t, "20"), evaluation())
	require.NoError(t, err)
	spec := DecisionSpec{Selected: "a", Rationale: "best value", Decided: day0, RequiredRoles: []string{"procurement", "finance"},
		Approvals: []Approval{{Approver: "pat", Role: "procurement", Verdict: VerdictApprove}, {Approver: "pat", Role: "finance", Verdict: VerdictApprove}}}
	_, err = Decide(ev, spec)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/approvals/1/approver", `"pat"`, `"procurement"`, `"finance"`)

	spec.Approvals[1].Approver = "fin"
	rec, err := Decide(ev, spec)
	require.NoError(t, err)
	assert.Equal(t, DecisionApproved, rec.Status)
}

// A misspelt risk rating or zone is refused, not read as "no trigger":
// "High" (not the RiskLevel "high") would otherwise tier the vendor
// standard, reviewed every 12 months instead of 6.
func TestTieringRefusesUnknownRatings(t *testing.T) {
	_, err := DefaultTiering().Tier(TieringInput{Vendor: "c", Risk: "High"})
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/risk", `"c"`, `"High"`)
	_, err = DefaultTiering().Tier(TieringInput{Vendor: "a", Criticality: &Criticality{Vendor: "a", Zone: "Danger"}})
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/criticality/zone", `"Danger"`, "danger, control, watch")
}

// The plan at asOf cannot know an action completed later: counted done,
// it hid an action that was overdue at asOf (due 1 February, completed
// 6 February, asked on 3 February). It is refused at the completion date.
func TestImprovementPlanCompletedAfterAsOf(t *testing.T) {
	plan := ImprovementPlan{ID: "P1", Vendor: "a", Opened: day0, Actions: []Action{
		{ID: "A1", Owner: "ops", Due: day0.AddDate(0, 1, 0), Status: ActionDone, Completed: day0.AddDate(0, 1, 5)},
	}}
	_, err := plan.StatusAt(day0.AddDate(0, 1, 2))
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/actions/0/completed", `"a"`, `"A1"`, "after asOf")

	st, err := plan.StatusAt(day0.AddDate(0, 1, 5))
	require.NoError(t, err)
	assert.Equal(t, []string{"A1"}, st.Late)
	assert.True(t, st.Closed)
}

// Bands are decided on the exact score. By the documented formula a yes
// to the question weighted 0.3 and a no to the one weighted 0.1 score
// 0.3/0.4 × 100 = 75, the default "low" band's minimum; float64 made it
// 74.99999999999999 and rated it moderate. A number answer 0.3 on a 0 to
// 0.4 scale is 75 too.
func TestQuestionnaireBandAtExactBoundary(t *testing.T) {
	spec, err := ParseQuestionnaire([]byte(`{"categories": [{"id": "c", "weight": "1"}],
	  "questions": [
	    {"id": "a", "category": "c", "weight": "0.3", "answer": {"type": "yes_no"}},
	    {"id": "b", "category": "c", "weight": "0.1", "answer": {"type": "yes_no"}},
	    {"id": "n", "category": "c", "weight": "1", "answer": {"type": "number", "min": "0", "max": "0.4"}, "allow_na": true}
	  ]}`))
	require.NoError(t, err)
	q, err := CompileQuestionnaire(spec)
	require.NoError(t, err)
	for _, answers := range [][]Answer{
		{{"a", "yes"}, {"b", "no"}, {"n", "n/a"}},
		{{"a", "yes"}, {"b", "no"}, {"n", "0.3"}},
	} {
		res, err := q.Score(Answers{Vendor: "v", Answers: answers})
		require.NoError(t, err)
		assert.Equal(t, 75.0, res.Score)
		assert.Equal(t, outsourcing.RiskLevelLow, res.Rating, "%v", answers)
		assert.Equal(t, outsourcing.RiskLevelLow, res.Categories[0].Rating, "%v", answers)
	}
}

// A recognition recorded twice (the same id) would double the incentives
// the final evaluation reports; the repeat is refused at its id.
func TestRecognitionTotalRefusesRepeatedID(t *testing.T) {
	r := Recognition{ID: "R1", Vendor: "a", Kind: RecognitionBonus, Reason: "zero P1 incidents", Amount: outsourcing.MustMoney("5000", "EUR")}
	_, _, err := RecognitionTotal([]Recognition{r, r}, "a", "EUR")
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/records/1/id", `"R1"`, "/records/0")
	n, total, err := RecognitionTotal([]Recognition{r}, "a", "EUR")
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	assert.Equal(t, "5000.00 EUR", total.String())
}
