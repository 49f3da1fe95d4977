package planning

import (
	"slices"

	"github.com/outsourcing-go/outsourcing"
)

// Criticality grades how much the business depends on a service, for the
// sourcing-model recommendation (Handbook §1.3). The levels follow the
// business-factors matrix of Lacity, Willcocks & Feeny ("The Value of
// Selective IT Sourcing", Sloan Management Review, 1996): low is a useful
// commodity, high a critical commodity, core a critical differentiator.
type Criticality string

// Criticality levels, in increasing order.
const (
	// CriticalityLow: the service supports the business and any competent
	// provider could run it (a useful commodity).
	CriticalityLow Criticality = "low"
	// CriticalityMedium: a supporting service with some business-specific
	// knowledge or integration.
	CriticalityMedium Criticality = "medium"
	// CriticalityHigh: operations stop without it, but it does not set the
	// business apart (a critical commodity).
	CriticalityHigh Criticality = "high"
	// CriticalityCore: the service differentiates the business (a critical
	// differentiator, a core competence).
	CriticalityCore Criticality = "core"
)

// riskLevels are the values of outsourcing.RiskLevel, for messages.
var riskLevels = []outsourcing.RiskLevel{outsourcing.RiskLevelVeryLow, outsourcing.RiskLevelLow,
	outsourcing.RiskLevelModerate, outsourcing.RiskLevelHigh, outsourcing.RiskLevelVeryHigh}

var criticalities = []Criticality{CriticalityLow, CriticalityMedium, CriticalityHigh, CriticalityCore}

// Rank orders the levels: low 1 … core 4; 0 for an unknown value.
func (c Criticality) Rank() int { return slices.Index(criticalities, c) + 1 }

// String returns the level name.
func (c Criticality) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (c Criticality) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(c, "criticality", criticalities)
}

// UnmarshalText accepts "low", "medium", "high" or "core".
func (c *Criticality) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(c, b, "criticality", criticalities)
}
