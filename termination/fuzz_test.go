package termination_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing/termination"
)

// FuzzParse feeds the three document parsers and what follows them
// arbitrary input: they return errors, never panic.
func FuzzParse(f *testing.F) {
	terms := sampleTerms(f)
	for _, name := range []string{"terms.json", "context.json", "settlement.json"} {
		f.Add(load(name))
	}
	f.Add([]byte(`{"contract": "ITO-2026-001", "effective": "2026-01-01", "ground": "convenience"}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		if spec, err := termination.ParseTerms(doc); err == nil {
			_, _ = termination.CompileTerms(spec, terms.Contract())
		}
		if ctx, err := termination.ParseContext(doc); err == nil {
			_, _ = termination.DefaultTriggers().Evaluate(terms, ctx)
		}
		if in, err := termination.ParseSettlement(doc); err == nil {
			_, _ = terms.Settle(in)
		}
	})
}
