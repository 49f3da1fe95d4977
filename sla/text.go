package sla

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// levelText is what a level report's words are written from when they
// are read (LevelReport.Reason, CreditReason and Exact) rather than for
// every report, read or not: the counts and the shared pieces of text the
// words are made of.
type levelText struct {
	told detailKind // how the measurement is told
	// outages counts the outage pieces measured (told from outages); open
	// and unanswered the tickets still open or unanswered past their
	// deadline (told from tickets). Counts of events held in memory.
	outages, open, unanswered int32
	// missed of window are the periods that missed the expected level
	// when an expected-level default earned the credit; 0 of 0 otherwise.
	missed, window int32
	note           string // the measurement in words (told in a note); the reason as read
	exact          string // the exact value told in a note; as read
	credit         string // how the credit was found, before a default or multiplier is said; as read
}

// detailKind says how a measurement is told in words.
type detailKind uint8

const (
	detailNone    detailKind = iota // no words: a report built by hand
	detailNote                      // in its note
	detailOutages                   // from its downtime, denominator and outages
	detailTickets                   // from its ticket counts
	detailRead                      // the words are the ones read from JSON
)

// Reason says why the level has its status, in words; the actual value
// is shown rounded to ActualPlaces ("99.861111 misses the expected 99.9
// but is at least the minimum 99.5 (1h0m0s down of 720h0m0s in 2
// outage(s))"). It is written when called.
func (l *LevelReport) Reason() string {
	switch l.text.told {
	case detailNone:
		return ""
	case detailRead:
		return l.text.note
	}
	return string(l.appendReason(nil))
}

// Exact is the measured value as an exact fraction ("431995/4320"), or
// an integer; "" with no data. It is written when called.
func (l *LevelReport) Exact() string {
	if v, ok := l.counted(); ok {
		return string(v.appendExact(nil))
	}
	return l.text.exact
}

// CreditReason says how the level's credit was found ("tier [95, 99):
// 10% of 250000.00 USD; ×1.5 for missing the expected level 2 periods in
// a row"); "" for a level without a credit model. It is written when
// called.
func (l *LevelReport) CreditReason() string {
	t := &l.text
	if t.told == detailNone || t.told == detailRead || (t.window == 0 && l.Multiplier.IsZero()) {
		return t.credit
	}
	var b []byte
	if t.window > 0 {
		b = fmt.Appendf(b, "expected level missed in %d of the last %d periods: %s", t.missed, t.window,
			strings.TrimPrefix(t.credit, minimumMissed))
	} else {
		b = append(b, t.credit...)
	}
	if !l.Multiplier.IsZero() {
		b = fmt.Appendf(b, "; ×%s for missing the expected level %d periods in a row", l.Multiplier.String(), l.MissedExpectedRun)
	}
	return string(b)
}

// counted returns the measured value of a measurement told from its
// counts, exactly.
func (l *LevelReport) counted() (frac, bool) {
	switch {
	case l.text.told == detailOutages && l.Denominator > 0:
		return percentOf(int64(l.Denominator-l.Downtime), int64(l.Denominator)), true
	case l.text.told == detailTickets && l.Population > 0:
		return percentOf(int64(l.Good), int64(l.Population)), true
	}
	return frac{}, false
}

// appendReason writes Reason.
func (l *LevelReport) appendReason(b []byte) []byte {
	word := " at least "
	if l.Polarity == PolarityLower {
		word = " at most "
	}
	if l.Status == StatusNoData {
		b = l.appendDetail(b)
		return append(b, "; nothing to measure, treated as met"...)
	}
	if v, ok := l.counted(); ok {
		b = v.appendRounded(b, ActualPlaces)
	} else if l.Actual != nil {
		b = append(b, l.Actual.String()...)
	}
	switch l.Status {
	case StatusMet:
		b = append(b, " is"...)
		b = append(b, word...)
		b = append(b, "the expected "...)
		b = append(b, l.Expected.String()...)
	case StatusMinimum:
		b = append(b, " misses the expected "...)
		b = append(b, l.Expected.String()...)
		b = append(b, " but is"...)
		b = append(b, word...)
		b = append(b, "the minimum "...)
		b = append(b, l.Minimum.String()...)
	default:
		b = append(b, " misses the minimum "...)
		b = append(b, l.Minimum.String()...)
	}
	b = append(b, " ("...)
	b = l.appendDetail(b)
	return append(b, ')')
}

// appendDetail writes how the measurement was found.
func (l *LevelReport) appendDetail(b []byte) []byte {
	t := &l.text
	switch t.told {
	case detailOutages:
		b = append(b, time.Duration(l.Downtime).String()...)
		b = append(b, " down of "...)
		b = append(b, time.Duration(l.Denominator).String()...)
		b = append(b, " in "...)
		b = strconv.AppendInt(b, int64(t.outages), 10)
		return append(b, " outage(s)"...)
	case detailTickets:
		b = strconv.AppendInt(b, int64(l.Good), 10)
		b = append(b, " of "...)
		b = strconv.AppendInt(b, int64(l.Population), 10)
		b = append(b, " tickets within target"...)
		if t.open > 0 {
			b = append(b, ", "...)
			b = strconv.AppendInt(b, int64(t.open), 10)
			b = append(b, " still open past the deadline"...)
		}
		if t.unanswered > 0 {
			b = append(b, ", "...)
			b = strconv.AppendInt(b, int64(t.unanswered), 10)
			b = append(b, " still unanswered past the deadline"...)
		}
		return b
	}
	return append(b, t.note...)
}
