package termination

import "github.com/outsourcing-go/outsourcing"

// enum is the text form every typed enum of the package shares: its
// String, MarshalText and UnmarshalText delegate here.
type enum[T ~string] struct {
	kind   string
	values []T
}

func (e enum[T]) marshal(v T) ([]byte, error) { return outsourcing.MarshalEnum(v, e.kind, e.values) }

func (e enum[T]) unmarshal(dst *T, b []byte) error {
	return outsourcing.UnmarshalEnum(dst, b, e.kind, e.values)
}

func (e enum[T]) valid(v T) bool {
	for _, x := range e.values {
		if x == v {
			return true
		}
	}
	return false
}

// Ground is a ground for termination (Handbook §7.1).
type Ground string

// Grounds for termination.
const (
	// GroundExpiry: the term ends without renewal.
	GroundExpiry Ground = "expiry"
	// GroundMaterialBreach: a material breach not cured within the cure
	// period.
	GroundMaterialBreach Ground = "material_breach"
	// GroundRepeatedSLAFailure: service levels missed repeatedly (an sla
	// breach signal, or credits at the cap in several months).
	GroundRepeatedSLAFailure Ground = "repeated_sla_failure"
	// GroundForceMajeure: force majeure lasting beyond the agreed days.
	GroundForceMajeure Ground = "force_majeure"
	// GroundInsolvency: insolvency or change of control of the provider.
	GroundInsolvency Ground = "insolvency_change_of_control"
	// GroundConvenience: the customer's strategic change or convenience.
	GroundConvenience Ground = "convenience"
)

var grounds = enum[Ground]{"ground", []Ground{GroundExpiry, GroundMaterialBreach, GroundRepeatedSLAFailure,
	GroundForceMajeure, GroundInsolvency, GroundConvenience}}

// Grounds returns every ground in the order of Handbook §7.1.
func Grounds() []Ground { return append([]Ground(nil), grounds.values...) }

// String returns the ground's name.
func (g Ground) String() string { return string(g) }

// MarshalText implements encoding.TextMarshaler.
func (g Ground) MarshalText() ([]byte, error) { return grounds.marshal(g) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown grounds.
func (g *Ground) UnmarshalText(b []byte) error { return grounds.unmarshal(g, b) }

// Disposition is what happens to the customer's data on exit.
type Disposition string

// Data dispositions.
const (
	DispositionReturn            Disposition = "return"
	DispositionDestroy           Disposition = "destroy"
	DispositionReturnThenDestroy Disposition = "return_then_destroy"
)

var dispositions = enum[Disposition]{"disposition", []Disposition{DispositionReturn, DispositionDestroy, DispositionReturnThenDestroy}}

// String returns the disposition's name.
func (d Disposition) String() string { return string(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Disposition) MarshalText() ([]byte, error) { return dispositions.marshal(d) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown dispositions.
func (d *Disposition) UnmarshalText(b []byte) error { return dispositions.unmarshal(d, b) }

// SurvivalKind is what a surviving obligation is about (Handbook §7.2:
// reaffirmed confidentiality and non-compete duties).
type SurvivalKind string

// Kinds of surviving obligations.
const (
	SurvivalConfidentiality  SurvivalKind = "confidentiality"
	SurvivalNonCompete       SurvivalKind = "non_compete"
	SurvivalNonSolicitation  SurvivalKind = "non_solicitation"
	SurvivalIntellectualProp SurvivalKind = "intellectual_property"
	SurvivalAudit            SurvivalKind = "audit"
	SurvivalDataProtection   SurvivalKind = "data_protection"
	SurvivalOther            SurvivalKind = "other"
)

var survivalKinds = enum[SurvivalKind]{"survival kind", []SurvivalKind{SurvivalConfidentiality, SurvivalNonCompete,
	SurvivalNonSolicitation, SurvivalIntellectualProp, SurvivalAudit, SurvivalDataProtection, SurvivalOther}}

// String returns the kind's name.
func (k SurvivalKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k SurvivalKind) MarshalText() ([]byte, error) { return survivalKinds.marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *SurvivalKind) UnmarshalText(b []byte) error { return survivalKinds.unmarshal(k, b) }

// ItemKind is what a handover item is (Handbook §7.2-7.3: assets,
// documents, data, code, knowledge, staff).
type ItemKind string

// Handover item kinds.
const (
	ItemKindAsset     ItemKind = "asset"
	ItemKindDocument  ItemKind = "document"
	ItemKindData      ItemKind = "data"
	ItemKindCode      ItemKind = "code"
	ItemKindKnowledge ItemKind = "knowledge"
	ItemKindPeople    ItemKind = "people"
)

var itemKinds = enum[ItemKind]{"item kind", []ItemKind{ItemKindAsset, ItemKindDocument, ItemKindData, ItemKindCode,
	ItemKindKnowledge, ItemKindPeople}}

// String returns the kind's name.
func (k ItemKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k ItemKind) MarshalText() ([]byte, error) { return itemKinds.marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *ItemKind) UnmarshalText(b []byte) error { return itemKinds.unmarshal(k, b) }
