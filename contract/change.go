package contract

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/sla"
)

// ChangeRequest is a formal request to change the contract (Handbook
// §3.3: formal change with a written supplementary agreement; §4.2:
// necessity, impact and risk assessed, approved before implementation).
type ChangeRequest struct {
	// ID names the change; it names the supplementary agreement too.
	ID string `json:"id"`
	// Title says what changes.
	Title string `json:"title"`
	// RequestedBy is the id of the requesting party.
	RequestedBy string `json:"requested_by"`
	// Necessity says why the change is needed.
	Necessity string `json:"necessity"`
	// Impact is the assessed impact.
	Impact Impact `json:"impact"`
	// Risk is the assessed risk.
	Risk ChangeRisk `json:"risk"`
	// EffectiveFrom is the first day the new version is in force; after
	// the day the current version took effect.
	EffectiveFrom Date `json:"effective_from"`
	// Amendment is what changes in the contract.
	Amendment Amendment `json:"amendment"`
}

// Impact is a change's assessed impact on service and schedule; the
// impact on value is computed by AssessChange.
type Impact struct {
	// Description of the impact; required.
	Description string `json:"description"`
	// Services affected.
	Services []string `json:"services,omitempty"`
	// Schedule says how delivery dates move.
	Schedule string `json:"schedule,omitempty"`
}

// ChangeRisk is a change's assessed risk.
type ChangeRisk struct {
	// Level is the risk level.
	Level outsourcing.RiskLevel `json:"level"`
	// Description of the risk; required.
	Description string `json:"description"`
	// Mitigation planned.
	Mitigation string `json:"mitigation,omitempty"`
}

// Amendment is what a change does to the contract. Items with an id that
// exists replace it; others are added. Removals go first.
type Amendment struct {
	// Clauses are added or replace the clause with the same id.
	Clauses []Clause `json:"clauses,omitempty"`
	// RemoveClauses are ids of clauses removed.
	RemoveClauses []string `json:"remove_clauses,omitempty"`
	// Fees are added or replace the fee with the same id.
	Fees []Fee `json:"fees,omitempty"`
	// RemoveFees are ids of fees removed.
	RemoveFees []string `json:"remove_fees,omitempty"`
	// RateCard rates are added or replace the rate with the same id.
	RateCard []Rate `json:"rate_card,omitempty"`
	// Milestones are added or replace the milestone with the same id.
	Milestones []Milestone `json:"milestones,omitempty"`
	// SLATargets set new targets of existing service levels.
	SLATargets []SLATarget `json:"sla_targets,omitempty"`
	// TermEnd, when set, is the new last day of the initial term.
	TermEnd Date `json:"term_end,omitzero"`
	// Ceiling, when set, is the new not-to-exceed total.
	Ceiling outsourcing.Money `json:"ceiling,omitzero"`
}

// SLATarget sets a service level's targets.
type SLATarget struct {
	// Level is the id of the agreement's level.
	Level string `json:"level"`
	// Expected is the new expected level.
	Expected outsourcing.Decimal `json:"expected"`
	// Minimum is the new minimum level; nil means equal to Expected.
	Minimum *outsourcing.Decimal `json:"minimum,omitempty"`
}

// ChangeAssessment is a change request assessed against the contract:
// the proposed version, what differs, and the effect on value.
type ChangeAssessment struct {
	// Change is the change request's id.
	Change string `json:"change"`
	// Proposed is the contract version the change would make.
	Proposed *Contract `json:"proposed"`
	// Differences between the current and the proposed version.
	Differences []Difference `json:"differences"`
	// ValueDelta is the change in the value of the payments invoiced on
	// or after EffectiveFrom (the part of the schedule the change
	// reaches); AnnualFeesDelta is the change in annual fees.
	ValueDelta      outsourcing.Money `json:"value_delta"`
	AnnualFeesDelta outsourcing.Money `json:"annual_fees_delta"`
	// Risk repeats the assessed risk level.
	Risk outsourcing.RiskLevel `json:"risk"`
}

