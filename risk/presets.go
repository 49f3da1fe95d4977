package risk

import "github.com/outsourcing-go/outsourcing"

// Presets: matrices that reproduce published tables cell for cell. Each is
// compiled once and shared; a *Matrix is immutable.

var (
	nistRisk       = mustMatrix(nistRiskSpec())
	nistLikelihood = mustMatrix(nistLikelihoodSpec())
	owaspSeverity  = mustMatrix(owaspSpec())
	classic5x5     = mustMatrix(classic5x5Spec())
)

// mustMatrix compiles a preset; presets are covered by tests, so a failure
// is a programming error caught at package initialisation.
func mustMatrix(spec MatrixSpec) *Matrix {
	m, err := NewMatrix(spec)
	if err != nil {
		panic("risk: preset " + spec.ID + ": " + err.Error())
	}
	return m
}

func ptr(f float64) *float64 { return &f }

// NISTScale returns the semi-quantitative scale of NIST SP 800-30 Rev. 1
// (Tables G-2..G-4, H-3, I-3) as an axis named name: Very Low 0–4
// (representative value 0), Low 5–20 (2), Moderate 21–79 (5), High 80–95
// (8), Very High 96–100 (10). The published integer ranges leave gaps
// (4.5); they are closed as [0,5), [5,21), [21,80), [80,96), [96,100].
func NISTScale(name string) Axis {
	return Axis{Name: name, Levels: []AxisLevel{
		{ID: "very_low", Label: "Very Low", Value: 0, Min: ptr(0), Max: ptr(5)},
		{ID: "low", Label: "Low", Value: 2, Min: ptr(5), Max: ptr(21)},
		{ID: "moderate", Label: "Moderate", Value: 5, Min: ptr(21), Max: ptr(80)},
		{ID: "high", Label: "High", Value: 8, Min: ptr(80), Max: ptr(96)},
		{ID: "very_high", Label: "Very High", Value: 10, Min: ptr(96), Max: ptr(100)},
	}}
}

// nistLevels are NIST's five qualitative levels as risk levels, each its
// own NIST level.
func nistLevels() []LevelDef {
	return []LevelDef{
		{ID: "very_low", Label: "Very Low", Color: "#1a9641", NISTLevel: outsourcing.RiskLevelVeryLow},
		{ID: "low", Label: "Low", Color: "#a6d96a", NISTLevel: outsourcing.RiskLevelLow},
		{ID: "moderate", Label: "Moderate", Color: "#ffffbf", NISTLevel: outsourcing.RiskLevelModerate},
		{ID: "high", Label: "High", Color: "#fdae61", NISTLevel: outsourcing.RiskLevelHigh},
		{ID: "very_high", Label: "Very High", Color: "#d7191c", NISTLevel: outsourcing.RiskLevelVeryHigh},
	}
}

func nistRiskSpec() MatrixSpec {
	const vl, l, m, h, vh Level = "very_low", "low", "moderate", "high", "very_high"
	return MatrixSpec{
		ID:         "nist-800-30-i2",
		Name:       "NIST SP 800-30 Rev. 1 Table I-2: level of risk",
		Source:     "NIST SP 800-30 Rev. 1 (2012), Appendix I, Table I-2",
		Likelihood: NISTScale("Likelihood"),
		Impact:     NISTScale("Impact"),
		Levels:     nistLevels(),
		// Rows from Very Low likelihood up; columns impact Very Low..Very High.
		Table: [][]Level{
			{vl, vl, vl, l, l},
			{vl, l, l, l, m},
			{vl, l, m, m, h},
			{vl, l, m, h, vh},
			{vl, l, m, h, vh},
		},
		Appetite:  l,
		Tolerance: m,
	}
}

// NISTRiskMatrix returns NIST SP 800-30 Rev. 1 Table I-2 (level of risk):
// rows are the overall likelihood, columns the level of impact, both on
// NISTScale. The table is not symmetric. Appetite is Low and tolerance
// Moderate: a configuration choice, not NIST's; change them on a copy of
// Spec() for your organisation. Its levels are NIST's own, mapped 1:1 by
// NISTLevel.
func NISTRiskMatrix() *Matrix { return nistRisk }

func nistLikelihoodSpec() MatrixSpec {
	const vl, l, m, h, vh Level = "very_low", "low", "moderate", "high", "very_high"
	return MatrixSpec{
		ID:         "nist-800-30-g5",
		Name:       "NIST SP 800-30 Rev. 1 Table G-5: overall likelihood",
		Source:     "NIST SP 800-30 Rev. 1 (2012), Appendix G, Table G-5",
		Likelihood: NISTScale("Likelihood of threat event initiation or occurrence"),
		Impact:     NISTScale("Likelihood threat event results in adverse impact"),
		Levels:     nistLevels(),
		Table: [][]Level{
			{vl, vl, l, l, l},
			{vl, l, l, m, m},
			{l, l, m, m, h},
			{l, m, m, h, vh},
			{l, m, h, vh, vh},
		},
		Appetite:  l,
		Tolerance: m,
	}
}

