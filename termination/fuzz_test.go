package termination_test

import (
	"encoding/json"
	"testing"

	"github.com/outsourcing-go/outsourcing/termination"
)

// Each document has its own fuzz target, so that one execution
// validates one document, not every schema in turn; the seeds are the
// sample documents compacted, their SLA reports cut to what the package
// reads. Go's minimizer tries O(n²) cuts of every new interesting input
// for up to -fuzzminimizetime (60s by default), reporting 0 execs/sec
// meanwhile, so each millisecond of an execution and each byte of a
// seed counts.

func FuzzParseTerms(f *testing.F) {
	terms := sampleTerms(f)
	fuzzDocument(f, termination.ParseTerms, func(spec termination.TermsSpec) {
		_, _ = termination.CompileTerms(spec, terms.Contract())
	}, "terms.json")
}

func FuzzParseContext(f *testing.F) {
	terms := sampleTerms(f)
	fuzzDocument(f, termination.ParseContext, func(ctx termination.ContextSpec) {
		_, _ = termination.DefaultTriggers().Evaluate(terms, ctx)
	}, "context.json")
}

func FuzzParseSettlement(f *testing.F) {
	terms := sampleTerms(f)
	f.Add([]byte(`{"contract": "ITO-2026-001", "effective": "2026-01-01", "ground": "convenience"}`))
	fuzzDocument(f, termination.ParseSettlement, func(in termination.SettlementSpec) {
		_, _ = terms.Settle(in)
	}, "settlement.json")
}

func FuzzParseReview(f *testing.F) {
	terms := sampleTerms(f)
	fuzzDocument(f, termination.ParseReview, func(in termination.ReviewSpec) {
		_, _ = terms.Review(in)
	}, "review.json")
}

// fuzzDocument feeds parse arbitrary input, and use what it accepts:
// they return errors, never panic.
func fuzzDocument[T any](f *testing.F, parse func([]byte) (T, error), use func(T), seeds ...string) {
	for _, name := range seeds {
		doc := seed(f, name)
		if _, err := parse(doc); err != nil {
			f.Fatalf("seed %s: %v", name, err)
		}
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		if v, err := parse(doc); err == nil {
			use(v)
		}
	})
}

// seed returns a sample document compacted, its SLA reports cut to
// what sla's report schema requires (their first level only), their cap
// and signals.
func seed(f *testing.F, name string) []byte {
	var doc map[string]any
	if err := json.Unmarshal(load(name), &doc); err != nil {
		f.Fatal(err)
	}
	if reports, ok := doc["sla_reports"].([]any); ok {
		for i, r := range reports {
			full := r.(map[string]any)
			cut := map[string]any{}
			for _, k := range []string{"agreement", "period", "levels", "fees", "at_risk", "uncapped", "cap", "credits",
				"earned_back", "bonus", "net", "rounding", "signals"} {
				if v, ok := full[k]; ok {
					cut[k] = v
				}
			}
			cut["levels"] = cut["levels"].([]any)[:1]
			reports[i] = cut
		}
	}
	out, err := json.Marshal(doc)
	if err != nil {
		f.Fatal(err)
	}
	return out
}
