package outsourcing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

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

// TrimDecimal wraps d without the trailing zeros of its fraction:
// 98.750000 becomes 98.75 and 100.00 becomes 100; the value is unchanged.
// Results rounded to a number of places are reported in this form, so
// their JSON and text match what decimal.Decimal.String printed under
// shopspring/decimal's default globals.
func TrimDecimal(d decimal.Decimal) Decimal {
	if d.Exponent() >= 0 {
		return Decimal{Decimal: d}
	}
	n := d.Normalize()
	if n.Exponent() > 0 {
		n = n.Round(0) // back to exponent 0: 100, not 1E2
	}
	return Decimal{Decimal: n}
}

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

// Format implements fmt.Formatter so that fmt prints the value as String
// does, not through decimal.Decimal's Format, which would follow the
// globals: %v and %s print String, honouring width and flags, as do %q,
// %x and %X; %f and %F without a precision print the digits the value
// carries, and with one (%.2f) round half away from zero like StringFixed;
// %#v prints decimal.Decimal's Go syntax.
func (d Decimal) Format(f fmt.State, verb rune) {
	_, hasWidth := f.Width()
	_, hasPrec := f.Precision()
	switch {
	case verb == 'v' && f.Flag('#'):
		d.Decimal.Format(f, verb)
	case (verb == 'v' || verb == 's') && !hasWidth && !hasPrec:
		_, _ = io.WriteString(f, d.String())
	case verb == 'v', verb == 's', verb == 'q', verb == 'x', verb == 'X':
		_, _ = fmt.Fprintf(f, fmt.FormatString(f, verb), d.String())
	case (verb == 'f' || verb == 'F') && !hasPrec:
		dir := fmt.FormatString(f, verb)
		places := strconv.Itoa(int(max(-d.Exponent(), 0)))
		_, _ = fmt.Fprintf(f, dir[:len(dir)-1]+"."+places+string(verb), d.Decimal)
	case verb == 'f' || verb == 'F':
		d.Decimal.Format(f, verb)
	default:
		_, _ = fmt.Fprintf(f, "%%!%c(outsourcing.Decimal=%s)", verb, d.String())
	}
}

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
