package contract

// Recurring dates (obligations, fee periods, meetings, renewal terms) are
// anchor + every × k for k = 0, 1, 2…, each counted from the anchor so
// that month ends do not drift. The helpers here find an occurrence by
// arithmetic from the anchor, in a few steps whatever the horizon.

// nth returns occurrence k of a recurrence: anchor + every × k.
func nth(anchor Date, every Span, k int) Date { return every.Times(k).AddTo(anchor) }

// firstOnOrAfter returns the smallest k ≥ 0 whose occurrence
// anchor + every × k is not before d. every is longer than zero.
func firstOnOrAfter(anchor Date, every Span, d Date) int {
	est := 0
	if days := anchor.DaysUntil(d); days > 0 {
		// the Gregorian calendar's mean month is 146097 / 4800 days, and
		// a run of months strays from it by a few days only
		est = days * 4800 / (every.months*146097 + every.days*4800)
	}
	return firstHolding(est, func(k int) bool { return !nth(anchor, every, k).Before(d) })
}

// firstHolding returns the smallest k ≥ 0 for which ok holds, where ok is
// false up to some k and true from there on, stepping from est, an
// estimate a few steps off at most.
func firstHolding(est int, ok func(k int) bool) int {
	k := est
	for k > 0 && ok(k-1) {
		k--
	}
	for !ok(k) {
		k++
	}
	return k
}

// occurrences calls fn with each occurrence anchor + every × k that lies
// from from to until (both inclusive), in order, starting at the first
// such k found by arithmetic; a zero every gives the anchor alone. It
// stops when fn returns false.
func occurrences(anchor Date, every Span, from, until Date, fn func(k int, d Date) bool) {
	k := 0
	if !every.IsZero() {
		k = firstOnOrAfter(anchor, every, from)
	} else if anchor.Before(from) {
		return
	}
	for ; ; k++ {
		d := nth(anchor, every, k)
		if d.After(until) || !fn(k, d) || every.IsZero() {
			return
		}
	}
}
