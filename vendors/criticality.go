package vendors

import (
	"errors"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Stakeholder rates a vendor as an ecosystem stakeholder the way EBIOS
// Risk Manager does for its digital threat map (ANSSI, EBIOS Risk
// Manager guide, 2018, workshop 3), each criterion from 1 to 4:
// Dependency (how much the buyer relies on the vendor for its business),
// Penetration (how far the vendor reaches into the buyer's information
// system), Maturity (the vendor's cyber-security maturity) and Trust (how
// far its intentions and interests are known and aligned).
type Stakeholder struct {
	Vendor      string `json:"vendor"`
	Dependency  int    `json:"dependency"`
	Penetration int    `json:"penetration"`
	Maturity    int    `json:"maturity"`
	Trust       int    `json:"trust"`
}

// Zone is where a stakeholder falls on the EBIOS RM threat map.
type Zone string

// Threat-map zones, from the centre out.
const (
	// ZoneDanger: the threat level is at or above the danger threshold;
	// security measures are needed to bring the stakeholder out of it.
	ZoneDanger Zone = "danger"
	// ZoneControl: at or above the control threshold; under watch with
	// measures considered.
	ZoneControl Zone = "control"
	// ZoneWatch: below the control threshold.
	ZoneWatch Zone = "watch"
)

var zones = []Zone{ZoneDanger, ZoneControl, ZoneWatch}

// String returns the zone's name.
func (z Zone) String() string { return string(z) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown zones.
func (z Zone) MarshalText() ([]byte, error) { return outsourcing.MarshalEnum(z, "zone", zones) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown zones.
func (z *Zone) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(z, text, "zone", zones)
}

// ZoneThresholds are the threat levels at which the danger and control
// zones start. EBIOS RM leaves them to the study.
type ZoneThresholds struct {
	Danger  outsourcing.Decimal `json:"danger"`
	Control outsourcing.Decimal `json:"control"`
}

// DefaultZoneThresholds returns this package's thresholds: control from
// 1 (exposure equal to cyber reliability), danger from 2 (exposure twice
// the reliability).
func DefaultZoneThresholds() ZoneThresholds {
	return ZoneThresholds{Danger: outsourcing.DecimalFromInt(2), Control: outsourcing.DecimalFromInt(1)}
}

// Criticality is a stakeholder's threat level and zone.
type Criticality struct {
	Vendor string `json:"vendor"`
	// Exposure is Dependency × Penetration, Reliability is Maturity × Trust
	// (each 1 to 16).
	Exposure    int `json:"exposure"`
	Reliability int `json:"reliability"`
	// Threat is Exposure / Reliability, rounded half up to 2 places for
	// display; the zone is decided on the exact ratio.
	Threat outsourcing.Decimal `json:"threat"`
	Zone   Zone                `json:"zone"`
	// RiskLevel carries the zone into a risk register: danger is high,
	// control moderate, watch low.
	RiskLevel outsourcing.RiskLevel `json:"risk_level"`
}

// AssessCriticality computes the EBIOS RM threat level of a stakeholder,
// (dependency × penetration) / (cyber maturity × trust), and its zone.
// A rating outside 1–4 is a *FieldError at "/dependency", "/penetration",
// "/maturity" or "/trust"; thresholds not positive or a danger threshold
// not above the control one at "/danger" or "/control" of th.
func AssessCriticality(s Stakeholder, th ZoneThresholds) (Criticality, error) {
	if err := errors.Join(append(s.check(), th.check()...)...); err != nil {
		return Criticality{}, wrap(err)
	}
	c, err := s.assess(th)
	return c, wrap(err)
}

// EcosystemSpec is an EBIOS RM ecosystem map (schema/ecosystem.schema.json):
// the vendors rated as stakeholders and, optionally, the study's zone
// thresholds.
//
//	{"thresholds": {"danger": "2", "control": "1"},
//	 "stakeholders": [{"vendor": "cloud_host", "dependency": 4, "penetration": 4, "maturity": 2, "trust": 2}]}
type EcosystemSpec struct {
	ID string `json:"id,omitempty"`
	// Thresholds, when set, replace DefaultZoneThresholds.
	Thresholds   *ZoneThresholds `json:"thresholds,omitempty"`
	Stakeholders []Stakeholder   `json:"stakeholders"`
}

// ParseEcosystem validates doc against EcosystemSchema and decodes it
// (numbers exact, unknown fields rejected). Problems are
// *outsourcing.FieldError values at JSON pointers into doc
// ("/stakeholders/2/trust").
func ParseEcosystem(doc []byte) (EcosystemSpec, error) {
	return parse[EcosystemSpec](ecosystemSchema, doc)
}

// AssessEcosystem assesses every stakeholder of spec, in order, with its
// thresholds. Problems are *FieldError values at pointers into spec,
// joined: a rating outside 1–4 at "/stakeholders/i/<rating>", a vendor
// rated twice at "/stakeholders/i/vendor", bad thresholds at
// "/thresholds/danger" or "/thresholds/control".
func AssessEcosystem(spec EcosystemSpec) ([]Criticality, error) {
	th := DefaultZoneThresholds()
	if spec.Thresholds != nil {
		th = *spec.Thresholds
	}
	errs := []error{outsourcing.AtPath("/thresholds", errors.Join(th.check()...))}
	first := map[string]int{}
	for i, s := range spec.Stakeholders {
		at := jsonptr.Join("stakeholders", i)
		if j, dup := first[s.Vendor]; dup {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "vendor"), "vendor %q is rated twice (first at /stakeholders/%d)", s.Vendor, j))
		} else {
			first[s.Vendor] = i
		}
		errs = append(errs, outsourcing.AtPath(at, errors.Join(s.check()...)))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, wrap(err)
	}
	out := make([]Criticality, len(spec.Stakeholders))
	for i, s := range spec.Stakeholders {
		c, err := s.assess(th)
		if err != nil {
			return nil, wrap(outsourcing.AtPath(jsonptr.Join("stakeholders", i), err))
		}
		out[i] = c
	}
	return out, nil
}

