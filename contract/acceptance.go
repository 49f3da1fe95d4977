package contract

import (
	"slices"
	"strings"

	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// CriterionResult is the outcome of testing one acceptance criterion.
type CriterionResult struct {
	// Criterion is the criterion's id.
	Criterion string `json:"criterion"`
	// Passed reports whether it was met.
	Passed bool `json:"passed"`
	// Evidence points to the test record.
	Evidence string `json:"evidence,omitempty"`
}

// AcceptanceRequest asks for the acceptance of a milestone or of the
// transition (Handbook §4.1: acceptance against the contract's criteria).
type AcceptanceRequest struct {
	// Subject is a milestone id of the pricing, or "transition".
	Subject string `json:"subject"`
	// Results are the criteria tested.
	Results []CriterionResult `json:"results"`
	// SignOff is the customer's signature accepting the subject: one of
	// the customer's signatories, authorised on the day. Their Limit does
	// not apply: it caps the contract value they may sign, and accepting a
	// deliverable under a signed contract is not a signature on its value.
	SignOff Signature `json:"sign_off"`
	// CoSignOffs are further customer signatures, as SignOff, where the
	// subject's criteria need the sign-off of several roles
	// (Criterion.SignOffBy: the business owner and IT security); each
	// from another signatory. Empty when one sign-off suffices.
	CoSignOffs []Signature `json:"co_sign_offs,omitempty"`
}

// signOffs returns the request's signatures with their JSON pointers:
// SignOff first, then CoSignOffs.
func (r AcceptanceRequest) signOffs() ([]Signature, []string) {
	sigs := append([]Signature{r.SignOff}, r.CoSignOffs...)
	paths := []string{"/sign_off"}
	for i := range r.CoSignOffs {
		paths = append(paths, jsonptr.Join("co_sign_offs", i))
	}
	return sigs, paths
}

// Acceptance is the outcome of an AcceptanceRequest.
type Acceptance struct {
	// Subject repeats the request's.
	Subject string `json:"subject"`
	// Accepted reports that every criterion of the subject passed and was
	// signed off by the roles it names (Criterion.SignOffBy).
	Accepted bool `json:"accepted"`
	// Passed, Failed and Missing list criterion ids: met, not met, and
	// not tested.
	Passed  []string `json:"passed,omitempty"`
	Failed  []string `json:"failed,omitempty"`
	Missing []string `json:"missing,omitempty"`
	// Unsigned lists the criteria of the subject, in the subject's
	// order, whose roles did not all sign off, with the roles missing.
	Unsigned []UnsignedCriterion `json:"unsigned,omitempty"`
	// SignOff and CoSignOffs repeat the signatures.
	SignOff    Signature   `json:"sign_off"`
	CoSignOffs []Signature `json:"co_sign_offs,omitempty"`
	// On is the day of the last sign-off, when the acceptance was complete.
	On Date `json:"on"`
}

// UnsignedCriterion is a criterion that lacks a required sign-off.
type UnsignedCriterion struct {
	// Criterion is the criterion's id.
	Criterion string `json:"criterion"`
	// Roles are the roles of its SignOffBy that no sign-off holds, as
	// the criterion names them.
	Roles []string `json:"roles"`
}

// TransitionSubject is the AcceptanceRequest subject of the transition.
const TransitionSubject = "transition"

// Accept decides an acceptance request: every criterion of the subject
// (the milestone's, or the transition plan's) must have passed and be
// signed off by every role its SignOffBy names, and each sign-off must
// come from an authorised representative of the customer: one of its
// signatories, within the days of their authority. A signatory's Limit
// is not applied (it caps signing the contract, and an acceptance signs
// no value), so a CIO who may sign up to 500,000 EUR accepts the
// transition of a larger contract.
//
// A role that has not signed off yet is an outcome, not an error: the
// criterion is listed in Unsigned with the roles missing and Accepted is
// false, so the request can be sent again with the missing signatures.
// A signature that can count for nothing is an error: one by a
// signatory who holds none of the subject's roles when every criterion
// of the subject names roles.
//
// Errors (a *outsourcing.FieldError at the request's field): an unknown
// subject (ErrNotFound at /subject), a result for a criterion the
// subject does not have or one given a result twice
// (/results/i/criterion), a sign-off
// (/sign_off/... or /co_sign_offs/i/...) by anyone but a customer
// signatory authorised on the day, by a signatory who signed off before
// in the request, or by one holding none of the subject's roles where
// every criterion names roles (at .../signatory).
func (c *Contract) Accept(req AcceptanceRequest) (Acceptance, error) {
	criteria, err := c.subjectCriteria(req.Subject)
	if err != nil {
		return Acceptance{}, wrap(err)
	}
	var errs problems
	results := map[string]bool{}
	for i, r := range req.Results {
		if !slices.ContainsFunc(criteria, func(cr Criterion) bool { return cr.ID == r.Criterion }) {
			errs.add(notFoundf(jsonptr.Join("results", i, "criterion"), "%s is not accepted against criterion %q", req.Subject, r.Criterion))
		}
		if _, twice := results[r.Criterion]; twice {
			errs.failf(jsonptr.Join("results", i, "criterion"), "criterion %q has a result already: one result a criterion", r.Criterion)
		}
		results[r.Criterion] = r.Passed
	}
	sigs, paths := req.signOffs()
	signers := c.signers(req.Subject, sigs, paths, criteria, &errs)
	if len(errs) > 0 {
		return Acceptance{}, wrap(joinProblems(errs))
	}
	out := Acceptance{Subject: req.Subject, SignOff: req.SignOff, CoSignOffs: slices.Clone(req.CoSignOffs)}
	for _, sig := range sigs {
		if day := DateOf(sig.At); day.After(out.On) {
			out.On = day
		}
	}
	for _, cr := range criteria {
		passed, tested := results[cr.ID]
		switch {
		case !tested:
			out.Missing = append(out.Missing, cr.ID)
		case passed:
			out.Passed = append(out.Passed, cr.ID)
		default:
			out.Failed = append(out.Failed, cr.ID)
		}
		if missing := unsignedRoles(cr, signers); len(missing) > 0 {
			out.Unsigned = append(out.Unsigned, UnsignedCriterion{Criterion: cr.ID, Roles: missing})
		}
	}
	out.Accepted = len(out.Failed) == 0 && len(out.Missing) == 0 && len(out.Unsigned) == 0
	return out, nil
}

// signers checks the signatures accepting subject (at paths) and
// returns their signatories; problems go to errs.
func (c *Contract) signers(subject string, sigs []Signature, paths []string, criteria []Criterion, errs *problems) []Signatory {
	var roles []string           // the subject's roles, each once
	anyone := len(criteria) == 0 // some criterion any customer signatory signs off
	for _, cr := range criteria {
		for _, role := range cr.SignOffBy {
			if !slices.ContainsFunc(roles, func(r string) bool { return strings.EqualFold(r, role) }) {
				roles = append(roles, role)
			}
		}
		anyone = anyone || len(cr.SignOffBy) == 0
	}
	var out []Signatory
	for i, sig := range sigs {
		path := paths[i]
		if pi, ok := c.parties[sig.Party]; ok && c.spec.Parties[pi].Role != PartyRoleCustomer {
			errs.failf(jsonptr.Append(path, "party"), "acceptance is signed off by the customer, not %s", c.spec.Parties[pi].Name)
			continue
		}
		s, err := c.representative(path, sig)
		switch {
		case err != nil:
			errs.add(err)
		case slices.ContainsFunc(sigs[:i], func(o Signature) bool { return o.Party == sig.Party && o.Signatory == sig.Signatory }):
			errs.failf(jsonptr.Append(path, "signatory"), "%s signs off twice", s.Name)
		case !anyone && !slices.ContainsFunc(roles, s.holds):
			errs.failf(jsonptr.Append(path, "signatory"), "%s holds none of the roles that sign off %s: %s", s.Name, subject, text.List(roles))
		default:
			out = append(out, s)
		}
	}
	return out
}

// unsignedRoles returns the roles of the criterion's SignOffBy that none
// of the signers holds.
func unsignedRoles(cr Criterion, signers []Signatory) []string {
	var out []string
	for _, role := range cr.SignOffBy {
		if !slices.ContainsFunc(signers, func(s Signatory) bool { return s.holds(role) }) {
			out = append(out, role)
		}
	}
	return out
}

// holds reports whether the signatory holds the role: it is their Title
// or one of their Roles, compared without regard to case. No one holds
// a blank role.
func (s Signatory) holds(role string) bool {
	same := func(r string) bool { return strings.EqualFold(r, role) }
	return strings.TrimSpace(role) != "" && (same(s.Title) || slices.ContainsFunc(s.Roles, same))
}

// subjectCriteria returns the acceptance criteria of a subject, in the
// subject's order.
func (c *Contract) subjectCriteria(subject string) ([]Criterion, error) {
	var ids []string
	if subject == TransitionSubject && c.spec.Transition != nil {
		ids = c.spec.Transition.Acceptance
	} else {
		i := slices.IndexFunc(c.spec.Pricing.Milestones, func(m Milestone) bool { return m.ID == subject })
		if i < 0 {
			return nil, notFoundf("/subject", "no milestone %q and no transition plan by that name", subject)
		}
		ids = c.spec.Pricing.Milestones[i].Criteria
	}
	out := make([]Criterion, 0, len(ids))
	for _, id := range ids {
		i := slices.IndexFunc(c.spec.Acceptance, func(cr Criterion) bool { return cr.ID == id })
		out = append(out, c.spec.Acceptance[i]) // CompileContract checked the reference
	}
	return out, nil
}
