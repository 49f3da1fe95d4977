package outsourcing

import (
	"math"
	"regexp"

	"github.com/shopspring/decimal"

	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// Decimal is the SDK's one decimal type: an exact, arbitrary-precision
// decimal number for rates, percentages, scores and amounts in documents,
// results and rules. Its zero value is 0.
//
// It wraps shopspring/decimal's decimal.Decimal rather than exposing it,
// for two reasons. First, decimal.Decimal's text and JSON output follows
// package globals (MarshalJSONWithoutQuotes, TrimTrailingZeros,
// UseScientificNotation) that any host program may set, while audited
// results must print the same everywhere: Decimal always prints plain
// notation with exactly the digits it carries ("99.950", "1500"). Second,
// one type in every signature means results flow into documents and rules
// without conversion. Arithmetic is exact except Quo, which rounds to the
// places and mode the caller names. DecimalOf and Shopspring convert to
// and from decimal.Decimal for callers who need its wider API.
//
// Decimal values are immutable and safe for concurrent use.
type Decimal struct {
	v decimal.Decimal
}

// plainDecimal is the notation accepted on the wire: an optional sign,
// digits, an optional fraction. No exponent, no NaN/Inf, no separators.
var plainDecimal = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// maxDecimalText bounds the length of a decimal read from text.
const maxDecimalText = 64

// ParseDecimal parses a plain decimal string such as "1250.00" or "-0.5"
// exactly. Exponents, NaN, Inf, thousands separators, empty strings and
// strings over 64 bytes are rejected with a *FieldError (empty path)
// matching ErrInvalidInput.
func ParseDecimal(s string) (Decimal, error) {
	if len(s) > maxDecimalText || !plainDecimal.MatchString(s) {
		return Decimal{}, FieldErrorf("", "%q is not a plain decimal number", text.Truncate(s, 40))
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Decimal{}, FieldErrorf("", "%q is not a decimal number", text.Truncate(s, 40))
	}
	return Decimal{v: d}, nil
}

// MustDecimal is ParseDecimal for constants in tests, examples and
// presets; it panics on invalid input and must not be used on user data.
func MustDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// MustDecimals is MustDecimal for a list of constants.
func MustDecimals(ss ...string) []Decimal {
	out := make([]Decimal, len(ss))
	for i, s := range ss {
		out[i] = MustDecimal(s)
	}
	return out
}

// DecimalOf converts a shopspring decimal.Decimal.
func DecimalOf(d decimal.Decimal) Decimal { return Decimal{v: d} }

// DecimalFromInt returns n exactly.
func DecimalFromInt(n int64) Decimal { return Decimal{v: decimal.NewFromInt(n)} }

// DecimalFromFloat returns the shortest decimal that converts back to f
// (0.1 is 0.1, not 0.1000000000000000055…), for values that come from
// float64 data such as a notebook's slices. NaN and ±Inf are a *FieldError
// matching ErrInvalidInput.
func DecimalFromFloat(f float64) (Decimal, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Decimal{}, FieldErrorf("", "%v is not a finite number", f)
	}
	return Decimal{v: decimal.NewFromFloat(f)}, nil
}

// DecimalsFromFloats converts float64 data (a notebook's slice, a CSV
// column) with DecimalFromFloat; a NaN or ±Inf is a *FieldError at its
// index ("/3").
func DecimalsFromFloats(fs []float64) ([]Decimal, error) {
	out := make([]Decimal, len(fs))
	for i, f := range fs {
		d, err := DecimalFromFloat(f)
		if err != nil {
			return nil, AtPath(jsonptr.Join(i), err)
		}
		out[i] = d
	}
	return out, nil
}

// Shopspring returns the value as a shopspring decimal.Decimal.
func (d Decimal) Shopspring() decimal.Decimal { return d.v }

// Add returns d + o exactly.
func (d Decimal) Add(o Decimal) Decimal { return Decimal{v: d.v.Add(o.v)} }

// Sub returns d − o exactly.
func (d Decimal) Sub(o Decimal) Decimal { return Decimal{v: d.v.Sub(o.v)} }

// Mul returns d × o exactly.
func (d Decimal) Mul(o Decimal) Decimal { return Decimal{v: d.v.Mul(o.v)} }

