package risk

import (
	"cmp"
	"math"
	"slices"
	"sync"
)

// quantiles returns the type-7 quantiles of a at each q in [0,1], by
// selecting only the order statistics they need (no full sort). It
// reorders a; workers bounds the goroutines it uses.
func quantiles(a []float64, qs []float64, workers int) []float64 {
	n := len(a)
	var ks []int
	for _, q := range qs {
		h := q * float64(n-1)
		lo := int(math.Floor(h))
		ks = append(ks, lo)
		if lo+1 < n {
			ks = append(ks, lo+1)
		}
	}
	slices.Sort(ks)
	ks = slices.Compact(ks)
	stat := orderStatistics(a, ks, workers)
	out := make([]float64, len(qs))
	for i, q := range qs {
		h := q * float64(n-1)
		lo := int(math.Floor(h))
		v := stat[lo]
		if lo+1 < n {
			v += (h - float64(lo)) * (stat[lo+1] - v)
		}
		out[i] = v
	}
	return out
}

// minScanRange is the fewest values a goroutine of a bucket scan takes;
// smaller inputs are selected in place.
const minScanRange = 1 << 16

// orderStatistics returns the k-th smallest value of a for every k in ks
// (sorted, distinct). A large input is bucketed by the leading
// bucketBits of each value's order key: one pass counts the values per
// bucket, which names the bucket of every wanted rank and the rank within
// it; a second pass copies out the values of those buckets only, and
// selection among them gives the exact order statistics. Both passes
// split a into disjoint ranges on up to workers goroutines; counts add up
// and a bucket's values are the same multiset however a is split, so the
// result does not depend on the number of workers. It may reorder a.
func orderStatistics(a []float64, ks []int, workers int) map[int]float64 {
	out := make(map[int]float64, len(ks))
	if len(a) < minScanRange {
		multiSelect(a, 0, len(a), ks)
		for _, k := range ks {
			out[k] = a[k]
		}
		return out
	}
	parts := min(max(workers, 1), len(a)/minScanRange)
	ranges := make([][]float64, parts)
	for w := range ranges {
		ranges[w] = a[w*len(a)/parts : (w+1)*len(a)/parts]
	}
	counts := make([]*bucketCounts, parts)
	parallel(parts, parts, func(w int) { counts[w] = countBuckets(ranges[w]) })
	for _, c := range counts[1:] {
		for b, n := range c {
			counts[0][b] += n
		}
	}
	wanted, slot := wantedBuckets(counts[0], ks)
	found := make([][]bucketValues, parts)
	parallel(parts, parts, func(w int) { found[w] = collectBuckets(ranges[w], slot, len(wanted)) })
	stats := make([][]float64, len(wanted))
	parallel(len(wanted), workers, func(j int) {
		v := bucketValues{}
		for _, f := range found {
			v.merge(f[j])
		}
		stats[j] = v.select1(wanted[j].ranks)
	})
	for j, b := range wanted {
		for i, r := range b.ranks {
			out[b.below+r] = stats[j][i]
		}
	}
	return out
}

// parallel runs f(0), …, f(n−1) on up to workers goroutines and waits.
func parallel(n, workers int, f func(int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(workers, 1))
	for i := range n {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			f(i)
		})
	}
	wg.Wait()
}

// bucketBits is the number of leading order-key bits that name a value's
// bucket: the sign, the exponent and 4 bits of the mantissa, so a bucket
// spans 1/16 of a binade.
const bucketBits = 16

// bucketCounts counts values per bucket.
type bucketCounts [1 << bucketBits]uint32

// bucketOf returns the bucket of x: the leading bits of its order key,
// the float64 bits with the sign bit flipped for values ≥ +0 and all bits
// flipped below, which orders keys as the values (−0 before +0).
func bucketOf(x float64) uint64 {
	b := math.Float64bits(x)
	return (b ^ (uint64(int64(b)>>63) | 1<<63)) >> (64 - bucketBits)
}

// countBuckets counts the values of a per bucket (MaxTrials fits uint32).
func countBuckets(a []float64) *bucketCounts {
	c := new(bucketCounts)
	for _, x := range a {
		c[bucketOf(x)]++
	}
	return c
}

// wantedBucket is a bucket holding wanted ranks: below values lie in
// lower buckets, and ranks are the wanted ranks counted from there.
type wantedBucket struct {
	below int
	ranks []int
}

// wantedBuckets finds the bucket of every rank in ks (sorted) and numbers
// those buckets from 1 in slot (0 for buckets not wanted).
func wantedBuckets(c *bucketCounts, ks []int) ([]wantedBucket, *[1 << bucketBits]int32) {
	slot := new([1 << bucketBits]int32)
	var wanted []wantedBucket
	below, b := 0, 0
	for _, k := range ks {
		for below+int(c[b]) <= k {
			below += int(c[b])
			b++
		}
		if slot[b] == 0 {
			wanted = append(wanted, wantedBucket{below: below})
			slot[b] = int32(len(wanted))
		}
		w := &wanted[len(wanted)-1]
		w.ranks = append(w.ranks, k-below)
	}
	return wanted, slot
}

