package rules

import (
	"slices"

	"github.com/outsourcing-go/outsourcing"
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
func (k ResultKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "result kind", resultKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *ResultKind) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(k, text, "result kind", resultKinds)
}
