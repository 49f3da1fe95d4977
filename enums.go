package outsourcing

import (
	"slices"
	"strings"
)

// ResultKind is the static type of what a rule yields.
type ResultKind string

// Result kinds.
const (
	// ResultBool is a condition.
	ResultBool ResultKind = "bool"
	// ResultDecimal is an exact decimal.Decimal.
	ResultDecimal ResultKind = "decimal"
	// ResultMoney is a Money value.
	ResultMoney ResultKind = "money"
	// ResultNumber is an int or float64.
	ResultNumber ResultKind = "number"
	// ResultString is a string.
	ResultString ResultKind = "string"
	// ResultAny is a type known only at run time (an interface field).
	ResultAny ResultKind = "any"
	// ResultOther is any other type (a list, a map, a struct).
	ResultOther ResultKind = "other"
)

var resultKinds = []ResultKind{ResultBool, ResultDecimal, ResultMoney, ResultNumber, ResultString, ResultAny, ResultOther}

func (k ResultKind) valid() bool { return slices.Contains(resultKinds, k) }

// String returns the kind's name.
func (k ResultKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k ResultKind) MarshalText() ([]byte, error) { return MarshalEnum(k, "result kind", resultKinds) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *ResultKind) UnmarshalText(text []byte) error {
	return UnmarshalEnum(k, text, "result kind", resultKinds)
}

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

func (s Severity) valid() bool { return slices.Contains(severities, s) }

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

// ParseEnum returns s as a T when it is one of values. Anything else,
// the empty string included unless values lists it, is a *FieldError
// matching ErrInvalidInput with Path kind and Reason
// `unknown <kind> "<s>" (want <values, comma-separated>)`, s cut to 40
// bytes. The reason carries no package prefix; a domain package adds its
// own when it wraps the error. Where an empty value means a default, the
// caller checks for it before calling.
func ParseEnum[T ~string](kind, s string, values []T) (T, error) {
	if v := T(s); slices.Contains(values, v) {
		return v, nil
	}
	return "", FieldErrorf(kind, "unknown %s %q (want %s)", kind, truncate(s, 40), enumList(values))
}

// MarshalEnum returns v as text for an encoding.TextMarshaler when it is
// one of values, else ParseEnum's *FieldError.
func MarshalEnum[T ~string](v T, kind string, values []T) ([]byte, error) {
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

// enumList joins an enum's values for error messages.
func enumList[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
