package vendors

import (
	"encoding/json"
	"regexp"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var snakeKey = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// keys collects every object key of a decoded JSON value.
func keys(v any, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			into[k] = true
			keys(e, into)
		}
	case []any:
		for _, e := range x {
			keys(e, into)
		}
	}
}

// TestResultsMarshalSnakeCase marshals a real value of every exported
// result type, with its optional parts filled, and checks that every key,
// nested ones included, is snake_case. A field without a json tag would
// appear under its Go name and fail.
func TestResultsMarshalSnakeCase(t *testing.T) {
	spec := evaluation()
	spec.AHP = &AHPSpec{Judgments: []string{"3", "2", "1/2"}}
	ev, err := Evaluate(smallTemplate(t, "60"), spec)
	require.NoError(t, err)
	rec, err := Decide(ev, DecisionSpec{Selected: ev.Winner(), Rationale: "r", RequiredRoles: []string{"it"},
		Approvals: []Approval{{Approver: "a", Role: "p", Verdict: VerdictApprove, Comment: "c"}},
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
	crit, err := AssessCriticality(Stakeholder{Vendor: "a", Dependency: 1, Penetration: 1, Maturity: 1, Trust: 1}, DefaultZoneThresholds())
	require.NoError(t, err)
	tier, err := DefaultTiering().Tier(TieringInput{Vendor: "a", Criticality: &crit})
	require.NoError(t, err)
	scale := Scale{Min: outsourcing.MustDecimal("1"), Max: outsourcing.MustDecimal("5")}
	five := 5
	final, err := EvaluateFinal(FinalInput{Vendor: "a", Reviews: []Review{review("a", 0, "4", "4", "4", "4", "4")}, ReviewScale: scale, Currency: "EUR",
		Survey: []SurveyResponse{{CSAT: &five, NPS: &five}}, SLAAttainment: new(outsourcing.MustPercent("99")),
		Plans: []ImprovementPlan{{ID: "p", Vendor: "a", Actions: []Action{{ID: "x", Owner: "o", Status: ActionDone, Due: day0, Completed: day0.AddDate(0, 0, 1)}, {ID: "y", Owner: "o", Due: day0, Status: ActionOpen}}}},
		AsOf:  day0.AddDate(0, 1, 0), Lessons: []string{"l"}, Successes: []string{"s"}, Problems: []string{"p"}})
	require.NoError(t, err)
	qr := QuestionnaireResult{Vendor: "v", Categories: []CategoryResult{{Category: "c"}}, Missing: []string{"q"}, NotApplicable: []string{"r"}}

	found := map[string]bool{}
	for _, v := range []any{ev, rec, screened, pipe, crit, tier, final, qr} {
		doc, err := json.Marshal(v)
		require.NoError(t, err)
		var decoded any
		require.NoError(t, json.Unmarshal(doc, &decoded))
		keys(decoded, found)
	}
	for k := range found {
		assert.Regexp(t, snakeKey, k)
	}
	assert.Greater(t, len(found), 120)
}
