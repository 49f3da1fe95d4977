package risk

import (
	"testing"

	"github.com/outsourcing-go/outsourcing"
)

// benchScenario is the benchmark model: Poisson frequency 2 per year,
// lognormal magnitude with the 90% interval 10,000..1,000,000 EUR. The same
// model in vectorised NumPy is testdata/numpy_baseline.py.
func benchScenario() Scenario {
	low, high := outsourcing.MustMoney("10000", "EUR"), outsourcing.MustMoney("1000000", "EUR")
	return Scenario{
		Frequency: Frequency{Rate: 2},
		Magnitude: Magnitude{Distribution: MagnitudeLognormal, Low: &low, High: &high},
	}
}

func BenchmarkMonteCarlo1M(b *testing.B) {
	s := benchScenario()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Simulate(s, SimOptions{Trials: 1_000_000, Seed: 42}); err != nil {
			b.Fatal(err)
		}
	}
}