// Quo returns d ÷ o rounded to places decimal places with the mode,
// exactly as the mode says for every quotient (the remainder decides, not
// a float or a guard digit); a zero divisor is a *FieldError matching
// ErrInvalidInput.
func (d Decimal) Quo(o Decimal, places int32, mode RoundingMode) (Decimal, error) {
	if o.v.IsZero() {
		return Decimal{}, FieldErrorf("", "division of %s by zero", d)
	}
	q, r := d.v.QuoRem(o.v, places) // q truncated toward zero, d = o·q + r
	if r.IsZero() {
		return Decimal{v: q}, nil
	}
	ulp := decimal.New(int64(d.v.Sign()*o.v.Sign()), -places)
	away := false
	switch mode {
	case RoundDown:
	case RoundUp:
		away = true
	default:
		c := r.Abs().Mul(decimal.NewFromInt(2)).Cmp(o.v.Abs().Mul(ulp.Abs())) // 2|r| against |o|·ulp
		odd := !q.Shift(places).Mod(decimal.NewFromInt(2)).IsZero()
		away = c > 0 || c == 0 && (mode != RoundHalfEven || odd)
	}
	if away {
		q = q.Add(ulp)
	}
	return Decimal{v: q}, nil
}

// Neg returns −d.
func (d Decimal) Neg() Decimal { return Decimal{v: d.v.Neg()} }

// Abs returns |d|.
func (d Decimal) Abs() Decimal { return Decimal{v: d.v.Abs()} }

// Cmp compares d with o: −1, 0 or +1. 1.0 and 1.00 compare equal.
func (d Decimal) Cmp(o Decimal) int { return d.v.Cmp(o.v) }

// Equal reports numeric equality (1.0 equals 1.00).
func (d Decimal) Equal(o Decimal) bool { return d.v.Equal(o.v) }

// LessThan reports d < o.
func (d Decimal) LessThan(o Decimal) bool { return d.v.LessThan(o.v) }

// GreaterThan reports d > o.
func (d Decimal) GreaterThan(o Decimal) bool { return d.v.GreaterThan(o.v) }

// LessThanOrEqual reports d ≤ o.
func (d Decimal) LessThanOrEqual(o Decimal) bool { return d.v.LessThanOrEqual(o.v) }

// GreaterThanOrEqual reports d ≥ o.
func (d Decimal) GreaterThanOrEqual(o Decimal) bool { return d.v.GreaterThanOrEqual(o.v) }

// Sign returns −1, 0 or +1.
func (d Decimal) Sign() int { return d.v.Sign() }

// IsZero reports whether d is 0 (of any scale).
func (d Decimal) IsZero() bool { return d.v.IsZero() }

// IsNegative reports d < 0.
func (d Decimal) IsNegative() bool { return d.v.IsNegative() }

// IsPositive reports d > 0.
func (d Decimal) IsPositive() bool { return d.v.IsPositive() }

// Round rounds d to places decimal places with the mode; a negative
// places rounds to tens, hundreds and so on.
func (d Decimal) Round(places int32, mode RoundingMode) Decimal {
	return Decimal{v: mode.apply(d.v, places)}
}

// Trim drops the trailing zeros of the fraction without changing the
// value: 98.750000 becomes 98.75 and 100.00 becomes 100. Computed results
// are reported in this form.
func (d Decimal) Trim() Decimal {
	if d.v.Exponent() >= 0 {
		return d
	}
	n := d.v.Normalize()
	if n.Exponent() > 0 {
		n = n.Round(0) // back to exponent 0: 100, not 1E2
	}
	return Decimal{v: n}
}

// Places returns the number of digits after the decimal point the value
// carries ("1.50" has 2, "100" has 0).
func (d Decimal) Places() int32 { return max(-d.v.Exponent(), 0) }

// Float64 returns the nearest float64, for charts and statistics; it is
// not exact.
func (d Decimal) Float64() float64 { return d.v.InexactFloat64() }

// Int64 returns the integer part of d (truncated toward zero) and whether
// d is a whole number that fits in an int64.
func (d Decimal) Int64() (int64, bool) {
	if !d.v.IsInteger() || d.v.Abs().GreaterThan(decimal.NewFromInt(math.MaxInt64)) {
		return d.v.IntPart(), false
	}
	return d.v.IntPart(), true
}

// MinDecimal returns the smallest of the values; the minimum of nothing is 0.
func MinDecimal(ds ...Decimal) Decimal {
	if len(ds) == 0 {
		return Decimal{}
	}
	m := ds[0]
	for _, d := range ds[1:] {
		if d.LessThan(m) {
			m = d
		}
	}
	return m
}

// MaxDecimal returns the largest of the values; the maximum of nothing is 0.
func MaxDecimal(ds ...Decimal) Decimal {
	if len(ds) == 0 {
		return Decimal{}
	}
	m := ds[0]
	for _, d := range ds[1:] {
		if d.GreaterThan(m) {
			m = d
		}
	}
	return m
}
