package termination

import (
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
)

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

// TransferStatus is where a handover item stands.
type TransferStatus string

// Transfer statuses.
const (
	TransferPending   TransferStatus = "pending"
	TransferDelivered TransferStatus = "delivered"
	TransferAccepted  TransferStatus = "accepted"
	TransferRejected  TransferStatus = "rejected"
)

var transferStatuses = enum[TransferStatus]{"transfer status", []TransferStatus{TransferPending, TransferDelivered, TransferAccepted, TransferRejected}}

// String returns the status's name.
func (s TransferStatus) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler.
func (s TransferStatus) MarshalText() ([]byte, error) { return transferStatuses.marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown statuses.
func (s *TransferStatus) UnmarshalText(b []byte) error { return transferStatuses.unmarshal(s, b) }

// Transfer records a step of an item's handover: delivered by the
// handing party, then accepted (the acceptance sign-off) or rejected by
// the recipient; a rejected item is delivered again.
type Transfer struct {
	// Item is the id of the handover item.
	Item string `json:"item"`
	// Status is the status the step reaches: delivered, accepted or
	// rejected.
	Status TransferStatus `json:"status"`
	// On is the day of the step.
	On contract.Date `json:"on"`
	// By is who delivered or signed off.
	By string `json:"by"`
	// Note says why an item was rejected, or what was agreed.
	Note string `json:"note,omitempty"`
}

// transferMoves is the transition table of an item's transfer.
var transferMoves = map[TransferStatus][]TransferStatus{
	TransferPending:   {TransferDelivered},
	TransferDelivered: {TransferAccepted, TransferRejected},
	TransferRejected:  {TransferDelivered},
}

// Inventory is the handover inventory of an exit plan with each item's
// transfer status (Handbook §7.3). It is an immutable value: Record
// returns a new Inventory and leaves the old one as it was.
type Inventory struct {
	items []InventoryItem
}

// InventoryItem is one item of the inventory and its transfer.
type InventoryItem struct {
	PlannedItem
	// Status is the item's transfer status.
	Status TransferStatus `json:"status"`
	// Delivered and Accepted are the days of the last delivery and of the
	// acceptance sign-off; SignedBy who signed it off.
	Delivered contract.Date `json:"delivered,omitzero"`
	Accepted  contract.Date `json:"accepted,omitzero"`
	SignedBy  string        `json:"signed_by,omitempty"`
	// History lists the item's transfer steps in order.
	History []Transfer `json:"history,omitempty"`
}

// Inventory returns the plan's handover list with every item pending.
func (p ExitPlan) Inventory() Inventory {
	inv := Inventory{items: make([]InventoryItem, len(p.Handover))}
	for i, h := range p.Handover {
		inv.items[i] = InventoryItem{PlannedItem: h, Status: TransferPending}
	}
	return inv
}

// Items returns a copy of the items in list order.
func (inv Inventory) Items() []InventoryItem {
	out := make([]InventoryItem, len(inv.items))
	for i, it := range inv.items {
		it.History = append([]Transfer(nil), it.History...)
		out[i] = it
	}
	return out
}

// Record applies a transfer step and returns the new inventory; inv is
// unchanged. Errors (*outsourcing.FieldError at a pointer into tr): an
// item not in the inventory (/item, ErrNotFound), a step the item's
// status does not allow — accepting an item never delivered, delivering
// an accepted one (/status, ErrTransition) — or a missing day or signer
// (/on, /by), or a day before the item's previous step (/on).
func (inv Inventory) Record(tr Transfer) (Inventory, error) {
	i := -1
	for j, it := range inv.items {
		if it.ID == tr.Item {
			i = j
		}
	}
	if i < 0 {
		return inv, wrap(outsourcing.FieldErrorOf(outsourcing.ErrNotFound, "/item", "item %q is not in the inventory", tr.Item))
	}
	it := inv.items[i]
	var errs problems
	if !slices.Contains(transferMoves[it.Status], tr.Status) {
		errs.add(outsourcing.FieldErrorOf(outsourcing.ErrTransition, "/status", "item %q is %s: it cannot become %s", tr.Item, it.Status, tr.Status))
	}
	if tr.On.IsZero() {
		errs.failf("/on", "a transfer step needs its day")
	} else if n := len(it.History); n > 0 && tr.On.Before(it.History[n-1].On) {
		errs.failf("/on", "item %q became %s on %s: a later step cannot be dated %s", tr.Item, it.History[n-1].Status, it.History[n-1].On, tr.On)
	}
	if tr.By == "" {
		errs.failf("/by", "a transfer step needs who made it")
	}
	if err := errs.err(); err != nil {
		return inv, wrap(err)
	}
	out := Inventory{items: inv.Items()}
	it = out.items[i]
	it.Status = tr.Status
	it.History = append(it.History, tr)
	switch tr.Status {
	case TransferDelivered:
		it.Delivered = tr.On
	case TransferAccepted:
		it.Accepted, it.SignedBy = tr.On, tr.By
	}
	out.items[i] = it
	return out, nil
}

// HandoverReport is the handover at a day and the split of
// responsibility it implies: an accepted item is the recipient's
// responsibility from its sign-off, every other item still the handing
// party's.
type HandoverReport struct {
	AsOf contract.Date `json:"as_of"`
	// Items are the inventory's items.
	Items []InventoryItem `json:"items"`
	// Total and Accepted count the items; Percent is Accepted / Total ×
	// 100, rounded half up to 2 places (100 for an empty list).
	Total    int                 `json:"total"`
	Accepted int                 `json:"accepted"`
	Percent  outsourcing.Decimal `json:"percent"`
	// Overdue lists the ids of items past their due date and not accepted.
	Overdue []string `json:"overdue,omitempty"`
	// Responsibility maps each party (or Successor) to the ids of the
	// items it is responsible for at AsOf.
	Responsibility map[string][]string `json:"responsibility"`
	// Complete reports that every item is accepted: the exit may move on
	// to data disposition.
	Complete bool `json:"complete"`
}

// statusAt is the item's status after its steps dated on or before
// asOf (Record keeps them in date order).
func (it InventoryItem) statusAt(asOf contract.Date) TransferStatus {
	status := TransferPending
	for _, tr := range it.History {
		if tr.On.After(asOf) {
			break
		}
		status = tr.Status
	}
	return status
}

// Report reports the inventory at asOf: the counts, overdue items and
// responsibilities follow the steps dated on or before asOf, so a report
// at a day before a sign-off leaves the item with the handing party;
// Items list every recorded step.
func (inv Inventory) Report(asOf contract.Date) HandoverReport {
	r := HandoverReport{AsOf: asOf, Items: inv.Items(), Total: len(inv.items), Responsibility: map[string][]string{}}
	for _, it := range inv.items {
		owner := it.From
		if it.statusAt(asOf) == TransferAccepted {
			r.Accepted++
			owner = it.To
		} else if asOf.After(it.DueDate) {
			r.Overdue = append(r.Overdue, it.ID)
		}
		r.Responsibility[owner] = append(r.Responsibility[owner], it.ID)
	}
	r.Complete = r.Accepted == r.Total
	r.Percent = outsourcing.DecimalFromInt(100)
	if r.Total > 0 {
		r.Percent, _ = outsourcing.DecimalFromInt(int64(100*r.Accepted)).Quo(outsourcing.DecimalFromInt(int64(r.Total)), 2, outsourcing.RoundHalfUp)
	}
	return r
}
