package outsourcing

import "slices"

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

var criticalities = []Criticality{CriticalityLow, CriticalityMedium, CriticalityHigh, CriticalityCore}

// Rank orders the levels: low 1 … core 4; 0 for an unknown value.
func (c Criticality) Rank() int { return slices.Index(criticalities, c) + 1 }

// String returns the level name.
func (c Criticality) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (c Criticality) MarshalText() ([]byte, error) {
	return MarshalEnum(c, "criticality", criticalities)
}

// UnmarshalText accepts "low", "medium", "high" or "core".
func (c *Criticality) UnmarshalText(b []byte) error {
	return UnmarshalEnum(c, b, "criticality", criticalities)
}

// RiskLevel is an overall sourcing risk on the five-level qualitative
// scale of NIST SP 800-30 Rev. 1 (Appendix I): very low to very high. Map
// a risk register's assessment (Handbook §1.2, §5.2) onto it.
type RiskLevel string

// Risk levels, in increasing order.
const (
	RiskLevelVeryLow  RiskLevel = "very_low"
	RiskLevelLow      RiskLevel = "low"
	RiskLevelModerate RiskLevel = "moderate"
	RiskLevelHigh     RiskLevel = "high"
	RiskLevelVeryHigh RiskLevel = "very_high"
)

var riskLevels = []RiskLevel{RiskLevelVeryLow, RiskLevelLow, RiskLevelModerate, RiskLevelHigh, RiskLevelVeryHigh}

// Rank orders the levels: very_low 1 … very_high 5; 0 for an unknown value.
func (r RiskLevel) Rank() int { return slices.Index(riskLevels, r) + 1 }

// String returns the level name.
func (r RiskLevel) String() string { return string(r) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (r RiskLevel) MarshalText() ([]byte, error) { return MarshalEnum(r, "risk level", riskLevels) }

// UnmarshalText accepts "very_low", "low", "moderate", "high" or "very_high".
func (r *RiskLevel) UnmarshalText(b []byte) error {
	return UnmarshalEnum(r, b, "risk level", riskLevels)
}
