package risk

import (
	"math"

	"github.com/outsourcing-go/outsourcing"
)

// Analytic is a scenario's annual loss in closed form, beside what
// Simulate estimates. With N loss events a year and losses X per event
// (independent, as in a compound Poisson or compound binomial model:
// Klugman, Panjer and Willmot, Loss Models, 4th ed., 2012, §9.3), the
// annual loss S has E[S] = E[N]·E[X] and Var(S) = E[N]·Var(X) +
// Var(N)·E[X]².
type Analytic struct {
	// ThreatEventFrequency is the mean number of threat events a year;
	// Vulnerability the probability that one becomes a loss event; and
	// LossEventFrequency their product E[N] (FAIR's LEF).
	ThreatEventFrequency float64 `json:"threat_event_frequency"`
	Vulnerability        float64 `json:"vulnerability"`
	LossEventFrequency   float64 `json:"loss_event_frequency"`
	// EventCountVariance is Var(N).
	EventCountVariance float64 `json:"event_count_variance"`
	// MagnitudeMean and MagnitudeStdDev are E[X] and √Var(X).
	MagnitudeMean   outsourcing.Money `json:"magnitude_mean"`
	MagnitudeStdDev outsourcing.Money `json:"magnitude_std_dev"`
	// Mean is the annualised loss expectancy E[S]; StdDev is √Var(S).
	Mean   outsourcing.Money `json:"mean"`
	StdDev outsourcing.Money `json:"std_dev"`
	// ProbabilityOfLoss is P(N ≥ 1), the probability of at least one loss
	// in a year: 1 − e^(−λ) for Poisson(λ), 1 − (1 − p)^n for
	// Binomial(n, p), 1 − E[e^(−Λ)] for a PERT rate Λ.
	ProbabilityOfLoss float64 `json:"probability_of_loss"`
}

// Analytic returns the closed forms of s. Amounts are rounded half-even to
// the currency's minor units. Invalid scenarios return the errors Simulate
// would.
func (s Scenario) Analytic() (Analytic, error) {
	m, err := s.compile("")
	if err != nil {
		return Analytic{}, wrap(err)
	}
	en, vn := m.count.mean(), m.count.variance()
	ex, vx := m.magnitudeMean(), m.magnitudeVariance()
	money := func(x float64) outsourcing.Money { return toMoney(x, m.currency) }
	return Analytic{
		ThreatEventFrequency: m.tef,
		Vulnerability:        m.vuln,
		LossEventFrequency:   en,
		EventCountVariance:   vn,
		MagnitudeMean:        money(ex),
		MagnitudeStdDev:      money(math.Sqrt(vx)),
		Mean:                 money(en * ex),
		StdDev:               money(math.Sqrt(en*vx + vn*ex*ex)),
		ProbabilityOfLoss:    m.count.probabilityAny(),
	}, nil
}
