package risk

import "math"

// expTableBits is log2 of the size of expTable.
const expTableBits = 10

// expTable holds 2^(j/1024) for j = 0..1023 (8 KiB), for fastExp.
var expTable = func() (t [1 << expTableBits]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / (1 << expTableBits))
	}
	return t
}()

// fastExp returns e^x for the magnitudes a simulation draws, within a few
// units in the last place of math.Exp (tested): x = (k + j/1024)·ln 2 + r
// with |r| ≤ ln2/2048, e^x = 2^k · (t + t·q) for t = 2^(j/1024) and
// q = e^r − 1 by its Taylor polynomial of degree 4 (error below 2⁻⁶⁴),
// evaluated in Estrin's scheme so its multiplications overlap. Outside
// ±700 it defers to math.Exp (overflow, underflow and NaN included).
func fastExp(x float64) float64 {
	if !(x > -700 && x < 700) {
		return math.Exp(x)
	}
	n := math.Floor(x*((1<<expTableBits)/math.Ln2) + 0.5)
	// r = x − n·ln2/1024 in two parts for accuracy (Cody–Waite); hi has
	// its 24 low bits clear, so n·hi is exact for |n| < 2^21.
	const hi, lo = 0.0006769015417376067, 1.7779648422892053e-12
	r := (x - n*hi) - n*lo
	r2 := r * r
	q := r + r2*((1.0/2+r*(1.0/6))+r2*(1.0/24)) // e^r − 1, kept apart from the 1 for accuracy
	k := int64(n)
	t := expTable[k&(1<<expTableBits-1)]
	// |x| < 700 keeps the power of two k >> 10 within ±1010, a normal
	// float64 built from its exponent bits.
	return (t + t*q) * math.Float64frombits(uint64(k>>expTableBits+1023)<<52)
}
