package termination

import (
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// TermsSpec is a contract's termination and exit schedule, the part of
// the contract Handbook §7 acts on: the grounds for termination with
// their notice and cure periods (§7.1), the termination assistance
// period, the handover list, the return or destruction of data and the
// obligations that survive (§7.2), the early-termination charges and the
// day-count convention of the final fee settlement. It follows the exit
// management schedule of the UK Model Services Contract (Cabinet Office,
// Schedule 8.5) and what the EBA Guidelines on outsourcing arrangements
// (EBA/GL/2019/02, section 15) and DORA (Regulation (EU) 2022/2554, Art.
// 28(7)-(8) and 30(3)(f)) ask a contract to state for exit. Every part
// names the contract clause it comes from. ParseTerms reads it from JSON;
// CompileTerms checks it against the compiled contract.
type TermsSpec struct {
	// Contract is the id of the contract the schedule belongs to.
	Contract string `json:"contract"`
	// DayCount is the convention pro-rata fees are computed with.
	DayCount DayCount `json:"day_count"`
	// FeeClause is the clause pro-rata fees and refunds of prepaid fees
	// come from.
	FeeClause string `json:"fee_clause"`
	// CreditClause is the clause unapplied SLA credits come from.
	CreditClause string `json:"credit_clause"`
	// Grounds are the termination rights, one per ground.
	Grounds []GroundTerms `json:"grounds"`
	// ForceMajeureDays is how many days force majeure may last before
	// either party may terminate; 0 means the contract gives no such right.
	ForceMajeureDays int `json:"force_majeure_days,omitempty"`
	// Assistance is the termination assistance the provider gives.
	Assistance Assistance `json:"assistance"`
	// EarlyTermination is the early-termination charge; nil when there is
	// none.
	EarlyTermination *EarlyTermination `json:"early_termination,omitempty"`
	// Handover is the handover list: what changes hands on exit.
	Handover []HandoverItem `json:"handover,omitempty"`
	// Data says how the customer's data is returned or destroyed.
	Data DataTerms `json:"data"`
	// ReviewPeriod is how long after the data's return or destruction
	// the post-exit review closes (Handbook §7.4); zero means
	// DefaultReviewPeriod.
	ReviewPeriod contract.Span `json:"review_period,omitzero"`
	// Survival lists the obligations that survive termination.
	Survival []Survival `json:"survival,omitempty"`
	// Responsibilities are further duties of either side during exit.
	Responsibilities []Responsibility `json:"responsibilities,omitempty"`
}

// GroundTerms is one termination right: on which ground, under which
// clause, with how much notice and cure.
type GroundTerms struct {
	// Ground is the ground for termination.
	Ground Ground `json:"ground"`
	// Clause is the id of the contract clause giving the right.
	Clause string `json:"clause"`
	// Notice is the notice period: termination takes effect Notice after
	// the notice is served. Zero means with immediate effect.
	Notice contract.Span `json:"notice,omitzero"`
	// Cure is the cure period after a breach notice in which the party in
	// breach may remedy it; zero means no cure period.
	Cure contract.Span `json:"cure,omitzero"`
}

// Assistance is the termination assistance (UK Model Services Contract
// Schedule 8.5: the Termination Assistance Period): the provider keeps
// the services running and helps the customer or a successor take over.
type Assistance struct {
	// Clause is the id of the clause.
	Clause string `json:"clause"`
	// After is how long assistance continues after the effective date of
	// termination.
	After contract.Span `json:"after"`
	// Charge is the total charge for the assistance, billed by calendar
	// month in proportion to the days of each month in the period;
	// Money{} means it is included in the fees.
	Charge outsourcing.Money `json:"charge,omitzero"`
}

// DataTerms say how the customer's data is returned or destroyed on
// exit (DORA Art. 30(2)(d); EBA/GL/2019/02 section 13).
type DataTerms struct {
	// Clause is the id of the clause.
	Clause string `json:"clause"`
	// Disposition is return, destroy, or return then destroy.
	Disposition Disposition `json:"disposition"`
	// Within is how long after the effective date the data must be
	// returned (and then destroyed).
	Within contract.Span `json:"within"`
	// Certificate reports that destruction must be certified in writing.
	Certificate bool `json:"certificate,omitempty"`
}

// Survival is an obligation that survives termination for a time.
type Survival struct {
	// Clause is the id of the clause that survives.
	Clause string `json:"clause"`
	// Kind is what the obligation is.
	Kind SurvivalKind `json:"kind"`
	// Party is the id of the party bound; "" binds both.
	Party string `json:"party,omitempty"`
	// Duration is how long after the effective date it lasts.
	Duration contract.Span `json:"duration"`
}

// Responsibility is a duty of one side during exit.
type Responsibility struct {
	// Party is the id of the party that owes it.
	Party string `json:"party"`
	// Duty says what must be done.
	Duty string `json:"duty"`
	// Phase is the exit phase it belongs to.
	Phase Phase `json:"phase"`
	// Clause is the id of the clause it comes from.
	Clause string `json:"clause"`
}

// DefaultReviewPeriod returns the review period of terms that state
// none: three months after the data's disposition, time for the last
// SLA report and invoice of the exit to arrive before the final vendor
// evaluation is archived.
func DefaultReviewPeriod() contract.Span { return contract.Months(3) }

// Terms is a compiled termination and exit schedule bound to its
// contract. It is immutable and safe for concurrent use.
type Terms struct {
	spec     TermsSpec
	contract *contract.Contract
	grounds  map[Ground]GroundTerms
	items    map[string]int
	// amortisation is the schedule of the early-termination investment,
	// built once by CompileTerms
	amortisation Amortisation
	// renewing are the fees that run to the initial term's last day and
	// so renew with the contract
	renewing []contract.Fee
	// the ids of the customer and of the (first) provider
	customerID, providerID string
}

// CompileTerms checks spec against the contract c and binds them. Every
// problem is a *outsourcing.FieldError at its JSON pointer in spec,
// joined in document order: another contract's id (/contract); a clause,
// party or ground that does not exist or repeats (ErrNotFound for a
// missing reference); an amount in another currency than the
// contract's (ErrCurrencyMismatch); an early-termination schedule with a
// gap or a rise between contract years; a negative or zero count.
func CompileTerms(spec TermsSpec, c *contract.Contract) (*Terms, error) {
	if c == nil {
		return nil, wrap(outsourcing.FieldErrorf("", "no contract to bind the terms to"))
	}
	t := &Terms{spec: cloneTerms(spec), contract: c, grounds: map[Ground]GroundTerms{}, items: map[string]int{},
		customerID: partyOf(c, contract.PartyRoleCustomer), providerID: partyOf(c, contract.PartyRoleProvider)}
	k := termsChecker{t: t}
	k.check()
	if err := k.errs.err(); err != nil {
		return nil, wrap(err)
	}
	cs := c.Spec()
	for _, f := range cs.Pricing.Fees {
		if f.Until.IsZero() || f.Until == cs.Term.End {
			t.renewing = append(t.renewing, f)
		}
	}
	return t, nil
}

// Contract returns the contract the terms belong to.
func (t *Terms) Contract() *contract.Contract { return t.contract }

// Spec returns a copy of the terms as written.
func (t *Terms) Spec() TermsSpec { return cloneTerms(t.spec) }

// cloneTerms copies s deeply (Money, Span and Date are values).
func cloneTerms(s TermsSpec) TermsSpec {
	s.Grounds = slices.Clone(s.Grounds)
	s.Handover = slices.Clone(s.Handover)
	s.Survival = slices.Clone(s.Survival)
	s.Responsibilities = slices.Clone(s.Responsibilities)
	if e := s.EarlyTermination; e != nil {
		cp := *e
		cp.Grounds, cp.Schedule = slices.Clone(e.Grounds), slices.Clone(e.Schedule)
		if e.Investment != nil {
			inv := *e.Investment
			cp.Investment = &inv
		}
		s.EarlyTermination = &cp
	}
	return s
}

// Ground returns the termination right on ground g, and whether the
// contract gives one.
func (t *Terms) Ground(g Ground) (GroundTerms, bool) {
	gt, ok := t.grounds[g]
	return gt, ok
}

// termsChecker collects the problems of a TermsSpec.
type termsChecker struct {
	t    *Terms
	errs problems
}

func (k *termsChecker) check() {
	s, c := &k.t.spec, k.t.contract
	if s.Contract != c.ID() {
		k.errs.failf("/contract", "the terms belong to contract %q, not %q", s.Contract, c.ID())
	}
	if !dayCounts.valid(s.DayCount) {
		k.errs.failf("/day_count", "unknown day count %q", string(s.DayCount))
	}
	k.clause("/fee_clause", s.FeeClause)
	k.clause("/credit_clause", s.CreditClause)
	for i, g := range s.Grounds {
		at := jsonptr.Join("grounds", i)
		switch _, dup := k.t.grounds[g.Ground]; {
		case !grounds.valid(g.Ground):
			k.errs.failf(jsonptr.Append(at, "ground"), "unknown ground %q", string(g.Ground))
		case dup:
			k.errs.failf(jsonptr.Append(at, "ground"), "ground %q is given twice", string(g.Ground))
		default:
			k.t.grounds[g.Ground] = g
		}
		k.clause(jsonptr.Append(at, "clause"), g.Clause)
	}
	if s.ForceMajeureDays < 0 {
		k.errs.failf("/force_majeure_days", "%d days is negative", s.ForceMajeureDays)
	}
	k.clause("/assistance/clause", s.Assistance.Clause)
	k.money("/assistance/charge", s.Assistance.Charge)
	if e := s.EarlyTermination; e != nil {
		k.earlyTermination(e)
	}
	k.handover()
	k.clause("/data/clause", s.Data.Clause)
	if !dispositions.valid(s.Data.Disposition) {
		k.errs.failf("/data/disposition", "unknown disposition %q", string(s.Data.Disposition))
	}
	for i, sv := range s.Survival {
		at := jsonptr.Join("survival", i)
		k.clause(jsonptr.Append(at, "clause"), sv.Clause)
		if !survivalKinds.valid(sv.Kind) {
			k.errs.failf(jsonptr.Append(at, "kind"), "unknown kind %q", string(sv.Kind))
		}
		if sv.Party != "" {
			k.party(jsonptr.Append(at, "party"), sv.Party)
		}
		if sv.Duration.IsZero() {
			k.errs.failf(jsonptr.Append(at, "duration"), "a surviving obligation needs its duration")
		}
	}
	for i, r := range s.Responsibilities {
		at := jsonptr.Join("responsibilities", i)
		k.party(jsonptr.Append(at, "party"), r.Party)
		k.clause(jsonptr.Append(at, "clause"), r.Clause)
		if !phases.valid(r.Phase) {
			k.errs.failf(jsonptr.Append(at, "phase"), "unknown phase %q", string(r.Phase))
		}
	}
}

func (k *termsChecker) handover() {
	for i, h := range k.t.spec.Handover {
		at := jsonptr.Join("handover", i)
		if _, dup := k.t.items[h.ID]; dup {
			k.errs.failf(jsonptr.Append(at, "id"), "item id %q is used twice", h.ID)
		} else {
			k.t.items[h.ID] = i
		}
		if !itemKinds.valid(h.Kind) {
			k.errs.failf(jsonptr.Append(at, "kind"), "unknown item kind %q", string(h.Kind))
		}
		k.party(jsonptr.Append(at, "from"), h.From)
		if h.To != Successor {
			k.party(jsonptr.Append(at, "to"), h.To)
		}
		k.clause(jsonptr.Append(at, "clause"), h.Clause)
	}
}

func (k *termsChecker) clause(path, id string) {
	if _, ok := k.t.contract.Clause(id); !ok {
		k.errs.add(outsourcing.FieldErrorOf(outsourcing.ErrNotFound, path, "the contract has no clause %q", id))
	}
}

func (k *termsChecker) party(path, id string) {
	if _, ok := k.t.contract.Party(id); !ok {
		k.errs.add(outsourcing.FieldErrorOf(outsourcing.ErrNotFound, path, "the contract has no party %q", id))
	}
}

// money checks that an amount, when set, is not negative and is in the
// contract's currency.
func (k *termsChecker) money(path string, m outsourcing.Money) {
	switch {
	case m.IsZero():
	case m.Currency() != k.t.contract.Currency():
		k.errs.add(mismatch(path, m.Currency(), k.t.contract.Currency()))
	case m.IsNegative():
		k.errs.failf(path, "the amount %s is negative", m)
	}
}
