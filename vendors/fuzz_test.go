package vendors

import (
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

func FuzzParsePool(f *testing.F) {
	fuzzParse(f, []string{string(samplePool(f)), `{"vendors": []}`, `{"vendors": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]}`}, func(doc []byte) error {
		spec, err := ParsePool(doc)
		if err != nil {
			return err
		}
		_, err = CompilePool(spec)
		return err
	})
}

func FuzzParseTemplate(f *testing.F) {
	fuzzParse(f, []string{string(DefaultTemplateJSON()), `{"scale": {"min": "0", "max": "1"}, "total": "1", "dimensions": [{"id": "a", "weight": "1"}]}`}, func(doc []byte) error {
		spec, err := ParseTemplate(doc)
		if err != nil {
			return err
		}
		_, err = CompileTemplate(spec)
		return err
	})
}

func FuzzParseEvaluation(f *testing.F) {
	tpl := smallTemplate(f, "20")
	fuzzParse(f, []string{`{"vendors": ["a", "b"], "evaluators": [{"id": "x"}], "scores": [{"evaluator": "x", "vendor": "a", "criterion": "security", "score": "5"}], "bids": [{"vendor": "a", "price": {"amount": "1", "currency": "EUR"}}], "ahp": {"judgments": ["1/3", "2", "5"]}}`}, func(doc []byte) error {
		spec, err := ParseEvaluation(doc)
		if err != nil {
			return err
		}
		_, err = Evaluate(tpl, spec)
		return err
	})
}

func FuzzParseQuestionnaire(f *testing.F) {
	fuzzParse(f, []string{`{"categories": [{"id": "c", "weight": "1"}], "questions": [{"id": "q", "category": "c", "weight": "1", "answer": {"type": "choice", "choices": [{"value": "a", "points": "1"}, {"value": "b", "points": "1"}]}}]}`}, func(doc []byte) error {
		spec, err := ParseQuestionnaire(doc)
		if err != nil {
			return err
		}
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
