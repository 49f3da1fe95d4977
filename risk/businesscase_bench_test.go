package risk_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing/risk"
)

// BenchmarkBusinessCase10k simulates 10,000 trials of the fixture
// (testdata/businesscase_model.json): a 60-month model with three options,
// ten uncertain inputs and two risk scenarios, summaries, drivers and
// tornadoes included.
func BenchmarkBusinessCase10k(b *testing.B) {
	m, spec := loadCase(b)
	bc := compileCase(b, m, spec)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bc.Simulate(risk.CaseOptions{Trials: 10_000, Seed: 42}); err != nil {
			b.Fatal(err)
		}
	}
}
