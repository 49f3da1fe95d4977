package sla

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"
)

// span is a half-open interval [s, e) in Unix nanoseconds.
type span struct{ s, e int64 }

// mergeSpans sorts spans by start and unites overlapping or touching
// ones, in place; so is room for a long list's bucket sort, kept for the
// next call (nil allocates).
func mergeSpans(in []span, so *spanSorter) []span { return mergeInOrder(in, startOrder(in), so) }

// mergeInOrder is mergeSpans for spans whose order o is known.
func mergeInOrder(in []span, o order, so *spanSorter) []span {
	if !o.sorted {
		if len(in) >= bucketMin {
			return so.sortMerge(in, o.lo, o.hi)
		}
		slices.SortFunc(in, func(a, b span) int { return cmp.Compare(a.s, b.s) })
	}
	return unite(in[:0], in)
}

// unite writes the spans of in, sorted by start, to the start of out's
// storage, uniting overlapping or touching ones, and returns them; out
// has room for len(in) spans and may be in.
func unite(out, in []span) []span {
	if len(in) == 0 {
		return out[:0]
	}
	out = out[:len(in)]
	n, cur := 0, in[0]
	for _, x := range in[1:] {
		if x.s <= cur.e {
			cur.e = max(cur.e, x.e)
			continue
		}
		out[n], cur = cur, x
		n++
	}
	out[n] = cur
	return out[:n+1]
}

// order says whether spans are sorted by start, and gives their least
// and greatest start.
type order struct {
	sorted bool
	lo, hi int64
}

// startOrder returns the order of spans.
func startOrder(x []span) order {
	o := order{sorted: true}
	for i, v := range x {
		o.add(v.s, i == 0)
	}
	return o
}

// add counts start s, the first when first is true, into the order of
// the starts before it.
func (o *order) add(s int64, first bool) {
	if first {
		o.lo, o.hi = s, s
		return
	}
	o.sorted = o.sorted && s >= o.hi // the greatest start so far is the one before, while sorted
	o.lo, o.hi = min(o.lo, s), max(o.hi, s)
}

// subtractSpans returns a minus b; both sorted and merged.
func subtractSpans(a, b []span) []span {
	if len(b) == 0 {
		return a
	}
	out := make([]span, 0, len(a))
	j := 0
	for _, x := range a {
		for j < len(b) && b[j].e <= x.s {
			j++
		}
		cur := x.s
		for k := j; k < len(b) && b[k].s < x.e; k++ {
			if b[k].s > cur {
				out = append(out, span{cur, b[k].s})
			}
			cur = max(cur, b[k].e)
		}
		if cur < x.e {
			out = append(out, span{cur, x.e})
		}
	}
	return out
}

// intersectSpans returns a ∩ b; both sorted and merged.
func intersectSpans(a, b []span) []span {
	var out []span
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		s, e := max(a[i].s, b[j].s), min(a[i].e, b[j].e)
		if s < e {
			out = append(out, span{s, e})
		}
		if a[i].e < b[j].e {
			i++
		} else {
			j++
		}
	}
	return out
}

// within returns the sub-slice of sorted, merged spans that overlap [s, e).
func within(spans []span, s, e int64) []span {
	lo := sort.Search(len(spans), func(i int) bool { return spans[i].e > s })
	return startingBefore(spans, lo, e)
}

// startingBefore returns spans[lo:hi], the spans from lo on that start
// before e.
func startingBefore(spans []span, lo int, e int64) []span {
	hi := lo
	for hi < len(spans) && spans[hi].s < e {
		hi++
	}
	return spans[lo:hi]
}

// clipTotal returns the total length of sorted, merged spans inside [s, e)
// and how many spans overlap it.
func clipTotal(spans []span, s, e int64) (total int64, n int) {
	return clippedLength(within(spans, s, e), s, e)
}

