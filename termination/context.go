package termination

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/sla"
)

// ContextSpec is the situation in which termination is considered
// (Handbook §7.1): the day, the provider's status, the notices served,
// force majeure, a strategic change of the customer, and the SLA history
// as package sla reports it, with its rolling breach counts. ParseContext
// reads it from JSON.
type ContextSpec struct {
	// Contract is the id of the contract.
	Contract string `json:"contract"`
	// AsOf is the day of the assessment.
	AsOf contract.Date `json:"as_of"`
	// Vendor is what is known of the provider.
	Vendor VendorStatus `json:"vendor"`
	// Notices are the notices served so far, in any order.
	Notices []Notice `json:"notices,omitempty"`
	// ForceMajeure are the force-majeure events, in any order.
	ForceMajeure []ForceMajeure `json:"force_majeure,omitempty"`
	// StrategicChange reports that the customer's strategy no longer
	// needs the service (Handbook §7.1 strategic change).
	StrategicChange bool `json:"strategic_change,omitempty"`
	// SLAReports are the SLA reports of the contract's agreement, in
	// period order (sla.Agreement.Evaluate), the latest last.
	SLAReports []sla.Report `json:"sla_reports,omitempty"`
}

// VendorStatus is what is known of the provider's standing.
type VendorStatus struct {
	// Insolvent reports insolvency proceedings against the provider.
	Insolvent bool `json:"insolvent,omitempty"`
	// ChangeOfControl reports a change of control of the provider.
	ChangeOfControl bool `json:"change_of_control,omitempty"`
}

// NoticeKind is what a notice gives notice of.
type NoticeKind string

// Notice kinds.
const (
	// NoticeBreach notifies a breach and starts the cure period.
	NoticeBreach NoticeKind = "breach"
	// NoticeNonRenewal is notice not to renew the term.
	NoticeNonRenewal NoticeKind = "non_renewal"
	// NoticeConvenience is the customer's notice to terminate for
	// convenience.
	NoticeConvenience NoticeKind = "convenience"
)

var noticeKinds = enum[NoticeKind]{"notice kind", []NoticeKind{NoticeBreach, NoticeNonRenewal, NoticeConvenience}}

// String returns the kind's name.
func (k NoticeKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k NoticeKind) MarshalText() ([]byte, error) { return noticeKinds.marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *NoticeKind) UnmarshalText(b []byte) error { return noticeKinds.unmarshal(k, b) }

// Notice is a notice one party served on the other.
type Notice struct {
	// ID names the notice.
	ID string `json:"id"`
	// Kind is breach, non_renewal or convenience.
	Kind NoticeKind `json:"kind"`
	// Party is the id of the party that served it.
	Party string `json:"party"`
	// Served is the day it was served.
	Served contract.Date `json:"served"`
	// Subject says what it is about.
	Subject string `json:"subject,omitempty"`
	// Remedied is the day a notified breach was remedied; zero while it
	// is not.
	Remedied contract.Date `json:"remedied,omitzero"`
}

// ForceMajeure is a force-majeure event: Start to End inclusive, or
// ongoing while End is zero.
type ForceMajeure struct {
	ID          string        `json:"id"`
	Description string        `json:"description,omitempty"`
	Start       contract.Date `json:"start"`
	End         contract.Date `json:"end,omitzero"`
}

// checkContext checks a context against the terms' contract: its id,
// the parties of notices, dates, the SLA reports' agreement and order,
// and that no notice or force-majeure id repeats (a breach notice given
// twice would count twice).
func (t *Terms) checkContext(ctx ContextSpec) error {
	var errs problems
	c := t.contract
	if ctx.Contract != c.ID() {
		errs.failf("/contract", "the context is of contract %q, not %q", ctx.Contract, c.ID())
	}
	if ctx.AsOf.IsZero() {
		errs.failf("/as_of", "the assessment needs its day")
	}
	notices, events := map[string]int{}, map[string]int{}
	for i, n := range ctx.Notices {
		at := jsonptr.Join("notices", i)
		errs.once(notices, n.ID, i, jsonptr.Append(at, "id"), fmt.Sprintf("notice %q", n.ID))
		if !noticeKinds.valid(n.Kind) {
			errs.failf(jsonptr.Append(at, "kind"), "unknown notice kind %q", string(n.Kind))
		}
		if _, ok := c.Party(n.Party); !ok {
			errs.add(outsourcing.FieldErrorOf(outsourcing.ErrNotFound, jsonptr.Append(at, "party"), "the contract has no party %q", n.Party))
		}
		if n.Served.IsZero() {
			errs.failf(jsonptr.Append(at, "served"), "a notice needs the day it was served")
		}
		if !n.Remedied.IsZero() && n.Remedied.Before(n.Served) {
			errs.failf(jsonptr.Append(at, "remedied"), "remedied on %s, before the notice of %s", n.Remedied, n.Served)
		}
	}
	for i, f := range ctx.ForceMajeure {
		errs.once(events, f.ID, i, jsonptr.Join("force_majeure", i, "id"), fmt.Sprintf("force-majeure event %q", f.ID))
		if !f.End.IsZero() && f.End.Before(f.Start) {
			errs.failf(jsonptr.Join("force_majeure", i, "end"), "the event ends on %s, before it starts on %s", f.End, f.Start)
		}
	}
	errs.add(t.checkReports(ctx.SLAReports))
	return errs.err()
}

// checkReports checks SLA reports handed in with a context or a
// settlement: each of the contract's SLA schedule (ErrNotFound at
// /sla_reports/i/agreement) and each period after the one before (at
// /sla_reports/i/period), so that no period is read or credited twice.
func (t *Terms) checkReports(reports []sla.Report) error {
	var errs problems
	agreement := ""
	if a := t.contract.Agreement(); a != nil {
		agreement = a.Spec().ID
	}
	for i, r := range reports {
		at := jsonptr.Join("sla_reports", i)
		if r.Agreement != agreement {
			errs.add(outsourcing.FieldErrorOf(outsourcing.ErrNotFound, jsonptr.Append(at, "agreement"), "report of agreement %q, not of the contract's SLA schedule %q",
				r.Agreement, agreement))
		}
		if i > 0 && !r.Period.Start().After(reports[i-1].Period.Start()) {
			errs.failf(jsonptr.Append(at, "period"), "report %s does not follow %s", r.Period.Label(), reports[i-1].Period.Label())
		}
	}
	return errs.err()
}