// AssessChange checks a change request and builds the version it would
// make, with the differences and the change in value; route
// ChangeAssessment.Proposed with a Router for its approval. Errors (a
// *outsourcing.FieldError with a pointer into cr): a missing id, title,
// necessity, impact or risk assessment, a requesting party that does not
// exist, a removal or SLA target naming nothing (ErrNotFound), and any
// problem of the amended contract at the amendment item that causes it
// (a negative fee at /amendment/fees/0/amount), an id (a level for SLA
// targets) given twice in one amendment list, which would leave only the
// last in force (at /amendment/fees/1/id), and a change that alters
// nothing Diff compares (at /amendment).
func (c *Contract) AssessChange(cr ChangeRequest) (ChangeAssessment, error) {
	a, err := c.assess(cr)
	return a, wrap(err)
}

func (c *Contract) assess(cr ChangeRequest) (ChangeAssessment, error) {
	var errs problems
	for _, f := range []struct{ path, v string }{{"/id", cr.ID}, {"/title", cr.Title}, {"/necessity", cr.Necessity},
		{"/impact/description", cr.Impact.Description}, {"/risk/description", cr.Risk.Description}} {
		if strings.TrimSpace(f.v) == "" {
			errs.failf(f.path, "a change request states this; it is empty")
		}
	}
	if !cr.Risk.Level.Valid() {
		errs.failf("/risk/level", "unknown risk level %q", cr.Risk.Level)
	}
	if _, ok := c.parties[cr.RequestedBy]; !ok {
		errs.add(notFoundf("/requested_by", "no party %q", cr.RequestedBy))
	}
	if cr.EffectiveFrom.IsZero() {
		errs.failf("/effective_from", "a change needs the day it takes effect")
	}
	spec, moved, err := c.amended(cr.Amendment)
	errs.add(err)
	if len(errs) > 0 {
		return ChangeAssessment{}, joinProblems(errs)
	}
	proposed, err := compile(spec)
	if err != nil {
		return ChangeAssessment{}, moved.place(err)
	}
	out := ChangeAssessment{Change: cr.ID, Proposed: proposed, Differences: Diff(c, proposed), Risk: cr.Risk.Level}
	if len(out.Differences) == 0 {
		return ChangeAssessment{}, outsourcing.FieldErrorf("/amendment", "the change alters nothing in the contract")
	}
	after, err1 := proposed.valueFrom(cr.EffectiveFrom)
	before, err2 := c.valueFrom(cr.EffectiveFrom)
	delta, err3 := after.Sub(before)
	annual, err4 := proposed.annual.Sub(c.annual)
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return ChangeAssessment{}, err
	}
	out.ValueDelta, out.AnnualFeesDelta = delta, annual
	return out, nil
}

// moves maps pointers of the amended contract to the amendment items
// that put something there.
type moves map[string]string

// place moves each FieldError of the amended contract to the amendment
// item responsible; an error elsewhere is reported at /amendment with
// the amended contract's pointer in the reason.
func (m moves) place(err error) error {
	var out []error
	for _, e := range outsourcing.Problems(err) {
		fe, ok := e.(*outsourcing.FieldError)
		if !ok {
			out = append(out, e)
			continue
		}
		moved := *fe
		moved.Path = "/amendment"
		moved.Reason = "the amended contract's " + fe.Error()
		for from, to := range m {
			if fe.Path == from || strings.HasPrefix(fe.Path, from+"/") {
				moved.Path, moved.Reason = to+strings.TrimPrefix(fe.Path, from), fe.Reason
				break
			}
		}
		out = append(out, &moved)
	}
	return joinProblems(out)
}

