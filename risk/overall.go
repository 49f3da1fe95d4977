package risk

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// Overall is a register's overall risk, worked out by Assess (see
// OverallLevel for the rule).
type Overall struct {
	// Level is the matrix level ID of the highest residual rating among
	// the risks that are not closed, and Rank its 1-based rank (1 = least
	// severe); "" and 0 when every risk is closed or there are none.
	Level Level `json:"level,omitempty"`
	Rank  int   `json:"rank,omitempty"`
	// NIST is Level on NIST SP 800-30 Rev. 1's five-level scale
	// (Matrix.NISTLevel), ready for planning.SourcingInputs.Risk.
	NIST outsourcing.RiskLevel `json:"nist,omitempty"`
	// RiskIDs are the risks at Level, in register order.
	RiskIDs []string `json:"risk_ids,omitempty"`
}

// overall finds the highest residual level among the risks of reg that
// are not closed; risks are their assessments, in register order.
func (m *Matrix) overall(reg Register, risks []RiskReport) Overall {
	var o Overall
	for i, k := range reg.Risks {
		if k.Status == StatusClosed || risks[i].NotYetIdentified {
			continue
		}
		switch ev := risks[i].Residual.Evaluation; {
		case ev.Rank > o.Rank:
			o = Overall{Level: ev.Level, Rank: ev.Rank, NIST: m.nist[ev.Rank-1], RiskIDs: []string{k.ID}}
		case ev.Rank == o.Rank:
			o.RiskIDs = append(o.RiskIDs, k.ID)
		}
	}
	return o
}

// OverallLevel returns a register's overall risk on NIST SP 800-30 Rev.
// 1's five-level scale, to feed planning.SourcingInputs.Risk (Handbook
// §1.2–§1.3). rep is what Assess returned; the level is rep.Overall.NIST.
//
// The rule: the overall risk is the highest residual risk level among the
// risks that are not closed and were identified by the day assessed. Residual, because it is the risk the
// organisation still carries after its controls and treatments (Handbook
// §5.2); the highest, because one risk beyond tolerance is enough to weigh
// on a sourcing decision and an average of ordinal levels means nothing.
// The level is then mapped onto NIST's very low … very high by the
// matrix (Matrix.NISTLevel): by the levels' NISTLevel when the matrix
// sets them, else by position, level r of k (1 = least severe) becoming
// NIST level ⌈5r/k⌉, the most severe NIST level its share of the scale
// overlaps — never an understatement, 1:1 for five levels, the top level
// always very high.
//
// The presets set their mappings explicitly:
//   - NISTRiskMatrix and NISTLikelihoodMatrix: 1:1, their levels are
//     NIST's own five (Table I-2, Table G-5).
//   - OWASPMatrix: Note, Low, Medium, High, Critical → very low, low,
//     moderate, high, very high. Five ordered severities onto five
//     ordered levels: Note, the cell of low likelihood and low impact, is
//     NIST's very low; Critical, high likelihood and high impact, is very
//     high; the three between keep their places.
//   - Classic5x5: Low, Moderate, High, Extreme → low, moderate, high,
//     very high. The NPSA's three lower bands share NIST's names and
//     order; Extreme (scores 15–25, likely or certain with major or
//     catastrophic consequences) is the top of the scale, NIST's very high
//     ("multiple severe or catastrophic adverse effects", Table I-3). Four
//     bands leave one NIST level unused: very low, since the NPSA has no
//     band for negligible risk and mapping its lowest band lower than its
//     name would understate it. This is also ⌈5r/4⌉.
//
// A report without an overall level (every risk closed, or not made by
// Assess) is a *outsourcing.FieldError at "/overall" matching
// outsourcing.ErrInvalidInput, as is an unknown NIST level.
func OverallLevel(rep Report) (outsourcing.RiskLevel, error) {
	switch o := rep.Overall; {
	case o.NIST == "":
		return "", wrap(outsourcing.FieldErrorf("/overall", "the report has no overall risk: no risk is open"))
	case o.NIST.Rank() == 0:
		return "", wrap(outsourcing.FieldErrorf("/overall/nist", "unknown NIST level %q", text.Truncate(string(o.NIST), 40)))
	default:
		return o.NIST, nil
	}
}
