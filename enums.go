package outsourcing

import (
	"slices"

	"github.com/outsourcing-go/outsourcing/internal/text"
)

// Severity grades how much a rule matters, from info to critical.
type Severity string

// Severities, in increasing order.
const (
	SeverityInfo     Severity = "info"
	SeverityLow      Severity = "low"
	SeverityMedium   Severity = "medium"
	SeverityHigh     Severity = "high"
	SeverityCritical Severity = "critical"
)

var severities = []Severity{SeverityInfo, SeverityLow, SeverityMedium, SeverityHigh, SeverityCritical}

// Valid reports whether s is one of the severities.
func (s Severity) Valid() bool { return slices.Contains(severities, s) }

// Rank orders severities: info 1 … critical 5; 0 for none or unknown.
func (s Severity) Rank() int { return slices.Index(severities, s) + 1 }

// String returns the severity's name.
func (s Severity) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return MarshalEnum(s, "severity", severities) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown severities.
func (s *Severity) UnmarshalText(text []byte) error {
	return UnmarshalEnum(s, text, "severity", severities)
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

// Valid reports whether r is one of the five levels.
func (r RiskLevel) Valid() bool { return slices.Contains(riskLevels, r) }

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

// ParseEnum returns s as a T when it is one of values. Anything else,
// the empty string included unless values lists it, is a *FieldError
// matching ErrInvalidInput with an empty Path (the value itself: place it
// in a document with AtPath) and Reason
// `unknown <kind> "<s>" (want <values, comma-separated>)`, s cut to 40
// bytes. The reason carries no package prefix; a domain package adds its
// own when it wraps the error. Where an empty value means a default, the
// caller checks for it before calling.
func ParseEnum[T ~string](kind, s string, values []T) (T, error) {
	if v := T(s); slices.Contains(values, v) {
		return v, nil
	}
	return "", FieldErrorf("", "unknown %s %q (want %s)", kind, text.Truncate(s, 40), text.List(values))
}

// MarshalEnum returns v as text for an encoding.TextMarshaler when it is
// one of values or the zero value "" (an unset field of a zero result
// marshals as ""), else ParseEnum's *FieldError.
func MarshalEnum[T ~string](v T, kind string, values []T) ([]byte, error) {
	if v == "" {
		return []byte{}, nil
	}
	if _, err := ParseEnum(kind, string(v), values); err != nil {
		return nil, err
	}
	return []byte(v), nil
}

// UnmarshalEnum sets *dst to text for an encoding.TextUnmarshaler when it
// is one of values; otherwise it leaves *dst unchanged and returns
// ParseEnum's *FieldError.
func UnmarshalEnum[T ~string](dst *T, text []byte, kind string, values []T) error {
	v, err := ParseEnum(kind, string(text), values)
	if err != nil {
		return err
	}
	*dst = v
	return nil
}
