package contract

import (
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Signature is a signature given for a party by one of its signatories
// (Handbook §3.2: signature by authorised representatives of both sides).
type Signature struct {
	// Party is the id of the party signed for.
	Party string `json:"party"`
	// Signatory is the id of the signatory within the party.
	Signatory string `json:"signatory"`
	// At is when the signature was given; its day, for the signatory's
	// authorisation (From, Until), is the day in At's own offset (see
	// DateOf).
	At time.Time `json:"at"`
}

// authorised checks that sig signs the contract: given by a signatory of
// its party who was authorised on that day and whose limit covers the
// contract's total value; problems are reported under path (the
// signature's pointer).
func (c *Contract) authorised(path string, sig Signature) error {
	s, err := c.representative(path, sig)
	if err == nil && s.Limit.IsSet() && s.Limit.Amount().LessThan(c.total.Amount()) {
		return outsourcing.FieldErrorf(jsonptr.Append(path, "signatory"), "%s may sign up to %s, less than the contract's %s", s.Name, s.Limit, c.total)
	}
	return err
}

// representative checks that sig is given by a signatory of its party
// who was authorised on that day, and returns the signatory. It does not
// apply the signatory's value limit: that caps signing the contract, not
// acting for the party under it (an acceptance sign-off).
func (c *Contract) representative(path string, sig Signature) (Signatory, error) {
	pi, ok := c.parties[sig.Party]
	if !ok {
		return Signatory{}, notFoundf(jsonptr.Append(path, "party"), "no party %q", sig.Party)
	}
	p := c.spec.Parties[pi]
	for _, s := range p.Signatories {
		if s.ID != sig.Signatory {
			continue
		}
		day := DateOf(sig.At)
		switch {
		case sig.At.IsZero():
			return s, outsourcing.FieldErrorf(jsonptr.Append(path, "at"), "a signature needs the time it was given")
		case !s.From.IsZero() && day.Before(s.From), !s.Until.IsZero() && day.After(s.Until):
			return s, outsourcing.FieldErrorf(jsonptr.Append(path, "signatory"), "%s is not authorised to sign for %s on %s", s.Name, p.Name, day)
		}
		return s, nil
	}
	return Signatory{}, outsourcing.FieldErrorf(jsonptr.Append(path, "signatory"), "%q is not an authorised signatory of %s", sig.Signatory, p.Name)
}
