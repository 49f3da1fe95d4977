package sla

import (
	"strconv"

	"github.com/outsourcing-go/outsourcing"
)

// arena holds the storage of one Evaluate call's reports, allocated once
// for all periods and levels instead of value by value: the rounded
// values the reports point to, their error budgets, trends and signals,
// and their text. Text is written into one buffer while the reports are
// built and cut into strings (substrings of one string, so nothing is
// shared that a caller could change) when they are done.
type arena struct {
	decimals []outsourcing.Decimal
	budgets  []ErrorBudget
	trend    []TrendPoint
	signals  []Signal
	text     []byte
	refs     []textRef
}

// textRef says which string field receives text[from:to].
type textRef struct {
	dst      *string
	from, to int
}

// decimal stores v and returns a pointer to it.
func (ar *arena) decimal(v outsourcing.Decimal) *outsourcing.Decimal {
	if len(ar.decimals) == cap(ar.decimals) {
		ar.decimals = make([]outsourcing.Decimal, 0, max(2*cap(ar.decimals), 16))
	}
	ar.decimals = append(ar.decimals, v)
	return &ar.decimals[len(ar.decimals)-1]
}

// budget stores b and returns a pointer to it.
func (ar *arena) budget(b ErrorBudget) *ErrorBudget {
	if len(ar.budgets) == cap(ar.budgets) {
		ar.budgets = make([]ErrorBudget, 0, max(2*cap(ar.budgets), 16))
	}
	ar.budgets = append(ar.budgets, b)
	return &ar.budgets[len(ar.budgets)-1]
}

// trendPoints returns an empty slice with room for n points, whose
// appends never reach another slice's points.
func (ar *arena) trendPoints(n int) []TrendPoint {
	if cap(ar.trend)-len(ar.trend) < n {
		ar.trend = make([]TrendPoint, 0, max(2*cap(ar.trend), n, 64))
	}
	k := len(ar.trend)
	ar.trend = ar.trend[:k+n]
	return ar.trend[k : k : k+n]
}

// signalList returns an empty slice with room for n signals.
func (ar *arena) signalList(n int) []Signal {
	if cap(ar.signals)-len(ar.signals) < n {
		ar.signals = make([]Signal, 0, max(2*cap(ar.signals), n, 16))
	}
	k := len(ar.signals)
	ar.signals = ar.signals[:k+n]
	return ar.signals[k : k : k+n]
}

// mark returns where the next text begins.
func (ar *arena) mark() int { return len(ar.text) }

// set makes the text written since from the value of *dst once flushed.
func (ar *arena) set(dst *string, from int) {
	ar.refs = append(ar.refs, textRef{dst: dst, from: from, to: len(ar.text)})
}

// flush assigns every string written.
func (ar *arena) flush() {
	s := string(ar.text)
	for _, r := range ar.refs {
		*r.dst = s[r.from:r.to]
	}
	ar.text, ar.refs = nil, nil
}

// appendFixed writes q·10^-places with exactly places fraction digits
// ("0.05" for q = 5, places = 2).
func appendFixed(b []byte, q int64, places int) []byte {
	if q < 0 {
		b = append(b, '-')
	}
	var buf [24]byte
	s := strconv.AppendUint(buf[:0], uabs(q), 10)
	if len(s) <= places {
		b = append(b, '0', '.')
		for range places - len(s) {
			b = append(b, '0')
		}
		return append(b, s...)
	}
	b = append(b, s[:len(s)-places]...)
	if places > 0 {
		b = append(b, '.')
		b = append(b, s[len(s)-places:]...)
	}
	return b
}
