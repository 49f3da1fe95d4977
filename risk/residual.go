package risk

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// CombinedEffectiveness returns 1 − Π(1 − eᵢ), the share of a risk removed
// by independent controls of effectiveness eᵢ ∈ [0,1]: 0 without controls,
// 1 when any control is fully effective. An effectiveness outside 0..1 (or
// NaN) is a *outsourcing.FieldError at its index ("/1").
func CombinedEffectiveness(e ...float64) (float64, error) {
	remaining := 1.0
	for i, x := range e {
		if !(x >= 0 && x <= 1) {
			return 0, wrap(errorf(jsonptr.Join(i), "effectiveness %g is outside 0..1", x))
		}
		remaining *= 1 - x
	}
	return 1 - remaining, nil
}

// ResidualSource says how a residual rating was obtained.
type ResidualSource string

// Residual sources.
const (
	// ResidualSourceInherent: no controls and no re-rating; residual = inherent.
	ResidualSourceInherent ResidualSource = "inherent"
	// ResidualSourceControls: derived from the controls' combined effectiveness.
	ResidualSourceControls ResidualSource = "controls"
	// ResidualSourceRerating: an explicit re-rating after treatment.
	ResidualSourceRerating ResidualSource = "rerating"
)

var residualSources = []ResidualSource{ResidualSourceInherent, ResidualSourceControls, ResidualSourceRerating}

// String returns the source name.
func (s ResidualSource) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown sources.
func (s ResidualSource) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(s, "residual_source", residualSources)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown sources.
func (s *ResidualSource) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(s, text, "residual_source", residualSources)
}

// Residual is a risk's residual position and how it was derived.
type Residual struct {
	Evaluation Evaluation     `json:"evaluation"`
	Source     ResidualSource `json:"source"`
	// LikelihoodEffectiveness and ImpactEffectiveness are the combined
	// effectiveness of the controls on each axis.
	LikelihoodEffectiveness float64 `json:"likelihood_effectiveness"`
	ImpactEffectiveness     float64 `json:"impact_effectiveness"`
}

// Residual returns the risk's residual rating on m. A re-rating (Risk.Residual)
// wins. Otherwise each axis is reduced by its controls: with combined
// effectiveness E, the level's value v becomes v·(1 − E) and the residual
// level is the lowest whose value is ≥ v·(1 − E), so controls never
// lower a risk by more than they remove, and never below the lowest level.
// Axis values are taken to be ≥ 0. Ratings off the scale and effectiveness
// outside 0..1 are *outsourcing.FieldError values pointing into k
// ("/inherent/impact", "/controls/0/effectiveness").
func (m *Matrix) Residual(k Risk) (Residual, error) {
	r, err := m.residual(k)
	return r, wrap(err)
}

func (m *Matrix) residual(k Risk) (Residual, error) {
	if k.Residual != nil {
		ev, err := m.rate("/residual", *k.Residual)
		return Residual{Evaluation: ev, Source: ResidualSourceRerating}, err
	}
	inh, err := m.rate("/inherent", k.Inherent)
	if err != nil {
		return Residual{}, err
	}
	if len(k.Controls) == 0 {
		return Residual{Evaluation: inh, Source: ResidualSourceInherent}, nil
	}
	keepL, keepI := 1.0, 1.0
	for j, c := range k.Controls {
		if !(c.Effectiveness >= 0 && c.Effectiveness <= 1) {
			return Residual{}, errorf(jsonptr.Join("controls", j, "effectiveness"), "effectiveness %g is outside 0..1", c.Effectiveness)
		}
		if c.Target == ControlTargetImpact {
			keepI *= 1 - c.Effectiveness
		} else {
			keepL *= 1 - c.Effectiveness
		}
	}
	el, ei := 1-keepL, 1-keepI
	row := reduce(m.spec.Likelihood, inh.Row, el)
	col := reduce(m.spec.Impact, inh.Col, ei)
	return Residual{Evaluation: m.At(row, col), Source: ResidualSourceControls,
		LikelihoodEffectiveness: el, ImpactEffectiveness: ei}, nil
}

// reduce returns the lowest level of a whose value is ≥ value(i)·(1−e).
func reduce(a Axis, i int, e float64) int {
	target := a.Levels[i].Value * (1 - e)
	for j := 0; j < i; j++ {
		if a.Levels[j].Value >= target {
			return j
		}
	}
	return i
}
