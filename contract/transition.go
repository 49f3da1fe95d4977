package contract

import (
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// TransitionPlan is the plan for moving the service to the provider
// (Handbook §4.1): milestones, responsibilities (RACI), knowledge
// transfer in both directions, handover of hardware, licences and data,
// risks with their responses, and the criteria the transition is
// accepted against. Milestones, knowledge-transfer and handover items
// share one id space: progress is reported by id.
type TransitionPlan struct {
	// Milestones are the plan's milestones, at least one.
	Milestones []TransitionMilestone `json:"milestones"`
	// KnowledgeTransfer lists what one party teaches the other.
	KnowledgeTransfer []TransferItem `json:"knowledge_transfer,omitempty"`
	// Handover lists what changes hands.
	Handover []HandoverItem `json:"handover,omitempty"`
	// RACI assigns responsibilities per activity.
	RACI []RACIEntry `json:"raci,omitempty"`
	// Risks are the transition's risks and their responses.
	Risks []TransitionRisk `json:"risks,omitempty"`
	// Acceptance are ids of the contract's acceptance criteria the
	// transition is accepted against.
	Acceptance []string `json:"acceptance,omitempty"`
}

// TransitionMilestone is a milestone of the transition plan.
type TransitionMilestone struct {
	// ID names the milestone.
	ID string `json:"id"`
	// Name is a readable title.
	Name string `json:"name"`
	// Due is the planned date.
	Due Date `json:"due"`
	// Owner is the id of the party that delivers it.
	Owner string `json:"owner"`
	// DependsOn are ids of items that must be done first.
	DependsOn []string `json:"depends_on,omitempty"`
}

// TransferItem is one knowledge-transfer item: Owner teaches Recipient.
type TransferItem struct {
	// ID names the item.
	ID string `json:"id"`
	// Name says what knowledge is transferred.
	Name string `json:"name"`
	// Due is the planned date.
	Due Date `json:"due"`
	// Owner is the id of the party that holds the knowledge.
	Owner string `json:"owner"`
	// Recipient is the id of the party that receives it.
	Recipient string `json:"recipient"`
}

// HandoverKind is what a handover item hands over.
type HandoverKind string

// Handover kinds.
const (
	HandoverKindHardware HandoverKind = "hardware"
	HandoverKindLicence  HandoverKind = "licence"
	HandoverKindData     HandoverKind = "data"
	HandoverKindFacility HandoverKind = "facility"
	HandoverKindContract HandoverKind = "contract"
	HandoverKindOther    HandoverKind = "other"
)

var handoverKinds = []HandoverKind{HandoverKindHardware, HandoverKindLicence, HandoverKindData,
	HandoverKindFacility, HandoverKindContract, HandoverKindOther}

// String returns the kind's name.
func (k HandoverKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k HandoverKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "handover kind", handoverKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *HandoverKind) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(k, b, "handover kind", handoverKinds)
}

// HandoverItem is one resource that changes hands: Owner hands it to
// Recipient.
type HandoverItem struct {
	// ID names the item.
	ID string `json:"id"`
	// Name says what is handed over.
	Name string `json:"name"`
	// Kind is hardware, licence, data, facility, contract or other.
	Kind HandoverKind `json:"kind"`
	// Due is the planned date.
	Due Date `json:"due"`
	// Owner is the id of the party handing it over.
	Owner string `json:"owner"`
	// Recipient is the id of the party receiving it.
	Recipient string `json:"recipient"`
}

// RACIEntry assigns the RACI roles of one activity: who does it
// (responsible), who answers for it (accountable, exactly one), who is
// consulted and who is informed.
type RACIEntry struct {
	// Activity names the activity.
	Activity string `json:"activity"`
	// Responsible do the work; at least one.
	Responsible []string `json:"responsible"`
	// Accountable answers for it; exactly one.
	Accountable string `json:"accountable"`
	// Consulted are asked before.
	Consulted []string `json:"consulted,omitempty"`
	// Informed are told after.
	Informed []string `json:"informed,omitempty"`
}

