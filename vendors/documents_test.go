package vendors

import (
	"encoding/json"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundTrip marshals a fully filled document value, parses it back
// through its schema and checks that nothing was lost or added.
func roundTrip[T any](t *testing.T, v T, parse func([]byte) (T, error)) {
	t.Helper()
	doc, err := json.Marshal(v)
	require.NoError(t, err)
	back, err := parse(doc)
	require.NoError(t, err, string(doc))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(doc), string(again))
}

func decisionSpec() DecisionSpec {
	return DecisionSpec{Selected: "b", Rationale: "better transition plan", Decided: day0, DecidedBy: "committee",
		RequiredRoles: []string{"procurement", "it"},
		Approvals: []Approval{{Approver: "cpo", Role: "procurement", Verdict: VerdictApprove, At: day0, Comment: "ok"},
			{Approver: "cio", Role: "it", Verdict: VerdictApprove, At: day0.AddDate(0, 0, 1)}},
		Log: []LogItem{{ID: "C1", Vendor: "b", Kind: LogClarification, Topic: "staffing", Raised: day0, RaisedBy: "it",
			Status: LogResolved, Resolution: "12 FTE", Resolved: day0.AddDate(0, 0, 2)}}}
}

func TestDocumentsRoundTrip(t *testing.T) {
	roundTrip(t, decisionSpec(), ParseDecision)
	in := finalInput()
	roundTrip(t, in, ParseFinalInput)
	w := ReviewRatings{Quality: outsourcing.MustDecimal("3"), Responsiveness: outsourcing.MustDecimal("2"), ProblemSolving: outsourcing.MustDecimal("2"),
		CostControl: outsourcing.MustDecimal("2"), Innovation: outsourcing.MustDecimal("1")}
	reviews := in.Reviews
	reviews[0].Reviewer, reviews[0].Comments = "ops", "steady"
	roundTrip(t, ReviewsSpec{ReviewOptions: ReviewOptions{Scale: in.ReviewScale, Weights: &w, StableSlope: outsourcing.MustDecimal("0.05")}, Reviews: reviews}, ParseReviews)
	roundTrip(t, SurveySpec{Vendor: "a", Responses: in.Survey}, ParseSurvey)
	roundTrip(t, in.Plans[0], ParseImprovementPlan)
	roundTrip(t, RecognitionsSpec{Currency: "EUR", Records: in.Recognitions}, ParseRecognitions)
	roundTrip(t, EcosystemSpec{ID: "map", Thresholds: &ZoneThresholds{Danger: outsourcing.MustDecimal("2.5"), Control: outsourcing.MustDecimal("0.9")},
		Stakeholders: []Stakeholder{{Vendor: "a", Dependency: 4, Penetration: 3, Maturity: 2, Trust: 1}}}, ParseEcosystem)
}

