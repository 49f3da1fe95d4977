package risk

import "math"

// expTable holds 2^(j/64) for j = 0..63, for fastExp.
var expTable = func() (t [64]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / 64)
	}
	return t
}()

// fastExp returns e^x for the magnitudes a simulation draws, within a few
// units in the last place of math.Exp (tested): x·log2(e) = k + j/64 + r
// with |r| ≤ 1/128, e^x = 2^k · 2^(j/64) · e^(r·ln 2), the last factor by
// its Taylor polynomial of degree 6 (error below 2⁻⁵⁸). Outside ±700 it
// defers to math.Exp (overflow, underflow and NaN included).
func fastExp(x float64) float64 {
	if !(x > -700 && x < 700) {
		return math.Exp(x)
	}
	t := x * (64 / math.Ln2)
	n := math.Floor(t + 0.5)
	// r = x − n·ln2/64 in two parts for accuracy (Cody–Waite).
	const hi, lo = 0.010830424667801708, 2.8447437476627285e-11 // ln2/64 = hi + lo, hi with 24 low bits clear
	r := (x - n*hi) - n*lo
	p := 1 + r*(1+r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120+r*(1.0/720))))))
	k := int64(n)
	j := k & 63
	// |x| < 700 keeps the power of two (k − j)/64 within ±1010, a normal
	// float64 built from its exponent bits.
	return expTable[j] * p * math.Float64frombits(uint64((k-j)/64+1023)<<52)
}