// collectBuckets copies the values of a that lie in wanted buckets, per
// slot. Most values lie in no wanted bucket, at random places: rather
// than branch on each, it writes every value to a small staging buffer
// and advances only past the wanted ones, then files them by slot.
func collectBuckets(a []float64, slot *[1 << bucketBits]int32, slots int) []bucketValues {
	out := make([]bucketValues, slots)
	var staged [256]float64
	var slotOf [256]int32
	n := 0
	flush := func() {
		for i, x := range staged[:n] {
			out[slotOf[i]-1].add(x)
		}
		n = 0
	}
	for _, x := range a {
		j := slot[bucketOf(x)]
		staged[uint8(n)], slotOf[uint8(n)] = x, j
		n += int(uint32(-j) >> 31) // 1 for a wanted bucket (j > 0)
		if n == len(staged) {
			flush()
		}
	}
	flush()
	return out
}

// bucketValues are the values found in one bucket. A run of one value
// (the years without loss) is kept as a count until another value comes.
type bucketValues struct {
	first  uint64 // bits of the repeated value, while values is nil
	same   int    // how many times it came
	values []float64
}

func (v *bucketValues) add(x float64) {
	if v.values == nil {
		if bits := math.Float64bits(x); v.same == 0 || bits == v.first {
			v.first = bits
			v.same++
			return
		}
		v.spill(1)
	}
	v.values = append(v.values, x)
}

// spill turns the run into values, with room for extra more.
func (v *bucketValues) spill(extra int) {
	v.values = make([]float64, v.same, v.same+extra)
	x := math.Float64frombits(v.first)
	for i := range v.values {
		v.values[i] = x
	}
}

// merge adds the values of o, found in another range.
func (v *bucketValues) merge(o bucketValues) {
	switch {
	case o.same == 0 && o.values == nil:
		return
	case v.values == nil && o.values == nil && (v.same == 0 || v.first == o.first):
		v.first = o.first
		v.same += o.same
		return
	}
	if o.values == nil {
		o.spill(0)
	}
	if v.values == nil {
		v.spill(len(o.values))
	}
	v.values = append(v.values, o.values...)
}

// select1 returns the order statistics ranks (sorted) of the values.
func (v *bucketValues) select1(ranks []int) []float64 {
	out := make([]float64, len(ranks))
	if v.values == nil {
		for i := range out {
			out[i] = math.Float64frombits(v.first)
		}
		return out
	}
	multiSelect(v.values, 0, len(v.values), ranks)
	for i, r := range ranks {
		out[i] = v.values[r]
	}
	return out
}

// multiSelect places the order statistics ks (sorted, in [lo, hi)) of
// a[lo:hi] at their indices, dividing and conquering on the middle one.
// Large disjoint halves are selected in parallel; the outcome does not
// depend on scheduling, since each half is only touched by one goroutine.
func multiSelect(a []float64, lo, hi int, ks []int) {
	if len(ks) == 0 {
		return
	}
	mid := len(ks) / 2
	k := ks[mid]
	nthElement(a, lo, hi-1, k)
	if k-lo < parallelSelect || mid == 0 {
		multiSelect(a, lo, k, ks[:mid])
		multiSelect(a, k+1, hi, ks[mid+1:])
		return
	}
	var wg sync.WaitGroup
	wg.Go(func() { multiSelect(a, lo, k, ks[:mid]) })
	multiSelect(a, k+1, hi, ks[mid+1:])
	wg.Wait()
}

// parallelSelect is the smallest range multiSelect hands to another goroutine.
const parallelSelect = 1 << 16

// nthElement rearranges a[lo..hi] (inclusive) so a[k] holds the value it
// would have if sorted, smaller or equal values before it, greater or
// equal after: Hoare's FIND with a median-of-three pivot.
func nthElement(a []float64, lo, hi, k int) {
	for lo < hi {
		mid := lo + (hi-lo)/2
		x := median3(a[lo], a[mid], a[hi])
		i, j := lo, hi
		for i <= j {
			for a[i] < x {
				i++
			}
			for x < a[j] {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		if j < k {
			lo = i
		}
		if k < i {
			hi = j
		}
	}
}

func median3(a, b, c float64) float64 {
	if cmp.Less(b, a) {
		a, b = b, a
	}
	if cmp.Less(c, b) {
		b = c
		if cmp.Less(b, a) {
			b = a
		}
	}
	return b
}

// upperBound returns the number of values in sorted that are ≤ x (the
// first index whose value is above x), by binary search without a closure.
func upperBound(sorted []float64, x float64) int {
	lo, hi := 0, len(sorted)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if sorted[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
