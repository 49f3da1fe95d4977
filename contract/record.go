package contract

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Event is one entry of a contract's audit trail: what happened, who did
// it and when. Record fills in Seq, From, To and Version.
type Event struct {
	// Seq numbers the events of a record from 1.
	Seq int `json:"seq"`
	// Kind is what happened.
	Kind EventKind `json:"kind"`
	// Actor is who did it; required.
	Actor string `json:"actor"`
	// At is when; required, not before the previous event.
	At time.Time `json:"at"`
	// Note is a free comment.
	Note string `json:"note,omitempty"`
	// From and To are the states before and after.
	From State `json:"from,omitempty"`
	To   State `json:"to"`
	// Version is the contract version in force after the event.
	Version int `json:"version"`
	// Signatures are the parties' signatures of a sign event (one per
	// party, each by an authorised signatory) or of an amendment's
	// supplementary agreement.
	Signatures []Signature `json:"signatures,omitempty"`
	// Change is the id of the change request an amend event applied.
	Change string `json:"change,omitempty"`
	// Approvals are the approval workflow's decisions, filled in by
	// Record.Approve on an approve event.
	Approvals []Decision `json:"approvals,omitempty"`
	// NoticeGiven is, on an expire event of a contract that renews
	// automatically, the day notice of non-renewal was given; zero when
	// none was.
	NoticeGiven Date `json:"notice_given,omitzero"`
}

// Version is one version of the contract in the record.
type Version struct {
	// Number is the contract's version number.
	Number int `json:"number"`
	// EffectiveFrom is the first day the version is in force.
	EffectiveFrom Date `json:"effective_from"`
	// Contract is the version.
	Contract *Contract `json:"contract"`
	// Supplement is the supplementary agreement that made it; nil for the
	// first version.
	Supplement *Supplement `json:"supplement,omitempty"`
}

// MarshalJSON writes the contract as its document (see Document).
func (c *Contract) MarshalJSON() ([]byte, error) { return c.Document(), nil }

// Record is the contract archive of Handbook §3.3: the versions with
// their supplementary agreements, the lifecycle state, and the
// append-only audit trail. A Record is immutable: Apply and Amend return
// a new record and leave the receiver as it was, so a refused event
// changes nothing. It is safe for concurrent use.
type Record struct {
	versions []Version
	events   []Event
	state    State
}

// NewRecord opens the record of a draft contract with a create event by
// actor at at. Errors: a missing actor or time, a nil or uncompiled
// contract (ErrInvalidInput).
func NewRecord(c *Contract, actor string, at time.Time) (*Record, error) {
	if err := compiled(c, "/contract"); err != nil {
		return nil, wrap(err)
	}
	r := &Record{state: StateDraft, versions: []Version{{Number: c.spec.Version, EffectiveFrom: c.spec.Term.Start, Contract: c}}}
	e := Event{Kind: EventCreate, Actor: actor, At: at}
	if err := r.checkEvent(e); err != nil {
		return nil, wrap(err)
	}
	return r.with(e, StateDraft, nil), nil
}

// opened refuses a record that NewRecord did not make (nil or the zero
// value, which has no version), as compiled refuses a contract, so that
// Apply, Approve and Amend return an error rather than panic.
func opened(r *Record) error {
	if r == nil || len(r.versions) == 0 {
		return outsourcing.FieldErrorf("", "the record is not opened: open it with NewRecord")
	}
	return nil
}

// State returns the current state.
func (r *Record) State() State { return r.state }

// Current returns the latest contract version.
func (r *Record) Current() *Contract { return r.versions[len(r.versions)-1].Contract }

// Versions returns the versions, oldest first.
func (r *Record) Versions() []Version { return slices.Clone(r.versions) }

// Trail returns the audit trail, oldest event first.
func (r *Record) Trail() []Event {
	out := slices.Clone(r.events)
	for i := range out {
		out[i].Signatures = slices.Clone(out[i].Signatures)
		out[i].Approvals = slices.Clone(out[i].Approvals)
	}
	return out
}

