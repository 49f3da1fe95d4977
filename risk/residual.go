package risk

import (
	"math"
	"math/big"
	"strconv"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// CombinedEffectiveness returns 1 − Π(1 − eᵢ), the share of a risk removed
// by independent controls of effectiveness eᵢ ∈ [0,1]: 0 without controls,
// 1 when any control is fully effective (CombinationCompound). An
// effectiveness outside 0..1 (or NaN) is a *outsourcing.FieldError at its
// index ("/1").
func CombinedEffectiveness(e ...float64) (float64, error) { return compound.Combine(e...) }

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
	// Evaluation is the residual cell of the matrix.
	Evaluation Evaluation     `json:"evaluation"`
	Source     ResidualSource `json:"source"`
	// LikelihoodEffectiveness and ImpactEffectiveness are the combined
	// effectiveness of the controls on each axis.
	LikelihoodEffectiveness float64 `json:"likelihood_effectiveness"`
	ImpactEffectiveness     float64 `json:"impact_effectiveness"`
	// LikelihoodValue and ImpactValue are the residual position as
	// numbers: the inherent levels' values times (1 − combined
	// effectiveness), or the re-rated levels' values.
	LikelihoodValue float64 `json:"likelihood_value"`
	ImpactValue     float64 `json:"impact_value"`
	// Score is the residual risk as a number, not snapped to a level: the
	// matrix's formula or score expression applied to LikelihoodValue and
	// ImpactValue (ranks those of Evaluation's cell); for a matrix with a
	// lookup table, their product.
	Score float64 `json:"score"`
}

// Residual returns the risk's residual rating on m with the controls
// combined by compounding (see ResidualWith).
func (m *Matrix) Residual(k Risk) (Residual, error) { return m.ResidualWith(k, compound) }

// ResidualWith returns the risk's residual rating on m, the controls on
// each axis combined by c. A re-rating (Risk.Residual) wins. Otherwise
// each axis is reduced by its controls: with combined effectiveness E, the
// level's value v becomes v·(1 − E) and the residual level is the lowest
// whose value is ≥ v·(1 − E), so controls never lower a risk by more than
// they remove, and never below the lowest level. Axis values are taken to
// be ≥ 0. Ratings off the scale and effectiveness outside 0..1 are
// *outsourcing.FieldError values pointing into k ("/inherent/impact",
// "/controls/0/effectiveness"); a failing combination rule is one at
// "/controls".
func (m *Matrix) ResidualWith(k Risk, c *Combiner) (Residual, error) {
	r, err := m.residual(k, c)
	return r, wrap(err)
}

func (m *Matrix) residual(k Risk, c *Combiner) (Residual, error) {
	if k.Residual != nil {
		ev, err := m.rate("/residual", *k.Residual)
		if err != nil {
			return Residual{}, err
		}
		return m.scored(Residual{Evaluation: ev, Source: ResidualSourceRerating}, 0, 0)
	}
	inh, err := m.rate("/inherent", k.Inherent)
	if err != nil {
		return Residual{}, err
	}
	if len(k.Controls) == 0 {
		return m.scored(Residual{Evaluation: inh, Source: ResidualSourceInherent}, 0, 0)
	}
	var onL, onI []float64
	for j, ctl := range k.Controls {
		if !(ctl.Effectiveness >= 0 && ctl.Effectiveness <= 1) {
			return Residual{}, outsourcing.FieldErrorf(jsonptr.Join("controls", j, "effectiveness"), "effectiveness %g is outside 0..1", ctl.Effectiveness)
		}
		if ctl.Target == ControlTargetImpact {
			onI = append(onI, ctl.Effectiveness)
		} else {
			onL = append(onL, ctl.Effectiveness)
		}
	}
	el, err := c.combine("/controls", onL)
	if err != nil {
		return Residual{}, err
	}
	ei, err := c.combine("/controls", onI)
	if err != nil {
		return Residual{}, err
	}
	row := reduce(m.spec.Likelihood, inh.Row, c.kept(onL, el))
	col := reduce(m.spec.Impact, inh.Col, c.kept(onI, ei))
	r := Residual{Evaluation: m.At(row, col), Source: ResidualSourceControls, LikelihoodEffectiveness: el, ImpactEffectiveness: ei}
	return m.scored(r, inh.Row, inh.Col)
}

// scored fills the residual values and score: the values of the cell at
// (row, col) reduced by the combined effectiveness (for a risk without
// controls or a re-rating, the effectiveness is 0 and the cell its own).
func (m *Matrix) scored(r Residual, row, col int) (Residual, error) {
	if r.Source != ResidualSourceControls {
		row, col = r.Evaluation.Row, r.Evaluation.Col
	}
	r.LikelihoodValue = m.spec.Likelihood.Levels[row].Value * (1 - r.LikelihoodEffectiveness)
	r.ImpactValue = m.spec.Impact.Levels[col].Value * (1 - r.ImpactEffectiveness)
	if m.scoreFn == nil {
		r.Score = r.LikelihoodValue * r.ImpactValue
		return r, nil
	}
	rows, cols := m.Size()
	s, err := m.scoreFn(ScoreEnv{Likelihood: r.LikelihoodValue, Impact: r.ImpactValue,
		LikelihoodRank: r.Evaluation.Row + 1, ImpactRank: r.Evaluation.Col + 1, LikelihoodLevels: rows, ImpactLevels: cols})
	if err != nil {
		return Residual{}, scoreError(m.spec.ID, "residual", err)
	}
	if math.IsNaN(s) || math.IsInf(s, 0) {
		return Residual{}, outsourcing.FieldErrorf("/score_expression", "matrix %q: the residual score %g is not a finite number", text.Truncate(m.spec.ID, 40), s)
	}
	r.Score = s
	return r, nil
}

// reduce returns the lowest level of a whose value is ≥ value(i)·keep,
// compared exactly on the decimals the values are written as.
func reduce(a Axis, i int, keep *big.Rat) int {
	target := keep.Mul(keep, exact(a.Levels[i].Value))
	for j := 0; j < i; j++ {
		if exact(a.Levels[j].Value).Cmp(target) >= 0 {
			return j
		}
	}
	return i
}

// kept returns 1 − E exactly, the share of an axis the controls e leave,
// E their combined effectiveness: for compounding Π(1 − eᵢ) on the
// decimals written, so 0.2 and 0.25 leave exactly 0.6 (float64 makes it
// 0.6000000000000001, which would keep a 5 from falling to a level of 3).
func (c *Combiner) kept(e []float64, combined float64) *big.Rat {
	one := big.NewRat(1, 1)
	if c.method != CombinationCompound {
		return one.Sub(one, exact(combined))
	}
	for _, x := range e {
		one.Mul(one, new(big.Rat).Sub(big.NewRat(1, 1), exact(x)))
	}
	return one
}

// exact is x as the shortest decimal that reads back as x: the number a
// document or caller wrote, as an exact fraction.
func exact(x float64) *big.Rat {
	r, _ := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64)) // finite: checked by the caller
	return r
}
