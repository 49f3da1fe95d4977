package contract

import (
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// RenewalPhase says what happens at the end of the current term.
type RenewalPhase string

// Renewal phases.
const (
	// RenewalPhaseNoticeOpen: notice of non-renewal may still be given and
	// no alert window has opened.
	RenewalPhaseNoticeOpen RenewalPhase = "notice_open"
	// RenewalPhaseAlert: notice may still be given and an alert window is
	// open: decide now.
	RenewalPhaseAlert RenewalPhase = "alert"
	// RenewalPhaseRenews: the cancel-by date has passed without notice;
	// the contract renews at the end of the term.
	RenewalPhaseRenews RenewalPhase = "renews"
	// RenewalPhaseEnds: the contract ends with the current term (no
	// renewal, renewals used up, or notice given in time).
	RenewalPhaseEnds RenewalPhase = "ends"
	// RenewalPhaseEnded: the day is after the last term.
	RenewalPhaseEnded RenewalPhase = "ended"
	// RenewalPhaseNotStarted: the day is before the term starts.
	RenewalPhaseNotStarted RenewalPhase = "not_started"
)

var renewalPhases = []RenewalPhase{RenewalPhaseNoticeOpen, RenewalPhaseAlert, RenewalPhaseRenews, RenewalPhaseEnds,
	RenewalPhaseEnded, RenewalPhaseNotStarted}

// String returns the phase's name.
func (p RenewalPhase) String() string { return string(p) }

// MarshalText implements encoding.TextMarshaler.
func (p RenewalPhase) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(p, "renewal phase", renewalPhases)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown phases.
func (p *RenewalPhase) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(p, b, "renewal phase", renewalPhases)
}

// RenewalAlert is one alert window before the cancel-by date.
type RenewalAlert struct {
	// Window is how long before the cancel-by date the alert opens.
	Window Span `json:"window"`
	// From is the day it opens: Window before CancelBy.
	From Date `json:"from"`
	// Open reports whether it is open at the day asked about (From ≤ day
	// ≤ CancelBy).
	Open bool `json:"open"`
}

// RenewalStatus is the renewal position of the contract at a day.
type RenewalStatus struct {
	// AsOf is the day.
	AsOf Date `json:"as_of"`
	// TermNumber is 0 for the initial term, k for the k-th renewal.
	TermNumber int `json:"term_number"`
	// Term is the current term (End inclusive); the last term when the
	// day is after it, the initial term when before it.
	Term Period `json:"term"`
	// CancelBy is the last day notice of non-renewal may be given: Notice
	// before the term's last day (three months before 31 May is 28
	// February). Zero when the term does not renew.
	CancelBy Date `json:"cancel_by,omitzero"`
	// DaysToCancelBy counts the days from AsOf to CancelBy (negative once
	// passed).
	DaysToCancelBy int `json:"days_to_cancel_by"`
	// Alerts are the alert windows before CancelBy.
	Alerts []RenewalAlert `json:"alerts,omitempty"`
	// Phase says what happens at the end of the term.
	Phase RenewalPhase `json:"phase"`
	// Next is the renewal term that follows unless notice is given;
	// zero when the contract ends with this term.
	Next Period `json:"next,omitzero"`
}

// termPeriod returns term k: 0 is the initial term; renewal k runs from
// the anchor, the day after the initial term's last day, + (k − 1)
// renewal terms to the anchor + k renewal terms − 1 day, counted from
// that anchor so month ends do not drift.
func (c *Contract) termPeriod(k int) Period {
	t := c.spec.Term
	if k == 0 {
		return Period{Start: t.Start, End: t.End}
	}
	anchor := t.End.AddDays(1)
	return Period{Start: nth(anchor, t.Renewal.Term, k-1), End: nth(anchor, t.Renewal.Term, k).AddDays(-1)}
}