// amended applies an amendment to a copy of the spec, as version + 1.
func (c *Contract) amended(am Amendment) (ContractSpec, moves, error) {
	s := c.Spec()
	s.Version++
	m := moves{}
	var errs problems
	s.Clauses = remove(&errs, s.Clauses, am.RemoveClauses, "/amendment/remove_clauses", func(x Clause) string { return x.ID })
	s.Pricing.Fees = remove(&errs, s.Pricing.Fees, am.RemoveFees, "/amendment/remove_fees", func(x Fee) string { return x.ID })
	s.Clauses = upsert(&errs, m, s.Clauses, am.Clauses, "/clauses", "/amendment/clauses", func(x Clause) string { return x.ID })
	s.Pricing.Fees = upsert(&errs, m, s.Pricing.Fees, am.Fees, "/pricing/fees", "/amendment/fees", func(x Fee) string { return x.ID })
	s.Pricing.RateCard = upsert(&errs, m, s.Pricing.RateCard, am.RateCard, "/pricing/rate_card", "/amendment/rate_card", func(x Rate) string { return x.ID })
	s.Pricing.Milestones = upsert(&errs, m, s.Pricing.Milestones, am.Milestones, "/pricing/milestones", "/amendment/milestones", func(x Milestone) string { return x.ID })
	for j, t := range am.SLATargets {
		if twice(am.SLATargets[:j], t.Level, func(x SLATarget) string { return x.Level }) {
			errs.failf(jsonptr.Join("amendment", "sla_targets", j, "level"), "level %q is given targets twice in this change", t.Level)
			continue
		}
		i := -1
		if s.SLA != nil {
			i = slices.IndexFunc(s.SLA.Agreement.Levels, func(l sla.Level) bool { return l.ID == t.Level })
		}
		if i < 0 {
			errs.add(notFoundf(jsonptr.Join("amendment", "sla_targets", j, "level"), "no service level %q", t.Level))
			continue
		}
		l := &s.SLA.Agreement.Levels[i]
		l.Expected, l.Minimum = t.Expected, t.Minimum
		m[jsonptr.Join("sla", "agreement", "levels", i)] = jsonptr.Join("amendment", "sla_targets", j)
	}
	if !am.TermEnd.IsZero() {
		s.Term.End = am.TermEnd
		m["/term/end"] = "/amendment/term_end"
	}
	if am.Ceiling.IsSet() {
		s.Pricing.Ceiling = am.Ceiling
		m["/pricing/ceiling"] = "/amendment/ceiling"
	}
	return s, m, joinProblems(errs)
}

// remove drops the items with the given ids; an id given twice is an
// error at path/j, an id that names nothing ErrNotFound at path/j.
func remove[T any](errs *problems, list []T, ids []string, path string, id func(T) string) []T {
	for j, r := range ids {
		if k := slices.Index(ids[:j], r); k >= 0 {
			errs.failf(jsonptr.Append(path, j), "%q is removed at %s already", r, jsonptr.Append(path, k))
			continue
		}
		i := slices.IndexFunc(list, func(x T) bool { return id(x) == r })
		if i < 0 {
			errs.add(notFoundf(jsonptr.Append(path, j), "nothing with id %q to remove", r))
			continue
		}
		list = slices.Delete(list, i, i+1)
	}
	return list
}

// upsert replaces items with the same id or appends them, recording
// where each landed; an item whose id an earlier item of the amendment
// has is refused at itemPath/j/id.
func upsert[T any](errs *problems, m moves, list, items []T, listPath, itemPath string, id func(T) string) []T {
	for j, it := range items {
		if twice(items[:j], id(it), id) {
			errs.failf(jsonptr.Append(itemPath, j, "id"), "id %q is amended twice in this change", id(it))
			continue
		}
		i := slices.IndexFunc(list, func(x T) bool { return id(x) == id(it) })
		if i < 0 {
			i = len(list)
			list = append(list, it)
		} else {
			list[i] = it
		}
		m[jsonptr.Append(listPath, i)] = jsonptr.Append(itemPath, j)
	}
	return list
}

// twice reports whether an item of earlier has the id.
func twice[T any](earlier []T, want string, id func(T) string) bool {
	return slices.ContainsFunc(earlier, func(x T) bool { return id(x) == want })
}

