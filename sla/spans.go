package sla

import (
	"cmp"
	"slices"
	"sort"
)

// span is a half-open interval [s, e) in Unix nanoseconds.
type span struct{ s, e int64 }

// mergeSpans sorts spans and unites overlapping or touching ones, in place.
func mergeSpans(in []span) []span {
	slices.SortFunc(in, func(a, b span) int { return cmp.Compare(a.s, b.s) })
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
