package outsourcing

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// RoundingMode names how a value is rounded to a number of decimal places.
// The zero value is RoundHalfUp.
type RoundingMode int

// Rounding modes. "Up" and "down" are about magnitude, as in commercial
// usage: RoundUp(-1.21, 1) is -1.3.
const (
	// RoundHalfUp rounds to nearest, ties away from zero (1.25 → 1.3, -1.25 → -1.3).
	RoundHalfUp RoundingMode = iota
	// RoundHalfEven rounds to nearest, ties to the even digit (banker's rounding: 1.25 → 1.2).
	RoundHalfEven
	// RoundDown truncates toward zero (1.29 → 1.2, -1.29 → -1.2).
	RoundDown
	// RoundUp rounds away from zero (1.21 → 1.3, -1.21 → -1.3).
	RoundUp
)

var roundingNames = [...]string{"half_up", "half_even", "down", "up"}

// String returns the mode's snake_case name ("half_up", "half_even", "down", "up").
func (m RoundingMode) String() string {
	if m < 0 || int(m) >= len(roundingNames) {
		return fmt.Sprintf("RoundingMode(%d)", int(m))
	}
	return roundingNames[m]
}

// MarshalText implements encoding.TextMarshaler.
func (m RoundingMode) MarshalText() ([]byte, error) {
	if m < 0 || int(m) >= len(roundingNames) {
		return nil, FieldErrorf("", "unknown rounding mode %d", int(m))
	}
	return []byte(roundingNames[m]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown names.
func (m *RoundingMode) UnmarshalText(text []byte) error {
	for i, name := range roundingNames {
		if name == string(text) {
			*m = RoundingMode(i)
			return nil
		}
	}
	return FieldErrorf("", "unknown rounding mode %q (want half_up, half_even, down or up)", string(text))
}

// apply rounds d to places decimal places with the mode. An unknown mode
// rounds half up.
func (m RoundingMode) apply(d decimal.Decimal, places int32) decimal.Decimal {
	switch m {
	case RoundHalfEven:
		return d.RoundBank(places)
	case RoundDown:
		return d.RoundDown(places)
	case RoundUp:
		return d.RoundUp(places)
	default:
		return d.Round(places)
	}
}
