package risk

// Guide table sizes: a draw's bucket is the top guideBits of its uniform.
const (
	guideBits  = 8
	guideSize  = 1 << guideBits
	guideExact = 1 << 31 // flags a bucket all of whose draws give one count
)

// poissonTable draws Poisson(λ) for a fixed λ below 10 by inversion, with
// the same counts as poisson: a table of the cumulative probabilities
// (built by poissonSteps' recurrence) and a guide table (Chen and Asau,
// "On generating random variates from an empirical distribution", AIIE
// Transactions 6(2), 1974) giving for each of 256 buckets of the uniform
// the count of its smallest value. A bucket that no cumulative
// probability splits gives its count without any comparison (all but a
// few per cent of draws); the others search on from it.
type poissonTable struct {
	cdf   []float64
	guide [guideSize]uint32 // count of the bucket's smallest u, | guideExact
}

// newPoissonTable returns the table for Poisson(lambda), expNeg =
// exp(−lambda); nil unless 0 < lambda < 10.
func newPoissonTable(lambda, expNeg float64) *poissonTable {
	if !(lambda > 0 && lambda < 10) {
		return nil
	}
	t := &poissonTable{}
	for f := range poissonSteps(lambda, expNeg) {
		t.cdf = append(t.cdf, f)
	}
	for j := range t.guide {
		lo := t.search(0, float64(j)/guideSize)
		hi := t.search(lo, float64(j+1)/guideSize-0x1p-53) // the bucket's largest u
		t.guide[j] = uint32(lo)
		if lo == hi {
			t.guide[j] |= guideExact
		}
	}
	return t
}

// draw returns the count for one draw of the generator: the first k with
// u ≤ F_k for u = unitFloat(bits), or maxPoissonSearch when u is above
// every F_k.
func (t *poissonTable) draw(bits uint64) int {
	g := t.guide[bits>>(53-guideBits)&(guideSize-1)]
	k := int(g &^ guideExact)
	if g&guideExact == 0 {
		k = t.search(k, unitFloat(bits))
	}
	return k
}

// search returns the first k' ≥ k with u ≤ F_k', or maxPoissonSearch.
func (t *poissonTable) search(k int, u float64) int {
	for ; k < len(t.cdf); k++ {
		if !(u > t.cdf[k]) {
			return k
		}
	}
	return maxPoissonSearch
}
