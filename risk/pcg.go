package risk

import "math/bits"

// pcg is math/rand/v2's PCG: a 128-bit linear congruential generator
// with the multiplier and increment of O'Neill's reference implementation
// (pcg-cpp, pcg_random.hpp) and its DXSM output function. Seeded with the
// same two words (hi = seed1, lo = seed2) it yields the same values as
// rand.NewPCG (tested). It is a plain value so that a sampling loop can
// hold it in a local variable, which the compiler keeps in registers; a
// *rand.PCG's state goes through memory on every draw.
type pcg struct{ hi, lo uint64 }

// step returns the generator advanced by one step: state·mul + inc
// modulo 2^128.
func (p pcg) step() pcg {
	const mulHi, mulLo = 0x2360ed051fc65da4, 0x4385df649fccf645
	const incHi, incLo = 0x5851f42d4c957f2d, 0x14057b7ef767814f
	hi, lo := bits.Mul64(p.lo, mulLo)
	lo, carry := bits.Add64(lo, incLo, 0)
	return pcg{hi + p.hi*mulLo + p.lo*mulHi + incHi + carry, lo}
}

// value is the output of the current state (DXSM, "double xorshift
// multiply").
func (p pcg) value() uint64 {
	x := p.hi ^ p.hi>>32
	x *= 0xda942042e4dd58b5
	x ^= x >> 48
	return x * (p.lo | 1)
}

// Uint64 advances the generator and returns its value, so a *pcg is a
// rand.Source.
func (p *pcg) Uint64() uint64 {
	*p = p.step()
	return p.value()
}
