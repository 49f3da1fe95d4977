package termination

import "github.com/outsourcing-go/outsourcing/contract"

// Successor names the customer's successor provider as the recipient of
// a handover item, when it is not a party to the contract.
const Successor = "successor"

// HandoverItem is one entry of the handover list (Handbook §7.2-7.3):
// an asset, document, data set, code base, body of knowledge or group of
// people that From hands to To.
type HandoverItem struct {
	// ID names the item; unique in the list.
	ID string `json:"id"`
	// Name says what it is.
	Name string `json:"name"`
	// Kind is asset, document, data, code, knowledge or people.
	Kind ItemKind `json:"kind"`
	// From is the id of the party handing it over.
	From string `json:"from"`
	// To is the id of the receiving party, or Successor.
	To string `json:"to"`
	// Due is how long after the exit starts (the termination notice) the
	// item is due.
	Due contract.Span `json:"due"`
	// Clause is the id of the clause that requires it.
	Clause string `json:"clause"`
}
