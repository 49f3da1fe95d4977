package outsourcing

import (
	"encoding/json"
)

// Percent is an exact percentage in percentage points: 12.5 means 12.5 %.
// Contract figures (credit %, at-risk %, pool allocation %, escalation)
// use it so they never pass through float64. The zero value is 0 %.
// On the wire it is a decimal string: "12.5".
type Percent struct {
	points Decimal
}

// NewPercent returns points percent (12.5 for 12.5 %).
func NewPercent(points Decimal) Percent { return Percent{points: points} }

// ParsePercent parses a plain decimal string of percentage points ("12.5").
func ParsePercent(s string) (Percent, error) {
	d, err := ParseDecimal(s)
	if err != nil {
		return Percent{}, err
	}
	return Percent{points: d}, nil
}

// MustPercent is ParsePercent for constants; it panics on invalid input.
func MustPercent(s string) Percent {
	p, err := ParsePercent(s)
	if err != nil {
		panic(err)
	}
	return p
}

// Points returns the percentage points (12.5 for 12.5 %).
func (p Percent) Points() Decimal { return p.points }

// Fraction returns the percentage as a fraction (0.125 for 12.5 %), exactly.
func (p Percent) Fraction() Decimal { return Decimal{v: p.points.v.Shift(-2)} }

// Of returns p percent of m, exactly (not rounded).
func (p Percent) Of(m Money) Money { return m.Mul(p.Fraction()) }

// Cmp compares two percentages: −1, 0 or +1.
func (p Percent) Cmp(o Percent) int { return p.points.Cmp(o.points) }

// IsZero reports whether p is 0 %.
func (p Percent) IsZero() bool { return p.points.IsZero() }

// Between reports whether lo ≤ p ≤ hi.
func (p Percent) Between(lo, hi Percent) bool { return p.Cmp(lo) >= 0 && p.Cmp(hi) <= 0 }

// String formats p as "12.5%".
func (p Percent) String() string { return p.points.String() + "%" }

// MarshalJSON encodes p as a decimal string of percentage points ("12.5").
func (p Percent) MarshalJSON() ([]byte, error) { return json.Marshal(p.points.String()) }

// UnmarshalJSON decodes a decimal string of percentage points ("12.5").
func (p *Percent) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return FieldErrorf("", "want a decimal string of percentage points such as \"12.5\"")
	}
	parsed, err := ParsePercent(s)
	if err != nil {
		return err
	}
	*p = parsed
	return nil
}
