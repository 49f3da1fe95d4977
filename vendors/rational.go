package vendors

import (
	"cmp"
	"math"
	"math/big"
	"math/bits"

	"github.com/outsourcing-go/outsourcing"
)

// num is an exact rational number: the fraction n/d in lowest terms with
// d > 0 while both fit in an int64, else r. Panel scores, weights, gates
// and thresholds are short decimals ("7", "3.8", "0.3"), so aggregating
// them runs in int64 arithmetic without allocating; an operation whose
// result would not fit computes in math/big instead. Every operation is
// therefore exact for any input, and the decisions taken on its results
// (a gate passed at or above, an outlier flagged strictly over the
// threshold) are exact too. Operations never modify their operands, so
// values may be shared. The zero value is 0.
type num struct {
	n, d int64 // d == 0 only in the zero value, read as 0/1
	r    *big.Rat
}

// pow10 holds 10⁰ to 10¹⁸, the powers of ten an int64 holds.
var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// numOf returns x exactly: coefficient over a power of ten when both fit
// in an int64 (any decimal of at most 18 digits), else as a big.Rat.
func numOf(x outsourcing.Decimal) num {
	d := x.Shopspring()
	if e := d.Exponent(); e >= -18 && e <= 18 && d.NumDigits() <= 18 {
		c := d.CoefficientInt64()
		if e <= 0 {
			return frac(c, pow10[-e])
		}
		var o overflow
		if n := o.mul(c, pow10[e]); !o.bad {
			return num{n: n, d: 1}
		}
	}
	return ratNum(d.Rat())
}

// intNum returns the integer i.
func intNum(i int64) num { return num{n: i, d: 1} }

// frac returns n/d (d > 0, neither math.MinInt64) in lowest terms.
func frac(n, d int64) num {
	a, b := uint64(n), uint64(d)
	if n < 0 {
		a = uint64(-n)
	}
	for b != 0 {
		a, b = b, a%b
	}
	if a > 1 {
		n, d = n/int64(a), d/int64(a)
	}
	return num{n: n, d: d}
}

// ratNum returns r, as an int64 fraction when it fits.
func ratNum(r *big.Rat) num {
	if n, d := r.Num(), r.Denom(); n.IsInt64() && d.IsInt64() && n.Int64() != math.MinInt64 {
		return num{n: n.Int64(), d: d.Int64()}
	}
	return num{r: r}
}

// small returns the int64 fraction, ok false when the value is a big.Rat.
func (a num) small() (n, d int64, ok bool) {
	if a.r != nil {
		return 0, 0, false
	}
	return a.n, max(a.d, 1), true
}

// rat returns a as a big.Rat the caller must not modify.
func (a num) rat() *big.Rat {
	if a.r != nil {
		return a.r
	}
	return new(big.Rat).SetFrac64(a.n, max(a.d, 1))
}

func (a num) add(b num) num {
	if an, ad, ok := a.small(); ok {
		if bn, bd, ok := b.small(); ok {
			var o overflow
			n, d := o.add(an, bn), ad
			if ad != bd {
				n, d = o.add(o.mul(an, bd), o.mul(bn, ad)), o.mul(ad, bd)
			}
			if !o.bad {
				return frac(n, d)
			}
		}
	}
	return ratNum(new(big.Rat).Add(a.rat(), b.rat()))
}

func (a num) sub(b num) num { return a.add(b.neg()) }

func (a num) neg() num {
	if a.r != nil {
		return num{r: new(big.Rat).Neg(a.r)}
	}
	return num{n: -a.n, d: a.d}
}

func (a num) abs() num {
	if a.sign() < 0 {
		return a.neg()
	}
	return a
}

func (a num) mul(b num) num {
	if an, ad, ok := a.small(); ok {
		if bn, bd, ok := b.small(); ok {
			var o overflow
			if n, d := o.mul(an, bn), o.mul(ad, bd); !o.bad {
				return frac(n, d)
			}
		}
	}
	return ratNum(new(big.Rat).Mul(a.rat(), b.rat()))
}

// quo returns a/b; b is not zero.
func (a num) quo(b num) num {
	if an, ad, ok := a.small(); ok {
		if bn, bd, ok := b.small(); ok {
			var o overflow
			if n, d := o.mul(an, bd), o.mul(ad, bn); !o.bad {
				if d < 0 {
					n, d = -n, -d
				}
				return frac(n, d)
			}
		}
	}
	return ratNum(new(big.Rat).Quo(a.rat(), b.rat()))
}

func (a num) sign() int {
	if a.r != nil {
		return a.r.Sign()
	}
	return cmp.Compare(a.n, 0)
}

// cmp compares a and b exactly: int64 fractions by their 128-bit cross
// products, which cannot overflow.
func (a num) cmp(b num) int {
	an, ad, ok1 := a.small()
	bn, bd, ok2 := b.small()
	if !ok1 || !ok2 {
		return a.rat().Cmp(b.rat())
	}
	if sa, sb := cmp.Compare(an, 0), cmp.Compare(bn, 0); sa != sb || sa == 0 {
		return cmp.Compare(sa, sb)
	}
	h1, l1 := bits.Mul64(uint64(max(an, -an)), uint64(bd))
	h2, l2 := bits.Mul64(uint64(max(bn, -bn)), uint64(ad))
	c := cmp.Compare(h1, h2)
	if c == 0 {
		c = cmp.Compare(l1, l2)
	}
	if an < 0 {
		return -c
	}
	return c
}

// float returns the float64 nearest to a: an int64 fraction whose parts
// are at most 2⁵³ is a quotient of two exact float64 values, which IEEE
// 754 division rounds correctly; any other value goes through
// big.Rat.Float64, which also returns the nearest.
func (a num) float() float64 {
	if n, d, ok := a.small(); ok && n <= 1<<53 && n >= -1<<53 && d <= 1<<53 {
		return float64(n) / float64(d)
	}
	f, _ := a.rat().Float64()
	return f
}

// overflow is int64 arithmetic that records whether a result left the
// range ±(2⁶³−1); math.MinInt64 counts as out of range so that negating
// a result is always safe.
type overflow struct{ bad bool }

func (o *overflow) add(a, b int64) int64 {
	s := a + b
	if (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0) || s == math.MinInt64 {
		o.bad = true
	}
	return s
}

func (o *overflow) mul(a, b int64) int64 {
	neg := (a < 0) != (b < 0)
	hi, lo := bits.Mul64(uint64(max(a, -a)), uint64(max(b, -b)))
	if hi != 0 || lo > math.MaxInt64 {
		o.bad = true
	}
	if neg {
		return -int64(lo)
	}
	return int64(lo)
}