// NISTLikelihoodMatrix returns NIST SP 800-30 Rev. 1 Table G-5 (overall
// likelihood): rows are the likelihood of threat event initiation or
// occurrence, columns the likelihood that it results in adverse impact;
// the "level" of a cell is the overall likelihood, to be used as the row
// of NISTRiskMatrix.
func NISTLikelihoodMatrix() *Matrix { return nistLikelihood }

func owaspAxis(name string) Axis {
	return Axis{Name: name, Levels: []AxisLevel{
		{ID: "low", Label: "LOW", Value: 1.5, Min: ptr(0), Max: ptr(3)},
		{ID: "medium", Label: "MEDIUM", Value: 4.5, Min: ptr(3), Max: ptr(6)},
		{ID: "high", Label: "HIGH", Value: 7.5, Min: ptr(6), Max: ptr(9)},
	}}
}

func owaspSpec() MatrixSpec {
	const n, l, m, h, c Level = "note", "low", "medium", "high", "critical"
	return MatrixSpec{
		ID:         "owasp-risk-rating",
		Name:       "OWASP Risk Rating Methodology: overall risk severity",
		Source:     "OWASP Risk Rating Methodology, Step 4 (Determining the Severity of the Risk)",
		Likelihood: owaspAxis("Likelihood"),
		Impact:     owaspAxis("Impact"),
		Levels: []LevelDef{
			{ID: n, Label: "Note", Color: "#1a9641", NISTLevel: outsourcing.RiskLevelVeryLow},
			{ID: l, Label: "Low", Color: "#a6d96a", NISTLevel: outsourcing.RiskLevelLow},
			{ID: m, Label: "Medium", Color: "#ffffbf", NISTLevel: outsourcing.RiskLevelModerate},
			{ID: h, Label: "High", Color: "#fdae61", NISTLevel: outsourcing.RiskLevelHigh},
			{ID: c, Label: "Critical", Color: "#d7191c", NISTLevel: outsourcing.RiskLevelVeryHigh},
		},
		// Rows likelihood LOW..HIGH; columns impact LOW..HIGH. OWASP prints
		// the transpose (rows impact HIGH..LOW).
		Table: [][]Level{
			{n, l, m},
			{l, m, h},
			{m, h, c},
		},
		Appetite:  l,
		Tolerance: m,
	}
}

// OWASPMatrix returns the OWASP Risk Rating Methodology's overall severity
// matrix. Axis levels LOW [0,3), MEDIUM [3,6), HIGH [6,9] classify the
// averaged factor scores (see OWASPFactors); axis values are the ranges'
// midpoints (1.5, 4.5, 7.5). Appetite Low, tolerance Medium (configuration,
// not OWASP's). The five severities map 1:1 onto NIST's five levels (see
// OverallLevel).
func OWASPMatrix() *Matrix { return owaspSeverity }

func classic5x5Spec() MatrixSpec {
	return MatrixSpec{
		ID:     "classic-5x5",
		Name:   "Classic 5×5 likelihood × consequence matrix",
		Source: "NHS National Patient Safety Agency, A risk matrix for risk managers (2008)",
		Likelihood: Axis{Name: "Likelihood", Levels: []AxisLevel{
			{ID: "rare", Label: "Rare", Value: 1},
			{ID: "unlikely", Label: "Unlikely", Value: 2},
			{ID: "possible", Label: "Possible", Value: 3},
			{ID: "likely", Label: "Likely", Value: 4},
			{ID: "almost_certain", Label: "Almost certain", Value: 5},
		}},
		Impact: Axis{Name: "Consequence", Levels: []AxisLevel{
			{ID: "negligible", Label: "Negligible", Value: 1},
			{ID: "minor", Label: "Minor", Value: 2},
			{ID: "moderate", Label: "Moderate", Value: 3},
			{ID: "major", Label: "Major", Value: 4},
			{ID: "catastrophic", Label: "Catastrophic", Value: 5},
		}},
		Formula: FormulaProduct,
		Levels: []LevelDef{
			{ID: "low", Label: "Low", Color: "#1a9641", MinScore: ptr(1), NISTLevel: outsourcing.RiskLevelLow},
			{ID: "moderate", Label: "Moderate", Color: "#ffffbf", MinScore: ptr(4), NISTLevel: outsourcing.RiskLevelModerate},
			{ID: "high", Label: "High", Color: "#fdae61", MinScore: ptr(8), NISTLevel: outsourcing.RiskLevelHigh},
			{ID: "extreme", Label: "Extreme", Color: "#d7191c", MinScore: ptr(15), NISTLevel: outsourcing.RiskLevelVeryHigh},
		},
		Appetite:  "low",
		Tolerance: "moderate",
	}
}

// Classic5x5 returns the classic 5×5 matrix of the NHS National Patient
// Safety Agency's "A risk matrix for risk managers" (2008): likelihood
// 1 Rare .. 5 Almost certain, consequence 1 Negligible .. 5 Catastrophic,
// score = likelihood × consequence, banded 1–3 Low, 4–6 Moderate, 8–12
// High, 15–25 Extreme. Appetite Low, tolerance Moderate (configuration).
// Low, Moderate, High and Extreme map onto NIST's low, moderate, high and
// very high (see OverallLevel).
func Classic5x5() *Matrix { return classic5x5 }