// InForce returns the version in force on day d: the latest whose
// EffectiveFrom is not after d; nil before the first version's.
func (r *Record) InForce(d Date) *Contract {
	for i := len(r.versions) - 1; i >= 0; i-- {
		if !r.versions[i].EffectiveFrom.After(d) {
			return r.versions[i].Contract
		}
	}
	return nil
}

// Apply records e and returns the new record; the receiver is unchanged.
// The state moves as Next says. A sign event carries one signature per
// party, each by an authorised signatory of that party on that day whose
// limit covers the contract's value, none after the event. An expire
// event comes at the end of the contract's last term: on or after the
// last day of a term that does not renew (no automatic renewal, renewals
// used up, or notice of non-renewal given by the term's cancel-by date,
// Event.NoticeGiven), as Contract.Renewal reads the day of e.At. Errors
// (a *outsourcing.FieldError at the event's field): an event the state
// does not allow (ErrTransition at /kind; approve goes through Approve,
// amend through Amend), an expiry before the end of the last term or of
// a term that renews (ErrTransition at /at), a notice dated after the
// event (/notice_given), a missing actor or time or a time before the
// previous event, a missing, repeated or unauthorised signature (at
// /signatures/i/...); a nil or zero record (ErrInvalidInput at "").
func (r *Record) Apply(e Event) (*Record, error) {
	if err := opened(r); err != nil {
		return r, wrap(err)
	}
	switch e.Kind {
	case EventCreate:
		return r, wrap(transitionf("/kind", "a record is created once, by NewRecord"))
	case EventApprove:
		return r, wrap(transitionf("/kind", "an approval is recorded by Record.Approve, with its approval workflow"))
	case EventAmend:
		return r, wrap(transitionf("/kind", "an amendment is applied by Record.Amend"))
	}
	to, err := Next(r.state, e.Kind)
	if err != nil {
		return r, err
	}
	if err := r.checkEvent(e); err != nil {
		return r, wrap(err)
	}
	switch e.Kind {
	case EventSign:
		err = r.checkSignatures(e)
	case EventExpire:
		in := r.InForce(DateOf(e.At)) // an amended term counts from its effective date
		if in == nil {
			in = r.Current()
		}
		err = in.checkExpiry(DateOf(e.At), e.NoticeGiven)
	}
	if err != nil {
		return r, wrap(err)
	}
	return r.with(e, to, nil), nil
}

// Approve records the approval of the current version: approval must be
// the workflow of a route for exactly that version (Router.Route of
// Current) and approved, every stage decided. The event's Kind is set to
// approve and its Approvals to the workflow's decisions; the state moves
// from in review to approved. Errors: a state that allows no approval
// (ErrTransition at /kind); a workflow for another contract or version,
// or still pending or rejected (ErrTransition at /approval), or with a
// decision dated after the event (at /approval); event
// problems (/actor, /at); a nil or zero record (ErrInvalidInput at "").
func (r *Record) Approve(approval Workflow, e Event) (*Record, error) {
	if err := opened(r); err != nil {
		return r, wrap(err)
	}
	to, err := Next(r.state, EventApprove)
	if err != nil {
		return r, err
	}
	e.Kind = EventApprove
	if err := r.checkEvent(e); err != nil {
		return r, wrap(err)
	}
	if err := approves(approval, r.Current(), e.At); err != nil {
		return r, wrap(err)
	}
	e.Approvals = approval.Decisions()
	return r.with(e, to, nil), nil
}

