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
func (k ResultKind) MarshalText() ([]byte, error) { return marshalEnum(k, "result kind", resultKinds) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *ResultKind) UnmarshalText(text []byte) error {
	return unmarshalEnum(k, text, "result kind", resultKinds)
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
func (s Severity) MarshalText() ([]byte, error) { return marshalEnum(s, "severity", severities) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown severities.
func (s *Severity) UnmarshalText(text []byte) error {
	return unmarshalEnum(s, text, "severity", severities)
}

// unmarshalEnum sets *dst to text when it is one of values, else returns
// a *FieldError naming the enum kind and the accepted values.
func unmarshalEnum[T ~string](dst *T, text []byte, kind string, values []T) error {
	v := T(text)
	if !slices.Contains(values, v) {
		return FieldErrorf("", "unknown %s %q (want %s)", kind, truncate(string(text), 40), enumList(values))
	}
	*dst = v
	return nil
}

// marshalEnum returns v as text when it is one of values.
func marshalEnum[T ~string](v T, kind string, values []T) ([]byte, error) {
	if !slices.Contains(values, v) {
		return nil, FieldErrorf("", "unknown %s %q", kind, truncate(string(v), 40))
	}
	return []byte(v), nil
}

// enumList joins an enum's values for error messages.
func enumList[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
