package vendors

import (
	"encoding/json"
	"testing"
)

// fuzzParse feeds arbitrary documents to a Parse function and its
// compiler: errors are fine, panics are not.
func fuzzParse(f *testing.F, seeds []string, parse func([]byte) error) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) { _ = parse(doc) })
}

// fuzzDoc fuzzes a Parse function and the function that uses its result.
func fuzzDoc[T any](f *testing.F, seeds []string, parse func([]byte) (T, error), use func(T) error) {
	fuzzParse(f, seeds, func(doc []byte) error {
		v, err := parse(doc)
		if err != nil {
			return err
		}
		return use(v)
	})
}

func FuzzParsePool(f *testing.F) {
	fuzzDoc(f, []string{string(samplePool(f)), `{"vendors": []}`, `{"vendors": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]}`}, ParsePool, func(spec PoolSpec) error {
		_, err := CompilePool(spec)
		return err
	})
}

func FuzzParseTemplate(f *testing.F) {
	fuzzDoc(f, []string{string(DefaultTemplateJSON()), `{"scale": {"min": "0", "max": "1"}, "total": "1", "dimensions": [{"id": "a", "weight": "1"}]}`}, ParseTemplate, func(spec TemplateSpec) error {
		_, err := CompileTemplate(spec)
		return err
	})
}

func FuzzParseEvaluation(f *testing.F) {
	tpl := smallTemplate(f, "20")
	fuzzDoc(f, []string{`{"vendors": ["a", "b"], "evaluators": [{"id": "x"}], "scores": [{"evaluator": "x", "vendor": "a", "criterion": "security", "score": "5"}], "bids": [{"vendor": "a", "price": {"amount": "1", "currency": "EUR"}}], "ahp": {"judgments": ["1/3", "2", "5"]}}`}, ParseEvaluation, func(spec EvaluationSpec) error {
		_, err := Evaluate(tpl, spec)
		return err
	})
}

func FuzzParseQuestionnaire(f *testing.F) {
	fuzzDoc(f, []string{`{"categories": [{"id": "c", "weight": "1"}], "questions": [{"id": "q", "category": "c", "weight": "1", "answer": {"type": "choice", "choices": [{"value": "a", "points": "1"}, {"value": "b", "points": "1"}]}}]}`}, ParseQuestionnaire, func(spec QuestionnaireSpec) error {
		q, err := CompileQuestionnaire(spec)
		if err != nil {
			return err
		}
		_, err = q.Score(Answers{Vendor: "v", Answers: []Answer{{Question: "q", Value: "a"}}})
		return err
	})
}

func FuzzParseAnswers(f *testing.F) {
	fuzzParse(f, []string{`{"vendor": "v", "answers": [{"question": "q", "value": "n/a"}]}`}, func(doc []byte) error {
		_, err := ParseAnswers(doc)
		return err
	})
}

func FuzzParseDecision(f *testing.F) {
	ev, err := Evaluate(smallTemplate(f, "20"), evaluation())
	if err != nil {
		f.Fatal(err)
	}
	seed, _ := json.Marshal(decisionSpec())
	fuzzDoc(f, []string{string(seed), `{"selected": "z", "rationale": "r", "decided": "2025-01-01T00:00:00Z", "required_roles": ["it", "it"]}`}, ParseDecision, func(spec DecisionSpec) error {
		_, err := Decide(ev, spec)
		return err
	})
}

func FuzzParseReviews(f *testing.F) {
	fuzzDoc(f, []string{`{"scale": {"min": "1", "max": "5"}, "stable_slope": "0.1", "weights": {"quality": "1", "responsiveness": "0", "problem_solving": "0", "cost_control": "0", "innovation": "0"},
	  "reviews": [{"vendor": "a", "start": "2025-01-01T00:00:00Z", "end": "2025-04-01T00:00:00Z", "ratings": {"quality": "4", "responsiveness": "4", "problem_solving": "4", "cost_control": "4", "innovation": "4"}}]}`}, ParseReviews, func(spec ReviewsSpec) error {
		_, err := SummarizeReviews(spec.Reviews, spec.ReviewOptions)
		return err
	})
}

func FuzzParseSurvey(f *testing.F) {
	fuzzDoc(f, []string{`{"vendor": "a", "responses": [{"csat": 4, "nps": 9}, {"nps": 0}, {}]}`}, ParseSurvey, func(spec SurveySpec) error {
		_, err := SummarizeSurvey(spec.Vendor, spec.Responses)
		return err
	})
}

func FuzzParseImprovementPlan(f *testing.F) {
	fuzzDoc(f, []string{`{"id": "p", "vendor": "a", "opened": "2025-01-01T00:00:00Z", "actions": [{"id": "x", "owner": "o", "due": "2025-02-01T00:00:00Z", "status": "done"}]}`}, ParseImprovementPlan, func(plan ImprovementPlan) error {
		_, err := plan.StatusAt(day0)
		return err
	})
}

func FuzzParseRecognitions(f *testing.F) {
	fuzzDoc(f, []string{`{"currency": "EUR", "records": [{"id": "r", "vendor": "a", "date": "2025-01-01T00:00:00Z", "kind": "bonus", "reason": "x", "amount": {"amount": "10", "currency": "USD"}}]}`}, ParseRecognitions, func(spec RecognitionsSpec) error {
		_, _, err := RecognitionTotal(spec.Records, "a", spec.Currency)
		return err
	})
}

func FuzzParseEcosystem(f *testing.F) {
	fuzzDoc(f, []string{`{"thresholds": {"danger": "2", "control": "1"}, "stakeholders": [{"vendor": "a", "dependency": 4, "penetration": 3, "maturity": 2, "trust": 1}]}`}, ParseEcosystem, func(spec EcosystemSpec) error {
		_, err := AssessEcosystem(spec)
		return err
	})
}

func FuzzParseFinalInput(f *testing.F) {
	seed, _ := json.Marshal(finalInput())
	fuzzDoc(f, []string{string(seed)}, ParseFinalInput, func(in FinalInput) error {
		_, err := EvaluateFinal(in)
		return err
	})
}