// TransitionRisk is a risk of the transition and its response.
type TransitionRisk struct {
	// ID names the risk.
	ID string `json:"id"`
	// Description says what may happen.
	Description string `json:"description"`
	// Level is the assessed risk level.
	Level outsourcing.RiskLevel `json:"level"`
	// Response is the planned response.
	Response string `json:"response"`
	// Owner is who owns the response (optional).
	Owner string `json:"owner,omitempty"`
}

// transitionItem is one dated item of the plan.
type transitionItem struct {
	kind      string
	id, name  string
	due       Date
	dependsOn []string
	path      string
}

func (p *TransitionPlan) items() []transitionItem {
	var out []transitionItem
	for i, m := range p.Milestones {
		out = append(out, transitionItem{"milestone", m.ID, m.Name, m.Due, m.DependsOn, jsonptr.Join("transition", "milestones", i)})
	}
	for i, t := range p.KnowledgeTransfer {
		out = append(out, transitionItem{"knowledge_transfer", t.ID, t.Name, t.Due, nil, jsonptr.Join("transition", "knowledge_transfer", i)})
	}
	for i, h := range p.Handover {
		out = append(out, transitionItem{"handover", h.ID, h.Name, h.Due, nil, jsonptr.Join("transition", "handover", i)})
	}
	return out
}

// transition checks the plan: unique item and risk ids, parties and
// dependencies that exist, acceptance criteria that exist, each
// dependency and criterion named once.
func (k *checker) transition() {
	p := k.c.spec.Transition
	if p == nil {
		return
	}
	items := p.items()
	ids := map[string]bool{}
	for _, it := range items {
		if ids[it.id] {
			k.fail(jsonptr.Append(it.path, "id"), "item id %q is used twice in the transition plan", it.id)
		}
		ids[it.id] = true
	}
	for _, it := range items {
		k.references(jsonptr.Append(it.path, "depends_on"), it.dependsOn, func(path, d string) {
			if !ids[d] {
				k.errs.add(notFoundf(path, "no transition item %q", d))
			}
		})
	}
	for i, m := range p.Milestones {
		k.party(jsonptr.Join("transition", "milestones", i, "owner"), m.Owner)
	}
	for i, t := range p.KnowledgeTransfer {
		k.party(jsonptr.Join("transition", "knowledge_transfer", i, "owner"), t.Owner)
		k.party(jsonptr.Join("transition", "knowledge_transfer", i, "recipient"), t.Recipient)
	}
	for i, h := range p.Handover {
		k.party(jsonptr.Join("transition", "handover", i, "owner"), h.Owner)
		k.party(jsonptr.Join("transition", "handover", i, "recipient"), h.Recipient)
	}
	k.uniqueIDs("/transition/risks", len(p.Risks), func(i int) string { return p.Risks[i].ID })
	k.references("/transition/acceptance", p.Acceptance, k.criterion)
}

// Completion records that an item (a transition item or an obligation
// occurrence) was done on a day.
type Completion struct {
	// Item is the item's id.
	Item string `json:"item"`
	// On is the day it was done.
	On Date `json:"on"`
}

// ItemStatus is the state of a dated item at a day.
type ItemStatus string

// Item statuses.
const (
	// ItemStatusOpen: not done, not yet due.
	ItemStatusOpen ItemStatus = "open"
	// ItemStatusDue: not done, due within its lead time or on the day.
	ItemStatusDue ItemStatus = "due"
	// ItemStatusOverdue: not done, its due date has passed.
	ItemStatusOverdue ItemStatus = "overdue"
	// ItemStatusDone: done on or before its due date.
	ItemStatusDone ItemStatus = "done"
	// ItemStatusDoneLate: done after its due date.
	ItemStatusDoneLate ItemStatus = "done_late"
)

var itemStatuses = []ItemStatus{ItemStatusOpen, ItemStatusDue, ItemStatusOverdue, ItemStatusDone, ItemStatusDoneLate}

// String returns the status's name.
func (s ItemStatus) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler.
func (s ItemStatus) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(s, "item status", itemStatuses)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown statuses.
func (s *ItemStatus) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(s, b, "item status", itemStatuses)
}

// statusAt returns an item's status at asOf: done is the completion day
// (zero when not done), dueFrom the first day it counts as due.
func statusAt(asOf, due, dueFrom, done Date) ItemStatus {
	switch {
	case metBy(done, asOf):
		if done.After(due) {
			return ItemStatusDoneLate
		}
		return ItemStatusDone
	case asOf.After(due):
		return ItemStatusOverdue
	case !asOf.Before(dueFrom):
		return ItemStatusDue
	}
	return ItemStatusOpen
}