// check reports the ratings outside 1–4, at "/<rating>".
func (s Stakeholder) check() []error {
	var errs []error
	for _, r := range []struct {
		name  string
		value int
	}{{"dependency", s.Dependency}, {"penetration", s.Penetration}, {"maturity", s.Maturity}, {"trust", s.Trust}} {
		if r.value < 1 || r.value > 4 {
			errs = append(errs, outsourcing.FieldErrorf("/"+r.name, "vendor %q: %s %d is not in 1 to 4", s.Vendor, r.name, r.value))
		}
	}
	return errs
}

// check reports thresholds that cannot separate three zones.
func (th ZoneThresholds) check() []error {
	var errs []error
	if !th.Control.IsPositive() {
		errs = append(errs, outsourcing.FieldErrorf("/control", "control threshold %s is not positive", th.Control))
	}
	if !th.Danger.GreaterThan(th.Control) {
		errs = append(errs, outsourcing.FieldErrorf("/danger", "danger threshold %s is not above the control threshold %s", th.Danger, th.Control))
	}
	return errs
}

// assess computes the threat level and zone of a checked stakeholder:
// the zone compares exposure with threshold × reliability, exactly.
func (s Stakeholder) assess(th ZoneThresholds) (Criticality, error) {
	c := Criticality{Vendor: s.Vendor, Exposure: s.Dependency * s.Penetration, Reliability: s.Maturity * s.Trust}
	exposure, reliability := outsourcing.DecimalFromInt(int64(c.Exposure)), outsourcing.DecimalFromInt(int64(c.Reliability))
	threat, err := exposure.Quo(reliability, 2, outsourcing.RoundHalfUp)
	if err != nil {
		return Criticality{}, err
	}
	c.Threat = threat
	switch {
	case exposure.GreaterThanOrEqual(th.Danger.Mul(reliability)):
		c.Zone, c.RiskLevel = ZoneDanger, outsourcing.RiskLevelHigh
	case exposure.GreaterThanOrEqual(th.Control.Mul(reliability)):
		c.Zone, c.RiskLevel = ZoneControl, outsourcing.RiskLevelModerate
	default:
		c.Zone, c.RiskLevel = ZoneWatch, outsourcing.RiskLevelLow
	}
	return c, nil
}
