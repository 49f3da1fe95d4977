package outsourcing

import (
	"bytes"
	"encoding/json"

	"github.com/shopspring/decimal"
)

// Decimal is a decimal.Decimal for the fields of documents and results
// that are written as JSON or text. Its JSON form is a string in plain
// notation with exactly the digits the value carries ("99.98843"), as the
// schemas require, whatever shopspring/decimal's package globals
// (MarshalJSONWithoutQuotes, TrimTrailingZeros, UseScientificNotation)
// a host program has set. Every decimal.Decimal method is available on
// it; arithmetic returns plain decimal.Decimal values.
type Decimal struct {
	decimal.Decimal
}

// NewDecimal wraps d.
func NewDecimal(d decimal.Decimal) Decimal { return Decimal{Decimal: d} }

// MustDecimal parses a plain decimal string for constants in tests,
// examples and presets; it panics on invalid input.
func MustDecimal(s string) Decimal {
	d, err := ParseDecimal("decimal", s)
	if err != nil {
		panic(err)
	}
	return Decimal{Decimal: d}
}

// String formats the value in plain notation with the digits it carries.
func (d Decimal) String() string { return FormatDecimal(d.Decimal) }

// MarshalJSON writes the value as a plain-notation string.
func (d Decimal) MarshalJSON() ([]byte, error) { return json.Marshal(FormatDecimal(d.Decimal)) }

// UnmarshalJSON reads a plain-notation decimal written as a string
// ("12.50") or as a JSON number (12.50); exponents, NaN and Inf are
// rejected with a *FieldError.
func (d *Decimal) UnmarshalJSON(data []byte) error {
	text := bytes.Trim(data, `"`)
	if len(text) != len(data) && len(text) != len(data)-2 {
		return FieldErrorf("", "malformed decimal %s", truncate(string(data), 40))
	}
	parsed, err := ParseDecimal("", string(text))
	if err != nil {
		return err
	}
	d.Decimal = parsed
	return nil
}

// MarshalText writes the value in plain notation.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(FormatDecimal(d.Decimal)), nil }

// UnmarshalText reads a plain-notation decimal.
func (d *Decimal) UnmarshalText(text []byte) error {
	parsed, err := ParseDecimal("", string(text))
	if err != nil {
		return err
	}
	d.Decimal = parsed
	return nil
}
