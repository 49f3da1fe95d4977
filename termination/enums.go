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