// metBy reports whether an item done on done (zero when not) is done by
// asOf.
func metBy(done, asOf Date) bool { return !done.IsZero() && !done.After(asOf) }

// ItemProgress is one transition item at a day.
type ItemProgress struct {
	// ID, Kind (milestone, knowledge_transfer, handover), Name and Due
	// repeat the item.
	ID   string `json:"id"`
	Kind string `json:"kind"`
	Name string `json:"name"`
	Due  Date   `json:"due"`
	// Done is the day it was done; zero when open.
	Done Date `json:"done,omitzero"`
	// Status at the day.
	Status ItemStatus `json:"status"`
	// Waiting lists the ids of dependencies not yet done.
	Waiting []string `json:"waiting,omitempty"`
}

// TransitionProgress is the transition's progress at a day.
type TransitionProgress struct {
	// AsOf is the day.
	AsOf Date `json:"as_of"`
	// Items are the plan's items in plan order (milestones, knowledge
	// transfer, handover).
	Items []ItemProgress `json:"items"`
	// Total and Done count the items.
	Total int `json:"total"`
	Done  int `json:"done"`
	// Percent is Done / Total × 100, rounded half up to 2 places.
	Percent outsourcing.Decimal `json:"percent"`
	// Overdue lists the ids of overdue items.
	Overdue []string `json:"overdue,omitempty"`
	// OnTrack reports that no item is overdue.
	OnTrack bool `json:"on_track"`
}

// TransitionProgress reports the transition plan at asOf from the items
// done (a completion after asOf does not count yet). Errors: the
// contract has no transition plan (ErrNotFound at ""), a completion names
// no item of the plan (ErrNotFound at /i/item) or is given twice.
func (c *Contract) TransitionProgress(asOf Date, done []Completion) (TransitionProgress, error) {
	p := c.spec.Transition
	if p == nil {
		return TransitionProgress{}, wrap(notFoundf("", "the contract has no transition plan"))
	}
	items := p.items()
	doneOn, err := completions(done, len(items), func(id string) bool {
		return slices.ContainsFunc(items, func(it transitionItem) bool { return it.id == id })
	})
	if err != nil {
		return TransitionProgress{}, wrap(err)
	}
	out := TransitionProgress{AsOf: asOf, Total: len(items), OnTrack: true}
	for _, it := range items {
		d := doneOn[it.id]
		ip := ItemProgress{ID: it.id, Kind: it.kind, Name: it.name, Due: it.due, Status: statusAt(asOf, it.due, it.due, d)}
		if ip.Status == ItemStatusDone || ip.Status == ItemStatusDoneLate {
			ip.Done = d
			out.Done++
		}
		for _, dep := range it.dependsOn {
			if d, ok := doneOn[dep]; !ok || d.After(asOf) {
				ip.Waiting = append(ip.Waiting, dep)
			}
		}
		if ip.Status == ItemStatusOverdue {
			out.Overdue = append(out.Overdue, it.id)
			out.OnTrack = false
		}
		out.Items = append(out.Items, ip)
	}
	out.Percent, _ = outsourcing.DecimalFromInt(int64(100*out.Done)).Quo(outsourcing.DecimalFromInt(int64(out.Total)), 2, outsourcing.RoundHalfUp) // Total ≥ 1
	return out, nil
}

// completions indexes completions by item, checking each names a known
// item once.
func completions(done []Completion, n int, known func(string) bool) (map[string]Date, error) {
	out := make(map[string]Date, n)
	var errs problems
	for i, d := range done {
		switch _, dup := out[d.Item]; {
		case !known(d.Item):
			errs.add(notFoundf(jsonptr.Join(i, "item"), "no item %q", d.Item))
		case dup:
			errs.failf(jsonptr.Join(i, "item"), "item %q is completed twice", d.Item)
		case d.On.IsZero():
			errs.failf(jsonptr.Join(i, "on"), "a completion needs its day")
		default:
			out[d.Item] = d.On
		}
	}
	return out, joinProblems(errs)
}
