package risk

import "github.com/outsourcing-go/outsourcing"

// Status is where a risk stands in its life cycle (Handbook §5.3).
type Status string

// Risk statuses.
const (
	// StatusOpen is an identified risk that is assessed but not yet treated.
	StatusOpen Status = "open"
	// StatusInTreatment is a risk whose treatment plan is being carried out.
	StatusInTreatment Status = "in_treatment"
	// StatusMonitoring is a treated or accepted risk under monitoring.
	StatusMonitoring Status = "monitoring"
	// StatusClosed is a risk that no longer applies; it needs no review or drill.
	StatusClosed Status = "closed"
)

var statuses = []Status{StatusOpen, StatusInTreatment, StatusMonitoring, StatusClosed}

// String returns the status name.
func (s Status) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown statuses.
func (s Status) MarshalText() ([]byte, error) { return outsourcing.MarshalEnum(s, "status", statuses) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown statuses.
func (s *Status) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(s, text, "status", statuses)
}

// Treatment is the response chosen for a risk (Handbook §5.2: avoid,
// transfer, mitigate, accept). ISO27005 and ISO31000 give the standards'
// names for each option.
type Treatment string

// Treatment options.
const (
	// TreatmentAvoid stops the activity that gives rise to the risk.
	TreatmentAvoid Treatment = "avoid"
	// TreatmentMitigate adds or improves controls that change likelihood or impact.
	TreatmentMitigate Treatment = "mitigate"
	// TreatmentTransfer shares the risk with another party: insurance, contract terms.
	TreatmentTransfer Treatment = "transfer"
	// TreatmentAccept retains the risk by an informed decision.
	TreatmentAccept Treatment = "accept"
)

var treatments = []Treatment{TreatmentAvoid, TreatmentMitigate, TreatmentTransfer, TreatmentAccept}

// String returns the treatment name.
func (t Treatment) String() string { return string(t) }

// Label returns the treatment in words for a reader ("mitigate"); String
// and JSON keep the id. The treatments' ids are words already.
func (t Treatment) Label() string { return string(t) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown treatments.
func (t Treatment) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(t, "treatment", treatments)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown treatments.
func (t *Treatment) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(t, text, "treatment", treatments)
}

// ISO27005 returns the ISO/IEC 27005 risk treatment option (clause 9 of the
// 2011 edition, 8.2 of 2022): risk avoidance, risk modification, risk
// sharing or risk retention; "" for an unknown treatment.
func (t Treatment) ISO27005() string {
	switch t {
	case TreatmentAvoid:
		return "risk avoidance"
	case TreatmentMitigate:
		return "risk modification"
	case TreatmentTransfer:
		return "risk sharing"
	case TreatmentAccept:
		return "risk retention"
	}
	return ""
}

// ISO31000 returns the ISO 31000:2018 clause 6.5.2 treatment option(s) the
// treatment corresponds to; "" for an unknown treatment.
func (t Treatment) ISO31000() string {
	switch t {
	case TreatmentAvoid:
		return "avoiding the risk by deciding not to start or continue with the activity that gives rise to the risk"
	case TreatmentMitigate:
		return "removing the risk source; changing the likelihood; changing the consequences"
	case TreatmentTransfer:
		return "sharing the risk (e.g. through contracts, buying insurance)"
	case TreatmentAccept:
		return "retaining the risk by informed decision"
	}
	return ""
}

// ControlTarget says which axis a control reduces.
type ControlTarget string

// Control targets. The zero value "" means ControlTargetLikelihood.
const (
	// ControlTargetLikelihood: a preventive control, lowering likelihood.
	ControlTargetLikelihood ControlTarget = "likelihood"
	// ControlTargetImpact: a corrective or detective control, lowering impact.
	ControlTargetImpact ControlTarget = "impact"
)

var controlTargets = []ControlTarget{ControlTargetLikelihood, ControlTargetImpact}

// String returns the target name.
func (c ControlTarget) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown targets.
func (c ControlTarget) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(c, "target", controlTargets)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown targets.
func (c *ControlTarget) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(c, text, "target", controlTargets)
}

// Zone places a risk level against the matrix's appetite and tolerance.
type Zone string

// Zones, from the most to the least acceptable.
const (
	// ZoneWithinAppetite: at or below the appetite level; acceptable as it is.
	ZoneWithinAppetite Zone = "within_appetite"
	// ZoneWithinTolerance: above appetite, at or below tolerance; may be
	// accepted by an approver.
	ZoneWithinTolerance Zone = "within_tolerance"
	// ZoneBeyondTolerance: above tolerance; must be treated.
	ZoneBeyondTolerance Zone = "beyond_tolerance"
)

var zones = []Zone{ZoneWithinAppetite, ZoneWithinTolerance, ZoneBeyondTolerance}

// String returns the zone name.
func (z Zone) String() string { return string(z) }

// Label returns the zone in words for a reader ("within appetite");
// String and JSON keep the id. An unknown value is returned as it is.
func (z Zone) Label() string {
	switch z {
	case ZoneWithinAppetite:
		return "within appetite"
	case ZoneWithinTolerance:
		return "within tolerance"
	case ZoneBeyondTolerance:
		return "beyond tolerance"
	}
	return string(z)
}

// MarshalText implements encoding.TextMarshaler; it rejects unknown zones.
func (z Zone) MarshalText() ([]byte, error) { return outsourcing.MarshalEnum(z, "zone", zones) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown zones.
func (z *Zone) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(z, text, "zone", zones)
}

// Formula combines the likelihood and impact values of a cell into a score
// that level bands classify.
type Formula string

// Score formulas over the axis values L and I.
const (
	// FormulaProduct is L × I, the classic risk score.
	FormulaProduct Formula = "product"
	// FormulaSum is L + I, for logarithmic scales.
	FormulaSum Formula = "sum"
	// FormulaMax is max(L, I), the worst of the two.
	FormulaMax Formula = "max"
)

var formulas = []Formula{FormulaProduct, FormulaSum, FormulaMax}

// String returns the formula name.
func (f Formula) String() string { return string(f) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown formulas.
func (f Formula) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(f, "formula", formulas)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown formulas.
func (f *Formula) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(f, text, "formula", formulas)
}

// apply computes the formula's score.
func (f Formula) apply(l, i float64) float64 {
	switch f {
	case FormulaSum:
		return l + i
	case FormulaMax:
		return max(l, i)
	default:
		return l * i
	}
}
