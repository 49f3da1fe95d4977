package contract

import (
	"encoding/json"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/sla"
)

// DifferenceKind says how a part changed between two versions.
type DifferenceKind string

// Difference kinds.
const (
	DifferenceAdded   DifferenceKind = "added"
	DifferenceRemoved DifferenceKind = "removed"
	DifferenceChanged DifferenceKind = "changed"
)

// Difference is one change between two contract versions.
type Difference struct {
	// Kind is added, removed or changed.
	Kind DifferenceKind `json:"kind"`
	// Area is what changed: clause, fee, rate, milestone, sla_target,
	// term, payment_terms, liability or pricing.
	Area string `json:"area"`
	// ID is the id of the clause, fee, rate, milestone or service level.
	ID string `json:"id,omitempty"`
	// Path is the JSON pointer of the part in the newer version's
	// document (in the older one's for a removal).
	Path string `json:"path"`
	// Before and After are the values as the documents write them
	// (strings unquoted, others as compact JSON). An addition has only
	// After, the whole item added; a removal only Before, the whole item
	// removed.
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
	// Amount is what an added or removed price line costs: a fee's or
	// milestone's amount, a rate's price; Money{} (omitted) for a change
	// and for other parts.
	Amount outsourcing.Money `json:"amount,omitzero"`
}

// priced is a price line: a fee, a rate or a milestone.
type priced interface{ price() outsourcing.Money }

func (f Fee) price() outsourcing.Money       { return f.Amount }
func (r Rate) price() outsourcing.Money      { return r.Price }
func (m Milestone) price() outsourcing.Money { return m.Amount }

// whole is the Difference of an item added or removed as a whole.
func whole(kind DifferenceKind, area, id, path string, item any) Difference {
	d := Difference{Kind: kind, Area: area, ID: id, Path: path}
	if kind == DifferenceAdded {
		d.After = show(item)
	} else {
		d.Before = show(item)
	}
	if p, ok := item.(priced); ok {
		d.Amount = p.price()
	}
	return d
}

// Diff returns what changed from older to newer, in document order:
// clauses (kind, title, text, obligations), the term, fees, rates and
// milestones (each by id, field by field), the ceiling, payment terms,
// the liability cap and the SLA targets (expected and minimum per level).
// An item with an id only one version has is added or removed whole: the
// Difference carries the item (After or Before) and, for a price line,
// its Amount. Both must be compiled contracts: Diff panics on a nil one,
// as a method of a nil pointer does.
func Diff(older, newer *Contract) []Difference {
	a, b := &older.spec, &newer.spec
	var d differ
	diffList(&d, "clause", "/clauses", a.Clauses, b.Clauses, func(c Clause) string { return c.ID },
		func(c Clause) []field {
			return []field{{"kind", c.Kind}, {"title", c.Title}, {"text", c.Text}, {"obligations", c.Obligations}}
		})
	d.field("term", "", "/term/start", a.Term.Start, b.Term.Start)
	d.field("term", "", "/term/end", a.Term.End, b.Term.End)
	d.field("term", "", "/term/renewal", a.Term.Renewal, b.Term.Renewal)
	d.field("term", "", "/term/notice", a.Term.Notice, b.Term.Notice)
	diffList(&d, "fee", "/pricing/fees", a.Pricing.Fees, b.Pricing.Fees, func(f Fee) string { return f.ID },
		func(f Fee) []field {
			return []field{{"amount", f.Amount}, {"every", f.Every}, {"billing", f.Billing}, {"from", f.From}, {"until", f.Until}}
		})
	diffList(&d, "rate", "/pricing/rate_card", a.Pricing.RateCard, b.Pricing.RateCard, func(r Rate) string { return r.ID },
		func(r Rate) []field { return []field{{"unit", r.Unit}, {"price", r.Price}, {"max_units", r.MaxUnits}} })
	diffList(&d, "milestone", "/pricing/milestones", a.Pricing.Milestones, b.Pricing.Milestones, func(m Milestone) string { return m.ID },
		func(m Milestone) []field {
			return []field{{"amount", m.Amount}, {"due", m.Due}, {"criteria", m.Criteria}}
		})
	d.field("pricing", "", "/pricing/ceiling", a.Pricing.Ceiling, b.Pricing.Ceiling)
	d.field("payment_terms", "", "/payment_terms", a.PaymentTerms, b.PaymentTerms)
	d.field("liability", "", "/liability/cap", a.Liability.Cap, b.Liability.Cap)
	diffList(&d, "sla_target", "/sla/agreement/levels", levels(a.SLA), levels(b.SLA), func(l sla.Level) string { return l.ID },
		func(l sla.Level) []field { return []field{{"expected", l.Expected}, {"minimum", l.Minimum}} })
	return d.out
}

func levels(s *SLASchedule) []sla.Level {
	if s == nil {
		return nil
	}
	return s.Agreement.Levels
}

// field is a named value compared by its JSON encoding.
type field struct {
	name  string
	value any
}

type differ struct{ out []Difference }

// field records a change of one value at path.
func (d *differ) field(area, id, path string, a, b any) {
	x, y := show(a), show(b)
	if x != y {
		d.out = append(d.out, Difference{Kind: DifferenceChanged, Area: area, ID: id, Path: path, Before: x, After: y})
	}
}

// show writes a value as its document does, strings unquoted.
func show(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	s := string(b)
	if s == "null" || s == `""` {
		return ""
	}
	if strings.HasPrefix(s, `"`) {
		var str string
		if json.Unmarshal(b, &str) == nil {
			return str
		}
	}
	return s
}

// diffList compares two lists of items by id: removals (at the older
// index), then additions and changes (at the newer index).
func diffList[T any](d *differ, area, list string, a, b []T, id func(T) string, fields func(T) []field) {
	byID := make(map[string]int, len(a))
	for i, x := range a {
		byID[id(x)] = i
	}
	inB := make(map[string]bool, len(b))
	for _, y := range b {
		inB[id(y)] = true
	}
	for i, x := range a {
		if !inB[id(x)] {
			d.out = append(d.out, whole(DifferenceRemoved, area, id(x), jsonptr.Append(list, i), x))
		}
	}
	for j, y := range b {
		i, ok := byID[id(y)]
		if !ok {
			d.out = append(d.out, whole(DifferenceAdded, area, id(y), jsonptr.Append(list, j), y))
			continue
		}
		fx, fy := fields(a[i]), fields(y)
		for k := range fy {
			d.field(area, id(y), jsonptr.Append(list, j, fy[k].name), fx[k].value, fy[k].value)
		}
	}
}