// Supplement is the supplementary agreement an approved change makes
// (Handbook §3.3): the change, what it altered, the approvals and the
// parties' signatures.
type Supplement struct {
	// ID names the agreement: the contract id, "/S" and its number.
	ID string `json:"id"`
	// Change is the change request.
	Change ChangeRequest `json:"change"`
	// Version is the contract version it makes.
	Version int `json:"version"`
	// EffectiveFrom is the first day it is in force.
	EffectiveFrom Date `json:"effective_from"`
	// Differences between the previous version and the new one.
	Differences []Difference `json:"differences"`
	// Approvals are the approval workflow's decisions.
	Approvals []Decision `json:"approvals"`
	// Signatures are the parties' signatures.
	Signatures []Signature `json:"signatures"`
}

// Amend applies an approved change: it assesses cr against the current
// version, checks that approval approved exactly that proposal (its
// route is for the proposed version), that every party signed the
// supplementary agreement (e.Signatures, as for a sign event) and that
// the new version does not overlap the current one, then returns the new
// record with the version, its Supplement and an amend event by e.Actor
// at e.At; the receiver is unchanged. Errors: a state that allows no
// amendment, such as terminated or expired (ErrTransition at /kind); an
// approval not approved or for another version (ErrTransition at
// /approval), or with a decision dated after e.At (at /approval); an
// effective date not after the current version's (overlapping versions,
// at /effective_from); a change whose id an earlier supplement of the
// record applied (at /id); AssessChange's problems (pointers into cr);
// event and signature problems (pointers into e: /actor, /at,
// /signatures/i/...); a nil or zero record (ErrInvalidInput at "").
func (r *Record) Amend(cr ChangeRequest, approval Workflow, e Event) (*Record, error) {
	if err := opened(r); err != nil {
		return r, wrap(err)
	}
	to, err := Next(r.state, EventAmend)
	if err != nil {
		return r, err
	}
	e.Kind = EventAmend
	if err := r.checkEvent(e); err != nil {
		return r, wrap(err)
	}
	for _, v := range r.versions {
		if v.Supplement != nil && v.Supplement.Change.ID == cr.ID {
			return r, wrap(outsourcing.FieldErrorf("/id", "change %q was applied already, by supplement %s", cr.ID, v.Supplement.ID))
		}
	}
	cur := r.Current()
	a, err := cur.assess(cr)
	if err != nil {
		return r, wrap(err)
	}
	last := r.versions[len(r.versions)-1]
	switch {
	case !cr.EffectiveFrom.After(last.EffectiveFrom):
		return r, wrap(outsourcing.FieldErrorf("/effective_from", "%s overlaps version %d, in force from %s", cr.EffectiveFrom, last.Number, last.EffectiveFrom))
	case cr.EffectiveFrom.After(a.Proposed.spec.Term.End):
		return r, wrap(outsourcing.FieldErrorf("/effective_from", "%s is after the term ends on %s", cr.EffectiveFrom, a.Proposed.spec.Term.End))
	}
	if err := approves(approval, a.Proposed, e.At); err != nil {
		return r, wrap(err)
	}
	if err := a.Proposed.signedByAll("/signatures", e.Signatures, e.At); err != nil {
		return r, wrap(err)
	}
	e.Change = cr.ID
	sup := &Supplement{ID: fmt.Sprintf("%s/S%d", cur.spec.ID, len(r.versions)), Change: deepCopy(cr), Version: a.Proposed.spec.Version,
		EffectiveFrom: cr.EffectiveFrom, Differences: a.Differences, Approvals: approval.Decisions(), Signatures: slices.Clone(e.Signatures)}
	return r.with(e, to, &Version{Number: a.Proposed.spec.Version, EffectiveFrom: cr.EffectiveFrom, Contract: a.Proposed, Supplement: sup}), nil
}

// valueFrom sums the payments invoiced on or after d.
func (c *Contract) valueFrom(d Date) (outsourcing.Money, error) {
	var amounts []outsourcing.Money
	for _, p := range c.schedule {
		if !p.InvoiceDate.Before(d) {
			amounts = append(amounts, p.Amount)
		}
	}
	return outsourcing.Sum(c.spec.Currency, amounts...)
}
