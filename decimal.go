package outsourcing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"

	"github.com/shopspring/decimal"

	"github.com/outsourcing-go/outsourcing/internal/text"
)

// decimalPattern is the plain decimal notation accepted on the wire: an
// optional sign, digits, an optional fraction. No exponent, no NaN/Inf.
var decimalPattern = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// ParseDecimal parses a plain decimal string such as "1250.00" or "-0.5"
// exactly. Exponents, NaN, Inf, thousands separators and empty strings are
// rejected with a *FieldError naming path.
func ParseDecimal(path, s string) (decimal.Decimal, error) {
	if len(s) > 64 || !decimalPattern.MatchString(s) {
		return decimal.Decimal{}, FieldErrorf(path, "%q is not a plain decimal number", truncate(s, 40))
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, FieldErrorf(path, "%q is not a decimal number", truncate(s, 40))
	}
	return d, nil
}

// decodeStrict decodes one JSON value into v with numbers kept as
// json.Number and unknown fields rejected; trailing data is an error.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if dec.More() {
		return FieldErrorf("", "unexpected data after the JSON value")
	}
	return nil
}

// jsonError turns an encoding/json error into a *FieldError with the path
// of the offending field where json says it.
func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return &FieldError{Path: typeErr.Field, Reason: fmt.Sprintf("cannot use JSON %s as %s", typeErr.Value, typeErr.Type)}
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe
	}
	return &FieldError{Reason: "malformed JSON: " + err.Error()}
}

// truncate cuts untrusted input quoted in a message; see text.Truncate.
func truncate(s string, n int) string { return text.Truncate(s, n) }

// FormatDecimal writes d in plain notation with exactly the digits it
// carries ("1.50" stays "1.50", 1500 is "1500", never "1.5E3"). Unlike
// decimal.Decimal.String it does not depend on shopspring/decimal's
// package globals, so a host program cannot change what this module prints.
func FormatDecimal(d decimal.Decimal) string {
	places := max(-d.Exponent(), 0)
	return d.StringFixed(places)
}
