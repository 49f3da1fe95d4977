package contract

import (
	"slices"

	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
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
}

// Acceptance is the outcome of an AcceptanceRequest.
type Acceptance struct {
	// Subject repeats the request's.
	Subject string `json:"subject"`
	// Accepted reports that every criterion of the subject passed and a
	// customer signatory signed off.
	Accepted bool `json:"accepted"`
	// Passed, Failed and Missing list criterion ids: met, not met, and
	// not tested.
	Passed  []string `json:"passed,omitempty"`
	Failed  []string `json:"failed,omitempty"`
	Missing []string `json:"missing,omitempty"`
	// SignOff repeats the signature.
	SignOff Signature `json:"sign_off"`
	// On is the day of the sign-off.
	On Date `json:"on"`
}

// TransitionSubject is the AcceptanceRequest subject of the transition.
const TransitionSubject = "transition"

// Accept decides an acceptance request: every criterion of the subject
// (the milestone's, or the transition plan's) must have passed, and the
// sign-off must come from an authorised representative of the customer:
// one of its signatories, within the days of their authority. A
// signatory's Limit is not applied (it caps signing the contract, and an
// acceptance signs no value), so a CIO who may sign up to 500,000 EUR
// accepts the transition of a larger contract.
// Errors (a *outsourcing.FieldError at the request's field): an unknown
// subject (ErrNotFound at /subject), a result for a criterion the
// subject does not have (/results/i/criterion), a sign-off by anyone but
// a customer signatory authorised on the day (/sign_off/...).
func (c *Contract) Accept(req AcceptanceRequest) (Acceptance, error) {
	criteria, err := c.subjectCriteria(req.Subject)
	if err != nil {
		return Acceptance{}, wrap(err)
	}
	var errs problems
	results := map[string]bool{}
	for i, r := range req.Results {
		if !slices.Contains(criteria, r.Criterion) {
			errs.add(notFoundf(jsonptr.Join("results", i, "criterion"), "%s is not accepted against criterion %q", req.Subject, r.Criterion))
		}
		results[r.Criterion] = r.Passed
	}
	if pi, ok := c.parties[req.SignOff.Party]; ok && c.spec.Parties[pi].Role != PartyRoleCustomer {
		errs.failf("/sign_off/party", "acceptance is signed off by the customer, not %s", c.spec.Parties[pi].Name)
	} else {
		_, err := c.representative("/sign_off", req.SignOff)
		errs.add(err)
	}
	if len(errs) > 0 {
		return Acceptance{}, wrap(joinProblems(errs))
	}
	out := Acceptance{Subject: req.Subject, SignOff: req.SignOff, On: DateOf(req.SignOff.At)}
	for _, id := range criteria {
		passed, tested := results[id]
		switch {
		case !tested:
			out.Missing = append(out.Missing, id)
		case passed:
			out.Passed = append(out.Passed, id)
		default:
			out.Failed = append(out.Failed, id)
		}
	}
	out.Accepted = len(out.Failed) == 0 && len(out.Missing) == 0
	return out, nil
}

// subjectCriteria returns the acceptance criteria of a subject.
func (c *Contract) subjectCriteria(subject string) ([]string, error) {
	if subject == TransitionSubject && c.spec.Transition != nil {
		return c.spec.Transition.Acceptance, nil
	}
	i := slices.IndexFunc(c.spec.Pricing.Milestones, func(m Milestone) bool { return m.ID == subject })
	if i < 0 {
		return nil, notFoundf("/subject", "no milestone %q and no transition plan by that name", subject)
	}
	return c.spec.Pricing.Milestones[i].Criteria, nil
}
