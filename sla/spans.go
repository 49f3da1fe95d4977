package sla

import (
	"cmp"
	"slices"
	"sort"
)

// span is a half-open interval [s, e) in Unix nanoseconds.
type span struct{ s, e int64 }

// mergeSpans sorts spans and unites overlapping or touching ones, in
// place; buf is sortSpans's.
func mergeSpans(in []span, buf *[]span) []span {
	sortSpans(in, buf)
	out := in[:0]
	for _, x := range in {
		if n := len(out); n > 0 && x.s <= out[n-1].e {
			out[n-1].e = max(out[n-1].e, x.e)
			continue
		}
		out = append(out, x)
	}
	return out
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
	hi := lo
	for hi < len(spans) && spans[hi].s < e {
		hi++
	}
	return spans[lo:hi]
}

// clipTotal returns the total length of sorted, merged spans inside [s, e)
// and how many spans overlap it.
func clipTotal(spans []span, s, e int64) (total int64, n int) {
	in := within(spans, s, e)
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

// bucketMin is the length from which sortSpans distributes spans into
// buckets: below it a comparison sort is as fast and needs no buffer.
const bucketMin = 128

// buckets is how many buckets sortSpans distributes into.
const buckets = 1024

// sortSpans sorts spans by start. Spans read from events are often in
// order already, which is checked first. Long lists are distributed by
// start into equal ranges between the least and the greatest start (a
// counting pass and a scatter pass, no comparison closure), and each
// bucket is then sorted on its own: by insertion when small, as buckets
// are when starts spread over the period, by a comparison sort
// otherwise, so clustered starts cost no more than a comparison sort.
//
// buf is room for the distribution, kept for the next call; nil allocates.
func sortSpans(x []span, buf *[]span) {
	if slices.IsSortedFunc(x, cmpStart) {
		return
	}
	if len(x) < bucketMin {
		slices.SortFunc(x, cmpStart)
		return
	}
	lo, hi := x[0].s, x[0].s
	for _, v := range x {
		lo, hi = min(lo, v.s), max(hi, v.s)
	}
	shift := uint(0)
	for uint64(hi-lo)>>shift >= buckets {
		shift++
	}
	var start [buckets + 1]int32
	for _, v := range x {
		start[uint64(v.s-lo)>>shift+1]++
	}
	for b := 1; b <= buckets; b++ {
		start[b] += start[b-1]
	}
	if buf == nil {
		buf = new([]span)
	}
	if cap(*buf) < len(x) {
		*buf = make([]span, len(x))
	}
	tmp := (*buf)[:len(x)]
	next := start
	for _, v := range x {
		b := uint64(v.s-lo) >> shift
		tmp[next[b]] = v
		next[b]++
	}
	for b := range buckets {
		part := tmp[start[b]:start[b+1]]
		if len(part) > 16 {
			slices.SortFunc(part, cmpStart)
			continue
		}
		for i := 1; i < len(part); i++ { // insertion sort
			for j := i; j > 0 && part[j].s < part[j-1].s; j-- {
				part[j], part[j-1] = part[j-1], part[j]
			}
		}
	}
	copy(x, tmp)
}

func cmpStart(a, b span) int { return cmp.Compare(a.s, b.s) }