// approves checks that a workflow approved version c, every decision
// made no later than at, the time of the event recording the approval.
func approves(approval Workflow, c *Contract, at time.Time) error {
	route := approval.Route()
	decisions := approval.Decisions()
	late := slices.IndexFunc(decisions, func(d Decision) bool { return d.At.After(at) })
	switch {
	case late >= 0:
		return outsourcing.FieldErrorf("/approval", "the decision of step %s at %s is after the event at %s", decisions[late].Step,
			decisions[late].At.Format(time.RFC3339), at.Format(time.RFC3339))
	case route.Contract != c.spec.ID || route.Version != c.spec.Version:
		return transitionf("/approval", "the approval is for %s version %d, not %s version %d", route.Contract, route.Version, c.spec.ID, c.spec.Version)
	case approval.Status() != ApprovalStatusApproved:
		return transitionf("/approval", "the approval is %s: open steps %v", approval.Status(), approval.Open())
	}
	return nil
}

// checkExpiry checks that the contract may expire on day: the day is
// past the last day of a term that does not renew, or is that day.
func (c *Contract) checkExpiry(day, notice Date) error {
	if !notice.IsZero() && notice.After(day) {
		return outsourcing.FieldErrorf("/notice_given", "notice given on %s, after the expiry on %s", notice, day)
	}
	st := c.Renewal(day, notice)
	switch {
	case st.Phase == RenewalPhaseEnded, st.Phase == RenewalPhaseEnds && day == st.Term.End:
		return nil
	case st.Phase == RenewalPhaseEnds, st.Phase == RenewalPhaseNotStarted:
		return transitionf("/at", "the term runs to %s: the contract cannot expire on %s", st.Term.End, day)
	}
	return transitionf("/at", "the term to %s renews to %s without notice of non-renewal by %s: the contract cannot expire on %s",
		st.Term.End, st.Next.End, st.CancelBy, day)
}

// with returns a copy of r with e appended (and a new version, if any).
func (r *Record) with(e Event, to State, v *Version) *Record {
	next := &Record{state: to, versions: slices.Clone(r.versions), events: slices.Clone(r.events)}
	if v != nil {
		next.versions = append(next.versions, *v)
	}
	e.Seq = len(r.events) + 1
	e.From, e.To = r.state, to
	if e.Kind == EventCreate {
		e.From = ""
	}
	e.Version = next.Current().spec.Version
	e.Signatures = slices.Clone(e.Signatures)
	e.Approvals = slices.Clone(e.Approvals)
	next.events = append(next.events, e)
	return next
}

func (r *Record) checkEvent(e Event) error {
	switch {
	case e.Actor == "":
		return outsourcing.FieldErrorf("/actor", "every event names its actor")
	case e.At.IsZero():
		return outsourcing.FieldErrorf("/at", "every event needs its time")
	case len(r.events) > 0 && e.At.Before(r.events[len(r.events)-1].At):
		return outsourcing.FieldErrorf("/at", "%s is before the previous event at %s", e.At.Format(time.RFC3339), r.events[len(r.events)-1].At.Format(time.RFC3339))
	}
	return nil
}

// checkSignatures checks that every party signed once, each by an
// authorised representative, not after the event.
func (r *Record) checkSignatures(e Event) error {
	return r.Current().signedByAll("/signatures", e.Signatures, e.At)
}

// signedByAll checks a set of signatures at path: one per party, each
// authorised and given no later than at.
func (c *Contract) signedByAll(path string, sigs []Signature, at time.Time) error {
	var errs problems
	signed := map[string]bool{}
	for i, s := range sigs {
		p := jsonptr.Append(path, i)
		if signed[s.Party] {
			errs.failf(jsonptr.Append(p, "party"), "party %q signs once", s.Party)
			continue
		}
		signed[s.Party] = true
		errs.add(c.authorised(p, s))
		if s.At.After(at) {
			errs.failf(jsonptr.Append(p, "at"), "the signature is dated after the event")
		}
	}
	for _, p := range c.spec.Parties {
		if !signed[p.ID] {
			errs.failf(path, "%s has not signed", p.Name)
		}
	}
	return joinProblems(errs)
}

// MarshalJSON writes the record as {"state", "versions", "trail"}.
func (r *Record) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		State    State     `json:"state"`
		Versions []Version `json:"versions"`
		Trail    []Event   `json:"trail"`
	}{r.state, r.versions, r.events})
}