// renews reports whether term k is followed by a renewal.
func (c *Contract) renews(k int) bool {
	return c.spec.Term.Renewal != nil && k < c.lastTerm()
}

// lastTerm returns the number of the last renewal term: Max, or without
// a limit the last that ends by 9999-12-31, the last day a date is
// written in (term k ends the day before anchor + k renewal terms, so it
// is the largest k whose anchor + k terms is not after 10000-01-01).
// The renewal term is longer than zero.
func (c *Contract) lastTerm() int {
	t := c.spec.Term
	n := firstOnOrAfter(t.End.AddDays(1), t.Renewal.Term, date(10000, time.January, 2)) - 1
	if t.Renewal.Max > 0 {
		n = min(n, t.Renewal.Max)
	}
	return n
}

// currentTerm returns the number of the term at asOf, by arithmetic from
// the anchor: the first term that asOf does not pass, that notice given
// by its cancel-by date ends, or that no renewal follows. Term k ends
// the day before anchor + k renewal terms (the initial term, k = 0,
// included), so each condition holds from some k on and the earliest k
// of the three is the term.
func (c *Contract) currentTerm(asOf, noticeGiven Date) int {
	t := c.spec.Term
	if t.Renewal == nil || !asOf.After(t.End) {
		return 0
	}
	anchor := t.End.AddDays(1)
	k := firstOnOrAfter(anchor, t.Renewal.Term, asOf.AddDays(1))
	if !noticeGiven.IsZero() {
		est := firstOnOrAfter(anchor, t.Renewal.Term, t.Notice.AddTo(noticeGiven).AddDays(1))
		k = min(k, firstHolding(est, func(k int) bool {
			return !noticeGiven.After(t.Notice.SubtractFrom(nth(anchor, t.Renewal.Term, k).AddDays(-1)))
		}))
	}
	return min(k, c.lastTerm())
}

// Renewal reports the renewal and notice position at asOf (Handbook
// §3.3): the current term, the cancel-by date, the alert windows and
// what happens at the term's end. noticeGiven is the day notice of
// non-renewal was given, zero when none: notice given by a term's
// cancel-by date ends the contract with that term. The current term is
// found by arithmetic from the anchor, not by walking the terms, so a
// day decades ahead costs what a day in the initial term does.
func (c *Contract) Renewal(asOf, noticeGiven Date) RenewalStatus {
	t := c.spec.Term
	out := RenewalStatus{AsOf: asOf}
	k := c.currentTerm(asOf, noticeGiven)
	out.TermNumber, out.Term = k, c.termPeriod(k)
	switch {
	case asOf.Before(t.Start):
		out.Phase = RenewalPhaseNotStarted
	case asOf.After(out.Term.End):
		out.Phase = RenewalPhaseEnded
		return out
	}
	if !c.renews(k) {
		if out.Phase == "" {
			out.Phase = RenewalPhaseEnds
		}
		return out
	}
	out.CancelBy = t.Notice.SubtractFrom(out.Term.End)
	out.DaysToCancelBy = asOf.DaysUntil(out.CancelBy)
	out.Next = c.termPeriod(k + 1)
	noticeInTime := !noticeGiven.IsZero() && !noticeGiven.After(out.CancelBy) && !noticeGiven.After(asOf)
	for _, w := range t.Alerts {
		from := w.SubtractFrom(out.CancelBy)
		a := RenewalAlert{Window: w, From: from, Open: !asOf.Before(from) && !asOf.After(out.CancelBy)}
		out.Alerts = append(out.Alerts, a)
		if a.Open && out.Phase == "" && !noticeInTime {
			out.Phase = RenewalPhaseAlert
		}
	}
	switch {
	case out.Phase != "":
	case noticeInTime:
		out.Phase, out.Next = RenewalPhaseEnds, Period{}
	case asOf.After(out.CancelBy):
		out.Phase = RenewalPhaseRenews
	default:
		out.Phase = RenewalPhaseNoticeOpen
	}
	return out
}