// clipNext is clipTotal for periods measured in time order: *next is
// where the spans of the period before began (0 for the first), and no
// span before it ends after s, so the spans are read forward from there,
// each about once, instead of searched. It moves *next to this period's.
// A period earlier than the one before reads from the first span.
func clipNext(spans []span, s, e int64, next *int) (total int64, n int) {
	lo := *next
	if lo > len(spans) || (lo > 0 && spans[lo-1].e > s) {
		lo = 0
	}
	for lo < len(spans) && spans[lo].e <= s {
		lo++
	}
	*next = lo
	return clippedLength(startingBefore(spans, lo, e), s, e)
}

// clippedLength returns the total length of spans inside [s, e) and how
// many there are.
func clippedLength(in []span, s, e int64) (total int64, n int) {
	for _, x := range in {
		total += min(x.e, e) - max(x.s, s)
	}
	return total, len(in)
}

// clipSpans returns sorted, merged spans cut to [s, e).
func clipSpans(spans []span, s, e int64) []span {
	in := within(spans, s, e)
	out := make([]span, len(in))
	for i, x := range in {
		out[i] = span{max(x.s, s), min(x.e, e)}
	}
	return out
}

// covers reports whether one of the sorted, merged spans holds all of
// [s, e).
func covers(spans []span, s, e int64) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].e > s })
	return i < len(spans) && spans[i].s <= s && e <= spans[i].e
}

// bucketMin is the length from which mergeSpans distributes spans into
// buckets: below it a comparison sort is as fast and needs no buffer.
const bucketMin = 128

// spanSorter is the room a bucket sort of spans needs: the spans
// distributed, and a count per bucket.
type spanSorter struct {
	tmp   []span
	count []int32
}

// sortMerge is mergeSpans for a long list out of order. The spans are
// distributed by start into about as many equal ranges between the least
// and the greatest start as there are spans (a counting pass and a
// scatter pass, no comparison closure), then sorted within their buckets
// and united into in. When no bucket holds more than a few spans, as when
// starts spread over the period, one insertion pass sorts them all (a
// span never passes one of an earlier bucket); otherwise each bucket is
// sorted on its own, the large ones by a comparison sort, so clustered
// starts cost no more than a comparison sort.
// lo and hi are the least and greatest start.
func (so *spanSorter) sortMerge(in []span, lo, hi int64) []span {
	if so == nil {
		so = &spanSorter{}
	}
	buckets := 1 << bits.Len(uint(len(in)-1)) // a power of two ≥ len(in)
	shift := uint(0)
	for uint64(hi-lo)>>shift >= uint64(buckets) {
		shift++
	}
	if cap(so.count) < buckets {
		so.count = make([]int32, buckets)
	}
	if cap(so.tmp) < len(in) {
		so.tmp = make([]span, len(in))
	}
	count, tmp := so.count[:buckets], so.tmp[:len(in)]
	clear(count)
	most := int32(0)
	for _, v := range in {
		b := uint64(v.s-lo) >> shift
		count[b]++
		most = max(most, count[b])
	}
	run := int32(0)
	for b, c := range count { // count[b] becomes bucket b's start
		count[b] = run
		run += c
	}
	for _, v := range in { // count[b] moves from bucket b's start to its end
		b := uint64(v.s-lo) >> shift
		tmp[count[b]] = v
		count[b]++
	}
	if most <= smallBucket { // one insertion pass: a span never passes one of an earlier bucket
		insertionSort(tmp)
		return unite(in[:0], tmp)
	}
	from := int32(0)
	for b := range buckets {
		part := tmp[from:count[b]]
		from = count[b]
		if len(part) > smallBucket {
			slices.SortFunc(part, func(a, b span) int { return cmp.Compare(a.s, b.s) })
		} else {
			insertionSort(part)
		}
	}
	return unite(in[:0], tmp)
}

// smallBucket is the most spans a bucket sorted by insertion holds.
const smallBucket = 16

// insertionSort sorts spans by start, stably.
func insertionSort(x []span) {
	for i := 1; i < len(x); i++ {
		v, j := x[i], i
		for ; j > 0 && x[j-1].s > v.s; j-- {
			x[j] = x[j-1]
		}
		x[j] = v
	}
}
