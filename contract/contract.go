package contract

import (
	"encoding/json"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/sla"
)

// Contract is a compiled, checked contract. It is immutable and safe for
// concurrent use; it keeps its own copy of the spec. Only CompileContract
// makes one: functions that take a *Contract argument (NewRecord,
// Router.Route, TableRouter.Route, Reviewer.Review) refuse a nil or zero
// one with ErrInvalidInput, and its methods, like those of any nil
// pointer, panic on a nil receiver.
type Contract struct {
	spec      ContractSpec // a deep copy of the spec compiled
	doc       []byte       // the spec as canonical JSON, for the archive
	agreement *sla.Agreement
	schedule  []Payment
	annual    outsourcing.Money
	total     outsourcing.Money
	cap       outsourcing.Money
	parties   map[string]int
	clauses   map[string]int
	criteria  map[string]bool
	// obligations in contract order, and their positions by id
	obligations    []obligationRef
	obligationByID map[string]int
}

// CompileContract checks spec and builds the contract. It reports, joined
// in document order, every problem a schema cannot see, each a
// *outsourcing.FieldError at the JSON pointer of the offending value:
// duplicate ids; a customer missing or repeated; a term that ends before
// it starts; a negative amount; a price line, cap or signing limit in
// another currency than the contract's (ErrCurrencyMismatch); an
// obligation, milestone, transition item or SLA measurement naming a
// party, criterion or level that does not exist (ErrNotFound); an
// acceptance criterion's sign_off_by role that is blank or named twice,
// or that no customer signatory holds by title or roles (ErrNotFound); an SLA
// level measured twice, by no entry of /sla/measurement (at the level) or
// by an entry without a method; an SLA schedule whose agreement does not
// compile (its problems relocated under /sla/agreement); a span that,
// taken once from its date, leaves the years 1 to 9999 that dates are
// written in (the notice before the term's end, each alert before the
// cancel-by day, the first renewal term after the term's end, a fee's or
// meeting's period after its first day, an obligation's period after and
// lead time before its due date: "P9999Y" at the field). Nothing is kept
// from a spec that fails.
func CompileContract(spec ContractSpec) (*Contract, error) {
	c, err := compile(spec)
	return c, wrap(err)
}

// compiled refuses a contract that CompileContract did not make (nil or
// the zero value, which has no canonical document); path names the
// argument.
func compiled(c *Contract, path string) error {
	if c == nil || c.doc == nil {
		return outsourcing.FieldErrorf(path, "the contract is not compiled: build it with CompileContract")
	}
	return nil
}

func compile(spec ContractSpec) (*Contract, error) {
	if spec.Version == 0 {
		spec.Version = 1
	}
	c := &Contract{spec: deepCopy(spec)}
	k := checker{c: c}
	k.contract()
	if len(k.errs) > 0 {
		return nil, joinProblems(k.errs)
	}
	doc, err := json.Marshal(c.spec)
	if err != nil {
		return nil, outsourcing.FieldErrorf("", "cannot encode the contract: %v", err)
	}
	c.doc = doc
	return c, nil
}

// ID returns the contract's id.
func (c *Contract) ID() string { return c.spec.ID }

// Version returns the contract's version number, from 1.
func (c *Contract) Version() int { return c.spec.Version }

// Title returns the contract's title.
func (c *Contract) Title() string { return c.spec.Title }

// Currency returns the contract's currency.
func (c *Contract) Currency() outsourcing.Currency { return c.spec.Currency }

// Term returns the term.
func (c *Contract) Term() Term { return deepCopy(c.spec.Term) }

// Spec returns a deep copy of the contract as written (Version filled
// in): changing it changes nothing in the contract.
func (c *Contract) Spec() ContractSpec { return deepCopy(c.spec) }

// Document returns the contract as a JSON document that ParseContract
// reads back: the text the contract archive keeps (Handbook §3.3).
func (c *Contract) Document() []byte { return slices.Clone(c.doc) }

// Agreement returns the compiled SLA agreement of the SLA schedule, or
// nil when the contract has none.
func (c *Contract) Agreement() *sla.Agreement { return c.agreement }

// AnnualFees returns the periodic fees for one year: each fee's amount ×
// 12 / the months of its period (× 365 / the days for a period in weeks
// or days), rounded half up to the currency's minor unit.
func (c *Contract) AnnualFees() outsourcing.Money { return c.annual }

// TotalValue returns the contract's value over the initial term: every
// payment of PaymentSchedule (fees, prorated where a period is cut short,
// and milestones).
func (c *Contract) TotalValue() outsourcing.Money { return c.total }

// LiabilityCap returns the provider's liability cap: the larger of the
// fixed amount and the multiple of AnnualFees; Money{} when the contract
// states neither.
func (c *Contract) LiabilityCap() outsourcing.Money { return c.cap }

// Clause returns the clause with the id, and whether there is one.
func (c *Contract) Clause(id string) (Clause, bool) {
	i, ok := c.clauses[id]
	if !ok {
		return Clause{}, false
	}
	cl := c.spec.Clauses[i]
	cl.Obligations = slices.Clone(cl.Obligations)
	return cl, true
}

// Party returns a deep copy of the party with the id, and whether there
// is one: changing it changes nothing in the contract.
func (c *Contract) Party(id string) (Party, bool) {
	i, ok := c.parties[id]
	if !ok {
		return Party{}, false
	}
	return deepCopy(c.spec.Parties[i]), true
}
