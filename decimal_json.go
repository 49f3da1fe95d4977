package outsourcing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/outsourcing-go/outsourcing/internal/text"
)

// String formats the value in plain notation with the digits it carries
// ("1.50" stays "1.50", 1500 is "1500", never "1.5E3").
func (d Decimal) String() string { return d.v.StringFixed(d.Places()) }

// Format implements fmt.Formatter so that fmt prints the value as String
// does: %v and %s print String, honouring width and flags, as do %q, %x
// and %X; %f and %F without a precision print the digits the value
// carries, and with one (%.2f) round half away from zero; %#v prints
// outsourcing.MustDecimal("…").
func (d Decimal) Format(f fmt.State, verb rune) {
	_, hasWidth := f.Width()
	_, hasPrec := f.Precision()
	switch {
	case verb == 'v' && f.Flag('#'):
		_, _ = fmt.Fprintf(f, "outsourcing.MustDecimal(%q)", d.String())
	case (verb == 'v' || verb == 's') && !hasWidth && !hasPrec:
		_, _ = io.WriteString(f, d.String())
	case verb == 'v', verb == 's', verb == 'q', verb == 'x', verb == 'X':
		_, _ = fmt.Fprintf(f, fmt.FormatString(f, verb), d.String())
	case (verb == 'f' || verb == 'F') && !hasPrec:
		dir := fmt.FormatString(f, verb)
		_, _ = fmt.Fprintf(f, dir[:len(dir)-1]+"."+strconv.Itoa(int(d.Places()))+string(verb), d.v)
	case verb == 'f' || verb == 'F':
		d.v.Format(f, verb)
	default:
		_, _ = fmt.Fprintf(f, "%%!%c(outsourcing.Decimal=%s)", verb, d.String())
	}
}

// MarshalJSON writes the value as a plain-notation string ("99.950").
func (d Decimal) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads a plain-notation decimal written as a string
// ("12.50") or as a JSON number (12.50); exponents, NaN and Inf are
// rejected with a *FieldError.
func (d *Decimal) UnmarshalJSON(data []byte) error {
	raw := bytes.Trim(data, `"`)
	if len(raw) != len(data) && len(raw) != len(data)-2 {
		return FieldErrorf("", "malformed decimal %s", text.Truncate(string(data), 40))
	}
	parsed, err := ParseDecimal(string(raw))
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

// MarshalText writes the value in plain notation.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a plain-notation decimal.
func (d *Decimal) UnmarshalText(b []byte) error {
	parsed, err := ParseDecimal(string(b))
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}
