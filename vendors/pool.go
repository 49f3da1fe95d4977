package vendors

import (
	"errors"
	"fmt"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// PoolSpec is the JSON form of a vendor pool (schema/pool.schema.json):
//
//	{"id": "tender-2025", "currency": "EUR", "vendors": [{"id": "acme", "name": "Acme IT", ...}]}
type PoolSpec struct {
	// ID names the pool (optional).
	ID string `json:"id,omitempty"`
	// Currency is the currency of every amount in the profiles; required
	// when any profile has financials, litigation exposure or both.
	Currency outsourcing.Currency `json:"currency,omitempty"`
	// Vendors are the profiles, in the order results list them.
	Vendors []Profile `json:"vendors"`
}

// Pool is a compiled vendor pool: profiles with unique ids and amounts in
// one currency. It is immutable and safe for concurrent use.
type Pool struct {
	id       string
	currency outsourcing.Currency
	vendors  []Profile
	index    map[string]int
}

// ParsePool validates doc against PoolSchema and decodes it (numbers
// exact, unknown fields rejected). Problems are *outsourcing.FieldError
// values with JSON-pointer paths into doc ("/vendors/3/certifications/0/expires").
func ParsePool(doc []byte) (PoolSpec, error) {
	return parse[PoolSpec](poolSchema, doc)
}

// CompilePool checks what the schema cannot — unique vendor ids, amounts
// in the pool's currency, validity periods that end after they start —
// and builds the pool. Every problem is reported, joined in document
// order, each a *outsourcing.FieldError at the field's pointer whose
// reason names the vendor; a duplicate id matches ErrInvalidInput, an
// amount in another currency ErrCurrencyMismatch.
func CompilePool(spec PoolSpec) (*Pool, error) {
	var errs []error
	index := make(map[string]int, len(spec.Vendors))
	for i, v := range spec.Vendors {
		at := jsonptr.Join("vendors", i)
		if first, dup := index[v.ID]; dup {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "id"), "duplicate vendor id %q (first at /vendors/%d)", v.ID, first))
		} else {
			index[v.ID] = i
		}
		errs = append(errs, checkProfile(at, v, spec.Currency)...)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, wrap(err)
	}
	p := &Pool{id: spec.ID, currency: spec.Currency, vendors: make([]Profile, len(spec.Vendors)), index: index}
	for i, v := range spec.Vendors {
		p.vendors[i] = v.clone()
	}
	return p, nil
}

// checkProfile reports what is wrong with one profile at pointer at.
func checkProfile(at string, v Profile, currency outsourcing.Currency) []error {
	var errs []error
	who := fmt.Sprintf("vendor %q: ", v.ID)
	if v.ID == "" {
		errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "id"), "vendor id is empty"))
	}
	for j, c := range v.Certifications {
		if !c.Expires.After(c.Issued) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "certifications", j, "expires"), "%scertificate %s expires before it is issued",
				who, c.Standard))
		}
	}
	for j, a := range v.Attestations {
		if !a.Expires.After(a.Date) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "attestations", j, "expires"), "%s%s attestation expires before its date", who, a.Kind))
		}
	}
	money := func(path string, m outsourcing.Money) {
		switch {
		case m.IsZero():
		case currency == "":
			errs = append(errs, outsourcing.FieldErrorf(path, "%samount in %s but the pool has no currency", who, m.Currency()))
		case m.Currency() != currency:
			errs = append(errs, outsourcing.FieldErrorOf(outsourcing.ErrCurrencyMismatch, path, "%samount in %s, the pool's currency is %s",
				who, m.Currency(), currency))
		case m.IsNegative():
			errs = append(errs, outsourcing.FieldErrorf(path, "%samount is negative", who))
		}
	}
	if v.Financials != nil {
		money(jsonptr.Append(at, "financials", "revenue"), v.Financials.Revenue)
	}
	for j, l := range v.Litigation {
		money(jsonptr.Append(at, "litigation", j, "exposure"), l.Exposure)
	}
	return errs
}

// ID returns the pool's id.
func (p *Pool) ID() string { return p.id }

// Currency returns the currency of the pool's amounts ("" when it has none).
func (p *Pool) Currency() outsourcing.Currency { return p.currency }

// Len returns the number of vendors.
func (p *Pool) Len() int { return len(p.vendors) }

// IDs returns the vendor ids in pool order.
func (p *Pool) IDs() []string {
	ids := make([]string, len(p.vendors))
	for i, v := range p.vendors {
		ids[i] = v.ID
	}
	return ids
}

// Profile returns a copy of the profile of vendor id, and false if the
// pool has no such vendor.
func (p *Pool) Profile(id string) (Profile, bool) {
	i, ok := p.index[id]
	if !ok {
		return Profile{}, false
	}
	return p.vendors[i].clone(), true
}

// Profiles returns a copy of every profile, in pool order.
func (p *Pool) Profiles() []Profile {
	out := slices.Clone(p.vendors)
	for i := range out {
		out[i] = out[i].clone()
	}
	return out
}