// TestDocumentsBadInput: every document is validated before use;
// problems are reported at the offending field, unknown properties at
// the property.
func TestDocumentsBadInput(t *testing.T) {
	const when = `"2025-01-01T00:00:00Z"`
	ratings := `{"quality": "4", "responsiveness": "4", "problem_solving": "4", "cost_control": "4", "innovation": "4"}`
	cases := []struct {
		name  string
		parse func([]byte) error
		doc   string
		path  string
	}{
		{"decision unknown property", parseErr(ParseDecision), `{"selected": "a", "rationale": "r", "decided": ` + when + `, "required_roles": ["it"], "budget": 1}`, "/budget"},
		{"decision blank rationale", parseErr(ParseDecision), `{"selected": "a", "rationale": "  ", "decided": ` + when + `, "required_roles": ["it"]}`, "/rationale"},
		{"decision no roles", parseErr(ParseDecision), `{"selected": "a", "rationale": "r", "decided": ` + when + `, "required_roles": []}`, "/required_roles"},
		{"decision verdict", parseErr(ParseDecision), `{"selected": "a", "rationale": "r", "decided": ` + when + `, "required_roles": ["it"], "approvals": [{"approver": "x", "role": "it", "verdict": "maybe", "at": ` + when + `}]}`, "/approvals/0/verdict"},
		{"reviews malformed date", parseErr(ParseReviews), `{"scale": {"min": "1", "max": "5"}, "reviews": [{"vendor": "a", "start": "2025-02-30", "end": ` + when + `, "ratings": ` + ratings + `}]}`, "/reviews/0/start"},
		{"reviews missing aspect", parseErr(ParseReviews), `{"scale": {"min": "1", "max": "5"}, "reviews": [{"vendor": "a", "start": ` + when + `, "end": ` + when + `, "ratings": {"quality": "4"}}]}`, "/reviews/0/ratings"},
		{"survey nps", parseErr(ParseSurvey), `{"vendor": "a", "responses": [{"csat": 5}, {"nps": 11}]}`, "/responses/1/nps"},
		{"survey unknown property", parseErr(ParseSurvey), `{"vendor": "a", "responses": [{"score": 5}]}`, "/responses/0/score"},
		{"plan status", parseErr(ParseImprovementPlan), `{"id": "p", "vendor": "a", "opened": ` + when + `, "actions": [{"id": "x", "owner": "o", "due": ` + when + `, "status": "late"}]}`, "/actions/0/status"},
		{"recognition kind", parseErr(ParseRecognitions), `{"currency": "EUR", "records": [{"id": "r", "vendor": "a", "date": ` + when + `, "kind": "medal", "reason": "x"}]}`, "/records/0/kind"},
		{"recognition amount", parseErr(ParseRecognitions), `{"currency": "EUR", "records": [{"id": "r", "vendor": "a", "date": ` + when + `, "kind": "bonus", "reason": "x", "amount": {"amount": "1e3", "currency": "EUR"}}]}`, "/records/0/amount/amount"},
		{"ecosystem rating", parseErr(ParseEcosystem), `{"stakeholders": [{"vendor": "a", "dependency": 5, "penetration": 1, "maturity": 1, "trust": 1}]}`, "/stakeholders/0/dependency"},
		{"final nested review", parseErr(ParseFinalInput), `{"vendor": "a", "engagement": "e", "start": ` + when + `, "end": ` + when + `, "as_of": ` + when + `, "currency": "EUR", "review_scale": {"min": "1", "max": "5"}, "reviews": [{"vendor": "a", "start": ` + when + `, "end": ` + when + `, "ratings": ` + ratings + `, "score": 1}]}`, "/reviews/0/score"},
		{"final nested plan", parseErr(ParseFinalInput), `{"vendor": "a", "engagement": "e", "start": ` + when + `, "end": ` + when + `, "as_of": ` + when + `, "currency": "EUR", "review_scale": {"min": "1", "max": "5"}, "reviews": [{"vendor": "a", "start": ` + when + `, "end": ` + when + `, "ratings": ` + ratings + `}], "plans": [{"id": "p", "vendor": "a", "opened": ` + when + `, "actions": [{"id": "x", "due": ` + when + `, "status": "open"}]}]}`, "/plans/0/actions/0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertProblem(t, c.parse([]byte(c.doc)), outsourcing.ErrInvalidInput, c.path)
		})
	}
}

// parseErr keeps the error of a Parse function.
func parseErr[T any](parse func([]byte) (T, error)) func([]byte) error {
	return func(doc []byte) error {
		_, err := parse(doc)
		return err
	}
}

func TestAssessEcosystem(t *testing.T) {
	spec, err := ParseEcosystem([]byte(`{"stakeholders": [
	  {"vendor": "cloud_host", "dependency": 4, "penetration": 4, "maturity": 2, "trust": 2},
	  {"vendor": "payroll", "dependency": 2, "penetration": 2, "maturity": 3, "trust": 3}]}`))
	require.NoError(t, err)
	got, err := AssessEcosystem(spec)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, ZoneDanger, got[0].Zone, "default thresholds")
	assert.Equal(t, ZoneWatch, got[1].Zone)

	spec.Stakeholders[1].Vendor, spec.Stakeholders[1].Trust = "cloud_host", 0
	spec.Thresholds = &ZoneThresholds{Danger: outsourcing.MustDecimal("1"), Control: outsourcing.MustDecimal("1")}
	_, err = AssessEcosystem(spec)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/stakeholders/1/vendor", `"cloud_host"`, "/stakeholders/0")
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/stakeholders/1/trust", "0")
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/thresholds/danger")
}
