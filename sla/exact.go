package sla

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/outsourcing-go/outsourcing"
	"github.com/shopspring/decimal"
)

// frac is an exact rational value. Measured figures are ratios of int64
// counts and nanoseconds, so they are held as n/d (d > 0) and compared by
// 128-bit cross products, with no allocation; a value that does not fit
// (a custom metric or a latency with many digits) is held in r instead.
type frac struct {
	n, d int64
	r    *big.Rat // non-nil: the value, n and d unused
}

// fracOf returns n/d; d must be positive.
func fracOf(n, d int64) frac { return frac{n: n, d: d} }

// percentOf returns 100·n/d exactly; d must be positive.
func percentOf(n, d int64) frac {
	g := int64(gcd(100, uint64(d)))
	hi, lo := mul128(n, 100/g)
	if !fitsInt64(hi, lo) {
		r := big.NewRat(n, d)
		return frac{r: r.Mul(r, ratHundred)}
	}
	return frac{n: int64(lo), d: d / g}
}

// fracOfDecimal converts a decimal exactly.
func fracOfDecimal(v decimal.Decimal) frac {
	c, exp := v.Coefficient(), v.Exponent()
	if c.IsInt64() && exp <= 0 && exp >= -18 {
		return frac{n: c.Int64(), d: pow10(int(-exp))}
	}
	if c.IsInt64() && exp > 0 && exp <= 18 {
		hi, lo := mul128(c.Int64(), pow10(int(exp)))
		if fitsInt64(hi, lo) {
			return frac{n: int64(lo), d: 1}
		}
	}
	return frac{r: toRat(v)}
}

func pow10(k int) int64 {
	p := int64(1)
	for range k {
		p *= 10
	}
	return p
}

// rat returns the value as a new big.Rat.
func (x frac) rat() *big.Rat {
	if x.r != nil {
		return new(big.Rat).Set(x.r)
	}
	return big.NewRat(x.n, x.d)
}

// cmp compares x and y: -1, 0 or +1.
func (x frac) cmp(y frac) int {
	if x.r != nil || y.r != nil {
		return x.rat().Cmp(y.rat())
	}
	ah, al := mul128(x.n, y.d)
	bh, bl := mul128(y.n, x.d)
	switch {
	case ah != bh:
		return cmpInt(ah, bh)
	case al < bl:
		return -1
	case al > bl:
		return 1
	}
	return 0
}

func cmpInt(a, b int64) int {
	if a < b {
		return -1
	}
	return 1
}

// mul128 returns x·y as a signed 128-bit integer (hi, lo).
func mul128(x, y int64) (int64, uint64) {
	hi, lo := bits.Mul64(uabs(x), uabs(y))
	if (x < 0) != (y < 0) {
		lo = ^lo + 1
		hi = ^hi
		if lo == 0 {
			hi++
		}
	}
	return int64(hi), lo
}

func fitsInt64(hi int64, lo uint64) bool {
	return (hi == 0 && lo <= math.MaxInt64) || (hi == -1 && lo > math.MaxInt64)
}

func uabs(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

// round returns x rounded to places decimal places, half away from zero,
// without trailing zeros (98.75, not 98.750000).
func (x frac) round(places int) outsourcing.Decimal {
	if q, exp, ok := x.roundParts(places); ok {
		return outsourcing.DecimalOf(decimal.New(q, exp))
	}
	return ratDecimal(x.rat(), int32(places))
}

// roundParts is round as q·10^exp in int64, when it fits (ok).
func (x frac) roundParts(places int) (q int64, exp int32, ok bool) {
	if x.r != nil || places > 18 {
		return 0, 0, false
	}
	hi, lo := bits.Mul64(uabs(x.n), uint64(pow10(places)))
	d := uint64(x.d)
	if hi >= d {
		return 0, 0, false
	}
	u, rem := bits.Div64(hi, lo, d)
	if rem >= d-rem { // 2·rem ≥ d, without overflow
		u++
	}
	if u > math.MaxInt64 {
		return 0, 0, false
	}
	exp = int32(-places)
	for u != 0 && u%10 == 0 && exp < 0 {
		u /= 10
		exp++
	}
	if u == 0 {
		exp = 0
	}
	q = int64(u)
	if x.n < 0 {
		q = -q
	}
	return q, exp, true
}

// appendRounded writes x rounded as round does, in Decimal.String's form.
func (x frac) appendRounded(b []byte, places int) []byte {
	if q, exp, ok := x.roundParts(places); ok {
		return appendFixed(b, q, int(-exp))
	}
	return append(b, x.round(places).String()...)
}

// appendExact appends x as a reduced fraction ("431995/4320"), or an
// integer when the denominator is 1, as big.Rat.RatString writes it.
func (x frac) appendExact(b []byte) []byte {
	if x.r != nil {
		return append(b, x.r.RatString()...)
	}
	g := gcd(uabs(x.n), uint64(x.d))
	n, d := x.n, x.d
	if g > 1 {
		n, d = n/int64(g), d/int64(g)
	}
	b = strconv.AppendInt(b, n, 10)
	if d != 1 {
		b = append(b, '/')
		b = strconv.AppendInt(b, d, 10)
	}
	return b
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 1
	}
	return a
}

// appendFixed writes q·10^-places with exactly places fraction digits
// ("0.05" for q = 5, places = 2).
func appendFixed(b []byte, q int64, places int) []byte {
	if q < 0 {
		b = append(b, '-')
	}
	var buf [24]byte
	s := strconv.AppendUint(buf[:0], uabs(q), 10)
	if len(s) <= places {
		b = append(b, '0', '.')
		for range places - len(s) {
			b = append(b, '0')
		}
		return append(b, s...)
	}
	b = append(b, s[:len(s)-places]...)
	if places > 0 {
		b = append(b, '.')
		b = append(b, s[len(s)-places:]...)
	}
	return b
}
