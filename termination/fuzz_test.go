package termination_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/outsourcing-go/outsourcing/termination"
)

// Each document has its own fuzz target, so that one execution
// validates one document, not every schema in turn, and the seeds are
// the sample documents without their indentation. Go's minimizer tries
// O(n²) cuts of every new interesting input for up to -fuzzminimizetime
// (60s by default), reporting 0 execs/sec meanwhile: each execution and
// each seed byte counts.

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

// fuzzDocument feeds parse arbitrary input, and use what it accepts:
// they return errors, never panic.
func fuzzDocument[T any](f *testing.F, parse func([]byte) (T, error), use func(T), seeds ...string) {
	for _, name := range seeds {
		var buf bytes.Buffer
		if err := json.Compact(&buf, load(name)); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		if v, err := parse(doc); err == nil {
			use(v)
		}
	})
}
